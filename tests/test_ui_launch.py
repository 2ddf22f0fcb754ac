"""Launch: the window paints before the heavy libraries load, and says what still loads.

Each test runs the real entry point (`exitbot-desktop`) in a fresh Python, so modules
that other tests imported cannot hide an import on the way to the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The database layer, the model clients and PDF rendering: together they cost several
# times what a bare PySide6 window takes to appear.
HEAVY = (
    "sqlalchemy",
    "sqlcipher3",
    "alembic",
    "ollama",
    "httpx",
    "pydantic",
    "llama_cpp",
    "reportlab",
)

# Watches every event of the real app: at the first paint it notes which heavy modules
# are loaded, and it notes each text the status line is painted with. Once the assistant
# is ready it notes the modules again, builds every page still unbuilt (noting what that
# had to import), and quits as if the window were closed.
_CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    from exitbot_desktop import cli
    from exitbot_desktop.ui import app as gui

    heavy = sys.argv[2].split(",")
    seen = {"status": []}

    def loaded():
        return [m for m in heavy if m in sys.modules]

    def note_status(text):
        if seen["status"][-1:] != [text]:
            seen["status"].append(text)

    class Watch(QObject):
        status_line = None

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                if "first_paint" not in seen:
                    seen["first_paint"] = loaded()
                if watched is self.status_line:
                    note_status(watched.text())
            return False

    watch = Watch()

    class Window(gui.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            watch.status_line = self.backend_label
            self.assistant.ready.connect(self.ready)
            QTimer.singleShot(60_000, QApplication.quit)  # ready never came: the test says so

        def ready(self):
            seen["ready"] = loaded()
            note_status(self.backend_label.text())  # quitting before it is painted
            before = set(sys.modules)
            self.recovery_page, self.home_page, self.arm_page, self.employee
            seen["pages_imported"] = sorted(set(sys.modules) - before)
            QApplication.quit()

    create_app = gui.create_app

    def watched_app(argv=None):
        app, translations = create_app(argv)
        app.installEventFilter(watch)
        translations.set_language(sys.argv[3])
        return app, translations

    gui.create_app = watched_app
    gui.MainWindow = Window
    code = cli.main(["--data-dir", sys.argv[1]])
    print(json.dumps(seen), flush=True)
    sys.exit(code)
    """
)


def _launch(data: Path, language: str = "en") -> dict[str, list[str]]:
    """Start the app on `data` in `language` and return what the watcher saw."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", EXITBOT_LLM="rules")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(data), ",".join(HEAVY), language],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, list[str]] = json.loads(done.stdout.splitlines()[-1])
    return seen


@pytest.fixture(scope="module")
def launched(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One launch in English on a fresh data folder, watched until the assistant is ready."""
    return _launch(tmp_path_factory.mktemp("launch") / "data")


def test_the_window_paints_before_the_database_and_model_libraries_load(
    launched: dict[str, list[str]],
) -> None:
    assert launched["first_paint"] == []
    # Afterwards they load, so the first unlock and the first interview need not wait.
    assert {"sqlalchemy", "sqlcipher3", "alembic", "ollama", "llama_cpp"} <= set(launched["ready"])


def test_pages_shown_after_the_first_unlock_are_loaded_by_then(
    launched: dict[str, list[str]],
) -> None:
    assert launched["pages_imported"] == []


def test_the_status_line_says_what_is_still_loading(launched: dict[str, list[str]]) -> None:
    status = launched["status"]
    assert status[:2] == ["Loading the database engine…", "Loading the assistant…"]
    assert status[-1] == "Built-in questions (no AI model)"


def test_the_status_line_says_it_in_german(tmp_path: Path) -> None:
    status = _launch(tmp_path / "data", "de")["status"]
    assert status[:2] == ["Die Datenbank wird geladen …", "Der Assistent wird geladen …"]

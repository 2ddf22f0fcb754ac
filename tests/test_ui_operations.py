"""Background operations when the app quits while some still run.

HR may quit ExitBot while an op is still under way: an assistant test stopped while the
Ollama server still holds it, a purge preview still counting. PySide then destroys the
objects Python owns, and each lane's pool waits for the ops it still runs; an op that
finished then used to report to a relay already destroyed, and PySide printed
"Signal source has been deleted" on stderr, once per op (it showed at the end of
tests/test_ui_settings.py). The quit is checked in a fresh Python, the way the app ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from exitbot_desktop.ui import operations
from exitbot_desktop.ui.operations import Lane, Op

ROOT = Path(__file__).resolve().parents[1]

# Pages with an op each on every lane, still running when the pages close and the
# app quits (its event loop never runs again, so no op can report).
_QUIT_WHILE_RUNNING = textwrap.dedent(
    """
    import time
    from PySide6.QtWidgets import QWidget
    from exitbot_desktop.ui.app import create_app
    from exitbot_desktop.ui.operations import Lane, Op

    app, _translations = create_app([])
    pages = [QWidget() for _ in range(12)]
    for number, page in enumerate(pages):
        page.show()
        lane = (Lane.STORE, Lane.MODEL, Lane.WORK)[number % 3]
        Op(lambda _ctx: time.sleep(0.1), lane=lane, owner=page).success(print).run_in_background()
    for page in pages:
        page.close()
    """
)


def test_quitting_while_operations_still_run_prints_nothing() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _QUIT_WHILE_RUNNING],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Signal source has been deleted" not in done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout == ""  # no op reported once the app had quit


def test_finished_operations_leave_nothing_behind(qtbot: QtBot) -> None:
    """Each op's relay belongs to its pool only while the op runs."""
    page = QWidget()
    qtbot.addWidget(page)
    results: list[int] = []
    for number in range(6):
        lane = (Lane.STORE, Lane.MODEL, Lane.WORK)[number % 3]
        Op(lambda _ctx, n=number: n, lane=lane, owner=page).success(
            results.append
        ).run_in_background()
    qtbot.waitUntil(lambda: len(results) == 6, timeout=10_000)
    assert sorted(results) == list(range(6))
    assert not operations._running
    for lane in (Lane.STORE, Lane.MODEL, Lane.WORK):
        assert operations._pool(lane).children() == []

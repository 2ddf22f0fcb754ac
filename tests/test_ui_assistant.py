"""Choosing the assistant in the background: only the latest choice ever shows.

HR may change the backend setting while an earlier probe or model load is still
running; whatever that earlier one finishes with must neither replace the newer backend
nor its line in the status bar. Real window on a real encrypted database; the backends
are small stand-ins that take their time.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

import exitbot_desktop.ui.assistant as assistant_module
from exitbot_desktop.engine.llm.rules import RulesBackend
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF
from exitbot_desktop.ui.assistant import Assistant
from exitbot_desktop.ui.i18n import Translations
from exitbot_desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


class _StandIn(RulesBackend):
    """Follows up like the rules, but has its own name and may load slowly."""

    def __init__(self, name: str, load_seconds: float = 0.0) -> None:
        self.display_name = f"Model {name}"
        self.load_seconds = load_seconds
        self.loaded = threading.Event()

    def warm_up(self) -> None:
        time.sleep(self.load_seconds)
        self.loaded.set()


@pytest.fixture
def window(qtbot: QtBot, translations: Translations, hr_folder: DataFolder) -> Iterator[MainWindow]:
    """A window whose assistant chooses its backend (no fixed one)."""
    window = MainWindow(hr_folder, translations, assistant=Assistant(), kdf=FAST_KDF)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.shutdown()


def _choose(
    monkeypatch: pytest.MonkeyPatch, backends: dict[str, _StandIn], probe_seconds: dict[str, float]
) -> None:
    def select(setting: str, _host: str | None, _model: str | None) -> _StandIn:
        time.sleep(probe_seconds.get(setting, 0.0))
        return backends[setting]

    monkeypatch.setattr(assistant_module, "_select", select)


def test_a_slow_earlier_probe_never_replaces_the_latest_choice(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _StandIn("A"), _StandIn("B")
    _choose(monkeypatch, {"a": first, "b": second}, {"a": 0.6})
    shown: list[str] = []
    window.assistant.status_changed.connect(shown.append)
    window.assistant.start("a")
    window.assistant.start("b")
    qtbot.waitUntil(lambda: window.backend_label.text() == "Model B")
    qtbot.wait(900)  # the first probe has long finished by now
    assert window.assistant.backend is second
    assert window.backend_label.text() == "Model B"
    assert not any("Model A" in text for text in shown)


def test_a_model_still_loading_from_an_earlier_choice_stays_out_of_the_status(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = _StandIn("A", load_seconds=0.5), _StandIn("B")
    _choose(monkeypatch, {"a": first, "b": second}, {})
    window.assistant.start("a")
    qtbot.waitUntil(lambda: window.backend_label.text() == "Model A · loading…")
    ready: list[bool] = []
    shown: list[str] = []
    window.assistant.ready.connect(lambda: ready.append(True))
    window.assistant.status_changed.connect(shown.append)
    window.assistant.start("b")
    qtbot.waitUntil(lambda: window.backend_label.text() == "Model B", timeout=5_000)
    assert first.loaded.is_set()  # A's load finished (first on the model lane) ...
    qtbot.wait(100)
    assert window.backend_label.text() == "Model B"
    assert shown == ["Model B · loading…", "Model B"]  # ... and was never announced
    assert ready == [True]

"""Keyboard-only and screen-reader use: Enter presses buttons, focus lands somewhere safe,
and every control says what it belongs to.

Real windows on a real encrypted database, driven by keys sent to the focused widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from exitbot_desktop.engine.store import vault

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory


def test_return_presses_the_focused_start_and_next_buttons(
    ui: UiDriver, make_window: WindowFactory, hr_folder: vault.DataFolder
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    assert window.employee.welcome.start_button.hasFocus()
    ui.press(Qt.Key.Key_Return)
    ui.wait_question(window, 1)
    page = window.employee.question
    ui.press(Qt.Key.Key_Space)  # the first reason
    ui.tab_to(page.next_button)
    ui.press(Qt.Key.Key_Enter)  # the keypad's Enter works too
    ui.wait_question(window, 2)
    ui.type("Too little time for the work.")
    ui.tab_to(page.next_button)
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(lambda: page.followups.followup_id is not None, timeout=10_000)

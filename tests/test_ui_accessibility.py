"""Accessibility: names for screen readers, visible focus, system font, high contrast, sizes.

Every screen of a whole interview is visited; on each, every control a keyboard can
reach must have a name a screen reader can read out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QPushButton,
    QRadioButton,
    QWidget,
)

from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.ui import style
from exitbot_desktop.ui.employee.answer_inputs import TextInput

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.ui.main_window import MainWindow


def _reachable(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if (
            widget.isVisibleTo(root)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.window() is root.window()
        ):
            yield widget


def _unnamed(window: MainWindow) -> list[str]:
    page = window.stack.currentWidget()
    roots = [page]
    if window._workspace is not None and window._workspace.isVisible():
        roots.append(window.workspace)  # the bar over the HR workspace pages
    missing = []
    for widget in (w for root in roots for w in _reachable(root)):
        name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text().replace("&", "")
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_on_every_screen_has_an_accessible_name(
    ui: UiDriver, make_window: WindowFactory, folder: DataFolder
) -> None:
    window = make_window(folder)
    seen: list[str] = []

    def check(screen: str) -> None:
        assert _unnamed(window) == [], screen
        seen.append(screen)

    check("setup")
    page = window.setup_page
    page.account.setText("alice")
    page.password.setText(ui.password)
    page.repeat.setText(ui.password)
    ui.activate(page.create_button)
    ui.wait_page(window, window.recovery_page)
    check("recovery key")
    ui.activate(window.recovery_page.written_down)
    ui.activate(window.recovery_page.continue_button)
    ui.wait_page(window, window.home_page)
    check("home")
    window.lock()
    ui.wait_page(window, window.unlock_page)
    check("unlock")
    ui.activate(window.unlock_page.forgot_button)
    check("unlock with recovery key")
    ui.activate(window.unlock_page.back_button)
    ui.unlock(window)
    ui.activate(window.workspace.start_button)
    ui.wait_page(window, window.arm_page)
    check("arm")
    ui.activate(window.arm_page.hand_over_button)
    ui.wait_employee(window, window.employee.welcome)
    check("welcome")
    ui.start_interview(window)
    question = window.employee.question
    types: set[str] = set()
    while window.employee.stack.currentWidget() is question:
        step = question._step
        assert step is not None and step.question is not None
        if step.question.type not in types:
            types.add(step.question.type)
            check(f"question of type {step.question.type}")
        if isinstance(question.input, TextInput):
            ui.type("The workload was too high.")
        else:
            ui.press(Qt.Key.Key_Space)
        ui.next()
        ui.qtbot.waitUntil(
            lambda s=step: (
                not window.employee.controller.busy
                and (
                    question._step is not s or window.employee.stack.currentWidget() is not question
                )
            )
        )
        if question.followups.active:
            ui.qtbot.waitUntil(lambda: question.followups.followup_id is not None)
            check("follow-up")
            ui.next()
            ui.qtbot.waitUntil(lambda: not window.employee.controller.busy)
    assert types == {"text", "rating", "single_choice", "multiple_choice", "yes_no", "scale_0_10"}
    ui.wait_employee(window, window.employee.review)
    check("review")
    ui.activate(window.employee.review.submit_button)
    ui.wait_employee(window, window.employee.thanks)
    check("thanks")
    assert "follow-up" in seen


def _render(widget: QWidget) -> QImage:
    QApplication.processEvents()
    return widget.grab().toImage()


@pytest.mark.parametrize("kind", ["button", "radio", "check box", "text box"])
def test_keyboard_focus_is_visible(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, kind: str
) -> None:
    window = make_window(hr_folder)
    ui.arm_station(window)
    ui.start_interview(window)
    page = window.employee.question
    assert page.input is not None
    widget = {
        "button": page.next_button,
        "radio": page.input.focus_chain()[1],
        "check box": page.prefer_not,
        "text box": page.input,
    }[kind]
    if kind == "text box":
        ui.next()
        ui.wait_question(window, 2)
        assert isinstance(page.input, TextInput)
        widget = page.input.box
    assert isinstance(widget, QPushButton | QRadioButton | QCheckBox | QWidget)
    page.back_button.setFocus()
    unfocused = _render(widget)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    ui.qtbot.waitUntil(widget.hasFocus)
    focused = _render(widget)
    assert unfocused != focused, f"focus on a {kind} changes nothing on screen"


def test_text_follows_the_system_font_size(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, qapp: QApplication
) -> None:
    original = qapp.font()
    try:
        big = QFont(original)
        big.setPointSizeF(16)
        qapp.setFont(big)
        style.apply_style(qapp)
        window = make_window(hr_folder)
        ui.arm_station(window)
        ui.start_interview(window)
        question = window.employee.question.question
        assert question.font().pointSizeF() >= 16 * 1.5
    finally:
        qapp.setFont(original)
        style.apply_style(qapp)


def test_high_contrast_leaves_the_users_palette_alone(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    palette = qapp.palette()
    try:
        monkeypatch.setattr(style, "high_contrast_requested", lambda _app: True)
        qapp.setPalette(qapp.style().standardPalette())
        before = qapp.palette().color(qapp.palette().ColorRole.Window)
        style.apply_style(qapp)
        assert qapp.palette().color(qapp.palette().ColorRole.Window) == before
        sheet = qapp.styleSheet()
        assert "#" not in sheet  # no colour of ours
        assert "palette(highlight)" in sheet  # focus still shows, in the user's colours
    finally:
        monkeypatch.undo()
        qapp.setPalette(palette)
        style.apply_style(qapp)


@pytest.mark.parametrize("size", [(1024, 768), (3840, 2160)])
def test_the_question_screen_fits_small_and_huge_windows(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, size: tuple[int, int]
) -> None:
    window = make_window(hr_folder)
    window.resize(*size)
    ui.arm_station(window)
    ui.start_interview(window)
    page = window.employee.question
    QApplication.processEvents()
    for button in (page.back_button, page.skip_button, page.next_button):
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.rect().contains(corner), f"{button.text()} is off screen at {size}"
    # On a 4K screen the text keeps a readable line length instead of spanning 3840 px.
    assert page.question.width() <= page.fontMetrics().averageCharWidth() * 80

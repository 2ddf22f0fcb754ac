"""The Questions page in a real window over a real encrypted database.

HR copies the built-in set, rewords and reorders its questions (keyboard and drag and
drop), previews one as the employee will see it, saves and activates the copy; the next
interview asks the new words. A set the parser refuses lists the file loader's own
messages and nothing is saved. Built-in and legacy sets are read-only, and unsaved
edits lock the list until they are saved or discarded.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
    QWidget,
)
from ui_fixtures import workspace_alt_keys

from exitbot_desktop.engine import question_library as library
from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.questions import load_question_set
from exitbot_desktop.engine.settings import read_settings
from exitbot_desktop.engine.store import vault
from exitbot_desktop.ui import operations
from exitbot_desktop.ui.employee.answer_inputs import ListChoice

if TYPE_CHECKING:
    from ui_fixtures import UiDriver, WindowFactory

    from exitbot_desktop.engine.store.folder import DataFolder
    from exitbot_desktop.ui.hr.question_form import QuestionForm
    from exitbot_desktop.ui.hr.questions_page import QuestionsPage
    from exitbot_desktop.ui.i18n import Translations
    from exitbot_desktop.ui.main_window import MainWindow

PASSWORD = "correct horse battery staple"


def _open_questions(ui: UiDriver, window: MainWindow) -> QuestionsPage:
    ui.unlock(window)
    ui.press(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    page = window.questions_page
    ui.wait_page(window, page)
    ui.qtbot.waitUntil(lambda: page.editor.model.rowCount() == 16, timeout=10_000)
    return page


def _copy(ui: UiDriver, page: QuestionsPage, new_id: str) -> None:
    ui.tab_to(page.new_id)
    ui.type(new_id)
    ui.press(Qt.Key.Key_Return)
    ui.qtbot.waitUntil(
        lambda: (
            page.selected() is not None
            and page.selected().id == new_id  # type: ignore[union-attr]
            and page.editor.form.isEnabled()
        ),
        timeout=10_000,
    )


def _open_copy(ui: UiDriver, window: MainWindow) -> QuestionsPage:
    """The Questions page with a copy of the built-in set, "acme", in the editor."""
    page = _open_questions(ui, window)
    _copy(ui, page, "acme")
    return page


def _active(page: QuestionsPage) -> list[str]:
    """The ids the list marks as in use."""
    rows = range(page.sets_model.rowCount())
    return [page.sets_model.item(r, 1).text() for r in rows if page.sets_model.item(r, 6).text()]


def _texts(page: QuestionsPage) -> list[str]:
    return [q["text"]["en"] for q in page.editor.model.questions()]


def test_hr_copies_rewords_reorders_saves_and_activates_and_the_station_asks_it(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_questions(ui, window)
    builtin = page.selected()
    assert builtin is not None and (builtin.id, builtin.kind, builtin.active) == (
        "default",
        "built-in",
        True,
    )
    assert not page.editor.form.isEnabled() and page.read_only_note.isVisible()

    _copy(ui, page, "acme")
    assert "Copied as \u201cacme\u201d" in page.status.text()
    original = _texts(page)
    page.editor.list.setFocus()
    ui.press(Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)  # question 1 → place 2
    assert _texts(page)[:2] == [original[1], original[0]]
    assert page.editor.list.currentIndex().row() == 1
    ui.tab_to(page.editor.form.text_edits["en"], limit=120)
    ui.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    ui.type("Why are you leaving us?")
    assert page.save_button.isEnabled() and not page.sets.isEnabled()  # unsaved: list locked
    ui.press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    ui.qtbot.waitUntil(lambda: "Saved as version 2" in page.status.text(), timeout=10_000)
    assert page.sets.isEnabled()

    page.sets.setFocus()
    ui.press(Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    ui.qtbot.waitUntil(lambda: "is now active" in page.status.text(), timeout=10_000)
    ui.qtbot.waitUntil(lambda: _active(page) == ["acme"], timeout=10_000)

    ui.activate(window.workspace.start_button)
    ui.wait_page(window, window.arm_page)
    ui.activate(window.arm_page.hand_over_button)
    ui.wait_employee(window, window.employee.welcome)
    ui.start_interview(window)
    assert window.employee.question.question.text() == original[1]
    store = window.store
    assert store is not None
    assert library.load_set(store, "acme").questions[1].text_for("en") == "Why are you leaving us?"
    changes = [e.detail for e in store.audit.entries() if e.action == "settings_changed"]
    assert {"key": "question_set", "old": None, "new": "acme"} in [
        {k: d.get(k) for k in ("key", "old", "new")} for d in changes
    ]


def test_a_refused_save_lists_the_loaders_messages_and_stores_nothing(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, tmp_path: Path
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    form = page.editor.form
    form.type_combo.setCurrentIndex(form.type_combo.findData("yes_no"))  # a branch breaks
    page.editor.select(1)
    form.text_edits["de"].setPlainText("")  # question 2 loses its German words
    edited = page.editor.content()

    page.save_button.click()
    ui.qtbot.waitUntil(page.editor.problems.isVisible, timeout=10_000)

    shown = [page.editor.problems.item(i).text() for i in range(page.editor.problems.count())]
    file = tmp_path / "acme.json"
    file.write_text(json.dumps({**edited, "version": 2}), encoding="utf-8")
    with pytest.raises(QuestionSetError) as loader:
        load_question_set(file)
    assert shown == loader.value.user_message.splitlines()
    assert "acme.json: questions[1].text: missing the 'de' translation" in shown
    assert any(line.startswith("acme.json: questions[2].show_if.in[0]: ") for line in shown)
    assert page.status.text() == "Nothing was saved: see the list under the editor."
    assert page.editor.dirty and page.save_button.isEnabled()
    store = window.store
    assert store is not None
    assert library.set_content(store, "acme")["version"] == 1


def test_edits_not_saved_stay_through_a_lock_and_can_be_saved_after_unlocking(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    page.editor.form.text_edits["en"].setPlainText("Why are you leaving us?")
    assert page.editor.dirty

    ui.activate(window.workspace.lock_button)
    ui.wait_page(window, window.unlock_page)
    ui.unlock(window)
    ui.press(Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    ui.wait_page(window, page)
    ui.qtbot.wait(300)  # the list comes back from the store lane

    assert page.editor.dirty and _texts(page)[0] == "Why are you leaving us?"
    page.save_button.click()
    ui.qtbot.waitUntil(lambda: "Saved as version 2" in page.status.text(), timeout=10_000)
    store = window.store
    assert store is not None
    assert library.load_set(store, "acme").questions[0].text_for("en") == "Why are you leaving us?"


def test_a_new_question_with_help_options_required_and_a_branch_is_saved_and_one_removed(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    editor, form = page.editor, page.editor.form
    last = _texts(page)[-1]
    editor.select(0)
    ui.press(Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # New question, after the first
    ui.qtbot.waitUntil(lambda: editor.model.rowCount() == 17)  # a mnemonic clicks after 100 ms
    assert editor.list.currentIndex().row() == 1 and form.text_edits["en"].hasFocus()
    ui.type("Where would you like to work?")
    ui.tab_to(form.text_edits["de"])
    form.text_edits["de"].insertPlainText("Wo möchten Sie arbeiten?")  # QTest types ASCII only
    ui.tab_to(form.help_edits["en"])
    ui.type("Pick one.")
    ui.tab_to(form.help_edits["de"])
    ui.type("Bitte eine Antwort.")
    form.type_combo.setCurrentIndex(form.type_combo.findData("single_choice"))
    for option, en, de in (("remote", "From home", "Von zu Hause"), ("office", "Office", "Büro")):
        ui.activate(form.add_choice)
        row = form.choices.rowCount() - 1
        for column, text in enumerate((option, en, de)):
            form.choices.item(row, column).setText(text)  # what typing into the cell does
    ui.activate(form.required)
    form.condition_kind.setCurrentIndex(form.condition_kind.findData("meta"))
    form.condition_ref.setCurrentIndex(form.condition_ref.findData("leaving_type"))
    ui.tab_to(form.condition_values)
    ui.type("voluntary")
    editor.select(editor.model.rowCount() - 1)
    ui.press(Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Remove question: the last one
    ui.qtbot.waitUntil(lambda: editor.model.rowCount() == 16)

    ui.press(Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    ui.qtbot.waitUntil(lambda: "Saved as version 2" in page.status.text(), timeout=10_000)

    store = window.store
    assert store is not None
    saved = library.load_set(store, "acme")
    assert len(saved.questions) == 16 and last not in [q.text_for("en") for q in saved.questions]
    new = saved.questions[1]
    assert (new.text_for("en"), new.text_for("de")) == (
        "Where would you like to work?",
        "Wo möchten Sie arbeiten?",
    )
    assert (new.help_for("en"), new.help_for("de")) == ("Pick one.", "Bitte eine Antwort.")
    assert (new.type, new.required, new.allow_prefer_not) == ("single_choice", True, True)
    assert [(c.id, c.label_for("en"), c.label_for("de")) for c in new.choices] == [
        ("remote", "From home", "Von zu Hause"),
        ("office", "Office", "Büro"),
    ]
    assert new.show_if is not None
    assert (new.show_if.meta, new.show_if.values) == ("leaving_type", ("voluntary",))


def test_drag_and_drop_moves_a_question_and_the_list_allows_only_moves(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    editor = page.editor
    original = _texts(page)
    assert editor.list.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    editor.select(2)  # shown only after "My manager" as the main reason
    form = editor.form
    assert (form.condition_kind.currentData(), form.condition_ref.currentData()) == (
        "question",
        "main_reason",
    )
    assert form.condition_values.text() == "manager"
    assert form.condition_hint.text().startswith("Possible values: career_development, ")

    # What QListView does when a row is dropped: move it before the row under the drop.
    assert editor.model.moveRow(QModelIndex(), 0, QModelIndex(), 4)

    assert _texts(page)[:4] == [*original[1:4], original[0]]
    assert editor.dirty
    page.discard_button.click()
    ui.qtbot.waitUntil(lambda: _texts(page) == original and not editor.dirty, timeout=10_000)


def test_the_preview_shows_the_question_as_the_employee_page_does_in_both_languages(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_questions(ui, window)
    editor = page.editor  # the built-in set: read-only, but it can be previewed
    editor.select(0)
    ui.tab_to(editor.preview_button)
    ui.press(Qt.Key.Key_Space)
    preview = editor.preview
    assert preview is not None
    ui.qtbot.waitUntil(preview.isVisible)

    shown = preview.page
    assert shown.question.text() == "What is the main reason you are leaving?"
    assert shown.counter.text() == "Question 1 of 16"
    assert isinstance(shown.input, ListChoice) and shown.prefer_not.isVisible()
    assert "Pay and benefits" in _option_texts(shown.input)
    preview.language.setCurrentIndex(preview.language.findData("de"))
    shown = preview.page
    assert shown.question.text() == "Was ist der Hauptgrund dafür, dass Sie uns verlassen?"
    assert "Gehalt und Zusatzleistungen" in _option_texts(shown.input)
    shown.next_button.click()  # a preview records nothing and goes nowhere
    assert shown.question.text() == "Was ist der Hauptgrund dafür, dass Sie uns verlassen?"
    preview.accept()


def test_legacy_sets_are_listed_read_only_and_cannot_be_activated(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, tmp_path: Path
) -> None:
    with vault.unlock(hr_folder, user="alice", password=PASSWORD) as store:
        legacy = {**library.set_content(store, "default"), "id": "legacy-import"}
        store.question_sets.add_next_version(legacy)  # as the CSV import stores it
    window = make_window(hr_folder)
    page = _open_questions(ui, window)
    row = next(r for r in range(page.sets_model.rowCount())
               if page.sets_model.item(r, 1).text() == "legacy-import")  # fmt: skip
    assert page.sets_model.item(row, 2).text() == "Legacy (imported)"

    page.sets.selectRow(row)

    ui.qtbot.waitUntil(lambda: page.editor_heading.text().find("legacy-import") >= 0)
    assert not page.activate_button.isEnabled() and not page.editor.form.isEnabled()
    assert page.read_only_note.isVisible()


def _option_texts(widget: QWidget | None) -> list[str]:
    assert widget is not None
    return [button.text() for button in widget.findChildren(QAbstractButton)]


def test_every_alt_key_on_the_page_and_bar_is_used_once(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    keys = workspace_alt_keys(window, page)
    assert len(keys) == len(set(keys)), keys
    assert {"q", "a", "g", "c", "v", "e", "u", "n", "r", "p"} <= set(keys)
    assert window.store is not None
    assert read_settings(window.store).question_set == "default"


def _cut_off_options(table: QTableWidget) -> list[str]:
    """The option cells whose text is not shown whole: wrapped at its cell's width (less
    the margin Qt's item views leave on each side), it needs more room than the cell has."""
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    cut = []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            assert item is not None
            cell = table.visualItemRect(item)
            room = QRect(0, 0, cell.width() - 2 * margin, 10_000)
            needed = table.fontMetrics().boundingRect(room, Qt.TextFlag.TextWordWrap, item.text())
            if needed.width() > room.width() or needed.height() > cell.height():
                cut.append(item.text())
    return cut


def _cut_off_choices(combo: QComboBox) -> list[str]:
    """The choices of a list that would not fit its box when chosen."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    shown = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    texts = [combo.itemText(i) for i in range(combo.count())]
    return [t for t in texts if combo.fontMetrics().horizontalAdvance(t) > shown.width()]


def _cut_off_words(form: QuestionForm) -> list[str]:
    """Captions, ticks and buttons narrower than their words need, and cut-off choices."""
    cut = [
        widget.text()
        for widget in form.findChildren(QWidget)
        if widget.isVisible()
        and (
            isinstance(widget, QAbstractButton)
            or (isinstance(widget, QLabel) and not widget.wordWrap())
        )
        and widget.width() < widget.sizeHint().width()
    ]
    for combo in (form.type_combo, form.condition_kind):
        cut += _cut_off_choices(combo)
    return cut


def test_after_a_switch_to_german_the_editor_speaks_german(
    ui: UiDriver, make_window: WindowFactory, hr_folder: DataFolder, translations: Translations
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    editor, form = page.editor, page.editor.form
    page.editor.select(2)  # "manager_aspects": options, asked after an answer to "main_reason"
    translations.set_language("de")
    caption = next(w for w in form.findChildren(QLabel) if w.buddy() is form.text_edits["de"])
    ui.qtbot.waitUntil(lambda: caption.text() == "Frage (Deutsch)")
    assert editor.up_button.text() == "Nach oben"
    assert form.add_choice.text() == "Option hinzufügen"
    assert form.required.text() == "Antwort erforderlich"
    assert form.choices.horizontalHeaderItem(2).text() == "Deutsch"
    assert [form.type_combo.itemText(i) for i in range(2)] == ["Freitext", "Bewertung von 1 bis 5"]
    ui.qtbot.waitUntil(lambda: not operations._running, timeout=10_000)  # the list's new words
    page.editor.select(2)
    assert form.condition_hint.text().startswith("Mögliche Werte: career_development, ")


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_form_shows_every_caption_choice_and_option_whole_after_a_language_switch(
    ui: UiDriver,
    make_window: WindowFactory,
    hr_folder: DataFolder,
    translations: Translations,
    language: str,
) -> None:
    window = make_window(hr_folder)
    page = _open_copy(ui, window)
    form = page.editor.form
    translations.set_language(language)
    expected = {"en": "Options", "de": "Optionen"}[language]
    ui.qtbot.waitUntil(lambda: form.choices.accessibleName() == expected)
    ui.qtbot.waitUntil(lambda: not operations._running, timeout=10_000)  # the list's new words

    for row in range(page.editor.model.rowCount()):
        page.editor.select(row)
        ui.qtbot.wait(1)  # the layout settles
        assert _cut_off_options(form.choices) == [], f"question {row + 1}"
        assert _cut_off_words(form) == [], f"question {row + 1}"
    # The longest condition, chosen, is shown whole too.
    form.condition_kind.setCurrentIndex(form.condition_kind.findData("meta"))
    assert _cut_off_words(form) == []

"""The Questions page of the HR workspace: the question sets, and the editor of one.

Owns `QuestionsPage`. It lists the sets (built-in, custom, legacy; see
`engine/question_library.py`), copies one to a new custom set, activates one for the
next interviews, and edits a custom set in `QuestionSetEditor`. Every call goes to the
engine function the CLI's `questions` command uses, on the store lane. Saving sends the
whole set to `save_set`: a refused set comes back as the file loader's messages, listed
under the editor, and nothing is stored. While the editor holds unsaved changes the list
is locked, so choosing another set never drops them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QWidget,
)

from exitbot_desktop.engine import question_library as library
from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.question_set_editor import QuestionSetEditor
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.question_library import Saved, SetEntry
    from exitbot_desktop.engine.settings_change import SettingChange
    from exitbot_desktop.engine.store.vault import Store

_KINDS = {
    "built-in": str(QT_TRANSLATE_NOOP("QuestionsPage", "Built-in")),
    "custom": str(QT_TRANSLATE_NOOP("QuestionsPage", "Custom")),
    "legacy": str(QT_TRANSLATE_NOOP("QuestionsPage", "Legacy (imported)")),
}
_ID = Qt.ItemDataRole.UserRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("QuestionsPage", text)


class QuestionsPage(Page):
    def __init__(self) -> None:
        super().__init__(max_chars=150)
        self._store: Store | None = None
        self._entries: list[SetEntry] = []
        self._shown: SetEntry | None = None  # the set in the editor
        self._want: str | None = None  # the set to select once the list is back
        self.language = "en"

        self._title = label("title")
        self._intro = label("muted")
        self.sets_model = QStandardItemModel(0, 7)
        self.sets = QTableView()
        self.sets.setModel(self.sets_model)
        self.sets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sets.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sets.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sets.setTabKeyNavigation(False)
        self.sets.verticalHeader().hide()
        header = self.sets.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sets.setFixedHeight(self.fontMetrics().lineSpacing() * 9)
        self.new_id = QLineEdit()
        self.copy_button = button()
        self.activate_button = button()
        self.locked_hint = label("muted")
        self.locked_hint.hide()
        self.editor_heading = label("subtitle")
        self.read_only_note = label("muted")
        self.editor = QuestionSetEditor()
        self.status = label(selectable=True)
        self.error = ErrorLine()
        self.discard_button = button()
        self.save_button = button(primary=True)

        sets_box = Box()
        sets_box.body.addWidget(self.sets)
        actions = QHBoxLayout()
        self._copy_label = label(wrap=False)
        self._copy_label.setBuddy(self.new_id)
        actions.addWidget(self._copy_label)
        actions.addWidget(self.new_id, 1)
        actions.addWidget(self.copy_button)
        actions.addSpacing(24)
        actions.addWidget(self.activate_button)
        sets_box.body.addLayout(actions)
        sets_box.body.addWidget(self.locked_hint)
        editor_box = Box()
        editor_box.body.addWidget(self.editor_heading)
        editor_box.body.addWidget(self.read_only_note)
        editor_box.body.addWidget(self.editor)
        for widget in (self._title, self._intro, sets_box, self.error, editor_box):
            self.column.addWidget(widget)
        self.column.addStretch(1)
        self.footer.addWidget(self.status, 1)
        self.footer.addWidget(self.discard_button)
        self.footer.addWidget(self.save_button)

        self.sets.selectionModel().currentRowChanged.connect(self._set_chosen)
        self.copy_button.clicked.connect(self.copy_selected)
        self.new_id.returnPressed.connect(self.copy_selected)
        self.activate_button.clicked.connect(self.activate_selected)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self._discard)
        self.editor.dirty_changed.connect(self._dirty_changed)
        tab_order(
            self.sets,
            self.new_id,
            self.copy_button,
            self.activate_button,
            *self.editor.title_edits.values(),
        )
        self._dirty_changed(False)
        self.retranslate()

    # ------------------------------------------------------------------ the window's calls
    def show_for(self, store: Store, language: str = "en") -> None:
        self._store = store
        self.language = language
        self.editor.model.language = language
        self.error.clear_message()
        if not self.editor.dirty:
            self.status.clear()
        self.reload()

    def forget(self) -> None:
        """The store is closing: drop it. Edits not yet saved stay in the editor (they are
        no interview data) and can be saved after the next unlock."""
        self._store = None

    def first_focus(self) -> QWidget | None:
        return self.sets

    # ------------------------------------------------------------------ the list
    def reload(self, select: str | None = None) -> None:
        """Ask for the list again; `select` the set with that id once it is back."""
        store = self._store
        if store is None:
            return
        self._want = select or (self._shown.id if self._shown else None)
        Op(lambda _ctx: library.list_sets(store), owner=self).success(self._listed).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def _listed(self, entries: list[SetEntry]) -> None:
        self._entries = entries
        want = self._want or next((e.id for e in entries if e.active), None)
        row = next((i for i, e in enumerate(entries) if e.id == want), 0)
        selection = self.sets.selectionModel()
        selection.blockSignals(True)  # the refill is no choice of HR's
        self.sets_model.removeRows(0, self.sets_model.rowCount())
        for entry in entries:
            self.sets_model.appendRow(self._row(entry))
        if entries:
            self.sets.selectRow(row)
        selection.blockSignals(False)
        for column in range(1, self.sets_model.columnCount()):
            self.sets.resizeColumnToContents(column)
        if self.editor.dirty and self._shown is not None and self._shown.id == want:
            self._shown = entries[row]  # the edits stay in the editor
        else:
            self._set_chosen()

    def _row(self, entry: SetEntry) -> list[QStandardItem]:
        cells = [
            entry.title_for(self.language),
            entry.id,
            _tr(_KINDS[entry.kind]),
            str(entry.version),
            str(entry.questions),
            str(entry.interviews),
            self.tr("Active") if entry.active else "",
        ]
        items = [QStandardItem(text) for text in cells]
        items[0].setData(entry.id, _ID)
        return items

    def selected(self) -> SetEntry | None:
        row = self.sets.currentIndex().row()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _set_chosen(self) -> None:
        entry, store = self.selected(), self._store
        self.activate_button.setEnabled(entry is not None and entry.kind != "legacy")
        if entry is None or store is None:
            return
        self._shown = entry
        Op(lambda _ctx: library.set_content(store, entry.id), owner=self).success(
            lambda content: self._show_set(entry, content)
        ).failure(known_failure(self.error.show_message)).run_in_background()

    def _show_set(self, entry: SetEntry, content: dict[str, Any]) -> None:
        if self._shown is None or self._shown.id != entry.id or self.editor.dirty:
            return  # another set was chosen meanwhile, or edits arrived first
        editable = entry.kind == "custom"
        self.editor.load(content, editable=editable)
        self.editor_heading.setText(
            self.tr("Questions of \u201c{title}\u201d ({id}, version {version})").format(
                title=entry.title_for(self.language), id=entry.id, version=entry.version
            )
        )
        self.read_only_note.setVisible(not editable)
        self.read_only_note.setText(
            ""
            if editable
            else self.tr(
                "This set cannot be changed here. To change it, type a new id above and copy "
                "it; then edit the copy and activate it."
            )
        )
        self.save_button.setEnabled(False)

    # ------------------------------------------------------------------ actions
    def copy_selected(self) -> None:
        entry, store = self.selected(), self._store
        new_id = self.new_id.text().strip()
        if entry is None or store is None or self.editor.dirty:
            return
        if not new_id:
            self.error.show_message(self.tr("Type an id for the copy first, such as acme-2025."))
            self.new_id.setFocus()
            return
        self.error.clear_message()
        Op(lambda _ctx: library.copy_set(store, entry.id, new_id), owner=self).success(
            self._copied
        ).failure(known_failure(self.error.show_message)).run_in_background()

    def _copied(self, saved: Saved) -> None:
        self.new_id.clear()
        self.status.setText(
            self.tr("Copied as \u201c{id}\u201d. Edit it below, save, then activate it.").format(
                id=saved.id
            )
        )
        self.reload(select=saved.id)

    def activate_selected(self) -> None:
        entry, store = self.selected(), self._store
        if entry is None or store is None or self.editor.dirty:
            return
        self.error.clear_message()
        Op(lambda _ctx: library.activate_set(store, entry.id), owner=self).success(
            lambda change: self._activated(entry, change)
        ).failure(known_failure(self.error.show_message)).run_in_background()

    def _activated(self, entry: SetEntry, change: SettingChange | None) -> None:
        self.status.setText(
            self.tr("\u201c{id}\u201d was already active.").format(id=entry.id)
            if change is None
            else self.tr(
                "\u201c{id}\u201d is now active: the next interviews use it. Interviews already "
                "given keep the questions they were asked."
            ).format(id=entry.id)
        )
        self.reload(select=entry.id)

    def save(self) -> None:
        store, entry = self._store, self._shown
        if store is None or entry is None or entry.kind != "custom":
            return
        content = self.editor.content()
        self.editor.clear_problems()
        self.error.clear_message()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        Op(lambda _ctx: library.save_set(store, content), owner=self).success(self._saved).failure(
            self._refused
        ).run_in_background()

    def _saved(self, saved: Saved) -> None:
        self.editor.saved()
        self.status.setText(
            self.tr(
                "Saved as version {version}. Interviews already given keep their version."
            ).format(version=saved.version)
            if saved.changed
            else self.tr("Nothing to save: the set already has these questions.")
        )
        self.reload(select=saved.id)

    def _refused(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(error, QuestionSetError):
            self.status.clear()
            known_failure(self.error.show_message)(error)
            return
        self.status.setText(self.tr("Nothing was saved: see the list under the editor."))
        self.editor.show_problems(error.user_message.splitlines())
        self.reveal(self.editor.problems)

    def _discard(self) -> None:
        self.status.setText(self.tr("Changes discarded."))
        self.editor.load({}, editable=False)
        self._shown = None
        self._set_chosen()

    def _dirty_changed(self, dirty: bool) -> None:
        """Unsaved edits lock the list and its actions: they are saved or discarded first."""
        for widget in (self.sets, self.new_id, self.copy_button, self.activate_button):
            widget.setEnabled(not dirty)
        if not dirty:
            entry = self.selected()
            self.activate_button.setEnabled(entry is not None and entry.kind != "legacy")
        self.locked_hint.setVisible(dirty)
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self._title.setText(self.tr("Questions"))
        self._intro.setText(
            self.tr(
                "The question sets interviews can use. Built-in sets come with ExitBot; "
                "custom sets are yours; legacy sets hold the questions of imported "
                "interviews. Copy a set to change it, then activate it for the next "
                "interviews. Each save is a new version, so interviews already given keep "
                "the questions they were asked."
            )
        )
        self.sets_model.setHorizontalHeaderLabels(
            [
                self.tr("Set"),
                self.tr("Id"),
                self.tr("Kind"),
                self.tr("Version"),
                self.tr("Questions"),
                self.tr("Interviews"),
                self.tr("In use"),
            ]
        )
        self.sets.setAccessibleName(self.tr("Question sets"))
        self._copy_label.setText(self.tr("New set id:"))
        self.new_id.setAccessibleName(self.tr("Id of the copy"))
        self.new_id.setPlaceholderText(self.tr("e.g. acme-2025"))
        self.copy_button.setText(self.tr("&Copy the selected set"))
        self.copy_button.setAccessibleName(self.tr("Copy the selected set"))
        self.activate_button.setText(self.tr("Acti&vate for new interviews"))
        self.activate_button.setAccessibleName(self.tr("Activate for new interviews"))
        self.locked_hint.setText(
            self.tr("Save or discard the changes below to choose, copy or activate a set.")
        )
        self.discard_button.setText(self.tr("Discard chan&ges"))
        self.discard_button.setAccessibleName(self.tr("Discard changes not yet saved"))
        self.save_button.setText(self.tr("Sav&e set"))
        self.save_button.setAccessibleName(self.tr("Save the question set"))
        if self._entries:
            self._listed(self._entries)

"""The questions of the set being edited, as a Qt list model that can be reordered.

Owns `QuestionListModel`. It holds each question in file form (the dicts of a question
file), because the editor must be able to hold a question that is not valid yet (a
choice question before its options are typed); the parser judges them when HR saves.
Rows move by drag and drop inside the list (QListView then calls `moveRows`) and by
`move`, which the editor's keyboard shortcuts call.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class QuestionListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._questions: list[dict[str, Any]] = []
        self.language = "en"

    # ------------------------------------------------------------------ content
    def questions(self) -> list[dict[str, Any]]:
        return [dict(q) for q in self._questions]

    def set_questions(self, questions: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._questions = [dict(q) for q in questions]
        self.endResetModel()

    def question(self, row: int) -> dict[str, Any]:
        return dict(self._questions[row])

    def replace(self, row: int, question: dict[str, Any]) -> None:
        self._questions[row] = dict(question)
        self.dataChanged.emit(self.index(row), self.index(row))

    def insert(self, row: int, question: dict[str, Any]) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._questions.insert(row, dict(question))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._questions[row]
        self.endRemoveRows()

    def move(self, row: int, to: int) -> bool:
        """Put the question at `row` at position `to` (both before the move); False when
        either is outside the list or they are the same."""
        count = len(self._questions)
        if not (0 <= row < count and 0 <= to < count) or row == to:
            return False
        # Qt counts the destination before the move: one further on when moving down.
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + 1 if to > row else to)
        self._questions.insert(to, self._questions.pop(row))
        self.endMoveRows()
        return True

    # ------------------------------------------------------------------ Qt's model API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt)
        return 0 if parent.isValid() else len(self._questions)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        question = self._questions[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            texts = question.get("text")
            text = ""
            if isinstance(texts, dict):
                text = str(texts.get(self.language) or next(iter(texts.values()), ""))
            shown = " ".join(text.split()) or str(question.get("id") or "")
            return f"{index.row() + 1}. {shown}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(question.get("id") or "")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled  # between rows only, never onto one

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt)
        return Qt.DropAction.MoveAction

    def moveRows(  # noqa: N802 (Qt: QListView moves a dropped row with this)
        self, source_parent: Index, row: int, count: int, dest_parent: Index, dest: int
    ) -> bool:
        """Move one row to before row `dest` (counted before the move), as Qt asks."""
        if count != 1 or source_parent.isValid() or dest_parent.isValid():
            return False
        return self.move(row, dest - 1 if dest > row else dest)

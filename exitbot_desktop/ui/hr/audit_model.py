"""The audit log's entries as a Qt table model, newest first.

Owns `AuditTableModel`. It holds the entries one `audit_entries` call returned (read on
the store lane by the page) and puts a row into words only when a view asks for it, so
tens of thousands of entries load in one reset and paint as fast as a few: Qt asks only
for the rows on screen. The entry where a verification found the chain broken is marked.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from exitbot_desktop.engine.audit import AuditRecord
from exitbot_desktop.ui.hr.home import local_time

_Index = QModelIndex | QPersistentModelIndex
_COLUMNS = 5  # position, time, account, action, detail
_BROKEN = QColor("#f8d7da")  # the stylesheet's error tone, as a cell background


class AuditTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._entries: list[tuple[int, AuditRecord]] = []  # newest first
        self._cells: dict[int, tuple[str, ...]] = {}  # row → its words, made when first asked
        self._broken: int | None = None  # the position where the chain breaks

    def set_entries(self, entries: list[tuple[int, AuditRecord]]) -> None:
        """`entries` oldest first, as the engine returns them."""
        self.beginResetModel()
        self._entries = entries[::-1]
        self._cells = {}
        self.endResetModel()

    def mark_broken(self, position: int | None) -> int | None:
        """Mark the entry at `position`; returns its row, or None when it is not shown."""
        self._broken = position
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 0))
        return self.row_of(position) if position is not None else None

    def row_of(self, position: int) -> int | None:
        # Positions fall by one per row unless a filter skipped some: start with a guess.
        if not self._entries:
            return None
        guess = self._entries[0][0] - position
        if 0 <= guess < len(self._entries) and self._entries[guess][0] == position:
            return guess
        return next((row for row, (p, _e) in enumerate(self._entries) if p == position), None)

    def entry_at(self, row: int) -> tuple[int, AuditRecord]:
        return self._entries[row]

    # ----------------------------------------------------------------- Qt's protocol
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else _COLUMNS

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("No."),
            self.tr("Time"),
            self.tr("Account"),
            self.tr("Action"),
            self.tr("Details"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_BROKEN) if self._entries[row][0] == self._broken else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        cells = self._cells.get(row)
        if cells is None:
            cells = self._cells[row] = _words(*self._entries[row])
        return cells[index.column()]

    def retranslate(self) -> None:
        """The language changed: headers and times in words again."""
        self._cells = {}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, _COLUMNS - 1)
        if self._entries:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._entries) - 1, _COLUMNS - 1)
            )


def _words(position: int, entry: AuditRecord) -> tuple[str, ...]:
    detail = ", ".join(
        f"{key}: {value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}"
        for key, value in sorted(entry.detail.items())
    )
    return (str(position), local_time(entry.at), entry.actor, entry.action, detail)

"""The interview list as a Qt table model that reads page by page in the background.

Owns `InterviewTableModel`. It holds the rows read so far; a view asks for more as it
scrolls (`canFetchMore` / `fetchMore`, Qt's own lazy-loading protocol) and each page is
read by `store.interview_list` on the store lane, so the GUI thread never waits on the
database. A new query or sort order cancels the page being read and starts again at the
top. The engine sorts and filters; the model only shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from exitbot_desktop.engine.filters import ListStatus
from exitbot_desktop.engine.interview_list import ListPage, ListQuery, ListRow, SortKey
from exitbot_desktop.engine.metadata import shown_value
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.home import local_time
from exitbot_desktop.ui.operations import Op

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

PAGE_SIZE = 100
# Column → the engine's sort key (None: not sortable: a list of themes has no order).
_SORT_KEYS: tuple[SortKey | None, ...] = (
    "date",
    "department",
    "role",
    "tenure_band",
    "status",
    None,
    "sentiment",
    "flags",
    "followups",
)
_Index = QModelIndex | QPersistentModelIndex


class InterviewTableModel(QAbstractTableModel):
    loaded = Signal(int)  # how many interviews the query finds in all (after each page)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._store: Store | None = None
        self._query = ListQuery()
        self._rows: list[ListRow] = []
        self._shown: list[tuple[str, ...]] = []  # each row's cells in words, made once
        self._total: int | None = None  # unknown until the first page arrives
        self._reading: Op[ListPage] | None = None

    # ----------------------------------------------------------------- what to show
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int | None:
        return self._total

    def show(self, store: Store, query: ListQuery) -> None:
        """Start again at the top of `query`'s list."""
        self._store = store
        self._query = query
        self._restart()

    def forget(self) -> None:
        """The store is closing: drop every row and the page being read."""
        self._store = None
        self._restart()

    def row_at(self, row: int) -> ListRow:
        return self._rows[row]

    # ----------------------------------------------------------------- Qt's protocol
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt)
        return 0 if parent.isValid() else len(_SORT_KEYS)

    def headerData(  # noqa: N802 (Qt override)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        return self._shown[index.row()][index.column()]

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802, B008 (Qt)
        if parent.isValid() or self._store is None or self._reading is not None:
            return False
        return self._total is None or len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802, B008 (Qt)
        if self.canFetchMore(parent):
            self._read(len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = _SORT_KEYS[column]
        if key is None or self._store is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        self.show(self._store, replace(self._query, sort=key, descending=descending))

    # ----------------------------------------------------------------- reading
    def _restart(self) -> None:
        if self._reading is not None:
            self._reading.cancel()
            self._reading = None
        self.beginResetModel()
        self._rows, self._shown, self._total = [], [], None
        self.endResetModel()
        if self._store is not None:
            self._read(0)

    def _read(self, offset: int) -> None:
        store, query = self._store, self._query
        assert store is not None
        op = Op(lambda _ctx: store.interview_list.page(query, offset, PAGE_SIZE), owner=self)
        self._reading = op
        op.success(lambda page: self._arrived(op, page)).failure(
            known_failure(lambda message: self._failed(op, message))
        ).run_in_background()

    def _arrived(self, op: Op[ListPage], page: ListPage) -> None:
        if op is not self._reading:
            return
        self._reading = None
        self._total = page.total
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._shown.extend(self._cells(row) for row in page.rows)
            self.endInsertRows()
        self.loaded.emit(page.total)

    def _failed(self, op: Op[ListPage], message: str) -> None:
        if op is self._reading:
            self._reading = None
            self.failed.emit(message)

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        """The language changed: put every cell and header into words again."""
        self._shown = [self._cells(row) for row in self._rows]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_SORT_KEYS) - 1)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(_SORT_KEYS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Department"),
            self.tr("Role"),
            self.tr("Time with us"),
            self.tr("Status"),
            self.tr("Top themes"),
            self.tr("Tone"),
            self.tr("Urgent"),
            self.tr("Follow-ups"),
        )

    def _cells(self, row: ListRow) -> tuple[str, ...]:
        """A row in words. Made once per row (Qt asks for each cell many times per paint)."""
        return (
            local_time(row.started),
            row.department or "",
            row.role or "",
            shown_value("tenure_band", row.tenure_band) or "",
            status_names()[row.status],
            ", ".join(labels.theme(t) for t in row.themes),
            tone_names().get(row.sentiment or "", ""),
            ", ".join(labels.flag(f) for f in row.flags),
            str(row.followups),
        )


def status_names() -> dict[ListStatus, str]:
    """What each list status is called, in the current language (the table and the filter)."""
    return {
        "completed": QCoreApplication.translate("InterviewList", "Completed"),
        "unfinished": QCoreApplication.translate("InterviewList", "Unfinished"),
        "declined": QCoreApplication.translate("InterviewList", "Declined"),
        "discarded": QCoreApplication.translate("InterviewList", "Discarded"),
        "imported": QCoreApplication.translate("InterviewList", "Imported"),
    }


def tone_names() -> dict[str, str]:
    """What each tone is called, most worrying first."""
    return {
        "negative": QCoreApplication.translate("InterviewList", "Negative"),
        "neutral": QCoreApplication.translate("InterviewList", "Neutral"),
        "positive": QCoreApplication.translate("InterviewList", "Positive"),
    }

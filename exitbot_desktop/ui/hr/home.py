"""The HR officer's home after unlocking: who unlocked, how to start, what to resume.

Owns `HomePage`. Starting an interview, locking and the other workspace pages are on
the workspace bar above it (`ui/hr/workspace.py`). Unfinished interviews (the app was
closed or crashed mid-interview) are listed here, newest first, so they are offered for
resumption the moment HR unlocks; HR can also discard one. Loading and discarding go
through the store lane.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QWidget

from exitbot_desktop.engine.records import InterviewRecord
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.discard import ask_and_discard
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


def local_time(record_time: datetime) -> str:
    """A stored naive-UTC time as the user's local short date and time."""
    seconds = int(record_time.replace(tzinfo=UTC).timestamp())
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(seconds), QLocale.FormatType.ShortFormat)


class HomePage(Page):
    resume_requested = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self._store: Store | None = None
        self._account = ""
        self._records: list[InterviewRecord] = []
        self._title = label("title")
        self._who = label("muted")

        self._start_heading = label("subtitle")
        self._start_text = label()
        start_card = Box()
        start_card.body.addWidget(self._start_heading)
        start_card.body.addWidget(self._start_text)

        self._resume_heading = label("subtitle")
        self._resume_text = label("muted")
        self.unfinished = QListWidget()
        self.unfinished.setMinimumHeight(self.fontMetrics().height() * 7)
        self.resume_button = button()
        self.discard_button = button()
        resume_row = QHBoxLayout()
        resume_row.addWidget(self.resume_button)
        resume_row.addWidget(self.discard_button)
        resume_row.addStretch(1)
        self._resume_card = Box("notice")
        self._resume_card.body.addWidget(self._resume_heading)
        self._resume_card.body.addWidget(self._resume_text)
        self._resume_card.body.addWidget(self.unfinished)
        self._resume_card.body.addLayout(resume_row)
        self.error = ErrorLine()

        self.column.addWidget(self._title)
        self.column.addWidget(self._who)
        self.column.addWidget(self._resume_card)
        self.column.addWidget(start_card)
        self.column.addWidget(self.error)
        self.column.addStretch(1)

        self.resume_button.clicked.connect(self._resume)
        self.unfinished.itemActivated.connect(lambda _item: self._resume())
        self.discard_button.clicked.connect(self._discard)
        tab_order(self.unfinished, self.resume_button, self.discard_button)
        self.retranslate()

    def show_for(self, store: Store, account: str) -> None:
        """Fill the page for this officer and look for interrupted interviews."""
        self._store = store
        self._account = account
        self.error.clear_message()
        self.retranslate()
        self.refresh()

    def forget(self) -> None:
        """The store is closing: drop it and the interviews listed from it."""
        self._store = None
        self._account = ""
        self._show_unfinished([])

    def refresh(self) -> None:
        store = self._store
        if store is None:
            return
        # This station's own: at a station of a central server, its queue (`interview_store`).
        Op(lambda _ctx: store.interview_store.interviews.unfinished(), owner=self).success(
            self._show_unfinished
        ).failure(known_failure(self.error.show_message)).run_in_background()

    def first_focus(self) -> QWidget | None:
        """The interrupted interview to resume, if any; else the bar's Start interview."""
        return self.resume_button if self._records else None

    def retranslate(self) -> None:
        organisation = self._store.organisation if self._store else ""
        self._title.setText(organisation or self.tr("Exit interviews"))
        self._who.setText(self.tr("Unlocked by {name}.").format(name=self._account))
        self._start_heading.setText(self.tr("Start an interview"))
        self._start_text.setText(
            self.tr(
                "Choose Start interview at the top, fill in what you know about the leaving "
                "employee, then hand this computer over. Leaving interview mode will need an "
                "HR password. Interviews lists every interview; Dashboard shows the figures."
            )
        )
        self._resume_heading.setText(self.tr("Resume an unfinished interview"))
        self.unfinished.setAccessibleName(self.tr("Unfinished interviews"))
        self.resume_button.setText(self.tr("&Resume interview"))
        self.resume_button.setAccessibleName(self.tr("Resume the selected interview"))
        self.discard_button.setText(self.tr("Dis&card…"))
        self.discard_button.setAccessibleName(self.tr("Discard the selected interview"))
        self._show_unfinished(self._records)

    def _show_unfinished(self, records: list[InterviewRecord]) -> None:
        self._records = records
        self.unfinished.clear()
        for record in records:
            item = QListWidgetItem(self._describe(record))
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.unfinished.addItem(item)
        if records:
            self.unfinished.setCurrentRow(0)
            self._resume_text.setText(
                self.tr(
                    "These interviews were interrupted before they were submitted. Everything "
                    "answered so far is saved; resuming continues at the same question."
                )
            )
        self._resume_card.setVisible(bool(records))
        for widget in (self.resume_button, self.discard_button):
            widget.setEnabled(bool(records))

    def _describe(self, record: InterviewRecord) -> str:
        answered = len(record.main_answers())
        where = " · ".join(v for v in (record.meta.department, record.meta.role) if v)
        parts = [self.tr("Started {time}").format(time=local_time(record.created_at))]
        if where:
            parts.append(where)
        if record.status == "created":
            parts.append(self.tr("consent not yet given"))
        else:
            parts.append(self.tr("answers so far: {count}").format(count=answered))
        return " · ".join(parts)

    def _selected_id(self) -> int | None:
        item = self.unfinished.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _resume(self) -> None:
        interview_id = self._selected_id()
        if interview_id is not None:
            self.resume_requested.emit(interview_id)

    def _discard(self) -> None:
        interview_id, store = self._selected_id(), self._store
        if interview_id is None or store is None:
            return
        discard = ask_and_discard(self, store.interview_store, interview_id)
        if discard is None:
            return
        discard.success(lambda _none: self.refresh()).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

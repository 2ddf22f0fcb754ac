"""The Backup page of the HR workspace: back up now, automatic backups, and health.

Owns `BackupPage`. "Back up now…" asks for a folder and runs the engine's `back_up` on
the store lane with a progress bar; Cancel stops it at its next step and nothing is
left behind. The automatic backup switch and how many to keep are HR settings, saved
(and audited) as soon as they change. Restoring is not here: it replaces the data
this page is reading, so it is done with ExitBot closed (`exitbot-desktop restore`,
see the README). The Health card below shows the figures `check --json` reports.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QFileDialog, QHBoxLayout, QProgressBar, QSpinBox, QWidget

from exitbot_desktop.engine.backups import BackupStatus, back_up, backup_status
from exitbot_desktop.engine.health_panel import HealthFigures, health_figures
from exitbot_desktop.engine.llm.latency import LatencySummary
from exitbot_desktop.engine.progress import cancellable
from exitbot_desktop.engine.store.backup import BackupResult
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.health_view import HealthView
from exitbot_desktop.ui.hr.home import local_time
from exitbot_desktop.ui.operations import Op, OpContext
from exitbot_desktop.ui.widgets import (
    Box,
    ErrorLine,
    Page,
    button,
    label,
    show_progress,
    tab_order,
)

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

# The assistant's backend name and recent timings, asked for each time the page shows.
AssistantFacts = Callable[[], tuple[str, LatencySummary | None]]


def _read(store: Store) -> tuple[BackupStatus, HealthFigures]:
    return backup_status(store), health_figures(store)


class BackupPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self._store: Store | None = None
        self._assistant: AssistantFacts = lambda: ("", None)
        self._status: BackupStatus | None = None
        self._cancel: threading.Event | None = None
        self._title = label("title")

        self._now_heading = label("subtitle")
        self._now_text = label()
        self.last_line = label("muted", selectable=True)
        self.back_up_button = button(primary=True)
        self.cancel_button = button()
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.result_line = label(selectable=True)
        self.result_line.hide()
        self.error = ErrorLine()
        row = QHBoxLayout()
        row.addWidget(self.back_up_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        now_card = Box()
        now_card.body.addWidget(self._now_heading)
        now_card.body.addWidget(self._now_text)
        now_card.body.addWidget(self.last_line)
        now_card.body.addLayout(row)
        now_card.body.addWidget(self.progress)
        now_card.body.addWidget(self.result_line)
        now_card.body.addWidget(self.error)

        self._auto_heading = label("subtitle")
        self.automatic = QCheckBox()
        self.keep = QSpinBox()
        self.keep.setRange(1, 100)
        self._keep_label = label(wrap=False)
        self._keep_label.setBuddy(self.keep)
        self._keep_unit = label()
        self.auto_folder = label("muted", selectable=True)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self._keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addWidget(self._keep_unit, 1)
        auto_card = Box()
        auto_card.body.addWidget(self._auto_heading)
        auto_card.body.addWidget(self.automatic)
        auto_card.body.addLayout(keep_row)
        auto_card.body.addWidget(self.auto_folder)

        self.health = HealthView()
        self.refresh_button = button()
        refresh_row = QHBoxLayout()
        refresh_row.addWidget(self.refresh_button)
        refresh_row.addStretch(1)
        self.health.body.addLayout(refresh_row)

        # A station of a central server keeps interviews only until the server has them:
        # the server is backed up there.
        self._server_card = Box()
        self._server_text = label()
        self._server_card.body.addWidget(self._server_text)
        self._server_card.hide()
        self._file_cards = (now_card, auto_card)

        self.column.addWidget(self._title)
        self.column.addWidget(self._server_card)
        self.column.addWidget(now_card)
        self.column.addWidget(auto_card)
        self.column.addWidget(self.health)
        self.column.addStretch(1)

        self.back_up_button.clicked.connect(self._ask_where)
        self.cancel_button.clicked.connect(self._cancel_backup)
        self.automatic.toggled.connect(lambda on: self._save("auto_backup", on))
        self.keep.valueChanged.connect(lambda n: self._save("auto_backup_keep", n))
        self.refresh_button.clicked.connect(self.refresh)
        tab_order(
            self.back_up_button, self.cancel_button, self.automatic, self.keep, self.refresh_button
        )
        self.retranslate()

    # ----------------------------------------------------------------- showing
    def show_for(self, store: Store, assistant: AssistantFacts) -> None:
        self._store, self._assistant = store, assistant
        self.error.clear_message()
        self._server_card.setVisible(store.on_server)
        for card in self._file_cards:
            card.setVisible(not store.on_server)
        self.refresh()

    def forget(self) -> None:
        """The store is closing: stop a backup in progress and drop what was read."""
        if self._cancel is not None:
            self._cancel.set()
        self._store, self._status = None, None
        self.health.show_figures(None, ("", None))

    def first_focus(self) -> QWidget | None:
        on_server = self._store is not None and self._store.on_server
        return self.refresh_button if on_server else self.back_up_button

    def refresh(self) -> None:
        store = self._store
        if store is None:
            return
        Op(lambda _ctx: _read(store), owner=self).success(self._show).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def _show(self, found: tuple[BackupStatus, HealthFigures]) -> None:
        self._status, figures = found
        self.health.show_figures(figures, self._assistant())
        for widget in (self.automatic, self.keep):
            widget.blockSignals(True)
        self.automatic.setChecked(self._status.automatic)
        self.keep.setValue(self._status.keep)
        for widget in (self.automatic, self.keep):
            widget.blockSignals(False)
        self.retranslate()

    # ----------------------------------------------------------------- backing up
    def _ask_where(self) -> None:
        start = str(self._status.folder) if self._status else ""
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Back up into which folder?"), start
        )
        if chosen:
            self.back_up_to(Path(chosen))

    def back_up_to(self, parent: Path) -> None:
        """A new backup folder inside `parent`, in the background, with progress and Cancel."""
        store = self._store
        if store is None or self._cancel is not None:
            return
        cancel = self._cancel = threading.Event()

        def work(ctx: OpContext) -> BackupResult:
            def report(done: int, total: int, _what: str) -> None:
                ctx.report((done, total))

            return back_up(store, parent, progress=cancellable(report, cancel.is_set))

        self.error.clear_message()
        self.result_line.clear()
        self.result_line.hide()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.back_up_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        Op(work, owner=self).progress(lambda value: show_progress(self.progress, value)).success(
            self._done
        ).failure(known_failure(self._failed)).run_in_background()

    def _done(self, result: BackupResult) -> None:
        self._finished()
        self.result_line.setText(
            self.tr("Backed up to {folder} ({size}, encrypted).").format(
                folder=result.folder,
                size=self.locale().formattedDataSize(result.manifest.total_bytes),
            )
        )
        self.result_line.show()
        self.refresh()

    def _failed(self, message: str) -> None:
        self._finished()
        self.error.show_message(message)

    def _finished(self) -> None:
        self._cancel = None
        self.progress.hide()
        self.cancel_button.hide()
        self.back_up_button.setEnabled(True)
        self.back_up_button.setFocus()

    def _cancel_backup(self) -> None:
        if self._cancel is not None:
            self._cancel.set()  # the backup stops at its next step and says so
            self.cancel_button.setEnabled(False)

    # ----------------------------------------------------------------- automatic
    def _save(self, key: str, value: object) -> None:
        store = self._store
        if store is None:
            return
        Op(lambda _ctx: store.settings.set(key, value), owner=self).success(
            lambda _none: self.refresh()
        ).failure(known_failure(self.error.show_message)).run_in_background()

    # ----------------------------------------------------------------- words
    def retranslate(self) -> None:
        self._title.setText(self.tr("Backup and health"))
        self._now_heading.setText(self.tr("Back up now"))
        self._now_text.setText(
            self.tr(
                "A backup is a new dated folder holding the encrypted database, its key file "
                "and a list of checksums. It stays encrypted: it opens only with an HR "
                "password or the recovery key. Keep it on another disk, such as a USB drive."
            )
        )
        status = self._status
        last = status.last if status else None
        if status is None:
            self.last_line.setText("…")
        elif last is None:
            self.last_line.setText(self.tr("No backup has been made yet."))
        else:
            self.last_line.setText(
                self.tr("Last backup: {time}, in {folder}").format(
                    time=local_time(last.at.replace(tzinfo=None)), folder=last.folder
                )
            )
        self.back_up_button.setText(self.tr("Back up &now…"))
        self.back_up_button.setAccessibleName(self.tr("Back up now into a folder you choose"))
        self.cancel_button.setText(self.tr("&Cancel backup"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the backup"))
        self.progress.setAccessibleName(self.tr("Backup progress"))
        self._server_text.setText(
            self.tr(
                "This computer is a station of a central server: it sends each interview "
                "there, and keeps it only until the server has it. IT backs the server up "
                "there (see the IT guide); there is nothing to back up here."
            )
        )
        self._auto_heading.setText(self.tr("Automatic backup"))
        self.automatic.setText(self.tr("Back up aut&omatically"))
        self.automatic.setAccessibleName(self.tr("Back up automatically"))
        self._keep_label.setText(self.tr("&Keep the newest"))
        self._keep_unit.setText(self.tr("automatic backups"))
        self.keep.setAccessibleName(self.tr("Automatic backups to keep"))
        folder = str(status.folder) if status else "…"
        self.auto_folder.setText(
            self.tr(
                "When this is on, ExitBot backs up each time it is locked or closed, into "
                "{folder}. Older automatic backups beyond that number are deleted; those made "
                "with Back up now never are. IT can choose another folder (the backup_folder "
                "setting)."
            ).format(folder=folder)
        )
        self.refresh_button.setText(self.tr("&Refresh figures"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the health figures"))
        self.health.retranslate()

"""The Settings page of the HR workspace: every HR setting, what it means and accepts.

Owns `SettingsPage`. Its fields are generated from the engine's typed settings
(`engine/settings.py`: meaning, limits, the rule that reads each one), grouped for
reading; a setting the groups do not name still appears, under "Other settings". Saving
sends every changed value to `change_settings`, the engine function the CLI uses too:
all are checked first, a refused one gets its sentence next to its field and nothing is
saved; each change is audited with its old and new value. Two helpers work as HR types:
the retention field's purge preview (counted in the background) and the warning when an
Ollama address is another computer. Loading, counting and saving run on the store lane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from exitbot_desktop.engine.settings import SETTINGS, NumberRule, Settings, read_settings
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr import setting_texts
from exitbot_desktop.ui.hr.backend_test import BackendTestPanel
from exitbot_desktop.ui.hr.setting_fields import ChecksRow, ChoiceRow, SettingRow, row_for
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import Box, ErrorLine, Page, button, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.settings_change import SettingChange
    from exitbot_desktop.engine.store.vault import Store

# The page's groups, in reading order; settings not named here go to "Other settings".
_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        str(QT_TRANSLATE_NOOP("SettingsPage", "Organisation and reports")),
        ("organisation", "report_logo", "min_group_size"),
    ),
    (
        str(QT_TRANSLATE_NOOP("SettingsPage", "Interviews")),
        (
            "anonymity",
            "required_metadata",
            "question_set",
            "followups_per_question",
            "followups_per_interview",
            "care_contacts",
        ),
    ),
    (str(QT_TRANSLATE_NOOP("SettingsPage", "Keeping interviews")), ("retention_months",)),
    (
        str(QT_TRANSLATE_NOOP("SettingsPage", "Idle times")),
        ("idle_disarm_minutes", "hr_idle_lock_minutes", "thank_you_seconds"),
    ),
    (
        str(QT_TRANSLATE_NOOP("SettingsPage", "Assistant for follow-up questions")),
        ("llm_backend", "ollama_host", "ollama_model"),
    ),
    (
        str(QT_TRANSLATE_NOOP("SettingsPage", "Backups")),
        ("auto_backup", "auto_backup_keep", "backup_folder"),
    ),
)
_OTHER = str(QT_TRANSLATE_NOOP("SettingsPage", "Other settings"))
_PREVIEW_DELAY_MS = 300  # count once HR pauses typing, not at every key


class SettingsPage(Page):
    saved = Signal()  # settings changed: the window applies those it holds (idle lock)

    def __init__(self) -> None:
        super().__init__()
        self._store: Store | None = None
        self._title = label("title")
        self._intro = label("muted")
        self.column.addWidget(self._title)
        self.column.addWidget(self._intro)

        self.rows: dict[str, SettingRow] = {spec.key: row_for(spec) for spec in SETTINGS}
        self.purge_preview = label("muted")
        self.remote_warning = label()
        self._remote_box = Box("notice")
        self._remote_box.body.addWidget(self.remote_warning)
        self._remote_box.hide()
        self.backend_test = BackendTestPanel()
        self._headings: list[tuple[QLabel, str]] = []
        grouped = [key for _title, keys in _GROUPS for key in keys]
        groups = [*_GROUPS, (_OTHER, tuple(k for k in self.rows if k not in grouped))]
        for heading_text, keys in groups:
            keys = tuple(k for k in keys if k in self.rows)
            if keys:
                self.column.addWidget(self._group(heading_text, keys))
        self.column.addStretch(1)

        self.status = label(selectable=True)
        self.error = ErrorLine()
        self.undo_button = button()
        self.save_button = button(primary=True)
        self.footer.addWidget(self.status, 1)
        self.footer.addWidget(self.undo_button)
        self.footer.addWidget(self.save_button)
        self.column.addWidget(self.error)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(_PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._count_expired)
        self._preview: Op[int] | None = None
        self.rows["retention_months"].edited.connect(self._preview_timer.start)
        for key in ("llm_backend", "ollama_host"):
            self.rows[key].edited.connect(self._warn_if_remote)
        self.backend_test.test_button.clicked.connect(self._test_backend)
        self.save_button.clicked.connect(self.save)
        self.undo_button.clicked.connect(self._undo)
        tab_order(
            *(row.focus_widget for row in self.rows.values()),
            self.backend_test.test_button,
            self.undo_button,
            self.save_button,
        )
        self.retranslate()

    # ------------------------------------------------------------------ the window's calls
    def show_for(self, store: Store) -> None:
        self._store = store
        self.status.clear()
        self.error.clear_message()
        self.reload()

    def forget(self) -> None:
        """The store is closing: stop what runs in the background and drop it."""
        self._store = None
        self.backend_test.stop()
        self._preview_timer.stop()
        if self._preview is not None:
            self._preview.cancel()
            self._preview = None

    def first_focus(self) -> QWidget | None:
        return next(iter(self.rows.values())).focus_widget

    # ------------------------------------------------------------------ load and save
    def reload(self) -> None:
        """Show the settings in force (what is typed and not saved is dropped)."""
        store = self._store
        if store is None:
            return
        for row in self.rows.values():
            row.error.clear_message()
        Op(lambda _ctx: read_settings(store), owner=self).success(self._show).failure(
            known_failure(self.error.show_message)
        ).run_in_background()

    def _undo(self) -> None:
        self.status.clear()
        self.error.clear_message()
        self.reload()

    def save(self) -> None:
        """Send the changed fields to the engine; all are saved, or none."""
        store = self._store
        if store is None:
            return
        for row in self.rows.values():
            row.error.clear_message()
        self.error.clear_message()
        values = {key: row.value() for key, row in self.rows.items() if row.changed()}
        if not values:
            self.status.setText(self.tr("Nothing to save: no setting was changed."))
            return

        def change(_ctx: object) -> tuple[SettingChange, ...]:
            from exitbot_desktop.engine.settings_change import change_settings

            return change_settings(store, values)

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        Op(change, owner=self).success(self._saved).failure(self._refused).run_in_background()

    def _show(self, settings: Settings) -> None:
        for key, row in self.rows.items():
            row.load(getattr(settings, key))
        self._warn_if_remote()
        self._count_expired()

    def _saved(self, changes: tuple[SettingChange, ...]) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(
            self.tr("Saved. The audit log records each change with its old and new value.")
            if changes
            else self.tr("Nothing to save: every value was already in force.")
        )
        self.reload()
        self.saved.emit()

    def _refused(self, error: Exception) -> None:
        from exitbot_desktop.engine.settings_change import SettingsRefusedError

        self.save_button.setEnabled(True)
        if not isinstance(error, SettingsRefusedError):
            self.status.clear()
            known_failure(self.error.show_message)(error)
            return
        first: QWidget | None = None
        for key, problem in error.problems.items():
            row = self.rows[key]
            # A file's own problem (unreadable, not an image) says more than the limits.
            own = row.spec.from_text is not None
            row.error.show_message(problem if own else setting_texts.refusal(row.spec))
            first = first or row.focus_widget
        self.status.setText(self.tr("Nothing was saved: correct the fields marked in red."))
        if first is not None:
            first.setFocus()
            self.reveal(first)

    # ------------------------------------------------------------------ helpers as HR types
    def _count_expired(self) -> None:
        """How many interviews the retention period in the field would erase."""
        store = self._store
        months = self.rows["retention_months"].value()
        rule = self.rows["retention_months"].spec.read
        if self._preview is not None:
            self._preview.cancel()
            self._preview = None
        valid = (
            isinstance(months, int)
            and isinstance(rule, NumberRule)
            and rule.low <= months <= rule.high
        )
        if store is None or not valid:
            self.purge_preview.clear()
            return
        from exitbot_desktop.engine.retention import count_expired

        assert isinstance(months, int)
        self.purge_preview.setText(self.tr("Counting the interviews this period would erase…"))
        op = Op(lambda _ctx: count_expired(store, months), owner=self)
        op.success(self._show_expired).failure(known_failure(self.error.show_message))
        self._preview = op.run_in_background()

    def _show_expired(self, count: int) -> None:
        self._preview = None
        # Two sentences rather than Qt's "%n" plurals: English then needs no translation
        # file, and German has the same two forms.
        self.purge_preview.setText(
            self.tr("1 interview would be erased at the next unlock.")
            if count == 1
            else self.tr("{count} interviews would be erased at the next unlock.").format(
                count=count
            )
        )

    def _warn_if_remote(self) -> None:
        from exitbot_desktop.engine.llm.trial import sends_answers_away

        host = self.rows["ollama_host"].value()
        setting = self.rows["llm_backend"].value()
        other = sends_answers_away(str(setting), host if isinstance(host, str) else None)
        self._remote_box.setVisible(other is not None)
        if other is not None:
            self.remote_warning.setText(
                self.tr(
                    "Answers will be sent to {host}, which is not this computer. Whoever runs "
                    "that server can read what employees write. Use it only if it belongs to "
                    "your organisation and the employees are told."
                ).format(host=other)
            )

    def _test_backend(self) -> None:
        host = self.rows["ollama_host"].value()
        model = self.rows["ollama_model"].value()
        self.backend_test.start(
            str(self.rows["llm_backend"].value()),
            host if isinstance(host, str) else None,
            model if isinstance(model, str) else None,
        )

    # ------------------------------------------------------------------ layout and words
    def _group(self, heading_text: str, keys: tuple[str, ...]) -> Box:
        box = Box()
        heading = label("subtitle")
        self._headings.append((heading, heading_text))
        box.body.addWidget(heading)
        for key in keys:
            box.body.addWidget(self.rows[key])
            if key == "retention_months":
                box.body.addWidget(self.purge_preview)
            if key == "ollama_host":
                box.body.addWidget(self._remote_box)
        if "llm_backend" in keys:
            box.body.addWidget(self.backend_test)
        return box

    def retranslate(self) -> None:
        self._title.setText(self.tr("Settings"))
        self._intro.setText(
            self.tr(
                "Every setting with what it means and what it accepts. Changes apply when you "
                "save; an empty field means the default. The audit log records each change "
                "with its old and new value."
            )
        )
        for heading, text in self._headings:
            heading.setText(QCoreApplication.translate("SettingsPage", text))
        for row in self.rows.values():
            row.retranslate()
        anonymity = self.rows["anonymity"]
        if isinstance(anonymity, ChoiceRow):
            anonymity.name_options(
                {
                    "anonymous": self.tr("Anonymous: no names"),
                    "named": self.tr("Named: the employee's name is kept"),
                    "choose": self.tr("HR chooses for each interview"),
                }
            )
        backend = self.rows["llm_backend"]
        if isinstance(backend, ChoiceRow):
            backend.name_options(
                {
                    "auto": self.tr("Automatic: Ollama, else the embedded model, else built-in"),
                    "ollama": self.tr("Ollama server"),
                    "llama_cpp": self.tr("Embedded model on this computer"),
                    "rules": self.tr("Built-in questions only (no AI model)"),
                }
            )
        details = self.rows["required_metadata"]
        if isinstance(details, ChecksRow):
            details.name_fields(
                {
                    "department": self.tr("Department"),
                    "role": self.tr("Role"),
                    "tenure_band": self.tr("Time with us"),
                    "location": self.tr("Location"),
                    "manager": self.tr("Manager"),
                    "leaving_date": self.tr("Leaving date"),
                    "leaving_type": self.tr("Leaving type"),
                }
            )
        self.undo_button.setText(self.tr("&Undo changes"))
        self.undo_button.setAccessibleName(self.tr("Undo changes not yet saved"))
        self.save_button.setText(self.tr("Sa&ve settings"))
        self.save_button.setAccessibleName(self.tr("Save settings"))
        self.purge_preview.setAccessibleName(self.tr("Purge preview"))
        self.remote_warning.setAccessibleName(self.tr("Warning about the Ollama address"))
        if self._preview is None and self._store is not None:
            self._count_expired()
        self._warn_if_remote()

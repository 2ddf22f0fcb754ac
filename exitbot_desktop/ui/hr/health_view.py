"""The Health card on the Backup page: the figures an HR office should glance at.

Owns `HealthView`, which shows `engine.health_panel.HealthFigures` (the same figures as
`exitbot-desktop check --json`) and the assistant's recent speed as plain sentences,
one row each; an overdue backup is shown as a warning. It only displays: the page
fetches the figures in the background.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QFormLayout, QLabel

from exitbot_desktop.engine.health_panel import HealthFigures
from exitbot_desktop.engine.llm.latency import LatencySummary
from exitbot_desktop.ui.widgets import Box, label

# The guard's reason codes as HR reads them (unknown codes are shown as they are).
_REASONS = {
    "empty": str(QT_TRANSLATE_NOOP("HealthView", "no text")),
    "not_a_question": str(QT_TRANSLATE_NOOP("HealthView", "not a question")),
    "too_long": str(QT_TRANSLATE_NOOP("HealthView", "too long")),
    "several_questions": str(QT_TRANSLATE_NOOP("HealthView", "more than one question")),
    "repeats_question": str(QT_TRANSLATE_NOOP("HealthView", "repeats the question")),
    "repeats_followup": str(QT_TRANSLATE_NOOP("HealthView", "repeats an earlier follow-up")),
    "promise": str(QT_TRANSLATE_NOOP("HealthView", "made a promise")),
    "advice": str(QT_TRANSLATE_NOOP("HealthView", "legal or medical advice")),
    "wrong_language": str(QT_TRANSLATE_NOOP("HealthView", "wrong language")),
    "markup": str(QT_TRANSLATE_NOOP("HealthView", "formatting or role labels")),
    "backend_error": str(QT_TRANSLATE_NOOP("HealthView", "the model failed")),
    "first_token_timeout": str(QT_TRANSLATE_NOOP("HealthView", "the model was too slow to start")),
    "total_timeout": str(QT_TRANSLATE_NOOP("HealthView", "the model was too slow to finish")),
    "circuit_open": str(
        QT_TRANSLATE_NOOP("HealthView", "the model was paused after repeated failures")
    ),
}


class HealthView(Box):
    def __init__(self) -> None:
        super().__init__()
        self._heading = label("subtitle")
        self.body.addWidget(self._heading)
        self._form = QFormLayout()
        self.body.addLayout(self._form)
        self.rows: dict[str, QLabel] = {}
        self._names: dict[str, QLabel] = {}
        for key in ("assistant", "speed", "followups", "guard", "completion", "disk", "backup"):
            name, value = label(wrap=False), label(selectable=True)
            self._form.addRow(name, value)
            self._names[key], self.rows[key] = name, value
        self._figures: HealthFigures | None = None
        self._assistant: tuple[str, LatencySummary | None] = ("", None)
        self.retranslate()

    def show_figures(
        self, figures: HealthFigures | None, assistant: tuple[str, LatencySummary | None]
    ) -> None:
        """`assistant`: the backend's name and its recent timings (None: none yet)."""
        self._figures, self._assistant = figures, assistant
        self.retranslate()

    def retranslate(self) -> None:
        self._heading.setText(self.tr("Health"))
        names = {
            "assistant": self.tr("Assistant:"),
            "speed": self.tr("Recent speed:"),
            "followups": self.tr("Follow-up questions:"),
            "guard": self.tr("Why built-in questions stood in:"),
            "completion": self.tr("Interviews completed:"),
            "disk": self.tr("Database:"),
            "backup": self.tr("Last backup:"),
        }
        for key, text in names.items():
            self._names[key].setText(text)
        self._show_assistant()
        figures = self._figures
        if figures is None:
            for key in ("followups", "guard", "completion", "disk", "backup"):
                self.rows[key].setText("…")
            return
        self._show_followups(figures)
        rate = figures.completion_rate
        self.rows["completion"].setText(
            self.tr("none yet")
            if rate is None
            else self.tr("{rate} ({completed} of {started} that were started)").format(
                rate=_percent(rate),
                completed=figures.store.completed,
                started=figures.store.consented,
            )
        )
        locale = QLocale()
        if figures.on_server:
            self.rows["disk"].setText(
                self.tr("on the central server (schema version {version})").format(
                    version=figures.schema_version
                )
            )
        else:
            self.rows["disk"].setText(
                self.tr("{size} (schema version {version}); {free} free on its disk").format(
                    size=locale.formattedDataSize(figures.database_bytes),
                    version=figures.schema_version,
                    free=locale.formattedDataSize(figures.free_disk_bytes),
                )
            )
        self._show_backup(figures)

    def _show_assistant(self) -> None:
        name, latency = self._assistant
        self.rows["assistant"].setText(name or "…")
        if latency is None or latency.count == 0 or latency.total_ms is None:
            self.rows["speed"].setText(
                self.tr("no follow-up written by a model since ExitBot started")
            )
            return
        first = "–" if latency.first_token_ms is None else self._seconds(latency.first_token_ms)
        self.rows["speed"].setText(
            self.tr("first word after {first}, whole question after {total} (last {count})").format(
                first=first, total=self._seconds(latency.total_ms), count=latency.count
            )
        )

    def _show_followups(self, figures: HealthFigures) -> None:
        share = figures.model_share
        self.rows["followups"].setText(
            self.tr("none asked yet")
            if share is None
            else self.tr("{model} written by the model, {rules} built-in ({count} in all)").format(
                model=_percent(share), rules=_percent(1 - share), count=figures.followups
            )
        )
        reasons = sorted(figures.store.guard_reasons.items(), key=lambda item: -item[1])
        self.rows["guard"].setText(
            "; ".join(f"{_reason(code)}: {count}" for code, count in reasons) or self.tr("never")
        )

    def _show_backup(self, figures: HealthFigures) -> None:
        row, age = self.rows["backup"], figures.backup_age
        if figures.on_server:
            text = self.tr("The interviews are on the central server; IT backs it up there.")
        elif age is None:
            text = self.tr("never. Back up now, and keep the copy on another disk.")
        else:
            text = self._age(age)
            if figures.backup_overdue:
                text = self.tr("{age}: more than a week ago. Back up now.").format(age=text)
        row.setText(text)
        row.setProperty("role", "error" if figures.backup_overdue else "")
        row.style().unpolish(row)
        row.style().polish(row)

    def _seconds(self, ms: int) -> str:
        return self.tr("{seconds} s").format(seconds=QLocale().toString(ms / 1000, "f", 1))

    def _age(self, age: timedelta) -> str:
        if age < timedelta(hours=1):
            return self.tr("less than an hour ago")
        # Two sentences rather than Qt's "%n" plurals, which English shows as "8 day(s)"
        # without a translation file (as on the Settings page).
        if age < timedelta(days=1):
            hours = int(age / timedelta(hours=1))
            return (
                self.tr("1 hour ago")
                if hours == 1
                else self.tr("{count} hours ago").format(count=hours)
            )
        return (
            self.tr("1 day ago")
            if age.days == 1
            else self.tr("{count} days ago").format(count=age.days)
        )


def _reason(code: str) -> str:
    return QCoreApplication.translate("HealthView", _REASONS.get(code, code))


def _percent(share: float) -> str:
    return QLocale().toString(share * 100, "f", 0) + " %"

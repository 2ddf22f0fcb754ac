"""The settings page's *Test* for the assistant: which backend the values choose, how
fast its first word comes, and a sample follow-up.

Owns `BackendTestPanel`. The try runs on the model lane (one model generates at a time)
with the values as typed, saved or not, so HR can test before saving; *Stop* cancels it
at once and nothing it finished with is shown. It uses a fixed sample answer, never an
employee's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.operations import Lane, Op, OpContext
from exitbot_desktop.ui.widgets import ErrorLine, button, label, tab_order

if TYPE_CHECKING:
    from exitbot_desktop.engine.llm.trial import BackendTrial


def _try(setting: str, host: str | None, model: str | None, ctx: OpContext) -> BackendTrial | None:
    # Imported here: the trial loads the backends (the Ollama client, llama_cpp).
    from exitbot_desktop.engine.llm.trial import try_backend

    return try_backend(setting, host, model, ctx.cancel)


class BackendTestPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.test_button = button()
        self.stop_button = button()
        self.stop_button.setEnabled(False)
        self.status = label(selectable=True)
        self.result = label(selectable=True)
        self.error = ErrorLine()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.test_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.status)
        column.addWidget(self.result)
        column.addWidget(self.error)
        self.stop_button.clicked.connect(self.stop)
        tab_order(self.test_button, self.stop_button)
        self._op: Op[BackendTrial | None] | None = None
        self.retranslate()

    @property
    def running(self) -> bool:
        return self._op is not None

    def start(self, setting: str, host: str | None, model: str | None) -> None:
        """Try these values in the background; the result replaces the last one."""
        self.stop()
        self.result.clear()
        self.error.clear_message()
        self.status.setText(
            self.tr("Testing the assistant: loading it and asking one sample question…")
        )
        self.test_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.stop_button.setFocus()
        op = Op(lambda ctx: _try(setting, host, model, ctx), lane=Lane.MODEL, owner=self)
        op.success(self._tried).failure(known_failure(self._failed))
        self._op = op.run_in_background()

    def stop(self) -> None:
        """Cancel a test still running; it reports nothing."""
        if self._op is None:
            return
        self._op.cancel()
        self._finish()
        self.status.setText(self.tr("Test stopped."))

    def retranslate(self) -> None:
        self.test_button.setText(self.tr("Test the assista&nt"))
        self.test_button.setAccessibleName(
            self.tr("Test the assistant with the values above, saved or not")
        )
        self.stop_button.setText(self.tr("Sto&p test"))
        self.stop_button.setAccessibleName(self.tr("Stop the assistant test"))

    def _tried(self, trial: BackendTrial | None) -> None:
        self._finish()
        if trial is None:
            return
        if trial.first_token_ms is None:
            speed = self.tr("It writes no text stream, so there is no first-word time.")
        else:
            speed = self.tr("First word after {ms} ms.").format(ms=trial.first_token_ms)
        self.status.setText(
            self.tr("Backend: {name}. {speed}").format(name=trial.backend, speed=speed)
        )
        text = self.tr("Sample follow-up: “{text}”").format(text=trial.followup)
        if trial.problem:
            text += "\n" + self.tr(
                "The built-in questions wrote it, because the assistant failed: {problem}"
            ).format(problem=trial.problem)
        elif trial.written_by == "rules" and trial.kind != "rules":
            text += "\n" + self.tr(
                "The built-in questions wrote it: the assistant's own text did not pass the "
                "checks every follow-up must pass."
            )
        self.result.setText(text)

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.clear()
        self.error.show_message(message)

    def _finish(self) -> None:
        self._op = None
        stop_had_focus = self.stop_button.hasFocus()
        self.test_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if stop_had_focus:
            self.test_button.setFocus()

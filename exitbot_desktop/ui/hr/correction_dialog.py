"""Correcting what the analysis read in one answer: its themes and its tone.

Owns `CorrectionDialog`. The officer sees the answer's words, ticks the themes it is
really about and picks its tone; Save stores them through the engine's
`correct_answer` in the background (kept over later analysis, audited) and closes the
dialog with the kinds that changed. A failure stays in the dialog as a sentence, with
the choices still ticked. Window-modal, opened with `open()`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QWidget,
)

from exitbot_desktop.engine.analysis.themes import THEMES
from exitbot_desktop.engine.records import SeenAnalysis
from exitbot_desktop.engine.reports import labels
from exitbot_desktop.ui.errors import known_failure
from exitbot_desktop.ui.hr.interview_model import tone_names
from exitbot_desktop.ui.operations import Op
from exitbot_desktop.ui.widgets import ErrorLine, dialog_column, fill_choices, label

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

TONES = ("positive", "neutral", "negative")


class CorrectionDialog(QDialog):
    corrected = Signal(list)  # the kinds of result that changed

    def __init__(
        self,
        parent: QWidget,
        store: Store,
        interview_id: int,
        answer_id: int,
        words: str,
        themes: Sequence[str],
        tone: str | None,
    ) -> None:
        super().__init__(parent)
        self._store, self._interview_id, self._answer_id = store, interview_id, answer_id
        self._seen = SeenAnalysis(frozenset(themes), tone)  # refused if changed meanwhile
        self.setWindowTitle(self.tr("Correct the analysis"))
        self.setModal(True)
        intro = label()
        intro.setText(
            self.tr(
                "Tick what this answer is about and choose its tone. Your correction is "
                "kept when the answer is analysed again, and the audit log records it."
            )
        )
        quoted = label("muted", selectable=True)
        quoted.setText(f"“{words}”")
        self.theme_boxes: dict[str, QCheckBox] = {}
        themes_grid = QGridLayout()  # two columns: ten themes at a glance
        themes_grid.setVerticalSpacing(8)
        heading = label("subtitle")
        heading.setText(self.tr("Themes"))
        for index, code in enumerate(THEMES):
            box = QCheckBox(labels.theme(code))
            box.setChecked(code in themes)
            self.theme_boxes[code] = box
            themes_grid.addWidget(box, index // 2, index % 2)
        self.tone = QComboBox()
        self.tone.setAccessibleName(self.tr("Tone of the answer"))
        names = tone_names()
        fill_choices(self.tone, [(names[t], t) for t in TONES])
        self.tone.setCurrentIndex(max(0, self.tone.findData(tone or "neutral")))
        tone_form = QFormLayout()
        tone_form.addRow(self.tr("&Tone:"), self.tone)
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save correction"))
        save.setAccessibleName(self.tr("Save correction"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            self.tr("Cancel")
        )
        dialog_column(
            self, intro, quoted, heading, themes_grid, tone_form, self.error, self.buttons
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        next(iter(self.theme_boxes.values())).setFocus()  # keyboard users start at the list

    def chosen_themes(self) -> list[str]:
        return [code for code, box in self.theme_boxes.items() if box.isChecked()]

    def _save(self) -> None:
        from exitbot_desktop.engine.analysis.corrections import correct_answer

        store, interview_id, answer_id = self._store, self._interview_id, self._answer_id
        themes, tone, seen = self.chosen_themes(), self.tone.currentData(), self._seen
        self.buttons.setEnabled(False)
        self.error.clear_message()

        def done(changed: list[str]) -> None:
            self.corrected.emit(changed)
            self.accept()

        def failed(message: str) -> None:
            self.buttons.setEnabled(True)
            self.error.show_message(message)

        Op(
            lambda _ctx: correct_answer(
                store, interview_id, answer_id, themes=themes, tone=tone, seen=seen
            ),
            owner=self,
        ).success(done).failure(known_failure(failed)).run_in_background()

"""Discarding an unfinished interview once HR has confirmed: the one way the home page and
the interview page both do it.

Owns `ask_and_discard`. The question names what is lost (the answers) and what is kept
(that it was discarded); the discard itself runs in the background through the engine,
which audits it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.ui.operations import Op

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.interview_store import InterviewStore


def ask_and_discard(owner: QWidget, store: InterviewStore, interview_id: int) -> Op[None] | None:
    """Ask; the discard as an `Op` to add callbacks to and run, or None when HR said no."""
    answer = QMessageBox.question(
        owner,
        QCoreApplication.translate("Discard", "Discard interview"),
        QCoreApplication.translate(
            "Discard",
            "Discard this unfinished interview? Its answers will be deleted; only the "
            "fact that it was discarded is kept.",
        ),
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Discard:
        return None
    return Op(lambda _ctx: InterviewSession.resume(store, interview_id).discard(), owner=owner)

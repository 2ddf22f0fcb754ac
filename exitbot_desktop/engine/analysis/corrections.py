"""HR's corrections of what the analysis read in an answer: its themes and its tone.

Owns `correct_answer`, the one workflow the HR screen (and any later caller) uses. The
analysis is a lexicon and a small model, so an officer who reads the answer knows
better; a correction is stored as that answer's result with provenance "hr", counts in
every figure and filter like any other result, and is kept when the answer is analysed
again (`store.analysis`). A corrected tone counts fully: positive 1, neutral 0,
negative −1. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from exitbot_desktop.engine.analysis.themes import THEMES
from exitbot_desktop.engine.errors import InvalidAnswerError
from exitbot_desktop.engine.records import CORRECTED_BY_HR, AnalysisEntry, SeenAnalysis

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

TONE_SCORES = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}


def correct_answer(
    store: Store,
    interview_id: int,
    answer_id: int,
    *,
    themes: Sequence[str] | None = None,
    tone: str | None = None,
    seen: SeenAnalysis | None = None,
) -> list[str]:
    """Store HR's themes and/or tone for one answer (None leaves that one as it is).

    Returns the kinds of result that changed ("sentiment", "themes"); the change and
    those kinds, never the words, go to the audit log. An unknown theme or tone is
    refused with a sentence and nothing is stored. With `seen` (what the officer's
    screen showed), a correction someone else saved meanwhile is not overwritten: a
    `StaleEditError` says so.
    """
    entries: list[AnalysisEntry] = []
    if themes is not None:
        unknown = sorted(set(themes) - set(THEMES))
        if unknown:
            raise InvalidAnswerError(
                f"These themes are not ones ExitBot knows: {', '.join(unknown)}. "
                f"Choose from: {', '.join(THEMES)}."
            )
        ordered = [theme for theme in THEMES if theme in themes]
        entries.append(AnalysisEntry(answer_id, "themes", {"themes": ordered}, CORRECTED_BY_HR))
    if tone is not None:
        if tone not in TONE_SCORES:
            raise InvalidAnswerError(
                f"'{tone}' is not a tone; choose positive, neutral or negative."
            )
        payload = {"label": tone, "score": TONE_SCORES[tone]}
        entries.append(AnalysisEntry(answer_id, "sentiment", payload, CORRECTED_BY_HR))
    if not entries:
        return []
    return store.analysis.correct(interview_id, answer_id, entries, seen=seen)

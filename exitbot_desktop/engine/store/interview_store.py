"""What an interview needs of a store, wherever its answers are written first.

Owns `InterviewStore`. On the embedded file that is the unlocked `Store` itself; at a
station of a central server it is the station's queue (`station_queue.StationQueue`),
which keeps the interview going when the server is out of reach and delivers it later.
`InterviewSession` and the analysis pipeline are written against this, so neither knows
which it has. Never imports Qt.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.analysis import AnalysisRepository
    from exitbot_desktop.engine.store.interviews import InterviewRepository
    from exitbot_desktop.engine.store.question_sets import QuestionSetRepository


class InterviewStore(Protocol):
    interviews: InterviewRepository
    question_sets: QuestionSetRepository
    analysis: AnalysisRepository

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """Repository calls made in this block commit together, or not at all."""
        ...

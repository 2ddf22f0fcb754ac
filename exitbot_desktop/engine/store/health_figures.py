"""The database's part of the health panel: who wrote the follow-ups, how many finished.

Owns `StoreFigures` and `store_figures`, counted in SQL (a few GROUP BYs, whatever the
number of interviews). Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from exitbot_desktop.engine.store.models import Answer, Interview

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class StoreFigures:
    followup_sources: dict[str, int]  # follow-ups asked, by what wrote them ("rules", …)
    guard_reasons: dict[str, int]  # why the rules stood in for the model, by reason
    consented: int  # station interviews the employee agreed to
    completed: int  # … and submitted


def store_figures(store: Store) -> StoreFigures:
    followups = Answer.is_followup.is_(True)
    by_source = (
        select(Answer.followup_source, func.count())
        .where(followups)
        .group_by(Answer.followup_source)
    )
    by_reason = (
        select(Answer.guard_reason, func.count())
        .where(followups, Answer.guard_reason.is_not(None), Answer.guard_reason != "")
        .group_by(Answer.guard_reason)
    )
    station = (Interview.source == "station", Interview.consented_at.is_not(None))
    consented = select(func.count()).select_from(Interview).where(*station)
    completed = consented.where(Interview.status == "completed")
    with store.database.transaction() as s:
        sources = {str(name or "unknown"): n for name, n in s.execute(by_source)}
        reasons = {str(name): n for name, n in s.execute(by_reason)}
        return StoreFigures(sources, reasons, s.scalar(consented) or 0, s.scalar(completed) or 0)

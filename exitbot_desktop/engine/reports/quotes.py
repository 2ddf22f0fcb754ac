"""Representative quotes for the aggregate report: a few real sentences per top reason.

Quotes come only from completed interviews in the selection, only from free-text
answers of readable length, never twice the same words, and always scrubbed of names,
e-mail addresses and phone numbers (names known to the database included). They carry
no department, role or date, so a quote cannot be tied to a small group. Never imports Qt.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Text, func, select, type_coerce

from exitbot_desktop.engine.analysis.aggregates import Filters
from exitbot_desktop.engine.reports.anonymise import Scrubber, scrubber
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.engine.store.vault import Store

MIN_CHARS, MAX_CHARS = 30, 320
_CANDIDATES = 400  # per theme: enough variety, bounded work on 10,000 interviews


@dataclass(frozen=True)
class Quote:
    theme: str
    text: str


def known_names(store: Store) -> Scrubber:
    """A scrubber that also knows every employee and manager name in the database."""
    with store.session() as s:
        names = s.execute(select(Interview.employee_name, Interview.manager).distinct()).all()
    return scrubber(name for pair in names for name in pair)


def representative_quotes(
    store: Store, filters: Filters, themes: Sequence[str], *, per_theme: int = 2
) -> list[Quote]:
    """Up to `per_theme` scrubbed quotes for each theme, in the order given."""
    scrub = known_names(store)
    done = select(Interview.id).where(*filters.conditions(), Interview.status == "completed")
    chosen: list[Quote] = []
    seen: set[str] = set()
    with store.session() as s:
        for theme in themes:
            # The payload is JSON text; a LIKE on the quoted name finds the rows without
            # unpacking every payload (see aggregates on why json_each is avoided).
            answer_ids = (
                select(AnalysisRow.answer_id)
                .where(
                    AnalysisRow.kind == "themes",
                    AnalysisRow.interview_id.in_(done),
                    type_coerce(AnalysisRow.payload, Text).like(f'%"{theme}"%'),
                )
                .limit(_CANDIDATES)
            )
            texts = s.scalars(
                select(Answer.text).where(
                    Answer.id.in_(answer_ids),
                    func.length(Answer.text).between(MIN_CHARS, MAX_CHARS),
                )
            ).all()
            # A stable shuffle: the same data gives the same quotes, not just the oldest.
            ranked = sorted({t for t in texts if t}, key=_stable_key)
            taken = 0
            for text in ranked:
                clean = scrub.scrub(" ".join(text.split()))
                if clean.casefold() in seen:
                    continue
                seen.add(clean.casefold())
                chosen.append(Quote(theme, clean))
                taken += 1
                if taken == per_theme:
                    break
    return chosen


def _stable_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

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
from typing import TYPE_CHECKING

from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.reports.anonymise import Scrubber, scrubber

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

MIN_CHARS, MAX_CHARS = 30, 320
_CANDIDATES = 400  # per theme: enough variety, bounded work on 10,000 interviews


@dataclass(frozen=True)
class Quote:
    theme: str
    text: str


def known_names(store: Store) -> Scrubber:
    """A scrubber that also knows every employee and manager name in the database."""
    return scrubber(store.reports.known_names())


def representative_quotes(
    store: Store, filters: Filters, themes: Sequence[str], *, per_theme: int = 2
) -> list[Quote]:
    """Up to `per_theme` scrubbed quotes for each theme, in the order given."""
    scrub = known_names(store)
    done = Selection(filters).only("completed")
    chosen: list[Quote] = []
    seen: set[str] = set()
    for theme in themes:
        texts = store.reports.quote_candidates(
            done, theme, limit=_CANDIDATES, min_chars=MIN_CHARS, max_chars=MAX_CHARS
        )
        # A stable shuffle: the same data gives the same quotes, not just the oldest.
        ranked = sorted(set(texts), key=_stable_key)
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

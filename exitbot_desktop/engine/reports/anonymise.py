"""Taking what identifies a person out of free text, for quotes and anonymised exports.

Used on every quote in the aggregate report and on every answer in an anonymised export.
It errs towards removing too much. `contact_details` replaces e-mail addresses, postal
addresses, personnel and ticket numbers and phone numbers; `person_names` replaces
people's names: cued ("Herr von Bülow", "Kollegin Aylin Yılmaz", "mr smith"), listed
(given names and surnames of many origins), or known from the database (employees and
managers recorded on interviews, in any case and in part). What goes becomes "[name]",
"[email]", "[phone]", "[id]" or "[address]". Text that still identifies someone by role
alone ("the only nurse on nights") or by a name misspelt beyond recognition cannot be
caught by rules; that is why exports are also k-anonymous and small groups are
suppressed. Never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from exitbot_desktop.engine.reports.contact_details import scrub_contact_details
from exitbot_desktop.engine.reports.person_names import scrub_names


@dataclass(frozen=True)
class Scrubber:
    """A scrubber for one export or report; build it once, apply it to many answers."""

    known: re.Pattern[str] | None

    def scrub(self, text: str) -> str:
        return scrub_names(scrub_contact_details(text), self.known)


def scrubber(known_names: Iterable[str | None] = ()) -> Scrubber:
    """Known names (full names and each part of three letters or more) are matched in any case."""
    parts: set[str] = set()
    for name in known_names:
        if not name:
            continue
        cleaned = " ".join(name.split())
        parts.add(cleaned)
        parts.update(p for p in re.split(r"[\s,.-]+", cleaned) if len(p) >= 3)
    if not parts:
        return Scrubber(None)
    alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return Scrubber(re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE))


def scrub(text: str, known_names: Iterable[str | None] = ()) -> str:
    """One-off convenience: `scrubber(known_names).scrub(text)`."""
    return scrubber(known_names).scrub(text)

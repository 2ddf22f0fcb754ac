"""Taking people's names, e-mail addresses and phone numbers out of free text.

Used on every quote in the aggregate report and on every answer in an anonymised export.
It errs towards removing too much: a capitalised word that might be a name goes when a
cue says so ("my manager Petra", "Herr Vogel", "a colleague called Sam"), when it is a
common first name, or when it is a name ExitBot knows from the database (employees and
managers recorded on interviews). What it removes becomes "[name]", "[email]", "[phone]".
Text that still identifies someone by role alone ("the only nurse on nights") cannot be
caught by rules; that is why small groups are suppressed as well. Never imports Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

NAME, EMAIL, PHONE = "[name]", "[email]", "[phone]"

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the usual separators; at least 7 digits counts as a phone number
# (years, percentages and "3 weeks" stay).
_PHONE = re.compile(r"(?<![\w@])(?:\+|00)?\(?\d[\d\s()./-]{5,}\d(?!\w)")
_CAP = r"[A-ZÄÖÜÀ-ÞĀ-Ž][\w'’-]+"
_NAME_RUN = rf"{_CAP}(?:\s+(?:van|von|de|der|da|di|le|la)?\s*{_CAP})?"
_CUES = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Hr|Fr)\.?"
    r"|\b(?:[Mm]y|[Oo]ur|[Tt]he|[Hh]is|[Hh]er)\s+(?:manager|boss|supervisor|team\s*lead|lead|"
    r"director|colleague|coworker|co-worker|line\s*manager|head\s+of\s+\w+)"
    r"|\b(?:[Mm]ein(?:e|em|en|er)?|[Uu]nser(?:e|em|en|er)?)\s+(?:Chef(?:in)?|Vorgesetzte[rn]?|"
    r"Teamleiter(?:in)?|Kolleg(?:e|in|en)|Abteilungsleiter(?:in)?|Führungskraft)"
    r"|\b(?:named|called|namens|genannt))"
    r"[,:]?\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Herr|Frau)\.?\s+)*"
    rf"({_NAME_RUN})"
)
_REPEATED_NAME = re.compile(r"\[name\](?:\s+\[name\])+")
# Common given names (English and German) that are not also everyday words.
_NAMES_TEXT = """
    James John Robert Michael David Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Andrew Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob
    Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory
    Alexander Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Peter Kyle Noah
    Ethan Jeremy Christian Sean Austin Zachary Dylan Oliver Harry Liam Mary Patricia
    Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret
    Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie
    Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole
    Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather
    Diane Julie Joyce Victoria Kelly Christina Lauren Joan Evelyn Olivia Judith Megan Cheryl
    Martha Andrea Hannah Jacqueline Gloria Teresa Sara Janice Julia Sophie Chloe Charlotte
    Amelia Isabella Mia Lucy Ella Jessie Priya Mohammed Muhammad Ahmed Ali Fatima Aisha Omar
    Yusuf Wei Li Chen Raj Anil Sunil Deepak Lukas Leon Finn Jonas Luca Felix Maximilian Paul
    Elias Ben Niklas Tim Jan Moritz Tobias Florian Sebastian Stefan Andreas Markus Christoph
    Matthias Jürgen Klaus Uwe Wolfgang Dieter Günter Horst Helmut Manfred Bernd Frank
    Torsten Sven Jens Dirk Heiko Marie Sophia Lena Lea Johanna Laura Katharina Anja Petra
    Sabine Claudia Susanne Andrea Nicole Stefanie Julia Kerstin Monika Birgit Ursula Renate
    Ingrid Gisela Heike Silke Tanja Melanie Nadine Jana Svenja Franziska Carina Annika
    Miriam
"""
_FIRST_NAMES = frozenset(_NAMES_TEXT.split())


@dataclass(frozen=True)
class Scrubber:
    """A scrubber for one export or report; build it once, apply it to many answers."""

    known: re.Pattern[str] | None

    def scrub(self, text: str) -> str:
        text = _EMAIL.sub(EMAIL, text)
        text = _PHONE.sub(_phone, text)
        text = _CUES.sub(_cued, text)
        if self.known is not None:
            text = self.known.sub(NAME, text)
        text = re.sub(rf"\b{_CAP}\b", _first_name, text)
        return _REPEATED_NAME.sub(NAME, text)  # "Ottilie Brandt" is one person


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


def _phone(match: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in match.group(0))
    return PHONE if digits >= 7 else match.group(0)


def _cued(match: re.Match[str]) -> str:
    start, end = match.span(1)
    whole = match.group(0)
    offset = match.start(0)
    return whole[: start - offset] + NAME + whole[end - offset :]


def _first_name(match: re.Match[str]) -> str:
    word = match.group(0)
    return NAME if word in _FIRST_NAMES else word

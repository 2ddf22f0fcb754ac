"""Figures over many interviews: funnel, themes, sentiment, ratings, eNPS, trends, breakdowns.

What HR asks of a set of interviews ("why are people leaving, where, what should we fix")
is answered here as one frozen `Aggregates` value that the analytics screen, the
aggregate PDF and the benchmark all read. Heavy work runs in SQL (counts, medians by
window function, themes unpacked with `json_each`), so 10,000 interviews take well under
a second; only per-interview rollups (about one row per interview) reach Python, where
the breakdowns are grouped.

Two populations, on purpose: the question funnel (reached, skipped, dropped off, time
spent) counts every *started* interview, because that is where drop-off shows; everything
about content (themes, sentiment, ratings, eNPS, flags, breakdowns) counts *completed*
interviews only, because a half-finished interview is not what the person meant to say.

Anonymity: a breakdown group (a department, a role, …) with fewer completed interviews
than the minimum group size is never named and none of its figures are shown; it is
counted in a "suppressed" line. When the whole selection is that small, `withheld` is
set and reports show counts only. Never imports Qt; reads only.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, Text, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.questions import Question, parse_question_set
from exitbot_desktop.engine.store.interviews import TENURE_BANDS
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview, QuestionSetRow
from exitbot_desktop.engine.store.vault import Store

DEFAULT_MIN_GROUP_SIZE = 5
MIN_GROUP_SIZE_SETTING = "min_group_size"
STARTED = ("in_progress", "completed", "discarded")
SENTIMENTS = ("positive", "neutral", "negative")
# Interview columns HR can break results down by, with their report titles.
DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("department", "Department"),
    ("role", "Role"),
    ("tenure_band", "Tenure"),
    ("location", "Location"),
    ("leaving_type", "Voluntary / involuntary"),
)
NOT_RECORDED = "(not recorded)"


@dataclass(frozen=True)
class Filters:
    """Which interviews to count; None means "any". Dates are inclusive calendar days."""

    date_from: date | None = None
    date_to: date | None = None
    department: str | None = None
    role: str | None = None
    tenure_band: str | None = None
    location: str | None = None
    leaving_type: str | None = None

    def describe(self) -> str:
        """One line for report headers: "All interviews" or the filters that apply."""
        parts: list[str] = []
        if self.date_from or self.date_to:
            start = self.date_from.isoformat() if self.date_from else "the start"
            end = self.date_to.isoformat() if self.date_to else "today"
            parts.append(f"{start} to {end}")
        for name, title in DIMENSIONS:
            value = getattr(self, name)
            if value:
                parts.append(f"{title}: {value}")
        return " · ".join(parts) if parts else "All interviews"

    def conditions(self) -> list[ColumnElement[bool]]:
        """SQL conditions on `Interview` (bound parameters, never formatted text)."""
        conds: list[ColumnElement[bool]] = []
        if self.date_from:
            conds.append(Interview.created_at >= datetime.combine(self.date_from, time()))
        if self.date_to:
            end = datetime.combine(self.date_to + timedelta(days=1), time())
            conds.append(Interview.created_at < end)
        for name, _title in DIMENSIONS:
            value = getattr(self, name)
            if value:
                conds.append(getattr(Interview, name) == value)
        return conds


@dataclass(frozen=True)
class QuestionStats:
    """How one main question fared among started interviews."""

    question_id: str
    text: str
    type: str
    reached: int  # interviews with any main answer row (answered, skipped, declined)
    answered: int
    skipped: int  # skipped or "prefer not to say"
    dropped_here: int  # unfinished interviews that stopped at this question
    median_seconds: float | None
    median_length: float | None  # characters, free-text questions only

    @property
    def skip_rate(self) -> float | None:
        return self.skipped / self.reached if self.reached else None


@dataclass(frozen=True)
class Distribution:
    """Answers to one closed question among completed interviews: label → count."""

    question_id: str
    text: str
    type: str
    counts: tuple[tuple[str, int], ...]  # in the question's own order

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def average(self) -> float | None:
        """Mean of a numeric question (rating, 0–10); None for choices or no answers."""
        if self.type not in ("rating", "scale_0_10") or not self.total:
            return None
        return sum(int(k) * n for k, n in self.counts) / self.total


@dataclass(frozen=True)
class Enps:
    """Employee net promoter score from a 0–10 "would you recommend" question."""

    promoters: int
    passives: int
    detractors: int

    @property
    def total(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> float | None:
        """% promoters − % detractors, −100 … 100."""
        if not self.total:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.total


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    interviews: int
    share: float  # of completed interviews in the selection
    average_rating: float | None
    enps: float | None
    top_theme: str | None


@dataclass(frozen=True)
class Breakdown:
    dimension: str
    title: str
    rows: tuple[BreakdownRow, ...]
    suppressed_groups: int  # groups too small to show; never named
    suppressed_interviews: int


@dataclass(frozen=True)
class MonthPoint:
    month: str  # YYYY-MM
    started: int
    completed: int


@dataclass(frozen=True)
class Aggregates:
    filters: Filters
    min_group_size: int
    created: int
    declined: int
    started: int
    completed: int
    questions: tuple[QuestionStats, ...]
    distributions: tuple[Distribution, ...]
    themes: tuple[tuple[str, int], ...]  # ranked: theme → completed interviews raising it
    sentiment: Mapping[str, int]  # label → free-text answers (ratings are not counted)
    flags: tuple[tuple[str, int], ...]  # flag → completed interviews
    enps: Enps
    followups_asked: int
    followups_answered: int
    text_answers: int  # answered free-text main questions (the follow-up base)
    answers_with_followup: int
    monthly: tuple[MonthPoint, ...]
    breakdowns: tuple[Breakdown, ...]
    provenance: Mapping[str, int] = field(default_factory=dict)  # analysis source → rows

    @property
    def withheld(self) -> bool:
        """Too few completed interviews to report anything but counts."""
        return self.completed < self.min_group_size

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.started if self.started else None

    @property
    def followup_rate(self) -> float | None:
        return self.answers_with_followup / self.text_answers if self.text_answers else None

    @property
    def average_rating(self) -> float | None:
        """Mean over every 1–5 rating answer in the selection."""
        ratings = [d for d in self.distributions if d.type == "rating"]
        total = sum(d.total for d in ratings)
        if not total:
            return None
        return sum(int(k) * n for d in ratings for k, n in d.counts) / total


def min_group_size(store: Store) -> int:
    """The HR setting, falling back to the default when unset or nonsense."""
    value = store.get_setting(MIN_GROUP_SIZE_SETTING, DEFAULT_MIN_GROUP_SIZE)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    return DEFAULT_MIN_GROUP_SIZE


def compute(
    store: Store,
    filters: Filters | None = None,
    *,
    group_size: int | None = None,
    language: str = "en",
) -> Aggregates:
    """Every figure for the interviews matching `filters`, in one read transaction."""
    filters = filters or Filters()
    size = group_size if group_size is not None else min_group_size(store)
    with store.session() as s:
        return _Computation(s, filters, size, language).run()


def questions_for(session: Session, set_pks: Iterable[int]) -> dict[str, Question]:
    """Main questions of the given question-set versions, first version's order first."""
    found: dict[str, Question] = {}
    rows = session.scalars(
        select(QuestionSetRow)
        .where(QuestionSetRow.id.in_(set(set_pks)))
        .order_by(QuestionSetRow.id.desc())
    )
    for row in rows:
        try:
            qs = parse_question_set(row.content, f"question set {row.set_id} v{row.version}")
        except QuestionSetError:
            continue  # an unreadable snapshot only loses its question texts, not answers
        for question in qs.questions:
            found.setdefault(question.id, question)
    return found


class _Computation:
    """One aggregate run over one read transaction.

    SQLite sorts for every GROUP BY, and sorting 150,000 answer rows costs about as much
    as streaming them into Python, so the big tables are read once each, narrow and
    unsorted, and counted here. SQL functions that allocate per row (`json_each`,
    `json_extract`, `strftime`) are avoided too: with SQLCipher's memory security on they
    cost ten times more than decoding in Python, where each distinct JSON text is
    decoded once.
    """

    def __init__(self, session: Session, filters: Filters, size: int, language: str) -> None:
        self.s, self.filters, self.size, self.language = session, filters, size, language
        # Core rows, not ORM rows: a third less time for the big reads.
        self.db = session.connection()
        conds = filters.conditions()
        self.started_ids = select(Interview.id).where(*conds, Interview.status.in_(STARTED))
        self.done_ids = select(Interview.id).where(*conds, Interview.status == "completed")
        self.questions: dict[str, Question] = {}

    def _ids_of(self, *qtypes: str) -> set[str]:
        return {q.id for q in self.questions.values() if q.type in qtypes}

    def run(self) -> Aggregates:
        people, statuses, months, dropped = self._interviews()
        tally = self._answers(people)
        self._analysis(people, tally)
        distributions = self._distributions(tally.closed)
        return Aggregates(
            filters=self.filters,
            min_group_size=self.size,
            created=sum(statuses.values()),
            declined=statuses["declined"],
            started=sum(statuses[st] for st in STARTED),
            completed=statuses["completed"],
            questions=self._question_stats(tally, dropped),
            distributions=distributions,
            themes=_ranked(t for person in people.values() for t in person.themes),
            sentiment={label: tally.sentiment[label] for label in SENTIMENTS},
            flags=_ranked(f for person in people.values() for f in person.flags),
            enps=_enps(distributions),
            followups_asked=tally.followups_asked,
            followups_answered=tally.followups_answered,
            text_answers=tally.text_answers,
            answers_with_followup=len(tally.followup_parents),
            monthly=months,
            breakdowns=self._breakdowns(people),
            provenance=dict(tally.provenance),
        )

    def _interviews(
        self,
    ) -> tuple[dict[int, _Person], Counter[str], tuple[MonthPoint, ...], Counter[str]]:
        """Completed people, status counts, the monthly trend and where others stopped."""
        dims = [getattr(Interview, name) for name, _ in DIMENSIONS]
        rows = self.db.execute(
            select(
                Interview.id,
                Interview.status,
                Interview.question_set_pk,
                Interview.current_question_id,
                type_coerce(Interview.created_at, String),
                type_coerce(Interview.completed_at, String),
                *dims,
            ).where(*self.filters.conditions())
        ).all()
        people: dict[int, _Person] = {}
        statuses: Counter[str] = Counter()
        started: Counter[str] = Counter()
        completed: Counter[str] = Counter()
        dropped: Counter[str] = Counter()
        set_pks: set[int] = set()
        # Stored times are ISO text ("2024-03-05 14:02:11.000000"): the month is a slice.
        for iid, status, set_pk, current, created_at, completed_at, *values in rows:
            statuses[status] += 1
            set_pks.add(set_pk)
            if status in STARTED:
                started[created_at[:7]] += 1
            if status == "completed":
                completed[(completed_at or created_at)[:7]] += 1
                people[iid] = _Person(tuple(values))
            elif status in ("in_progress", "discarded") and current:
                dropped[current] += 1
        self.questions = questions_for(self.s, set_pks)
        months = tuple(
            MonthPoint(m, started[m], completed[m]) for m in sorted(set(started) | set(completed))
        )
        return people, statuses, months, dropped

    def _answers(self, people: Mapping[int, _Person]) -> _Tally:
        """One pass over the answers of started interviews."""
        closed = self._ids_of(*_CLOSED_TYPES)
        texts, ratings, scales = (
            self._ids_of("text"),
            self._ids_of("rating"),
            self._ids_of("scale_0_10"),
        )
        raw_value = case((Answer.question_id.in_(closed), type_coerce(Answer.value, Text)))
        rows = self.db.execute(
            select(
                Answer.interview_id,
                Answer.question_id,
                Answer.status,
                Answer.is_followup,
                Answer.parent_id,
                Answer.seconds_spent,
                func.length(Answer.text),
                raw_value,
            ).where(Answer.interview_id.in_(self.started_ids))
        )
        tally = _Tally()
        for iid, qid, status, is_followup, parent, seconds, length, raw in rows:
            person = people.get(iid)
            if is_followup:
                if person is not None:
                    tally.followups_asked += 1
                    tally.followups_answered += status == "answered"
                    tally.followup_parents.add(parent)
                continue
            tally.statuses[qid][status] += 1
            if status != "answered":
                continue
            tally.seconds[qid].append(seconds)
            if qid in texts and length is not None:
                tally.lengths[qid].append(length)
            if person is None:
                continue
            if qid in texts:
                tally.text_answers += 1
            elif raw is not None:
                tally.closed[qid][raw] += 1
                if qid in ratings:
                    person.ratings.append(float(raw))
                elif qid in scales:
                    person.score = int(float(raw))
        return tally

    def _question_stats(self, tally: _Tally, dropped: Counter[str]) -> tuple[QuestionStats, ...]:
        stats: list[QuestionStats] = []
        for qid, question in self.questions.items():
            c = tally.statuses.get(qid, Counter())
            stats.append(
                QuestionStats(
                    question_id=qid,
                    text=question.text_for(self.language),
                    type=question.type,
                    reached=sum(c.values()),
                    answered=c["answered"],
                    skipped=c["skipped"] + c["prefer_not"],
                    dropped_here=dropped[qid],
                    median_seconds=_median(tally.seconds.get(qid, [])),
                    median_length=_median(tally.lengths.get(qid, [])),
                )
            )
        return tuple(stats)

    def _distributions(self, closed: Mapping[str, Counter[str]]) -> tuple[Distribution, ...]:
        out: list[Distribution] = []
        for qid, question in self.questions.items():
            if question.type not in _CLOSED_TYPES:
                continue
            got: Counter[str] = Counter()
            for raw, n in closed.get(qid, Counter()).items():
                for key in _value_keys(_decoded(raw)):
                    got[key] += n
            counts = tuple((label, got[key]) for key, label in _categories(question, self.language))
            out.append(Distribution(qid, question.text_for(self.language), question.type, counts))
        return tuple(out)

    def _analysis(self, people: Mapping[int, _Person], tally: _Tally) -> None:
        """Themes, flags and sentiment of completed interviews, and what produced them."""
        decoded: dict[str, Any] = {}
        rows = self.db.execute(
            select(
                AnalysisRow.interview_id,
                AnalysisRow.kind,
                AnalysisRow.provenance,
                type_coerce(AnalysisRow.payload, Text),
            ).where(
                AnalysisRow.kind.in_(("themes", "flags", "sentiment", "summary")),
                AnalysisRow.interview_id.in_(self.done_ids),
                # Nearly every answer has an empty flags row; leaving those out saves a
                # quarter of the rows (a row written in another format is simply read).
                or_(AnalysisRow.kind != "flags", func.length(AnalysisRow.payload) > len(_NO_FLAGS)),
            )
        )
        for iid, kind, source, raw in rows:
            if kind != "flags":
                tally.provenance[f"{kind}: {source}"] += 1
            person = people.get(iid)
            if person is None or kind == "summary":
                continue
            payload = decoded.get(raw)
            if payload is None:
                payload = decoded[raw] = json.loads(raw)
            if kind == "themes":
                person.themes.update(payload.get("themes", ()))
            elif kind == "flags":
                person.flags.update(payload.get("flags", ()))
            elif source != "rating":  # ratings have their own charts; the mix is about words
                tally.sentiment[str(payload.get("label"))] += 1

    def _breakdowns(self, people: Mapping[int, _Person]) -> tuple[Breakdown, ...]:
        total = len(people)
        out: list[Breakdown] = []
        for index, (name, title) in enumerate(DIMENSIONS):
            groups: dict[str, list[_Person]] = defaultdict(list)
            for person in people.values():
                groups[person.dims[index] or NOT_RECORDED].append(person)
            rows: list[BreakdownRow] = []
            hidden_groups = hidden_people = 0
            for label, members in groups.items():
                if len(members) < self.size:
                    hidden_groups += 1
                    hidden_people += len(members)
                    continue
                means = [sum(p.ratings) / len(p.ratings) for p in members if p.ratings]
                top = _ranked(t for p in members for t in p.themes)
                rows.append(
                    BreakdownRow(
                        label=TENURE_BANDS.get(label, label) if name == "tenure_band" else label,
                        interviews=len(members),
                        share=len(members) / total,
                        average_rating=sum(means) / len(means) if means else None,
                        enps=_enps_of(p.score for p in members if p.score is not None).score,
                        top_theme=top[0][0] if top else None,
                    )
                )
            rows.sort(key=lambda r: (-r.interviews, r.label))
            # Complementary suppression: the overall figures minus the shown groups would
            # give the hidden ones away when they are few, so hide the next smallest group
            # too until what is hidden together is at least a minimum group.
            while rows and 0 < hidden_people < self.size:
                smallest = rows.pop()
                hidden_groups += 1
                hidden_people += smallest.interviews
            out.append(Breakdown(name, title, tuple(rows), hidden_groups, hidden_people))
        return tuple(out)


_NO_FLAGS = json.dumps({"flags": []})  # how the JSON column stores an empty flags payload
_CLOSED_TYPES = ("single_choice", "multiple_choice", "rating", "scale_0_10", "yes_no")


@dataclass
class _Person:
    """One completed interview as breakdowns see it (filled while the answers stream by)."""

    dims: tuple[str | None, ...]
    ratings: list[float] = field(default_factory=list)
    score: int | None = None  # the 0–10 "would recommend" answer
    themes: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)


@dataclass
class _Tally:
    """Counters filled by the single pass over answers."""

    statuses: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    seconds: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    lengths: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    closed: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    text_answers: int = 0
    followups_asked: int = 0
    followups_answered: int = 0
    followup_parents: set[int] = field(default_factory=set)
    provenance: Counter[str] = field(default_factory=Counter)
    sentiment: Counter[str] = field(default_factory=Counter)


def _decoded(raw: object) -> object:
    """A stored JSON value read raw: the column's numeric affinity turns `4` into an int."""
    return json.loads(raw) if isinstance(raw, str) else raw


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _categories(question: Question, language: str) -> list[tuple[str, str]]:
    """(stored key, label) of every possible answer, in the question's order."""
    if question.type == "rating":
        return [(str(v), str(v)) for v in range(1, 6)]
    if question.type == "scale_0_10":
        return [(str(v), str(v)) for v in range(11)]
    if question.type == "yes_no":
        return [
            ("true", "Yes" if language != "de" else "Ja"),
            ("false", "No" if language != "de" else "Nein"),
        ]
    return [(c.id, c.label_for(language)) for c in question.choices]


def _value_keys(value: object) -> list[str]:
    """The category keys an answer value counts towards (several for multiple choice)."""
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


def _ranked(items: Iterable[str]) -> tuple[tuple[str, int], ...]:
    """Counts, largest first, ties alphabetical (so reports are stable between runs)."""
    return tuple(sorted(Counter(items).items(), key=lambda kv: (-kv[1], kv[0])))


def _enps_of(scores: Iterable[int]) -> Enps:
    promoters = passives = detractors = 0
    for score in scores:
        if score >= 9:
            promoters += 1
        elif score >= 7:
            passives += 1
        else:
            detractors += 1
    return Enps(promoters, passives, detractors)


def _enps(distributions: Sequence[Distribution]) -> Enps:
    """From the first 0–10 question (the set's "would you recommend us")."""
    for dist in distributions:
        if dist.type == "scale_0_10":
            by_score = {int(k): n for k, n in dist.counts}
            return Enps(
                promoters=sum(n for k, n in by_score.items() if k >= 9),
                passives=sum(n for k, n in by_score.items() if 7 <= k <= 8),
                detractors=sum(n for k, n in by_score.items() if k <= 6),
            )
    return Enps(0, 0, 0)

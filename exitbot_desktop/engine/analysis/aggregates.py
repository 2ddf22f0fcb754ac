"""Figures over many interviews: funnel, themes, sentiment, ratings, eNPS, trends, breakdowns.

What HR asks of a set of interviews ("why are people leaving, where, what should we fix")
is answered here as one frozen `Aggregates` value that the analytics screen, the
aggregate PDF and the benchmark all read. Completed interviews are read from their
digests (`store/digests.py`: one row of facts each, kept current by the store), the few
others from their answer rows; the counting and grouping happen here.

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

import contextlib
import gc
import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.analysis.counted import Counted, Group, mean
from exitbot_desktop.engine.analysis.counted_on_server import count_on_server
from exitbot_desktop.engine.answer_text import yes_no
from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.filters import Filters, Selection
from exitbot_desktop.engine.metadata import shown_value
from exitbot_desktop.engine.questions import Question, parse_question_set
from exitbot_desktop.engine.records import InterviewStatus
from exitbot_desktop.engine.settings import read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.question_sets import StoredQuestionSet
    from exitbot_desktop.engine.store.vault import Store

STARTED: tuple[InterviewStatus, ...] = ("in_progress", "completed", "discarded")
SENTIMENTS = ("positive", "neutral", "negative")
NOT_RECORDED = "(not recorded)"


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


def compute(
    store: Store,
    filters: Filters | None = None,
    *,
    group_size: int | None = None,
    language: str = "en",
) -> Aggregates:
    """Every figure for the interviews matching `filters`."""
    filters = filters or Filters()
    size = group_size if group_size is not None else read_settings(store).min_group_size
    with store.transaction(), _collector_paused():  # one consistent read
        return _Computation(store, Selection(filters), size, language).run()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while counting.

    A count over 10,000 interviews decodes a hundred thousand small lists and dicts; with
    the collector on, its full passes walk the whole heap, 100 ms or more each while
    holding the interpreter lock, so the HR window froze while the dashboard counted
    (bench/hr.py) and every count took a fifth longer. What the count creates holds no
    cycles, so reference counting frees it just the same.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def questions_in(sets: Iterable[StoredQuestionSet]) -> dict[str, Question]:
    """Main questions of the given question-set versions, the newest version's first."""
    found: dict[str, Question] = {}
    for stored in sets:
        try:
            qs = parse_question_set(
                stored.content, f"question set {stored.set_id} v{stored.version}"
            )
        except QuestionSetError:
            continue  # an unreadable snapshot only loses its question texts, not answers
        for question in qs.questions:
            found.setdefault(question.id, question)
    return found


class _Computation:
    """One aggregate run over one read transaction.

    The counting happens in SQL on a database server (`counted_on_server.py`), here in
    Python on the embedded file (`_counted_here`); `run` turns either into figures.
    """

    def __init__(self, store: Store, selection: Selection, size: int, language: str) -> None:
        self.store, self.reports, self.selection = store, store.reports, selection
        self.filters, self.size, self.language = selection.filters, size, language
        self.questions: dict[str, Question] = {}
        self.fields = self.reports.grouped_fields()

    def _ids_of(self, *qtypes: str) -> set[str]:
        return {q.id for q in self.questions.values() if q.type in qtypes}

    def run(self) -> Aggregates:
        self.questions = questions_in(self.reports.question_sets(self.selection))
        if self.reports.counts_in_sql:
            counted = count_on_server(
                self.store,
                self.selection,
                ratings=self._ids_of("rating"),
                scales=self._ids_of("scale_0_10"),
                texts=self._ids_of("text"),
                fields=[f.name for f in self.fields],
                size=self.size,
                missing=NOT_RECORDED,
            )
        else:
            counted = self._counted_here()
        distributions = self._distributions(counted.closed)
        return Aggregates(
            filters=self.filters,
            min_group_size=self.size,
            created=sum(counted.statuses.values()),
            declined=counted.statuses["declined"],
            started=sum(counted.statuses[st] for st in STARTED),
            completed=counted.statuses["completed"],
            questions=self._question_stats(counted),
            distributions=distributions,
            themes=_by_count(counted.themes),
            sentiment={label: counted.sentiment[label] for label in SENTIMENTS},
            flags=_by_count(counted.flags),
            enps=_enps(distributions),
            followups_asked=counted.followups_asked,
            followups_answered=counted.followups_answered,
            text_answers=counted.text_answers,
            answers_with_followup=counted.answers_with_followup,
            monthly=tuple(
                MonthPoint(month, counted.started[month], counted.completed[month])
                for month in sorted(set(counted.started) | set(counted.completed))
            ),
            breakdowns=self._breakdowns(counted.groups),
            provenance=dict(counted.provenance),
        )

    def _counted_here(self) -> Counted:
        counted = Counted()
        people = self._interviews(counted)
        spent = _Spent()
        self._completed(people, counted, spent)
        self._unfinished(counted, spent)
        counted.median_seconds = {q: statistics.median(v) for q, v in spent.seconds.items() if v}
        counted.median_lengths = {q: statistics.median(v) for q, v in spent.lengths.items() if v}
        counted.themes = Counter(t for person in people.values() for t in person.themes)
        counted.flags = Counter(f for person in people.values() for f in person.flags)
        counted.groups = self._groups(people)
        return counted

    def _interviews(self, counted: Counted) -> dict[int, _Person]:
        """Completed people; status counts, the monthly trend and where others stopped
        into `counted`."""
        people: dict[int, _Person] = {}
        for iid, status, month, completed_in, reached, *dims in self.reports.interview_facts(
            self.selection
        ):
            counted.statuses[status] += 1
            if status in STARTED:
                counted.started[month] += 1
            if status == "completed":
                counted.completed[completed_in or month] += 1
                people[iid] = _Person(tuple(dims))
            elif status in ("in_progress", "discarded") and reached:
                counted.dropped[reached] += 1
        return people

    def _completed(self, people: Mapping[int, _Person], counted: Counted, spent: _Spent) -> None:
        """Everything about completed interviews, from their digests (one row each).

        A digest is shaped for this loop (`store/digests.py`): per interview it mostly
        extends lists, and the counting happens once at the end, in C.
        """
        closed = self._ids_of(*_CLOSED_TYPES)
        ratings, scales = self._ids_of("rating"), self._ids_of("scale_0_10")
        other: list[str] = []
        values: list[str] = []
        answered_ids: list[str] = []
        seconds: list[float] = []
        lengths: list[int | None] = []
        sentiment, provenance = counted.sentiment, counted.provenance
        asked = answered = with_followup = 0
        for iid, raw in self.reports.digests(self.selection.only("completed")):
            person = people.get(iid)
            if person is None:
                continue  # completed after the interviews were read
            digest = json.loads(raw)
            answered_ids.extend(digest["answered"])
            seconds.extend(digest["seconds"])
            lengths.extend(digest["lengths"])
            other.extend(digest["other"])
            values.extend(digest["values"])
            for qid, number in zip(digest["numbered"], digest["numbers"], strict=True):
                if qid in ratings:
                    person.ratings.append(float(number))
                elif qid in scales:
                    person.score = int(number)
            n_asked, n_answered, n_with = digest["followups"]
            asked, answered, with_followup = (
                asked + n_asked,
                answered + n_answered,
                with_followup + n_with,
            )
            person.themes.update(digest["themes"])
            person.flags.update(digest["flags"])
            # A loop, not Counter.update: for a handful of keys its set-up costs more.
            for label, n in digest["sentiment"].items():
                sentiment[label] += n
            for source, n in digest["sources"].items():
                provenance[source] += n
        for key, n in Counter(other).items():
            qid, status = key.split("\t", 1)
            counted.answers[qid][status] += n
        for key, n in Counter(values).items():
            qid, category = key.split("\t", 1)
            if qid in closed:
                counted.closed[qid][category] += n
        counted.text_answers = self._count_answered(
            counted, spent, zip(answered_ids, seconds, lengths, strict=True)
        )
        counted.followups_asked, counted.followups_answered = asked, answered
        counted.answers_with_followup = with_followup

    def _unfinished(self, counted: Counted, spent: _Spent) -> None:
        """Where interviews that were started but not completed got to: the funnel only,
        from their answer rows (they have no digest)."""
        answers: list[tuple[str, float, int | None]] = []
        for _iid, qid, status, is_followup, _parent, took, length in self.reports.answer_facts(
            self.selection.only("in_progress", "discarded")
        ):
            if is_followup:
                continue
            if status == "answered":
                answers.append((qid, took, length))
            else:
                counted.answers[qid][status] += 1
        self._count_answered(counted, spent, answers)

    def _count_answered(
        self, counted: Counted, spent: _Spent, answers: Iterable[Sequence[Any]]
    ) -> int:
        """Add (question id, seconds, text length) of answered main answers to the funnel;
        returns how many of them answer a free-text question."""
        texts = self._ids_of("text")
        statuses, seconds, lengths = counted.answers, spent.seconds, spent.lengths
        text_answers = 0
        for qid, took, length in answers:
            statuses[qid]["answered"] += 1
            seconds[qid].append(took)
            if qid in texts and length is not None:
                lengths[qid].append(length)
                text_answers += 1
        return text_answers

    def _question_stats(self, counted: Counted) -> tuple[QuestionStats, ...]:
        stats: list[QuestionStats] = []
        for qid, question in self.questions.items():
            c = counted.answers.get(qid, Counter())
            stats.append(
                QuestionStats(
                    question_id=qid,
                    text=question.text_for(self.language),
                    type=question.type,
                    reached=sum(c.values()),
                    answered=c["answered"],
                    skipped=c["skipped"] + c["prefer_not"],
                    dropped_here=counted.dropped[qid],
                    median_seconds=counted.median_seconds.get(qid),
                    median_length=counted.median_lengths.get(qid),
                )
            )
        return tuple(stats)

    def _distributions(self, closed: Mapping[str, Counter[str]]) -> tuple[Distribution, ...]:
        out: list[Distribution] = []
        for qid, question in self.questions.items():
            if question.type not in _CLOSED_TYPES:
                continue
            got = closed.get(qid, Counter())
            counts = tuple((label, got[key]) for key, label in _categories(question, self.language))
            out.append(Distribution(qid, question.text_for(self.language), question.type, counts))
        return tuple(out)

    def _groups(self, people: Mapping[int, _Person]) -> dict[str, dict[str, Group]]:
        """Each breakdown field's groups of completed people, with the figures of those
        large enough to be shown."""
        # Each person's mean rating once, not once per field.
        means = {iid: sum(p.ratings) / len(p.ratings) for iid, p in people.items() if p.ratings}
        out: dict[str, dict[str, Group]] = {}
        for index, dimension in enumerate(self.fields):
            members: dict[str, list[int]] = defaultdict(list)
            for iid, person in people.items():
                members[person.dims[index] or NOT_RECORDED].append(iid)
            groups = out[dimension.name] = {}
            for label, ids in members.items():
                if len(ids) < self.size:
                    groups[label] = Group(len(ids))
                    continue
                top = _by_count(Counter(chain.from_iterable(people[i].themes for i in ids)))
                groups[label] = Group(
                    len(ids),
                    average_rating=mean(means[i] for i in ids if i in means),
                    enps=_enps_of(s for i in ids if (s := people[i].score) is not None).score,
                    top_theme=top[0][0] if top else None,
                )
        return out

    def _breakdowns(self, found: Mapping[str, Mapping[str, Group]]) -> tuple[Breakdown, ...]:
        out: list[Breakdown] = []
        for dimension in self.fields:
            groups = found.get(dimension.name, {})
            total = sum(g.interviews for g in groups.values())
            rows: list[BreakdownRow] = []
            hidden_groups = hidden_people = 0
            for label, group in groups.items():
                if group.interviews < self.size:
                    hidden_groups += 1
                    hidden_people += group.interviews
                    continue
                rows.append(
                    BreakdownRow(
                        label=shown_value(dimension.name, label) or label,
                        interviews=group.interviews,
                        share=group.interviews / total,
                        average_rating=group.average_rating,
                        enps=group.enps,
                        top_theme=group.top_theme,
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
            out.append(
                Breakdown(
                    dimension.name, dimension.title, tuple(rows), hidden_groups, hidden_people
                )
            )
        return tuple(out)


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
class _Spent:
    """Seconds and text lengths of answered main answers, per question, for their
    medians."""

    seconds: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    lengths: defaultdict[str, list[float]] = field(default_factory=lambda: defaultdict(list))


def _categories(question: Question, language: str) -> list[tuple[str, str]]:
    """(category key, label) of every possible answer, in the question's order; the keys
    are the ones the digests count (`store/digests.category_keys`)."""
    if question.type == "rating":
        return [(str(v), str(v)) for v in range(1, 6)]
    if question.type == "scale_0_10":
        return [(str(v), str(v)) for v in range(11)]
    if question.type == "yes_no":
        return [("true", yes_no(True, language)), ("false", yes_no(False, language))]
    return [(c.id, c.label_for(language)) for c in question.choices]


def _by_count(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """`counts` largest first, ties alphabetical."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


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

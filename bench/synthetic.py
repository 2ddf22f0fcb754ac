"""Plausible made-up interviews, written in bulk: for benchmarks and report tests (not shipped).

Real interviews are written one answer per transaction (that is what makes them survive
a crash); filling a database with 10,000 of them that way takes minutes. This module
writes whole batches through executemany inserts instead, with the analysis rows
(themes, sentiment, flags, summary) it already knows because it chose them, so a
benchmark measures the reports and not the classifiers. Everything it writes is marked
with provenance "synthetic". Deterministic for a given seed. It writes the store's
tables directly, which only the store itself may do in the app: this lives beside the
benchmarks, outside the package.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, insert, select, text

from exitbot_desktop.engine.metadata import TENURE_BANDS
from exitbot_desktop.engine.questions import QuestionSet, load_builtin, to_json
from exitbot_desktop.engine.store import digests
from exitbot_desktop.engine.store.models import (
    AnalysisRow,
    Answer,
    Base,
    Interview,
    InterviewDigest,
)
from exitbot_desktop.engine.store.sealing import SEALED
from exitbot_desktop.engine.store.vault import Store

PROVENANCE = "synthetic"
DEPARTMENTS = ("Sales", "Engineering", "Operations", "Finance", "Customer Service", "Marketing")
ROLES = ("Associate", "Specialist", "Team Lead", "Manager", "Engineer", "Analyst")
TENURE = tuple(TENURE_BANDS)
LOCATIONS = ("Berlin", "Hamburg", "London", "Remote")

# (theme, sentiment, text): a small pool, enough to make charts and quotes look real.
_TEXTS: tuple[tuple[str, str, str], ...] = (
    ("compensation_benefits", "negative", "A competitor offered me 20% more and a proper pension."),
    ("compensation_benefits", "negative", "Pay was below market and the bonus was cut twice."),
    (
        "career_development",
        "negative",
        "There was no path to promotion; senior roles went outside.",
    ),
    ("career_development", "neutral", "I want to try a different field and study part-time."),
    ("manager", "negative", "My manager rarely gave feedback and took credit for my work."),
    ("manager", "positive", "My manager was supportive; I am leaving despite her, not because."),
    ("work_life_balance", "negative", "Constant overtime and weekend on-call wore me down."),
    (
        "work_life_balance",
        "negative",
        "Five office days with a long commute did not fit my family.",
    ),
    ("wellbeing", "negative", "The stress affected my health and my doctor advised a change."),
    ("job_characteristics", "negative", "The work became repetitive and the goals kept changing."),
    ("job_characteristics", "positive", "I enjoyed the work itself and the customers a lot."),
    ("work_environment", "negative", "The team culture was cliquey and mistakes were punished."),
    ("work_environment", "positive", "Great colleagues; I will recommend the company to friends."),
    ("relocation", "neutral", "We are moving abroad for my partner's new job."),
    ("retirement", "positive", "I am retiring after many good years here."),
    ("involuntary", "negative", "My fixed-term contract was not renewed."),
    (
        "manager",
        "negative",
        "Mein Vorgesetzter hat Entscheidungen über meinen Kopf hinweg getroffen.",
    ),
    ("compensation_benefits", "neutral", "Bei der Konkurrenz verdiene ich deutlich mehr."),
)
_IMPROVE = (
    ("career_development", "neutral", "Clear career paths and more internal training."),
    ("manager", "neutral", "Train managers to give regular, honest feedback."),
    ("work_life_balance", "neutral", "Offer hybrid work and fewer late meetings."),
    ("compensation_benefits", "neutral", "Review salaries against the market every year."),
    ("work_environment", "neutral", "Fix the tools; we lose hours every week to crashes."),
)
_FLAGGED = (
    ("harassment", "work_environment", "A colleague made repeated comments about my appearance."),
    (
        "safety",
        "work_environment",
        "The forklift area had no barriers and near misses were hushed.",
    ),
)


@dataclass(frozen=True)
class Populated:
    interviews: int
    answers: int
    analysis_rows: int


def populate(
    store: Store,
    count: int,
    *,
    seed: int = 7,
    start: datetime = datetime(2024, 1, 1),
    months: int = 12,
    question_set: QuestionSet | None = None,
    department_sizes: dict[str, int] | None = None,
    batch: int = 2000,
    progress: Callable[[int, int], None] | None = None,
) -> Populated:
    """Add `count` interviews (about 85% completed) spread over `months` months.

    `department_sizes` pins how many go to named departments (the rest are spread over
    `DEPARTMENTS`), which is how tests make a department too small to be shown.
    """
    qs = question_set or load_builtin()
    set_pk = store.question_sets.snapshot(to_json(qs))
    rng = random.Random(seed)
    pinned = [d for d, n in (department_sizes or {}).items() for _ in range(n)]
    totals = Populated(0, 0, 0)
    with store.database.transaction() as s:
        next_interview = (s.scalar(select(func.max(Interview.id))) or 0) + 1
        next_answer = (s.scalar(select(func.max(Answer.id))) or 0) + 1
    done = 0
    while done < count:
        size = min(batch, count - done)
        builder = _Batch(rng, qs, set_pk, next_interview, next_answer, start, months)
        for i in range(size):
            index = done + i
            department = pinned[index] if index < len(pinned) else rng.choice(DEPARTMENTS)
            builder.interview(department)
        with store.database.transaction() as s:
            # Core inserts: one executemany per table (the ORM's bulk path splits batches
            # whenever a row has a different set of NULLs).
            s.execute(
                insert(_table(Interview)), _as_stored(store, "interviews", builder.interviews)
            )
            s.execute(insert(_table(Answer)), _as_stored(store, "answers", builder.answers))
            s.execute(insert(_table(AnalysisRow)), _as_stored(store, "analysis", builder.analysis))
            # The store keeps digests current for the writes it makes; these rows went
            # around it, so their digests are made here, by the store's own function.
            s.execute(insert(_table(InterviewDigest)), builder.digests())
            if store.database.dialect.name == "postgresql":
                # The ids were given, so the server's sequences have not moved past them.
                for table in ("interviews", "answers"):
                    s.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT max(id) FROM {table}))"
                        )
                    )
        totals = Populated(
            totals.interviews + len(builder.interviews),
            totals.answers + len(builder.answers),
            totals.analysis_rows + len(builder.analysis),
        )
        next_interview, next_answer = builder.next_interview, builder.next_answer
        done += size
        if progress is not None:
            progress(done, count)
    return totals


class _Batch:
    """Row dictionaries for one executemany; ids are assigned here so follow-ups can link."""

    def __init__(
        self,
        rng: random.Random,
        qs: QuestionSet,
        set_pk: int,
        next_interview: int,
        next_answer: int,
        start: datetime,
        months: int,
    ) -> None:
        self.rng, self.qs, self.set_pk = rng, qs, set_pk
        self.next_interview, self.next_answer = next_interview, next_answer
        self.start, self.span_days = start, max(1, months) * 30
        self.interviews: list[dict[str, Any]] = []
        self.answers: list[dict[str, Any]] = []
        self.analysis: list[dict[str, Any]] = []

    def digests(self) -> list[dict[str, Any]]:
        """The completed interviews' digests as the store would build them from these rows
        (`digests.digest_of`, given the answers and analysis in storage order)."""
        answers: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for a in self.answers:
            answers[a["interview_id"]].append(
                (
                    a["question_id"],
                    a["status"],
                    a["is_followup"],
                    a["parent_id"],
                    a["seconds_spent"],
                    json.dumps(a["value"]),
                    None if a["text"] is None else len(a["text"]),
                )
            )
        analysis: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
        for row in self.analysis:
            analysis[row["interview_id"]].append(
                (row["kind"], row["provenance"], json.dumps(row["payload"]))
            )
        return [
            {
                "interview_id": i["id"],
                "format": digests.FORMAT,
                "facts": digests.digest_of(answers[i["id"]], analysis[i["id"]]),
            }
            for i in self.interviews
            if i["status"] == "completed"
        ]

    def interview(self, department: str) -> None:
        rng = self.rng
        iid = self.next_interview
        self.next_interview += 1
        created = self.start + timedelta(minutes=rng.randrange(self.span_days * 24 * 60))
        completed = rng.random() < 0.85
        questions = self.qs.questions
        stop_at = len(questions) if completed else rng.randrange(1, len(questions))
        themes_seen: set[str] = set()
        flagged = completed and rng.random() < 0.01
        mood = rng.random()  # one person's mood drives all their ratings
        for question in questions[:stop_at]:
            if question.show_if is not None and rng.random() < 0.7:
                continue
            if flagged and question.id == "anything_else":
                flag, theme, text = rng.choice(_FLAGGED)
                aid = self._row(iid, question.id, "answered", text, text)
                self._analyse(iid, aid, theme, "negative", (flag,))
                themes_seen.add(theme)
                continue
            self._answer(iid, question.id, question.type, question.choices, mood, themes_seen)
        self.interviews.append(
            {
                "id": iid,
                "status": "completed" if completed else rng.choice(("in_progress", "discarded")),
                "receipt_code": f"EX-S{iid:07d}" if completed else None,
                "question_set_pk": self.set_pk,
                "language": "en",
                "anonymous": True,
                "department": department,
                "role": rng.choice(ROLES),
                "tenure_band": rng.choice(TENURE),
                "location": rng.choice(LOCATIONS),
                "leaving_type": "voluntary" if rng.random() < 0.85 else "involuntary",
                "created_at": created,
                "consented_at": created,
                "completed_at": created + timedelta(minutes=rng.randint(8, 40))
                if completed
                else None,
                "updated_at": created,
                "current_question_id": None if completed else questions[stop_at - 1].id,
                "needs_care": flagged,
            }
        )
        if completed:
            summary = "Themes raised: " + (", ".join(sorted(themes_seen)) or "none") + "."
            self.analysis.append(_analysis(iid, None, "summary", {"text": summary}))

    def _answer(
        self,
        iid: int,
        question_id: str,
        qtype: str,
        choices: tuple[Any, ...],
        mood: float,
        themes_seen: set[str],
    ) -> None:
        rng = self.rng
        if rng.random() < 0.06:
            self._row(iid, question_id, rng.choice(("skipped", "prefer_not")), None, None)
            return
        if qtype == "rating":
            value: Any = max(1, min(5, round(1 + 4 * mood + rng.uniform(-1.2, 1.2))))
            self._row(iid, question_id, "answered", value, None)
        elif qtype == "scale_0_10":
            value = max(0, min(10, round(10 * mood + rng.uniform(-2, 2))))
            self._row(iid, question_id, "answered", value, None)
        elif qtype == "yes_no":
            self._row(iid, question_id, "answered", mood > 0.4, None)
        elif qtype == "single_choice":
            self._row(iid, question_id, "answered", rng.choice(choices).id, None)
        elif qtype == "multiple_choice":
            picked = rng.sample([c.id for c in choices], k=rng.randint(1, 2))
            self._row(iid, question_id, "answered", picked, None)
        else:
            pool = _IMPROVE if question_id == "what_to_improve" else _TEXTS
            theme, sentiment, text = rng.choice(pool)
            aid = self._row(iid, question_id, "answered", text, text, seconds=rng.uniform(30, 240))
            self._analyse(iid, aid, theme, sentiment, ())
            themes_seen.add(theme)
            if rng.random() < 0.4:
                reply = rng.choice(("It built up over a year.", "Mostly the last six months."))
                fid = self._row(iid, question_id, "answered", reply, reply, parent=aid)
                self._analyse(iid, fid, theme, "neutral", ())

    def _row(
        self,
        iid: int,
        question_id: str,
        status: str,
        value: Any,
        text: str | None,
        *,
        parent: int | None = None,
        seconds: float | None = None,
    ) -> int:
        aid = self.next_answer
        self.next_answer += 1
        self.answers.append(
            {
                "id": aid,
                "interview_id": iid,
                "question_id": question_id,
                "status": status,
                "value": value,
                "text": text,
                "is_followup": parent is not None,
                "parent_id": parent,
                "followup_question": "Could you tell me more?" if parent is not None else None,
                "followup_source": "rules" if parent is not None else None,
                "seconds_spent": seconds if seconds is not None else self.rng.uniform(4, 40),
            }
        )
        return aid

    def _analyse(
        self, iid: int, aid: int, theme: str, sentiment: str, flags: tuple[str, ...]
    ) -> None:
        score = {"negative": -0.6, "neutral": 0.0, "positive": 0.6}[sentiment]
        self.analysis.append(_analysis(iid, aid, "themes", {"themes": [theme]}))
        self.analysis.append(_analysis(iid, aid, "sentiment", {"label": sentiment, "score": score}))
        self.analysis.append(_analysis(iid, aid, "flags", {"flags": list(flags)}))


def _table(model: type[Base]) -> Table:
    return Base.metadata.tables[model.__tablename__]


def _as_stored(store: Store, table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows as the store keeps them: on a sealing store (a central server) the words
    sealed to their rows, as the repositories would have written them."""
    if store.database.sealer is None:
        return rows
    return [
        {
            column: store.database.seal(table, column, _seal_row(table, row), value)
            if column in SEALED[table] and (table != "analysis" or row["kind"] == "summary")
            else value
            for column, value in row.items()
        }
        for row in rows
    ]


def _seal_row(table: str, row: dict[str, Any]) -> int:
    """The row a value is sealed to: a summary belongs to its interview (`sealing.py`)."""
    row_id: int = row["interview_id"] if table == "analysis" else row["id"]
    return row_id


def _analysis(iid: int, aid: int | None, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "interview_id": iid,
        "answer_id": aid,
        "kind": kind,
        "payload": payload,
        "provenance": PROVENANCE,
    }

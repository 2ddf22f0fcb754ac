"""CSV and JSON exports of interviews: one row per answer, or one row per interview.

Anonymised unless asked otherwise: no employee or manager name, no receipt code (it
links an interview to a person's access request) unless `include_receipt`, and free text
scrubbed of names, e-mail addresses and phone numbers. CSV text cells that a spreadsheet
would run as a formula (starting with = + - @, tab or carriage return) get a leading
apostrophe; numbers stay numbers. `bom` adds the UTF-8 byte-order mark Excel needs to
show umlauts. Everything is read in two narrow queries and written as it streams, so
10,000 interviews export in about a second. Every export is audited. Never imports Qt.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import String, Text, select, type_coerce

from exitbot_desktop.engine import audit
from exitbot_desktop.engine.analysis.aggregates import Filters, questions_for
from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.questions import Question
from exitbot_desktop.engine.reports.anonymise import Scrubber
from exitbot_desktop.engine.reports.quotes import known_names
from exitbot_desktop.engine.store.models import AnalysisRow, Answer, Interview
from exitbot_desktop.engine.store.vault import Store

Per = Literal["answer", "interview"]
Progress = Callable[[int, int], None]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(_FORMULA_START)
_INTERVIEW_COLUMNS = (
    "interview",
    "status",
    "started",
    "submitted",
    "department",
    "role",
    "tenure_band",
    "location",
    "leaving_type",
    "language",
)
_NAMED_COLUMNS = ("employee_name", "manager")
_ANSWER_COLUMNS = (
    "question_id",
    "question",
    "is_followup",
    "answer_status",
    "answer",
    "sentiment",
    "sentiment_score",
    "themes",
    "flags",
    "seconds",
)


@dataclass(frozen=True)
class ExportOptions:
    per: Per = "answer"
    anonymise: bool = True
    include_receipt: bool = False
    bom: bool = False  # CSV only
    language: str = "en"  # for question texts and choice labels


@dataclass
class _Interview:
    """One interview with its rows, as they stream out of the database."""

    meta: dict[str, Any]
    answers: list[dict[str, Any]] = field(default_factory=list)
    summary: str = ""


def export_csv(
    store: Store,
    path: Path,
    filters: Filters | None = None,
    options: ExportOptions | None = None,
    *,
    receipt: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write a CSV file; returns the number of data rows."""
    opts = options or ExportOptions()
    reader = _Reader(store, filters or Filters(), opts, receipt)
    head, tail = reader.columns()
    rows = 0
    with atomic_text(path, encoding="utf-8-sig" if opts.bom else "utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(head + tail)
        for interview in reader.interviews(progress):
            if opts.per == "interview":
                row = reader.interview_row(interview)
                writer.writerow([_cell(row.get(c)) for c in head + tail])
                rows += 1
                continue
            # The interview's own cells are the same on each of its answer rows.
            start = [_cell(interview.meta.get(c)) for c in head]
            for answer in interview.answers:
                writer.writerow(start + [_cell(answer[c]) for c in tail])
                rows += 1
    _audit(store, "csv", path, opts, reader, rows)
    return rows


def export_json(
    store: Store,
    path: Path,
    filters: Filters | None = None,
    options: ExportOptions | None = None,
    *,
    receipt: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write a JSON file (answers nested in interviews, or a flat list); returns the count."""
    opts = options or ExportOptions()
    reader = _Reader(store, filters or Filters(), opts, receipt)
    items: list[dict[str, Any]] = []
    for interview in reader.interviews(progress):
        if opts.per == "interview":
            items.append({**reader.interview_row(interview), "answers": interview.answers})
        else:
            items += ({**interview.meta, **answer} for answer in interview.answers)
    document = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "selection": reader.description,
        "anonymised": opts.anonymise,
        "per": opts.per,
        "interviews" if opts.per == "interview" else "answers": items,
    }
    with atomic_text(path) as out:
        json.dump(document, out, ensure_ascii=False, indent=1, default=str)
    _audit(store, "json", path, opts, reader, len(items))
    return len(items)


def neutralise(value: str) -> str:
    """A text cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _cell(value: object) -> object:
    if type(value) is str:  # the common case first: 150,000 rows × 20 cells
        return "'" + value if value[:1] in _FORMULA_CHARS else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    return neutralise(str(value))


def _audit(
    store: Store, fmt: str, path: Path, opts: ExportOptions, reader: _Reader, rows: int
) -> None:
    audit.record(
        store,
        store.actor,
        "export",
        {
            "format": fmt,
            "per": opts.per,
            "selection": reader.description,
            "rows": rows,
            "anonymised": opts.anonymise,
            "receipt_codes": opts.include_receipt,
            "file": path.name,
        },
    )


class _Reader:
    """Reads the selected interviews and shapes them into export rows."""

    def __init__(self, store: Store, filters: Filters, opts: ExportOptions, receipt: str | None):
        self.store, self.filters, self.opts = store, filters, opts
        self.conds = filters.conditions()
        self.description = filters.describe()
        if receipt:
            code = receipt.strip().upper()
            self.conds.append(Interview.receipt_code == code)
            self.description = f"interview {code}"
            with store.session() as s:
                if s.scalar(select(Interview.id).where(Interview.receipt_code == code)) is None:
                    raise ExitBotError(
                        f"No interview has the receipt code {code}. Check the code on the "
                        "employee's receipt (it starts with EX-)."
                    )
        with store.session() as s:
            set_pks = s.scalars(select(Interview.question_set_pk).where(*self.conds).distinct())
            self.questions: dict[str, Question] = questions_for(s, list(set_pks))
        self.scrubber: Scrubber | None = known_names(store) if opts.anonymise else None
        self._scrubbed: dict[str, str] = {}

    def columns(self) -> tuple[list[str], list[str]]:
        """(the interview's columns, the answer's or the per-interview ones after them)."""
        head = list(_INTERVIEW_COLUMNS)
        if self.opts.include_receipt:
            head.insert(1, "receipt_code")
        if not self.opts.anonymise:
            head[1:1] = _NAMED_COLUMNS
        if self.opts.per == "answer":
            return head, list(_ANSWER_COLUMNS)
        return head, [*self.questions, "themes", "flags", "negative_answers", "summary"]

    def interviews(self, progress: Progress | None) -> Iterator[_Interview]:
        with self.store.session() as s:
            total = len(s.scalars(select(Interview.id).where(*self.conds)).all())
        for done, interview in enumerate(self._interviews(), start=1):
            if progress is not None and (done % 1000 == 0 or done == total):
                progress(done, total)
            yield interview

    def interview_row(self, interview: _Interview) -> dict[str, Any]:
        row = dict(interview.meta)
        themes: list[str] = []
        flags: list[str] = []
        negative = 0
        for answer in interview.answers:
            if not answer["is_followup"]:
                row[answer["question_id"]] = answer["answer"]
            for key, bucket in (("themes", themes), ("flags", flags)):
                bucket += [t for t in (answer[key] or "").split(";") if t and t not in bucket]
            negative += answer["sentiment"] == "negative"
        row.update(themes=";".join(themes), flags=";".join(flags), negative_answers=negative)
        row["summary"] = self._scrub(interview.summary)
        return row

    def _interviews(self) -> Iterator[_Interview]:
        """Interviews in id order with their answers.

        Answers are read unsorted (in storage order) and grouped here: an ORDER BY over
        150,000 rows costs SQLite more than the grouping costs Python.
        """
        analysis, summaries = self._analysis()
        selected = select(Interview.id).where(*self.conds)
        interviews: dict[int, _Interview] = {}
        with self.store.session() as s:
            db = s.connection()
            for row in db.execute(
                select(
                    Interview.id,
                    Interview.status,
                    type_coerce(Interview.created_at, String),
                    type_coerce(Interview.completed_at, String),
                    Interview.department,
                    Interview.role,
                    Interview.tenure_band,
                    Interview.location,
                    Interview.leaving_type,
                    Interview.language,
                    Interview.receipt_code,
                    Interview.employee_name,
                    Interview.manager,
                ).where(*self.conds)
            ):
                iid = row[0]
                meta: dict[str, Any] = dict(zip(_INTERVIEW_COLUMNS, row[:10], strict=True))
                # To the minute, times match HR's calendar of exit interviews and name the
                # person; anonymised exports keep only the month.
                cut = 7 if self.opts.anonymise else 16
                meta["started"] = (meta["started"] or "")[:cut]
                meta["submitted"] = (meta["submitted"] or "")[:cut]
                if self.opts.include_receipt:
                    meta["receipt_code"] = row[10]
                if not self.opts.anonymise:
                    meta["employee_name"], meta["manager"] = row[11], row[12]
                interviews[iid] = _Interview(meta, summary=summaries.get(iid, ""))
            answers = db.execute(
                select(
                    Answer.interview_id,
                    Answer.id,
                    Answer.question_id,
                    Answer.status,
                    type_coerce(Answer.value, Text),
                    Answer.text,
                    Answer.is_followup,
                    Answer.followup_question,
                    Answer.seconds_spent,
                ).where(Answer.interview_id.in_(selected))
            ).all()
        for interview_id, *rest in answers:
            interviews[interview_id].answers.append(self._answer(rest, analysis))
        for iid in sorted(interviews):
            yield interviews[iid]

    def _answer(self, row: Any, analysis: Mapping[int, dict[str, Any]]) -> dict[str, Any]:
        answer_id, qid, status, raw, text, is_followup, followup_q, seconds = row
        question = self.questions.get(qid)
        if is_followup:
            shown_question = self._scrub(followup_q or "")
        else:
            shown_question = question.text_for(self.opts.language) if question else qid
        found = analysis.get(answer_id, {})
        return {
            "question_id": qid,
            "question": shown_question,
            "is_followup": bool(is_followup),
            "answer_status": status,
            "answer": self._value(question, is_followup, status, raw, text),
            "sentiment": found.get("label"),
            "sentiment_score": found.get("score"),
            "themes": ";".join(found.get("themes", ())),
            "flags": ";".join(found.get("flags", ())),
            "seconds": round(seconds or 0.0, 1),
        }

    def _value(
        self, question: Question | None, is_followup: bool, status: str, raw: Any, text: str | None
    ) -> object:
        if status != "answered":
            return None
        if is_followup or question is None or question.type == "text":
            return self._scrub(text or "")
        value = json.loads(raw) if isinstance(raw, str) else raw
        if question.type in ("rating", "scale_0_10"):
            return value
        if question.type == "yes_no":
            return bool(value)
        labels = {c.id: c.label_for(self.opts.language) for c in question.choices}
        chosen = value if isinstance(value, list) else [value]
        return "; ".join(labels.get(str(v), str(v)) for v in chosen)

    def _scrub(self, text: str) -> str:
        if self.scrubber is None or not text:
            return text
        clean = self._scrubbed.get(text)
        if clean is None:  # short answers ("No.", "Nothing") repeat a lot
            clean = self._scrubbed[text] = self.scrubber.scrub(text)
        return clean

    def _analysis(self) -> tuple[dict[int, dict[str, Any]], dict[int, str]]:
        """(answer id → sentiment label/score, themes, flags; interview id → summary)."""
        found: dict[int, dict[str, Any]] = {}
        summaries: dict[int, str] = {}
        decoded: dict[str, Any] = {}
        selected = select(Interview.id).where(*self.conds)
        query = select(
            AnalysisRow.interview_id,
            AnalysisRow.answer_id,
            AnalysisRow.kind,
            type_coerce(AnalysisRow.payload, Text),
        ).where(
            AnalysisRow.interview_id.in_(selected),
            AnalysisRow.kind.in_(("sentiment", "themes", "flags", "summary")),
        )
        with self.store.session() as s:
            for iid, answer_id, kind, raw in s.connection().execute(query):
                payload = decoded.get(raw)
                if payload is None:
                    payload = decoded[raw] = json.loads(raw)
                if kind == "summary":
                    summaries[iid] = str(payload.get("text", ""))
                elif answer_id is not None:
                    slot = found.setdefault(answer_id, {})
                    if kind == "sentiment":
                        slot["label"], slot["score"] = payload.get("label"), payload.get("score")
                    else:
                        slot[kind] = payload.get(kind, [])
        return found, summaries

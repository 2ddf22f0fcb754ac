"""CSV and JSON exports of interviews: one row per answer, or one row per interview.

Anonymised unless asked otherwise: no employee or manager name, no receipt code (it
links an interview to a person's access request) unless `include_receipt`, and free text
scrubbed of names, e-mail addresses and phone numbers. CSV text cells that a spreadsheet
would run as a formula (starting with = + - @, tab or carriage return) get a leading
apostrophe; numbers stay numbers. `bom` adds the UTF-8 byte-order mark Excel needs to
show umlauts. Everything is read in a few narrow queries (`store.reports`) and written
as it streams. Auditing the export is `exports.export`'s job. Never imports Qt.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from exitbot_desktop.engine.analysis.aggregates import questions_in
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.metadata import BREAKDOWN_FIELDS, META_FIELD_NAMES
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.questions import Question
from exitbot_desktop.engine.reports.anonymise import Scrubber
from exitbot_desktop.engine.reports.quotes import known_names

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

Per = Literal["answer", "interview"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(_FORMULA_START)
# Metadata that says nothing about who the person was; the manager's name is "named".
_ANONYMOUS_META = tuple(f.name for f in BREAKDOWN_FIELDS)
_INTERVIEW_COLUMNS = ("interview", "status", "started", "submitted", *_ANONYMOUS_META, "language")
_NAMED_COLUMNS = ("employee_name", "manager")
_META_INDEX = {name: index for index, name in enumerate(META_FIELD_NAMES)}
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
    selection: Selection | None = None,
    options: ExportOptions | None = None,
    *,
    progress: Progress = no_progress,
) -> int:
    """Write a CSV file; returns the number of data rows."""
    opts = options or ExportOptions()
    reader = _Reader(store, selection or Selection(), opts)
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
    return rows


def export_json(
    store: Store,
    path: Path,
    selection: Selection | None = None,
    options: ExportOptions | None = None,
    *,
    progress: Progress = no_progress,
) -> int:
    """Write a JSON file (answers nested in interviews, or a flat list); returns the count."""
    opts = options or ExportOptions()
    reader = _Reader(store, selection or Selection(), opts)
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


class _Reader:
    """Reads the selected interviews and shapes them into export rows."""

    def __init__(self, store: Store, selection: Selection, opts: ExportOptions) -> None:
        self.reports, self.selection, self.opts = store.reports, selection, opts
        self.description = selection.describe()
        self.questions: dict[str, Question] = questions_in(self.reports.question_sets(selection))
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

    def interviews(self, progress: Progress) -> Iterator[_Interview]:
        total = self.reports.count(self.selection)
        for done, interview in enumerate(self._interviews(), start=1):
            if done % 1000 == 0 or done == total:
                progress(done, total, "Exporting interviews")
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
        interviews: dict[int, _Interview] = {}
        # To the minute, times match HR's calendar of exit interviews and name the person;
        # anonymised exports keep only the month.
        when = "%Y-%m" if self.opts.anonymise else "%Y-%m-%d %H:%M"
        for row in self.reports.interviews(self.selection):
            meta: dict[str, Any] = {
                "interview": row.id,
                "status": row.status,
                "started": f"{row.created_at:{when}}",
                "submitted": f"{row.completed_at:{when}}" if row.completed_at else "",
                **{name: row.meta[_META_INDEX[name]] for name in _ANONYMOUS_META},
                "language": row.language,
            }
            if self.opts.include_receipt:
                meta["receipt_code"] = row.receipt_code
            if not self.opts.anonymise:
                meta["employee_name"] = row.employee_name
                meta["manager"] = row.meta[_META_INDEX["manager"]]
            interviews[row.id] = _Interview(meta, summary=summaries.get(row.id, ""))
        answers = self.reports.answers_for_export(self.selection)
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
        rows = self.reports.analysis(self.selection, ("sentiment", "themes", "flags", "summary"))
        for iid, answer_id, kind, _source, raw in rows:
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

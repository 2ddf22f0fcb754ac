"""CSV and JSON exports of interviews: one row per answer, or one row per interview.

Anonymised unless asked otherwise: no employee or manager name, no receipt code (it
links an interview to a person's access request) unless `include_receipt`, free text
scrubbed of names and contact details (`anonymise`), metadata coarsened until it is
k-anonymous (`k_anonymity`, k = the `min_group_size` setting), interviews under ids
random for the file, and a note saying so (the CSV's first line, the JSON's
`anonymisation`). CSV text cells that a spreadsheet would run as a formula (starting
with = + - @, tab or carriage return) get a leading apostrophe; numbers stay numbers.
Bidi controls are shown as `[U+202E]` in both formats (`safe_text`). `bom` adds the
UTF-8 byte-order mark Excel needs to show umlauts. Everything is read in a few narrow
queries (`store.reports`), then written. Auditing the export is `exports.export`'s job.
Never imports Qt.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from exitbot_desktop.engine.analysis.aggregates import questions_in
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.filters import Selection
from exitbot_desktop.engine.metadata import BREAKDOWN_FIELDS, META_FIELD_NAMES
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.questions import Question
from exitbot_desktop.engine.reports.anonymise import Scrubber
from exitbot_desktop.engine.reports.k_anonymity import QUASI_IDENTIFIERS, k_anonymise
from exitbot_desktop.engine.reports.quotes import known_names
from exitbot_desktop.engine.safe_text import FORMULA_START, neutralise, show_bidi_controls
from exitbot_desktop.engine.settings import read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.report_rows import AnswerExportRow
    from exitbot_desktop.engine.store.vault import Store

Per = Literal["answer", "interview"]
_FORMULA_CHARS = frozenset(FORMULA_START)
# What makes csv.writer quote a cell (excel dialect, QUOTE_MINIMAL).
_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
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
    """One interview with its answer rows, as they stream out of the database."""

    meta: dict[str, Any]
    answers: list[AnswerExportRow] = field(default_factory=list)
    summary: str = ""


@dataclass(frozen=True)
class _Found:
    """What the analysis said about one answer: its four export cells, and the same
    rendered for a CSV row. Answers whose analysis reads the same share one."""

    sentiment: object = None
    score: object = None
    themes: str = ""
    flags: str = ""
    csv: str = ",,,"


_NOTHING_FOUND = _Found()


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
    interviews = reader.interviews(progress)
    with atomic_text(path, encoding="utf-8-sig" if opts.bom else "utf-8") as out:
        if reader.note:
            out.write(_csv_line([f"# {reader.note}"]))
        out.write(_csv_line(head + tail))
        for interview in interviews:
            if opts.per == "interview":
                row = reader.interview_row(interview)
                out.write(_csv_line([row.get(c) for c in head + tail]))
                rows += 1
                continue
            # The interview's own cells are the same on each of its answer rows.
            start = ",".join([reader.field(interview.meta.get(c)) for c in head]) + ","
            out.write("".join([start + reader.answer_line(a) for a in interview.answers]))
            rows += len(interview.answers)
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
            answers = reader.answer_dicts(interview)
            items.append({**reader.interview_row(interview), "answers": answers})
        else:
            items += ({**interview.meta, **answer} for answer in reader.answer_dicts(interview))
    document = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "selection": reader.description,
        "anonymised": opts.anonymise,
        **({"anonymisation": reader.note} if reader.note else {}),
        "per": opts.per,
        "interviews" if opts.per == "interview" else "answers": items,
    }
    text = json.dumps(document, ensure_ascii=False, indent=1, default=str)
    with atomic_text(path) as out:
        out.write(show_bidi_controls(text))  # they occur only inside JSON strings
    return len(items)


def _cell(value: object) -> object:
    if type(value) is str:  # the common case first
        value = show_bidi_controls(value)
        return "'" + value if value[:1] in _FORMULA_CHARS else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    return neutralise(str(value))


def _csv_field(value: object) -> str:
    """`value` as `csv.writer` (excel dialect) writes the cell `_cell` makes of it.

    Rendering rows ourselves instead of through `csv.writer` lets an export render each
    repeated value once and join whole rows in C: `writerow` alone took longer than the
    3 s an export of 150,000 answers may take. Same bytes as `csv.writer`
    (`QUOTE_MINIMAL`: quoted when the text holds a comma, a quote or a line break,
    quotes doubled; floats as `repr`), which a test holds it to.
    """
    cell = _cell(value)
    text = repr(cell) if isinstance(cell, float) else str(cell)
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_line(values: Sequence[object]) -> str:
    return ",".join(map(_csv_field, values)) + "\r\n"


class _Reader:
    """Reads the selected interviews and shapes them into export rows."""

    def __init__(self, store: Store, selection: Selection, opts: ExportOptions) -> None:
        self.reports, self.selection, self.opts = store.reports, selection, opts
        self.description = selection.describe()
        self.questions: dict[str, Question] = questions_in(self.reports.question_sets(selection))
        self.scrubber: Scrubber | None = known_names(store) if opts.anonymise else None
        self._scrubbed: dict[str, str] = {}
        self._payloads: dict[str, Any] = {}  # JSON text → decoded, each distinct text once
        self._found: dict[int, _Found] = {}  # answer id → its analysis (see `_analysis`)
        self._lines: dict[tuple[object, ...], str] = {}  # see `answer_line`
        self._fields_seen: dict[str, str] = {}  # see `field`
        self.min_group_size = read_settings(store).min_group_size
        self.note = ""  # what an anonymised export says about itself (see `_anonymise`)

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
        """Read the interviews (setting `note`), then hand them out one by one."""
        total = self.reports.count(self.selection)
        progress(0, total, "Exporting interviews")
        return self._handed_out(self._load(), total, progress)

    @staticmethod
    def _handed_out(
        interviews: list[_Interview], total: int, progress: Progress
    ) -> Iterator[_Interview]:
        for done, interview in enumerate(interviews, start=1):
            if done % 1000 == 0 or done == total:
                progress(done, total, "Exporting interviews")
            yield interview

    def interview_row(self, interview: _Interview) -> dict[str, Any]:
        row = dict(interview.meta)
        themes: list[str] = []
        flags: list[str] = []
        negative = 0
        for answer in self.answer_dicts(interview):
            if not answer["is_followup"]:
                row[answer["question_id"]] = answer["answer"]
            for key, bucket in (("themes", themes), ("flags", flags)):
                bucket += [t for t in (answer[key] or "").split(";") if t and t not in bucket]
            negative += answer["sentiment"] == "negative"
        row.update(themes=";".join(themes), flags=";".join(flags), negative_answers=negative)
        row["summary"] = self._scrub(interview.summary)
        return row

    def answer_dicts(self, interview: _Interview) -> list[dict[str, Any]]:
        """The interview's answers as export records (`_ANSWER_COLUMNS` → value)."""
        return [
            dict(zip(_ANSWER_COLUMNS, self._fields(row), strict=True)) for row in interview.answers
        ]

    def answer_line(self, row: AnswerExportRow) -> str:
        """The answer's CSV cells (those after the interview's), rendered, line break included.

        The values `answer_dicts` gives, rendered once per distinct answer: most answers
        repeat (a rating, a choice, a short reply), and so does what the analysis said.
        """
        _iid, answer_id, qid, status, raw, text, is_followup, followup_q, seconds = row
        key = (qid, is_followup, followup_q, status, type(raw), raw, text)
        cells = self._lines.get(key)
        if cells is None:
            cells = self._lines[key] = ",".join(map(_csv_field, self._fields(row)[:5]))
        found = self._found.get(answer_id, _NOTHING_FOUND)
        # A number: never quoted, and `repr` is how csv.writer writes a float.
        return f"{cells},{found.csv},{round(seconds or 0.0, 1)!r}\r\n"

    def field(self, value: object) -> str:
        """`_csv_field(value)`, rendered once per distinct text (departments, months, …)."""
        if type(value) is not str:
            return _csv_field(value)
        rendered = self._fields_seen.get(value)
        if rendered is None:
            rendered = self._fields_seen[value] = _csv_field(value)
        return rendered

    def _fields(self, row: AnswerExportRow) -> tuple[object, ...]:
        """One answer's values, in `_ANSWER_COLUMNS` order."""
        _iid, answer_id, qid, status, raw, text, is_followup, followup_q, seconds = row
        question = self.questions.get(qid)
        if is_followup:
            shown_question = self._scrub(followup_q or "")
        else:
            shown_question = question.text_for(self.opts.language) if question else qid
        found = self._found.get(answer_id, _NOTHING_FOUND)
        return (
            qid,
            shown_question,
            bool(is_followup),
            status,
            self._value(question, bool(is_followup), status, raw, text),
            found.sentiment,
            found.score,
            found.themes,
            found.flags,
            round(seconds or 0.0, 1),
        )

    def _load(self) -> list[_Interview]:
        """Interviews in id order with their answers, by question id and then answer id;
        anonymised, under random ids and k-anonymous (see `_anonymise`).

        Answers are read unsorted (in storage order) and grouped and sorted here, a dozen
        per interview: an ORDER BY over 150,000 rows costs SQLite more. The order is the
        one exports always had (they used to come out of the interview index that way),
        so files from before and after compare line by line.
        """
        summaries = self._analysis()
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
        for answer in self.reports.answers_for_export(self.selection):
            interviews[answer[0]].answers.append(answer)
        loaded = [interviews[iid] for iid in sorted(interviews)]
        for interview in loaded:
            interview.answers.sort(key=_BY_QUESTION_THEN_ID)
        return self._anonymise(loaded) if self.opts.anonymise else loaded

    def _anonymise(self, interviews: list[_Interview]) -> list[_Interview]:
        """Coarsen the metadata until it is k-anonymous, give each interview a random id
        for this file only, and order them by what they show: neither the id nor the
        place in the file tells the order in which people left."""
        coarsening = k_anonymise([i.meta for i in interviews], self.min_group_size)
        self.note = coarsening.note()
        ids: set[str] = set()
        for interview in interviews:
            while (token := secrets.token_hex(4)) in ids:
                pass
            ids.add(token)
            interview.meta["interview"] = token
        return sorted(interviews, key=_shown_order)

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

    def _analysis(self) -> dict[int, str]:
        """Fill `_found` (answer id → what the analysis said); return interview id → summary."""
        summaries: dict[int, str] = {}
        latest: dict[int, list[str | None]] = {}  # answer id → [sentiment, themes, flags]
        # An empty flags row exports like none at all, and only rows per interview show a
        # summary: what a file does not show is not read (a third of the rows).
        per_answer = self.opts.per == "answer"
        rows = self.reports.analysis(
            self.selection,
            ("sentiment", "themes", "flags") if per_answer else _ANALYSIS_KINDS,
            skip_empty_flags=True,
        )
        for iid, answer_id, kind, _source, raw in rows:
            if raw is None:
                continue
            if kind == "summary":
                summaries[iid] = str(self._decoded(raw).get("text", ""))
            elif answer_id is not None:
                latest.setdefault(answer_id, [None, None, None])[_SLOT[kind]] = raw
        shared: dict[tuple[str | None, ...], _Found] = {}
        for answer_id, raws in latest.items():
            key = tuple(raws)
            found = shared.get(key)
            if found is None:
                found = shared[key] = self._found_from(*raws)
            self._found[answer_id] = found
        return summaries

    def _found_from(
        self, sentiment_raw: str | None, themes_raw: str | None, flags_raw: str | None
    ) -> _Found:
        sentiment = self._decoded(sentiment_raw) if sentiment_raw is not None else {}
        label, score = sentiment.get("label"), sentiment.get("score")
        themes, flags = self._joined(themes_raw, "themes"), self._joined(flags_raw, "flags")
        rendered = ",".join(map(_csv_field, (label, score, themes, flags)))
        return _Found(label, score, themes, flags, rendered)

    def _joined(self, raw: str | None, key: str) -> str:
        """The list under `key` in a JSON payload, as one cell ("a;b"); "" without one."""
        return ";".join(self._decoded(raw).get(key, [])) if raw is not None else ""

    def _decoded(self, raw: str) -> Any:
        payload = self._payloads.get(raw)
        if payload is None:
            payload = self._payloads[raw] = json.loads(raw)
        return payload


_ANALYSIS_KINDS = ("sentiment", "themes", "flags", "summary")
# An `AnswerExportRow`'s (question id, answer id).
_BY_QUESTION_THEN_ID = itemgetter(2, 1)
# Where each analysis kind goes in `_Reader._analysis`'s per-answer list.
_SLOT = {"sentiment": 0, "themes": 1, "flags": 2}


def _shown_order(interview: _Interview) -> tuple[str, ...]:
    meta = interview.meta
    return (*(str(meta.get(name) or "") for name in QUASI_IDENTIFIERS), meta["interview"])

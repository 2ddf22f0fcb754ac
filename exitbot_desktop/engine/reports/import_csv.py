"""Importing legacy (paper or spreadsheet) exit interviews from a CSV file.

File contract, one row per answer: interview_ref, completed_at, department, role,
tenure_years, question, answer. Rows with the same interview_ref form one interview.
A question whose wording matches a built-in question (in any of its languages) is stored
as that question when the answer fits it, so its ratings and choices count in the
aggregates. Paper answers are mostly written out, so an answer that does not fit (words
for a choice question, say) is kept as free text, like any question the built-in set
does not have: a free-text question of a "legacy-import" question set. (A number off
a rating's scale is a mistake on the form, and refused like other broken rows.)

All or nothing: the whole file is checked first and every broken row (no reference, a
bad date, an empty answer, a duplicate, ...) is reported with its line number; only a
clean file is written, in one transaction together with its analysis (lexicon and
extractive summary) and its audit entry. Interviews are created through the same store
calls as the station's; each gets a receipt code like any other, and the paper reference
is remembered (as a hash) so the same file cannot be imported twice. Never imports Qt.
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.analysis.pipeline import analyse_interview
from exitbot_desktop.engine.analysis.textfile import csv_problem
from exitbot_desktop.engine.errors import ExitBotError, InvalidAnswerError
from exitbot_desktop.engine.metadata import InterviewMeta, tenure_band
from exitbot_desktop.engine.progress import Progress, no_progress
from exitbot_desktop.engine.question_library import LEGACY_SET_IDS
from exitbot_desktop.engine.questions import (
    Question,
    QuestionSet,
    load_builtin,
    parse_question_set,
    to_json,
)
from exitbot_desktop.engine.records import AnswerStatus

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store

COLUMNS = (
    "interview_ref",
    "completed_at",
    "department",
    "role",
    "tenure_years",
    "question",
    "answer",
)
LEGACY_SET_ID = LEGACY_SET_IDS[0]  # read-only on the Questions page (question_library)
# SHA-256 of each paper reference imported: enough to refuse a second import, and
# nothing that names a person (references are often names) or links to a receipt.
IMPORTED_REFS_SETTING = "legacy_import_refs"
MAX_TEXT = 20_000
MAX_PROBLEMS_SHOWN = 25
_SCALES = ("rating", "scale_0_10")
_YES = {"yes", "y", "ja", "j", "true", "1", "x"}
_NO = {"no", "n", "nein", "false", "0"}
_DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d.%m.%Y")
# (question id, status, value, text)
_Parsed = tuple[str, AnswerStatus, Any, str | None]


@dataclass(frozen=True)
class ImportResult:
    interviews: int
    answers: int
    kept_as_free_text: int  # answers to a built-in choice/rating question that did not fit it

    def summary(self) -> str:
        line = f"Imported {self.interviews:,} interviews with {self.answers:,} answers."
        if self.kept_as_free_text:
            line += (
                f" {self.kept_as_free_text:,} answers to rating or choice questions were "
                "written out rather than chosen, so they were kept as free text."
            )
        return line


@dataclass
class _Draft:
    """One interview being assembled from its rows."""

    ref: str
    line: int
    completed_at: datetime
    department: str | None
    role: str | None
    tenure_band: str | None
    answers: dict[str, tuple[AnswerStatus, Any, str | None]] = field(default_factory=dict)


def import_csv(
    store: Store, path: Path, *, language: str = "en", progress: Progress = no_progress
) -> ImportResult:
    """Check and import `path`; raises one `ExitBotError` listing every bad row."""
    builtin = load_builtin()
    if language not in builtin.languages:
        raise ExitBotError(
            f"Imported interviews can be in {', '.join(builtin.languages)}; "
            f"'{language}' is not one of them."
        )
    known_refs = _imported_refs(store.settings.get(IMPORTED_REFS_SETTING))
    parser = _Parser(path, builtin, language, known_refs)
    drafts = parser.parse()
    if parser.problems:
        shown = parser.problems[:MAX_PROBLEMS_SHOWN]
        more = len(parser.problems) - len(shown)
        raise ExitBotError(
            f"{path.name} was not imported and nothing was changed. Fix these rows and "
            "import the file again:\n"
            + "\n".join(f"  {p}" for p in shown)
            + (f"\n  … and {more} more." if more else "")
        )
    if not drafts:
        raise ExitBotError(f"{path.name} has no interviews in it (only a header line?).")
    answers = 0
    with store.transaction():  # all or nothing, the audit entry included
        question_set = store.question_sets.add_next_version(parser.question_set_content())
        refs = set(known_refs)
        for done, draft in enumerate(drafts, start=1):
            meta = InterviewMeta(
                department=draft.department, role=draft.role, tenure_band=draft.tenure_band
            )
            interview_id = store.interviews.create(
                question_set.pk, language, meta, source="import", started_at=draft.completed_at
            )
            for qid, (status, value, text) in draft.answers.items():
                store.interviews.save_answer(
                    interview_id, qid, status=status, value=value, text=text, seconds=0.0
                )
            store.interviews.complete(interview_id, at=draft.completed_at)
            analyse_interview(store, interview_id)
            refs.add(_ref_digest(draft.ref))
            answers += len(draft.answers)
            progress(done, len(drafts), "Importing interviews")
        store.settings.set(IMPORTED_REFS_SETTING, sorted(refs), audited=False)
        store.audit.record(
            "import",
            {
                "file": path.name,
                "interviews": len(drafts),
                "answers": answers,
                "kept_as_free_text": parser.kept_as_free_text,
            },
        )
    return ImportResult(len(drafts), answers, parser.kept_as_free_text)


def _imported_refs(value: object) -> frozenset[str]:
    return frozenset(str(v) for v in value) if isinstance(value, list) else frozenset()


def _ref_digest(ref: str) -> str:
    return hashlib.sha256(ref.encode("utf-8")).hexdigest()


class _Parser:
    """Reads and checks the whole file, collecting problems instead of stopping."""

    def __init__(
        self, path: Path, builtin: QuestionSet, language: str, known_refs: frozenset[str]
    ) -> None:
        self.path, self.builtin, self.language = path, builtin, language
        self.known_refs = known_refs
        self.problems: list[str] = []
        self.by_wording = {
            _key(q.text[lang]): q for q in builtin.questions for lang in builtin.languages
        }
        self.legacy: dict[str, str] = {}  # question id → wording, in first-seen order
        self.used_builtin: dict[str, Question] = {}
        self.kept_as_free_text = 0

    def parse(self) -> list[_Draft]:
        try:
            with self.path.open(encoding="utf-8-sig", newline="") as handle:
                return self._rows(handle)
        except FileNotFoundError:
            raise ExitBotError(f"{self.path} does not exist; check the path.") from None
        except UnicodeDecodeError:
            raise ExitBotError(
                f'{self.path.name} is not UTF-8 text; save it as "CSV UTF-8" and try again.'
            ) from None
        except csv.Error as exc:
            raise ExitBotError(
                f"{self.path.name} is not a readable CSV file ({csv_problem(exc)}), so nothing "
                'was changed. Open it in a spreadsheet and save it again as "CSV UTF-8".'
            ) from None
        except OSError as exc:
            raise ExitBotError(f"Cannot read {self.path}: {exc.strerror}.") from None

    def _rows(self, handle: Any) -> list[_Draft]:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ExitBotError(
                f"{self.path.name} is missing the column(s) {', '.join(missing)}. Its first "
                f"line must name the columns {', '.join(COLUMNS)}."
            )
        drafts: dict[str, _Draft] = {}
        start = 2
        for row in reader:
            line, start = start, reader.line_num + 1
            self._row(line, row, drafts)
        return list(drafts.values())

    def _row(self, line: int, row: Mapping[str, str | None], drafts: dict[str, _Draft]) -> None:
        cell = {c: (row.get(c) or "").strip() for c in COLUMNS}
        problems_before = len(self.problems)

        def bad(message: str) -> None:
            self.problems.append(f"line {line}: {message}")

        ref = cell["interview_ref"]
        if not ref:
            bad("interview_ref is empty")
        elif len(ref) > 100:
            bad("interview_ref is longer than 100 characters")
        elif _ref_digest(ref) in self.known_refs:
            bad(f"interview {ref} was already imported")
        completed = _date(cell["completed_at"])
        if completed is None:
            bad(f"completed_at '{cell['completed_at']}' is not a date like 2023-04-30")
        elif completed > datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1):
            bad(f"completed_at {cell['completed_at']} is in the future")
        tenure: str | None = None
        if cell["tenure_years"]:
            try:
                years = float(cell["tenure_years"].replace(",", "."))
            except ValueError:
                years = -1.0
            if not 0 <= years <= 70:
                bad(f"tenure_years '{cell['tenure_years']}' is not a number of years (0–70)")
            else:
                tenure = tenure_band(years)
        for name in ("department", "role"):
            if len(cell[name]) > 200:
                bad(f"{name} is longer than 200 characters")
        wording = " ".join(cell["question"].split())
        if not wording:
            bad("question is empty")
        answer = self._answer(wording, cell["answer"], bad) if wording else None
        if len(self.problems) > problems_before or completed is None or answer is None:
            return
        draft = drafts.get(ref)
        if draft is None:
            drafts[ref] = draft = _Draft(
                ref, line, completed, cell["department"] or None, cell["role"] or None, tenure
            )
        else:
            mine = (completed, cell["department"] or None, cell["role"] or None, tenure)
            theirs = (draft.completed_at, draft.department, draft.role, draft.tenure_band)
            for label, a, b in zip(
                ("completed_at", "department", "role", "tenure"), mine, theirs, strict=True
            ):
                if a != b:
                    bad(f"interview {ref} has a different {label} here than on line {draft.line}")
                    return
        qid = answer[0]
        if qid in draft.answers:
            bad(f"interview {ref} answers '{wording}' twice")
            return
        draft.answers[qid] = answer[1:]

    def _answer(self, wording: str, raw: str, bad: Callable[[str], None]) -> _Parsed | None:
        """(question id, status, value, text), or None after reporting a problem."""
        text = _clean(raw)
        if not text:
            bad("the answer is empty (leave out rows of questions that were not answered)")
            return None
        if len(text) > MAX_TEXT:
            bad(f"the answer is {len(text):,} characters long; at most {MAX_TEXT:,} are kept")
            return None
        question = self.by_wording.get(_key(wording))
        if question is not None and question.type != "text":
            try:
                value = question.validate(self._closed_value(question, text))
            except InvalidAnswerError as exc:
                if question.type in _SCALES and text.isdigit():
                    # A number off the scale is a mistake on the form, not words to keep.
                    bad(f"'{text}' does not fit “{wording}”: {exc.user_message}")
                    return None
                question = None  # written out rather than chosen: keep the words
                self.kept_as_free_text += 1
            else:
                self.used_builtin[question.id] = question
                return question.id, "answered", value, value if isinstance(value, str) else None
        if question is not None:
            self.used_builtin[question.id] = question
            return question.id, "answered", text, text
        qid = "legacy_" + hashlib.sha256(_key(wording).encode()).hexdigest()[:10]
        self.legacy.setdefault(qid, wording)
        return qid, "answered", text, text

    def _closed_value(self, question: Question, text: str) -> object:
        if question.type in _SCALES:
            return int(text) if re.fullmatch(r"\d{1,2}", text) else text
        if question.type == "yes_no":
            low = text.lower()
            return True if low in _YES else False if low in _NO else text
        labels = {_key(c.label_for(lang)): c.id for c in question.choices for lang in c.label}
        labels.update({_key(c.id): c.id for c in question.choices})
        if question.type == "multiple_choice":
            return [
                labels.get(_key(part), part) for part in re.split(r"[;|]", text) if part.strip()
            ]
        return labels.get(_key(text), text)

    def question_set_content(self) -> dict[str, Any]:
        """A valid question set of the built-in questions used plus the legacy ones."""
        languages = [
            self.language,
            *(lang for lang in self.builtin.languages if lang != self.language),
        ]
        shipped: list[dict[str, Any]] = to_json(self.builtin)["questions"]  # type: ignore[assignment]
        questions = [
            # Without conditions: they may refer to questions the paper form did not have.
            {k: v for k, v in q.items() if k != "show_if"}
            for q in shipped
            if q["id"] in self.used_builtin
        ]
        for qid, wording in self.legacy.items():
            questions.append(
                {
                    "id": qid,
                    "type": "text",
                    "text": {lang: wording for lang in languages},
                    "required": False,
                    "prefer_not_to_say": False,
                    "followups": False,
                    "max_length": MAX_TEXT,
                }
            )
        content: dict[str, Any] = {
            "id": LEGACY_SET_ID,
            "version": 1,
            "languages": languages,
            "title": {lang: "Imported interviews" for lang in languages},
            "questions": questions,
        }
        parse_question_set(content, "the imported questions")  # a bug if this fails
        return content


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).rstrip("?.:! ")


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc").strip()


def _date(text: str) -> datetime | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None

"""Question sets: the typed questions of an interview, loaded and checked from JSON.

This module owns the question-set file format (`resources/questions/*.json` and the
files the HR question editor saves), its validation, the branching conditions that
decide which questions an employee sees, and the normalisation of answer values.
A bad file is reported as one `QuestionSetError` listing every problem with the file
name and the place (`default.json: questions[3].type: ...`), so HR can fix it in one
pass. It never imports Qt and never touches the database.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Literal, NoReturn, TypeGuard, get_args

from exitbot_desktop.engine.errors import InvalidAnswerError, QuestionSetError
from exitbot_desktop.paths import resources_dir

QuestionType = Literal["text", "rating", "single_choice", "multiple_choice", "yes_no", "scale_0_10"]
QUESTION_TYPES: tuple[str, ...] = get_args(QuestionType)

_CHOICE_TYPES = ("single_choice", "multiple_choice")
_DEFAULT_MAX_LENGTH = 4000
_MAX_LENGTH_LIMIT = 20000
_RATING_RANGE = (1, 5)
_SCALE_RANGE = (0, 10)

# Ids end up in the database, in exports and in show_if references, so they stay plain.
ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
_LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")

_SET_KEYS = ("id", "version", "languages", "title", "questions")
_QUESTION_KEYS = (
    "id",
    "type",
    "text",
    "help",
    "required",
    "prefer_not_to_say",
    "followups",
    "max_length",
    "choices",
    "show_if",
)
_CHOICE_KEYS = ("id", "label")
_CONDITION_KEYS = ("question", "meta", "in")


@dataclass(frozen=True)
class Choice:
    """One option of a single- or multiple-choice question."""

    id: str
    label: Mapping[str, str]

    def label_for(self, language: str) -> str:
        """The label in `language`, else in the set's default language."""
        return _translate(self.label, language)


@dataclass(frozen=True)
class Condition:
    """Show a question only when an earlier answer or an interview metadata field matches."""

    question: str | None
    meta: str | None
    values: tuple[str, ...]

    def __post_init__(self) -> None:
        if (self.question is None) == (self.meta is None):
            raise ValueError("a Condition needs exactly one of question or meta")

    def matches(self, answers: Mapping[str, object], metadata: Mapping[str, str]) -> bool:
        """True when the referenced answer or metadata value is one of `values`.

        A missing answer or metadata field never matches: a question that depends on
        something unknown stays hidden rather than appearing out of context.
        """
        if self.meta is not None:
            return metadata.get(self.meta) in self.values
        assert self.question is not None
        return any(v in self.values for v in _condition_keys(answers.get(self.question)))


@dataclass(frozen=True)
class Question:
    """One question as shown to the employee, with everything needed to check its answer."""

    id: str
    type: QuestionType
    text: Mapping[str, str]
    help: Mapping[str, str]
    required: bool
    allow_prefer_not: bool
    followups: bool
    max_length: int
    choices: tuple[Choice, ...]
    show_if: Condition | None

    def text_for(self, language: str) -> str:
        """The question in `language`, else in the set's default language."""
        return _translate(self.text, language)

    def help_for(self, language: str) -> str:
        """The help line in `language`, or "" when the question has none."""
        return _translate(self.help, language) if self.help else ""

    def validate(self, value: object) -> object:
        """Return the answer in its stored form, or raise `InvalidAnswerError`.

        Skipping and "prefer not to say" are the interview's business, not an answer
        value, so they are not accepted here.
        """
        if self.type == "text":
            return self._validate_text(value)
        if self.type == "rating":
            return _validate_int(value, _RATING_RANGE, "a rating")
        if self.type == "scale_0_10":
            return _validate_int(value, _SCALE_RANGE, "a score")
        if self.type == "yes_no":
            if not isinstance(value, bool):
                raise InvalidAnswerError("Please answer yes or no.")
            return value
        if self.type == "single_choice":
            if not isinstance(value, str) or value not in self._choice_ids():
                raise InvalidAnswerError("Please choose one of the options offered.")
            return value
        return self._validate_multiple(value)

    def _choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)

    def _validate_text(self, value: object) -> str:
        if not isinstance(value, str):
            raise InvalidAnswerError("Please type your answer as text.")
        # Pasted text brings Windows line ends and invisible control characters that
        # would otherwise end up in reports and CSV exports.
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        text = "".join(
            ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc"
        ).strip()
        if has_lone_surrogate(text):
            raise InvalidAnswerError(
                "Part of the answer is a broken character that cannot be saved (it can come "
                "from copying an emoji or symbol). Please retype that part or remove it."
            )
        if not text:
            raise InvalidAnswerError("The answer is empty. Please write something or skip.")
        if len(text) > self.max_length:
            raise InvalidAnswerError(
                f"The answer is {len(text):,} characters long; the limit is "
                f"{self.max_length:,}. Please shorten it."
            )
        return text

    def _validate_multiple(self, value: object) -> list[str]:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise InvalidAnswerError("Please choose from the options offered.")
        if not value:
            raise InvalidAnswerError("Please choose at least one option, or skip the question.")
        if len(set(value)) != len(value):
            raise InvalidAnswerError("Each option can be chosen only once.")
        known = self._choice_ids()
        if any(v not in known for v in value):
            raise InvalidAnswerError("Please choose only from the options offered.")
        # Stored in the question's order so equal selections compare and export equally.
        return [c for c in known if c in value]


@dataclass(frozen=True)
class QuestionSet:
    """A versioned, translated list of questions; the first language is the default."""

    id: str
    version: int
    languages: tuple[str, ...]
    title: Mapping[str, str]
    questions: tuple[Question, ...]
    source: str

    def question(self, question_id: str) -> Question:
        """The question with this id; `KeyError` when the set has none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def visible(self, answers: Mapping[str, object], metadata: Mapping[str, str]) -> list[Question]:
        """The questions shown, in order, given the answers so far and the metadata.

        An answer to a question that is itself hidden counts as unanswered: when the
        employee goes back and changes the main reason, a stale answer from the old
        branch must not keep that branch's dependants on screen.
        """
        shown: list[Question] = []
        shown_ids: set[str] = set()
        for q in self.questions:
            cond = q.show_if
            if cond is not None:
                live = {k: v for k, v in answers.items() if k in shown_ids}
                if not cond.matches(live, metadata):
                    continue
            shown.append(q)
            shown_ids.add(q.id)
        return shown


def load_question_set(path: Path) -> QuestionSet:
    """Read and check a question file; every problem is reported in one `QuestionSetError`."""
    name = path.name
    try:
        # utf-8-sig: files saved by Windows Notepad start with a byte-order mark.
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise QuestionSetError(
            f"{name}: the file is not UTF-8 text; save it as UTF-8 and try again"
        ) from None
    except OSError as exc:
        raise QuestionSetError(f"{name}: the file cannot be read ({exc.strerror})") from None
    try:
        data = json.loads(raw, object_pairs_hook=_JsonObject.from_pairs)
    except json.JSONDecodeError as exc:
        raise QuestionSetError(
            f"{name}: line {exc.lineno} column {exc.colno}: the file is not valid JSON ({exc.msg})"
        ) from None
    except RecursionError:
        raise QuestionSetError(
            f"{name}: the file nests lists or objects too deeply to be a question set; "
            "check that it is the file you meant"
        ) from None
    return parse_question_set(data, str(path))


def parse_question_set(data: object, source: str) -> QuestionSet:
    """Check decoded JSON and build the set; `source` names the file in messages."""
    return _Parser(source).parse_set(data)


def builtin_question_set_paths() -> list[Path]:
    """The question files shipped with the app, sorted by name."""
    return sorted((resources_dir() / "questions").glob("*.json"))


def load_builtin(set_id: str = "default") -> QuestionSet:
    """Load a shipped question set by id (its file is `<id>.json`)."""
    paths = {p.stem: p for p in builtin_question_set_paths()}
    if set_id not in paths:
        available = ", ".join(paths) or "none"
        raise QuestionSetError(
            f"There is no built-in question set '{set_id}' (available: {available})."
        )
    qs = load_question_set(paths[set_id])
    if qs.id != set_id:
        raise QuestionSetError(
            f"{paths[set_id].name}: id: '{qs.id}' should match the file name ('{set_id}')"
        )
    return qs


def condition_values(question_type: object, choice_ids: Sequence[str]) -> tuple[str, ...]:
    """What a `show_if` on a question of this type may name (none for free text): the
    choice ids, "yes"/"no", or the numbers of the scale written as text."""
    if question_type in _CHOICE_TYPES:
        return tuple(choice_ids)
    if question_type == "yes_no":
        return ("yes", "no")
    if question_type in ("rating", "scale_0_10"):
        low, high = _RATING_RANGE if question_type == "rating" else _SCALE_RANGE
        return tuple(str(n) for n in range(low, high + 1))
    return ()


def to_json(qs: QuestionSet) -> dict[str, object]:
    """The set in file form; `parse_question_set(to_json(qs), qs.source) == qs`."""
    return {
        "id": qs.id,
        "version": qs.version,
        "languages": list(qs.languages),
        "title": dict(qs.title),
        "questions": [_question_to_json(q) for q in qs.questions],
    }


def _question_to_json(q: Question) -> dict[str, object]:
    out: dict[str, object] = {"id": q.id, "type": q.type, "text": dict(q.text)}
    if q.help:
        out["help"] = dict(q.help)
    out["required"] = q.required
    out["prefer_not_to_say"] = q.allow_prefer_not
    if q.type == "text":
        out["followups"] = q.followups
        out["max_length"] = q.max_length
    if q.choices:
        out["choices"] = [{"id": c.id, "label": dict(c.label)} for c in q.choices]
    if q.show_if is not None:
        cond = q.show_if
        key, ref = ("question", cond.question) if cond.meta is None else ("meta", cond.meta)
        out["show_if"] = {key: ref, "in": list(cond.values)}
    return out


def has_lone_surrogate(text: str) -> bool:
    """Whether `text` holds half of a UTF-16 pair, which no file or database can store
    (a broken paste can produce one); Python keeps it in a str until it is encoded."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def without_lone_surrogates(text: str) -> str:
    """`text` with each lone surrogate shown as the replacement character."""
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def _translate(texts: Mapping[str, str], language: str) -> str:
    """Fall back to the first (default) language so a missing language never shows blank."""
    if language in texts:
        return texts[language]
    return next(iter(texts.values()), "")


def _condition_keys(answer: object) -> list[str]:
    """The strings a stored answer offers to a `Condition` (yes_no as "yes"/"no")."""
    if answer is None:
        return []
    if isinstance(answer, bool):
        return ["yes" if answer else "no"]
    if isinstance(answer, list | tuple):
        return [str(a) for a in answer]
    return [str(answer)]


def _validate_int(value: object, bounds: tuple[int, int], what: str) -> int:
    low, high = bounds
    # bool is an int subclass; True must not be stored as a rating of 1.
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidAnswerError(f"Please choose {what} from {low} to {high}.")
    return value


class _JsonObject(dict[str, object]):
    """A decoded JSON object that remembers keys written twice (JSON keeps only the last)."""

    duplicates: tuple[str, ...] = ()

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, object]]) -> _JsonObject:
        obj = cls(pairs)
        if len(obj) != len(pairs):
            keys = [k for k, _ in pairs]
            obj.duplicates = tuple(k for i, k in enumerate(keys) if k in keys[:i])
        return obj


def _is_question_type(value: object) -> TypeGuard[QuestionType]:
    return value in QUESTION_TYPES


def _describe(value: object) -> str:
    """A JSON-flavoured name for a value's type, for "expected X, got Y" messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


class _Parser:
    """Walks decoded JSON once, collecting every problem with its place before failing."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._name = Path(source).name or source
        self._problems: list[str] = []
        self._languages: tuple[str, ...] = ()
        self._raw_questions: list[object] = []

    def _problem(self, place: str, message: str) -> None:
        self._problems.append(f"{self._name}: {place}: {message}")

    def parse_set(self, data: object) -> QuestionSet:
        if not isinstance(data, dict):
            self._problem("top level", f"expected an object {{...}}, got {_describe(data)}")
            self._fail()
        self._check_keys(data, _SET_KEYS, "top level")
        set_id = self._id(data, "id", "id")
        version = data.get("version")
        if "version" not in data:
            self._problem("version", "missing (a whole number such as 1)")
        elif isinstance(version, bool) or not isinstance(version, int) or version < 1:
            self._problem("version", f"expected a whole number of 1 or more, got {version!r}")
        self._languages = self._parse_languages(data)
        title = self._translations(data, "title", "title", required=True)
        questions = self._parse_questions(data.get("questions"), "questions" in data)
        if self._problems:
            self._fail()
        assert isinstance(version, int)
        return QuestionSet(
            id=set_id,
            version=version,
            languages=self._languages,
            title=title,
            questions=tuple(questions),
            source=self._source,
        )

    def _fail(self) -> NoReturn:
        raise QuestionSetError("\n".join(self._problems))

    def _check_keys(self, obj: dict[str, object], allowed: Sequence[str], place: str) -> None:
        """Reject unknown keys: a misspelt "requird" would otherwise be silently ignored."""
        for key in obj:
            if key not in allowed:
                hint = difflib.get_close_matches(key, allowed, n=1)
                advice = f"did you mean '{hint[0]}'?" if hint else "allowed: " + ", ".join(allowed)
                self._problem(place, f"unknown key '{key}' ({advice})")
        self._check_duplicates(obj, place)

    def _check_duplicates(self, obj: dict[str, object], place: str) -> None:
        if not isinstance(obj, _JsonObject):
            return  # built in memory (the editor), where a key cannot appear twice
        for key in obj.duplicates:
            self._problem(place, f"the key '{key}' appears more than once")

    def _id(self, obj: dict[str, object], key: str, place: str) -> str:
        value = obj.get(key)
        if key not in obj:
            self._problem(place, "missing")
        elif not isinstance(value, str):
            self._problem(place, f"expected text, got {_describe(value)}")
        elif not ID_PATTERN.fullmatch(value):
            self._problem(
                place,
                f"{value!r} is not a usable id "
                "(use letters, digits, '_' or '-', at most 64 characters)",
            )
        else:
            return value
        return ""

    def _parse_languages(self, data: dict[str, object]) -> tuple[str, ...]:
        value = data.get("languages")
        if "languages" not in data:
            self._problem("languages", 'missing (a list such as ["en", "de"])')
            return ()
        if not isinstance(value, list) or not value:
            self._problem("languages", f'expected a list such as ["en", "de"], got {value!r}')
            return ()
        ok = True
        for i, lang in enumerate(value):
            if not isinstance(lang, str) or not _LANGUAGE_PATTERN.fullmatch(lang):
                self._problem(f"languages[{i}]", f"{lang!r} is not a language code like 'en'")
                ok = False
            elif value.index(lang) != i:
                self._problem(f"languages[{i}]", f"'{lang}' is listed twice")
                ok = False
        # Without a clean language list every translation check would only add noise.
        return tuple(value) if ok else ()

    def _translations(
        self, obj: dict[str, object], key: str, place: str, *, required: bool
    ) -> Mapping[str, str]:
        if key not in obj:
            if required:
                self._problem(place, "missing")
            return MappingProxyType({})
        value = obj[key]
        if not isinstance(value, dict):
            self._problem(place, f'expected an object like {{"en": "..."}}, got {_describe(value)}')
            return MappingProxyType({})
        self._check_duplicates(value, place)
        out: dict[str, str] = {}
        for lang in self._languages:
            text = value.get(lang)
            if lang not in value:
                self._problem(place, f"missing the '{lang}' translation")
            elif not isinstance(text, str):
                self._problem(f"{place}.{lang}", f"expected text, got {_describe(text)}")
            elif not text.strip():
                self._problem(f"{place}.{lang}", "the text is empty")
            else:
                out[lang] = text
        if self._languages:
            for lang in value:
                if lang not in self._languages:
                    self._problem(
                        place,
                        f"'{lang}' is not one of the set's languages "
                        f"({', '.join(self._languages)})",
                    )
        return MappingProxyType(out)

    def _parse_questions(self, value: object, present: bool) -> list[Question]:
        if not present:
            self._problem("questions", "missing (a list of questions)")
            return []
        if not isinstance(value, list):
            self._problem("questions", f"expected a list, got {_describe(value)}")
            return []
        if not value:
            self._problem("questions", "the set has no questions; add at least one")
            return []
        self._raw_questions = value
        questions: list[Question] = []
        positions: dict[str, int] = {}
        for i, raw in enumerate(value):
            place = f"questions[{i}]"
            if not isinstance(raw, dict):
                self._problem(place, f"expected an object {{...}}, got {_describe(raw)}")
                continue
            qid = self._id(raw, "id", f"{place}.id")
            if qid in positions:
                self._problem(
                    f"{place}.id", f"'{qid}' is already used by questions[{positions[qid]}]"
                )
            elif qid:
                positions[qid] = i
            q = self._parse_question(raw, i, questions)
            if q is not None:
                questions.append(q)
        return questions

    def _parse_question(
        self, raw: dict[str, object], index: int, earlier: list[Question]
    ) -> Question | None:
        place = f"questions[{index}]"
        before = len(self._problems)
        self._check_keys(raw, _QUESTION_KEYS, place)
        qid = raw.get("id")
        qtype = raw.get("type")
        if "type" not in raw:
            self._problem(f"{place}.type", "missing (one of " + ", ".join(QUESTION_TYPES) + ")")
        elif not _is_question_type(qtype):
            self._problem(f"{place}.type", f"{qtype!r} is not one of " + ", ".join(QUESTION_TYPES))
        text = self._translations(raw, "text", f"{place}.text", required=True)
        help_ = self._translations(raw, "help", f"{place}.help", required=False)
        required = self._flag(raw, "required", place, default=False)
        prefer_not = self._flag(raw, "prefer_not_to_say", place, default=True)
        followups = self._flag(raw, "followups", place, default=False)
        if followups and qtype != "text":
            self._problem(f"{place}.followups", "follow-ups can only follow text questions")
        max_length = self._max_length(raw, place, qtype)
        choices = self._parse_choices(raw, place, qtype)
        show_if = None
        if "show_if" in raw:
            show_if = self._parse_condition(raw["show_if"], index, earlier)
        if len(self._problems) != before or not isinstance(qid, str):
            return None
        assert _is_question_type(qtype)
        return Question(
            id=qid,
            type=qtype,
            text=text,
            help=help_,
            required=required,
            allow_prefer_not=prefer_not,
            followups=followups,
            max_length=max_length,
            choices=choices,
            show_if=show_if,
        )

    def _flag(self, raw: dict[str, object], key: str, place: str, *, default: bool) -> bool:
        value = raw.get(key, default)
        if not isinstance(value, bool):
            self._problem(f"{place}.{key}", f"expected true or false, got {value!r}")
            return default
        return value

    def _max_length(self, raw: dict[str, object], place: str, qtype: object) -> int:
        if "max_length" not in raw:
            return _DEFAULT_MAX_LENGTH
        value = raw["max_length"]
        if qtype != "text":
            self._problem(f"{place}.max_length", "only text questions have a maximum length")
        elif (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not 1 <= value <= _MAX_LENGTH_LIMIT
        ):
            self._problem(
                f"{place}.max_length",
                f"expected a whole number from 1 to {_MAX_LENGTH_LIMIT}, got {value!r}",
            )
        else:
            return value
        return _DEFAULT_MAX_LENGTH

    def _parse_choices(
        self, raw: dict[str, object], place: str, qtype: object
    ) -> tuple[Choice, ...]:
        value = raw.get("choices")
        if qtype not in _CHOICE_TYPES:
            if "choices" in raw and qtype in QUESTION_TYPES:
                self._problem(f"{place}.choices", f"a {qtype} question has no choices")
            return ()
        if "choices" not in raw:
            self._problem(f"{place}.choices", f"missing; a {qtype} question needs choices")
            return ()
        if not isinstance(value, list) or len(value) < 2:
            self._problem(f"{place}.choices", "expected a list of at least two choices")
            return ()
        choices: list[Choice] = []
        positions: dict[str, int] = {}
        for i, item in enumerate(value):
            cplace = f"{place}.choices[{i}]"
            if not isinstance(item, dict):
                self._problem(cplace, f"expected an object {{...}}, got {_describe(item)}")
                continue
            self._check_keys(item, _CHOICE_KEYS, cplace)
            cid = self._id(item, "id", f"{cplace}.id")
            if cid in positions:
                self._problem(
                    f"{cplace}.id",
                    f"'{cid}' is already used by {place}.choices[{positions[cid]}]",
                )
            elif cid:
                positions[cid] = i
            label = self._translations(item, "label", f"{cplace}.label", required=True)
            choices.append(Choice(id=cid, label=label))
        return tuple(choices)

    def _parse_condition(
        self, value: object, index: int, earlier: list[Question]
    ) -> Condition | None:
        cplace = f"questions[{index}].show_if"
        if not isinstance(value, dict):
            self._problem(
                cplace,
                'expected an object like {"question": "main_reason", "in": ["manager"]}, '
                f"got {_describe(value)}",
            )
            return None
        before = len(self._problems)
        self._check_keys(value, _CONDITION_KEYS, cplace)
        values = self._condition_values(value, cplace)
        ref_q, ref_meta = value.get("question"), value.get("meta")
        if ("question" in value) == ("meta" in value):
            self._problem(cplace, "give exactly one of 'question' or 'meta'")
        elif "meta" in value:
            if not isinstance(ref_meta, str) or not ref_meta:
                self._problem(f"{cplace}.meta", f"expected a metadata field name, got {ref_meta!r}")
        elif not isinstance(ref_q, str):
            self._problem(f"{cplace}.question", f"expected a question id, got {ref_q!r}")
        else:
            self._check_reference(ref_q, values, cplace, index, earlier)
        if len(self._problems) != before:
            return None
        return Condition(
            question=ref_q if isinstance(ref_q, str) else None,
            meta=ref_meta if isinstance(ref_meta, str) else None,
            values=values,
        )

    def _condition_values(self, cond: dict[str, object], place: str) -> tuple[str, ...]:
        values = cond.get("in")
        if "in" not in cond:
            self._problem(f"{place}.in", 'missing (a list of values such as ["manager"])')
        elif (
            not isinstance(values, list)
            or not values
            or not all(isinstance(v, str) for v in values)
        ):
            self._problem(
                f"{place}.in", f"expected a non-empty list of text values, got {values!r}"
            )
        else:
            return tuple(v for v in values if isinstance(v, str))
        return ()

    def _check_reference(
        self, ref: str, values: tuple[str, ...], place: str, index: int, earlier: list[Question]
    ) -> None:
        """A condition may only look back, at an answer whose possible values it names."""
        target = next((q for q in earlier if q.id == ref), None)
        if target is None:
            if ref in self._raw_ids(0, index):
                return  # an earlier question with its own problems, already reported
            if ref in self._raw_ids(index, None):
                self._problem(
                    f"{place}.question",
                    f"'{ref}' is this question or a later one; a condition can only look "
                    "at earlier questions",
                )
            else:
                self._problem(f"{place}.question", f"'{ref}' is not a question in this set")
            return
        if target.type == "text":
            self._problem(
                f"{place}.question",
                f"'{ref}' is a free-text question; a condition needs a choice, "
                "rating, yes/no or 0-10 question",
            )
            return
        allowed = condition_values(target.type, [c.id for c in target.choices])
        if target.type in _CHOICE_TYPES:
            what = f"a choice of question '{ref}'"
        elif target.type == "yes_no":
            what = "'yes' or 'no'"
        else:
            low, high = _RATING_RANGE if target.type == "rating" else _SCALE_RANGE
            what = f"a whole number from {low} to {high} written as text"
        for i, v in enumerate(values):
            if v not in allowed:
                self._problem(f"{place}.in[{i}]", f"{v!r} is not {what} ({', '.join(allowed)})")

    def _raw_ids(self, start: int, stop: int | None) -> set[str]:
        """Question ids written in the file between two positions, parsed or not."""
        return {
            q["id"]
            for q in self._raw_questions[start:stop]
            if isinstance(q, dict) and isinstance(q.get("id"), str)
        }

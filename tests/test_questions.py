"""Question sets: the shipped set, file validation HR can act on, branching, answer checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exitbot_desktop.engine.errors import InvalidAnswerError, QuestionSetError
from exitbot_desktop.engine.questions import (
    QUESTION_TYPES,
    Condition,
    Question,
    QuestionSet,
    builtin_question_set_paths,
    load_builtin,
    load_question_set,
    parse_question_set,
    to_json,
)

Doc = dict[str, Any]


def _tr(en: str, de: str | None = None) -> dict[str, str]:
    return {"en": en, "de": de if de is not None else f"{en} (de)"}


def _valid_doc() -> Doc:
    """A small set that uses every question type and both kinds of condition."""
    return {
        "id": "custom",
        "version": 2,
        "languages": ["en", "de"],
        "title": _tr("Exit interview", "Austrittsgespräch"),
        "questions": [
            {
                "id": "reason",
                "type": "single_choice",
                "text": _tr("Main reason?"),
                "choices": [
                    {"id": "pay", "label": _tr("Pay")},
                    {"id": "manager", "label": _tr("Manager")},
                ],
            },
            {
                "id": "aspects",
                "type": "multiple_choice",
                "text": _tr("What about the manager?"),
                "help": _tr("Choose all that apply."),
                "choices": [
                    {"id": "communication", "label": _tr("Communication")},
                    {"id": "fairness", "label": _tr("Fairness")},
                ],
                "show_if": {"question": "reason", "in": ["manager"]},
            },
            {
                "id": "fair_detail",
                "type": "text",
                "text": _tr("What felt unfair?"),
                "followups": True,
                "max_length": 500,
                "show_if": {"question": "aspects", "in": ["fairness"]},
            },
            {"id": "role", "type": "rating", "text": _tr("Role?"), "required": True},
            {"id": "recommend", "type": "scale_0_10", "text": _tr("Recommend?")},
            {
                "id": "return",
                "type": "yes_no",
                "text": _tr("Would you return?"),
                "prefer_not_to_say": False,
            },
            {
                "id": "why_not_return",
                "type": "text",
                "text": _tr("Why not?"),
                "show_if": {"question": "return", "in": ["no"]},
            },
            {
                "id": "stay",
                "type": "text",
                "text": _tr("What would have made you stay?"),
                "show_if": {"meta": "leaving_type", "in": ["voluntary"]},
            },
        ],
    }


def _write(tmp_path: Path, doc: object, name: str = "bad.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _load_error(path: Path) -> str:
    with pytest.raises(QuestionSetError) as info:
        load_question_set(path)
    return info.value.user_message


def _ids(questions: list[Question]) -> list[str]:
    return [q.id for q in questions]


# --- the shipped default set -------------------------------------------------------------


def test_default_set_loads_with_english_first_and_german() -> None:
    qs = load_builtin()
    assert qs.id == "default"
    assert qs.version == 1
    assert qs.languages == ("en", "de")
    assert len(qs.questions) >= 14
    assert Path(qs.source).name == "default.json"


def test_default_set_has_every_text_in_both_languages() -> None:
    qs = load_builtin()
    for lang in ("en", "de"):
        assert qs.title[lang].strip()
        for q in qs.questions:
            assert q.text_for(lang).strip(), (q.id, lang)
            assert not q.help or q.help_for(lang).strip(), (q.id, lang)
            for c in q.choices:
                assert c.label_for(lang).strip(), (q.id, c.id, lang)
    german = [q.text_for("de") for q in qs.questions]
    assert german != [q.text_for("en") for q in qs.questions]
    assert not any(" du " in f" {t.lower()} " for t in german), "German uses 'Sie'"


def test_default_set_covers_the_agreed_topics() -> None:
    qs = load_builtin()
    by_type = {t: [q for q in qs.questions if q.type == t] for t in QUESTION_TYPES}
    assert all(by_type[t] for t in QUESTION_TYPES), "every widget type is exercised"
    main = qs.question("main_reason")
    assert main.type == "single_choice"
    assert not main.followups
    assert {
        "career_development",
        "compensation_benefits",
        "manager",
        "work_life_balance",
        "relocation",
        "retirement",
        "job_characteristics",
        "work_environment",
        "wellbeing",
        "other",
    } <= {c.id for c in main.choices}
    manager = qs.question("manager_aspects")
    assert manager.type == "multiple_choice"
    assert manager.show_if == Condition("main_reason", None, ("manager",))
    assert {"communication", "recognition", "support", "fairness", "other"} <= {
        c.id for c in manager.choices
    }
    assert qs.question("what_would_have_kept_you").show_if == Condition(
        None, "leaving_type", ("voluntary",)
    )
    assert len(by_type["rating"]) >= 6
    for q in by_type["text"]:
        assert q.followups, q.id
        assert q.max_length == 4000
    assert not qs.question("anything_else").required
    optional = [q for q in qs.questions if not q.required and q.allow_prefer_not]
    assert len(optional) > len(qs.questions) // 2


def test_builtin_paths_list_the_shipped_files() -> None:
    names = [p.name for p in builtin_question_set_paths()]
    assert "default.json" in names
    assert names == sorted(names)


def test_unknown_builtin_set_is_a_readable_error() -> None:
    with pytest.raises(QuestionSetError, match=r"no built-in question set 'nope'.*default"):
        load_builtin("nope")


# --- validation: every problem named with file and place ----------------------------------


def _mutate(fn: Callable[[Doc], object]) -> Callable[[], Doc]:
    def build() -> Doc:
        doc = _valid_doc()
        fn(doc)
        return doc

    return build


def _q(i: int) -> Callable[[Doc], dict[str, Any]]:
    return lambda doc: doc["questions"][i]


INVALID_CASES: list[tuple[str, Callable[[], object], str]] = [
    ("not an object", lambda: ["a list"], "top level: expected an object {...}, got a list"),
    ("id missing", _mutate(lambda d: d.pop("id")), "id: missing"),
    ("id wrong type", _mutate(lambda d: d.update(id=5)), "id: expected text, got a number"),
    ("id unusable", _mutate(lambda d: d.update(id="my set")), "id: 'my set' is not a usable id"),
    ("version missing", _mutate(lambda d: d.pop("version")), "version: missing"),
    (
        "version as text",
        _mutate(lambda d: d.update(version="1")),
        "version: expected a whole number of 1 or more, got '1'",
    ),
    (
        "version as bool",
        _mutate(lambda d: d.update(version=True)),
        "version: expected a whole number of 1 or more, got True",
    ),
    ("languages missing", _mutate(lambda d: d.pop("languages")), "languages: missing"),
    (
        "languages as text",
        _mutate(lambda d: d.update(languages="en")),
        "languages: expected a list such as",
    ),
    (
        "language listed twice",
        _mutate(lambda d: d.update(languages=["en", "de", "en"])),
        "languages[2]: 'en' is listed twice",
    ),
    (
        "language not a code",
        _mutate(lambda d: d.update(languages=["en", "German"])),
        "languages[1]: 'German' is not a language code",
    ),
    ("questions missing", _mutate(lambda d: d.pop("questions")), "questions: missing"),
    (
        "questions wrong type",
        _mutate(lambda d: d.update(questions={"a": 1})),
        "questions: expected a list, got an object",
    ),
    (
        "questions empty",
        _mutate(lambda d: d.update(questions=[])),
        "questions: the set has no questions",
    ),
    (
        "question not an object",
        _mutate(lambda d: d["questions"].append("oops")),
        "questions[8]: expected an object {...}, got text",
    ),
    (
        "unknown type",
        _mutate(lambda d: _q(3)(d).update(type="ratng")),
        "questions[3].type: 'ratng' is not one of "
        "text, rating, single_choice, multiple_choice, yes_no, scale_0_10",
    ),
    ("type missing", _mutate(lambda d: _q(3)(d).pop("type")), "questions[3].type: missing"),
    (
        "duplicate question id",
        _mutate(lambda d: _q(4)(d).update(id="role")),
        "questions[4].id: 'role' is already used by questions[3]",
    ),
    (
        "question id missing",
        _mutate(lambda d: _q(4)(d).pop("id")),
        "questions[4].id: missing",
    ),
    (
        "duplicate choice id",
        _mutate(lambda d: _q(0)(d)["choices"][1].update(id="pay")),
        "questions[0].choices[1].id: 'pay' is already used by questions[0].choices[0]",
    ),
    (
        "choices missing",
        _mutate(lambda d: _q(0)(d).pop("choices")),
        "questions[0].choices: missing; a single_choice question needs choices",
    ),
    (
        "only one choice",
        _mutate(lambda d: _q(1)(d)["choices"].pop()),
        "questions[1].choices: expected a list of at least two choices",
    ),
    (
        "choices on a rating",
        _mutate(lambda d: _q(3)(d).update(choices=[])),
        "questions[3].choices: a rating question has no choices",
    ),
    (
        "missing text translation",
        _mutate(lambda d: _q(2)(d)["text"].pop("de")),
        "questions[2].text: missing the 'de' translation",
    ),
    (
        "missing help translation",
        _mutate(lambda d: _q(1)(d)["help"].pop("en")),
        "questions[1].help: missing the 'en' translation",
    ),
    (
        "missing label translation",
        _mutate(lambda d: _q(0)(d)["choices"][1]["label"].pop("de")),
        "questions[0].choices[1].label: missing the 'de' translation",
    ),
    (
        "missing title translation",
        _mutate(lambda d: d["title"].pop("de")),
        "title: missing the 'de' translation",
    ),
    ("title missing", _mutate(lambda d: d.pop("title")), "title: missing"),
    (
        "text missing",
        _mutate(lambda d: _q(3)(d).pop("text")),
        "questions[3].text: missing",
    ),
    (
        "text not translated object",
        _mutate(lambda d: _q(3)(d).update(text="Role?")),
        "questions[3].text: expected an object like",
    ),
    (
        "empty translation",
        _mutate(lambda d: _q(3)(d)["text"].update(de="  ")),
        "questions[3].text.de: the text is empty",
    ),
    (
        "language not in set",
        _mutate(lambda d: _q(3)(d)["text"].update(fr="Rôle ?")),
        "questions[3].text: 'fr' is not one of the set's languages (en, de)",
    ),
    (
        "unknown top-level key",
        _mutate(lambda d: d.update(titel={})),
        "top level: unknown key 'titel' (did you mean 'title'?)",
    ),
    (
        "unknown question key",
        _mutate(lambda d: _q(3)(d).update(requird=True)),
        "questions[3]: unknown key 'requird' (did you mean 'required'?)",
    ),
    (
        "unknown choice key",
        _mutate(lambda d: _q(0)(d)["choices"][0].update(lable={})),
        "questions[0].choices[0]: unknown key 'lable' (did you mean 'label'?)",
    ),
    (
        "unknown key with no close match",
        _mutate(lambda d: _q(3)(d).update(colour="red")),
        "questions[3]: unknown key 'colour' (allowed: id, type, text,",
    ),
    (
        "required not a bool",
        _mutate(lambda d: _q(3)(d).update(required="yes")),
        "questions[3].required: expected true or false, got 'yes'",
    ),
    (
        "followups on a rating",
        _mutate(lambda d: _q(3)(d).update(followups=True)),
        "questions[3].followups: follow-ups can only follow text questions",
    ),
    (
        "max_length zero",
        _mutate(lambda d: _q(2)(d).update(max_length=0)),
        "questions[2].max_length: expected a whole number from 1 to 20000, got 0",
    ),
    (
        "max_length too big",
        _mutate(lambda d: _q(2)(d).update(max_length=20001)),
        "questions[2].max_length: expected a whole number from 1 to 20000, got 20001",
    ),
    (
        "max_length as text",
        _mutate(lambda d: _q(2)(d).update(max_length="500")),
        "questions[2].max_length: expected a whole number from 1 to 20000, got '500'",
    ),
    (
        "max_length on a rating",
        _mutate(lambda d: _q(3)(d).update(max_length=10)),
        "questions[3].max_length: only text questions have a maximum length",
    ),
    (
        "show_if unknown question",
        _mutate(lambda d: _q(1)(d)["show_if"].update(question="reasn")),
        "questions[1].show_if.question: 'reasn' is not a question in this set",
    ),
    (
        "show_if later question",
        _mutate(lambda d: _q(1)(d)["show_if"].update(question="role")),
        "questions[1].show_if.question: 'role' is this question or a later one",
    ),
    (
        "show_if on itself",
        _mutate(lambda d: _q(1)(d)["show_if"].update(question="aspects")),
        "questions[1].show_if.question: 'aspects' is this question or a later one",
    ),
    (
        "show_if unknown choice",
        _mutate(lambda d: _q(1)(d)["show_if"].update({"in": ["boss"]})),
        "questions[1].show_if.in[0]: 'boss' is not a choice of question 'reason' (pay, manager)",
    ),
    (
        "show_if yes_no value",
        _mutate(lambda d: _q(6)(d)["show_if"].update({"in": ["false"]})),
        "questions[6].show_if.in[0]: 'false' is not 'yes' or 'no'",
    ),
    (
        "show_if rating value out of range",
        _mutate(lambda d: _q(4)(d).update(show_if={"question": "role", "in": ["6"]})),
        "questions[4].show_if.in[0]: '6' is not a whole number from 1 to 5 written as text",
    ),
    (
        "show_if on free text",
        _mutate(lambda d: _q(3)(d).update(show_if={"question": "fair_detail", "in": ["x"]})),
        "questions[3].show_if.question: 'fair_detail' is a free-text question",
    ),
    (
        "show_if both question and meta",
        _mutate(lambda d: _q(1)(d)["show_if"].update(meta="leaving_type")),
        "questions[1].show_if: give exactly one of 'question' or 'meta'",
    ),
    (
        "show_if neither question nor meta",
        _mutate(lambda d: _q(1)(d).update(show_if={"in": ["manager"]})),
        "questions[1].show_if: give exactly one of 'question' or 'meta'",
    ),
    (
        "show_if values missing",
        _mutate(lambda d: _q(1)(d).update(show_if={"question": "reason"})),
        "questions[1].show_if.in: missing",
    ),
    (
        "show_if values empty",
        _mutate(lambda d: _q(7)(d)["show_if"].update({"in": []})),
        "questions[7].show_if.in: expected a non-empty list of text values, got []",
    ),
    (
        "show_if not an object",
        _mutate(lambda d: _q(7)(d).update(show_if="voluntary")),
        "questions[7].show_if: expected an object like",
    ),
    (
        "show_if unknown key",
        _mutate(lambda d: _q(7)(d)["show_if"].update(not_in=["x"])),
        "questions[7].show_if: unknown key 'not_in'",
    ),
]


@pytest.mark.parametrize(
    ("build", "expected"),
    [pytest.param(build, expected, id=name) for name, build, expected in INVALID_CASES],
)
def test_invalid_file_names_the_file_and_the_place(
    tmp_path: Path, build: Callable[[], object], expected: str
) -> None:
    message = _load_error(_write(tmp_path, build()))
    assert f"bad.json: {expected}" in message, message
    assert all(line.startswith("bad.json: ") for line in message.splitlines()), message


def test_broken_json_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "default.json"
    path.write_text('{\n  "id": "default",\n  "version": 1\n  "languages": []\n}\n', "utf-8")
    assert _load_error(path) == (
        "default.json: line 4 column 3: the file is not valid JSON (Expecting ',' delimiter)"
    )


def test_key_written_twice_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    text = json.dumps(_valid_doc()).replace(
        '"required": true', '"required": true, "required": false'
    )
    path.write_text(text, "utf-8")
    assert "bad.json: questions[3]: the key 'required' appears more than once" in _load_error(path)


def test_unreadable_files_say_why(tmp_path: Path) -> None:
    assert _load_error(tmp_path / "missing.json").startswith(
        "missing.json: the file cannot be read"
    )
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"id": "Größe"}'.encode("latin-1"))
    assert "latin1.json: the file is not UTF-8 text" in _load_error(latin1)


def test_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_text(json.dumps(_valid_doc()), encoding="utf-8-sig")
    assert load_question_set(path).id == "custom"


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    doc = _valid_doc()
    doc["version"] = 0
    doc["questions"][0]["text"].pop("de")
    doc["questions"][3]["type"] = "ratng"
    doc["questions"][4]["id"] = "role"
    lines = _load_error(_write(tmp_path, doc)).splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        "version",
        "questions[0].text",
        "questions[3].type",
        "questions[4].id",
    ]


def test_condition_on_a_broken_earlier_question_is_not_reported_twice(tmp_path: Path) -> None:
    doc = _valid_doc()
    doc["questions"][0]["text"].pop("de")
    lines = _load_error(_write(tmp_path, doc)).splitlines()
    assert lines == ["bad.json: questions[0].text: missing the 'de' translation"]


def test_parse_names_the_source_it_is_given() -> None:
    doc = _valid_doc()
    doc.pop("id")
    with pytest.raises(QuestionSetError, match=r"^editor\.json: id: missing$"):
        parse_question_set(doc, "/somewhere/editor.json")


# --- branching ------------------------------------------------------------------------------


@pytest.fixture
def default_set() -> QuestionSet:
    return load_builtin()


def test_manager_branch_appears_only_when_the_manager_is_the_main_reason(
    default_set: QuestionSet,
) -> None:
    assert "manager_aspects" not in _ids(default_set.visible({}, {}))
    assert "manager_aspects" in _ids(default_set.visible({"main_reason": "manager"}, {}))
    after_change = default_set.visible(
        {"main_reason": "compensation_benefits", "manager_aspects": ["support"]}, {}
    )
    assert "manager_aspects" not in _ids(after_change)


def test_manager_branch_sits_right_after_the_reason_questions(default_set: QuestionSet) -> None:
    ids = _ids(default_set.visible({"main_reason": "manager"}, {}))
    assert ids.index("manager_aspects") == ids.index("main_reason_details") + 1


@pytest.mark.parametrize(
    ("metadata", "shown"),
    [
        ({"leaving_type": "voluntary"}, True),
        ({"leaving_type": "involuntary"}, False),
        ({}, False),
        ({"department": "Sales"}, False),
    ],
)
def test_what_would_have_kept_you_is_asked_only_of_voluntary_leavers(
    default_set: QuestionSet, metadata: dict[str, str], shown: bool
) -> None:
    assert ("what_would_have_kept_you" in _ids(default_set.visible({}, metadata))) is shown


def test_unconditional_questions_are_always_visible(default_set: QuestionSet) -> None:
    unconditional = [q.id for q in default_set.questions if q.show_if is None]
    assert _ids(default_set.visible({}, {})) == unconditional


def test_multiple_choice_condition_matches_any_chosen_id(tmp_path: Path) -> None:
    qs = load_question_set(_write(tmp_path, _valid_doc(), "custom.json"))
    base = {"reason": "manager"}
    assert "fair_detail" in _ids(qs.visible({**base, "aspects": ["communication", "fairness"]}, {}))
    assert "fair_detail" not in _ids(qs.visible({**base, "aspects": ["communication"]}, {}))


def test_stale_answer_in_a_hidden_branch_does_not_keep_its_dependants(tmp_path: Path) -> None:
    qs = load_question_set(_write(tmp_path, _valid_doc(), "custom.json"))
    answers = {"reason": "pay", "aspects": ["fairness"]}
    assert "fair_detail" not in _ids(qs.visible(answers, {}))


def test_yes_no_condition_compares_as_yes_and_no(tmp_path: Path) -> None:
    qs = load_question_set(_write(tmp_path, _valid_doc(), "custom.json"))
    assert "why_not_return" in _ids(qs.visible({"return": False}, {}))
    assert "why_not_return" not in _ids(qs.visible({"return": True}, {}))
    assert "why_not_return" not in _ids(qs.visible({}, {}))


def test_condition_on_a_rating_compares_the_number_as_text() -> None:
    cond = Condition(question="role", meta=None, values=("1", "2"))
    assert cond.matches({"role": 2}, {})
    assert not cond.matches({"role": 4}, {})
    assert not cond.matches({"role": None}, {})


def test_condition_needs_exactly_one_source() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        Condition(question="a", meta="b", values=("x",))
    with pytest.raises(ValueError, match="exactly one"):
        Condition(question=None, meta=None, values=("x",))


# --- answer values --------------------------------------------------------------------------


@pytest.fixture
def custom_set(tmp_path: Path) -> QuestionSet:
    return load_question_set(_write(tmp_path, _valid_doc(), "custom.json"))


@pytest.mark.parametrize(
    ("question_id", "value", "expected"),
    [
        ("role", 1, 1),
        ("role", 5, 5),
        ("recommend", 0, 0),
        ("recommend", 10, 10),
        ("return", True, True),
        ("return", False, False),
        ("reason", "manager", "manager"),
        ("aspects", ["fairness"], ["fairness"]),
        ("aspects", ("fairness", "communication"), ["communication", "fairness"]),
        ("fair_detail", "  Too many meetings.\n\tReally.  ", "Too many meetings.\n\tReally."),
        ("fair_detail", "bell\x07 null\x00 esc\x1b del\x7f c1\x85 end", "bell null esc del c1 end"),
        ("fair_detail", "windows\r\nline\rends", "windows\nline\nends"),
        ("fair_detail", "Grüße – 日本語 🙂", "Grüße – 日本語 🙂"),
        ("fair_detail", "x" * 500, "x" * 500),
    ],
)
def test_valid_answers_are_normalised(
    custom_set: QuestionSet, question_id: str, value: object, expected: object
) -> None:
    assert custom_set.question(question_id).validate(value) == expected


@pytest.mark.parametrize(
    ("question_id", "value", "message"),
    [
        ("role", True, "rating from 1 to 5"),
        ("role", 0, "rating from 1 to 5"),
        ("role", 6, "rating from 1 to 5"),
        ("role", 3.0, "rating from 1 to 5"),
        ("role", "3", "rating from 1 to 5"),
        ("recommend", False, "score from 0 to 10"),
        ("recommend", -1, "score from 0 to 10"),
        ("recommend", 11, "score from 0 to 10"),
        ("return", 1, "yes or no"),
        ("return", "yes", "yes or no"),
        ("reason", "boss", "one of the options"),
        ("reason", ["pay"], "one of the options"),
        ("aspects", [], "at least one"),
        ("aspects", "fairness", "from the options"),
        ("aspects", ["fairness", 3], "from the options"),
        ("aspects", ["fairness", "fairness"], "only once"),
        ("aspects", ["fairness", "kindness"], "only from the options"),
        ("fair_detail", 42, "as text"),
        ("fair_detail", " \n\x00 ", "empty"),
        ("fair_detail", "x" * 501, "501 characters long; the limit is 500"),
    ],
)
def test_invalid_answers_are_refused_with_a_sentence(
    custom_set: QuestionSet, question_id: str, value: object, message: str
) -> None:
    with pytest.raises(InvalidAnswerError, match=message) as info:
        custom_set.question(question_id).validate(value)
    assert info.value.user_message.endswith(".")


def test_length_limit_counts_the_cleaned_text(custom_set: QuestionSet) -> None:
    q = custom_set.question("fair_detail")
    assert q.validate("  " + "x" * 500 + "\x00\x00  ") == "x" * 500


def test_unknown_question_id_is_a_key_error(custom_set: QuestionSet) -> None:
    with pytest.raises(KeyError):
        custom_set.question("nope")


# --- translations and defaults ----------------------------------------------------------


def test_texts_fall_back_to_the_default_language(custom_set: QuestionSet) -> None:
    aspects = custom_set.question("aspects")
    assert aspects.text_for("de") == "What about the manager? (de)"
    assert aspects.text_for("fr") == "What about the manager?"
    assert aspects.help_for("fr") == "Choose all that apply."
    assert aspects.choices[0].label_for("fr") == "Communication"
    assert custom_set.question("role").help_for("de") == ""


def test_omitted_fields_take_their_defaults(custom_set: QuestionSet) -> None:
    reason = custom_set.question("reason")
    assert (reason.required, reason.allow_prefer_not, reason.followups) == (False, True, False)
    assert reason.show_if is None
    assert reason.help == {}
    assert custom_set.question("stay").max_length == 4000
    assert custom_set.question("return").allow_prefer_not is False
    assert custom_set.question("role").required is True


# --- saving ----------------------------------------------------------------------------------


def test_default_set_round_trips_through_to_json(default_set: QuestionSet) -> None:
    saved = json.loads(json.dumps(to_json(default_set)))
    assert parse_question_set(saved, default_set.source) == default_set


def test_custom_set_round_trips_through_a_saved_file(
    custom_set: QuestionSet, tmp_path: Path
) -> None:
    path = _write(tmp_path, to_json(custom_set), "custom.json")
    assert load_question_set(path) == custom_set


def test_editing_the_saved_form_leaves_the_set_untouched(custom_set: QuestionSet) -> None:
    saved = to_json(custom_set)
    questions = saved["questions"]
    assert isinstance(questions, list)
    questions[0]["text"]["en"] = "Changed"
    questions[0]["choices"][0]["label"]["en"] = "Changed"
    assert custom_set.question("reason").text_for("en") == "Main reason?"
    assert custom_set.question("reason").choices[0].label_for("en") == "Pay"


def test_a_file_nested_a_hundred_thousand_levels_deep_is_refused_with_a_sentence(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"id": "deep", "questions": ' + "[" * 100_000 + "]" * 100_000 + "}")
    message = _load_error(path)
    assert message.startswith("deep.json: the file nests lists or objects too deeply")

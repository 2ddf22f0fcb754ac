"""The question sets HR chooses from, on a real encrypted database: a copy becomes a
custom set, saves add versions and never change one an interview used, a refused set
stores nothing and says what the file loader says, activations and imports are audited."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from exitbot_desktop.engine import question_library as library
from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.interview import InterviewSession
from exitbot_desktop.engine.metadata import InterviewMeta
from exitbot_desktop.engine.questions import QuestionSet, load_question_set
from exitbot_desktop.engine.reports.import_csv import COLUMNS, LEGACY_SET_ID, import_csv
from exitbot_desktop.engine.settings import read_settings
from exitbot_desktop.engine.store.vault import Store


def _audit(store: Store, action: str) -> list[dict[str, object]]:
    return [e.detail for e in reversed(store.audit.entries()) if e.action == action]


def _broken(content: dict[str, object]) -> dict[str, object]:
    """Three problems the parser reports: an unknown type, a missing text, a bad branch."""
    questions = [dict(q) for q in content["questions"]]  # type: ignore[attr-defined]
    questions[0]["type"] = "essay"
    del questions[1]["text"]
    questions[2]["show_if"] = {"question": "nowhere", "in": ["x"]}
    return {**content, "questions": questions}


def test_a_copy_of_the_builtin_set_is_a_custom_set_listed_after_it(store: Store) -> None:
    saved = library.copy_set(store, "default", "acme")

    assert (saved.id, saved.version, saved.changed) == ("acme", 1, True)
    listed = {e.id: e for e in library.list_sets(store)}
    assert listed["default"].kind == "built-in" and listed["default"].active
    assert listed["acme"].kind == "custom" and not listed["acme"].active
    assert listed["acme"].questions == listed["default"].questions == 16
    assert _audit(store, "question_set_copied") == [{"id": "acme", "version": 1, "from": "default"}]


@pytest.mark.parametrize(
    ("new_id", "message"),
    [("default", "already a question set 'default'"), ("my set", "cannot be a set id")],
)
def test_a_copy_needs_a_new_plain_id(store: Store, new_id: str, message: str) -> None:
    with pytest.raises(QuestionSetError, match=message):
        library.copy_set(store, "default", new_id)
    assert [e.id for e in library.list_sets(store)] == ["default"]


def test_saving_a_set_an_interview_used_adds_a_version_and_keeps_the_old_one(
    store: Store,
) -> None:
    library.copy_set(store, "default", "acme")
    used = library.load_set(store, "acme")
    session = InterviewSession.start(store, used, language="en", meta=InterviewMeta())
    edited = library.set_content(store, "acme")
    edited["questions"][0]["text"]["en"] = "Why are you leaving us?"

    saved = library.save_set(store, edited)

    assert (saved.version, saved.changed) == (2, True)
    assert library.load_set(store, "acme").questions[0].text_for("en") == "Why are you leaving us?"
    again = InterviewSession.resume(store, session.id)
    assert again.question_set.version == 1
    assert (
        again.question_set.questions[0].text_for("en") == "What is the main reason you are leaving?"
    )
    assert _audit(store, "question_set_saved") == [{"id": "acme", "version": 2}]


def test_saving_unchanged_questions_stores_no_new_version(store: Store) -> None:
    library.copy_set(store, "default", "acme")

    saved = library.save_set(store, library.set_content(store, "acme"))

    assert (saved.version, saved.changed) == (1, False)
    assert _audit(store, "question_set_saved") == []


def test_a_refused_save_says_what_the_file_loader_says_and_stores_nothing(
    store: Store, tmp_path: Path
) -> None:
    library.copy_set(store, "default", "acme")
    broken = _broken(library.set_content(store, "acme"))
    file = tmp_path / "acme.json"
    file.write_text(json.dumps({**broken, "version": 2}), encoding="utf-8")
    with pytest.raises(QuestionSetError) as from_file:
        load_question_set(file)

    with pytest.raises(QuestionSetError) as from_editor:
        library.save_set(store, broken)

    assert from_editor.value.user_message == from_file.value.user_message
    assert "acme.json: questions[0].type: " in from_editor.value.user_message
    assert "acme.json: questions[2].show_if.question: 'nowhere'" in from_editor.value.user_message
    assert library.set_content(store, "acme")["version"] == 1
    assert _audit(store, "question_set_saved") == []


@pytest.mark.parametrize("set_id", ["default", LEGACY_SET_ID])
def test_builtin_and_legacy_sets_are_read_only(store: Store, set_id: str) -> None:
    content = {**library.set_content(store, "default"), "id": set_id}
    with pytest.raises(QuestionSetError, match=r"cannot be changed\. Copy it"):
        library.save_set(store, content)


def _legacy_interviews(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "paper.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerow(
            ("P-1", "2023-03-31", "Sales", "Clerk", "2", "What about the canteen?", "Awful.")
        )
    import_csv(store, path)


def test_imported_interviews_list_their_set_as_legacy_which_cannot_be_activated(
    store: Store, tmp_path: Path
) -> None:
    _legacy_interviews(store, tmp_path)

    legacy = {e.id: e for e in library.list_sets(store)}[LEGACY_SET_ID]

    assert (legacy.kind, legacy.interviews) == ("legacy", 1)
    with pytest.raises(QuestionSetError, match="Copy it to a new set"):
        library.activate_set(store, LEGACY_SET_ID)
    assert library.copy_set(store, LEGACY_SET_ID, "paper").changed
    assert read_settings(store).question_set == "default"


def test_activation_is_a_setting_change_audited_with_old_and_new(store: Store) -> None:
    library.copy_set(store, "default", "acme")

    change = library.activate_set(store, "acme")

    assert change is not None and (change.old, change.new) == (None, "acme")
    assert read_settings(store).question_set == "acme"
    assert [e.id for e in library.list_sets(store) if e.active] == ["acme"]
    assert {"key": "question_set", "old": None, "new": "acme"} in [  # None: the default
        {k: d.get(k) for k in ("key", "old", "new")} for d in _audit(store, "settings_changed")
    ]
    assert library.activate_set(store, "acme") is None


def test_an_unknown_set_is_never_activated(store: Store) -> None:
    with pytest.raises(QuestionSetError, match=r"no question set 'nope'.*questions list"):
        library.activate_set(store, "nope")
    assert read_settings(store).question_set == "default"


def test_export_then_import_gives_the_same_questions_as_a_new_version(
    store: Store, tmp_path: Path
) -> None:
    library.copy_set(store, "default", "acme")
    out = library.export_set(store, "acme", tmp_path / "acme.json")
    exported: QuestionSet = load_question_set(out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["questions"] = doc["questions"][:3]
    out.write_text(json.dumps(doc), encoding="utf-8")

    saved = library.import_set(store, out)

    assert exported.questions == library.load_set(store, "default").questions
    assert (saved.id, saved.version) == ("acme", 2)
    assert len(library.load_set(store, "acme").questions) == 3
    assert _audit(store, "question_set_imported") == [
        {"id": "acme", "version": 2, "file": "acme.json"}
    ]


def test_a_refused_import_changes_nothing(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_broken(library.set_content(store, "default")) | {"id": "x"}))
    before = (library.list_sets(store), len(store.audit.entries()))

    with pytest.raises(QuestionSetError, match=r"^bad\.json: questions\[0\]\.type"):
        library.import_set(store, bad)

    assert (library.list_sets(store), len(store.audit.entries())) == before

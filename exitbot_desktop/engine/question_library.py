"""The question sets HR can choose from: list, copy, save, import, export and activate.

Owns the workflows the Questions page and `exitbot-desktop questions …` share, one
function each. Three kinds of set:

- built-in: shipped as `resources/questions/<id>.json`; read-only (copy one to change it);
- custom: made here by a copy, a save or an import; stored in the encrypted database,
  where every save adds a version and the newest version is the set in force;
- legacy: stored only because old interviews used it (the CSV import's paper-form set);
  read-only and never activated, but it can be copied and exported.

Every save goes through the same parser as a question file (`questions.parse_question_set`),
so the editor shows exactly the loader's messages; a refused set stores nothing. A version
that interviews used is never changed (`store.question_sets`). Saves, copies, imports and
activations are audited; an activation is a change of the `question_set` setting, audited
with its old and new value by `change_settings`. Never imports Qt.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from exitbot_desktop.engine.errors import QuestionSetError
from exitbot_desktop.engine.files import atomic_text
from exitbot_desktop.engine.questions import (
    ID_PATTERN,
    QuestionSet,
    builtin_question_set_paths,
    load_builtin,
    load_question_set,
    parse_question_set,
    to_json,
)
from exitbot_desktop.engine.settings import read_settings

if TYPE_CHECKING:
    from exitbot_desktop.engine.settings_change import SettingChange
    from exitbot_desktop.engine.store.question_sets import StoredQuestionSet
    from exitbot_desktop.engine.store.vault import Store

SetKind = Literal["built-in", "custom", "legacy"]

# The ids the CSV import stores the questions of old paper forms under (`reports.import_csv`).
LEGACY_SET_IDS = ("legacy-import",)


@dataclass(frozen=True)
class SetEntry:
    """One set as the list shows it."""

    id: str
    kind: SetKind
    version: int  # the version in force (built-in: the shipped file's)
    title: Mapping[str, str]
    questions: int
    interviews: int  # interviews that used any version of this id
    active: bool

    def title_for(self, language: str) -> str:
        return self.title.get(language) or next(iter(self.title.values()), self.id)


@dataclass(frozen=True)
class Saved:
    """What a save, copy or import stored: `changed` is False when the set was already so."""

    id: str
    version: int
    changed: bool


def list_sets(store: Store) -> list[SetEntry]:
    """Built-in sets first (by file name), then custom and legacy ones by id."""
    active = read_settings(store).question_set
    used = store.question_sets.interviews_per_set()
    entries: list[SetEntry] = []
    for path in builtin_question_set_paths():
        qs = load_builtin(path.stem)
        entries.append(_entry(to_json(qs), "built-in", used, active))
    builtin = {e.id for e in entries}
    for stored in store.question_sets.newest():
        if stored.set_id not in builtin:
            kind: SetKind = "legacy" if stored.set_id in LEGACY_SET_IDS else "custom"
            entries.append(_entry(stored.content, kind, used, active))
    return entries


def kind_of(store: Store, set_id: str) -> SetKind | None:
    """Which kind of set `set_id` is, or None when there is none."""
    if set_id in _builtin_ids():
        return "built-in"
    if _newest(store, set_id) is None:
        return None
    return "legacy" if set_id in LEGACY_SET_IDS else "custom"


def set_content(store: Store, set_id: str) -> dict[str, Any]:
    """The set in force under `set_id`, in file form (what the editor edits)."""
    if set_id in _builtin_ids():
        return to_json(load_builtin(set_id))
    stored = _newest(store, set_id)
    if stored is None:
        raise _no_such_set(set_id)
    return dict(stored.content)


def load_set(store: Store, set_id: str) -> QuestionSet:
    """The set interviews use when `set_id` is active: the built-in file, else the newest
    stored version."""
    if set_id in _builtin_ids():
        return load_builtin(set_id)
    stored = _newest(store, set_id)
    if stored is None:
        raise _no_such_set(set_id)
    return parse_question_set(stored.content, f"{set_id}.json")


def save_set(store: Store, content: Mapping[str, Any]) -> Saved:
    """Store `content` as the next version of its (custom) set, if the parser accepts it.

    The version written in `content` is replaced by the next free one, so a version an
    interview used is never overwritten. Content equal to the newest version stores
    nothing. Raises `QuestionSetError` with the loader's messages; nothing is stored then.
    """
    return _store_custom(store, content, "question_set_saved", {})


def copy_set(store: Store, source_id: str, new_id: str) -> Saved:
    """A new custom set `new_id` holding the questions of `source_id` (any kind)."""
    if not ID_PATTERN.fullmatch(new_id):
        raise QuestionSetError(
            f"'{new_id}' cannot be a set id: use 1 to 64 letters, digits, '-' or '_'."
        )
    if kind_of(store, new_id) is not None:
        raise QuestionSetError(
            f"There is already a question set '{new_id}'. Choose another id for the copy."
        )
    content = {**set_content(store, source_id), "id": new_id}
    return _store_custom(store, content, "question_set_copied", {"from": source_id})


def import_set(store: Store, path: Path) -> Saved:
    """Read a question file (checked as the loader checks it) and store it as a custom set.

    A refused file changes nothing: no version, no audit entry.
    """
    qs = load_question_set(path)
    return _store_custom(store, to_json(qs), "question_set_imported", {"file": path.name})


def export_set(store: Store, set_id: str, out: Path) -> Path:
    """Write the set in force under `set_id` as a question file (all or nothing)."""
    content = set_content(store, set_id)
    with atomic_text(out) as handle:
        handle.write(json.dumps(content, ensure_ascii=False, indent=2) + "\n")
    return out


def activate_set(store: Store, set_id: str) -> SettingChange | None:
    """Make `set_id` the set the next interviews use; None when it already was.

    Only a built-in or custom set that loads can be activated, so the station never
    arms with a set it cannot show.
    """
    from exitbot_desktop.engine.settings_change import change_settings

    kind = kind_of(store, set_id)
    if kind is None:
        raise _no_such_set(set_id)
    if kind == "legacy":
        raise QuestionSetError(
            f"'{set_id}' holds the questions of imported interviews and cannot be used for "
            "new ones. Copy it to a new set, check the questions, then activate the copy."
        )
    load_set(store, set_id)  # a set that does not load is refused here, not at the station
    changes = change_settings(store, {"question_set": set_id})
    return changes[0] if changes else None


# ----------------------------------------------------------------------------- helpers
def _store_custom(
    store: Store, content: Mapping[str, Any], action: str, detail: Mapping[str, object]
) -> Saved:
    set_id = content.get("id")
    if isinstance(set_id, str) and set_id in (*_builtin_ids(), *LEGACY_SET_IDS):
        raise QuestionSetError(
            f"'{set_id}' is a {'built-in' if set_id in _builtin_ids() else 'legacy'} set and "
            "cannot be changed. Copy it to a new set and edit the copy."
        )
    newest = _newest(store, set_id) if isinstance(set_id, str) else None
    candidate = {**content, "version": newest.version + 1 if newest else 1}
    qs = parse_question_set(candidate, f"{set_id}.json" if isinstance(set_id, str) else "")
    document = to_json(qs)
    if newest is not None and {**newest.content, "version": 0} == {**document, "version": 0}:
        return Saved(qs.id, newest.version, changed=False)
    with store.transaction():
        stored = store.question_sets.add_next_version(document)
        store.audit.record(action, {"id": stored.set_id, "version": stored.version, **detail})
    return Saved(stored.set_id, stored.version, changed=True)


def _entry(
    content: Mapping[str, Any], kind: SetKind, used: Mapping[str, int], active: str
) -> SetEntry:
    set_id = str(content["id"])
    return SetEntry(
        id=set_id,
        kind=kind,
        version=int(content["version"]),
        title=dict(content.get("title") or {}),
        questions=len(content.get("questions") or ()),
        interviews=used.get(set_id, 0),
        active=set_id == active,
    )


def _builtin_ids() -> tuple[str, ...]:
    return tuple(p.stem for p in builtin_question_set_paths())


def _newest(store: Store, set_id: str) -> StoredQuestionSet | None:
    return store.question_sets.newest_of(set_id)


def _no_such_set(set_id: str) -> QuestionSetError:
    return QuestionSetError(
        f"There is no question set '{set_id}'. `exitbot-desktop questions list` (or the "
        "Questions page) shows the sets there are."
    )

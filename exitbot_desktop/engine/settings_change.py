"""Changing HR settings: every value checked first, then all stored and audited together.

Owns `change_settings`, the one workflow the settings page and `exitbot-desktop settings
KEY VALUE` share. Nothing is stored unless every value passes its limits, so a page with
one bad field changes nothing; each change is audited with its old and new value, so an
auditor can see what a setting was before. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from exitbot_desktop.engine.settings import SettingError, check_value, describe, spec

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


class SettingsRefusedError(SettingError):
    """Values outside their limits; `problems` holds one sentence per setting."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = dict(problems)


@dataclass(frozen=True)
class SettingChange:
    key: str
    old: object  # as stored (None: the default)
    new: object


def change_settings(store: Store, values: Mapping[str, object]) -> tuple[SettingChange, ...]:
    """Store `values` (None: back to the default) if every one is accepted, else raise
    `SettingsRefusedError` and store nothing. Returns the changes made (equal values are none).

    A `Path` is a file to read for a setting that takes one (the logo), as the CLI's
    `settings report_logo FILE` gives it."""
    checked: dict[str, object] = {}
    problems: dict[str, str] = {}
    for key, value in values.items():
        try:
            reads_file = spec(key).from_text
            if isinstance(value, Path) and reads_file is not None:
                value = reads_file(str(value))
            checked[key] = check_value(key, value)
        except SettingError as refused:
            problems[key] = refused.user_message
    if problems:
        raise SettingsRefusedError(problems)
    in_database = {k: v for k, v in checked.items() if not spec(k).in_key_file}
    changes = [SettingChange(*made) for made in store.settings.change(in_database, describe)]
    if "organisation" in checked:
        changes += _rename(store, checked["organisation"])
    return tuple(changes)


def _rename(store: Store, value: object) -> list[SettingChange]:
    """The organisation's name is in the key file (see `SettingSpec.in_key_file`)."""
    old, new = store.key_file.organisation, str(value or "").strip()
    if old == new:
        return []
    store.key_file.organisation = new
    store.key_file.save()
    store.audit.record("settings_changed", {"key": "organisation", "old": old, "new": new})
    return [SettingChange("organisation", old or None, new or None)]

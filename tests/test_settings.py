"""The HR settings: one table of defaults, limits and meanings, forgiving when read and
strict when set, the same for the CLI, the station and the reports."""

from __future__ import annotations

import dataclasses

import pytest

from exitbot_desktop.engine.settings import (
    DEFAULTS,
    SETTINGS,
    CareContact,
    SettingError,
    check_value,
    parse_value,
    read_settings,
    settings_from,
)
from exitbot_desktop.engine.store.vault import Store


def test_every_setting_has_a_meaning_limits_and_the_default_the_app_uses() -> None:
    assert [s.key for s in SETTINGS] == [f.name for f in dataclasses.fields(DEFAULTS)]
    for spec in SETTINGS:
        assert spec.meaning and spec.limits, spec.key
    assert (DEFAULTS.retention_months, DEFAULTS.min_group_size) == (24, 5)
    assert settings_from({}) == DEFAULTS


def test_stored_values_are_typed_clamped_and_unreadable_ones_fall_back() -> None:
    read = settings_from(
        {
            "retention_months": 1200,  # clamped to the limit
            "followups_per_question": -4,
            "idle_disarm_minutes": "soon",  # unreadable: the default
            "anonymity": "choose",
            "required_metadata": ["department", "shoe_size"],  # unknown fields dropped
            "care_contacts": [{"name": "EAP", "phone": "0800 1"}, "HR office, room 4", 7],
            "ollama_host": "   ",
        }
    )
    assert read.retention_months == 600
    assert read.followups_per_question == 0
    assert read.idle_disarm_minutes == DEFAULTS.idle_disarm_minutes
    assert read.anonymity == "choose"
    assert read.required_metadata == ("department",)
    assert read.care_contacts == (
        CareContact("EAP", "0800 1"),
        CareContact("", "HR office, room 4"),
    )
    assert read.ollama_host is None


@pytest.mark.parametrize(
    ("key", "typed", "stored"),
    [
        ("retention_months", "36", 36),
        ("anonymity", "named", "named"),
        ("required_metadata", '["department", "role"]', ["department", "role"]),
        ("care_contacts", '{"EAP": "0800 123"}', {"EAP": "0800 123"}),
        ("ollama_model", "llama3.2", "llama3.2"),
        ("idle_disarm_minutes", "2.5", 2.5),
    ],
)
def test_typed_values_are_parsed_as_json_or_text(key: str, typed: str, stored: object) -> None:
    assert parse_value(key, typed) == stored


@pytest.mark.parametrize(
    ("key", "value", "limits"),
    [
        ("retention_months", 0, "1 to 600"),
        ("retention_months", 12.5, "1 to 600"),
        ("followups_per_question", 7, "0 to 3"),
        ("anonymity", "secret", '"named" or "choose"'),
        ("required_metadata", ["shoe_size"], "department"),
        ("llm_backend", "gpt", '"rules"'),
        ("min_group_size", True, "1 to 1000"),
        ("care_contacts", 12, "Employee assistance"),
    ],
)
def test_a_value_out_of_limits_is_refused_with_the_limits(
    key: str, value: object, limits: str
) -> None:
    with pytest.raises(SettingError) as caught:
        check_value(key, value)
    message = caught.value.user_message
    assert key in message and limits in message and "Nothing was changed" in message


def test_an_unknown_setting_names_the_known_ones() -> None:
    with pytest.raises(SettingError, match="care_contacts"):
        parse_value("care_contact", "x")


def test_the_store_hands_back_what_was_set(store: Store) -> None:
    store.settings.set("thank_you_seconds", check_value("thank_you_seconds", 30))
    store.settings.set("question_set", "default")

    assert read_settings(store).thank_you_seconds == 30
    store.settings.set("thank_you_seconds", None)
    assert read_settings(store).thank_you_seconds == DEFAULTS.thank_you_seconds
    changed = [e.detail["key"] for e in store.audit.entries() if e.action == "settings_changed"]
    assert changed == ["thank_you_seconds", "question_set", "thank_you_seconds"]

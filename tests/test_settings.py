"""The HR settings: one table of defaults, limits and meanings, forgiving when read and
strict when set, the same for the CLI, the station and the reports."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from bench.synthetic import populate
from exitbot_desktop.engine.llm.trial import sends_answers_away
from exitbot_desktop.engine.retention import count_expired, purge_expired
from exitbot_desktop.engine.settings import (
    DEFAULTS,
    MAX_LOGO_BYTES,
    SETTINGS,
    CareContact,
    ReportLogo,
    SettingError,
    check_value,
    logo_value,
    parse_value,
    read_logo,
    read_settings,
    settings_from,
)
from exitbot_desktop.engine.settings_change import SettingsRefusedError, change_settings
from exitbot_desktop.engine.store.keys import KeyFile
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


@pytest.mark.every_store
def test_the_store_hands_back_what_was_set(store: Store) -> None:
    store.settings.set("thank_you_seconds", check_value("thank_you_seconds", 30))
    store.settings.set("question_set", "default")

    assert read_settings(store).thank_you_seconds == 30
    store.settings.set("thank_you_seconds", None)
    assert read_settings(store).thank_you_seconds == DEFAULTS.thank_you_seconds
    changed = [e.detail["key"] for e in store.audit.entries() if e.action == "settings_changed"]
    assert changed == ["thank_you_seconds", "question_set", "thank_you_seconds"]


def _png(path: Path, size: tuple[int, int] = (60, 20)) -> Path:
    Image.new("RGB", size, "navy").save(path)
    return path


@pytest.mark.every_store
def test_changes_are_saved_together_and_audited_with_old_and_new_values(
    store: Store, tmp_path: Path
) -> None:
    made = change_settings(
        store,
        {
            "retention_months": 36,
            "min_group_size": None,  # already the default: no change
            "organisation": "Acme Europe",
            "report_logo": _png(tmp_path / "logo.png"),
        },
    )
    assert [c.key for c in made] == ["retention_months", "report_logo", "organisation"]
    settings = read_settings(store)
    assert (settings.retention_months, settings.organisation) == (36, "Acme Europe")
    assert settings.report_logo is not None and settings.report_logo.media_type == "image/png"
    assert KeyFile.load(store.folder.key_path).organisation == "Acme Europe"
    change_settings(store, {"retention_months": 12})

    audited = [e.detail for e in reversed(store.audit.entries()) if e.action == "settings_changed"]
    assert audited[0] == {"key": "retention_months", "old": None, "new": 36}
    assert audited[1]["key"] == "report_logo" and audited[1]["old"] is None
    assert str(audited[1]["new"]).startswith("PNG image, 1 KB, sha256 ")  # never the bytes
    assert audited[2] == {"key": "organisation", "old": "Acme GmbH", "new": "Acme Europe"}
    assert audited[3] == {"key": "retention_months", "old": 36, "new": 12}


@pytest.mark.every_store
def test_one_refused_value_saves_nothing_and_each_problem_has_its_sentence(
    store: Store, tmp_path: Path
) -> None:
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("hello")
    with pytest.raises(SettingsRefusedError) as refused:
        change_settings(
            store,
            {
                "followups_per_question": 2,
                "retention_months": "forever",
                "report_logo": not_an_image,
                "organisation": "x" * 121,
            },
        )
    problems = refused.value.problems
    assert set(problems) == {"retention_months", "report_logo", "organisation"}
    assert "1 to 600" in problems["retention_months"]
    assert "not a PNG or JPEG image" in problems["report_logo"]
    assert "1 to 120 characters" in problems["organisation"]
    assert read_settings(store) == dataclasses.replace(DEFAULTS, organisation="Acme GmbH")
    assert not [e for e in store.audit.entries() if e.action == "settings_changed"]


def test_a_logo_is_a_small_png_or_jpeg(tmp_path: Path) -> None:
    stored = logo_value(_png(tmp_path / "logo.png"))
    assert read_logo(stored, True) == ReportLogo("image/png", (tmp_path / "logo.png").read_bytes())
    Image.new("RGB", (30, 30), "red").save(tmp_path / "logo.jpg")
    assert logo_value(tmp_path / "logo.jpg")["media_type"] == "image/jpeg"
    (tmp_path / "big.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(MAX_LOGO_BYTES))
    with pytest.raises(SettingError, match="at most 512 KB"):
        logo_value(tmp_path / "big.png")
    with pytest.raises(SettingError, match="cannot read"):
        logo_value(tmp_path / "missing.png")
    assert settings_from({"report_logo": {"base64": "!!"}}).report_logo is None


def test_the_purge_preview_counts_what_the_purge_would_erase(store: Store) -> None:
    populate(store, 12, start=datetime.now() - timedelta(days=40 * 31), months=4)
    populate(store, 5, seed=8, start=datetime.now() - timedelta(days=60), months=1)
    assert count_expired(store, 24) == 12
    assert count_expired(store, 600) == 0
    assert count_expired(store, 24) == 12  # counting changed nothing
    assert purge_expired(store, 24).erased == 12


@pytest.mark.parametrize(
    ("setting", "host", "away"),
    [
        ("auto", None, None),
        ("ollama", "127.0.0.1:11434", None),
        ("ollama", "http://localhost:11434", None),
        ("ollama", "[::1]:11434", None),
        ("ollama", "ollama.example.org:11434", "ollama.example.org"),
        ("auto", "http://10.1.2.3:11434", "10.1.2.3"),
        ("rules", "10.1.2.3:11434", None),  # the rules never send anything
    ],
)
def test_an_ollama_on_another_computer_is_named(
    setting: str, host: str | None, away: str | None
) -> None:
    assert sends_answers_away(setting, host) == away


def test_a_value_nested_a_hundred_thousand_levels_deep_is_refused_with_a_sentence() -> None:
    with pytest.raises(SettingError, match="Nothing was changed"):
        parse_value("care_contacts", "[" * 100_000 + "]" * 100_000)

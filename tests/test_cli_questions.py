"""`exitbot-desktop questions list|export|import|activate`, run as real processes on a
real encrypted database: IT exports the built-in set, edits the file, imports it as a
custom set and activates it; a refused file changes nothing at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import PASSWORD, _run

ENV = {"EXITBOT_HR_PASSWORD": PASSWORD}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder after `init`, with account alice."""
    folder = tmp_path / "exitbot-data"
    result = _run(folder, "init", "--user", "alice", env=ENV)
    assert result.returncode == 0, result.stderr
    return folder


def _questions(data: Path, *args: str) -> tuple[int, str, str]:
    result = _run(data, "questions", *args, env=ENV)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def _state(data: Path) -> tuple[str, list[str]]:
    """What a refused import must leave as it was: the sets listed and the audit log
    (less the logins each command records)."""
    listed = _questions(data, "list")[1]
    audit = _run(data, "audit", env=ENV).stdout.splitlines()
    return listed, [line for line in audit if " login " not in f" {line} "]


def test_export_edit_import_and_activate_a_set(data: Path, tmp_path: Path) -> None:
    code, listed, _ = _questions(data, "list")
    assert code == 0
    assert "* default" in listed and "built-in" in listed and "16 questions" in listed

    out = tmp_path / "acme.json"
    assert _questions(data, "export", "default", "--out", str(out))[0] == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["id"], doc["questions"] = "acme", doc["questions"][:2]
    doc["title"]["en"] = "Acme exit interview"
    out.write_text(json.dumps(doc), encoding="utf-8")

    code, said, _ = _questions(data, "import", str(out))
    assert (code, said.strip()) == (0, "Imported question set 'acme' as version 1.")
    code, said, _ = _questions(data, "activate", "acme")
    assert code == 0 and "'acme' is now active" in said

    listed = _questions(data, "list")[1]
    assert "* acme" in listed and "custom" in listed and "Acme exit interview" in listed
    audit = _run(data, "audit", env=ENV).stdout
    assert "question_set_imported" in audit and "settings_changed" in audit


def test_a_refused_import_changes_nothing(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "default.json"
    _questions(data, "export", "default", "--out", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["id"] = "acme"
    doc["questions"][3]["type"] = "esay"
    bad = tmp_path / "acme.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    before = _state(data)

    code, said, why = _questions(data, "import", str(bad))

    assert code == 1 and said == ""
    assert why.startswith("acme.json: questions[3].type: ")
    assert _state(data) == before


def test_unknown_and_legacy_ids_and_wrong_arguments_are_refused(data: Path, tmp_path: Path) -> None:
    code, _, why = _questions(data, "activate", "nope")
    assert code == 1 and "There is no question set 'nope'" in why
    code, _, why = _questions(data, "export", "default")
    assert code == 2 and "--out FILE" in why
    code, _, why = _questions(data, "list", "default")
    assert code == 2 and "takes nothing more" in why
    code, _, why = _questions(data, "export", "default", "--out", str(tmp_path / "no" / "x.json"))
    assert code == 1 and "does not exist" in why

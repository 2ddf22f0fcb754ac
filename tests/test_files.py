"""Files ExitBot writes: whole or not at all, and secrets for this user only, never over
another file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from exitbot_desktop.engine.errors import ExitBotError
from exitbot_desktop.engine.files import check_new_private_file, write_private_text


def test_a_private_file_is_readable_by_this_user_only(tmp_path: Path) -> None:
    target = tmp_path / "recovery.txt"

    write_private_text(target, "ABCDE-FGHJK\n")

    assert target.read_text(encoding="utf-8") == "ABCDE-FGHJK\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["recovery.txt"]  # no temporary left


def test_a_private_file_never_replaces_another(tmp_path: Path) -> None:
    target = tmp_path / "recovery.txt"
    target.write_text("the key of another database")

    with pytest.raises(ExitBotError, match="already exists"):
        check_new_private_file(target)
    with pytest.raises(ExitBotError, match="already exists"):
        write_private_text(target, "new key")

    assert target.read_text() == "the key of another database"
    assert [p.name for p in tmp_path.iterdir()] == ["recovery.txt"]


def test_a_missing_folder_is_said_before_anything_depends_on_it(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "recovery.txt"

    with pytest.raises(ExitBotError, match="does not exist; create it"):
        check_new_private_file(target)

    check_new_private_file(tmp_path / "fine.txt")
    assert list(tmp_path.iterdir()) == []  # the check leaves nothing behind

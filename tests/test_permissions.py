"""Only the user running ExitBot can read its files, whatever the umask says.

Each test sets the permissive umask most Linux desktops use (0022, or 0002 for a user's
own group) before ExitBot creates anything, and reads the modes back from the disk.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bench.synthetic import populate
from exitbot_desktop.engine.backups import back_up
from exitbot_desktop.engine.errors import StoreError
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF
from exitbot_desktop.ui.app import _log_to
from tests.conftest import PASSWORD, export_every_format

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


@pytest.fixture(params=[0o022, 0o002, 0o000])
def loose_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): _mode(p) for p in [root, *root.rglob("*")]}


def test_a_new_data_folder_and_every_file_in_it_are_private(
    loose_umask: int, tmp_path: Path
) -> None:
    folder = DataFolder(tmp_path / "new" / "data")
    store, _ = vault.create(
        folder, organisation="Acme", user="alice", password=PASSWORD, kdf=FAST_KDF
    )
    try:
        populate(store, 3, start=datetime.now() - timedelta(days=3), months=1)
        created = {p.name for p in folder.root.iterdir()}
        assert {"exitbot.db", "exitbot.keys.json", "exitbot.lock"} <= created
        modes = _modes(folder.root)
    finally:
        store.close()
    assert modes.pop(".") == 0o700
    assert modes and all(mode == 0o600 for mode in modes.values()), modes


def test_files_left_readable_by_an_older_version_are_tightened_at_unlock(
    created: tuple[vault.Store, str], folder: DataFolder
) -> None:
    created[0].close()
    os.chmod(folder.root, 0o755)
    for path in (folder.db_path, folder.key_path, folder.lock_path):
        os.chmod(path, 0o644)
    with vault.unlock(folder, user="alice", password=PASSWORD):
        pass
    assert _mode(folder.root) == 0o700
    assert {_mode(p) for p in (folder.db_path, folder.key_path, folder.lock_path)} == {0o600}


def test_the_log_file_is_private(loose_umask: int, tmp_path: Path) -> None:
    folder = DataFolder(tmp_path / "data")
    root_logger = logging.getLogger()
    before = list(root_logger.handlers)
    root_logger.handlers.clear()  # so that basicConfig installs the file handler
    try:
        _log_to(folder)
        logging.getLogger("exitbot.test").warning("a line for the log")
    finally:
        for handler in root_logger.handlers:
            handler.close()
        root_logger.handlers[:] = before
    assert "a line for the log" in folder.log_path.read_text(encoding="utf-8")
    assert _mode(folder.log_path) == 0o600
    assert _mode(folder.root) == 0o700


def test_backups_and_exports_are_private(
    loose_umask: int, store: vault.Store, tmp_path: Path
) -> None:
    populate(store, 4, start=datetime.now() - timedelta(days=3), months=1)
    backup = back_up(store, tmp_path / "backups").folder
    exports = tmp_path / "exports"
    exports.mkdir()
    export_every_format(store, exports)
    backup_modes = _modes(backup)
    assert backup_modes.pop(".") == 0o700
    assert set(backup_modes.values()) == {0o600}
    assert {_mode(p) for p in exports.iterdir()} == {0o600}
    assert len(list(exports.iterdir())) == 3


def test_a_folder_that_cannot_be_made_private_is_refused_with_a_sentence(
    tmp_path: Path,
) -> None:
    in_the_way = tmp_path / "share"
    in_the_way.write_text("a file where the data folder's parent should be")
    with pytest.raises(
        StoreError, match=r"Cannot make the data folder .* private .*EXITBOT_DATA_DIR"
    ):
        vault.create(
            DataFolder(in_the_way / "data"),
            organisation="Acme",
            user="alice",
            password=PASSWORD,
            kdf=FAST_KDF,
        )
    assert in_the_way.read_text() == "a file where the data folder's parent should be"

"""Writing files all or nothing (reports, exports, analysed CSVs, keys), failures as sentences.

A file is written to a hidden temporary file beside the target and moved into place
only when complete, so a full disk or a cancelled run never leaves a file that looks
finished but is cut short. Secrets (the recovery key) go through `write_private_text`:
readable by this user only, and never over an existing file. Never imports Qt.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from exitbot_desktop.engine.errors import ExitBotError


@contextlib.contextmanager
def atomic_text(path: Path, *, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text handle (no newline translation, as csv wants) that replaces `path` on success."""
    with _atomic(path) as (handle, temp):
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            yield out
        os.replace(temp, path)


def write_bytes(path: Path, data: bytes) -> None:
    with _atomic(path) as (handle, temp):
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)


def check_new_private_file(path: Path) -> None:
    """Raise the sentence `write_private_text` would, before anything depends on it (the
    CLI checks where the recovery key goes before it creates the database)."""
    if path.exists():
        raise _exists(path)
    with _atomic(path) as (handle, temp):
        os.close(handle)
        temp.unlink()


def write_private_text(path: Path, text: str) -> None:
    """A new file only this user can read (mode 0600), written whole and synced.

    An existing file is never replaced: a recovery key must not overwrite another one.
    """
    with _atomic(path) as (handle, temp):  # mkstemp creates the file with mode 0600
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(temp, path)  # unlike a rename, fails when the name is taken
        except FileExistsError:
            raise _exists(path) from None
        finally:
            temp.unlink(missing_ok=True)


def _exists(path: Path) -> ExitBotError:
    return ExitBotError(
        f"{path} already exists, and ExitBot never writes a key over another file. Choose a "
        "new file name."
    )


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[tuple[int, Path]]:
    folder = path.parent
    if not folder.is_dir():
        raise ExitBotError(
            f"The folder {folder} does not exist; create it or choose another place."
        )
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    temp = Path(temp_name)
    try:
        yield handle, temp
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _cannot_write(path: Path, exc: OSError) -> ExitBotError:
    return ExitBotError(
        f"Cannot write {path} ({exc.strerror or exc}). Check there is free space and that "
        "you may write to that folder, or choose another place. Nothing was saved."
    )

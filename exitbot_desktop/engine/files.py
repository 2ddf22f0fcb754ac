"""Writing files all or nothing (reports, exports, analysed CSVs), failures as sentences.

A report or export is written to a hidden temporary file beside the target and moved
into place only when complete, so a full disk or a cancelled run never leaves a file
that looks finished but is cut short. Never imports Qt.
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

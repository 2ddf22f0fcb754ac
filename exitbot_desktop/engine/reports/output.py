"""Writing report files: all or nothing, with failures told as sentences.

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
from typing import IO

from exitbot_desktop.engine.errors import ExitBotError


@contextlib.contextmanager
def atomic_file(
    path: Path, *, text: bool, encoding: str = "utf-8"
) -> Iterator[IO[str] | IO[bytes]]:
    """A writable handle whose content replaces `path` only if the block succeeds."""
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
        mode = "w" if text else "wb"
        with os.fdopen(
            handle, mode, encoding=encoding if text else None, newline="" if text else None
        ) as out:
            yield out
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise _cannot_write(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    with atomic_file(path, text=False) as out:
        out.write(data)  # type: ignore[arg-type]


def _cannot_write(path: Path, exc: OSError) -> ExitBotError:
    return ExitBotError(
        f"Cannot write {path} ({exc.strerror or exc}). Check there is free space and that "
        "you may write to that folder, or choose another place. Nothing was saved."
    )

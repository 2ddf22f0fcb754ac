"""A backup's manifest: what a backup folder holds, and proof that it is still whole.

Owns `Manifest`, `write_manifest`, `read_manifest` and `checksum`. The manifest is a
small JSON file beside the copied database and key file: the app and schema versions,
when it was made, and each file's size and SHA-256. Restoring reads it first and
refuses a folder whose files are missing, cut short or changed, before anything else is
touched. It names files and numbers only, never interview content. Never imports Qt.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from exitbot_desktop.engine.errors import StoreError

MANIFEST_FILE = "manifest.json"
FORMAT = 1
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class FileEntry:
    name: str
    bytes: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_version: int
    created_at: datetime  # UTC
    files: tuple[FileEntry, ...]

    @property
    def total_bytes(self) -> int:
        return sum(entry.bytes for entry in self.files)


def checksum(path: Path) -> str:
    """SHA-256 of a file, read in chunks (a database can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def describe_files(folder: Path, names: tuple[str, ...]) -> tuple[FileEntry, ...]:
    return tuple(
        FileEntry(name, (folder / name).stat().st_size, checksum(folder / name)) for name in names
    )


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """`manifest.json` in `folder`, readable by this user only, synced."""
    document = {
        "format": FORMAT,
        "app": "ExitBot",
        "app_version": manifest.app_version,
        "schema_version": manifest.schema_version,
        "created_at": manifest.created_at.isoformat(),
        "files": {e.name: {"bytes": e.bytes, "sha256": e.sha256} for e in manifest.files},
    }
    path = folder / MANIFEST_FILE
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())


def read_manifest(folder: Path) -> Manifest:
    """The manifest of the backup in `folder`, or a `StoreError` saying why it is unusable."""
    path = folder / MANIFEST_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        files = tuple(
            FileEntry(str(name), int(entry["bytes"]), str(entry["sha256"]))
            for name, entry in document["files"].items()
        )
        manifest = Manifest(
            app_version=str(document["app_version"]),
            schema_version=int(document["schema_version"]),
            created_at=datetime.fromisoformat(document["created_at"]),
            files=files,
        )
    except FileNotFoundError:
        raise StoreError(
            f"{folder} is not an ExitBot backup: it has no {MANIFEST_FILE}. Choose the dated "
            "folder a backup made (exitbot-backup-…). Nothing was changed."
        ) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise StoreError(
            f"The manifest of the backup in {folder} cannot be read ({exc}). Use another "
            "backup. Nothing was changed."
        ) from None
    if any(Path(entry.name).name != entry.name for entry in files):
        raise StoreError(
            f"The manifest of the backup in {folder} names files outside it. Use another "
            "backup. Nothing was changed."
        )
    return manifest


def verify_files(folder: Path, manifest: Manifest) -> None:
    """Every file the manifest lists is there with its size and checksum, else a sentence."""
    for entry in manifest.files:
        path = folder / entry.name
        if not path.is_file():
            problem = "is missing"
        elif path.stat().st_size != entry.bytes:
            problem = "has the wrong size"
        elif checksum(path) != entry.sha256:
            problem = "does not match its checksum"
        else:
            continue
        raise StoreError(
            f"The backup in {folder} is damaged or was changed: {entry.name} {problem}. "
            "Use another backup. Nothing was changed."
        )

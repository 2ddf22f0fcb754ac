"""The key file: the database's data key, wrapped once per HR account and once for recovery.

The data key is 32 random bytes given to SQLCipher as a raw key, so opening the
database costs no KDF. It is never written anywhere in the clear: each wrap is
AES-256-GCM under a key derived with Argon2id from a password (or the printed recovery
key). The wrap's associated data binds it to this key file's id and the account name,
so a wrap copied between accounts or files does not open. A SHA-256 checksum over the
content tells accidental damage ("corrupt key file") apart from a wrong password.

Anyone can recompute that checksum, so the file is also checked against deliberate
edits where it can be: the Argon2 costs must lie within `KDF_BOUNDS` (a cost of zero
or four billion would crash or hang the unlock), and each wrap carries a password check
(an HMAC of its associated data under the derived key). When the check says the
password is right but the wrap does not open, the wrap was changed: that is reported as
a damaged key file, not as a wrong password. An edited salt or cost still looks like a
wrong password, since nothing can be verified without the key it would derive.
Argon2 and AES load when a key is first derived: reading the account names, which the
GUI's unlock page does before its window first paints, needs neither. Never imports Qt.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import hmac
import json
import os
import secrets
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exitbot_desktop.engine.audit import AuditHead
from exitbot_desktop.engine.errors import (
    DiskFullError,
    KeyFileCorruptError,
    KeyFileMissingError,
    UnknownAccountError,
    WrongPasswordError,
    not_writable,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT_VERSION = 1
DATA_KEY_BYTES = 32
RECOVERY_ACCOUNT = "__recovery__"
_RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper
_RECOVERY_GROUPS = 8
_RECOVERY_GROUP_LEN = 5


# Accepted Argon2id costs (inclusive): from the tests' fast setting to far beyond what
# an HR PC can afford (1 GiB), so a key file can neither crash nor stall the unlock.
KDF_BOUNDS = {"memory_kib": (1024, 1024 * 1024), "time_cost": (1, 20), "parallelism": (1, 16)}


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; stored with each wrap so unwrapping never guesses."""

    memory_kib: int
    time_cost: int
    parallelism: int

    def __post_init__(self) -> None:
        for name, (low, high) in KDF_BOUNDS.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise ValueError(
                    f"the Argon2 setting {name} is {value}, outside the accepted {low} to {high}"
                )

    def to_json(self) -> dict[str, int]:
        return {
            "memory_kib": self.memory_kib,
            "time_cost": self.time_cost,
            "parallelism": self.parallelism,
        }


# RFC 9106's second recommended option: 64 MiB, t=3, p=4.
PRODUCTION_KDF = KdfParams(memory_kib=64 * 1024, time_cost=3, parallelism=4)
# Only for tests and benchmarks: keeps the suite fast (KeePassXC does the same).
FAST_KDF = KdfParams(memory_kib=1024, time_cost=1, parallelism=1)


@dataclass(frozen=True)
class _Wrap:
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    kdf: KdfParams
    check: bytes | None  # None in wraps written before the password check existed


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _derive(secret: str, salt: bytes, kdf: KdfParams) -> bytes:
    from argon2.low_level import Type, hash_secret_raw  # see the module docstring

    return hash_secret_raw(
        secret.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _password_check(kek: bytes, aad: bytes) -> bytes:
    return hmac.new(kek, b"exitbot-password-check:" + aad, hashlib.sha256).digest()[:16]


def _cipher(kek: bytes) -> AESGCM:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # see the module docstring

    return AESGCM(kek)


def new_data_key() -> bytes:
    """A fresh random SQLCipher key."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def new_recovery_key() -> str:
    """A recovery key people can copy from paper: 8 groups of 5 unambiguous characters."""
    chars = [
        secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_GROUPS * _RECOVERY_GROUP_LEN)
    ]
    groups = [
        "".join(chars[i : i + _RECOVERY_GROUP_LEN])
        for i in range(0, len(chars), _RECOVERY_GROUP_LEN)
    ]
    return "-".join(groups)


def normalise_recovery_key(text: str) -> str:
    """Accept the key as typed: any case, spaces or missing dashes."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    return "-".join(
        raw[i : i + _RECOVERY_GROUP_LEN] for i in range(0, len(raw), _RECOVERY_GROUP_LEN)
    )


@dataclass
class KeyFile:
    """The parsed key file. `save` writes it atomically; nothing here holds a plain key.

    `audit_head` is the audit chain's head as of the last audit write (see `engine.audit`):
    kept here, outside the database, so that a database copied back over the current one
    no longer matches it. None for a database whose chain is not sealed yet.
    """

    path: Path
    file_id: str = field(default_factory=lambda: secrets.token_hex(16))
    organisation: str = ""
    wraps: dict[str, _Wrap] = field(default_factory=dict)
    audit_head: AuditHead | None = None
    # At a station of a central server: sends each saved document to the server, whose
    # copy new stations join with, and returns the document the server then holds, with
    # what other stations changed meanwhile merged in (`server_station`).
    mirror: Callable[[str], str] | None = field(default=None, repr=False, compare=False)
    _saving: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def accounts(self) -> list[str]:
        """HR account names, sorted, without the recovery wrap."""
        return sorted(name for name in self.wraps if name != RECOVERY_ACCOUNT)

    def _aad(self, account: str) -> bytes:
        return f"exitbot-key-v{FORMAT_VERSION}:{self.file_id}:{account}".encode()

    def wrap(self, account: str, secret: str, data_key: bytes, kdf: KdfParams) -> None:
        """Store `data_key` wrapped under `secret` for `account` (replacing any old wrap)."""
        salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        kek = _derive(secret, salt, kdf)
        aad = self._aad(account)
        ciphertext = _cipher(kek).encrypt(nonce, data_key, aad)
        self.wraps[account] = _Wrap(salt, nonce, ciphertext, kdf, _password_check(kek, aad))

    def unwrap(self, account: str, secret: str) -> bytes:
        """The data key, or `WrongPasswordError` when `secret` is not this account's."""
        wrap = self.wraps.get(account)
        if wrap is None:
            if account == RECOVERY_ACCOUNT:
                raise KeyFileCorruptError(
                    f"The key file {self.path} has no recovery key entry. "
                    "Restore the key file from a backup."
                )
            known = ", ".join(self.accounts) or "none"
            raise UnknownAccountError(
                f"There is no HR account called '{account}'. Known accounts: {known}."
            )
        from cryptography.exceptions import InvalidTag  # see the module docstring

        kek = _derive(secret, wrap.salt, wrap.kdf)
        aad = self._aad(account)
        right_secret = wrap.check is not None and hmac.compare_digest(
            wrap.check, _password_check(kek, aad)
        )
        try:
            return _cipher(kek).decrypt(wrap.nonce, wrap.ciphertext, aad)
        except InvalidTag:
            if right_secret:
                who = "recovery key" if account == RECOVERY_ACCOUNT else f"account '{account}'"
                raise KeyFileCorruptError(
                    f"The {who} is right, but its entry in the key file {self.path} was "
                    "changed after ExitBot wrote it, so it no longer opens the database. "
                    "Restore the key file from your latest backup; the database itself has "
                    "not been changed."
                ) from None
            if account == RECOVERY_ACCOUNT:
                raise WrongPasswordError(
                    "That recovery key does not open this database. Check it against the "
                    "printed copy: 8 groups of 5 letters and digits (there is no O, I, 0 or 1)."
                ) from None
            raise WrongPasswordError(
                f"The password for '{account}' is not right. Check Caps Lock and try again. "
                "If it is lost, another HR officer can reset it, or use the recovery key."
            ) from None

    def has_wrap_for(self, account: str, secret: str) -> bool:
        """Whether `secret` opens `account`'s wrap (without counting a wrong password)."""
        try:
            self.unwrap(account, secret)
        except WrongPasswordError:
            return False
        return True

    def _content(self) -> dict[str, Any]:
        head = self.audit_head
        audit = {} if head is None else {"audit": {"entries": head.entries, "last": head.last_hash}}
        return {
            **audit,
            "format": FORMAT_VERSION,
            "file_id": self.file_id,
            "organisation": self.organisation,
            "wraps": {
                name: {
                    "salt": _b64(w.salt),
                    "nonce": _b64(w.nonce),
                    "ciphertext": _b64(w.ciphertext),
                    "kdf": w.kdf.to_json(),
                    **({} if w.check is None else {"check": _b64(w.check)}),
                }
                for name, w in sorted(self.wraps.items())
            },
        }

    def save(self) -> None:
        """Write atomically: temp file, fsync, rename, fsync the folder.

        A power cut leaves either the old file or the new one, never half of each. Threads
        (an audit write's head, a password change) save one at a time.
        """
        with self._saving:
            try:
                if self.mirror is not None:  # the server's first: refused, nothing changes
                    merged = self.mirror(self.document())
                    if merged != self.document():
                        self._adopt(KeyFile.parse(self.path, merged))
                self._write()
            except OSError as error:
                if error.errno == errno.ENOSPC:
                    raise DiskFullError(
                        f"The disk holding {self.path.parent} is full, so the key file was not "
                        "changed. Free some space and try again; nothing was lost."
                    ) from error
                raise not_writable(self.path.parent, error.strerror or str(error)) from error

    def document(self) -> str:
        """The file's text: its content and the checksum over it."""
        content = self._content()
        body = json.dumps(content, sort_keys=True, separators=(",", ":"))
        document = {"checksum": hashlib.sha256(body.encode()).hexdigest(), **content}
        return json.dumps(document, indent=2, sort_keys=True)

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".keys-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.document())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        fsync_dir(self.path.parent)

    def merged(self, base: KeyFile, theirs: KeyFile) -> KeyFile:
        """This key file's changes since `base` applied to `theirs`: a three-way merge for
        stations that change the same key file on a server. An account (or the recovery
        key) this one added, changed or removed since `base` is taken from here, every
        other from `theirs`; the audit head is the one further along, since the chain
        only grows."""
        result = KeyFile(path=self.path, file_id=theirs.file_id, organisation=theirs.organisation)
        if self.organisation != base.organisation:
            result.organisation = self.organisation
        for name in sorted({*self.wraps, *base.wraps, *theirs.wraps}):
            source = self if self.wraps.get(name) != base.wraps.get(name) else theirs
            if name in source.wraps:
                result.wraps[name] = source.wraps[name]
        heads = [h for h in (self.audit_head, theirs.audit_head) if h is not None]
        result.audit_head = max(heads, key=lambda head: head.entries, default=None)
        return result

    def _adopt(self, other: KeyFile) -> None:
        self.organisation, self.wraps, self.audit_head = (
            other.organisation,
            dict(other.wraps),
            other.audit_head,
        )

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read, parse and verify; every way it can be wrong becomes a sentence."""
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KeyFileMissingError(
                f"The key file {path} is missing, so the database cannot be opened. "
                "Copy it back from your backup (it is saved with every backup)."
            ) from None
        except (UnicodeDecodeError, OSError) as exc:
            raise _corrupt(path, str(exc)) from None
        return cls.parse(path, raw)

    @classmethod
    def parse(cls, path: Path, raw: str) -> KeyFile:
        """Parse and verify the text of the key file at `path` (named in sentences)."""
        try:
            document = json.loads(raw)
            if not isinstance(document, dict):
                raise ValueError("not a JSON object")
            checksum = document.pop("checksum", None)
            body = json.dumps(document, sort_keys=True, separators=(",", ":"))
            if checksum != hashlib.sha256(body.encode()).hexdigest():
                raise ValueError("checksum does not match")
            if document.get("format") != FORMAT_VERSION:
                raise ValueError(f"unknown format {document.get('format')!r}")
            key_file = cls(
                path=path,
                file_id=str(document["file_id"]),
                organisation=str(document.get("organisation", "")),
            )
            if "audit" in document:
                audit = document["audit"]
                key_file.audit_head = AuditHead(int(audit["entries"]), str(audit["last"]))
            for name, entry in document["wraps"].items():
                kdf = KdfParams(**{k: int(v) for k, v in entry["kdf"].items()})
                check = _unb64(entry["check"]) if "check" in entry else None
                key_file.wraps[str(name)] = _Wrap(
                    _unb64(entry["salt"]),
                    _unb64(entry["nonce"]),
                    _unb64(entry["ciphertext"]),
                    kdf,
                    check,
                )
        except RecursionError:
            raise _corrupt(path, "nested too deeply to be a key file") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise _corrupt(path, str(exc)) from None
        if not key_file.accounts:
            raise _corrupt(path, "no HR accounts")
        return key_file


def _corrupt(path: Path, detail: str) -> KeyFileCorruptError:
    return KeyFileCorruptError(
        f"The key file {path} is damaged ({detail}). Restore it from your latest backup; "
        "the database itself has not been changed."
    )


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (POSIX; Windows needs nothing)."""
    if os.name != "posix":  # Windows cannot open a directory for fsync; rename is durable there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""Known failures, each carrying a sentence a person can act on.

Anything that is not an `ExitBotError` is a bug and is reported as one; the CLI and
the UI show `user_message` for these and never a traceback.
"""

from __future__ import annotations

from pathlib import Path


class ExitBotError(Exception):
    """A failure we expected could happen, with advice for the person who sees it."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class QuestionSetError(ExitBotError):
    """A question file cannot be used; the message names the file and the place."""


class InvalidAnswerError(ExitBotError):
    """An answer does not fit its question (out of range, unknown choice, too long)."""


class InterviewStateError(ExitBotError):
    """An action that the interview's current step does not allow."""


class ReceiptNotFoundError(ExitBotError):
    """No interview carries the receipt code given (erasure or access request)."""


class StoreError(ExitBotError):
    """The database or its key file cannot be used as asked."""


class WrongPasswordError(StoreError):
    """The password (or recovery key) does not unwrap the data key."""


class UnlockThrottledError(StoreError):
    """Too many wrong passwords in a row for an account: it must wait before the next try."""


class WeakPasswordError(StoreError):
    """A new password is too easy to guess; the message says why and what to do."""


class LastAccountError(StoreError):
    """Removing the only HR account would leave nobody able to unlock the database."""


class AuditChainError(StoreError):
    """The audit log does not verify; the message names the position where it breaks."""


class StaleEditError(StoreError):
    """Someone else saved a change to what this edit started from."""


class SealedValueError(StoreError):
    """A sealed column value does not open for its row: changed, moved or foreign."""


class UnknownAccountError(StoreError):
    """No HR account of that name exists in the key file."""


class KeyFileMissingError(StoreError):
    """The database exists but the key file beside it does not."""


class KeyFileCorruptError(StoreError):
    """The key file cannot be parsed or fails its checksum."""


class DatabaseMissingError(StoreError):
    """The key file exists but the database beside it does not."""


class DatabaseCorruptError(StoreError):
    """The database file is damaged, truncated, or not the one the key file belongs to."""


class NewerSchemaError(StoreError):
    """The database was written by a newer ExitBot and must not be touched by this one."""


class DatabaseLockedError(StoreError):
    """Another ExitBot process has this database open."""


class ServerSettingsError(StoreError):
    """The central database server's settings (`server.json`, or a URL given to `init`
    or `join`) cannot be used: refused before any connection is tried."""


class ServerConnectionError(StoreError):
    """The central database server cannot be reached, or refuses this station."""


class DataKeyChangedError(StoreError):
    """Another station changed the organisation's data key since this one was unlocked:
    what it would seal now could not be opened, so the change is refused."""


class FolderNotWritableError(StoreError):
    """The data folder or a file in it refuses writes (read-only disk or permissions)."""


def not_writable(folder: Path, reason: str) -> FolderNotWritableError:
    """The sentence for a data folder that refuses a write ExitBot needs."""
    return FolderNotWritableError(
        f"ExitBot cannot write in its data folder {folder} ({reason}). "
        "It saves every answer there as it is given, so it opens only where it can "
        "write: check that the disk is not read-only and that this user may change "
        "the folder and its files, then try again. Nothing was changed."
    )


class DiskFullError(StoreError):
    """The disk holding the data folder is full; the last change was not saved."""


class AlreadyInitialisedError(StoreError):
    """`init` was run where a database already exists."""


class CancelledError(ExitBotError):
    """The person cancelled long work (an export); nothing was written."""

    def __init__(self) -> None:
        super().__init__("Cancelled. Nothing was written.")

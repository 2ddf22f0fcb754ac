"""Sealing column values for a database server that must never read them.

Owns `ColumnSealer` and `SEALED`, the columns it applies to. On the embedded store
SQLCipher encrypts the whole file and nothing is sealed. On a central PostgreSQL store the
server, its administrators and its dumps would see every value in clear, so the answers'
words, names and notes are sealed on the station before they are sent: AES-256-GCM under
a column key derived from the organisation's data key (HKDF-SHA256 with its own label, so
it is independent of the audit chain's key).

The associated data names the table, the column and the row's primary key: a sealed value
copied into another row or column, or changed in any way, does not open, and the reader
gets a sentence instead of someone else's answer. Values are JSON before sealing, so text
and JSON columns are sealed alike; NULL stays NULL (whether a question was answered is
visible from the answer's status anyway). Never imports Qt.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from exitbot_desktop.engine.errors import SealedValueError

# What a central server holds only sealed, by table. Everything else stays in clear for
# filtering and aggregation in SQL; the README's "Central server" section says why.
SEALED: dict[str, frozenset[str]] = {
    "interviews": frozenset({"employee_name", "manager", "location", "draft_text", "hr_note"}),
    "answers": frozenset({"value", "text", "followup_question"}),
    "analysis": frozenset({"payload"}),  # for the `summary` kind only: the model's prose
}
# The server's settings row naming the data key its values are sealed under (`key_id`):
# every transaction that seals checks it, and a key rotation changes it.
KEY_ID_SETTING = "server_data_key_id"
_PREFIX = "s1:"  # format 1: nonce (12 bytes) || ciphertext || tag (16 bytes), base64
_NONCE_BYTES = 12
_HKDF_INFO = b"exitbot column sealing v1"
_KEY_ID_INFO = b"exitbot data key id v1"


class ColumnSealer:
    """Seals and opens column values under a key derived from the data key."""

    def __init__(self, data_key: bytes) -> None:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        column_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO)
        self._cipher = AESGCM(column_key.derive(data_key))
        # Names the data key without revealing it (HKDF with its own label).
        key_id = HKDF(algorithm=hashes.SHA256(), length=16, salt=None, info=_KEY_ID_INFO)
        self.key_id = key_id.derive(data_key).hex()

    def seal(self, table: str, column: str, row_id: int, value: Any) -> str | None:
        """`value` sealed for this row and column; None stays None."""
        if value is None:
            return None
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._cipher.encrypt(nonce, plain, _associated(table, column, row_id))
        return _PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def unseal(self, table: str, column: str, row_id: int, token: Any) -> Any:
        """The value sealed into `token` for exactly this row and column; None stays None.

        Raises `SealedValueError` when the value was changed, moved from another row or
        column, or sealed under another organisation's key.
        """
        from cryptography.exceptions import InvalidTag

        if token is None:
            return None
        try:
            if not isinstance(token, str) or not token.startswith(_PREFIX):
                raise ValueError("not a sealed value")
            raw = base64.b64decode(token[len(_PREFIX) :], validate=True)
            plain = self._cipher.decrypt(
                raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], _associated(table, column, row_id)
            )
        except (ValueError, InvalidTag) as exc:
            raise SealedValueError(
                f"The stored {column.replace('_', ' ')} of {table} row {row_id} cannot be "
                "opened: it was changed or moved on the server, or sealed under another "
                "organisation's key. Nothing else is affected. Restore that row from the "
                "server's backup, or ask the database administrator what changed it."
            ) from exc
        return json.loads(plain)


def _associated(table: str, column: str, row_id: int) -> bytes:
    return f"exitbot/{table}/{column}/{row_id}".encode()

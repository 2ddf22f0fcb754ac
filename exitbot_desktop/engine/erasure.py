"""Erasing one interview for an erasure request, found by the receipt code the employee
was given. Owns `erase_by_receipt`, which `exitbot-desktop erase --receipt` and an HR page
call alike; the erasure and its audit entry (the code, nothing else) commit together in
`store.interviews.delete`. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from exitbot_desktop.engine.errors import ReceiptNotFoundError

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class Erased:
    receipt_code: str
    interview_id: int

    def summary(self) -> str:
        return (
            f"The interview with receipt {self.receipt_code} was erased with all its answers "
            "and analysis; the audit log keeps only the receipt code."
        )


def erase_by_receipt(store: Store, receipt_code: str) -> Erased:
    """Erase the interview with `receipt_code` (any case, spaces around it ignored)."""
    code = receipt_code.strip().upper()
    found = store.interviews.id_for_receipt(code) if code else None
    if found is None:
        raise ReceiptNotFoundError(
            f"No interview has the receipt code '{code}', so nothing was erased. Check the "
            "code against the employee's receipt (letters and digits after 'EX-'); it may "
            "also have been erased already or purged after the retention period."
        )
    store.interviews.delete(found)
    return Erased(code, found)

"""Erasing one interview for an erasure request, found by the receipt code the employee
was given. Owns `find_for_erasure` (what a confirmation names before anything is erased)
and `erase_by_receipt`, which `exitbot-desktop erase --receipt` and the Accounts page
call alike; the erasure and its audit entry (the code, nothing else) commit together in
`store.interviews.delete`. Never imports Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from exitbot_desktop.engine.errors import ReceiptNotFoundError

if TYPE_CHECKING:
    from exitbot_desktop.engine.store.vault import Store


@dataclass(frozen=True)
class ErasureCandidate:
    """The interview a receipt code names, as a confirmation shows it."""

    receipt_code: str
    interview_id: int
    started: datetime  # naive UTC, as stored
    completed: datetime | None
    department: str | None
    role: str | None
    answers: int  # main answers and follow-ups


@dataclass(frozen=True)
class Erased:
    receipt_code: str
    interview_id: int

    def summary(self) -> str:
        return (
            f"The interview with receipt {self.receipt_code} was erased with all its answers "
            "and analysis; the audit log keeps only the receipt code."
        )


def find_for_erasure(store: Store, receipt_code: str) -> ErasureCandidate:
    """The interview with `receipt_code` (any case, spaces around it ignored); nothing is
    changed. `ReceiptNotFoundError` with what to check when there is none."""
    code = receipt_code.strip().upper()
    found = store.interviews.find_by_receipt(code) if code else None
    if found is None:
        raise ReceiptNotFoundError(
            f"No interview has the receipt code '{code}', so nothing was erased. Check the "
            "code against the employee's receipt (letters and digits after 'EX-'); it may "
            "also have been erased already or purged after the retention period."
        )
    return ErasureCandidate(
        receipt_code=code,
        interview_id=found.id,
        started=found.created_at,
        completed=found.completed_at,
        department=found.meta.department,
        role=found.meta.role,
        answers=len(found.answers),
    )


def erase_by_receipt(store: Store, receipt_code: str) -> Erased:
    """Erase the interview with `receipt_code` (any case, spaces around it ignored)."""
    candidate = find_for_erasure(store, receipt_code)
    store.interviews.delete(candidate.interview_id)
    return Erased(candidate.receipt_code, candidate.interview_id)

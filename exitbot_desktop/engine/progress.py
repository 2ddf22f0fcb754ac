"""How long work tells its caller how far it got: one callback type for every workflow.

Owns `Progress`. Imports, exports and reports call it with (done, total, what) as they
go; the CLI prints it on stderr, the GUI shows it in a progress dialog. Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable

# (steps done, steps in all, what is being done now: "Exporting interviews")
Progress = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _what: str) -> None:
    """For callers that do not show progress."""

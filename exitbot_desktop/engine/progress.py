"""How long work tells its caller how far it got: one callback type for every workflow.

Owns `Progress` and `cancellable`. Imports, exports and reports call it
with (done, total, what) as they go; the CLI prints it on stderr, the GUI shows it in a
progress bar. The GUI's Cancel is a progress callback that raises `CancelledError`: the work
stops at its next step, and since files are written all or nothing (`engine.files`)
and audited only once written, a cancelled export leaves no file and no audit entry.
Never imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from exitbot_desktop.engine.errors import CancelledError

# (steps done, steps in all, what is being done now: "Exporting interviews")
Progress = Callable[[int, int, str], None]


def no_progress(_done: int, _total: int, _what: str) -> None:
    """For callers that do not show progress."""


def cancellable(progress: Progress, cancelled: Callable[[], bool]) -> Progress:
    """`progress` that raises `CancelledError` at the next step once `cancelled()` is true."""

    def report(done: int, total: int, what: str) -> None:
        if cancelled():
            raise CancelledError()
        progress(done, total, what)

    return report

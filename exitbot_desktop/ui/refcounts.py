"""Keeping None, True and False alive under PySide6 builds that under-count references to them.

Owns `protect_singletons`. PySide6 6.12.0 (the abi3 wheel) hands back None, True and
False from wrapped calls (`QLabel.setText`, `Signal.emit`, a Python `QRunnable.run`, a
timer slot, ...) without taking a reference for them. On CPython 3.12 and later these
objects are immortal and nothing happens. On CPython 3.10 and 3.11 each such call drops
one reference, and after a few thousand calls (one streamed follow-up updates a label
per token) the interpreter aborts with "deallocating None". The three objects are
statically allocated and never freed, so giving each a very large reference count (what
CPython 3.12 does for them) is safe. Called once when the GUI starts.
"""

from __future__ import annotations

import ctypes
import sys

# 2**40 dropped references would take years of calls at millions per second.
_RESERVE = 1 << 40


def protect_singletons() -> None:
    """Make None, True and False effectively immortal on CPython before 3.12."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    if hasattr(sys, "gettotalrefcount"):
        return  # a debug build lays objects out differently; it is never shipped
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE

"""Background operations: slow engine calls run off the GUI thread, results come back on it.

Owns `Op`, `OpContext`, `Lane` and `drain`. Modelled on Anki's `QueryOp`: the function
runs on a worker thread and must never touch a widget; its result, its exception
and anything it reports along the way (streamed tokens) arrive on the GUI thread as
queued signals, where the callbacks run. Each `Lane` is its own `QThreadPool` with a
fixed number of threads, which caps concurrency where it matters: the store lane has
one, so writes happen in the order they were asked for, and the model lane has one,
because a local model generates one reply at a time.

A cancelled op never calls back (whatever it finished with is dropped), and one still
queued never runs. An op bound to an `owner` widget stays silent once that widget is
gone. A failure with no `failure` callback is re-raised on the GUI thread, where the
app's exception hook reports it: a forgotten handler is a bug, not a silent no-op.

Each op reports through a small `_Relay` object that is a child of its lane's pool while
the op runs: when the app quits, PySide destroys the objects Python owns and then each
pool waits for the ops it still runs, and those ops must still have their relay to
report to (nobody listens any more, but a deleted one makes PySide print "Signal
source has been deleted"). Once the op is over, the relay is Python's again and goes.

An op off the store lane that uses the store anyway (the analysis after submit) says so
with `uses_store=True`; closing the store waits for those (`wait_for_store_users`), so
no worker is still reading or writing when the key leaves memory.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")


class Lane(enum.Enum):
    """Which pool an op runs on, and how many of that kind may run at once."""

    STORE = ("store", 1)  # opening, using and closing the encrypted store: in order
    MODEL = ("model", 1)  # follow-up generation and model loading: one at a time
    WORK = ("work", 2)  # key derivation, files, backend probing: independent of each other

    def __init__(self, label: str, max_threads: int) -> None:
        self.label = label
        self.max_threads = max_threads


class _Counter:
    """How many ops of a kind are queued or running; any thread may wait for none."""

    def __init__(self) -> None:
        self._count = 0
        self._zero = threading.Condition()

    def enter(self) -> None:
        with self._zero:
            self._count += 1

    def leave(self) -> None:
        with self._zero:
            self._count -= 1
            self._zero.notify_all()

    def wait_for_none(self, timeout_s: float) -> bool:
        with self._zero:
            return self._zero.wait_for(lambda: self._count == 0, timeout_s)


_pools: dict[Lane, QThreadPool] = {}
_running: set[_Relay] = set()
_store_users = _Counter()


def _pool(lane: Lane) -> QThreadPool:
    """The lane's pool; with one thread, its tasks run one after another in order."""
    pool = _pools.get(lane)
    if pool is None:
        pool = QThreadPool()
        pool.setMaxThreadCount(lane.max_threads)
        pool.setObjectName(f"exitbot-{lane.label}")
        _pools[lane] = pool
    return pool


class OpContext:
    """What the background function may use: a cancel flag and a way to report progress."""

    def __init__(self, cancel: threading.Event, relay: _Relay) -> None:
        self.cancel = cancel
        self._relay = relay

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def report(self, value: object) -> None:
        """Send a value to the `progress` callback (safe to call from the worker thread)."""
        if not self.cancel.is_set():
            self._relay.progressed.emit(value)


class Op(Generic[T]):
    """One background call: `Op(fn).success(cb).failure(cb).run_in_background()`."""

    def __init__(
        self,
        fn: Callable[[OpContext], T],
        *,
        lane: Lane = Lane.STORE,
        owner: QObject | None = None,
        uses_store: bool = False,
    ) -> None:
        """`uses_store`: the function uses the store off the store lane (see module doc)."""
        self._fn = fn
        self._lane = lane
        self._owner = owner
        self._uses_store = uses_store and lane is not Lane.STORE
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[Exception], None] | None = None
        self._on_progress: Callable[[Any], None] | None = None
        self._cancel = threading.Event()

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Op[T]:
        self._on_failure = callback
        return self

    def progress(self, callback: Callable[[Any], None]) -> Op[T]:
        self._on_progress = callback
        return self

    def run_in_background(self) -> Op[T]:
        """Queue the function on its lane; call from the GUI thread."""
        pool = _pool(self._lane)
        relay = _Relay(self, pool)
        _running.add(relay)
        counter = _store_users if self._uses_store else None
        if counter is not None:
            counter.enter()
        runnable = _Runnable(self._fn, OpContext(self._cancel, relay), relay, counter)
        pool.start(runnable)
        return self

    def cancel(self) -> None:
        """Stop listening at once; the function sees `ctx.cancelled` and should return."""
        self._cancel.set()

    # ------------------------------------------------------ called on the GUI thread
    def _wanted(self) -> bool:
        if self._cancel.is_set():
            return False
        return self._owner is None or shiboken6.isValid(self._owner)

    def _deliver_progress(self, value: object) -> None:
        if self._on_progress is not None and self._wanted():
            self._on_progress(value)

    def _deliver_result(self, result: Any, error: Exception | None) -> None:
        if not self._wanted():
            return
        if error is None:
            if self._on_success is not None:
                self._on_success(result)
        elif self._on_failure is not None:
            self._on_failure(error)
        else:
            raise error


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker reach it queued.

    A child of the pool running its op until the op has finished (see the module
    docstring), so the pool, which waits for its ops when it goes, outlives it.
    """

    progressed = Signal(object)
    finished = Signal(object, object)

    def __init__(self, op: Op[Any], pool: QThreadPool) -> None:
        super().__init__(pool)
        self._op = op
        self.progressed.connect(self._on_progress)
        self.finished.connect(self._on_finished)

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        self._op._deliver_progress(value)

    @Slot(object, object)
    def _on_finished(self, result: object, error: object) -> None:
        _running.discard(self)
        self.setParent(None)  # Python's again: freed once the worker lets go of it too
        self._op._deliver_result(result, error if isinstance(error, Exception) else None)


class _Runnable(QRunnable):
    def __init__(
        self,
        fn: Callable[[OpContext], Any],
        ctx: OpContext,
        relay: _Relay,
        counter: _Counter | None,
    ) -> None:
        super().__init__()
        self._fn = fn
        self._ctx = ctx
        self._relay = relay
        self._counter = counter

    def run(self) -> None:
        try:
            self._run()
        finally:
            if self._counter is not None:
                self._counter.leave()

    def _run(self) -> None:
        if self._ctx.cancelled:
            self._relay.finished.emit(None, None)
            return
        try:
            result = self._fn(self._ctx)
        except Exception as error:  # delivered to the failure callback on the GUI thread
            self._relay.finished.emit(None, error)
        else:
            self._relay.finished.emit(result, None)


def wait_for_store_users(timeout_ms: int) -> bool:
    """Block until no op with `uses_store` is queued or running; True when none is left.

    Called on the store lane just before the store closes (never on the GUI thread).
    """
    return _store_users.wait_for_none(timeout_ms / 1000)


def drain(timeout_ms: int = 30_000) -> bool:
    """At shutdown: let the store's work finish; drop everything else. True when in time.

    Ops on the model and work lanes that do not use the store are cancelled: nothing
    waits for a model to finish loading or a reply to finish, and their results are
    ignored. What uses the store (and the store lane, which closes it last) finishes.
    """
    for relay in list(_running):
        op = relay._op
        if op._lane is not Lane.STORE and not op._uses_store:
            op.cancel()
    done = _store_users.wait_for_none(timeout_ms / 1000)
    store_lane = _pools.get(Lane.STORE)
    if store_lane is not None:
        done = store_lane.waitForDone(timeout_ms) and done
    return done

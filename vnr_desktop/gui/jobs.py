"""Background work for the GUI: disk, network, search and PDF work never runs on the UI thread.

Modelled on Anki's "ops": ``runner.submit(lane, fn, on_success=..., on_failure=...)`` runs
``fn(ctx)`` on a worker thread and calls ``on_success(result)`` or ``on_failure(exc)`` back on the
main thread. Failures without their own handler go to the one error place (``ErrorReporter``).

Work is split into *lanes*, each a one-thread QThreadPool, so work in a lane is serialised and a
lane can keep thread-confined state (a database connection) in ``ctx.state``:

- ``db``: the library and user data (the app's only writer), content loading;
- ``search``: search-as-you-type on its own read-only connection;
- ``render``: card PDFs and page images on their own library connection;
- ``io``: files, printing, sync.

A job submitted with a ``key`` supersedes earlier jobs with the same key: a job that has not
started yet is skipped, and a stale result is never delivered.
"""

from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

LANES: tuple[str, ...] = ("db", "search", "render", "io")

_RUNNERS: weakref.WeakSet[JobRunner] = weakref.WeakSet()


class Cancelled(Exception):
    """Raised inside a job (by ``ctx.check()``) when the user pressed Avbryt."""


@dataclass
class CancelToken:
    _event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class JobContext:
    """What a job function gets: cancel checks, progress reports and its lane's state."""

    def __init__(
        self,
        token: CancelToken,
        state: dict[str, Any],
        report: Callable[[int, int, str], None],
        is_stale: Callable[[], bool],
    ) -> None:
        self.token = token
        self.state = state
        self._report = report
        self._is_stale = is_stale

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled or self._is_stale()

    def check(self) -> None:
        """Stop the job here if it was cancelled or superseded."""
        if self.cancelled:
            raise Cancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._report(done, total, text)


class _Relay(QObject):
    """Lives on the main thread; the worker emits, Qt queues the call to the main thread."""

    succeeded = Signal(object)
    failed = Signal(object, str)
    progressed = Signal(int, int, str)


class JobHandle:
    def __init__(self, token: CancelToken) -> None:
        self.token = token
        self.done = False
        self._also_cancel: list[Callable[[], None]] = []

    def also_cancel(self, cancel: Callable[[], None]) -> None:
        """Cancel something more with this job (a core operation's own token), before it."""
        self._also_cancel.append(cancel)

    def cancel(self) -> None:
        for cancel in self._also_cancel:
            cancel()
        self.token.cancel()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[JobContext], Any], ctx: JobContext, relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._ctx = ctx
        self._relay = relay

    def run(self) -> None:
        ctx = self._ctx
        if ctx.cancelled:
            self._relay.failed.emit(Cancelled(), "")
            return
        try:
            result = self._fn(ctx)
        except BaseException as exc:
            self._relay.failed.emit(exc, traceback.format_exc())
            return
        self._relay.succeeded.emit(result)


FailureHandler = Callable[[BaseException], None]


class JobRunner(QObject):
    """Owns the lanes. One per main window; ``shutdown()`` waits for every thread."""

    def __init__(
        self,
        parent: QObject,
        on_error: Callable[[BaseException, str], None],
    ) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._pools: dict[str, QThreadPool] = {}
        self._states: dict[str, dict[str, Any]] = {}
        self._generations: dict[str, int] = {}
        self._active: set[_Relay] = set()
        self._closed = False
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            pool.setObjectName(f"jobs-{lane}")
            self._pools[lane] = pool
            self._states[lane] = {}
        _RUNNERS.add(self)

    # ------------------------------------------------------------------ submit

    def submit(
        self,
        lane: str,
        fn: Callable[[JobContext], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: FailureHandler | None = None,
        *,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        key: str | None = None,
        token: CancelToken | None = None,
    ) -> JobHandle:
        token = token or CancelToken()
        handle = JobHandle(token)
        if self._closed:
            # The window is closing (a debounce timer fired late): nothing to do any more.
            log.debug("job submitted after shutdown ignored")
            handle.done = True
            return handle
        generation = 0
        if key is not None:
            generation = self._generations.get(key, 0) + 1
            self._generations[key] = generation

        def is_stale() -> bool:
            return key is not None and self._generations.get(key) != generation

        relay = _Relay(self)
        self._active.add(relay)

        def finish() -> None:
            handle.done = True
            self._active.discard(relay)
            relay.deleteLater()

        @Slot(object)
        def succeeded(result: object) -> None:
            finish()
            if is_stale() or self._closed:
                return
            if on_success is not None:
                on_success(result)

        @Slot(object, str)
        def failed(exc: BaseException, tb: str) -> None:
            finish()
            if isinstance(exc, Cancelled):
                if on_cancelled is not None and not self._closed:
                    on_cancelled()
                return
            if is_stale() or self._closed:
                if tb:
                    log.info("error in a superseded job ignored: %r", exc)
                return
            if on_failure is not None:
                on_failure(exc)
            else:
                self._on_error(exc, tb)

        relay.succeeded.connect(succeeded)
        relay.failed.connect(failed)
        if on_progress is not None:
            relay.progressed.connect(on_progress)

        ctx = JobContext(token, self._states[lane], relay.progressed.emit, is_stale)
        self._pools[lane].start(_Runnable(fn, ctx, relay))
        return handle

    # ------------------------------------------------------------------ lifecycle

    def pending(self) -> int:
        """Jobs submitted whose result has not been delivered yet."""
        return len(self._active)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every lane is idle (tests and shutdown)."""
        ok = True
        for pool in self._pools.values():
            if shiboken6.isValid(pool):
                ok = pool.waitForDone(msecs) and ok
        return ok

    def shutdown(self, closers: dict[str, Callable[[dict[str, Any]], None]] | None = None) -> None:
        """Refuse new work, let running jobs finish, then close lane state on each lane."""
        if self._closed:
            return
        self._closed = True
        self.wait()
        for lane, close in (closers or {}).items():
            state = self._states[lane]

            def run(
                close: Callable[[dict[str, Any]], None] = close, state: dict[str, Any] = state
            ) -> None:
                try:
                    close(state)
                except Exception:
                    log.exception("closing lane state failed")

            self._pools[lane].start(run)
        self.wait()


def wait_for_all_runners(msecs: int = 30_000) -> bool:
    """Wait for every live runner's threads (tests: no "QThread destroyed while running")."""
    ok = True
    for runner in list(_RUNNERS):
        # A runner whose window was deleted has no threads left: QThreadPool's destructor
        # waited for them.
        if shiboken6.isValid(runner):
            ok = runner.wait(msecs) and ok
    return ok

"""The app's state on the main thread: paths, jobs, errors and the current content snapshot.

All database access goes through the ``db`` lane, where the library and user data are opened
(the first start installs the built-in bundles there, in the background). Views listen to
``snapshot_changed`` and read the snapshot; they change things through the methods here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from vnr_desktop.core.paths import resolve_paths
from vnr_desktop.core.settings_peek import peek_settings
from vnr_desktop.gui import late
from vnr_desktop.gui.errors import ErrorReporter, plain_message
from vnr_desktop.gui.jobs import JobContext, JobHandle, JobRunner

if TYPE_CHECKING:
    from vnr_desktop.core.first_screen import FirstScreen
    from vnr_desktop.core.models import Contact
    from vnr_desktop.core.paths import AppPaths
    from vnr_desktop.core.settings import Settings
    from vnr_desktop.gui.content import Snapshot

log = logging.getLogger(__name__)


def _open_state(ctx: JobContext, data_dir: Path | None) -> tuple[AppPaths, Snapshot]:
    """Open the library (installing built-in content on first start) and the user data."""
    paths = resolve_paths(data_dir).ensure()
    ctx.state["paths"] = paths
    ctx.state["library"] = late.library.open_library(paths.data)
    ctx.state["userdata"] = late.userdata.open_userdata(paths.data)
    return paths, late.content.load_snapshot(ctx.state["library"], ctx.state["userdata"])


def _read_first_screen(data_dir: Path | None) -> FirstScreen | None:
    """The library's first-screen summary for the saved user (no content models), or None:
    first start, first-run choice not made yet, or no usable summary."""
    # runs on the db lane: sqlite3 and the summary reader load there while the window paints
    from vnr_desktop.core import first_screen

    paths = resolve_paths(data_dir)
    saved = peek_settings(paths.user_db)
    if not saved.get("first_run_done"):
        return None
    region, municipality = saved.get("region"), saved.get("municipality")
    return first_screen.read(
        paths.data / "library.db",
        region=region if isinstance(region, str) and region else None,
        municipality=municipality if isinstance(municipality, str) and municipality else None,
    )


def _close_db_state(state: dict[str, Any]) -> None:
    for key in ("library", "userdata"):
        obj = state.pop(key, None)
        if obj is not None:
            obj.close()


class Session(QObject):
    snapshot_changed = Signal(object)
    """The content or settings changed: (Snapshot)."""
    ready = Signal()
    """The first snapshot is loaded: the window has content."""
    own_contacts_changed = Signal()
    first_screen = Signal(object)
    """The library's summary for the first screen (FirstScreen): numbers and home page, shown
    while the full content loads; the window then calls :meth:`open_content`."""
    open_failed = Signal(str)
    """The library or user data could not be opened: a plain-language message."""

    def __init__(self, parent: QObject, data_dir: Path | str | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir) if data_dir else None
        self.errors = ErrorReporter(self)
        self.jobs = JobRunner(self, self.errors.report)
        self.paths: AppPaths | None = None
        self.snapshot: Snapshot | None = None
        self._opening = False
        self._lane_closers: dict[str, Callable[[dict[str, Any]], None]] = {"db": _close_db_state}

    # ------------------------------------------------------------------ start and stop

    def start(self) -> None:
        """Read the first screen's summary; without one, open the full content at once."""
        data_dir = self.data_dir
        self.jobs.submit(
            "db",
            lambda _ctx: _read_first_screen(data_dir),
            self._first_screen_read,
            lambda _exc: self.open_content(),
        )

    def _first_screen_read(self, summary: FirstScreen | None) -> None:
        if summary is None:
            self.open_content()
        else:
            self.first_screen.emit(summary)

    def open_content(self) -> None:
        """Open the library and user data (installing built-in content on a first start)."""
        if self._opening:
            return
        self._opening = True
        data_dir = self.data_dir
        self.jobs.submit(
            "db", lambda ctx: _open_state(ctx, data_dir), self._opened, self._open_failed
        )

    def _open_failed(self, exc: BaseException) -> None:
        self.errors.report(exc)
        self.open_failed.emit(plain_message(exc))

    def _opened(self, result: tuple[AppPaths, Snapshot]) -> None:
        self.paths, snapshot = result
        self.errors.log_path = self.paths.logs / "vnr-desktop.log"
        self._set_snapshot(snapshot)
        self.ready.emit()

    def add_lane_closer(self, lane: str, closer: Callable[[dict[str, Any]], None]) -> None:
        """Run ``closer(state)`` on ``lane`` at shutdown (close connections a lane opened)."""
        previous = self._lane_closers.get(lane)
        if previous is None:
            self._lane_closers[lane] = closer
            return

        def both(state: dict[str, Any]) -> None:
            closer(state)
            previous(state)

        self._lane_closers[lane] = both

    def shutdown(self) -> None:
        self.jobs.shutdown(self._lane_closers)

    # ------------------------------------------------------------------ content

    def _set_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.snapshot_changed.emit(snapshot)

    def reload(self, then: Callable[[], None] | None = None) -> JobHandle:
        """Re-read the content (after an update, import or rollback)."""

        def load(ctx: JobContext) -> Snapshot:
            return late.content.load_snapshot(ctx.state["library"], ctx.state["userdata"])

        def done(snapshot: Snapshot) -> None:
            self._set_snapshot(snapshot)
            if then is not None:
                then()

        return self.jobs.submit("db", load, done)

    def run_db(
        self,
        fn: Callable[[Any, Any], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> JobHandle:
        """Run ``fn(library, userdata)`` on the db lane."""
        return self.jobs.submit(
            "db",
            lambda ctx: fn(ctx.state["library"], ctx.state["userdata"]),
            on_success,
            on_failure,
        )

    # ------------------------------------------------------------------ settings

    @property
    def settings(self) -> Settings:
        assert self.snapshot is not None, "settings are read after the session is ready"
        return self.snapshot.settings

    def update_settings(self, **changes: object) -> Settings:
        """Apply changes now (views update at once) and save them on the db lane."""
        assert self.snapshot is not None
        new = late.settings.Settings.model_validate(
            {**self.snapshot.settings.model_dump(), **changes}
        )
        self._set_snapshot(late.content.with_settings(self.snapshot, new))
        self.run_db(lambda _lib, ud: ud.save_settings(new))
        return new

    # ------------------------------------------------------------------ own contacts

    def _own_changed(self, then: Callable[[], None] | None) -> Callable[[object], None]:
        def reloaded() -> None:
            self.own_contacts_changed.emit()
            if then is not None:
                then()

        def then_reload(_result: object) -> None:
            self.reload(reloaded)

        return then_reload

    def save_own_contact(self, contact: Contact, then: Callable[[], None] | None = None) -> None:
        self.run_db(lambda _lib, ud: ud.save_own_contact(contact), self._own_changed(then))

    def delete_own_contact(self, contact_id: str, then: Callable[[], None] | None = None) -> None:
        self.run_db(lambda _lib, ud: ud.delete_own_contact(contact_id), self._own_changed(then))

    # ------------------------------------------------------------------ library

    def rollback(self, bundle_id: str, then: Callable[[str], None] | None = None) -> None:
        def done(result: object) -> None:
            self.reload()
            if then is not None:
                then(str(result))

        self.run_db(lambda lib, _ud: lib.rollback(bundle_id), done)

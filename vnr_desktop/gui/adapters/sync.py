"""The GUI's one door to core sync (runs on the ``io`` lane with its own library connection).

A download can take minutes on a poor network, so sync does not hold the ``db`` lane: it opens
its own Library and UserData (SQLite serialises the writes) and the window reloads its snapshot
when it is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vnr_desktop.core.library import open_library
from vnr_desktop.core.sync import CancelToken, Updater, trusted_keys
from vnr_desktop.core.sync.schedule import next_check_delay
from vnr_desktop.core.userdata import open_userdata
from vnr_desktop.gui.i18n import core_message

if TYPE_CHECKING:
    from vnr_desktop.core.paths import AppPaths
    from vnr_desktop.core.settings import Settings


@dataclass(frozen=True)
class SyncOutcome:
    message: str
    changes: tuple[str, ...] = ()
    """One line per changed item ("Krisesenteret: telefon A -> B")."""
    stale_prints: tuple[str, ...] = ()
    """Printed cards whose content changed: reprint them."""
    updates_available: tuple[str, ...] = ()
    changed: bool = False


def new_cancel_token() -> Any:
    return CancelToken()


def _updater(state: dict[str, Any], paths: AppPaths, settings: Settings) -> Any:
    if "library" not in state:
        state["library"] = open_library(paths.data, install_builtin=False)
        state["userdata"] = open_userdata(paths.data)
    return Updater(
        state["library"],
        paths,
        keys=trusted_keys(settings),
        userdata=state["userdata"],
    )


def close(state: dict[str, Any]) -> None:
    for key in ("library", "userdata"):
        obj = state.pop(key, None)
        if obj is not None:
            obj.close()


def _progress(report: Callable[[int, int, str], None]) -> Callable[[Any], None]:
    def on_progress(p: Any) -> None:
        text = core_message(p)
        report(int(p.done or 0), int(p.total or 0), text)

    return on_progress


def _outcome(result: Any) -> SyncOutcome:
    message = core_message(result)
    return SyncOutcome(
        message=message,
        changes=tuple(result.change_lines()),
        stale_prints=tuple(
            f"{s.record.card_id} ({s.record.region}, {s.record.format}): {s.reason}"
            for s in result.stale_prints
        ),
        changed=bool(result.changed),
    )


def check(
    state: dict[str, Any],
    paths: AppPaths,
    settings: Settings,
    report: Callable[[int, int, str], None],
    cancel: Any,
) -> SyncOutcome:
    updater = _updater(state, paths, settings)
    result = updater.check(
        settings.update_source or updater.default_source(),
        progress=_progress(report),
        cancel=cancel,
    )
    return SyncOutcome(
        message=core_message(result),
        updates_available=tuple(f"{u.bundle_id} v{u.entry.version}" for u in result.updates),
    )


def feed_statuses(
    state: dict[str, Any], paths: AppPaths, settings: Settings
) -> list[tuple[str, bool]]:
    """(plain message, expired) per feed the content came from: "Innhold bekreftet DATO"."""
    statuses = _updater(state, paths, settings).feed_statuses()
    return [(core_message(s), bool(s.expired)) for s in statuses]


def next_check_seconds(state: dict[str, Any], paths: AppPaths, settings: Settings) -> float | None:
    """Seconds until the next automatic check (24 h schedule with jitter); None without a
    feed to check."""

    updater = _updater(state, paths, settings)
    if not updater.default_source():
        return None
    return next_check_delay(updater.last_checked(), dt.datetime.now(dt.UTC))


def sync(
    state: dict[str, Any],
    paths: AppPaths,
    settings: Settings,
    report: Callable[[int, int, str], None],
    cancel: Any,
) -> SyncOutcome:
    result = _updater(state, paths, settings).sync(
        settings.update_source, progress=_progress(report), cancel=cancel
    )
    return _outcome(result)


def import_path(
    state: dict[str, Any],
    paths: AppPaths,
    settings: Settings,
    path: Path,
    report: Callable[[int, int, str], None],
    cancel: Any,
) -> SyncOutcome:
    result = _updater(state, paths, settings).import_path(
        path, progress=_progress(report), cancel=cancel
    )
    return _outcome(result)

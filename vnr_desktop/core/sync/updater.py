"""Checking for, fetching, verifying and installing content updates; import and export.

The order of trust, for every bundle, from any source:

1. the catalog's signature is checked (a trusted publisher key, not revoked, not a root; see
   trust.py) before the catalog is parsed; entries outside the signer's scope are skipped;
2. its sequence number must not be lower than the last one accepted from that feed (rollback);
   an expired catalog is still used, with a warning (never blocking installed content);
3. a bundle's size and sha256 must match the signed catalog, then its own signature is
   checked, and only then is the archive opened (capped, no unsafe entries) and its content
   validated; the bundle's region must be in its signer's scope;
4. the bundle must be the region and version the catalog lists (no mix-and-match);
5. Library.install puts it in place in one SQLite transaction; the previous version is kept
   for "Gå tilbake til forrige versjon". User data (user.db) is never opened for writing.

Every failure is a SyncError subclass with a plain Norwegian and English message; the library
is unchanged by any failure. ``step_hook`` is called at each step (crash-safety tests kill the
process there) and is passed on to Library.install's own steps.

The work is split along its seams, one module each: check.py (catalog), download.py (fetch,
import), verify.py (signatures, trust, revocation, unpacking), install.py (install, export),
history.py (accepted catalogs per feed); base.py holds the shared plumbing and results.py what
they report. ``Updater`` puts them together.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from vnr_desktop import __version__
from vnr_desktop.core.cards.history import current_content_hash
from vnr_desktop.core.cards.resolved import includes_own_numbers
from vnr_desktop.core.library import Library
from vnr_desktop.core.paths import AppPaths
from vnr_desktop.core.sync.base import DEFAULT_FEED_URL, StepHook
from vnr_desktop.core.sync.changes import CardHash
from vnr_desktop.core.sync.check import CheckMixin
from vnr_desktop.core.sync.download import DownloadMixin
from vnr_desktop.core.sync.history import HistoryMixin
from vnr_desktop.core.sync.http import CancelToken, HttpClient, ProgressCallback, Storage
from vnr_desktop.core.sync.install import InstallMixin
from vnr_desktop.core.sync.results import (
    CheckResult,
    ExportResult,
    Failure,
    FeedStatus,
    PlannedUpdate,
    Skipped,
    UpdateResult,
)
from vnr_desktop.core.sync.trust import TrustState, TrustStore
from vnr_desktop.core.sync.verify import VerifyMixin
from vnr_desktop.core.userdata import PrintRecord, UserData

__all__ = [
    "DEFAULT_FEED_URL",
    "CheckResult",
    "ExportResult",
    "Failure",
    "FeedStatus",
    "PlannedUpdate",
    "Skipped",
    "StepHook",
    "UpdateResult",
    "Updater",
    "apply_updates",
    "check_for_updates",
]


# --------------------------------------------------------------------------- the updater


class Updater(CheckMixin, DownloadMixin, InstallMixin, VerifyMixin, HistoryMixin):
    """Checks, fetches and installs signed content for one library. One thread at a time."""

    def __init__(
        self,
        library: Library,
        paths: AppPaths,
        *,
        keys: TrustStore,
        userdata: UserData | None = None,
        http: HttpClient | None = None,
        storage: Storage | None = None,
        step_hook: StepHook | None = None,
        now: Callable[[], _dt.datetime] | None = None,
        card_hash: CardHash | None = None,
        app_version: str = __version__,
    ) -> None:
        self.library = library
        self.paths = paths
        self.keys = keys
        self.userdata = userdata
        self.http = http or HttpClient()
        self.storage = storage or Storage()
        self.step_hook = step_hook
        self._now = now or (lambda: _dt.datetime.now(_dt.UTC))
        self.card_hash = card_hash if card_hash is not None else self._cards_content_hash
        self.app_version = app_version
        self.trust = TrustState(keys, self.sync_dir, self._now().date()).load()

    def _cards_content_hash(self, record: PrintRecord) -> str | None:
        """The hash the printed card would have now (the cards module's own computation).

        A card printed with the user's own numbers is compared with today's own contacts, so
        the reprint list also covers an own number that changed.
        """
        own = (
            self.userdata.own_contacts()
            if self.userdata is not None and includes_own_numbers(record.content_version)
            else ()
        )
        return current_content_hash(
            self.library,
            record.card_id,
            record.region,
            record.format,
            record.language,
            own_contacts=own,
        )


# --------------------------------------------------------------------------- convenience API


def check_for_updates(
    updater: Updater,
    source: str | Path | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> CheckResult:
    return updater.check(source, progress=progress, cancel=cancel)


def apply_updates(
    updater: Updater,
    check: CheckResult,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> UpdateResult:
    return updater.apply(check, progress=progress, cancel=cancel)

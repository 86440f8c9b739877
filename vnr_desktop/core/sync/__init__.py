"""Signed bundles, feeds, sync and import.

Publishing: ``minisign`` (keys, signatures), ``archive.build_bundle``, ``catalog.publish_feed``.
Client: ``Updater`` (check, apply, sync, import_path, export_region) with progress callbacks,
cancel tokens, plain-language results and typed errors (``errors``).
"""

from vnr_desktop.core.sync.errors import SyncError
from vnr_desktop.core.sync.http import CancelToken, HttpClient, HttpConfig, Progress, Storage
from vnr_desktop.core.sync.keyring import trusted_keys
from vnr_desktop.core.sync.updater import (
    CheckResult,
    ExportResult,
    FeedStatus,
    Updater,
    UpdateResult,
    apply_updates,
    check_for_updates,
)

__all__ = [
    "CancelToken",
    "CheckResult",
    "ExportResult",
    "FeedStatus",
    "HttpClient",
    "HttpConfig",
    "Progress",
    "Storage",
    "SyncError",
    "UpdateResult",
    "Updater",
    "apply_updates",
    "check_for_updates",
    "trusted_keys",
]

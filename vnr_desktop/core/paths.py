"""Where the app keeps its files: the platform's standard folders, or one given folder.

``--data-dir`` on the command line or ``VNR_DATA_DIR`` in the environment points everything
(library, user data, logs, downloads) at one folder; tests always use that.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vnr_desktop import APP_ID

ENV_DATA_DIR = "VNR_DATA_DIR"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    """library.db (bundle content, search index) and user.db (the user's own data)."""
    logs: Path
    cache: Path
    """downloads in progress (.part files), staging folders."""

    @property
    def library_db(self) -> Path:
        return self.data / "library.db"

    @property
    def user_db(self) -> Path:
        return self.data / "user.db"

    def ensure(self) -> AppPaths:
        for folder in (self.data, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(data_dir: Path | str | None = None) -> AppPaths:
    """The app's folders: ``data_dir`` if given, else $VNR_DATA_DIR, else the platform's."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(data=root, logs=root / "logs", cache=root / "cache")
    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
    )

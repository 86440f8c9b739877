"""Shared pieces of the CLI: the context (data folder, library, user data) and output helpers."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from vnr_desktop.core.library import Library, LibraryError, open_library
from vnr_desktop.core.paths import AppPaths, resolve_paths
from vnr_desktop.core.userdata import UserData, open_userdata


class CliError(Exception):
    """A failure to report in one plain line, with an exit code."""

    def __init__(self, message: str, exit_code: int = 3) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Context:
    """Opens the library and user data lazily, so commands that need neither stay fast."""

    def __init__(self, data_dir: str | None) -> None:
        self.paths: AppPaths = resolve_paths(data_dir)
        self._library: Library | None = None
        self._userdata: UserData | None = None

    @property
    def library(self) -> Library:
        if self._library is None:
            self.paths.ensure()
            try:
                self._library = open_library(self.paths.data)
            except LibraryError as exc:
                raise CliError(str(exc)) from None
        return self._library

    @property
    def userdata(self) -> UserData:
        if self._userdata is None:
            self.paths.ensure()
            self._userdata = open_userdata(self.paths.data)
        return self._userdata

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
        if self._userdata is not None:
            self._userdata.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def existing_path(text: str) -> Path:
    path = Path(text)
    if not path.exists():
        raise CliError(f"{text}: no such file or folder", exit_code=2)
    return path

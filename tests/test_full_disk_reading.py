"""On a full disk the numbers stay readable: the library and user data open read-only."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from vnr_desktop.core import db
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.library import Library, LibraryError, open_library
from vnr_desktop.core.search import search
from vnr_desktop.core.userdata import UserData, UserDataError, open_userdata


def _install_test_bundle(folder: Path, bundle_dir: Path) -> None:
    lib = open_library(folder, install_builtin=False)
    lib.install(load_bundle_dir(bundle_dir).bundle)
    lib.close()
    user = open_userdata(folder)
    user.set_favourite("testregion:krisesenter")
    user.close()


def _assert_readable(folder: Path) -> None:
    lib = Library(folder / "library.db")
    assert lib.read_only
    assert lib.get("testregion:krisesenter").item.phones[0].number == "99 00 00 01"
    hits = search(lib.conn, "krisesenter")
    assert hits and hits[0].ref == "testregion:krisesenter"
    assert lib.ensure_builtin() == []
    with pytest.raises(LibraryError, match="bare leses nå, fordi disken er full"):
        lib.rollback("testregion")
    lib.close()
    user = UserData(folder / "user.db")
    assert user.read_only
    assert user.favourites() == ["testregion:krisesenter"]
    with pytest.raises(UserDataError, match="disken er full"):
        user.set_favourite("testregion:barnevernvakt")
    user.close()


def test_disk_errors_at_open_fall_back_to_reading(data_dir, test_bundle_dir, monkeypatch):
    _install_test_bundle(data_dir, test_bundle_dir)

    def failing_connect(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(db, "connect", failing_connect)
    _assert_readable(data_dir)


def test_other_open_errors_are_not_hidden(data_dir, monkeypatch):
    def failing_connect(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("no such table: nope")

    monkeypatch.setattr(db, "connect", failing_connect)
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        Library(data_dir / "library.db")


def test_no_user_data_and_no_room_gives_defaults_and_refuses_saves(data_dir, monkeypatch):
    def failing_connect(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "connect", failing_connect)
    user = UserData(data_dir / "user.db")
    assert user.read_only and user.settings().language == "nb"
    with pytest.raises(UserDataError):
        user.save_settings(user.settings())
    user.remember_search("krisesenter")  # optional history: silently not kept
    user.close()


@contextlib.contextmanager
def _small_tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        if os.environ.get("CI") and os.geteuid() == 0:
            pytest.fail(f"cannot mount a tmpfs as root: {done.stderr.decode()}")
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_a_really_full_disk_still_shows_the_numbers(tmp_path, test_bundle_dir):
    with _small_tmpfs(tmp_path / "disk", "3m") as disk:
        _install_test_bundle(disk, test_bundle_dir)
        filler = disk / "filler"
        with filler.open("wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        with contextlib.suppress(OSError), (disk / "filler2").open("wb") as fh:
            while True:
                fh.write(b"\0" * 512)
                fh.flush()
        _assert_readable(disk)

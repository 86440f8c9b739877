"""Test setup shared by the whole suite.

- Qt runs offscreen; no test ever needs a display.
- Every test gets its own data folder through VNR_DATA_DIR: the real user folders are never
  touched (an autouse fixture also points HOME and XDG folders at tmp).
- External tools (poppler, nginx, minisign, zbarimg): `require_tool` skips locally when one is
  missing but FAILS under CI=true, where .ci/run installs them, so a skip never hides a gap.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from testutil import require_tool  # noqa: F401  (re-exported for older imports)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# GUI fixtures (tests/gui_support.py): windows on a real library, worker-thread waits.
pytest_plugins = ["gui_support"]

FIXTURES = Path(__file__).parent / "fixtures"
TEST_BUNDLE = FIXTURES / "bundles" / "testregion"


@pytest.fixture(autouse=True)
def _isolated_user_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every per-user folder at a fresh tmp folder for each test."""
    home = tmp_path_factory.mktemp("home")
    data = home / "vnr-data"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("VNR_DATA_DIR", str(data))
    yield data


@pytest.fixture
def data_dir(_isolated_user_folders: Path) -> Path:
    """The test's own data folder (also in $VNR_DATA_DIR)."""
    _isolated_user_folders.mkdir(parents=True, exist_ok=True)
    return _isolated_user_folders


@pytest.fixture(scope="session")
def builtin_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library.db with the built-in bundles installed once per session (copied per test)."""
    from vnr_desktop.core.library import open_library

    folder = tmp_path_factory.mktemp("builtin-library")
    lib = open_library(folder)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    return folder / "library.db"


@pytest.fixture
def library(data_dir: Path, builtin_library_template: Path) -> Iterator[object]:
    """A Library in the test's data folder with the built-in content installed."""
    from vnr_desktop.core.library import Library

    shutil.copy(builtin_library_template, data_dir / "library.db")
    lib = Library(data_dir / "library.db")
    yield lib
    lib.close()


@pytest.fixture
def empty_library(data_dir: Path) -> Iterator[object]:
    from vnr_desktop.core.library import open_library

    lib = open_library(data_dir, install_builtin=False)
    yield lib
    lib.close()


@pytest.fixture
def userdata(data_dir: Path) -> Iterator[object]:
    from vnr_desktop.core.userdata import open_userdata

    ud = open_userdata(data_dir)
    yield ud
    ud.close()


@pytest.fixture
def test_bundle_dir(tmp_path: Path) -> Path:
    """A writable copy of the small test bundle (made-up data, never shipped)."""
    dest = tmp_path / "testregion"
    shutil.copytree(TEST_BUNDLE, dest)
    return dest

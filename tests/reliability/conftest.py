"""Fixtures for the reliability tests: the crash zygote and prepared data folders."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from crash_harness import Zygote  # noqa: E402


@pytest.fixture(scope="session")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zygote]:
    """One forking server for the whole session (the app imported once)."""
    if not hasattr(os, "fork"):
        pytest.skip("the crash harness needs fork (Linux/macOS)")
    home = tmp_path_factory.mktemp("zygote-home")
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "VNR_DATA_DIR": str(home / "unused-data"),
    }
    z = Zygote(env)
    yield z
    z.close()


@pytest.fixture(scope="session")
def builtin_data_dir(
    tmp_path_factory: pytest.TempPathFactory, builtin_library_template: Path
) -> Path:
    """A data folder as after first start: the built-in bundles, and a user's saved data."""
    from reliability_support import fill_user_data

    folder = tmp_path_factory.mktemp("builtin-data")
    shutil.copy(builtin_library_template, folder / "library.db")
    fill_user_data(folder / "user.db")
    return folder


@pytest.fixture(scope="session")
def library_scenarios_prepared(
    zygote: Zygote, builtin_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """install / update / rollback / first-start: old folder, new state, steps (dry runs)."""
    from crash_scenarios import bundle_sources, library_scenarios, prepare

    work = tmp_path_factory.mktemp("crash-library")
    scenarios = library_scenarios(bundle_sources(work / "sources"))
    return {name: prepare(zygote, sc, builtin_data_dir, work) for name, sc in scenarios.items()}


@pytest.fixture(scope="session")
def synced_env(
    builtin_data_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, object]:
    """A data folder with testregion v1 installed from a signed feed whose key the user's
    settings trust, and that feed (which now also offers v2)."""
    from crash_scenarios import copy_data_dir, sync_feed, sync_scenario

    work = tmp_path_factory.mktemp("synced")
    feed = sync_feed(work)
    data = copy_data_dir(builtin_data_dir, work / "data")
    sync_scenario(feed).prepare(data)
    return data, feed


@pytest.fixture(scope="session")
def synced_data_dir(synced_env: tuple[Path, object]) -> tuple[Path, object]:
    """(data folder, the publisher key): the starting point of the attack matrix."""
    data, feed = synced_env
    return data, feed.key  # type: ignore[attr-defined]

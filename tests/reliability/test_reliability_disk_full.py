"""A full disk during an install: the old content is kept and the message is clear.

Two ways to fill the disk: a real small tmpfs (ENOSPC from the kernel; needs unprivileged user
and mount namespaces, as on this project's Linux machines), and SQLite's own page limit
(``max_page_count``: SQLITE_FULL at a chosen size, works everywhere).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from crash_scenarios import Prepared, per_bundle

HERE = Path(__file__).resolve().parent
WORKER = HERE / "disk_full_worker.py"
FULL_WORDS = ("full", "plass", "space", "disk")


@cache
def _namespaces_work() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs /mnt 2>/dev/null || mount -t tmpfs -o size=64k tmpfs /tmp",
        ],
        capture_output=True,
        timeout=20,
    )
    return probe.returncode == 0


def _jsonish(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _on_small_disk(prep: Prepared, free_kb: int, tmp_path: Path) -> dict[str, Any]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    report = tmp_path / "report.json"
    spec = {
        "mount": str(mount),
        "data_dir": str(prep.old_dir),
        "free_kb": free_kb,
        "command": prep.scenario.command(prep.old_dir),
        "bundles": list(prep.scenario.bundles),
        "report": str(report),
    }
    size_kb = sum(p.stat().st_size for p in prep.old_dir.rglob("*") if p.is_file()) // 1024 + 2048
    script = f'mount -t tmpfs -o size={size_kb}k tmpfs "$1" && exec "$2" "$3" "$4"'
    proc = subprocess.run(
        [
            "unshare",
            "--user",
            "--map-root-user",
            "--mount",
            "sh",
            "-c",
            script,
            "sh",
            str(mount),
            sys.executable,
            str(WORKER),
            json.dumps(spec),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(report.read_text("utf-8"))


@pytest.mark.parametrize("free_kb", [0, 24, 96, 400])
def test_install_on_a_full_disk_keeps_old_content_and_says_so(
    library_scenarios_prepared: dict[str, Prepared], tmp_path: Path, free_kb: int
) -> None:
    if not _namespaces_work():
        pytest.skip("no user+mount namespaces here for a small tmpfs (the page-limit test runs)")
    prep = library_scenarios_prepared["update"]
    report = _on_small_disk(prep, free_kb, tmp_path)
    run = report["run"]
    assert run["traceback"] is None, run["traceback"]
    if run["returncode"] == 0:
        assert report["snapshot"] == _jsonish(prep.new)
    else:
        assert report["snapshot"] == _jsonish(prep.old), "a failed install changed the library"
        message = run["stderr"].lower()
        assert any(w in message for w in FULL_WORDS), run["stderr"]
        assert "traceback" not in message
    assert report["problems"] == []
    assert report["user"] == _jsonish(prep.user_before), "user data changed"
    again = report["again"]
    assert again["traceback"] is None and again["returncode"] == 0, again
    assert report["snapshot_after_retry"] == _jsonish(prep.new)
    assert report["problems_after_retry"] == []


@pytest.mark.parametrize("share", [0.0, 0.5, 0.9])
def test_install_hitting_the_database_size_limit_changes_nothing(
    library_scenarios_prepared: dict[str, Prepared], tmp_path: Path, share: float
) -> None:
    """SQLITE_FULL at a chosen size (the same error a full disk gives), in this process."""
    import sqlite3

    from crash_scenarios import bundle_sources
    from reliability_support import copy_data_dir

    from vnr_desktop.core.library import Library

    prep = library_scenarios_prepared["update"]
    data = copy_data_dir(prep.old_dir, tmp_path / "data")
    _, v2 = bundle_sources(tmp_path / "sources")
    needed = _pages_the_update_adds(data, v2, tmp_path / "trial")
    assert needed > 0
    lib = Library(data / "library.db")
    try:
        lib.conn.execute("VACUUM")  # no free pages left: the update must grow the file
        (pages,) = lib.conn.execute("PRAGMA page_count").fetchone()
        # Room for a share of what the update needs: it fails early, midway or near the end.
        lib.conn.execute(f"PRAGMA max_page_count = {pages + int(needed * share)}")
        with pytest.raises(sqlite3.OperationalError, match="full"):
            lib.install_dir(v2)
        assert not lib.conn.in_transaction
        # The same connection (a running app) still sees the old content.
        assert per_bundle_of(lib) == prep.old
        lib.conn.execute("PRAGMA max_page_count = 1073741823")
        assert lib.install_dir(v2).status == "updated"
    finally:
        lib.close()
    snap, problems = per_bundle(data, prep.scenario.bundles)
    assert problems == []
    assert snap == prep.new


def per_bundle_of(lib: Any) -> dict[str, Any]:
    from reliability_support import library_snapshot

    return {"testregion": library_snapshot(lib.conn, "testregion")}


def _pages_the_update_adds(data: Path, v2: Path, trial: Path) -> int:
    from reliability_support import copy_data_dir

    from vnr_desktop.core.library import Library

    lib = Library(copy_data_dir(data, trial) / "library.db")
    try:
        lib.conn.execute("VACUUM")
        (before,) = lib.conn.execute("PRAGMA page_count").fetchone()
        lib.install_dir(v2)
        (after,) = lib.conn.execute("PRAGMA page_count").fetchone()
        return int(after - before)
    finally:
        lib.close()


@pytest.mark.parametrize("free_kb", [0, 48, 400])
def test_sync_on_a_full_disk_keeps_old_content_and_says_so(
    synced_env: tuple[Path, Any], tmp_path: Path, free_kb: int
) -> None:
    """The same with 'vnr-desktop sync' from a feed folder: catalog, download, install."""
    if not _namespaces_work():
        pytest.skip("no user+mount namespaces here for a small tmpfs (the page-limit test runs)")
    from crash_scenarios import Prepared, Scenario
    from reliability_support import copy_data_dir, user_snapshot

    data, feed = synced_env
    scenario = Scenario(
        "sync-folder",
        lambda d: None,
        lambda d: ["sync", "--source", str(feed.folder)],
        ("testregion",),
    )
    old, _ = per_bundle(data, scenario.bundles)
    reference = copy_data_dir(data, tmp_path / "reference")
    from vnr_desktop.cli import main

    assert main(["--data-dir", str(reference), *scenario.command(reference)]) == 0
    new, _ = per_bundle(reference, scenario.bundles)
    assert new != old
    prep = Prepared(scenario, data, old, new, [], user_snapshot(data / "user.db"))
    report = _on_small_disk(prep, free_kb, tmp_path)
    run = report["run"]
    assert run["traceback"] is None, run["traceback"]
    if run["returncode"] == 0:
        assert report["snapshot"] == _jsonish(new)
    else:
        assert report["snapshot"] == _jsonish(old), "a failed sync changed the library"
        assert any(w in run["stderr"].lower() for w in (*FULL_WORDS, "full", "plass")), run[
            "stderr"
        ]
    assert report["problems"] == []
    assert report["user"] == _jsonish(prep.user_before)
    assert report["again"]["returncode"] == 0, report["again"]
    assert report["snapshot_after_retry"] == _jsonish(new)

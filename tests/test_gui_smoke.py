"""`vnr-desktop --smoke` starts the real app, waits for the main window with content, exits 0."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def _smoke(
    data_dir: Path, *args: str, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "vnr_desktop", "--data-dir", str(data_dir), "--smoke", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )


def test_smoke_on_installed_content(data_dir, gui_library_template):
    shutil.copy(gui_library_template, data_dir / "library.db")
    result = _smoke(data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke: ok: window shown in"), result.stdout
    assert "5 emergency numbers" in result.stdout
    assert result.stderr == ""
    # the log file is in the data folder, and holds no error
    log = data_dir / "logs" / "vnr-desktop.log"
    assert not log.exists() or "ERROR" not in log.read_text(encoding="utf-8")


def test_smoke_on_a_fresh_data_folder_installs_the_built_in_content(tmp_path):
    """What a new user's first start does: the built-in bundles install in the background."""
    fresh = tmp_path / "new-user"
    result = _smoke(fresh)
    assert result.returncode == 0, result.stderr
    assert "smoke: ok" in result.stdout
    assert "4 bundles" in result.stdout
    assert (fresh / "library.db").is_file() and (fresh / "user.db").is_file()


def test_smoke_reports_startup_times(data_dir, gui_library_template, tmp_path):
    import json

    shutil.copy(gui_library_template, data_dir / "library.db")
    report = tmp_path / "startup.json"
    result = _smoke(data_dir, env_extra={"VNR_STARTUP_REPORT": str(report)})
    assert result.returncode == 0, result.stderr
    times = json.loads(report.read_text())
    assert times["start_monotonic"] <= times["shown_monotonic"] <= times["content_monotonic"]


def test_smoke_fails_when_the_content_cannot_load(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "library.db").write_bytes(b"this is not a database")
    result = _smoke(broken)
    assert result.returncode != 0
    assert "smoke: FAILED" in result.stderr

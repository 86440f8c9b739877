"""The garbage collector is paused from the entry point until the numbers are on screen
(gui/startup_gc.py), and only there."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from vnr_desktop.gui import startup_gc


@pytest.fixture
def collector() -> Iterator[None]:
    was_enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def test_resume_freezes_what_exists_and_collects_again(collector: None) -> None:
    gc.enable()
    startup_gc.pause()
    assert not gc.isenabled() and startup_gc.is_paused()
    startup_gc.resume()
    assert gc.isenabled() and not startup_gc.is_paused()
    assert gc.get_freeze_count() > 0


def test_a_collector_someone_else_turned_off_stays_off(collector: None) -> None:
    gc.disable()
    startup_gc.pause()
    startup_gc.resume()
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_resume_without_pause_does_nothing(collector: None) -> None:
    gc.enable()
    startup_gc.resume()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_entry_point_starts_with_no_collection_until_the_numbers(
    gui_data: Path, tmp_path: Path
) -> None:
    """The real entry point, as ``vnr-desktop-gui --smoke`` runs it: no automatic collection
    from before the GUI's imports until the numbers are painted, collecting again after."""
    out = tmp_path / "gc.json"
    code = (
        "import gc, json, sys\n"
        "from vnr_desktop.gui import startup_gc\n"
        "real_resume = startup_gc.resume\n"
        "seen = {}\n"
        "def resume():\n"
        "    if 'at_numbers' not in seen:\n"
        "        seen['paused'] = startup_gc.is_paused()\n"
        "        seen['at_numbers'] = sum(s['collections'] for s in gc.get_stats())\n"
        "    real_resume()\n"
        "startup_gc.resume = resume\n"
        "gc.collect()\n"
        "seen['at_start'] = sum(s['collections'] for s in gc.get_stats())\n"
        "from vnr_desktop.gui import launch\n"
        f"code = launch.main(['--data-dir', {str(gui_data)!r}, '--smoke'])\n"
        "seen['enabled_after'] = gc.isenabled()\n"
        "seen['frozen'] = gc.get_freeze_count()\n"
        f"open({str(out)!r}, 'w').write(json.dumps(seen))\n"
        "sys.exit(code)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    seen = json.loads(out.read_text())
    assert seen["paused"] is True
    assert seen["at_numbers"] == seen["at_start"]  # not one collection on the way
    assert seen["enabled_after"] is True
    assert seen["frozen"] > 10_000

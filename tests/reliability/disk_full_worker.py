"""Run one CLI command with the data folder on a nearly full disk, then check the damage.

Started by the disk-full tests inside ``unshare --user --map-root-user --mount`` with a small
tmpfs mounted at MOUNT (a real ENOSPC, not a simulation). It copies the prepared data folder
onto the tmpfs, fills the disk until FREE_KB remain, runs the command in this process, frees
the space, and writes a JSON report (outside the tmpfs, which vanishes with the namespace):
the exit code and messages, any traceback, the library's state and problems, user.db's
contents, and whether running the command again then succeeds.

usage: disk_full_worker.py SPEC_JSON
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import traceback
from pathlib import Path


def _run_cli(argv: list[str]) -> dict[str, object]:
    from vnr_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    result: dict[str, object] = {"traceback": None}
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result["returncode"] = int(main(argv) or 0)
    except SystemExit as exc:
        result["returncode"] = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        result["returncode"] = None
        result["traceback"] = traceback.format_exc()
    result["stdout"] = out.getvalue()
    result["stderr"] = err.getvalue()
    return result


def main() -> None:
    spec = json.loads(sys.argv[1])
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from crash_scenarios import per_bundle
    from reliability_support import user_snapshot

    mount = Path(spec["mount"])
    data = mount / "data"
    shutil.copytree(spec["data_dir"], data)
    filler = mount / "filler"
    usage = shutil.disk_usage(mount)
    with filler.open("wb") as fh:
        remaining = usage.free - spec["free_kb"] * 1024
        block = b"\0" * 65536
        while remaining > 0:
            n = min(remaining, len(block))
            fh.write(block[:n])
            remaining -= n
    report: dict[str, object] = {"free_before": shutil.disk_usage(mount).free}
    argv = ["--data-dir", str(data), *spec["command"]]
    report["run"] = _run_cli(argv)
    filler.unlink()
    bundles = tuple(spec["bundles"])
    snap, problems = per_bundle(data, bundles)
    report["snapshot"] = snap
    report["problems"] = problems
    report["user"] = user_snapshot(data / "user.db")
    report["again"] = _run_cli(argv)
    snap2, problems2 = per_bundle(data, bundles)
    report["snapshot_after_retry"] = snap2
    report["problems_after_retry"] = problems2
    Path(spec["report"]).write_text(json.dumps(report, default=str), "utf-8")


if __name__ == "__main__":
    main()

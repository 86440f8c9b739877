"""Start-up: VNR Desktop against a bare PySide6 QMainWindow started the same way, in one run.

    python bench/startup.py [--rounds 7] [--platform offscreen|xcb] [--wheel]

What a person waits for is the numbers, so the headline figure is the whole process: from
spawning it until it has put its content on screen (the emergency numbers and the home page,
read from the library) and exited (`vnr-desktop --smoke`), against a bare PySide6 QMainWindow
that is shown, paints once and exits. Runs are paired (bare, app, bare, app, ...) and the
figure is the median of the per-pair ratios. Peak memory is each child's maxrss from wait4().

Beside it: the first paint of each window (CLOCK_MONOTONIC, the same clock in parent and child
on Linux) and when the app's content was on screen. The app runs on a data folder whose
built-in content is already installed (a normal start); the first start on an empty folder is
timed once, separately.

The package's bytecode is compiled first, as pip does on install. ``--wheel`` goes further: it
builds the wheel, installs it alone into a fresh venv and measures that (no editable-install
finder in either process).

Targets (issue 19): whole process at most 2.0x the bare window, peak memory at most 2.0x.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TIME_RATIO_TARGET = 2.0
MEMORY_RATIO_TARGET = 2.0

BARE = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

times = {}

class FirstPaint(QObject):
    # on the window itself, as the app watches its own (a window paints before its children)
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "shown_monotonic" not in times:
            times["shown_monotonic"] = time.monotonic()
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 820)
first = FirstPaint(app)
window.installEventFilter(first)
window.show()
app.exec()
open(sys.argv[1], "w").write(json.dumps(times))
"""


def run_child(args: list[str], report: Path, env: dict[str, str]) -> dict[str, float]:
    report.unlink(missing_ok=True)
    start = time.monotonic()
    proc = subprocess.Popen(
        args, env=env, cwd=report.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    exited = time.monotonic()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{args[:3]} failed ({proc.returncode}):\n{stderr}")
    times = json.loads(report.read_text())
    out = {
        "shown_ms": (times["shown_monotonic"] - start) * 1000,
        "process_ms": (exited - start) * 1000,
        "peak_mb": usage.ru_maxrss / 1024,
    }
    for key in ("start", "imported", "prepared", "built", "content"):
        if f"{key}_monotonic" in times:
            out[f"{key}_ms"] = (times[f"{key}_monotonic"] - start) * 1000
    return out


def compile_bytecode() -> None:
    """Compile the package's bytecode, as pip does when it installs the wheel.

    An editable install run with PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise
    compile every module from source on every start, which no installed app does.
    """
    import vnr_desktop

    package = Path(vnr_desktop.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)


def wheel_python(work: Path) -> Path:
    """Build the wheel and install it alone into a fresh venv (tests/wheel_support.py, as
    tests/test_wheel.py does: no editable finder in either process). Returns its python."""
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tests"))
    from wheel_support import install_wheel_alone

    wheels = work / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(root)],
        check=True,
        capture_output=True,
    )
    return install_wheel_alone(next(wheels.glob("*.whl")), work / "venv")


def choose_municipality(data: Path, number: str = "3407") -> None:
    """Save the first-run choice (Gjøvik) the way the app's first-run page does."""
    code = (
        "import sys, pathlib\n"
        "from vnr_desktop.core.settings import Settings\n"
        "from vnr_desktop.core.userdata import open_userdata\n"
        "ud = open_userdata(pathlib.Path(sys.argv[1]))\n"
        "ud.save_settings(Settings(municipality=sys.argv[2], first_run_done=True))\n"
        "ud.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(data), number], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM")
        or ("xcb" if os.environ.get("DISPLAY") else "offscreen"),
    )
    parser.add_argument(
        "--wheel",
        action="store_true",
        help="measure the wheel installed alone in a fresh venv (both processes run its python)",
    )
    args = parser.parse_args()
    if args.wheel:
        with tempfile.TemporaryDirectory(prefix="vnr-startup-wheel-") as where:
            python = wheel_python(Path(where))
            rest = [a for a in sys.argv[1:] if a != "--wheel"]
            return subprocess.run([str(python), __file__, *rest], cwd=where).returncode
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="vnr-startup-"))
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform}
    env.pop("VNR_DATA_DIR", None)
    report = work / "report.json"
    bare_script = work / "bare.py"
    bare_script.write_text(BARE)
    data = work / "data"
    # as users start it: the vnr-desktop-gui entry point (packaging/launcher.py without arguments)
    app_args = [sys.executable, "-m", "vnr_desktop.gui.launch", "--data-dir", str(data), "--smoke"]
    app_env = {**env, "VNR_STARTUP_REPORT": str(report)}
    try:
        first = run_child(app_args, report, app_env)  # first start: installs the built-in content
        choose_municipality(data)  # as a user does on the first-run page
        # warm-up of both (file cache), not counted
        run_child([sys.executable, str(bare_script), str(report)], report, env)
        run_child(app_args, report, app_env)
        bare: list[dict[str, float]] = []
        app: list[dict[str, float]] = []
        for _ in range(args.rounds):
            bare.append(run_child([sys.executable, str(bare_script), str(report)], report, env))
            app.append(run_child(app_args, report, app_env))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    bare_shown, app_shown = median(bare, "shown_ms"), median(app, "shown_ms")
    bare_proc, app_proc = median(bare, "process_ms"), median(app, "process_ms")
    bare_mem, app_mem = median(bare, "peak_mb"), median(app, "peak_mb")
    pairs = list(zip(bare, app, strict=True))
    time_ratio = statistics.median(a["process_ms"] / b["process_ms"] for b, a in pairs)
    mem_ratio = statistics.median(a["peak_mb"] / b["peak_mb"] for b, a in pairs)
    paint_ratio = statistics.median(a["shown_ms"] / b["shown_ms"] for b, a in pairs)
    content_ratio = statistics.median(a["content_ms"] / b["shown_ms"] for b, a in pairs)
    print(f"platform {args.platform}, {args.rounds} paired rounds, medians")
    print(
        f"  bare QMainWindow   whole process {bare_proc:6.0f} ms   first paint {bare_shown:5.0f} ms"
        f"   peak {bare_mem:6.1f} MB"
    )
    print(
        f"  VNR Desktop        whole process {app_proc:6.0f} ms   first paint {app_shown:5.0f} ms"
        f"   content on screen {median(app, 'content_ms'):.0f} ms   peak {app_mem:6.1f} MB"
    )
    print(
        "  app phases: python and imports up to run() {:.0f} ms, gui imports {:.0f} ms, "
        "Qt, translations and theme {:.0f} ms, window built {:.0f} ms, shown {:.0f} ms".format(
            median(app, "start_ms"),
            median(app, "imported_ms"),
            median(app, "prepared_ms"),
            median(app, "built_ms"),
            app_shown,
        )
    )
    print(
        f"  ratio  whole process (content on screen, then exit) {time_ratio:5.2f} x"
        f" (target <= {TIME_RATIO_TARGET})"
    )
    print(f"         peak memory {mem_ratio:5.2f} x (target <= {MEMORY_RATIO_TARGET})")
    print(
        f"         first paint {paint_ratio:5.2f} x; content on screen vs the bare window's "
        f"first paint {content_ratio:5.2f} x"
    )
    print(
        f"  first start (installs the built-in content): shown {first['shown_ms']:.0f} ms, "
        f"content {first['content_ms']:.0f} ms, whole process {first['process_ms']:.0f} ms, "
        f"peak {first['peak_mb']:.1f} MB"
    )
    ok = time_ratio <= TIME_RATIO_TARGET and mem_ratio <= MEMORY_RATIO_TARGET
    print("  targets met" if ok else "  TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

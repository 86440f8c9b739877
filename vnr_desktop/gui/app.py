"""Start the desktop app: ``vnr-desktop-gui`` (main) and ``vnr-desktop --smoke`` (run_smoke).

Start-up order, for speed: Qt, translations and theme, then the window is shown at once; the core
(pydantic models, SQLite, on the first start the built-in bundles) loads on a worker thread and
the pages fill in when it is ready.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from vnr_desktop import APP_ID, APP_NAME, __version__
from vnr_desktop.core.paths import resolve_paths
from vnr_desktop.core.settings_peek import peek_settings as peek
from vnr_desktop.gui import startup_gc, theme
from vnr_desktop.gui.i18n import install_translators

if TYPE_CHECKING:
    from vnr_desktop.gui.main_window import MainWindow
    from vnr_desktop.gui.pages.home_page import HomePage

SMOKE_TIMEOUT_MS = 120_000
ENV_STARTUP_REPORT = "VNR_STARTUP_REPORT"
"""If set, the app writes start-up timings (JSON) to this file (bench/startup.py)."""


def peek_settings(data_dir: Path | str | None) -> dict[str, object]:
    """The saved settings before the window is built (core/settings_peek.py: no models)."""

    return peek(resolve_paths(data_dir).user_db)


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    return app


def prepare(app: QApplication, data_dir: Path | str | None) -> None:
    """Translations and theme from the saved settings (before any widget exists)."""

    settings = peek_settings(data_dir)
    lang = settings.get("language") if settings.get("language") in ("nb", "en") else "nb"
    install_translators(app, str(lang))
    scale = settings.get("text_scale", 1.0)
    scale = float(scale) if isinstance(scale, int | float) and 0.8 <= scale <= 2.0 else 1.0
    theme.apply_theme(app, scale=scale, high_contrast=bool(settings.get("high_contrast", False)))


def _report_startup(times: dict[str, float]) -> None:
    target = os.environ.get(ENV_STARTUP_REPORT)
    if target:
        Path(target).write_text(json.dumps(times), encoding="utf-8")


def smoke_report(window: MainWindow, times: dict[str, float]) -> tuple[bool, str]:
    """What ``--smoke`` checks on screen once the numbers are painted, and its one line.

    It exits before the rest of the content loads when the first screen came from the
    library's summary: ``vnr-desktop --smoke`` measures the wait for the numbers; the GUI
    tests cover everything after.
    """
    snapshot = window.session.snapshot
    home = cast("HomePage", window.nav_ctl.page("home"))
    problems = []
    on_home = window.stack.currentWidget() is home and bool(home.bundles.text())
    if not on_home and (snapshot is None or not snapshot.bundles):
        problems.append("no content is on screen")
    if not window.strip.buttons:
        problems.append("the emergency strip is empty")
    if window.session.errors.unexpected_count:
        problems.append(
            f"{window.session.errors.unexpected_count} unexpected error(s), see the log"
        )
    if problems:
        return False, "smoke: FAILED: " + "; ".join(problems)
    shown_ms = (times.get("shown_monotonic", 0) - times["start_monotonic"]) * 1000
    content_ms = (times["content_monotonic"] - times["start_monotonic"]) * 1000
    source = (
        f"{len(snapshot.bundles)} bundles, {len(snapshot.items)} items"
        if snapshot is not None
        else "from the library's first-screen summary"
    )
    return True, (
        f"smoke: ok: window shown in {shown_ms:.0f} ms, numbers and home page in "
        f"{content_ms:.0f} ms ({source}); {len(window.strip.buttons)} emergency numbers"
    )


def run(data_dir: Path | str | None = None, *, smoke: bool = False) -> int:
    times: dict[str, float] = {"start_monotonic": time.monotonic()}
    # timed as their own phase ("gui imports" in bench/startup.py): the window and its controllers
    from vnr_desktop.gui.errors import install_excepthook, remove_logging, setup_logging
    from vnr_desktop.gui.main_window import MainWindow

    times["imported_monotonic"] = time.monotonic()
    app = create_application()
    paths = resolve_paths(data_dir)
    log_handler = setup_logging(paths.logs)
    prepare(app, data_dir)
    times["prepared_monotonic"] = time.monotonic()
    window = MainWindow(data_dir, background_updates=not smoke)
    restore_hook = install_excepthook(window.session.errors)
    times["built_monotonic"] = time.monotonic()
    window.first_painted.connect(lambda: times.setdefault("shown_monotonic", time.monotonic()))
    window.show()
    outcome = {"code": 0}

    def shown() -> None:
        """The numbers and the home page are painted: what the person waits for."""
        times["content_monotonic"] = time.monotonic()
        startup_gc.resume()
        _report_startup(times)
        if smoke:
            QTimer.singleShot(0, finish_smoke)

    def finish_smoke() -> None:
        ok, report = smoke_report(window, times)
        if not ok:
            outcome["code"] = 1
        print(report, file=sys.stdout if ok else sys.stderr)
        window.close()

    def timeout() -> None:
        print("smoke: FAILED: the content did not load in time", file=sys.stderr)
        outcome["code"] = 1
        window.close()

    def open_failed(message: str) -> None:
        startup_gc.resume()
        if smoke:
            print(f"smoke: FAILED: the content could not be opened: {message}", file=sys.stderr)
            outcome["code"] = 1
            window.close()

    window.first_content_shown.connect(shown)
    window.session.open_failed.connect(open_failed)
    if smoke:
        QTimer.singleShot(SMOKE_TIMEOUT_MS, timeout)
    code = app.exec()
    startup_gc.resume()
    window.shutdown()
    restore_hook()
    remove_logging(log_handler)
    return outcome["code"] or code


def run_smoke(data_dir: Path | str | None = None) -> int:
    """Start the real app, wait until the main window shows content, exit 0 (1 on failure)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run(data_dir, smoke=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vnr-desktop-gui", description=APP_NAME)
    parser.add_argument("--data-dir", metavar="DIR", help="keep the library and user data in DIR")
    parser.add_argument("--smoke", action="store_true", help="start, wait for content, exit 0")
    args, _qt_args = parser.parse_known_args(argv)
    if args.smoke:
        return run_smoke(args.data_dir)
    return run(args.data_dir)


if __name__ == "__main__":
    raise SystemExit(main())

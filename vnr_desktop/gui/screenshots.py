"""Developer tool: drive the real app through every screen and save a PNG of each.

    DISPLAY=:99 python -m vnr_desktop.gui.screenshots docs/screenshots [--data-dir DIR]
    xvfb-run -s '-screen 0 1366x768x24' env QT_SCALE_FACTOR=1.5 \
        python -m vnr_desktop.gui.screenshots docs/screenshots --prefix 1366x768-150-

Run it under Xvfb (or any display) to see the app as users do; with QT_QPA_PLATFORM=offscreen it
works too. It uses a fresh data folder (first start) unless --data-dir is given, and never the
user's own folders.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QWidget

from vnr_desktop.gui.app import create_application, prepare
from vnr_desktop.gui.errors import setup_logging
from vnr_desktop.gui.i18n import switch_language
from vnr_desktop.gui.main_window import MainWindow

if TYPE_CHECKING:
    from vnr_desktop.gui.content import Snapshot


def wait_until(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        QTimer.singleShot(30, loop.quit)
        loop.exec()


def settle(msecs: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(msecs, loop.quit)
    loop.exec()


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--municipality", default="3407", help="kommunenummer to choose")
    parser.add_argument("--only", nargs="*", help="screen names to take")
    parser.add_argument("--lang", choices=("nb", "en"), default="nb")
    parser.add_argument("--prefix", default="", help="put before each file name")
    parser.add_argument(
        "--size",
        help="window size WxH; by default the window places itself on the screen as for a user "
        "(maximised on a small screen)",
    )
    return parser.parse_args(argv)


class Shooter:
    def __init__(self, window: MainWindow, out: Path, prefix: str, wanted: set[str]) -> None:
        self.window = window
        self.out = out
        self.prefix = prefix
        self.wanted = wanted
        self.taken: list[Path] = []

    def __call__(self, name: str, widget: QWidget | None = None) -> None:
        if self.wanted and name not in self.wanted:
            return
        settle()
        path = self.out / f"{self.prefix}{name}.png"
        (widget or self.window).grab().save(str(path))
        self.taken.append(path)
        print(path)


def _open_window(args: argparse.Namespace, data_dir: Path) -> MainWindow:
    app = create_application()
    setup_logging(data_dir / "logs")
    prepare(app, data_dir)
    if args.lang == "en":
        switch_language(app, "en")
    window = MainWindow(data_dir, background_updates=False)
    window.session.errors.message.connect(lambda level, text: print(f"[{level}] {text}"))
    if args.size:
        width, height = (int(v) for v in args.size.lower().split("x"))
        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(width, height)
        window.move(0, 0)
    window.show()
    if window.isMaximized() and window.screen() is not None:
        # without a window manager (Xvfb) nobody maximises: fill the available area ourselves
        window.setGeometry(window.screen().availableGeometry())
    return window


def _snapshot(window: MainWindow) -> Snapshot:
    """The window's content: every step below runs once it has loaded."""
    snapshot = window.session.snapshot
    assert snapshot is not None, "the content has not loaded"
    return snapshot


def _first_start_and_home(window: MainWindow, shot: Shooter, municipality: str) -> None:
    wait_until(lambda: window.session.snapshot is not None, timeout=300)
    settle(600)
    if not _snapshot(window).settings.first_run_done:
        window.first_run_page.chooser.filter.setText("gj")
        shot("01-first-start")
        window._first_run_chosen(municipality)
    wait_until(lambda: _snapshot(window).region is not None)
    window.message_bar.dismiss()
    window.go("home")
    shot("02-home")


def _reading_pages(window: MainWindow, shot: Shooter) -> None:
    window.search_field.setFocus()
    window.search_field.setText("krisesenter")
    wait_until(
        lambda: (
            window.search_page.model.rowCount() > 0 and window.search_page.query == "krisesenter"
        )
    )
    shot("03-search")
    window.search_field.clear()
    window.go("child")
    shot("04-guide-child")
    window.go("adult")
    shot("05-guide-adult")
    window.go("contacts")
    ref = next(
        (r for r, c in window.contacts_page.model._rows if c.category == "krisesenter"),
        None,
    )
    if ref:
        window.contacts_page.select(ref)
    shot("06-contacts")
    window.go("measures")
    shot("07-measures")


def _card_studio(window: MainWindow, shot: Shooter) -> None:
    window.go("cards")
    studio = window.card_studio
    wait_until(lambda: studio.cards_model.rowCount() > 0)
    wait_until(lambda: studio.current is not None, timeout=120)
    shot("08-card-studio")
    window._print_dialog = None
    studio.print_preview_button.click()
    wait_until(
        lambda: (
            isinstance(window._print_dialog, QPrintPreviewDialog)
            and window._print_dialog.isVisible()
        ),
        120,
    )
    settle(800)
    shot("15-print-preview", window._print_dialog)
    window._print_dialog.reject()
    studio.format.setCurrentIndex(studio.format.findData("a4-poster"))
    wait_until(
        lambda: studio.current is not None and studio.current.rendered.request.fmt == "a4-poster",
        120,
    )
    shot("09-card-studio-poster")


def _own_contacts(window: MainWindow, shot: Shooter) -> None:
    window.go("own")
    if not _snapshot(window).own_contacts():
        window.own_page.add()
        dialog = window.own_page.dialog
        assert dialog is not None
        dialog.name.setText("Leder på helsestasjonen")
        dialog.phone.setText("12 34 56 78")  # made up: not a real number
        dialog.hours.setText("man–fre 08–15.30")
        dialog.phone_label.setText("Mobil (eksempel)")
        shot("10-own-contact-dialog", dialog)
        dialog.try_save()
        wait_until(lambda: bool(_snapshot(window).own_contacts()))
    window.message_bar.dismiss()
    shot("11-own-contacts")


def _settings_and_hide(window: MainWindow, shot: Shooter) -> None:
    window.go("settings")
    shot("12-settings")
    bar = window.settings_page.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot("12b-settings-content-and-updates")
    window.change_settings({"high_contrast": True, "text_scale": 1.5})
    window.go("child")
    shot("13-high-contrast-large-text")
    window.go("settings")
    shot("13b-high-contrast-settings")
    window.change_settings({"high_contrast": False, "text_scale": 1.0})
    window.message_bar.dismiss()
    window.go("home")
    window.hide_now()
    shot("14-quick-hide")
    window.unhide()


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="vnr-shots-"))
    window = _open_window(args, data_dir)
    shot = Shooter(window, out, args.prefix, set(args.only or []))
    _first_start_and_home(window, shot, args.municipality)
    _reading_pages(window, shot)
    _card_studio(window, shot)
    _own_contacts(window, shot)
    _settings_and_hide(window, shot)
    window.close()
    QApplication.processEvents()
    print(f"{len(shot.taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

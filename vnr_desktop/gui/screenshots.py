"""Developer tool: drive the real app through every screen and save a PNG of each.

    DISPLAY=:99 python -m vnr_desktop.gui.screenshots docs/screenshots [--data-dir DIR]

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

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

SCREEN_SIZE = (1366, 850)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--municipality", default="3407", help="kommunenummer to choose")
    parser.add_argument("--only", nargs="*", help="screen names to take")
    parser.add_argument("--lang", choices=("nb", "en"), default="nb")
    parser.add_argument("--prefix", default="", help="put before each file name")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="vnr-shots-"))

    from vnr_desktop.gui.app import create_application, prepare
    from vnr_desktop.gui.errors import setup_logging
    from vnr_desktop.gui.main_window import MainWindow

    app = create_application()
    setup_logging(data_dir / "logs")
    prepare(app, data_dir)
    if args.lang == "en":
        from vnr_desktop.gui.i18n import install_translators

        install_translators(app, "en")
    window = MainWindow(data_dir, background_updates=False)
    window.session.errors.message.connect(lambda level, text: print(f"[{level}] {text}"))
    window.resize(*SCREEN_SIZE)
    window.move(0, 0)
    window.show()
    wanted = set(args.only or [])
    taken: list[Path] = []

    def shot(name: str) -> None:
        if wanted and name not in wanted:
            return
        settle()
        path = out / f"{args.prefix}{name}.png"
        window.grab().save(str(path))
        taken.append(path)
        print(path)

    wait_until(lambda: window.session.snapshot is not None, timeout=300)
    settle(600)
    if not window.session.snapshot.settings.first_run_done:  # type: ignore[union-attr]
        window.first_run_page.chooser.filter.setText("gj")
        shot("01-first-start")
        window._first_run_chosen(args.municipality)
    wait_until(lambda: window.session.snapshot.region is not None)  # type: ignore[union-attr]
    window.message_bar.dismiss()
    window.go("home")
    shot("02-home")

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

    window.go("cards")
    studio = window.card_studio
    wait_until(lambda: studio.cards_model.rowCount() > 0)
    wait_until(lambda: studio.current is not None, timeout=120)
    shot("08-card-studio")
    studio.format.setCurrentIndex(studio.format.findData("a4-poster"))
    wait_until(
        lambda: studio.current is not None and studio.current.rendered.request.fmt == "a4-poster",
        120,
    )
    shot("09-card-studio-poster")

    window.go("own")
    if not window.session.snapshot.own_contacts():  # type: ignore[union-attr]
        window.own_page.add()
        dialog = window.own_page.dialog
        assert dialog is not None
        dialog.name.setText("Leder på helsestasjonen")
        dialog.phone.setText("12 34 56 78")  # made up: not a real number
        dialog.hours.setText("man–fre 08–15.30")
        dialog.phone_label.setText("Mobil (eksempel)")
        settle()
        if not wanted or "10-own-contact-dialog" in wanted:
            dialog.grab().save(str(out / f"{args.prefix}10-own-contact-dialog.png"))
        dialog.try_save()
        wait_until(lambda: bool(window.session.snapshot.own_contacts()))  # type: ignore[union-attr]
    window.message_bar.dismiss()
    shot("11-own-contacts")

    window.go("settings")
    shot("12-settings")
    bar = window.settings_page.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot("12b-settings-content-and-updates")

    window.change_settings({"high_contrast": True, "text_scale": 1.3})
    window.go("child")
    shot("13-high-contrast-large-text")
    window.change_settings({"high_contrast": False, "text_scale": 1.0})
    window.message_bar.dismiss()

    window.go("home")
    window.hide_now()
    shot("14-quick-hide")
    window.unhide()

    window.close()
    QApplication.processEvents()
    print(f"{len(taken)} screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

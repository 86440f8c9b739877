"""Shared fixtures and helpers for the GUI tests (loaded by conftest.py as a plugin).

Every GUI test runs against a real library: the built-in bundles plus the small made-up test
bundle ("testregion", municipality 9901 Testby, numbers 99 00 00 01/02), copied from a template
built once per session. User settings are written to user.db before the window opens.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

TEST_BUNDLE = Path(__file__).parent / "fixtures" / "bundles" / "testregion"
TEST_MUNICIPALITY = "9901"
TEST_REGION = "testregion"
CONTENT_TIMEOUT_MS = 30_000

OFFSCREEN_DIALOG_NOISE = r"This plugin does not support propagateSizeHints\(\)"
"""The offscreen platform warns this when any dialog opens; it says nothing about the app."""


@pytest.fixture(scope="session")
def gui_library_template(
    builtin_library_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """library.db with the built-in bundles and the test bundle installed (once per session)."""
    from vnr_desktop.core.library import Library

    folder = tmp_path_factory.mktemp("gui-library")
    shutil.copy(builtin_library_template, folder / "library.db")
    lib = Library(folder / "library.db")
    lib.install_dir(TEST_BUNDLE)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    return folder / "library.db"


def write_settings(data_dir: Path, **settings: Any) -> None:
    from vnr_desktop.core.settings import Settings
    from vnr_desktop.core.userdata import open_userdata

    ud = open_userdata(data_dir)
    try:
        ud.save_settings(Settings.model_validate({**Settings().model_dump(), **settings}))
    finally:
        ud.close()


def read_settings(data_dir: Path) -> dict[str, Any]:
    conn = sqlite3.connect(data_dir / "user.db")
    try:
        row = conn.execute("SELECT json FROM settings WHERE id=1").fetchone()
    finally:
        conn.close()
    return json.loads(row[0]) if row else {}


@pytest.fixture
def gui_data(data_dir: Path, gui_library_template: Path) -> Path:
    """A data folder with the content installed and the user set up in Testby (testregion)."""
    shutil.copy(gui_library_template, data_dir / "library.db")
    write_settings(
        data_dir,
        municipality=TEST_MUNICIPALITY,
        region=TEST_REGION,
        first_run_done=True,
    )
    return data_dir


@pytest.fixture(autouse=True)
def _wait_for_worker_threads() -> Iterator[None]:
    """No test ends with a worker thread still running ("QThread destroyed while running")."""
    yield
    jobs = sys.modules.get("vnr_desktop.gui.jobs")
    if jobs is not None:
        assert jobs.wait_for_all_runners(30_000), "worker threads did not finish"


@pytest.fixture(autouse=True)
def _reset_theme() -> Iterator[None]:
    """The theme is application-wide: put it back after each test."""
    yield
    if "vnr_desktop.gui.theme" not in sys.modules:
        return  # not a GUI test: never load Qt for it
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        from vnr_desktop.gui import theme

        # Windows closed by earlier tests are only deleteLater()'d: delete them now, so the
        # theme change below never restyles a window whose session was shut down.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        theme.apply_theme(app, scale=1.0, high_contrast=False)


@pytest.fixture(autouse=True)
def _reset_language() -> Iterator[None]:
    """The language is application-wide too: a test that switched it (the soak does) leaves
    no catalogue installed for the next."""
    yield
    if "vnr_desktop.gui.i18n" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication

    from vnr_desktop.gui.i18n import remove_all_translators

    app = QCoreApplication.instance()
    if app is not None:
        remove_all_translators(app)


def open_window(
    qtbot: Any, data_dir: Path, size: tuple[int, int] | None = (1280, 820), **kwargs: Any
) -> Any:
    """The main window with content; at ``size`` (not maximised on the offscreen platform's
    800 x 600 screen), or where it places itself if ``size`` is None."""
    from vnr_desktop.gui.main_window import MainWindow

    kwargs.setdefault("background_updates", False)
    window = MainWindow(data_dir, **kwargs)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    if size is not None:
        from PySide6.QtCore import Qt

        window.setWindowState(Qt.WindowState.WindowNoState)
        window.resize(*size)
    with qtbot.waitSignal(window.content_ready, timeout=CONTENT_TIMEOUT_MS):
        window.show()
    return window


def press_key(qtbot: Any, widget: Any, key: Any, modifier: Any = None) -> None:
    """A key press as the keyboard makes it: to the QWindow of ``widget``'s window, which hands
    it to its focus widget. (``qtbot.keyClick(widget, ...)`` skips the QWindow, so the app's
    window-level key filters, gui/window_keys.py, would not see it.)"""
    from PySide6.QtCore import Qt

    handle = widget.window().windowHandle()
    assert handle is not None, f"{widget!r} is in no shown window"
    qtbot.keyClick(handle, key, modifier or Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def window(qtbot: Any, gui_data: Path) -> Any:
    return open_window(qtbot, gui_data)


def wait_idle(qtbot: Any, window: Any, timeout: int = 30_000) -> None:
    """Until every submitted job has delivered its result."""
    qtbot.waitUntil(lambda: window.session.jobs.pending() == 0, timeout=timeout)


def interactive_widgets(root: Any) -> list[Any]:
    """Every control a user can operate under ``root`` (and ``root`` itself)."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
        QWidget,
    )

    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )
    found = [root] if isinstance(root, kinds) else []
    for child in root.findChildren(QWidget):
        if not isinstance(child, kinds):
            continue
        # Qt's own parts of a composite control (a combo's line edit, a spin box's line edit,
        # a scroll area's scroll bars) are named through their owner.
        parent = child.parentWidget()
        if isinstance(child, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
            continue
        if isinstance(child, QAbstractSlider) and child.objectName().startswith("qt_scrollarea"):
            continue
        if (
            isinstance(child, QAbstractSlider)
            and parent is not None
            and parent.objectName().startswith("qt_scrollarea")
        ):
            continue
        if isinstance(child, QAbstractButton) and child.objectName() == "qt_toolbutton":
            continue
        found.append(child)
    return found


def unnamed(widgets: list[Any]) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r} text={getattr(w, 'text', lambda: '')()!r}"
        for w in widgets
        if not w.accessibleName().strip()
    ]


Predicate = Callable[[], bool]


STUDIO_REGION = "hallingdal"
"""The region the card-studio tests print (a region with every local number)."""


@pytest.fixture
def studio(window: Any, qtbot: Any) -> Any:
    """The card studio, its cards listed and showing STUDIO_REGION's first card."""
    window.go("cards")
    studio = window.card_studio
    qtbot.waitUntil(lambda: studio.cards_model.rowCount() > 0, timeout=20_000)
    studio.region.setCurrentIndex(studio.region.findData(STUDIO_REGION))
    qtbot.waitUntil(
        lambda: (
            studio.current is not None and studio.current.rendered.request.region == STUDIO_REGION
        ),
        timeout=30_000,
    )
    return studio

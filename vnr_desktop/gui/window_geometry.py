"""Where the main window opens: inside the screen's available area, remembered per screen.

The geometry is kept in ``window.ini`` in the user's data folder (``VNR_DATA_DIR`` in tests),
one entry per screen (name and size), so a laptop that is sometimes docked to a large monitor
opens right on each. Without a saved geometry the window is maximised on screens smaller than
1280 x 800 and centred at 1280 x 820 (or less) on larger ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from vnr_desktop.core.paths import resolve_paths
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

PREFERRED = (1280, 820)
SMALL_SCREEN = (1280, 800)
MINIMUM = (760, 480)
"""The smallest the window may be made: below 1024 x 600 with room for the taskbar."""


def settings_path(data_dir: Path | str | None) -> Path:
    return resolve_paths(data_dir).data / "window.ini"


def _screen(window: QWidget) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def screen_key(screen: QScreen) -> str:
    size = screen.geometry().size()
    name = "".join(ch if ch.isalnum() else "_" for ch in screen.name()) or "screen"
    return f"{name}_{size.width()}x{size.height()}"


def default_geometry(available: QRect) -> tuple[QRect, bool]:
    """(geometry, maximised) for a window without a saved place on this screen."""
    small = available.width() < SMALL_SCREEN[0] or available.height() < SMALL_SCREEN[1]
    width = min(PREFERRED[0], available.width())
    height = min(PREFERRED[1], available.height())
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect, small


def place(window: QWidget, data_dir: Path | str | None) -> None:
    """Give ``window`` its saved geometry on this screen, or the default; never off-screen."""
    window.setMinimumSize(*MINIMUM)
    screen = _screen(window)
    if screen is None:
        window.resize(*PREFERRED)
        return
    available = screen.availableGeometry()
    store = QSettings(str(settings_path(data_dir)), QSettings.Format.IniFormat)
    saved = store.value(f"{screen_key(screen)}/geometry")
    if saved is not None and window.restoreGeometry(saved):
        frame = window.geometry()
        if available.contains(frame.center()) and frame.height() <= available.height():
            return
    rect, maximised = default_geometry(available)
    window.setGeometry(rect)
    if maximised:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def remember(window: QWidget, data_dir: Path | str | None) -> None:
    """Save the window's geometry for the screen it is on (called when it closes)."""
    screen = _screen(window)
    if screen is None:
        return
    try:
        store = QSettings(str(settings_path(data_dir)), QSettings.Format.IniFormat)
        store.setValue(f"{screen_key(screen)}/geometry", window.saveGeometry())
        store.sync()
    except OSError:
        pass  # a window place is not worth an error message

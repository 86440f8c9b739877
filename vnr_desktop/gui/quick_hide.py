"""Quick hide: a visible button and Esc pressed twice put a neutral screen over everything.

The neutral screen looks like an empty note; nothing on it (title, icon, text) mentions violence
or the app. Dialogs and tooltips close with it, and a number the app copied is cleared from the
clipboard.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.controllers.host import as_widget
from vnr_desktop.gui.icon import app_icon
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py
from vnr_desktop.gui.window_keys import WindowKeyFilter

if TYPE_CHECKING:
    from vnr_desktop.gui.controllers.host import Host

DOUBLE_PRESS_SECONDS = 0.8


class DoubleEscapeFilter(WindowKeyFilter):
    """In every window: emits ``triggered`` when Esc is pressed twice within 0.8 s.

    It watches each window's QWindow (gui/window_keys.py), which gets each key press once and
    before any widget: the first Esc still reaches the widget (a dialog closes on it), the
    second hides.
    """

    triggered = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_escape = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.isAutoRepeat()
        )
        if is_escape:
            now = time.monotonic()
            if now - self._last <= DOUBLE_PRESS_SECONDS:
                self._last = 0.0
                self.triggered.emit()
                return True
            self._last = now
        return False


RESUME_SHORTCUT = "Ctrl+Return"


class NeutralScreen(QFrame):
    """The cover. The way back ("Fortsett") sits at the top, beside the heading, so it is on
    screen at any window size; Tab leaves the note field for it, and Ctrl+Enter (or Alt+F)
    presses it."""

    resume = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("neutralScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        row = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setProperty("role", "h2")
        row.addWidget(self.heading, 1)
        self.resume_button = QPushButton(self)
        self.resume_button.clicked.connect(self.resume)
        row.addWidget(self.resume_button)
        layout.addLayout(row)
        self.note = QPlainTextEdit(self)
        self.retranslate()
        self.note.setFrameShape(QFrame.Shape.NoFrame)
        self.note.setTabChangesFocus(True)
        layout.addWidget(self.note, 1)
        for sequence in (RESUME_SHORTCUT, "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.resume)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Notater"))
        self.resume_button.setText(self.tr("&Fortsett"))
        named(self.resume_button, self.tr("Fortsett"), self.tr("Ctrl+Enter"))
        self.resume_button.setToolTip(self.tr("Fortsett (Ctrl+Enter)"))
        named(self.note, self.tr("Notat"))

    def window_title(self) -> str:
        return self.tr("Notater")


class QuickHideController(QObject):
    """Hides the window's content behind the neutral screen and brings it back; Esc twice
    anywhere in the app hides."""

    def __init__(self, window: Host) -> None:
        super().__init__(as_widget(window))
        self.w = window
        self._hidden = False
        self._neutral: NeutralScreen | None = None
        self.escape_filter = DoubleEscapeFilter(self)
        self.escape_filter.triggered.connect(self.hide_now)

    def shutdown(self) -> None:
        self.escape_filter.detach()

    @property
    def neutral(self) -> NeutralScreen:
        """The quick-hide cover (built after the first frame; at once if needed before)."""
        if self._neutral is None:
            self._neutral = NeutralScreen(self.w.outer)
            self._neutral.resume.connect(self.unhide)
            self.w.outer.addWidget(self._neutral)
        return self._neutral

    @property
    def is_hidden_now(self) -> bool:
        return self._hidden

    def hide_now(self) -> None:
        """Cover everything with the neutral screen at once."""
        self._hidden = True
        self.w.outer.setCurrentWidget(self.neutral)
        self.w.setWindowTitle(self.neutral.window_title())
        self.w.setWindowIcon(QIcon())

        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            if widget is not as_widget(self.w) and widget.isVisible() and widget.isWindow():
                widget.hide()
        clipboard = QGuiApplication.clipboard()
        if self.w.strip.last_copied and clipboard.text() == self.w.strip.last_copied:
            clipboard.clear()
        self.neutral.note.setFocus()

    def unhide(self) -> None:
        self._hidden = False
        self.w.outer.setCurrentWidget(self.w.content)
        self.w.setWindowTitle(self.w._title)
        self.w.setWindowIcon(app_icon())
        self.w.hide_button.setFocus()

"""Quick hide: a visible button and Esc pressed twice put a neutral screen over everything.

The neutral screen looks like an empty note; nothing on it (title, icon, text) mentions violence
or the app. Dialogs and tooltips close with it, and a number the app copied is cleared from the
clipboard.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

DOUBLE_PRESS_SECONDS = 0.8


class DoubleEscapeFilter(QObject):
    """Application-wide: emits ``triggered`` when Esc is pressed twice within 0.8 s."""

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
            and self._first_receiver(watched)
        )
        if is_escape:
            now = time.monotonic()
            if now - self._last <= DOUBLE_PRESS_SECONDS:
                self._last = 0.0
                self.triggered.emit()
                return True
            self._last = now
        return False

    @staticmethod
    def _first_receiver(watched: QObject) -> bool:
        """Count a key press once: an ignored key event is sent on to each parent widget, and
        the filter sees every delivery. Only the focus widget's (or a focus-less window's)
        delivery counts."""
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        return watched is focus if focus is not None else watched.isWindow()


class NeutralScreen(QFrame):
    resume = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("neutralScreen")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 20)
        heading = QLabel(self.tr("Notater"), self)
        heading.setProperty("role", "h2")
        layout.addWidget(heading)
        self.note = named(QPlainTextEdit(self), self.tr("Notat"))
        self.note.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.note, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.resume_button = named(QPushButton(self.tr("Fortsett"), self), self.tr("Fortsett"))
        self.resume_button.setFlat(True)
        self.resume_button.clicked.connect(self.resume)
        row.addWidget(self.resume_button)
        layout.addLayout(row)

    def window_title(self) -> str:
        return self.tr("Notater")

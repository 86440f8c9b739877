"""The one place messages reach the user: a bar floating over the bottom of the window.

Errors stay until closed; information (a number copied) fades after a few seconds. Nothing here
is modal, so a message never blocks the user's work; and the bar lies over the page instead of
pushing it down, so nothing moves under the pointer when a message comes or goes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

INFO_MSECS = 5000
MARGIN = 16
MAX_WIDTH = 760


class MessageBar(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.close_button = QPushButton(self)
        self.retranslate()
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.level = ""
        self.setAutoFillBackground(True)
        parent.installEventFilter(self)
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Lukk"))
        named(self.close_button, self.tr("Lukk meldingen"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        """Bottom centre of the parent, as wide as the text needs up to MAX_WIDTH."""
        parent = self.parentWidget()
        if parent is None:
            return
        width = min(MAX_WIDTH, parent.width() - 2 * MARGIN)
        height = self.heightForWidth(width)
        if height < 0:
            height = self.sizeHint().height()
        rect = QRect(0, 0, width, height)
        rect.moveCenter(parent.rect().center())
        rect.moveBottom(parent.height() - MARGIN)
        self.setGeometry(rect)

    def show_message(self, level: str, text: str) -> None:
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.setAccessibleName(text)
        self._place()
        self.show()
        self.raise_()
        if level == "info":
            self._timer.start(INFO_MSECS)
        else:
            self._timer.stop()

    def dismiss(self) -> None:
        self._timer.stop()
        self.level = ""
        self.hide()

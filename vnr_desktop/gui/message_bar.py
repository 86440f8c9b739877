"""The one place messages reach the user: a bar under the search field.

Errors stay until closed; information (a number copied) fades after a few seconds. Nothing here
is modal, so a message never blocks the user's work.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

INFO_MSECS = 5000


class MessageBar(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.close_button = named(QPushButton(self.tr("Lukk"), self), self.tr("Lukk meldingen"))
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.dismiss)
        self.level = ""
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()
        if level == "info":
            self._timer.start(INFO_MSECS)
        else:
            self._timer.stop()

    def dismiss(self) -> None:
        self._timer.stop()
        self.level = ""
        self.hide()

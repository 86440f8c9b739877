"""A list beside its details on a wide window, above them on a narrow one.

A horizontal splitter squeezes the details pane to a sliver when the window is narrow or the text
large (a phone number then wraps character by character); under ``NARROW_PX`` the splitter turns
vertical, so both panes keep the full width.
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

NARROW_PX = 720


class ResponsiveSplitter(QSplitter):
    def __init__(self, parent: QWidget, narrow_px: int = NARROW_PX) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.narrow_px = narrow_px

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            Qt.Orientation.Vertical
            if event.size().width() < self.narrow_px
            else Qt.Orientation.Horizontal
        )
        if wanted != self.orientation():
            self.setOrientation(wanted)
            count = self.count()
            if count:
                length = (
                    event.size().height()
                    if wanted == Qt.Orientation.Vertical
                    else event.size().width()
                )
                self.setSizes([length // count] * count)
        super().resizeEvent(event)

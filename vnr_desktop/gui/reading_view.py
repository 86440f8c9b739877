"""A read-only rich-text view whose links open items, copy numbers or open the web browser."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from vnr_desktop.gui.a11y import named


class ReadingView(QTextBrowser):
    open_ref = Signal(str)
    copy_number = Signal(str)

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        named(self, name)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._link)
        self.document().setDocumentMargin(16)

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        scheme, _sep, rest = text.partition(":")
        if scheme == "item":
            self.open_ref.emit(rest)
        elif scheme == "copy":
            self.copy_number.emit(QUrl.fromPercentEncoding(rest.encode()))
        elif scheme in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

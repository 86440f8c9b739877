"""A list row with a bold title, a muted second line and an optional highlighted snippet.

Row heights come from font metrics (fast: a search can fill 40 rows while the user types); only
the visible rows are laid out as rich text, and those layouts are cached until the row changes.
"""

from __future__ import annotations

import re
from html import escape, unescape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from vnr_desktop.gui.item_models import SNIPPET_ROLE, SUBTITLE_ROLE

PADDING = 8
LINE_GAP = 2
_TAGS = re.compile(r"<[^>]+>")
_CACHE_LIMIT = 200

Index = QModelIndex | QPersistentModelIndex


_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")
NBSP = "\u00a0"


def keep_numbers_whole(text: str) -> str:
    """Spaces between digits become non-breaking: a phone number ("61 18 95 44") wraps as one
    word, never split over two lines."""
    return _DIGIT_SPACE.sub(NBSP, text)


def _texts(index: Index) -> tuple[str, str, str]:
    title = keep_numbers_whole(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
    subtitle = keep_numbers_whole(str(index.data(SUBTITLE_ROLE) or ""))
    snippet = keep_numbers_whole(str(index.data(SNIPPET_ROLE) or ""))
    return title, subtitle, snippet


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[object, ...], QTextDocument] = {}

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        viewport = getattr(view, "viewport", None)
        width = viewport().width() if viewport else option.rect.width()
        return max(width - 2 * PADDING, 120)

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        title, subtitle, snippet = _texts(index)
        key = (title, subtitle, snippet, width, selected, option.font.key())
        doc = self._docs.get(key)
        if doc is not None:
            return doc
        palette = option.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        text_color = palette.color(role).name()
        muted = palette.color(muted_role).name()
        html = f"<div style='color:{text_color}'><b>{escape(title)}</b>"
        if subtitle:
            html += f"<br/><span style='color:{muted}'>{escape(subtitle)}</span>"
        if snippet:
            html += f"<br/><span style='color:{text_color}'>{snippet}</span>"
        html += "</div>"
        doc = QTextDocument(self)
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(width)
        if len(self._docs) > _CACHE_LIMIT:
            for old in self._docs.values():
                old.deleteLater()
            self._docs.clear()
        self._docs[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index, self._width(option))
        painter.save()
        painter.translate(option.rect.left() + PADDING, option.rect.top() + PADDING / 2)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - PADDING, option.rect.height()))
        doc.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Height from font metrics; bold metrics for the snippet, so highlighted words that
        wrap differently never get cut off."""
        width = self._width(option)
        title, subtitle, snippet = _texts(index)
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        metrics = QFontMetrics(option.font)
        box = QRect(0, 0, width, 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        height = bold_metrics.boundingRect(box, flags, title).height()
        if subtitle:
            height += LINE_GAP + metrics.boundingRect(box, flags, subtitle).height()
        if snippet:
            plain = unescape(_TAGS.sub("", snippet))
            height += LINE_GAP + bold_metrics.boundingRect(box, flags, plain).height()
        return QSize(width + 2 * PADDING, height + PADDING + 4)

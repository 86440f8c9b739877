"""A list row with a bold title, a muted second line and an optional highlighted snippet."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from vnr_desktop.gui.item_models import SNIPPET_ROLE, SUBTITLE_ROLE

PADDING = 8


class TwoLineDelegate(QStyledItemDelegate):
    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ).name()
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        ).name()
        title = escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        html = f"<div style='color:{text_color}'><b>{title}</b>"
        subtitle = index.data(SUBTITLE_ROLE)
        if subtitle:
            html += f"<br/><span style='color:{muted}'>{escape(str(subtitle))}</span>"
        snippet = index.data(SNIPPET_ROLE)
        if snippet:
            html += f"<br/><span style='color:{text_color}'>{snippet}</span>"
        html += "</div>"
        doc.setHtml(html)
        doc.setDocumentMargin(0)
        view = option.widget
        viewport = getattr(view, "viewport", None)
        width = (viewport().width() if viewport else option.rect.width()) - 2 * PADDING
        doc.setTextWidth(max(width, 200))
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(option, index)
        painter.save()
        painter.translate(option.rect.left() + PADDING, option.rect.top() + PADDING / 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        painter.setClipRect(QRectF(0, 0, option.rect.width() - PADDING, option.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()) + 2 * PADDING, int(doc.size().height()) + PADDING)

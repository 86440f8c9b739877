"""Search results: a list the user moves through from the search field (arrows, Enter opens).

The results come grouped as core search ranks them: the user's region, national, other
regions, outdated items, then hits found only in the text. A group's heading is painted above
its first row (part of that row, not a row of its own), so the arrow keys and Enter move
through the results exactly as through a plain list, across the groups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.delegates import PADDING, TwoLineDelegate
from vnr_desktop.gui.item_models import REF_ROLE, SUBTITLE_ROLE, SearchResultsModel

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.search import ResultRow

GROUP_HEADING_ROLE = Qt.ItemDataRole.UserRole + 20
"""The heading of the row's group when the row is the group's first, else None."""
Index = QModelIndex | QPersistentModelIndex


class GroupedResultsModel(SearchResultsModel):
    """Search results with their group headings and what a row must say besides its title."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.group_titles: dict[str, str] = {}
        self.marks: dict[str, str] = {}
        """Texts for "outdated" and "nophone" (translated by the page)."""

    def heading(self, row: int) -> str | None:
        if not 0 <= row < self.rowCount():
            return None
        group: str = self.row_at(row).group
        if row > 0 and self.row_at(row - 1).group == group:
            return None
        return self.group_titles.get(group, group)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == GROUP_HEADING_ROLE:
            return self.heading(index.row())
        value = super().data(index, role)
        if role == SUBTITLE_ROLE and value is not None:
            row = self.row_at(index.row())
            extra: list[str] = []
            if row.kind == "contact" and not row.phones:
                extra.append(self.marks.get("nophone", ""))
            if row.outdated:
                extra.append(self.marks.get("outdated", ""))
            value = " · ".join([value, *(e for e in extra if e)])
        elif role == Qt.ItemDataRole.AccessibleTextRole and value is not None:
            heading = self.heading(index.row())
            value = f"{heading}: {value}" if heading else value
        return value


class GroupedDelegate(TwoLineDelegate):
    """Paints a group's heading in a band above the group's first row."""

    def _band(self, option: QStyleOptionViewItem, index: Index) -> int:
        if not index.data(GROUP_HEADING_ROLE):
            return 0
        return QFontMetrics(self._heading_font(option)).height() + PADDING + 4

    @staticmethod
    def _heading_font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        return font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        band = self._band(option, index)
        if band:
            painter.save()
            painter.setFont(self._heading_font(option))
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            rect = QRect(option.rect.left() + PADDING, option.rect.top() + PADDING, 0, 0)
            rect.setWidth(option.rect.width() - 2 * PADDING)
            rect.setHeight(band - PADDING - 3)
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignVCenter), index.data(GROUP_HEADING_ROLE)
            )
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            painter.restore()
        row = QStyleOptionViewItem(option)
        row.rect = option.rect.adjusted(0, band, 0, 0)
        super().paint(painter, row, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self._band(option, index))


class SearchPage(QWidget):
    open_ref = Signal(str)
    kinds_changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setProperty("role", "h2")
        top.addWidget(self.heading, 1)
        self.kind_filter = named(QComboBox(self), self.tr("Vis bare"))
        for text, kinds in (
            (self.tr("Alt"), ()),
            (self.tr("Kontakter"), ("contact",)),
            (self.tr("Veiledere"), ("guide",)),
            (self.tr("Tiltak og planer"), ("measure", "plan")),
        ):
            self.kind_filter.addItem(text, kinds)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.kinds_changed.emit())
        top.addWidget(self.kind_filter)
        layout.addLayout(top)
        self.translation_note = QLabel(self)
        self.translation_note.setWordWrap(True)
        self.translation_note.setProperty("role", "muted")
        self.translation_note.hide()
        layout.addWidget(self.translation_note)
        self.model = GroupedResultsModel(self)
        self.model.marks = {
            "nophone": self.tr("ingen brukbart nummer"),
            "outdated": self.tr("utdatert"),
        }
        self.view = named(QListView(self), self.tr("Søkeresultater"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(GroupedDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.activated.connect(self._activated)
        self.view.clicked.connect(self._activated)
        layout.addWidget(self.view, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        layout.addWidget(self.empty)
        self.query = ""

    def kinds(self) -> tuple[str, ...]:
        return tuple(self.kind_filter.currentData() or ())

    def set_searching(self, query: str) -> None:
        self.query = query
        self.heading.setText(self.tr("Søker etter «{0}» …").format(query))

    def group_titles(self) -> dict[str, str]:
        return {
            "home": self.tr("Din region"),
            "national": self.tr("Nasjonalt"),
            "regional": self.tr("Regionalt"),
            "other": self.tr("Andre regioner"),
            "outdated": self.tr("Utdatert innhold (rangert lavere)"),
            "text": self.tr("Nevnt i teksten"),
            "nonumber": self.tr("Andre regioner – uten brukbart nummer"),
        }

    def set_results(self, query: str, rows: list[ResultRow], region_titles: dict[str, str]) -> None:
        self.query = query
        self.model.region_titles = region_titles
        self.model.group_titles = self.group_titles()
        self.model.set_rows(rows)
        notes = list(dict.fromkeys(r.translation for r in rows if r.translation))
        self.translation_note.setVisible(bool(notes))
        self.translation_note.setText(
            self.tr("Oversatt fra engelsk: {0}").format("; ".join(notes)) if notes else ""
        )
        self.heading.setText(self.tr("%n treff for «{0}»", "", len(rows)).format(query))
        self.empty.setVisible(not rows)
        self.empty.setText(
            self.tr(
                "Ingen treff. Prøv et annet ord, en del av et ord eller et telefonnummer. "
                "Er det akutt: bruk numrene øverst i vinduet."
            )
        )
        if rows:
            self.view.setCurrentIndex(self.model.index(0, 0))

    def move_selection(self, delta: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = self.view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(count - 1, row + delta))
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def current_ref(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

    def open_current(self) -> bool:
        ref = self.current_ref()
        if ref:
            self.open_ref.emit(ref)
            return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if ref:
            self.open_ref.emit(ref)

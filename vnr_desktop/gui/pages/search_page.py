"""Search results: a list the user moves through from the search field (arrows, Enter opens)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.delegates import TwoLineDelegate
from vnr_desktop.gui.item_models import REF_ROLE, SearchResultsModel

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.search import ResultRow


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
        self.model = SearchResultsModel(self)
        self.view = named(QListView(self), self.tr("Søkeresultater"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
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

    def set_results(self, query: str, rows: list[ResultRow], region_titles: dict[str, str]) -> None:
        self.query = query
        self.model.region_titles = region_titles
        self.model.set_rows(rows)
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

    def move(self, delta: int) -> None:
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

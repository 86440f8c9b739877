"""A searchable list of the municipalities the installed content covers."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListView, QVBoxLayout, QWidget

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.item_models import REF_ROLE, MunicipalityModel


class MunicipalityChooser(QWidget):
    chosen = Signal(str)
    """Enter or double-click on a municipality: its kommunenummer."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = named(QLineEdit(self), self.tr("Søk etter kommune"))
        self.filter.setPlaceholderText(self.tr("Skriv navnet på kommunen"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = MunicipalityModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = named(QListView(self), self.tr("Kommuner"))
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(2)
        self.view.activated.connect(lambda index: self.chosen.emit(index.data(REF_ROLE)))
        layout.addWidget(self.view, 1)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._enter)

    def set_municipalities(self, rows: list[tuple[str, str, str]], current: str | None) -> None:
        self.model.set_rows(rows)
        self.select(current)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def _enter(self) -> None:
        number = self.current()
        if number:
            self.chosen.emit(number)

    def select(self, number: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(REF_ROLE) == number:
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
                return

    def current(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

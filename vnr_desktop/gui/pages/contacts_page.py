"""Contacts: a filterable list and every detail of the chosen one, with source and as-of date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.core.phones import phone_query_digits
from vnr_desktop.gui import labels
from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.delegates import TwoLineDelegate
from vnr_desktop.gui.html_render import contact_html
from vnr_desktop.gui.item_models import REF_ROLE, ContactListModel
from vnr_desktop.gui.reading_view import ReadingView
from vnr_desktop.gui.responsive import ResponsiveSplitter
from vnr_desktop.gui.theme import Colors

if TYPE_CHECKING:
    from vnr_desktop.core.models import Contact
    from vnr_desktop.gui.content import Snapshot

CATEGORY_ORDER = (
    "emergency",
    "police",
    "legevakt",
    "barnevernvakt",
    "barnevern",
    "krisesenter",
    "overgrepsmottak",
    "barnehus",
    "helpline",
    "familievern",
    "violence_help",
    "competence_team",
    "health_service",
    "municipal_service",
    "nav",
    "conflict_council",
    "support_organisation",
    "other",
)


def contact_matches(contact: Contact, text: str, category_text: str) -> bool:
    """A phone number (with or without spaces) matches the contact's numbers; words match its
    name, aliases and category."""

    digits = phone_query_digits(text)
    if digits:
        return any(digits in p.digits for p in contact.phones)
    haystack = " ".join([contact.name, *contact.aliases, category_text]).casefold()
    return all(word in haystack for word in text.casefold().split())


class ContactsPage(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.tr("Kontakter"), self)
        heading.setProperty("role", "h1")
        outer.addWidget(heading)
        splitter = ResponsiveSplitter(self)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter, 1)

        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        self.filter = named(QLineEdit(left), self.tr("Filtrer kontakter"))
        self.filter.setPlaceholderText(self.tr("Filtrer på navn eller nummer"))
        self.filter.setClearButtonEnabled(True)
        left_layout.addWidget(self.filter)
        row = QHBoxLayout()
        self.category = named(QComboBox(left), self.tr("Kategori"))
        row.addWidget(self.category, 1)
        left_layout.addLayout(row)
        self.all_regions = named(
            QCheckBox(self.tr("Vis alle regioner"), left),
            self.tr("Vis kontakter fra alle regioner"),
        )
        left_layout.addWidget(self.all_regions)
        self.model = ContactListModel(self)
        self.view = named(QListView(left), self.tr("Kontaktliste"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(True)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        left_layout.addWidget(self.view, 1)
        self.count = QLabel(left)
        self.count.setProperty("role", "muted")
        left_layout.addWidget(self.count)

        self.detail = ReadingView(splitter, self.tr("Kontaktdetaljer"))
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(80)
        self._filter_timer.timeout.connect(self.refresh)
        self.filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.all_regions.toggled.connect(lambda _b: self.refresh())
        self._snapshot: Snapshot | None = None
        self._colors: Colors | None = None

    def set_snapshot(self, snapshot: Snapshot, colors: Colors) -> None:
        self._snapshot = snapshot
        self._colors = colors
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("Alle kategorier"), None)
        present = {c.category for _r, c in snapshot.contacts(all_regions=True)}
        names = labels.category_labels()
        for code in CATEGORY_ORDER:
            if code in present:
                self.category.addItem(names.get(code, code), code)
        found = self.category.findData(current)
        self.category.setCurrentIndex(max(0, found))
        self.category.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        selected = self.selected_ref()
        text = self.filter.text().strip()
        category = self.category.currentData()
        names = labels.category_labels()
        order = {c: i for i, c in enumerate(CATEGORY_ORDER)}
        bundle_rank = {b: i for i, b in enumerate(snapshot.visible_bundles())}
        rows = [
            (ref, c)
            for ref, c in snapshot.contacts(all_regions=self.all_regions.isChecked())
            if (category is None or c.category == category)
            and contact_matches(c, text, names.get(c.category, ""))
        ]
        rows.sort(
            key=lambda rc: (
                order.get(rc[1].category, 99),
                bundle_rank.get(rc[0].partition(":")[0], 9),
                rc[1].name.casefold(),
            )
        )
        self.model.set_rows(rows)
        self.count.setText(self.tr("%n kontakter", "", len(rows)))
        row = self.model.row_of_ref(selected or "")
        if row >= 0 or rows:
            self.view.setCurrentIndex(self.model.index(max(row, 0), 0))

    def select(self, ref: str) -> bool:
        row = self.model.row_of_ref(ref)
        known = ref and self._snapshot is not None and self._snapshot.item(ref) is not None
        if row < 0 and known and not self.all_regions.isChecked():
            # A contact from another region (opened from search): widen the list to show it.
            self.filter.clear()
            self.category.setCurrentIndex(0)
            self.all_regions.setChecked(True)
            row = self.model.row_of_ref(ref)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def selected_ref(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        snapshot, colors = self._snapshot, self._colors
        ref = self.selected_ref()
        if snapshot is None or colors is None or ref is None:
            self.detail.clear()
            return
        contact = snapshot.item(ref)
        if contact is None or contact.kind != "contact":
            self.detail.clear()
            return
        self.detail.setHtml(contact_html(snapshot, ref, contact, colors))

"""A situation's guides laid out as SE / SPØR / AVKLAR / HANDLE, with linked contacts.

A list on the left holds the guides for the situation, best first (the tiltakskort-shaped guides
written for it), then general background; the chosen guide reads on the right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.delegates import TwoLineDelegate
from vnr_desktop.gui.html_render import guide_html
from vnr_desktop.gui.item_models import REF_ROLE, SUBTITLE_ROLE, ListModel
from vnr_desktop.gui.reading_view import ReadingView
from vnr_desktop.gui.responsive import ResponsiveSplitter
from vnr_desktop.gui.theme import Colors

if TYPE_CHECKING:
    from vnr_desktop.core.models import Guide
    from vnr_desktop.gui.content import Snapshot
    from vnr_desktop.gui.situations import SituationEntry

GRID_KINDS = frozenset({"se", "spor", "avklar", "handle"})


class GuideListModel(ListModel):
    """(ref, Guide, subtitle) rows."""

    def _data(self, row: tuple[str, Guide, str], role: int) -> Any:
        ref, guide, subtitle = row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return guide.title
        if role == REF_ROLE:
            return ref
        if role in (SUBTITLE_ROLE, Qt.ItemDataRole.AccessibleDescriptionRole):
            return subtitle
        return None


class GuidePage(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "h1")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        layout.addWidget(self.intro)
        splitter = ResponsiveSplitter(self)
        splitter.setChildrenCollapsible(False)
        self.model = GuideListModel(self)
        self.list = named(QListView(splitter), self.tr("Veiledere for denne situasjonen"))
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view = ReadingView(splitter, self.tr("Veileder"))
        splitter.addWidget(self.list)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 800])
        layout.addWidget(splitter, 1)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self._snapshot: Snapshot | None = None
        self._colors: Colors | None = None
        self.entry: SituationEntry | None = None

    def show_situation(
        self,
        snapshot: Snapshot,
        entry: SituationEntry | None,
        colors: Colors,
        ref: str | None = None,
    ) -> None:
        """Show the guides for ``entry``, or the single guide ``ref`` (from search)."""
        self._snapshot = snapshot
        self._colors = colors
        self.entry = entry
        rows: list[tuple[str, Guide, str]] = []
        if entry is not None:
            self.heading.setText(entry.title)
            self.intro.setText(entry.intro)
            for guide_ref, guide in snapshot.guides_for(entry.situations):
                rows.append((guide_ref, guide, self._subtitle(snapshot, guide_ref, guide, entry)))
        else:
            found = snapshot.item(ref or "")
            self.heading.setText(self.tr("Veileder"))
            self.intro.setText("")
            if found is not None and found.kind == "guide" and ref:
                guide = found
                rows.append((ref, guide, self._subtitle(snapshot, ref, guide, None)))
        self.intro.setVisible(bool(self.intro.text()))
        self.model.set_rows(rows)
        self.list.setVisible(len(rows) > 1)
        self.empty.setVisible(not rows)
        self.view.setVisible(bool(rows))
        self.empty.setText(
            self.tr(
                "Innholdet har ingen veileder for denne situasjonen ennå. Se Kontakter, eller "
                "bruk numrene øverst i vinduet hvis det er akutt."
            )
        )
        row = self.model.row_of_ref(ref) if ref else -1
        if rows:
            self.list.setCurrentIndex(self.model.index(max(row, 0), 0))
        else:
            self.view.clear()

    def _subtitle(
        self, snapshot: Snapshot, ref: str, guide: Guide, entry: SituationEntry | None
    ) -> str:
        bundle = snapshot.bundle(ref.partition(":")[0])
        parts = [bundle.title.split(" – ")[0] if bundle else ref.partition(":")[0]]
        if {s.kind for s in guide.sections} >= GRID_KINDS:
            parts.append(self.tr("Se, spør, avklar, handle"))
        elif entry is not None and not snapshot.is_specific(guide, entry.situations):
            parts.append(self.tr("Bakgrunn"))
        return " · ".join(parts)

    def current_ref(self) -> str | None:
        index = self.list.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

    def select(self, ref: str) -> bool:
        row = self.model.row_of_ref(ref)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        return row >= 0

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        ref = self.current_ref()
        if self._snapshot is None or self._colors is None or ref is None:
            self.view.clear()
            return
        guide = self._snapshot.item(ref)
        if guide is None:
            self.view.clear()
            return
        self.view.setHtml(guide_html(self._snapshot, ref, guide, self._colors))  # type: ignore[arg-type]
        self.view.verticalScrollBar().setValue(0)

"""The action plans' measures: a sortable, filterable table; overdue ones stand out; CSV export."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.core import atomic
from vnr_desktop.gui import labels
from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.html_render import measure_html
from vnr_desktop.gui.item_models import OVERDUE_ROLE, REF_ROLE, MeasuresFilter, MeasuresModel
from vnr_desktop.gui.reading_view import ReadingView
from vnr_desktop.gui.theme import CALM, Colors

if TYPE_CHECKING:
    from vnr_desktop.gui.content import Snapshot

CSV_DELIMITER = ";"
"""Norwegian spreadsheet programs expect semicolons (the comma is the decimal mark)."""


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    """UTF-8 with BOM so Excel shows æ, ø and å; written to a temporary file, then renamed."""
    with atomic.atomic_open(
        path, "w", encoding="utf-8-sig", newline="", make_parents=False
    ) as handle:
        writer = csv.writer(handle, delimiter=CSV_DELIMITER)
        writer.writerow(header)
        writer.writerows(rows)
    return path


class MeasuresPage(QWidget):
    export_requested = Signal(object, list, list)
    """(path, header, rows): the window writes the file on a worker thread."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Tiltaksplan"), self)
        heading.setProperty("role", "h1")
        top.addWidget(heading, 1)
        self.export_button = named(
            QPushButton(self.tr("Eksporter til CSV …"), self),
            self.tr("Eksporter tiltakene som vises til en CSV-fil"),
        )
        self.export_button.clicked.connect(self.choose_export_file)
        top.addWidget(self.export_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.plan = named(QComboBox(self), self.tr("Plan"))
        self.plan.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan.setMinimumContentsLength(24)
        filters.addWidget(self.plan, 2)
        self.status = named(QComboBox(self), self.tr("Status"))
        filters.addWidget(self.status)
        self.overdue = named(
            QCheckBox(self.tr("Bare forsinkede"), self), self.tr("Vis bare forsinkede tiltak")
        )
        filters.addWidget(self.overdue)
        self.text = named(QLineEdit(self), self.tr("Filtrer tiltak"))
        self.text.setPlaceholderText(self.tr("Filtrer på tekst eller ansvarlig"))
        self.text.setClearButtonEnabled(True)
        filters.addWidget(self.text, 2)
        layout.addLayout(filters)

        self.summary = QLabel(self)
        self.summary.setProperty("role", "muted")
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = MeasuresModel(self, CALM)
        self.proxy = MeasuresFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(splitter), self.tr("Tiltak"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setCornerButtonEnabled(False)
        self.table.setAlternatingRowColors(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = ReadingView(splitter, self.tr("Tiltaksdetaljer"))
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([420, 220])
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.plan.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue.toggled.connect(lambda _b: self.apply_filters())
        self._snapshot: Snapshot | None = None
        self._colors: Colors = CALM
        self._dialog: QFileDialog | None = None

    def set_snapshot(self, snapshot: Snapshot, colors: Colors) -> None:
        self._snapshot = snapshot
        self._colors = colors
        self.model.colors = colors
        self.model.set_rows(snapshot.measures(), snapshot.today)
        for combo in (self.plan, self.status):
            combo.blockSignals(True)
        current_plan = self.plan.currentData()
        self.plan.clear()
        self.plan.addItem(self.tr("Planene for din region og nasjonalt"), None)
        plans = [(ref, item) for ref, item in snapshot.of_kind("plan") if item.kind == "plan"]
        for ref, plan in sorted(plans, key=lambda rp: rp[1].title):
            self.plan.addItem(plan.title, ref)
        self.plan.setCurrentIndex(max(0, self.plan.findData(current_plan)))
        current_status = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("Alle statuser"), None)
        for code, text in labels.status_labels().items():
            self.status.addItem(text, code)
        self.status.setCurrentIndex(max(0, self.status.findData(current_status)))
        for combo in (self.plan, self.status):
            combo.blockSignals(False)
        self.apply_filters()
        self.table.resizeColumnToContents(1)
        for column, width in ((0, 220), (3, 200), (4, 110), (5, 170)):
            self.table.setColumnWidth(column, width)

    def apply_filters(self) -> None:
        snapshot = self._snapshot
        self.proxy.set_filters(
            plan_ref=self.plan.currentData(),
            status=self.status.currentData(),
            overdue_only=self.overdue.isChecked(),
            text=self.text.text(),
            bundles=frozenset(snapshot.visible_bundles()) if snapshot else None,
        )
        shown = self.proxy.rowCount()
        overdue = sum(1 for r in range(shown) if self.proxy.index(r, 0).data(OVERDUE_ROLE))
        self.summary.setText(
            self.tr("%n tiltak vises", "", shown) + " · " + self.tr("%n forsinket", "", overdue)
        )
        if shown and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)

    def select(self, ref: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(REF_ROLE) == ref:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        if self.plan.currentIndex() != 0 or self.status.currentIndex() != 0 or self.text.text():
            self.plan.setCurrentIndex(0)
            self.status.setCurrentIndex(0)
            self.overdue.setChecked(False)
            self.text.clear()
            self.apply_filters()
            return self.select(ref)
        return False

    def show_plan(self, plan_ref: str) -> None:
        index = self.plan.findData(plan_ref)
        if index >= 0:
            self.plan.setCurrentIndex(index)

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self._snapshot is None:
            self.detail.clear()
            return
        source = self.proxy.mapToSource(rows[0])
        ref, measure, plan = self.model.row_at(source.row())
        self.detail.setHtml(measure_html(self._snapshot, ref, measure, plan, self._colors))

    # ------------------------------------------------------------------ export

    def visible_rows(self) -> tuple[list[str], list[list[str]]]:
        header = self.model.headers()
        rows = []
        for r in range(self.proxy.rowCount()):
            rows.append(
                [
                    str(self.proxy.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "")
                    for c in range(self.proxy.columnCount())
                ]
            )
        return header, rows

    def choose_export_file(self) -> None:
        dialog = QFileDialog(self, self.tr("Eksporter tiltak til CSV"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV-filer (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.selectFile("tiltak.csv")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def export_to(self, path: Path) -> None:
        header, rows = self.visible_rows()
        self.export_requested.emit(path, header, rows)

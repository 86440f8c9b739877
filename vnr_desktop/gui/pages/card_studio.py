"""Card studio: pick card, region, format and language; a live preview rendered by core in the
background; print through the system dialog, save as PDF, or batch all cards for a region."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelection, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.adapters.cards import SHEET_FORMATS, CardChoice, RenderRequest
from vnr_desktop.gui.item_models import REF_ROLE, SUBTITLE_ROLE, ListModel
from vnr_desktop.gui.pages.card_studio_controls import StudioControls

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from vnr_desktop.core.models import Contact
    from vnr_desktop.gui.adapters.cards import Rendered
    from vnr_desktop.gui.content import Snapshot

PREVIEW_DEBOUNCE_MS = 150
PAGE_MARGIN = 16


class CardListModel(ListModel):
    def _data(self, row: CardChoice, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.title
        if role == REF_ROLE:
            return row.id
        if role in (SUBTITLE_ROLE, Qt.ItemDataRole.AccessibleDescriptionRole):
            return row.subtitle
        return None


@dataclass(frozen=True)
class Preview:
    rendered: Rendered
    images: list[QImage]
    stacked: bool
    box: tuple[int, int]


class CardStudio(QWidget):
    preview_requested = Signal(object)
    """(RenderRequest, QSize box): the window renders it on the render lane and calls
    ``show_preview``."""
    print_requested = Signal(object)
    """Rendered: print it (the window opens the print dialog)."""
    preview_print_requested = Signal(object)
    """Rendered: show the print preview (exactly what the printer gets)."""
    save_requested = Signal(object, object)
    """(Rendered, Path)."""
    batch_requested = Signal(str, object)
    """("print", None) or ("save", folder Path): all cards for the chosen region."""
    batch_cancel = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(16)

        self.cards_model = CardListModel(self)
        column = StudioControls(self, self.cards_model)
        self.controls_scroller = column
        self.controls = column.frame
        self.cards = column.cards
        self.region, self.format, self.sheet = column.region, column.format, column.sheet
        self.duplex, self.language = column.duplex, column.language
        self.own_contacts, self.print_shop = column.own_contacts, column.print_shop
        self.print_button, self.save_button = column.print_button, column.save_button
        self.print_preview_button = column.print_preview_button
        self.batch_print_button = column.batch_print_button
        self.batch_save_button = column.batch_save_button
        self.duplex_test_button = column.duplex_test_button
        self.progress, self.cancel_button = column.progress, column.cancel_button
        self.cards.selectionModel().selectionChanged.connect(self._selection_changed)
        self.cancel_button.clicked.connect(self.batch_cancel)
        outer.addWidget(column)
        self._build_preview(outer)
        self._connect()
        self.current: Preview | None = None
        self.pending_request: RenderRequest | None = None
        self.busy = False
        self._snapshot: Snapshot | None = None
        self._dialog: QFileDialog | None = None
        self._update_sheet_enabled()
        self._update_own_contacts()
        self._update_buttons()

    def _build_preview(self, outer: QHBoxLayout) -> None:
        right = QVBoxLayout()
        self.preview_title = QLabel(self)
        self.preview_title.setProperty("role", "h2")
        self.preview_title.setWordWrap(True)
        right.addWidget(self.preview_title)
        self.preview_info = QLabel(self)
        self.preview_info.setProperty("role", "muted")
        self.preview_info.setWordWrap(True)
        right.addWidget(self.preview_info)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        right.addWidget(self.warnings)
        self.pages_area = named(QScrollArea(self), self.tr("Forhåndsvisning"))
        self.pages_area.setObjectName("pagesArea")
        self.pages_area.setWidgetResizable(True)
        pages = QWidget(self.pages_area)
        self.pages_layout = QGridLayout(pages)
        self.pages_layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        self.pages_layout.setSpacing(24)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages_area.setWidget(pages)
        right.addWidget(self.pages_area, 1)
        outer.addLayout(right, 1)
        self.page_labels: list[QLabel] = []

    def _connect(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DEBOUNCE_MS)
        self._timer.timeout.connect(self._request_preview)
        for combo in self.controls_scroller.combos():
            combo.currentIndexChanged.connect(lambda _i: self.schedule_preview())
        self.own_contacts.toggled.connect(lambda _on: self.schedule_preview())
        self.print_shop.toggled.connect(lambda _on: self.schedule_preview())
        self.format.currentIndexChanged.connect(lambda _i: self._update_sheet_enabled())
        self.sheet.currentIndexChanged.connect(lambda _i: self._update_sheet_enabled())
        self.print_button.clicked.connect(self._print)
        self.print_preview_button.clicked.connect(self._print_preview)
        self.save_button.clicked.connect(self.choose_save_file)
        self.batch_print_button.clicked.connect(lambda: self.batch_requested.emit("print", None))
        self.batch_save_button.clicked.connect(self.choose_batch_folder)

    # ------------------------------------------------------------------ setup

    def format_labels(self) -> dict[str, str]:
        return {
            "id1": self.tr("Lommekort, 85,6 × 53,98 mm (ID-1)"),
            "a7": self.tr("Kort A7, 74 × 105 mm"),
            "a6-fold": self.tr("A6 brettet til A7 (fire felt)"),
            "a4-poster": self.tr("Plakat A4"),
            "a3-poster": self.tr("Plakat A3"),
        }

    def set_cards(self, cards: list[CardChoice]) -> None:
        selected = self.card_id()
        self.cards_model.set_rows(cards)
        row = self.cards_model.row_of_ref(selected or "")
        self.cards.setCurrentIndex(self.cards_model.index(max(row, 0), 0))

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        current = self.region.currentData() or snapshot.region
        self.region.blockSignals(True)
        self.region.clear()
        for bundle in snapshot.region_bundles:
            self.region.addItem(bundle.title.split(" – ")[0], bundle.id)
        self.region.setCurrentIndex(max(0, self.region.findData(current)))
        self.region.blockSignals(False)
        if self.language.currentData() is None:
            self.language.setCurrentIndex(0)
        self._update_own_contacts()
        self.schedule_preview()

    def own_contacts_to_print(self) -> tuple[Contact, ...]:
        """The user's own contacts when the box is ticked (the snapshot's, in their order)."""
        if self._snapshot is None or not self.own_contacts.isChecked():
            return ()
        return tuple(contact for _ref, contact in self._snapshot.own_contacts())

    def _update_own_contacts(self) -> None:
        has_own = self._snapshot is not None and bool(self._snapshot.own_contacts())
        self.own_contacts.setEnabled(has_own)
        self.own_contacts.setToolTip(
            self.own_contacts_help()
            if has_own
            else self.tr("Du har ingen egne kontakter. Legg dem inn under Egne kontakter.")
        )

    def own_contacts_help(self) -> str:
        return self.tr(
            "Dine egne kontakter skrives under en egen overskrift, «Egne numre (lagt inn av "
            "deg)», adskilt fra numrene fra innholdet."
        )

    def card_choice(self) -> CardChoice | None:
        index = self.cards.currentIndex()
        return self.cards_model.row_at(index.row()) if index.isValid() else None

    def card_language(self) -> str:
        """The chosen language, or the card's own when it is not offered in it."""
        wanted = self.language.currentData() or "nb"
        card = self.card_choice()
        if card is None or wanted in card.languages or not card.languages:
            return wanted
        return card.languages[0]

    def card_id(self) -> str | None:
        index = self.cards.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

    def _update_sheet_enabled(self) -> None:
        sheetable = self.format.currentData() in SHEET_FORMATS
        self.sheet.setEnabled(sheetable)
        if not sheetable and self.sheet.currentIndex() != 0:
            self.sheet.setCurrentIndex(0)
        if self.sheet.currentData() == "a4-10" and self.format.currentData() != "id1":
            self.sheet.setCurrentIndex(1)  # 10-up is for ID-1 cards: the A4 sheet with gutters
        self.duplex.setEnabled(sheetable and self.sheet.currentData() is not None)

    def request(self) -> RenderRequest | None:
        card, region = self.card_id(), self.region.currentData()
        if not card or not region or self._snapshot is None:
            return None
        settings = self._snapshot.settings
        sheet = self.sheet.currentData() if self.format.currentData() in SHEET_FORMATS else None
        return RenderRequest(
            card_id=card,
            region=region,
            fmt=self.format.currentData(),
            lang=self.card_language(),
            sheet=sheet,
            duplex=self.duplex.currentData() if sheet else "long",
            duplex_offset=(settings.duplex_offset.x_mm, settings.duplex_offset.y_mm),
            own_contacts=self.own_contacts_to_print(),
            print_shop=self.print_shop.isChecked(),
        )

    # ------------------------------------------------------------------ preview

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self.schedule_preview()

    def schedule_preview(self) -> None:
        self._timer.start()

    def preview_box(self) -> QSize:
        """The room for the pages, in device pixels."""
        viewport = self.pages_area.viewport().size()
        ratio = max(self.devicePixelRatioF(), 1.0)
        w = max(200, int(viewport.width() * 0.98) - 2 * PAGE_MARGIN)
        h = max(200, int(viewport.height() * 0.98) - 2 * PAGE_MARGIN)
        return QSize(int(w * ratio), int(h * ratio))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.current is not None and self.isVisible():
            box = self.preview_box()
            old_w, old_h = self.current.box
            if abs(box.width() - old_w) > old_w * 0.1 or abs(box.height() - old_h) > old_h * 0.1:
                self.schedule_preview()

    def _request_preview(self) -> None:
        request = self.request()
        if request is None:
            return
        # The title above the pages may wrap: lay it out first, then measure the room left.
        self.preview_title.setText(self.cards.currentIndex().data() or request.card_id)
        layout = self.layout()
        if layout is not None:
            layout.activate()
        box = self.preview_box()
        if (
            self.current is not None
            and self.current.rendered.request == request
            and self.current.box == (box.width(), box.height())
        ):
            return
        self.pending_request = request
        self.preview_info.setText(self.tr("Lager forhåndsvisning …"))
        self._update_buttons()
        self.preview_requested.emit((request, box))

    def show_preview(self, preview: Preview) -> None:
        if preview.rendered.request != self.request():
            return
        self.current = preview
        self.pending_request = None
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        names = self._page_names(preview.rendered.request, len(preview.images))
        ratio = max(self.devicePixelRatioF(), 1.0)
        for i, image in enumerate(preview.images):
            label = QLabel(self.pages_area.widget())
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setAccessibleName(names[i])
            label.setToolTip(names[i])
            label.setObjectName("previewPage")
            row, column = (i, 0) if preview.stacked else (0, i)
            self.pages_layout.addWidget(label, row, column)
            self.page_labels.append(label)
        r = preview.rendered
        card_title = self.cards.currentIndex().data() or r.request.card_id
        self.preview_title.setText(card_title)
        info = self.tr("{0} · {1} · innhold {2}").format(
            self.region.currentText(), self.format.currentText(), r.content_version
        )
        if r.request.lang != (self.language.currentData() or "nb"):
            info += " · " + self.tr("kortet finnes bare på {0}").format(
                self.language.itemText(max(0, self.language.findData(r.request.lang)))
            )
        self.preview_info.setText(info)
        self.warnings.setVisible(bool(r.warnings))
        self.warnings.setText("\n".join(r.warnings))
        self._update_buttons()

    def preview_failed(self, message: str) -> None:
        self.pending_request = None
        self.current = None
        for label in self.page_labels:
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        self.preview_info.setText(message)
        self._update_buttons()

    def showEvent(self, event: Any) -> None:
        self._fit_controls()
        super().showEvent(event)

    def changeEvent(self, event: Any) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._fit_controls)
        super().changeEvent(event)

    def _fit_controls(self) -> None:
        self.controls_scroller.fit()

    def _page_names(self, request: RenderRequest, count: int) -> list[str]:
        if count == 2 and request.sheet is None and request.fmt in ("id1", "a7"):
            return [self.tr("Forside"), self.tr("Bakside")]
        return [self.tr("Side {0} av {1}").format(i + 1, count) for i in range(count)]

    def _update_buttons(self) -> None:
        ready = self.current is not None and self.current.rendered.request == self.request()
        for button in (self.print_button, self.print_preview_button, self.save_button):
            button.setEnabled(ready and not self.busy)
        has_region = self.region.currentData() is not None
        for button in (self.batch_print_button, self.batch_save_button):
            button.setEnabled(has_region and not self.busy)

    # ------------------------------------------------------------------ output

    def _print(self) -> None:
        if self.current is not None:
            self.print_requested.emit(self.current.rendered)

    def _print_preview(self) -> None:
        if self.current is not None:
            self.preview_print_requested.emit(self.current.rendered)

    def choose_save_file(self) -> None:
        if self.current is None:
            return
        rendered = self.current.rendered
        dialog = QFileDialog(self, self.tr("Lagre kortet som PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF-filer (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(rendered.file_name)
        dialog.fileSelected.connect(lambda path: self.save_requested.emit(rendered, Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def choose_batch_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Velg mappe for alle kortene"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda path: self.batch_requested.emit("save", Path(path)))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        self._update_buttons()

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

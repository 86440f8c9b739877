"""The card studio's control column: the card list, the choices (region, format, sheet, duplex,
language), the options and the print, save and batch buttons.

Its strings keep the card studio's translation context ("CardStudio"), so the catalogues hold
one context for everything the studio shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.delegates import TwoLineDelegate

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel

    from vnr_desktop.gui.pages.card_studio import CardStudio

translate = QCoreApplication.translate


class StudioControls(QScrollArea):
    """The controls scroll on a small screen; their buttons stack, so large text widens the
    column instead of cutting a label."""

    def __init__(self, studio: CardStudio, model: QAbstractItemModel) -> None:
        super().__init__(studio)
        self.setObjectName("studioControls")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.frame = QFrame(self)
        self.frame.setProperty("role", "card")
        side = QVBoxLayout(self.frame)
        side.setContentsMargins(14, 12, 14, 12)
        self._build_choices(side, studio, model)
        self._build_options(side, studio)
        self._build_actions(side)
        self.setWidget(self.frame)

    def _build_choices(
        self, side: QVBoxLayout, studio: CardStudio, model: QAbstractItemModel
    ) -> None:
        controls = self.frame
        heading = QLabel(translate("CardStudio", "Kortstudio"), controls)
        heading.setProperty("role", "h1")
        side.addWidget(heading)
        self.cards = named(QListView(controls), translate("CardStudio", "Kort"))
        self.cards.setModel(model)

        self.cards.setItemDelegate(TwoLineDelegate(self.cards))
        self.cards.setWordWrap(True)
        self.cards.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.cards.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        side.addWidget(self.cards, 1)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.region = named(QComboBox(controls), translate("CardStudio", "Region"))
        form.addRow(translate("CardStudio", "Region"), self.region)
        self.format = named(QComboBox(controls), translate("CardStudio", "Format"))
        for code, text in studio.format_labels().items():
            self.format.addItem(text, code)
        form.addRow(translate("CardStudio", "Format"), self.format)
        self.sheet = named(QComboBox(controls), translate("CardStudio", "Utskrift på ark"))
        self.sheet.addItem(translate("CardStudio", "Ett kort per side"), None)
        self.sheet.addItem(translate("CardStudio", "Flere kort på A4 med skjæremerker"), "a4")
        self.sheet.addItem(
            translate("CardStudio", "10 lommekort på A4, felles skjærelinjer (ID-1)"), "a4-10"
        )
        self.sheet.addItem(translate("CardStudio", "Flere kort på A3 med skjæremerker"), "a3")
        form.addRow(translate("CardStudio", "Ark"), self.sheet)
        self.duplex = named(QComboBox(controls), translate("CardStudio", "Tosidig utskrift"))
        self.duplex.addItem(translate("CardStudio", "Vend på langsiden"), "long")
        self.duplex.addItem(translate("CardStudio", "Vend på kortsiden"), "short")
        form.addRow(translate("CardStudio", "Tosidig"), self.duplex)
        self.language = named(QComboBox(controls), translate("CardStudio", "Språk på kortet"))
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        form.addRow(translate("CardStudio", "Språk"), self.language)
        side.addLayout(form)
        for combo in self.combos():
            # a narrow column shortens the shown choice (the list shows it whole)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.region, self.format, self.sheet, self.duplex, self.language)

    def _build_options(self, side: QVBoxLayout, studio: CardStudio) -> None:
        controls = self.frame
        self.own_contacts = named(
            QCheckBox(translate("CardStudio", "Ta med egne kontakter"), controls),
            translate("CardStudio", "Ta med egne kontakter på kortet"),
            studio.own_contacts_help(),
        )
        side.addWidget(self.own_contacts)
        self.print_shop = named(
            QCheckBox(translate("CardStudio", "PDF for trykkeri (PDF/X, CMYK)"), controls),
            translate("CardStudio", "Lag PDF for trykkeri"),
            translate(
                "CardStudio",
                "PDF/X-1a i CMYK med fargeprofil (FOGRA39): tekst og QR-kode i ren svart. "
                "For trykkerier; vanlige skrivere trenger det ikke.",
            ),
        )
        side.addWidget(self.print_shop)

    def _build_actions(self, side: QVBoxLayout) -> None:
        controls = self.frame
        self.print_button = named(
            QPushButton(translate("CardStudio", "Skriv ut …"), controls),
            translate("CardStudio", "Skriv ut kortet"),
        )
        self.print_button.setProperty("role", "primary")
        self.save_button = named(
            QPushButton(translate("CardStudio", "Lagre PDF …"), controls),
            translate("CardStudio", "Lagre kortet som PDF"),
        )
        self.print_preview_button = named(
            QPushButton(translate("CardStudio", "Forhåndsvis utskrift …"), controls),
            translate("CardStudio", "Vis hvordan utskriften blir på arket"),
        )
        for button in (self.print_button, self.print_preview_button, self.save_button):
            side.addWidget(button)
        batch_label = QLabel(translate("CardStudio", "Alle kort for regionen"), controls)
        batch_label.setProperty("role", "muted")
        side.addWidget(batch_label)
        self.batch_print_button = named(
            QPushButton(translate("CardStudio", "Skriv ut alle …"), controls),
            translate("CardStudio", "Skriv ut alle kort for regionen"),
        )
        self.batch_save_button = named(
            QPushButton(translate("CardStudio", "Lagre alle som PDF …"), controls),
            translate("CardStudio", "Lagre alle kort for regionen som PDF i en mappe"),
        )
        side.addWidget(self.batch_print_button)
        side.addWidget(self.batch_save_button)
        self.duplex_test_button = named(
            QPushButton(translate("CardStudio", "Testside for tosidig utskrift …"), controls),
            translate(
                "CardStudio",
                "Skriv ut en testside som måler hvor mye skriveren forskyver baksiden",
            ),
        )
        side.addWidget(self.duplex_test_button)
        progress_row = QHBoxLayout()
        self.progress = named(
            QProgressBar(controls), translate("CardStudio", "Fremdrift for alle kort")
        )
        self.cancel_button = named(
            QPushButton(translate("CardStudio", "Avbryt"), controls),
            translate("CardStudio", "Avbryt utskriften"),
        )
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        side.addLayout(progress_row)
        self.progress.hide()
        self.cancel_button.hide()

    def fit(self) -> None:
        """The column as wide as its widest control needs (at least 320 px); the card list at
        least a few cards tall."""
        bar = self.verticalScrollBar().sizeHint().width()
        width = max(320, self.frame.minimumSizeHint().width()) + bar
        self.cards.setMinimumHeight(self.cards.fontMetrics().height() * 7)
        self.setFixedWidth(width)

"""First start: choose your municipality, or go on with national content only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.municipality_chooser import MunicipalityChooser

if TYPE_CHECKING:
    from vnr_desktop.gui.content import Snapshot


class FirstRunPage(QWidget):
    chosen = Signal(object)
    """A kommunenummer, or None for national content only."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setProperty("role", "card")
        card.setMaximumWidth(640)
        outer.addWidget(card, 3)
        outer.addStretch(1)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(12)
        heading = QLabel(self.tr("Velkommen"), card)
        heading.setProperty("role", "h1")
        layout.addWidget(heading)
        text = QLabel(
            self.tr(
                "Velg kommunen du jobber i. Da viser programmet de lokale telefonnumrene, "
                "veilederne og tiltaksplanen for din region. Du kan bytte kommune senere i "
                "Innstillinger."
            ),
            card,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.chooser = MunicipalityChooser(card)
        self.chooser.chosen.connect(lambda number: self.chosen.emit(number))
        layout.addWidget(self.chooser, 1)
        buttons = QHBoxLayout()
        self.national = named(
            QPushButton(self.tr("Kommunen min er ikke på listen"), card),
            self.tr("Fortsett med nasjonalt innhold"),
        )
        self.national.clicked.connect(lambda: self.chosen.emit(None))
        buttons.addWidget(self.national)
        buttons.addStretch(1)
        self.choose = named(QPushButton(self.tr("Velg kommune"), card), self.tr("Velg kommune"))
        self.choose.setProperty("role", "primary")
        self.choose.clicked.connect(self._choose)
        buttons.addWidget(self.choose)
        layout.addLayout(buttons)
        note = QLabel(
            self.tr(
                "Kommuner som ikke er på listen får det nasjonale innholdet: nødnumre, "
                "hjelpetelefoner og de nasjonale veilederne."
            ),
            card,
        )
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        layout.addWidget(note)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self.chooser.set_municipalities(
            list(snapshot.municipalities), snapshot.settings.municipality
        )

    def _choose(self) -> None:
        number = self.chooser.current()
        if number:
            self.chosen.emit(number)
        else:
            self.chooser.filter.setFocus()

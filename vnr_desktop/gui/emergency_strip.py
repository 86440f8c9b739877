"""The always-visible strip of emergency numbers. Click copies; hover shows hours and source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vnr_desktop.core.dates import as_of_text
from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

if TYPE_CHECKING:
    from vnr_desktop.gui.content import Snapshot, StripEntry


def short_labels() -> dict[str, str]:
    """Short names for the strip, keyed by national digits or the regional category."""
    return {
        "112": QCoreApplication.translate("EmergencyStrip", "Politi – nød"),
        "113": QCoreApplication.translate("EmergencyStrip", "Ambulanse"),
        "02800": QCoreApplication.translate("EmergencyStrip", "Politiet"),
        "116117": QCoreApplication.translate("EmergencyStrip", "Legevakt"),
        "116111": QCoreApplication.translate("EmergencyStrip", "Alarmtelefonen"),
        "krisesenter": QCoreApplication.translate("EmergencyStrip", "Krisesenter"),
        "barnevernvakt": QCoreApplication.translate("EmergencyStrip", "Barnevernvakt"),
        "barnevern": QCoreApplication.translate("EmergencyStrip", "Barnevern"),
    }


class StripButton(QPushButton):
    """A button with the number large and bold and a short name under it."""

    def __init__(self, entry: StripEntry, short: str, tooltip: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setProperty("role", "strip")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        self.number_label = QLabel(entry.phone.display, self)
        self.number_label.setObjectName("stripNumber")
        self.name_label = QLabel(short, self)
        for label in (self.number_label, self.name_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        font = self.number_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.number_label.setFont(font)
        self.setToolTip(tooltip)
        named(
            self,
            self.tr("{0}, {1}. Kopier nummeret").format(entry.phone.display, short),
            tooltip,
        )

    def sizeHint(self) -> QSize:
        hint = self.layout().sizeHint()
        return QSize(max(hint.width(), 80), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class EmergencyStrip(QFrame):
    copied = Signal(str, str)
    """(number as shown, name) after a number was copied to the clipboard."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyStrip")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self._layout.setSpacing(8)
        self.title = QLabel(self.tr("Akutt hjelp"), self)
        self.title.setObjectName("stripTitle")
        self._layout.addWidget(self.title)
        self.buttons: list[StripButton] = []
        self._layout.addStretch(1)
        self.last_copied: str | None = None

    def set_snapshot(self, snapshot: Snapshot) -> None:
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        shorts = short_labels()
        for i, entry in enumerate(snapshot.strip_entries()):
            key = entry.phone.digits if entry.slot == "national" else entry.slot
            short = shorts.get(key, entry.name)
            button = StripButton(entry, short, self._tooltip(snapshot, entry), self)
            button.clicked.connect(lambda _=False, b=button: self.copy(b))
            self._layout.insertWidget(1 + i, button)
            self.buttons.append(button)

    def _tooltip(self, snapshot: Snapshot, entry: StripEntry) -> str:
        lines = [entry.name]
        if entry.phone.label:
            lines.append(entry.phone.label)
        lines.append(
            self.tr("Åpent: {0}").format(entry.phone.hours or self.tr("ikke oppgitt i kilden"))
        )
        item = snapshot.item(entry.ref)
        doc = snapshot.source_of(entry.ref)
        if item is not None:
            prov = item.provenance
            source = doc.title if doc else prov.source
            lines.append(
                self.tr("Kilde: {0}, {1}, per {2}").format(source, prov.section, as_of_text(prov))
            )
        lines.append(self.tr("Klikk for å kopiere nummeret."))
        return "\n".join(lines)

    def copy(self, button: StripButton) -> None:
        number = button.entry.phone.display
        QGuiApplication.clipboard().setText(number)
        self.last_copied = number
        self.copied.emit(number, button.name_label.text())

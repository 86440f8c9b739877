"""The always-visible strip of emergency numbers. Click copies; hover shows hours and source.

The chips wrap to a second row when the window is narrow or the text large; beyond two rows the
least urgent chips fold into a "Flere numre" menu. A number is never cut or elided.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.flow_layout import FlowLayout, flow_rows
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

if TYPE_CHECKING:
    from vnr_desktop.core.emergency import StripEntry
    from vnr_desktop.gui.content import Snapshot


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


MAX_ROWS = 2
"""Rows of chips before the least urgent fold into the "Flere numre" menu."""

URGENCY: tuple[str, ...] = (
    "112",
    "113",
    "krisesenter",
    "barnevernvakt",
    "barnevern",
    "116111",
    "02800",
    "116117",
)
"""Most urgent first: the strip folds from the end of this order (unknown keys fold first)."""


def strip_key(entry: StripEntry) -> str:
    return entry.key


def fold_order(keys: list[str]) -> list[int]:
    """Indexes of ``keys`` in the order they fold away: least urgent first."""

    def rank(i: int) -> tuple[int, int]:
        key = keys[i]
        return (URGENCY.index(key) if key in URGENCY else len(URGENCY), i)

    return sorted(range(len(keys)), key=rank, reverse=True)


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
        self._box = layout
        self.number_label = QLabel(entry.number, self)
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
            self.tr("{0}, {1}. Kopier nummeret").format(entry.number, short),
            tooltip,
        )

    def set_compact(self, compact: bool) -> None:
        """Number and name side by side (one line: a low window) or stacked."""
        self._box.setDirection(
            QBoxLayout.Direction.LeftToRight if compact else QBoxLayout.Direction.TopToBottom
        )
        self._box.setSpacing(8 if compact else 0)
        self._box.setContentsMargins(10, 2 if compact else 4, 10, 2 if compact else 4)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = self._box.sizeHint()
        return QSize(max(hint.width(), 80), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class EmergencyStrip(QFrame):
    copied = Signal(str, str)
    """(number as shown, name) after a number was copied to the clipboard."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyStrip")
        self._layout = FlowLayout(self, spacing=8)
        self._layout.setContentsMargins(12, 6, 12, 6)
        self.title = QLabel(self)
        self.title.setObjectName("stripTitle")
        self._layout.addWidget(self.title)
        self.buttons: list[StripButton] = []
        self.entries: tuple[StripEntry, ...] = ()
        self.more = QToolButton(self)
        self.retranslate()
        self.more.setProperty("role", "stripMore")
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more)
        self.more.setMenu(self.more_menu)
        self._layout.addWidget(self.more)
        self.more.hide()
        self.folded: list[StripButton] = []
        self.compact = False
        self.last_copied: str | None = None

    def retranslate(self) -> None:
        """The strip's own words (the chips come again with the next snapshot)."""
        self.title.setText(self.tr("Akutt hjelp"))
        self.more.setText(self.tr("Flere numre"))
        named(self.more, self.tr("Flere numre"), self.tr("Numrene det ikke er plass til i stripen"))

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self.set_entries(snapshot.strip_entries())

    def set_entries(self, entries: Sequence[StripEntry]) -> None:
        """Show these numbers (from the full content, or the first screen's summary)."""
        self.entries = tuple(entries)
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        shorts = short_labels()
        for i, entry in enumerate(entries):
            short = shorts.get(strip_key(entry), entry.name)
            button = StripButton(entry, short, self._tooltip(entry), self)
            button.clicked.connect(lambda _=False, b=button: self.copy(b))
            button.set_compact(self.compact)
            self._layout.insertWidget(1 + i, button)
            self.buttons.append(button)
        self._fold(self.width())

    def set_compact(self, compact: bool) -> None:
        """One-line chips when the window is low (a 768 px screen at 150 % scaling), so the
        strip leaves room for the page."""
        if compact == self.compact:
            return
        self.compact = compact
        for button in self.buttons:
            button.set_compact(compact)
        self._layout.invalidate()
        self._fold(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fold(event.size().width())
        super().resizeEvent(event)

    def _fold(self, width: int) -> None:
        """Show as many chips as fit in MAX_ROWS rows; the rest go into the menu."""
        m = self._layout.contentsMargins()
        available = width - m.left() - m.right()
        spacing = self._layout.spacing()
        title_w = self.title.sizeHint().width()
        more_w = self.more.sizeHint().width()
        widths = [b.sizeHint().width() for b in self.buttons]
        shown = set(range(len(self.buttons)))
        folding = fold_order([strip_key(b.entry) for b in self.buttons])

        def fits() -> bool:
            row = [title_w] + [widths[i] for i in sorted(shown)]
            if len(shown) < len(self.buttons):
                row.append(more_w)
            return len(flow_rows(row, available, spacing)) <= MAX_ROWS

        while shown and not fits():
            shown.discard(folding[len(self.buttons) - len(shown)])
        folded = [b for i, b in enumerate(self.buttons) if i not in shown]
        for i, button in enumerate(self.buttons):
            button.setVisible(i in shown)
        self.more.setVisible(bool(folded))
        if folded != self.folded or not self.more_menu.actions():
            self.folded = folded
            self.more_menu.clear()
            for button in folded:
                action = self.more_menu.addAction(
                    f"{button.entry.number}  {button.name_label.text()}"
                )
                action.setToolTip(button.toolTip())
                action.triggered.connect(lambda _=False, b=button: self.copy(b))

    def _tooltip(self, entry: StripEntry) -> str:
        lines = [entry.name]
        if entry.label:
            lines.append(entry.label)
        lines.append(self.tr("Åpent: {0}").format(entry.hours or self.tr("ikke oppgitt i kilden")))
        lines.append(
            self.tr("Kilde: {0}, {1}, per {2}").format(entry.source, entry.section, entry.as_of)
        )
        lines.append(self.tr("Klikk for å kopiere nummeret."))
        return "\n".join(lines)

    def copy(self, button: StripButton) -> None:
        number = button.entry.number
        QGuiApplication.clipboard().setText(number)
        self.last_copied = number
        self.copied.emit(number, button.name_label.text())

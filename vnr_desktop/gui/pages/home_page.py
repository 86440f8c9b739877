"""The start page: what are you worried about, and which content is installed."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.core.dates import date_text
from vnr_desktop.gui.a11y import named

if TYPE_CHECKING:
    from vnr_desktop.core.first_screen import FirstScreen
    from vnr_desktop.gui.content import Snapshot
    from vnr_desktop.gui.situations import SituationEntry


class HomePage(QScrollArea):
    open_page = Signal(str)
    """A navigation key: a situation key, "contacts", "measures", "cards"."""

    def __init__(self, parent: QWidget, situations: list[SituationEntry]) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(14)
        self.heading = QLabel(body)
        self.heading.setProperty("role", "h1")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.where = QLabel(body)
        self.where.setWordWrap(True)
        self.where.setProperty("role", "muted")
        layout.addWidget(self.where)
        question = QLabel(self.tr("Hva er du bekymret for?"), body)
        question.setProperty("role", "h2")
        layout.addWidget(question)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.situation_buttons: list[QPushButton] = []
        for i, entry in enumerate(situations):
            button = named(QPushButton(entry.title, body), entry.title, entry.intro)
            button.setToolTip(entry.intro)
            button.setMinimumHeight(56)
            button.clicked.connect(lambda _=False, k=entry.key: self.open_page.emit(k))
            grid.addWidget(button, i // 2, i % 2)
            self.situation_buttons.append(button)
        layout.addLayout(grid)
        more = QLabel(self.tr("Mer"), body)
        more.setProperty("role", "h2")
        layout.addWidget(more)
        grid2 = QGridLayout()
        grid2.setSpacing(10)
        for i, (key, text) in enumerate(
            (
                ("contacts", self.tr("Alle kontakter og telefonnumre")),
                ("measures", self.tr("Tiltaksplanen")),
                ("cards", self.tr("Skriv ut tiltakskort og plakater")),
                ("own", self.tr("Egne kontakter")),
            )
        ):
            button = named(QPushButton(text, body), text)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, k=key: self.open_page.emit(k))
            grid2.addWidget(button, i // 2, i % 2)
        layout.addLayout(grid2)
        content_heading = QLabel(self.tr("Innhold på denne maskinen"), body)
        content_heading.setProperty("role", "h2")
        layout.addWidget(content_heading)
        self.bundles = QLabel(body)
        self.bundles.setWordWrap(True)
        self.bundles.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.bundles)
        self.feed_status = QLabel(body)
        self.feed_status.setWordWrap(True)
        self.feed_status.setObjectName("feedStatus")
        self.feed_status.hide()
        layout.addWidget(self.feed_status)
        layout.addStretch(1)

    def set_feed_status(self, statuses: list[tuple[str, bool]]) -> None:
        """How fresh the signed content is; an expired catalog is a visible warning."""
        expired = any(e for _m, e in statuses)
        self.feed_status.setProperty("level", "warning" if expired else "")
        self.feed_status.style().unpolish(self.feed_status)
        self.feed_status.style().polish(self.feed_status)
        self.feed_status.setText("\n".join(m for m, _e in statuses))
        self.feed_status.setVisible(bool(statuses))

    def set_snapshot(self, snapshot: Snapshot) -> None:
        region = snapshot.bundle(snapshot.region) if snapshot.region else None
        rows = [
            (
                bundle.title,
                bundle.version,
                bundle.issued,
                sum(1 for ref in snapshot.items if ref.startswith(bundle.id + ":")),
            )
            for bundle in snapshot.bundles
        ]
        self._show(snapshot.municipality_name, region.title if region else None, rows)

    def set_summary(self, summary: FirstScreen) -> None:
        """The same page from the library's first-screen summary (before the content loads)."""
        rows = [
            (b.title, b.version, dt.date.fromisoformat(b.issued), b.items) for b in summary.bundles
        ]
        self._show(summary.municipality_name, summary.region_title, rows)

    def _show(
        self,
        municipality: str | None,
        region_title: str | None,
        bundles: list[tuple[str, int, dt.date, int]],
    ) -> None:
        self.heading.setText(self.tr("Vold i nære relasjoner – veileder og kontakter"))
        if municipality and region_title:
            self.where.setText(
                self.tr("Du ser innholdet for {0} ({1}) og det nasjonale innholdet.").format(
                    municipality, region_title
                )
            )
        else:
            self.where.setText(
                self.tr(
                    "Du ser det nasjonale innholdet. Velg kommune i Innstillinger for lokale numre."
                )
            )
        rows = []
        for title, number, issued, items in bundles:
            version = self.tr("versjon {0}, {1}").format(number, date_text(issued))
            count = self.tr("%n elementer", "", items)
            rows.append(
                f"<tr><td><b>{escape(title)}</b></td><td>&nbsp;{escape(version)}&nbsp;</td>"
                f"<td>{escape(count)}</td></tr>"
            )
        self.bundles.setText("<table cellpadding='3'>" + "".join(rows) + "</table>")

"""Navigation: the list of pages, the pages themselves (built when first needed), going to a
page or an item, and the tab order of the window."""

from __future__ import annotations

import importlib
import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSize, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QListWidgetItem, QStyle, QWidget

from vnr_desktop.core.ids import OWN_CONTACTS_BUNDLE as OWN_BUNDLE
from vnr_desktop.gui import late
from vnr_desktop.gui.a11y import name_inner_parts
from vnr_desktop.gui.controllers.host import as_widget
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py
from vnr_desktop.gui.situations import situation_entries

if TYPE_CHECKING:
    from vnr_desktop.gui.controllers.host import Host
    from vnr_desktop.gui.situations import SituationEntry

NAV_WIDTH = 270
NAV_PADDING = (10, 9)
"""A navigation row's padding (horizontal, vertical) in the style sheet (theme.py)."""
PAGES: dict[str, tuple[str, str]] = {
    "home": ("vnr_desktop.gui.pages.home_page", "HomePage"),
    "search": ("vnr_desktop.gui.pages.search_page", "SearchPage"),
    "guide": ("vnr_desktop.gui.pages.guide_page", "GuidePage"),
    "item": ("vnr_desktop.gui.reading_view", "ReadingView"),
    "contacts": ("vnr_desktop.gui.pages.contacts_page", "ContactsPage"),
    "own": ("vnr_desktop.gui.pages.own_contacts_page", "OwnContactsPage"),
    "measures": ("vnr_desktop.gui.pages.measures_page", "MeasuresPage"),
    "cards": ("vnr_desktop.gui.pages.card_studio", "CardStudio"),
    "settings": ("vnr_desktop.gui.pages.settings_page", "SettingsPage"),
    "first_run": ("vnr_desktop.gui.pages.first_run_page", "FirstRunPage"),
}
"""Each page's module and class, imported when the page is first needed."""
NAV_KEY_ROLE = 256
"""Qt.ItemDataRole.UserRole: where a navigation item keeps its page key."""


class NavigationController(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(as_widget(window))
        self.w = window

        self.situations = situation_entries()
        self._pages: dict[str, QWidget] = {}
        self._history: list[str] = []
        self._nav_headers: list[QListWidgetItem] = []

    def _style_nav_headers(self) -> None:
        for item in self._nav_headers:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            font = item.font()
            font.setBold(True)
            item.setFont(font)

    def _fill_nav(self) -> None:
        def add(key: str, text: str, header: bool = False) -> None:
            item = QListWidgetItem(text, self.w.nav)
            item.setData(NAV_KEY_ROLE, key)
            if header:
                self._nav_headers.append(item)

        add("home", self.tr("Start"))
        add("", self.tr("Hva er du bekymret for?"), header=True)
        for entry in self.situations:
            add(entry.key, entry.title)
        add("", self.tr("Oppslag og utskrift"), header=True)
        add("contacts", self.tr("Kontakter"))
        add("own", self.tr("Egne kontakter"))
        add("measures", self.tr("Tiltaksplan"))
        add("cards", self.tr("Kortstudio – skriv ut kort"))
        add("settings", self.tr("Innstillinger"))

    def _fit_nav(self, scale: float) -> None:
        """Widen the navigation a little with the text size (its labels wrap for the rest) and
        measure its rows again, so no label is cut."""
        self.w.nav.setFixedWidth(round(NAV_WIDTH * (1 + (scale - 1) * 0.35)))
        QTimer.singleShot(0, self.w.nav, self._wrap_nav)

    def _wrap_nav(self) -> None:
        """Give every navigation row the height its wrapped text needs at the list's width.

        Left alone, a list view makes a row as wide as its text on one line and clips it at
        the edge; a fixed width per row makes the text wrap instead."""
        bar = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self.w.nav.width() - 2 * self.w.nav.frameWidth() - bar - 2 * self.w.nav.spacing()
        for row in range(self.w.nav.count()):
            item = self.w.nav.item(row)
            font = item.font() if item.font().bold() else self.w.nav.font()
            text = QFontMetrics(font).boundingRect(
                QRect(0, 0, width - 2 * NAV_PADDING[0], 10_000),
                int(Qt.TextFlag.TextWordWrap),
                item.text(),
            )
            item.setSizeHint(QSize(width, text.height() + 2 * NAV_PADDING[1] + 4))
        self.w.nav.doItemsLayout()

    def _nav_enabled(self, on: bool) -> None:
        self.w.nav.setEnabled(on)
        self.w.search_field.setEnabled(on)

    def _nav_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        key = current.data(NAV_KEY_ROLE)
        if key and key != self.current_key():
            self.go(key, from_nav=True)

    def _select_nav(self, key: str) -> None:
        for row in range(self.w.nav.count()):
            item = self.w.nav.item(row)
            if item.data(NAV_KEY_ROLE) == key:
                self.w.nav.blockSignals(True)
                self.w.nav.setCurrentItem(item)
                self.w.nav.blockSignals(False)
                return
        self.w.nav.blockSignals(True)
        self.w.nav.setCurrentRow(-1)
        self.w.nav.blockSignals(False)

    def current_key(self) -> str:
        return self._history[-1] if self._history else ""

    def situation(self, key: str) -> SituationEntry | None:
        return next((s for s in self.situations if s.key == key), None)

    def page(self, key: str) -> QWidget:
        """The page for ``key``, built the first time it is needed."""
        if key not in self._pages:
            page = self._build_page(key)
            name_inner_parts(page)
            self._pages[key] = page
            self.w.stack.addWidget(page)
            if self.w.session.snapshot is not None:
                self.w.settings_ctl._apply_to_page(key, page, self.w.session.snapshot)
        return self._pages[key]

    def build_all_pages(self) -> None:
        for key in (
            "home",
            "search",
            "guide",
            "item",
            "contacts",
            "own",
            "measures",
            "cards",
            "settings",
            "first_run",
        ):
            self.page(key)

    def _build_page(self, key: str) -> QWidget:
        """Make the page for ``key`` (its module imported only now: start-up time); the window
        connects it to the controllers (``page_built``)."""
        if key not in PAGES:
            raise KeyError(key)
        module_name, class_name = PAGES[key]
        page_class = getattr(importlib.import_module(module_name), class_name)
        page: QWidget
        if key == "home":
            page = page_class(self.w.stack, self.situations)
        elif key == "item":
            page = page_class(self.w.stack, self.tr("Detaljer"))
        else:
            page = page_class(self.w.stack)
        self.w.page_built(key, page)
        return page

    def go(self, key: str, *, from_nav: bool = False, ref: str | None = None) -> None:
        """Show a page: "home", a situation key, "contacts", "own", "measures", "cards"..."""
        if self.w.session.snapshot is None:
            return
        snapshot = self.w.session.snapshot
        entry = self.situation(key)
        if entry is not None:
            self.w.guide_page.show_situation(snapshot, entry, self.w.settings_ctl.colors, ref)
            widget: QWidget = self.w.guide_page
        elif key == "guide":
            self.w.guide_page.show_situation(snapshot, None, self.w.settings_ctl.colors, ref)
            widget = self.w.guide_page
        else:
            widget = self.page(key)
        self.w.stack.setCurrentWidget(widget)
        self._visual_tab_order()
        if not self._history or self._history[-1] != key:
            self._history.append(key)
            del self._history[:-20]
        if not from_nav:
            self._select_nav(key)
        elif key != "search" and self.w.search_field.text():
            self.w.search_field.blockSignals(True)
            self.w.search_field.clear()
            self.w.search_field.blockSignals(False)

    def open_ref(self, ref: str) -> None:
        """Open an item from search or a link, on the page that shows its kind best."""
        snapshot = self.w.session.snapshot
        if snapshot is None:
            return
        item = snapshot.item(ref)
        if item is None:
            self.w.session.errors.show_error(self.tr("Fant ikke «{0}» i innholdet.").format(ref))
            return
        if self.w.search_field.text():
            query = self.w.search_field.text()
            self.w.session.run_db(lambda _lib, ud: ud.remember_search(query))
        if item.kind == "contact":
            if ref.startswith(OWN_BUNDLE + ":"):
                self.go("own")
                self.w.own_page.select(ref)
            else:
                self.go("contacts")
                self.w.contacts_page.select(ref)
        elif item.kind == "guide":
            situations = set(item.situations)
            entry = next((s for s in self.situations if situations & set(s.situations)), None)
            if entry is not None and any(
                r == ref for r, _g in snapshot.guides_for(entry.situations)
            ):
                self.go(entry.key, ref=ref)
            else:
                self.go("guide", ref=ref)
        elif item.kind == "measure":
            self.go("measures")
            self.w.measures_page.select(ref)
        elif item.kind == "plan":
            self.go("measures")
            self.w.measures_page.show_plan(ref)
        else:
            self.w.item_page.setHtml(
                late.html_render.item_html(snapshot, ref, self.w.settings_ctl.colors)
            )
            self.go("item")

    def _visual_tab_order(self) -> None:
        """Tab runs as the eye reads: the strip, search and hide, the message, the navigation,
        then the page (the strip's chips are made after the rest, so Qt would put them last)."""
        chain: list[QWidget] = [
            *self.w.strip.buttons,
            self.w.strip.more,
            self.w.search_field,
            self.w.hide_button,
            self.w.message_bar.close_button,
            self.w.nav,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        page = self.w.stack.currentWidget()
        if page is not None and page is not self.w.loading:
            QWidget.setTabOrder(self.w.nav, page)

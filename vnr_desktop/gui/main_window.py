"""The main window: emergency strip, search, navigation by situation and the page stack.

The window is shown before the content is loaded: the core (pydantic models, SQLite, and on the
first start the built-in bundles) loads on the db lane and the pages fill in when the snapshot
arrives. Work that touches disk, network, search or PDFs goes through ``session.jobs``.
"""

from __future__ import annotations

import importlib
import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui import theme
from vnr_desktop.gui.a11y import EnterPressesButtons, name_inner_parts, named
from vnr_desktop.gui.content import OWN_BUNDLE
from vnr_desktop.gui.emergency_strip import EmergencyStrip
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py
from vnr_desktop.gui.message_bar import MessageBar
from vnr_desktop.gui.quick_hide import DoubleEscapeFilter, NeutralScreen
from vnr_desktop.gui.session import Session
from vnr_desktop.gui.situations import SituationEntry, situation_entries

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.cards import Rendered, RenderRequest
    from vnr_desktop.gui.adapters.search import ResultRow
    from vnr_desktop.gui.content import Snapshot
    from vnr_desktop.gui.jobs import JobContext, JobHandle
    from vnr_desktop.gui.pages.card_studio import CardStudio
    from vnr_desktop.gui.pages.contacts_page import ContactsPage
    from vnr_desktop.gui.pages.first_run_page import FirstRunPage
    from vnr_desktop.gui.pages.guide_page import GuidePage
    from vnr_desktop.gui.pages.home_page import HomePage
    from vnr_desktop.gui.pages.measures_page import MeasuresPage
    from vnr_desktop.gui.pages.own_contacts_page import OwnContactsPage
    from vnr_desktop.gui.pages.search_page import SearchPage
    from vnr_desktop.gui.pages.settings_page import SettingsPage
    from vnr_desktop.gui.reading_view import ReadingView

log = logging.getLogger(__name__)

SEARCH_DEBOUNCE_MS = 90
NAV_WIDTH = 270
COMPACT_STRIP_BELOW_PX = 640
"""A window lower than this shows the emergency numbers on one-line chips."""
NAV_PADDING = (10, 9)
"""A navigation row's padding (horizontal, vertical) in the style sheet (theme.py)."""
FEED_STATUS_DELAY_MS = 5_000
NAV_KEY_ROLE = 256
"""Qt.ItemDataRole.UserRole: where a navigation item keeps its page key."""
APP_ICON = "icons/vnr-desktop.svg"


def app_icon() -> QIcon:
    from vnr_desktop.core.resources import ResourceError, resource_path

    try:
        return QIcon(str(resource_path(APP_ICON)))
    except ResourceError:
        return QIcon()


def _adapter_closer(name: str) -> Callable[[dict[str, Any]], None]:
    """Close what an adapter opened on its lane (imported only then: start-up time)."""

    def close(state: dict[str, Any]) -> None:
        if state:
            module = importlib.import_module(f"vnr_desktop.gui.adapters.{name}")
            module.close(state)

    return close


class _StartAfterFirstPaint(QObject):
    """Start loading the content once the window has painted its first frame.

    The core (pydantic models, SQLite) loads on a worker thread but still competes for Python's
    GIL; starting it after the first paint gets the window on screen sooner. A timer starts it
    anyway if the window is not painted (hidden at start).
    """

    FALLBACK_MS = 500

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pending = True
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._pending
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            QTimer.singleShot(0, self, self.start)
        return False

    def start(self) -> None:
        if not self._pending:
            return
        self._pending = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._window.finish_startup()


class MainWindow(QMainWindow):
    content_ready = Signal()
    """The first snapshot is on screen (smoke test, startup benchmark)."""
    search_done = Signal(str, int)
    """(query, number of results) after results were shown."""
    preview_shown = Signal()
    print_done = Signal(str)
    """"print" / "save" / "batch-print" / "batch-save" finished."""
    sync_finished = Signal(str)
    """A check, update or import by hand finished: its plain-language message."""

    def __init__(
        self,
        data_dir: Path | str | None = None,
        *,
        start: bool = True,
        background_updates: bool = True,
    ) -> None:
        super().__init__()
        self.session = Session(self, data_dir)
        self.session.errors.message.connect(self._show_message)
        self.session.snapshot_changed.connect(self._apply_snapshot)
        self.session.ready.connect(self._on_ready)
        self.session.open_failed.connect(self._open_failed)
        self.session.own_contacts_changed.connect(self._index_own_contacts)
        self.situations = situation_entries()
        self._title = self.tr("VNR – vold i nære relasjoner")
        self.setWindowTitle(self._title)
        self.setWindowIcon(app_icon())
        from vnr_desktop.gui import window_geometry

        window_geometry.place(self, data_dir)
        self._hidden = False
        self._background_updates = background_updates
        self._pages: dict[str, QWidget] = {}
        self._history: list[str] = []
        self._search_handle: JobHandle | None = None
        self._batch_handle: JobHandle | None = None
        self._sync_handle: JobHandle | None = None
        self._applied_theme: tuple[float, bool] | None = None

        self.outer = QStackedWidget(self)
        self.setCentralWidget(self.outer)
        self.content = QWidget(self.outer)
        self._neutral: NeutralScreen | None = None
        self.outer.addWidget(self.content)

        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.strip = EmergencyStrip(self.content)
        self.strip.copied.connect(self._copied)
        layout.addWidget(self.strip)

        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 6)
        header.setSpacing(10)
        self.search_field = QLineEdit(self.content)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.installEventFilter(self)
        header.addWidget(self.search_field, 1)
        self.hide_button = QPushButton(self.content)
        self.hide_button.setProperty("role", "hide")
        self.hide_button.clicked.connect(self.hide_now)
        header.addWidget(self.hide_button)
        layout.addLayout(header)

        self.message_bar = MessageBar(self.content)  # floats over the page: no layout

        body = QHBoxLayout()
        body.setContentsMargins(8, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget(self.content)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setWordWrap(True)
        # elide mode and scroll bar policy come from the style sheet (theme.py): no Qt enum
        # is touched before the first frame (see lazy_qt.py)
        self._nav_headers: list[QListWidgetItem] = []
        self.nav.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.nav.setUniformItemSizes(False)
        self.nav.setSpacing(1)
        self._fill_nav()
        self.nav.currentItemChanged.connect(self._nav_changed)
        body.addWidget(self.nav)
        self.stack = QStackedWidget(self.content)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)

        self.loading = QLabel(self.stack)
        self.loading.setObjectName("loading")  # centred by the style sheet
        self._set_texts()
        self.stack.addWidget(self.loading)
        self.stack.setCurrentWidget(self.loading)
        # Every page is built when first needed: the first frame shows the window's frame only.

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        self.search_field.textChanged.connect(self._search_text_changed)
        self.search_field.returnPressed.connect(self._search_return)

        self.escape_filter = DoubleEscapeFilter(self)
        self.escape_filter.triggered.connect(self.hide_now)
        self.enter_filter = EnterPressesButtons(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.escape_filter)
            app.installEventFilter(self.enter_filter)
        for sequence in (QKeySequence.StandardKey.Find, QKeySequence("Ctrl+K")):
            shortcut = QShortcut(sequence, self)
            shortcut.activated.connect(self.focus_search)
        home_shortcut = QShortcut(QKeySequence("Alt+Home"), self)
        home_shortcut.activated.connect(lambda: self.go("home"))
        for lane, adapter in (("search", "search"), ("render", "cards"), ("io", "sync")):
            self.session.add_lane_closer(lane, _adapter_closer(adapter))
        self.update_report: QWidget | None = None
        self.duplex_test_pdf: bytes | None = None
        self.import_dialog: QWidget | None = None
        self.background_checks: QTimer | None = None
        self._nav_enabled(False)
        if start:
            self._starter = _StartAfterFirstPaint(self)

    def _set_texts(self) -> None:
        """The window's own words (again after a language switch)."""
        self._title = self.tr("VNR – vold i nære relasjoner")
        if not self._hidden:
            self.setWindowTitle(self._title)
        named(self.search_field, self.tr("Søk"))
        self.search_field.setPlaceholderText(
            self.tr("Søk etter tjeneste, telefonnummer, tegn eller tiltak (Ctrl+F)")
        )
        self.hide_button.setText(self.tr("Skjul skjermen (Esc Esc)"))
        named(
            self.hide_button,
            self.tr("Skjul skjermen"),
            self.tr(
                "Skjuler innholdet med en nøytral side. Trykk Esc to ganger for å gjøre det samme."
            ),
        )
        named(self.nav, self.tr("Navigasjon"))
        if self.session.snapshot is None:
            self.loading.setText(self.tr("Åpner innholdet …"))

    def resizeEvent(self, event: Any) -> None:
        self.strip.set_compact(event.size().height() < COMPACT_STRIP_BELOW_PX)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            from vnr_desktop.gui import language

            language.schedule_retranslate(self)
        super().changeEvent(event)

    def _style_nav_headers(self) -> None:
        for item in self._nav_headers:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            font = item.font()
            font.setBold(True)
            item.setFont(font)

    def finish_startup(self) -> None:
        """After the first frame: load the content, and build what the first frame did not need."""
        self.session.start()
        self._style_nav_headers()
        self._wrap_nav()
        _ = self.neutral
        name_inner_parts(self)

    @property
    def neutral(self) -> NeutralScreen:
        """The quick-hide cover (built after the first frame; at once if needed before)."""
        if self._neutral is None:
            self._neutral = NeutralScreen(self.outer)
            self._neutral.resume.connect(self.unhide)
            self.outer.addWidget(self._neutral)
        return self._neutral

    # ------------------------------------------------------------------ navigation

    def _fill_nav(self) -> None:
        def add(key: str, text: str, header: bool = False) -> None:
            item = QListWidgetItem(text, self.nav)
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
        self.nav.setFixedWidth(round(NAV_WIDTH * (1 + (scale - 1) * 0.35)))
        QTimer.singleShot(0, self.nav, self._wrap_nav)

    def _wrap_nav(self) -> None:
        """Give every navigation row the height its wrapped text needs at the list's width.

        Left alone, a list view makes a row as wide as its text on one line and clips it at
        the edge; a fixed width per row makes the text wrap instead."""
        from PySide6.QtCore import QRect
        from PySide6.QtGui import QFontMetrics
        from PySide6.QtWidgets import QApplication, QStyle

        bar = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = self.nav.width() - 2 * self.nav.frameWidth() - bar - 2 * self.nav.spacing()
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            font = item.font() if item.font().bold() else self.nav.font()
            text = QFontMetrics(font).boundingRect(
                QRect(0, 0, width - 2 * NAV_PADDING[0], 10_000),
                int(Qt.TextFlag.TextWordWrap),
                item.text(),
            )
            item.setSizeHint(QSize(width, text.height() + 2 * NAV_PADDING[1] + 4))
        self.nav.doItemsLayout()

    def _nav_enabled(self, on: bool) -> None:
        self.nav.setEnabled(on)
        self.search_field.setEnabled(on)

    def _nav_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        if current is None:
            return
        key = current.data(NAV_KEY_ROLE)
        if key and key != self.current_key():
            self.go(key, from_nav=True)

    def _select_nav(self, key: str) -> None:
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            if item.data(NAV_KEY_ROLE) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentItem(item)
                self.nav.blockSignals(False)
                return
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)

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
            self.stack.addWidget(page)
            if self.session.snapshot is not None:
                self._apply_to_page(key, page, self.session.snapshot)
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
        if key == "home":
            from vnr_desktop.gui.pages.home_page import HomePage

            home = HomePage(self.stack, self.situations)
            home.open_page.connect(self.go)
            return home
        if key == "search":
            from vnr_desktop.gui.pages.search_page import SearchPage

            search = SearchPage(self.stack)
            search.open_ref.connect(self.open_ref)
            search.kinds_changed.connect(self._run_search)
            return search
        if key == "guide":
            from vnr_desktop.gui.pages.guide_page import GuidePage

            guide = GuidePage(self.stack)
            guide.view.open_ref.connect(self.open_ref)
            guide.view.copy_number.connect(self.copy_number)
            return guide
        if key == "item":
            from vnr_desktop.gui.reading_view import ReadingView

            item = ReadingView(self.stack, self.tr("Detaljer"))
            item.open_ref.connect(self.open_ref)
            item.copy_number.connect(self.copy_number)
            return item
        if key == "contacts":
            from vnr_desktop.gui.pages.contacts_page import ContactsPage

            contacts = ContactsPage(self.stack)
            contacts.detail.open_ref.connect(self.open_ref)
            contacts.detail.copy_number.connect(self.copy_number)
            return contacts
        if key == "own":
            from vnr_desktop.gui.pages.own_contacts_page import OwnContactsPage

            own = OwnContactsPage(self.stack)
            own.save_contact.connect(self._save_own_contact)
            own.delete_contact.connect(self.session.delete_own_contact)
            own.detail.copy_number.connect(self.copy_number)
            return own
        if key == "measures":
            from vnr_desktop.gui.pages.measures_page import MeasuresPage

            measures = MeasuresPage(self.stack)
            measures.export_requested.connect(self._export_csv)
            return measures
        if key == "cards":
            from vnr_desktop.gui.pages.card_studio import CardStudio

            studio = CardStudio(self.stack)
            studio.preview_requested.connect(self._render_preview)
            studio.print_requested.connect(self._print_card)
            studio.preview_print_requested.connect(self._preview_card)
            studio.save_requested.connect(self._save_card)
            studio.batch_requested.connect(self._batch)
            studio.batch_cancel.connect(self._cancel_batch)
            studio.duplex_test_button.clicked.connect(self._duplex_test)
            self._load_card_list(studio)
            return studio
        if key == "settings":
            from vnr_desktop.gui.pages.settings_page import SettingsPage

            settings = SettingsPage(self.stack)
            settings.changed.connect(self.change_settings)
            settings.rollback.connect(self._rollback)
            settings.check_updates.connect(self.check_updates)
            settings.import_folder.connect(self._choose_import_folder)
            settings.cancel_sync.connect(self._cancel_sync)
            settings.clear_history.connect(self._clear_history)
            return settings
        if key == "first_run":
            from vnr_desktop.gui.pages.first_run_page import FirstRunPage

            first = FirstRunPage(self.stack)
            first.chosen.connect(self._first_run_chosen)
            return first
        raise KeyError(key)

    def go(self, key: str, *, from_nav: bool = False, ref: str | None = None) -> None:
        """Show a page: "home", a situation key, "contacts", "own", "measures", "cards"..."""
        if self.session.snapshot is None:
            return
        snapshot = self.session.snapshot
        entry = self.situation(key)
        if entry is not None:
            self.guide_page.show_situation(snapshot, entry, self.colors, ref)
            widget: QWidget = self.guide_page
        elif key == "guide":
            self.guide_page.show_situation(snapshot, None, self.colors, ref)
            widget = self.guide_page
        else:
            widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        self._visual_tab_order()
        if not self._history or self._history[-1] != key:
            self._history.append(key)
            del self._history[:-20]
        if not from_nav:
            self._select_nav(key)
        elif key != "search" and self.search_field.text():
            self.search_field.blockSignals(True)
            self.search_field.clear()
            self.search_field.blockSignals(False)

    @property
    def home(self) -> HomePage:
        return self.page("home")  # type: ignore[return-value]

    @property
    def search_page(self) -> SearchPage:
        return self.page("search")  # type: ignore[return-value]

    @property
    def guide_page(self) -> GuidePage:
        return self.page("guide")  # type: ignore[return-value]

    @property
    def item_page(self) -> ReadingView:
        return self.page("item")  # type: ignore[return-value]

    @property
    def contacts_page(self) -> ContactsPage:
        return self.page("contacts")  # type: ignore[return-value]

    @property
    def own_page(self) -> OwnContactsPage:
        return self.page("own")  # type: ignore[return-value]

    @property
    def measures_page(self) -> MeasuresPage:
        return self.page("measures")  # type: ignore[return-value]

    @property
    def card_studio(self) -> CardStudio:
        return self.page("cards")  # type: ignore[return-value]

    @property
    def settings_page(self) -> SettingsPage:
        return self.page("settings")  # type: ignore[return-value]

    @property
    def first_run_page(self) -> FirstRunPage:
        return self.page("first_run")  # type: ignore[return-value]

    def open_ref(self, ref: str) -> None:
        """Open an item from search or a link, on the page that shows its kind best."""
        snapshot = self.session.snapshot
        if snapshot is None:
            return
        item = snapshot.item(ref)
        if item is None:
            self.session.errors.show_error(self.tr("Fant ikke «{0}» i innholdet.").format(ref))
            return
        if self.search_field.text():
            query = self.search_field.text()
            self.session.run_db(lambda _lib, ud: ud.remember_search(query))
        if item.kind == "contact":
            if ref.startswith(OWN_BUNDLE + ":"):
                self.go("own")
                self.own_page.select(ref)
            else:
                self.go("contacts")
                self.contacts_page.select(ref)
        elif item.kind == "guide":
            situations = set(item.situations)  # type: ignore[union-attr]
            entry = next((s for s in self.situations if situations & set(s.situations)), None)
            if entry is not None and any(
                r == ref for r, _g in snapshot.guides_for(entry.situations)
            ):
                self.go(entry.key, ref=ref)
            else:
                self.go("guide", ref=ref)
        elif item.kind == "measure":
            self.go("measures")
            self.measures_page.select(ref)
        elif item.kind == "plan":
            self.go("measures")
            self.measures_page.show_plan(ref)
        else:
            from vnr_desktop.gui.html_render import item_html

            self.item_page.setHtml(item_html(snapshot, ref, self.colors))
            self.go("item")

    # ------------------------------------------------------------------ content and settings

    @property
    def colors(self) -> theme.Colors:
        snapshot = self.session.snapshot
        return theme.colors(bool(snapshot and snapshot.settings.high_contrast))

    def _on_ready(self) -> None:
        snapshot = self.session.snapshot
        assert snapshot is not None
        self._nav_enabled(True)
        if snapshot.read_only_reason:
            self.session.errors.show_error(
                self.tr(
                    "Disken er full eller feiler. Innholdet og numrene vises, men ingenting kan "
                    "lagres før du frigjør plass og starter appen på nytt."
                )
            )
        self._index_own_contacts()
        # The sync stack (cryptography, TLS) is not needed for the first minutes: load it later.
        QTimer.singleShot(FEED_STATUS_DELAY_MS, self, self.refresh_feed_status)
        if self.background_checks is None and self._background_updates:
            from vnr_desktop.gui import sync_flow

            self.background_checks = sync_flow.start_background_checks(self)
        if not snapshot.settings.first_run_done:
            self.stack.setCurrentWidget(self.first_run_page)
            self._history.append("first_run")
            self.first_run_page.chooser.filter.setFocus()
        else:
            self.go("home")
        self.content_ready.emit()

    def _region_titles(self, snapshot: Snapshot) -> dict[str, str]:
        """Short names of the bundles ("Gjøvikregionen", not the whole title)."""
        titles = {b.id: b.title.split(" – ")[0] for b in snapshot.bundles}
        titles[OWN_BUNDLE] = self.tr("Egne kontakter")
        return titles

    def _open_failed(self, message: str) -> None:
        self.loading.setWordWrap(True)
        self.loading.setText(
            self.tr(
                "Innholdet kunne ikke åpnes: {0}\n\nEr noen i fare nå, ring politiets nødnummer."
            ).format(message)
        )

    def _apply_snapshot(self, snapshot: Snapshot) -> None:
        s = snapshot.settings
        wanted = (s.text_scale, s.high_contrast)
        app = QApplication.instance()
        if wanted != self._applied_theme and isinstance(app, QApplication):
            theme.apply_theme(app, scale=s.text_scale, high_contrast=s.high_contrast)
            self._applied_theme = wanted
            self._fit_nav(s.text_scale)
        self.strip.set_snapshot(snapshot)
        self._visual_tab_order()
        for key, page in self._pages.items():
            self._apply_to_page(key, page, snapshot)
        current = self.current_key()
        entry = self.situation(current)
        if "guide" in self._pages and (entry is not None or current == "guide"):
            self.guide_page.show_situation(
                snapshot, entry, self.colors, self.guide_page.current_ref()
            )
        if "search" in self._pages:
            self.search_page.model.region_titles = self._region_titles(snapshot)

    def _visual_tab_order(self) -> None:
        """Tab runs as the eye reads: the strip, search and hide, the message, the navigation,
        then the page (the strip's chips are made after the rest, so Qt would put them last)."""
        chain: list[QWidget] = [
            *self.strip.buttons,
            self.strip.more,
            self.search_field,
            self.hide_button,
            self.message_bar.close_button,
            self.nav,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        page = self.stack.currentWidget()
        if page is not None and page is not self.loading:
            QWidget.setTabOrder(self.nav, page)

    def _apply_to_page(self, key: str, page: QWidget, snapshot: Snapshot) -> None:
        colors = self.colors
        if key in ("home", "cards", "settings", "first_run"):
            page.set_snapshot(snapshot)  # type: ignore[attr-defined]
        elif key in ("contacts", "own", "measures"):
            page.set_snapshot(snapshot, colors)  # type: ignore[attr-defined]

    def change_settings(self, changes: dict[str, Any]) -> None:
        snapshot = self.session.snapshot
        if snapshot is None:
            return
        new_language = changes.get("language")
        if new_language == snapshot.settings.language:
            new_language = None
        if changes.get("municipality") is not None and not changes.get("region"):
            number = changes["municipality"]
            changes["region"] = next(
                (b for n, _name, b in snapshot.municipalities if n == number), None
            )
        try:
            self.session.update_settings(**changes)
        except ValueError as exc:
            self.session.errors.show_error(
                self.tr("Innstillingen kunne ikke lagres: {0}").format(exc)
            )
            return
        if new_language:
            from vnr_desktop.gui import language

            language.switch(self, new_language)
        if "municipality" in changes:
            name = self.session.snapshot.municipality_name if self.session.snapshot else None
            self.session.errors.show_info(
                self.tr("Du ser nå innholdet for {0}.").format(name)
                if name
                else self.tr("Du ser nå bare det nasjonale innholdet.")
            )

    def _first_run_chosen(self, number: str | None) -> None:
        self.change_settings({"municipality": number, "region": None, "first_run_done": True})
        self.go("home")

    # ------------------------------------------------------------------ messages

    def _show_message(self, level: str, text: str) -> None:
        self.message_bar.show_message(level, text)

    def _copied(self, number: str, name: str) -> None:
        self.session.errors.show_info(self.tr("{0} ({1}) er kopiert.").format(number, name))

    def copy_number(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.strip.last_copied = number
        self.session.errors.show_info(self.tr("{0} er kopiert.").format(number))

    # ------------------------------------------------------------------ search

    def focus_search(self) -> None:
        if not self._hidden:
            self.search_field.setFocus()
            self.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            moves = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 8,
                Qt.Key.Key_PageUp: -8,
            }
            if key in moves and self.stack.currentWidget() is self._pages.get("search"):
                self.search_page.move(moves[key])
                return True
        return super().eventFilter(watched, event)

    def _search_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._search_generation_reset()
            if self.current_key() == "search":
                back = next((k for k in reversed(self._history) if k != "search"), "home")
                self.go(back)

    def _search_generation_reset(self) -> None:
        if self._search_handle is not None:
            self._search_handle.cancel()
            self._search_handle = None

    def _search_return(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._run_search(open_first=True)
            return
        if self.stack.currentWidget() is self._pages.get("search"):
            self.search_page.open_current()

    def _run_search(self, open_first: bool = False) -> None:
        from vnr_desktop.gui.adapters import search as search_adapter

        snapshot, paths = self.session.snapshot, self.session.paths
        query = self.search_field.text().strip()
        if snapshot is None or paths is None or not query:
            return
        if self.stack.currentWidget() is not self.search_page:
            self.go("search")
        self.search_page.set_searching(query)
        request = search_adapter.SearchRequest(
            query=query,
            kinds=self.search_page.kinds(),
            home_region=snapshot.region,
            municipality=snapshot.settings.municipality,
            language=snapshot.settings.language,
        )
        library_db = paths.library_db

        def work(ctx: JobContext) -> list[ResultRow]:
            ctx.check()
            return search_adapter.search(ctx.state, library_db, request)

        def done(rows: list[ResultRow]) -> None:
            self.search_page.set_results(query, rows, self._region_titles(snapshot))
            self.search_done.emit(query, len(rows))
            if open_first and rows:
                self.search_page.open_current()

        self._search_handle = self.session.jobs.submit("search", work, done, key="search")

    def _index_own_contacts(self) -> None:
        """Make the user's own contacts searchable (on the search lane's connection)."""
        from vnr_desktop.gui.adapters import search as search_adapter

        snapshot, paths = self.session.snapshot, self.session.paths
        if snapshot is None or paths is None:
            return
        if snapshot.read_only_reason:
            return  # nothing can be written; own contacts indexed earlier stay searchable
        contacts = [c for _r, c in snapshot.own_contacts()]
        self.session.run_db(lambda lib, _ud: search_adapter.index_own_contacts(lib.conn, contacts))

    # ------------------------------------------------------------------ own contacts

    def _save_own_contact(self, contact: object) -> None:
        ref = f"{OWN_BUNDLE}:{contact.id}"  # type: ignore[attr-defined]

        def then() -> None:
            self.own_page.select(ref)
            self.session.errors.show_info(self.tr("Kontakten er lagret."))

        self.session.save_own_contact(contact, then)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ measures

    def _export_csv(self, path: Path, header: list[str], rows: list[list[str]]) -> None:
        from vnr_desktop.gui.pages.measures_page import write_csv

        self.session.jobs.submit(
            "io",
            lambda _ctx: write_csv(Path(path), header, rows),
            lambda written: self.session.errors.show_info(
                self.tr("%n tiltak er eksportert til {0}.", "", len(rows)).format(written)
            ),
        )

    # ------------------------------------------------------------------ cards

    def _load_card_list(self, studio: CardStudio) -> None:
        from vnr_desktop.gui.adapters import cards as cards_adapter

        lang = self.session.snapshot.settings.language if self.session.snapshot else "nb"
        self.session.jobs.submit(
            "render", lambda _ctx: cards_adapter.list_cards(lang), studio.set_cards
        )

    def _render_preview(self, wanted: tuple[RenderRequest, QSize]) -> None:
        """Render the card with core and its pages with QtPdf, both on the render lane."""
        from vnr_desktop.gui.adapters import cards as cards_adapter
        from vnr_desktop.gui.pages.card_studio import Preview

        paths = self.session.paths
        if paths is None:
            return
        request, box = wanted
        data_dir = paths.data

        def work(ctx: JobContext) -> Preview:
            from vnr_desktop.gui.pdf_pages import page_images

            rendered = cards_adapter.render(ctx.state, data_dir, request)
            ctx.check()
            stacked, images = page_images(rendered.pdf, box)
            return Preview(rendered, images, stacked, (box.width(), box.height()))

        def done(preview: Preview) -> None:
            self.card_studio.show_preview(preview)
            self.preview_shown.emit()

        def failed(exc: BaseException) -> None:
            from vnr_desktop.gui.errors import plain_message

            self.card_studio.preview_failed(
                self.tr("Kortet kunne ikke lages: {0}").format(plain_message(exc))
            )
            self.session.errors.report(exc)

        self.session.jobs.submit("render", work, done, failed, key="preview")

    def new_printer(self) -> Any:
        from vnr_desktop.gui.pdf_pages import new_printer

        return new_printer()

    def _open_print_dialog(
        self, pdf: bytes, title: str, accepted: Any, inset_mm: float = 0.0
    ) -> None:
        """The system print dialog (non-blocking) on the default printer and its paper."""
        from PySide6.QtPrintSupport import QPrintDialog

        from vnr_desktop.gui.pdf_pages import prepare_printer

        printer = self.new_printer()
        prepare_printer(printer, pdf, inset_mm)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(title)
        dialog.accepted.connect(lambda: accepted(printer))
        dialog.finished.connect(dialog.deleteLater)
        self._print_dialog = dialog
        # QPrintDialog.open(receiver, member) hides QDialog.open() in PySide: do what it does.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _print_card(self, rendered: Rendered) -> None:
        from vnr_desktop.gui.adapters.cards import trim_inset_mm

        self._open_print_dialog(
            rendered.pdf,
            self.tr("Skriv ut kortet"),
            lambda printer: self.print_to(printer, rendered),
            trim_inset_mm(rendered.request),
        )

    def _preview_card(self, rendered: Rendered) -> None:
        """Rasterise the card on the render lane, then show Qt's print preview of it."""
        from vnr_desktop.gui.adapters.cards import trim_inset_mm
        from vnr_desktop.gui.pdf_pages import rasterise

        inset = trim_inset_mm(rendered.request)
        self.session.jobs.submit(
            "render",
            lambda _ctx: rasterise(rendered.pdf, inset),
            lambda pages: self._show_print_preview(rendered, pages, inset),
            key="print-preview",
        )

    def _show_print_preview(self, rendered: Rendered, pages: list[Any], inset: float) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from vnr_desktop.gui.pdf_pages import paint_preview, prepare_printer

        printer = self.new_printer()
        prepare_printer(printer, rendered.pdf, inset)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Forhåndsvisning av utskriften"))
        dialog.paintRequested.connect(lambda p: paint_preview(p, pages))
        dialog.accepted.connect(lambda: self._printed_from_preview(rendered, printer))
        dialog.finished.connect(dialog.deleteLater)
        self._print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.resize(self.size() * 0.9)
        dialog.show()

    def _printed_from_preview(self, rendered: Rendered, printer: Any) -> None:
        from vnr_desktop.gui.adapters import cards as cards_adapter

        output = printer.outputFileName() or printer.printerName() or "printer"
        self.session.run_db(lambda _lib, ud: cards_adapter.record_print(ud, rendered, output))
        self.session.errors.show_info(self.tr("Kortet er sendt til skriveren."))
        self.print_done.emit("print")

    def print_to(self, printer: Any, rendered: Rendered) -> JobHandle:
        """Print a card and record it in the print history."""
        from vnr_desktop.gui.adapters import cards as cards_adapter

        def record(output: str) -> None:
            self.session.run_db(lambda _lib, ud: cards_adapter.record_print(ud, rendered, output))

        inset = cards_adapter.trim_inset_mm(rendered.request)
        return self.print_pdf(printer, rendered.pdf, "print", record, inset)

    def print_pdf(
        self,
        printer: Any,
        pdf: bytes,
        what: str,
        then: Any = None,
        inset_mm: float = 0.0,
    ) -> JobHandle:
        """Rasterise the pages on the render lane, then paint them on the printer here, on the
        UI thread, with the same drawing as the print preview."""
        from vnr_desktop.gui.pdf_pages import paint_preview, rasterise

        def done(pages: list[Any]) -> None:
            from vnr_desktop.gui.errors import UserError

            try:
                paint_preview(printer, pages)
            except UserError as exc:
                self.session.errors.report(exc)
                return
            if then is not None:
                then(printer.outputFileName() or printer.printerName() or "printer")
            self.session.errors.show_info(
                self.tr("%n sider er sendt til skriveren.", "", len(pages))
            )
            self.print_done.emit(what)

        return self.session.jobs.submit("render", lambda _ctx: rasterise(pdf, inset_mm), done)

    def _duplex_test(self) -> None:
        """Render the duplex alignment test page with the current correction, then print it."""
        from vnr_desktop.gui.adapters import cards as cards_adapter

        snapshot = self.session.snapshot
        studio = self.card_studio
        if snapshot is None:
            return
        offset = (snapshot.settings.duplex_offset.x_mm, snapshot.settings.duplex_offset.y_mm)
        duplex = studio.duplex.currentData() or "long"
        lang = snapshot.settings.language

        def ready(pdf: bytes) -> None:
            self.duplex_test_pdf = pdf
            self._open_print_dialog(
                pdf,
                self.tr("Skriv ut testsiden for tosidig utskrift"),
                lambda printer: self.print_pdf(printer, pdf, "duplex-test"),
            )

        self.session.jobs.submit(
            "render", lambda _ctx: cards_adapter.duplex_test_page(duplex, offset, lang), ready
        )

    def _save_card(self, rendered: Rendered, path: Path) -> None:
        from vnr_desktop.gui.adapters import cards as cards_adapter

        def work(_ctx: JobContext) -> Path:
            from vnr_desktop.core.cards.render import write_atomic

            write_atomic(Path(path), rendered.pdf)
            return Path(path)

        def done(written: Path) -> None:
            self.session.run_db(
                lambda _lib, ud: cards_adapter.record_print(ud, rendered, str(written))
            )
            self.session.errors.show_info(self.tr("Kortet er lagret i {0}.").format(written))
            self.print_done.emit("save")

        self.session.jobs.submit("io", work, done)

    def _batch(self, mode: str, folder: Path | None) -> None:
        studio = self.card_studio
        template = studio.request()
        if template is None:
            return
        if mode == "print":
            from PySide6.QtPrintSupport import QPrintDialog

            printer = self.new_printer()
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("Skriv ut alle kort for regionen"))
            dialog.accepted.connect(lambda: self.run_batch(template, printer=printer))
            dialog.finished.connect(dialog.deleteLater)
            self._print_dialog = dialog
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.show()
        elif folder is not None:
            self.run_batch(template, folder=folder)

    def run_batch(
        self, template: RenderRequest, *, printer: Any = None, folder: Path | None = None
    ) -> JobHandle:
        """Render every card for the template's region and format; print them or save them."""
        from dataclasses import replace

        from vnr_desktop.core.cards.render import write_atomic
        from vnr_desktop.gui.adapters import cards as cards_adapter
        from vnr_desktop.gui.pdf_pages import prepare_printer, print_documents

        studio = self.card_studio
        cards = [studio.cards_model.row_at(i) for i in range(studio.cards_model.rowCount())]
        paths = self.session.paths
        assert paths is not None
        data_dir = paths.data
        studio.set_busy(True)

        def work(ctx: JobContext) -> list[tuple[Rendered, str]]:
            done: list[tuple[Rendered, str]] = []
            total = len(cards)
            if printer is not None:

                def documents() -> Any:
                    for card in cards:
                        ctx.check()
                        lang = (
                            template.lang if template.lang in card.languages else card.languages[0]
                        )
                        rendered = cards_adapter.render(
                            ctx.state, data_dir, replace(template, card_id=card.id, lang=lang)
                        )
                        inset = cards_adapter.trim_inset_mm(rendered.request)
                        if not done:
                            prepare_printer(printer, rendered.pdf, inset)
                        done.append((rendered, printer.outputFileName() or printer.printerName()))
                        yield rendered.pdf, inset

                print_documents(
                    printer,
                    documents(),
                    total=total,
                    progress=lambda n, t: ctx.progress(n, t),
                    cancelled=lambda: ctx.cancelled,
                )
                ctx.check()
                return done
            assert folder is not None
            for n, card in enumerate(cards):
                ctx.check()
                lang = template.lang if template.lang in card.languages else card.languages[0]
                rendered = cards_adapter.render(
                    ctx.state, data_dir, replace(template, card_id=card.id, lang=lang)
                )
                target = Path(folder) / rendered.file_name
                write_atomic(target, rendered.pdf)
                done.append((rendered, str(target)))
                ctx.progress(n + 1, total)
            return done

        def finished(done: list[tuple[Rendered, str]]) -> None:
            studio.set_busy(False)
            self._batch_handle = None

            def record(_lib: object, ud: Any) -> None:
                for rendered, output in done:
                    cards_adapter.record_print(ud, rendered, output)

            self.session.run_db(record)
            if printer is not None:
                self.session.errors.show_info(
                    self.tr("%n kort er sendt til skriveren.", "", len(done))
                )
            else:
                self.session.errors.show_info(
                    self.tr("%n kort er lagret i {0}.", "", len(done)).format(folder)
                )
            self.print_done.emit("batch-print" if printer is not None else "batch-save")

        def failed(exc: BaseException) -> None:
            studio.set_busy(False)
            self._batch_handle = None
            self.session.errors.report(exc)

        def cancelled() -> None:
            studio.set_busy(False)
            self._batch_handle = None
            self.session.errors.show_info(self.tr("Utskriften av alle kort ble avbrutt."))
            self.print_done.emit("batch-cancelled")

        self._batch_handle = self.session.jobs.submit(
            "render",
            work,
            finished,
            failed,
            on_progress=lambda n, t, _text: studio.set_progress(n, t),
            on_cancelled=cancelled,
        )
        return self._batch_handle

    def _cancel_batch(self) -> None:
        if self._batch_handle is not None:
            self._batch_handle.cancel()

    # ------------------------------------------------------------------ library and updates

    def _rollback(self, bundle_id: str) -> None:
        self.session.rollback(
            bundle_id,
            lambda text: self.session.errors.show_info(
                self.tr("Gikk tilbake til forrige versjon: {0}").format(text)
            ),
        )

    def _clear_history(self) -> None:
        self.session.run_db(
            lambda _lib, ud: ud.clear_search_history(),
            lambda _r: self.session.errors.show_info(self.tr("Søkehistorikken er slettet.")),
        )

    def refresh_feed_status(self) -> None:
        """Show on the start page when the signed content was last confirmed (io lane)."""
        from vnr_desktop.gui.adapters import sync as sync_adapter

        snapshot, paths = self.session.snapshot, self.session.paths
        if snapshot is None or paths is None:
            return
        settings = snapshot.settings
        self.session.jobs.submit(
            "io",
            lambda ctx: sync_adapter.feed_statuses(ctx.state, paths, settings),
            self.home.set_feed_status,
            lambda exc: None,  # no feed state yet: nothing to say
        )

    def check_updates(self) -> None:
        from vnr_desktop.gui import sync_flow

        sync_flow.check_updates(self)

    def _choose_import_folder(self) -> None:
        from vnr_desktop.gui import sync_flow

        sync_flow.choose_import_folder(self)

    def _cancel_sync(self) -> None:
        if self._sync_handle is not None:
            self._sync_handle.cancel()

    # ------------------------------------------------------------------ quick hide

    @property
    def is_hidden_now(self) -> bool:
        return self._hidden

    def hide_now(self) -> None:
        """Cover everything with the neutral screen at once."""
        self._hidden = True
        self.outer.setCurrentWidget(self.neutral)
        self.setWindowTitle(self.neutral.window_title())
        self.setWindowIcon(QIcon())
        from PySide6.QtWidgets import QToolTip

        QToolTip.hideText()
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and widget.isWindow():
                widget.hide()
        clipboard = QGuiApplication.clipboard()
        if self.strip.last_copied and clipboard.text() == self.strip.last_copied:
            clipboard.clear()
        self.neutral.note.setFocus()

    def unhide(self) -> None:
        self._hidden = False
        self.outer.setCurrentWidget(self.content)
        self.setWindowTitle(self._title)
        self.setWindowIcon(app_icon())
        self.hide_button.setFocus()

    # ------------------------------------------------------------------ lifecycle

    def closeEvent(self, event: QCloseEvent) -> None:
        from vnr_desktop.gui import window_geometry

        window_geometry.remember(self, self.session.data_dir)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.escape_filter)
            app.removeEventFilter(self.enter_filter)
        self._search_timer.stop()
        for handle in (self._batch_handle, self._sync_handle, self._search_handle):
            if handle is not None:
                handle.cancel()
        self.session.shutdown()

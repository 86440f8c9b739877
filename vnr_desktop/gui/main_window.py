"""The main window: emergency strip, search, navigation by situation and the page stack.

The window builds its parts and wires its features together here, in one place; each feature
is a controller in ``gui/controllers`` (navigation, search, printing, settings, sync) or
``quick_hide``. The window is shown before the content is loaded: the core (pydantic models,
SQLite, and on the first start the built-in bundles) loads on the db lane and the pages fill in
when the snapshot arrives. Work that touches disk, network, search or PDFs goes through
``session.jobs``.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.gui import late, theme, window_geometry
from vnr_desktop.gui.a11y import EnterPressesButtons, name_inner_parts, named
from vnr_desktop.gui.controllers.navigation import NAV_WIDTH, NavigationController
from vnr_desktop.gui.controllers.printing import PrintingController
from vnr_desktop.gui.controllers.search import SearchController
from vnr_desktop.gui.controllers.settings import SettingsController
from vnr_desktop.gui.controllers.sync import SyncController
from vnr_desktop.gui.emergency_strip import EmergencyStrip
from vnr_desktop.gui.icon import app_icon
from vnr_desktop.gui.message_bar import MessageBar
from vnr_desktop.gui.quick_hide import NeutralScreen, QuickHideController
from vnr_desktop.gui.session import Session

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.cards import Rendered, RenderRequest
    from vnr_desktop.gui.jobs import JobHandle
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
    from vnr_desktop.gui.situations import SituationEntry

log = logging.getLogger(__name__)

COMPACT_STRIP_BELOW_PX = 640
"""A window lower than this shows the emergency numbers on one-line chips."""

__all__ = ["MainWindow", "app_icon"]


def _adapter_closer(name: str) -> Callable[[dict[str, Any]], None]:
    """Close what an adapter opened on its lane (imported only then: start-up time)."""

    def close(state: dict[str, Any]) -> None:
        if state:
            module = importlib.import_module(f"vnr_desktop.gui.adapters.{name}")
            module.close(state)

    return close


class _FirstPaint(QObject):
    """Emits the window's ``first_painted`` at its first paint event (then stops watching).

    It watches the window alone: Qt paints a window's own background before its children, so
    this is the first frame. (An application-wide filter would see every event of every
    object; see gui/window_keys.py for what that costs.) A timer emits it anyway if the window
    is not painted (hidden at start).
    """

    FALLBACK_MS = 500

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pending = True
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._emit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._pending and event.type() == QEvent.Type.Paint:
            self._emit()
        return False

    def _emit(self) -> None:
        if self._pending:
            self._pending = False
            self._window.removeEventFilter(self)
            self._window.first_painted.emit()


class MainWindow(QMainWindow):
    first_painted = Signal()
    """The window painted its first frame (or was not painted within half a second)."""
    content_ready = Signal()
    """The full content is loaded and on screen (every page works)."""
    first_content_shown = Signal()
    """The emergency numbers and the home page are painted: from the library's first-screen
    summary while the full content loads, or with the full content on a first start
    (smoke test, startup benchmark)."""
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
        self._title = ""
        self.setWindowIcon(app_icon())

        window_geometry.place(self, data_dir)
        self._background_updates = background_updates
        self._sync_handle: JobHandle | None = None
        self._print_dialog: Any = None
        self.update_report: QWidget | None = None
        self.duplex_test_pdf: bytes | None = None
        self.import_dialog: QWidget | None = None
        self.background_checks: QTimer | None = None
        self._build()
        self._wire()
        self.nav_ctl._fill_nav()
        self._set_texts()
        self.nav_ctl._nav_enabled(False)
        self._first_screen_done = False
        self.first_content_shown.connect(
            lambda: QTimer.singleShot(0, self, self._after_first_screen)
        )
        self.content_ready.connect(self._after_first_screen)  # at the latest
        self._first_paint = _FirstPaint(self)
        self.first_painted.connect(self._attach_key_filters)
        if start:
            # The core (pydantic models, SQLite) loads on a worker thread but still competes
            # for Python's GIL: starting it after the first frame gets the window on screen
            # sooner.
            self.first_painted.connect(lambda: QTimer.singleShot(0, self, self.finish_startup))

    def _attach_key_filters(self) -> None:
        """Enter on buttons and Esc Esc, in this window and each window that gets the keyboard
        from now on (its QWindow exists once it is shown)."""
        self.enter_filter.attach()
        self.hide_ctl.escape_filter.attach()

    # ------------------------------------------------------------------ building and wiring

    def _build(self) -> None:
        """The window's parts; every page is built when first needed (navigation)."""
        self.outer = QStackedWidget(self)
        self.setCentralWidget(self.outer)
        self.content = QWidget(self.outer)
        self.outer.addWidget(self.content)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.strip = EmergencyStrip(self.content)
        layout.addWidget(self.strip)
        header = QHBoxLayout()
        header.setContentsMargins(16, 10, 16, 6)
        header.setSpacing(10)
        self.search_field = QLineEdit(self.content)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        header.addWidget(self.search_field, 1)
        self.hide_button = QPushButton(self.content)
        self.hide_button.setProperty("role", "hide")
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
        self.nav.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.nav.setUniformItemSizes(False)
        self.nav.setSpacing(1)
        body.addWidget(self.nav)
        self.stack = QStackedWidget(self.content)
        body.addWidget(self.stack, 1)
        layout.addLayout(body, 1)
        self.loading = QLabel(self.stack)
        self.loading.setObjectName("loading")  # centred by the style sheet
        self.stack.addWidget(self.loading)
        self.stack.setCurrentWidget(self.loading)

    def _wire(self) -> None:
        """The one place the features meet: controllers, signals, shortcuts."""
        self.nav_ctl: NavigationController = NavigationController(self)
        self.search_ctl = SearchController(self)
        self.print_ctl = PrintingController(self)
        self.settings_ctl = SettingsController(self)
        self.sync_ctl = SyncController(self)
        self.hide_ctl = QuickHideController(self)
        session, settings = self.session, self.settings_ctl
        session.errors.message.connect(settings._show_message)
        session.snapshot_changed.connect(settings._apply_snapshot)
        session.first_screen.connect(settings._show_first_screen)
        session.ready.connect(settings._on_ready)
        session.open_failed.connect(settings._open_failed)
        session.own_contacts_changed.connect(self.search_ctl._index_own_contacts)
        self.strip.copied.connect(settings._copied)
        self.hide_button.clicked.connect(self.hide_now)
        self.nav.currentItemChanged.connect(self.nav_ctl._nav_changed)
        self.enter_filter = EnterPressesButtons(self)
        for sequence in (QKeySequence.StandardKey.Find, QKeySequence("Ctrl+K")):
            shortcut = QShortcut(sequence, self)
            shortcut.activated.connect(self.search_ctl.focus_search)
        home_shortcut = QShortcut(QKeySequence("Alt+Home"), self)
        home_shortcut.activated.connect(lambda: self.go("home"))
        for lane, adapter in (("search", "search"), ("render", "cards"), ("io", "sync")):
            self.session.add_lane_closer(lane, _adapter_closer(adapter))

    def page_built(self, key: str, page: QWidget) -> None:
        """Connect a page's requests to the controllers that serve them (navigation calls it
        once per page, when the page is first built)."""
        nav, search, printing = self.nav_ctl, self.search_ctl, self.print_ctl
        settings, sync = self.settings_ctl, self.sync_ctl
        views = {
            "guide": lambda p: p.view,
            "item": lambda p: p,
            "contacts": lambda p: p.detail,
            "own": lambda p: p.detail,
        }
        if key in views:
            view = views[key](page)
            if key != "own":
                view.open_ref.connect(nav.open_ref)
            view.copy_number.connect(settings.copy_number)
        if key == "home":
            page.open_page.connect(self.go)  # type: ignore[attr-defined]
        elif key == "search":
            page.open_ref.connect(nav.open_ref)  # type: ignore[attr-defined]
            page.kinds_changed.connect(search._run_search)  # type: ignore[attr-defined]
        elif key == "own":
            page.save_contact.connect(settings._save_own_contact)  # type: ignore[attr-defined]
            page.delete_contact.connect(self.session.delete_own_contact)  # type: ignore[attr-defined]
        elif key == "measures":
            page.export_requested.connect(settings._export_csv)  # type: ignore[attr-defined]
        elif key == "cards":
            printing.connect_studio(page)  # type: ignore[arg-type]
        elif key == "settings":
            page.changed.connect(self.change_settings)  # type: ignore[attr-defined]
            page.rollback.connect(sync._rollback)  # type: ignore[attr-defined]
            page.check_updates.connect(sync.check_updates)  # type: ignore[attr-defined]
            page.import_folder.connect(sync._choose_import_folder)  # type: ignore[attr-defined]
            page.cancel_sync.connect(sync._cancel_sync)  # type: ignore[attr-defined]
            page.clear_history.connect(settings._clear_history)  # type: ignore[attr-defined]
        elif key == "first_run":
            page.chosen.connect(self._first_run_chosen)  # type: ignore[attr-defined]

    def finish_startup(self) -> None:
        """After the first frame: read the first screen, then load the content
        (Session.start)."""
        self.session.start()

    def _after_first_screen(self) -> None:
        """Once the numbers are painted: what the first screen did not need."""
        if self._first_screen_done:
            return
        self._first_screen_done = True
        self.nav_ctl._style_nav_headers()
        self.nav_ctl._wrap_nav()
        _ = self.neutral
        name_inner_parts(self)

    def _set_texts(self) -> None:
        """The window's own words (again after a language switch)."""
        self._title = self.tr("VNR – vold i nære relasjoner")
        if not self.is_hidden_now:
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
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "nav_ctl"):
            late.language.schedule_retranslate(self)
        super().changeEvent(event)

    # ------------------------------------------------------------------ what others call

    def go(self, key: str, *, from_nav: bool = False, ref: str | None = None) -> None:
        """Show a page: "home", a situation key, "contacts", "own", "measures", "cards"..."""
        self.nav_ctl.go(key, from_nav=from_nav, ref=ref)

    def page(self, key: str) -> QWidget:
        return self.nav_ctl.page(key)

    def build_all_pages(self) -> None:
        self.nav_ctl.build_all_pages()

    def current_key(self) -> str:
        return self.nav_ctl.current_key()

    def situation(self, key: str) -> SituationEntry | None:
        return self.nav_ctl.situation(key)

    @property
    def situations(self) -> list[SituationEntry]:
        return self.nav_ctl.situations

    def open_ref(self, ref: str) -> None:
        self.nav_ctl.open_ref(ref)

    @property
    def colors(self) -> theme.Colors:
        return self.settings_ctl.colors

    def change_settings(self, changes: dict[str, Any]) -> None:
        self.settings_ctl.change_settings(changes)

    def _first_run_chosen(self, number: str | None) -> None:
        self.settings_ctl._first_run_chosen(number)

    def copy_number(self, number: str) -> None:
        self.settings_ctl.copy_number(number)

    def new_printer(self) -> Any:
        """A printer on the default destination and paper (tests swap in a PDF printer)."""

        return late.pdf_pages.new_printer()

    def print_to(self, printer: Any, rendered: Rendered) -> JobHandle:
        return self.print_ctl.print_to(printer, rendered)

    def print_pdf(self, printer: Any, pdf: bytes, what: str, then: Any = None) -> JobHandle:
        return self.print_ctl.print_pdf(printer, pdf, what, then)

    def run_batch(
        self, template: RenderRequest, *, printer: Any = None, folder: Path | None = None
    ) -> JobHandle:
        return self.print_ctl.run_batch(template, printer=printer, folder=folder)

    def _render_preview(self, wanted: tuple[RenderRequest, QSize]) -> None:
        self.print_ctl._render_preview(wanted)

    def refresh_feed_status(self) -> None:
        self.sync_ctl.refresh_feed_status()

    def check_updates(self) -> None:
        self.sync_ctl.check_updates()

    @property
    def is_hidden_now(self) -> bool:
        return hasattr(self, "hide_ctl") and self.hide_ctl.is_hidden_now

    @property
    def neutral(self) -> NeutralScreen:
        return self.hide_ctl.neutral

    def hide_now(self) -> None:
        self.hide_ctl.hide_now()

    def unhide(self) -> None:
        self.hide_ctl.unhide()

    # ------------------------------------------------------------------ pages

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

    # ------------------------------------------------------------------ lifecycle

    def closeEvent(self, event: QCloseEvent) -> None:
        window_geometry.remember(self, self.session.data_dir)
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.enter_filter.detach()
        self.hide_ctl.shutdown()
        self.search_ctl.shutdown()
        self.print_ctl.shutdown()
        if self._sync_handle is not None:
            self._sync_handle.cancel()
        self.session.shutdown()

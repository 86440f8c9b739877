"""What the controllers (and sync_flow) use of the main window: its parts, signals and each
other. A Protocol, so they need not import main_window (no import cycle)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from PySide6.QtCore import QSize, QTimer, SignalInstance
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import (
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QPushButton,
        QStackedWidget,
        QWidget,
    )

    from vnr_desktop.gui.controllers.navigation import NavigationController
    from vnr_desktop.gui.controllers.printing import PrintingController
    from vnr_desktop.gui.controllers.search import SearchController
    from vnr_desktop.gui.controllers.settings import SettingsController
    from vnr_desktop.gui.controllers.sync import SyncController
    from vnr_desktop.gui.emergency_strip import EmergencyStrip
    from vnr_desktop.gui.jobs import JobHandle
    from vnr_desktop.gui.message_bar import MessageBar
    from vnr_desktop.gui.pages.card_studio import CardStudio
    from vnr_desktop.gui.pages.contacts_page import ContactsPage
    from vnr_desktop.gui.pages.first_run_page import FirstRunPage
    from vnr_desktop.gui.pages.guide_page import GuidePage
    from vnr_desktop.gui.pages.home_page import HomePage
    from vnr_desktop.gui.pages.measures_page import MeasuresPage
    from vnr_desktop.gui.pages.own_contacts_page import OwnContactsPage
    from vnr_desktop.gui.pages.search_page import SearchPage
    from vnr_desktop.gui.pages.settings_page import SettingsPage
    from vnr_desktop.gui.quick_hide import QuickHideController
    from vnr_desktop.gui.reading_view import ReadingView
    from vnr_desktop.gui.session import Session


class Host(Protocol):
    session: Session
    strip: EmergencyStrip
    search_field: QLineEdit
    hide_button: QPushButton
    message_bar: MessageBar
    nav: QListWidget
    stack: QStackedWidget
    outer: QStackedWidget
    content: QWidget
    loading: QLabel
    _title: str
    _background_updates: bool
    _print_dialog: Any
    _sync_handle: JobHandle | None
    duplex_test_pdf: bytes | None
    update_report: QWidget | None
    import_dialog: QWidget | None
    background_checks: QTimer | None

    content_ready: SignalInstance
    first_content_shown: SignalInstance
    search_done: SignalInstance
    preview_shown: SignalInstance
    print_done: SignalInstance
    sync_finished: SignalInstance

    nav_ctl: NavigationController
    search_ctl: SearchController
    print_ctl: PrintingController
    settings_ctl: SettingsController
    sync_ctl: SyncController
    hide_ctl: QuickHideController

    # The pages, each built on first use (read-only properties on MainWindow).
    @property
    def home(self) -> HomePage: ...
    @property
    def search_page(self) -> SearchPage: ...
    @property
    def guide_page(self) -> GuidePage: ...
    @property
    def item_page(self) -> ReadingView: ...
    @property
    def contacts_page(self) -> ContactsPage: ...
    @property
    def own_page(self) -> OwnContactsPage: ...
    @property
    def measures_page(self) -> MeasuresPage: ...
    @property
    def card_studio(self) -> CardStudio: ...
    @property
    def settings_page(self) -> SettingsPage: ...
    @property
    def first_run_page(self) -> FirstRunPage: ...

    def new_printer(self) -> Any: ...
    def page_built(self, key: str, page: QWidget) -> None: ...
    def go(self, key: str, *, from_nav: bool = False, ref: str | None = None) -> None: ...
    def _set_texts(self) -> None: ...
    def refresh_feed_status(self) -> None: ...
    def setWindowTitle(self, title: str) -> None: ...
    def setWindowIcon(self, icon: QIcon) -> None: ...
    def size(self) -> QSize: ...


def as_widget(host: Host) -> QMainWindow:
    """The host as the QMainWindow it is, for Qt calls that take a parent. The one Host is
    MainWindow (a QMainWindow); a Protocol cannot also name a base class, so the cast is here."""
    return cast("QMainWindow", host)

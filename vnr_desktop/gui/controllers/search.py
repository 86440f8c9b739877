"""Search as you type: debounced, on the search lane; arrows in the field move in the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent

from vnr_desktop.core.ids import OWN_CONTACTS_BUNDLE as OWN_BUNDLE
from vnr_desktop.gui import late
from vnr_desktop.gui.controllers.host import as_widget
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.search import ResultRow
    from vnr_desktop.gui.content import Snapshot
    from vnr_desktop.gui.controllers.host import Host
    from vnr_desktop.gui.jobs import JobContext, JobHandle

SEARCH_DEBOUNCE_MS = 90


class SearchController(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(as_widget(window))
        self.w = window
        self._search_handle: JobHandle | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._run_search)
        field = window.search_field
        field.installEventFilter(self)
        field.textChanged.connect(self._search_text_changed)
        field.returnPressed.connect(self._search_return)

    def shutdown(self) -> None:
        self._search_timer.stop()
        if self._search_handle is not None:
            self._search_handle.cancel()

    def focus_search(self) -> None:
        if not self.w.hide_ctl._hidden:
            self.w.search_field.setFocus()
            self.w.search_field.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.w.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            moves: dict[int, int] = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 8,
                Qt.Key.Key_PageUp: -8,
            }
            if key in moves and self.w.stack.currentWidget() is self.w.nav_ctl._pages.get("search"):
                self.w.search_page.move_selection(moves[key])
                return True
        return super().eventFilter(watched, event)

    def _search_text_changed(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self._search_generation_reset()
            if self.w.nav_ctl.current_key() == "search":
                back = next((k for k in reversed(self.w.nav_ctl._history) if k != "search"), "home")
                self.w.nav_ctl.go(back)

    def _search_generation_reset(self) -> None:
        if self._search_handle is not None:
            self._search_handle.cancel()
            self._search_handle = None

    def _search_return(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._run_search(open_first=True)
            return
        if self.w.stack.currentWidget() is self.w.nav_ctl._pages.get("search"):
            self.w.search_page.open_current()

    def _run_search(self, open_first: bool = False) -> None:
        snapshot, paths = self.w.session.snapshot, self.w.session.paths
        query = self.w.search_field.text().strip()
        if snapshot is None or paths is None or not query:
            return
        if self.w.stack.currentWidget() is not self.w.search_page:
            self.w.nav_ctl.go("search")
        self.w.search_page.set_searching(query)
        request = late.search_adapter.SearchRequest(
            query=query,
            kinds=self.w.search_page.kinds(),
            home_region=snapshot.region,
            municipality=snapshot.settings.municipality,
            language=snapshot.settings.language,
        )
        library_db = paths.library_db

        def work(ctx: JobContext) -> list[ResultRow]:
            ctx.check()
            return late.search_adapter.search(ctx.state, library_db, request)

        def done(rows: list[ResultRow]) -> None:
            self.w.search_page.set_results(query, rows, self._region_titles(snapshot))
            self.w.search_done.emit(query, len(rows))
            if open_first and rows:
                self.w.search_page.open_current()

        self._search_handle = self.w.session.jobs.submit("search", work, done, key="search")

    def _index_own_contacts(self) -> None:
        """Make the user's own contacts searchable (on the search lane's connection)."""
        snapshot, paths = self.w.session.snapshot, self.w.session.paths
        if snapshot is None or paths is None:
            return
        if snapshot.read_only_reason:
            return  # nothing can be written; own contacts indexed earlier stay searchable
        contacts = [c for _r, c in snapshot.own_contacts()]
        self.w.session.run_db(
            lambda lib, _ud: late.search_adapter.index_own_contacts(lib.conn, contacts)
        )

    def _region_titles(self, snapshot: Snapshot) -> dict[str, str]:
        """Short names of the bundles ("Gjøvikregionen", not the whole title)."""
        titles = {b.id: b.title.split(" – ")[0] for b in snapshot.bundles}
        titles[OWN_BUNDLE] = self.tr("Egne kontakter")
        return titles

"""The language switch: applies at once, to every page and to Qt's own dialogs.

``switch`` installs the new catalogues (i18n.switch_language); Qt then sends every widget a
LanguageChange event, and the window (changeEvent) asks for ``retranslate`` once. The window's
own words are set again; the pages, built from translated strings in many places, are built
again (the page on screen at once, the others when next opened), as a retranslateUi would.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from vnr_desktop.gui.a11y import name_inner_parts
from vnr_desktop.gui.controllers.host import as_widget
from vnr_desktop.gui.i18n import current_language, switch_language
from vnr_desktop.gui.situations import situation_entries

if TYPE_CHECKING:
    from vnr_desktop.gui.controllers.host import Host as MainWindow

_PENDING = "_vnr_retranslate_pending"


def switch(window: MainWindow, lang: str) -> None:
    app = QApplication.instance()
    if app is None or lang == current_language():
        return
    switch_language(app, lang)


def schedule_retranslate(window: MainWindow) -> None:
    """Many LanguageChange events arrive for one switch: retranslate once, after them."""
    if getattr(window, _PENDING, False):
        return
    setattr(window, _PENDING, True)
    QTimer.singleShot(0, as_widget(window), lambda: retranslate(window))


def retranslate(window: MainWindow) -> None:
    setattr(window, _PENDING, False)
    nav = window.nav_ctl
    window._set_texts()
    nav.situations = situation_entries()
    current = nav.current_key()
    window.nav.blockSignals(True)
    window.nav.clear()
    nav._nav_headers = []
    nav._fill_nav()
    nav._style_nav_headers()
    nav._wrap_nav()
    window.nav.blockSignals(False)
    window.message_bar.retranslate()
    if window.hide_ctl._neutral is not None:
        window.hide_ctl._neutral.retranslate()
    snapshot = window.session.snapshot
    window.strip.retranslate()
    if snapshot is not None:
        window.strip.set_snapshot(snapshot)
    for page in list(nav._pages.values()):
        window.stack.removeWidget(page)
        page.deleteLater()
    nav._pages.clear()
    if snapshot is None or not current:
        return
    if current == "first_run":
        window.stack.setCurrentWidget(window.first_run_page)
    else:
        nav.go(current)
        if current == "search" and window.search_field.text().strip():
            window.search_ctl._run_search()
    nav._visual_tab_order()
    name_inner_parts(as_widget(window))

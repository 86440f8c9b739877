"""The start-up boundary: what the modules on the start-up path load only after the first screen.

The first screen (the window, the emergency strip and the home page, read from the library's
first-screen summary) needs Qt, the window and a few light core modules; they are imported at
the top of ``app``, ``main_window``, ``session``, ``errors`` and ``controllers/*`` as usual.
Everything else those modules use (the content models and the library, the search, cards and
sync adapters, the pages built on demand, PDF pages and Qt's print support) is named here, and
only here, as attributes of this module. Importing this module costs nothing; each attribute
is imported on its first use, which comes after the first screen: the content on the ``db``
lane when ``Session.open_content`` runs (so pydantic and SQLite load off the UI thread), the
rest when the person opens a page, prints or syncs.

    from vnr_desktop.gui import late
    late.cards_adapter.list_cards(...)

Modules that are themselves only loaded after the boundary (``pages/*``, ``adapters/*``,
``content``, ``pdf_pages``, ``sync_flow`` ...) import at their top and do not need this module.
Check with ``python -X importtime -m vnr_desktop.gui.launch --smoke``: none of the modules named
here may appear before the smoke exits on a data folder that has content.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6 import QtPrintSupport

    from vnr_desktop.core import atomic as atomic
    from vnr_desktop.core import library as library
    from vnr_desktop.core import settings as settings
    from vnr_desktop.core import userdata as userdata
    from vnr_desktop.gui import adapters as adapters
    from vnr_desktop.gui import content as content
    from vnr_desktop.gui import html_render as html_render
    from vnr_desktop.gui import language as language
    from vnr_desktop.gui import pdf_pages as pdf_pages
    from vnr_desktop.gui import sync_flow as sync_flow
    from vnr_desktop.gui.adapters import cards, search, sync
    from vnr_desktop.gui.pages import card_studio as card_studio
    from vnr_desktop.gui.pages import measures_page as measures_page

    # assigned, not imported under another name, so the type checker exports them
    print_support = QtPrintSupport
    cards_adapter = cards
    search_adapter = search
    sync_adapter = sync

LATE_MODULES: dict[str, str] = {
    "print_support": "PySide6.QtPrintSupport",
    "atomic": "vnr_desktop.core.atomic",
    "library": "vnr_desktop.core.library",
    "settings": "vnr_desktop.core.settings",
    "userdata": "vnr_desktop.core.userdata",
    "adapters": "vnr_desktop.gui.adapters",
    "content": "vnr_desktop.gui.content",
    "html_render": "vnr_desktop.gui.html_render",
    "language": "vnr_desktop.gui.language",
    "pdf_pages": "vnr_desktop.gui.pdf_pages",
    "sync_flow": "vnr_desktop.gui.sync_flow",
    "cards_adapter": "vnr_desktop.gui.adapters.cards",
    "search_adapter": "vnr_desktop.gui.adapters.search",
    "sync_adapter": "vnr_desktop.gui.adapters.sync",
    "card_studio": "vnr_desktop.gui.pages.card_studio",
    "measures_page": "vnr_desktop.gui.pages.measures_page",
}
"""Attribute name -> module, for everything loaded after the first screen."""


if not TYPE_CHECKING:  # for the type checker the attributes are the imports above

    def __getattr__(name: str) -> ModuleType:
        try:
            target = LATE_MODULES[name]
        except KeyError:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
        module = importlib.import_module(target)
        globals()[name] = module
        return module

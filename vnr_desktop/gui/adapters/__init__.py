"""Thin adapters between the GUI and core modules that are still growing (search, cards, sync).

Each adapter is the only place the GUI calls that part of the core, so a change in its API is
one change here. ``expected_error_types`` lists the core's plain-language error classes.
"""

from __future__ import annotations

import importlib


def expected_error_types() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = []
    for module, names in (
        ("vnr_desktop.core.library", ("LibraryError",)),
        ("vnr_desktop.core.userdata", ("UserDataError",)),
        ("vnr_desktop.core.resources", ("ResourceError",)),
        ("vnr_desktop.core.cards.errors", ("CardError",)),
        ("vnr_desktop.core.sync", ("SyncError",)),
    ):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        for name in names:
            cls = getattr(mod, name, None)
            if isinstance(cls, type) and issubclass(cls, BaseException):
                found.append(cls)
    return tuple(found)

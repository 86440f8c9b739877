"""``Qt`` for the modules on the start-up path, resolved on first use.

The first access to PySide6's ``Qt`` namespace builds all of its enums (about 25 ms here). The
modules that run before the first frame import ``Qt`` from here instead, so that cost falls
after the window is on screen; everywhere else, import it from PySide6.QtCore as usual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any


class _LazyQt:
    def __getattr__(self, name: str) -> Any:
        # on first use, after the first frame: building Qt's enums is the cost this module defers
        from PySide6.QtCore import Qt as real

        return getattr(real, name)


if TYPE_CHECKING:
    from PySide6.QtCore import Qt as Qt
else:
    Qt = _LazyQt()

"""Python's garbage collector, paused while the app starts and resumed once the numbers show.

Start-up creates about 45 000 objects that live as long as the app: modules, classes, Qt's
enums and wrappers, the window. The cycle collector walks them about 60 times before the
emergency numbers are painted, and once more in full at exit, and finds almost nothing (about
400 objects, left over from building classes). That was some 9 ms before the numbers and 9 ms
at exit (bench/startup.py).

So the GUI's entry points (gui/launch.py, ``vnr-desktop --smoke``) call :func:`pause` before the
GUI's imports, and the window calls :func:`resume` when the numbers and the home page are
painted (or the content cannot be opened). :func:`resume` freezes what exists then
(``gc.freeze``: never scanned again, the few hundred leftovers included) and turns collection
back on for everything made after.

Only the entry points pause: a process that imports the GUI for other reasons (the tests) keeps
its collector as it is, and :func:`resume` does nothing there.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop automatic collection until :func:`resume` (if it is on)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what exists and collect again; nothing if :func:`pause` did not stop it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def is_paused() -> bool:
    return _paused

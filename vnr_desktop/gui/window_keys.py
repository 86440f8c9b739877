"""Key filters for every window of the app, on each window's QWindow (not on the application).

A key press from the keyboard reaches the QWindow that has the keyboard first; the QWindow hands
it to its focus widget, which may pass it on to its parents. A filter on the QWindow therefore
sees each key press once, before any widget, in every window it watches.

Why not ``QApplication.installEventFilter``: an application-wide filter written in Python is
called for every event of every object (paints, timers, layout requests), and the first event
for an object of a Qt class PySide does not wrap (``QWidgetTextControl``, behind every label
with a link) makes PySide create every class of every Qt module it has loaded. At start-up
that was about 30 ms before the emergency numbers were painted (bench/startup.py).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication, QWindow


class WindowKeyFilter(QObject):
    """Base for a filter of key presses in every window of the app.

    :meth:`attach` watches the windows that exist (call it once the main window is shown) and
    each window that gets the keyboard from then on (dialogs); :meth:`detach` stops. The
    subclass's ``eventFilter`` receives the QWindow as ``watched``.
    """

    _attached = False

    def attach(self) -> None:
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication) or self._attached:
            return
        self._attached = True
        app.focusWindowChanged.connect(self._watch)
        for window in QGuiApplication.topLevelWindows():
            self._watch(window)

    def detach(self) -> None:
        app = QGuiApplication.instance()
        if not isinstance(app, QGuiApplication) or not self._attached:
            return
        self._attached = False
        app.focusWindowChanged.disconnect(self._watch)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)

    def _watch(self, window: QWindow | None) -> None:
        # installing again moves the filter to the front: it is never installed twice. A window
        # can be gone by the time the signal is handled (a closed popup): never raise in a slot.
        if window is not None and shiboken6.isValid(window):
            window.installEventFilter(self)

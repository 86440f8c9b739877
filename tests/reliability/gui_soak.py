"""A long session in the real window: random actions as a person would take them, then a check
that the app is still whole.

Used by tests/reliability/test_reliability_gui_soak.py (a few hundred actions, in CI) and by
bench/reliability.py (thousands, in a process of its own, so that a hard abort is counted).

What a session may not do: raise an unexpected error, lose the emergency numbers, change the
interpreter's reference counts of None/True/False (PySide6 6.12 on Python 3.11 dropped one per
Qt call, and the interpreter aborted after a few minutes: tests/test_qt_refcounts.py), or keep
widgets it no longer shows (pages built again and again).
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

PAGES = ("home", "contacts", "measures", "own", "settings", "cards", "search")
QUERIES = ("krisesenter", "116", "barnevern", "vold", "politi", "legevakt", "krise senter", "æres")


@dataclass
class SoakReport:
    actions: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    unexpected_errors: int = 0
    strip_numbers: int = 0
    refcount_drift: dict[str, int] = field(default_factory=dict)
    widgets_before: int = 0
    widgets_after: int = 0
    seconds: float = 0.0

    def problems(self, widget_growth_per_action: float = 0.5) -> list[str]:
        found = []
        if self.unexpected_errors:
            found.append(f"{self.unexpected_errors} unexpected error(s)")
        if self.strip_numbers == 0:
            found.append("the emergency strip is empty")
        for name, drift in self.refcount_drift.items():
            if drift < -max(500, self.actions // 2):
                found.append(f"{name} lost {-drift} references")
        allowed = self.widgets_before + widget_growth_per_action * self.actions + 50
        if self.widgets_after > allowed:
            found.append(f"widgets grew from {self.widgets_before} to {self.widgets_after}")
        return found


def _refcounts() -> dict[str, int]:
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


def _settle(window: Any, seconds: float = 30.0) -> None:
    """Until every job has delivered its result and posted events are handled."""
    deadline = time.monotonic() + seconds
    while window.session.jobs.pending() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    _return_to_the_loop()


def _return_to_the_loop() -> None:
    """What the event loop does between two actions, deferred deletions included (a plain
    processEvents() inside a running loop leaves the objects deleteLater() asked to delete)."""
    for _ in range(3):
        QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _widgets(window: Any) -> int:
    return len(window.findChildren(QWidget))


def _act(window: Any, rnd: random.Random) -> str:
    roll = rnd.random()
    if roll < 0.25:
        window.go(rnd.choice(PAGES))
        return "page"
    if roll < 0.5:
        window.search_field.setFocus()
        window.search_field.clear()
        QTest.keyClicks(window.search_field, rnd.choice(QUERIES))
        return "search"
    if roll < 0.62:
        window.go(rnd.choice(window.situations).key)
        return "guide"
    if roll < 0.72:
        window.hide_now()
        QApplication.processEvents()
        window.unhide()
        return "hide"
    if roll < 0.84:
        window.resize(rnd.randint(900, 1600), rnd.randint(600, 1000))
        return "resize"
    if roll < 0.92:
        window.go("own")
        window.own_page.add()
        QApplication.processEvents()
        window.own_page.dialog.reject()
        return "dialog"
    if roll < 0.96:
        window.change_settings({"text_scale": rnd.choice((1.0, 1.25, 1.5))})
        return "text size"
    window.change_settings({"language": rnd.choice(("nb", "en"))})
    return "language"


def _visit_everything(window: Any) -> None:
    """Every page and guide once, so what is built once is built before the count."""
    for key in (*PAGES, *(entry.key for entry in window.situations)):
        window.go(key)
        QApplication.processEvents()
    window.go("home")


def soak(window: Any, actions: int, seed: int = 19) -> SoakReport:
    """``actions`` random actions on ``window`` (shown, content ready); what became of it."""
    rnd = random.Random(seed)
    report = SoakReport()
    _visit_everything(window)
    for _ in range(20):  # one round of each kind of action, not counted
        _act(window, rnd)
    window.change_settings({"text_scale": 1.0, "language": "nb"})
    _settle(window)
    before = _refcounts()
    report.widgets_before = _widgets(window)
    start = time.monotonic()
    for _ in range(actions):
        kind = _act(window, rnd)
        report.kinds[kind] = report.kinds.get(kind, 0) + 1
        report.actions += 1
        _return_to_the_loop()
    window.change_settings({"text_scale": 1.0, "language": "nb"})
    window.go("home")
    _settle(window)
    report.seconds = time.monotonic() - start
    after = _refcounts()
    report.refcount_drift = {name: after[name] - before[name] for name in before}
    report.widgets_after = _widgets(window)
    report.unexpected_errors = window.session.errors.unexpected_count
    report.strip_numbers = len(window.strip.buttons)
    return report


def main(argv: list[str]) -> int:
    """``python gui_soak.py DATA_DIR ACTIONS``: open the app on DATA_DIR (a copy: it is
    changed), soak it, print the report as JSON; exit 1 if the session broke something."""
    import json
    from dataclasses import asdict

    from PySide6.QtCore import QTimer

    from vnr_desktop.gui.app import create_application, prepare
    from vnr_desktop.gui.main_window import MainWindow

    data_dir, actions = argv[0], int(argv[1])
    app = create_application()
    prepare(app, data_dir)
    window = MainWindow(data_dir, background_updates=False)
    window.resize(1280, 820)
    result: dict[str, SoakReport] = {}

    def run() -> None:
        result["report"] = soak(window, actions)
        app.quit()

    window.content_ready.connect(lambda: QTimer.singleShot(0, run))
    window.show()
    app.exec()
    window.shutdown()
    report = result["report"]
    print(json.dumps({**asdict(report), "problems": report.problems()}))
    return 1 if report.problems() else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

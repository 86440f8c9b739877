"""The first screen: the numbers and the home page are painted from the library's summary
before the content models load, and they are what the full content shows a moment later."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from gui_support import CONTENT_TIMEOUT_MS
from PySide6.QtWidgets import QApplication

from vnr_desktop.gui.main_window import MainWindow


def _open(qtbot: Any, data_dir: Path) -> tuple[Any, list[dict[str, Any]]]:
    window = MainWindow(data_dir, background_updates=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    seen: list[dict[str, Any]] = []

    def first_shown() -> None:
        home = window.nav_ctl.page("home")
        seen.append(
            {
                "snapshot": window.session.snapshot,
                "strip": [(b.entry.number, b.name_label.text()) for b in window.strip.buttons],
                "tooltips": [b.toolTip() for b in window.strip.buttons],
                "page": window.stack.currentWidget() is home,
                "where": home.where.text(),
                "bundles": home.bundles.text(),
            }
        )

    window.first_content_shown.connect(first_shown)
    with qtbot.waitSignal(window.content_ready, timeout=CONTENT_TIMEOUT_MS):
        window.show()
    return window, seen


def test_numbers_and_home_page_come_before_the_content_and_match_it(qtbot: Any, gui_data: Path):
    window, seen = _open(qtbot, gui_data)
    assert len(seen) == 1
    first = seen[0]
    assert first["snapshot"] is None, "painted before the content models were loaded"
    assert first["page"] and first["strip"]
    # the full content, once loaded, shows exactly the same
    home = window.nav_ctl.page("home")
    assert [(b.entry.number, b.name_label.text()) for b in window.strip.buttons] == first["strip"]
    assert [b.toolTip() for b in window.strip.buttons] == first["tooltips"]
    assert (home.where.text(), home.bundles.text()) == (first["where"], first["bundles"])
    assert "Testby" in first["where"]
    QApplication.processEvents()


def test_without_a_summary_the_window_waits_for_the_content(qtbot: Any, gui_data: Path):
    conn = sqlite3.connect(gui_data / "library.db")
    conn.execute("DELETE FROM first_screen")
    conn.commit()
    conn.close()
    _window, seen = _open(qtbot, gui_data)
    assert len(seen) == 1 and seen[0]["snapshot"] is not None
    assert seen[0]["strip"] and seen[0]["page"]

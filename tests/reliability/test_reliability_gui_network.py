"""Network faults seen from the window: a stalled or dripping update server never blocks the
event loop; Cancel stops a stalled check at once; a hopeless server is given up on with a
plain message after retries; the installed content is unchanged throughout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from crash_scenarios import sync_feed
from gui_support import (
    OFFSCREEN_DIALOG_NOISE,
    TEST_MUNICIPALITY,
    TEST_REGION,
    open_window,
    wait_idle,
    write_settings,
)
from reliability_support import library_snapshot
from servers.faulty import FaultyServer
from servers.feeds import fast_http
from test_gui_latency import MAX_BLOCK_MS, LatencyMonitor

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)]


def _content(data: Path) -> dict[str, list]:
    from vnr_desktop.core.library import Library

    lib = Library(data / "library.db")
    try:
        return library_snapshot(lib.conn)
    finally:
        lib.close()


def _window_against(qtbot: Any, gui_data: Path, server: FaultyServer, key: Any) -> Any:
    write_settings(
        gui_data,
        municipality=TEST_MUNICIPALITY,
        region=TEST_REGION,
        first_run_done=True,
        update_source=server.url,
        publisher_keys=[{"key": key.public_key.to_base64(), "scope": ["testregion"]}],
    )
    window = open_window(qtbot, gui_data)
    wait_idle(qtbot, window)  # measure the update check, not the window's first load
    return window


def test_cancel_stops_a_stalled_update_check_without_blocking_the_window(
    qtbot: Any, gui_data: Path, tmp_path: Path
) -> None:
    from vnr_desktop.gui.sync_flow import check_updates

    feed = sync_feed(tmp_path / "feed")
    before = _content(gui_data)
    with FaultyServer(feed.folder) as server:
        server.plan.add("catalog.json", "stall:10")
        window = _window_against(qtbot, gui_data, server, feed.key)
        messages: list[str] = []
        window.sync_finished.connect(messages.append)
        monitor = LatencyMonitor(window)
        monitor.start()
        check_updates(window)
        qtbot.waitUntil(lambda: bool(server.hits_for("catalog.json")), timeout=10_000)
        start_ticks = monitor.ticks
        qtbot.waitUntil(lambda: monitor.ticks > start_ticks + 60, timeout=10_000)  # ~0.3 s stalled
        assert not messages, "the check ended although the server sends nothing"
        window._sync_handle.cancel()
        qtbot.waitUntil(lambda: bool(messages), timeout=3_000)
        worst = monitor.stop()
    print(f"worst block {worst:.0f} ms (main thread busy {monitor.worst_busy_ms:.0f} ms)")
    assert worst < MAX_BLOCK_MS, f"the event loop was blocked for {worst:.0f} ms"
    assert "Avbrutt" in messages[0]
    assert _content(gui_data) == before


def test_a_one_byte_a_second_server_is_given_up_on_with_a_plain_message(
    qtbot: Any, gui_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from vnr_desktop.core.sync import updater as updater_module
    from vnr_desktop.gui.sync_flow import check_updates

    # The app's own limits (60 s stall window, 5 attempts) scaled down to test time.
    monkeypatch.setattr(
        updater_module, "HttpClient", lambda: fast_http(attempts=3, stall_window=0.5)
    )
    feed = sync_feed(tmp_path / "feed")
    before = _content(gui_data)
    with FaultyServer(feed.folder) as server:
        server.plan.add("catalog.json", *["drip:1.0"] * 5)
        window = _window_against(qtbot, gui_data, server, feed.key)
        messages: list[str] = []
        window.sync_finished.connect(messages.append)
        monitor = LatencyMonitor(window)
        monitor.start()
        check_updates(window)
        qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
        worst = monitor.stop()
        attempts = len(server.hits_for("catalog.json"))
    assert worst < MAX_BLOCK_MS, f"the event loop was blocked for {worst:.0f} ms"
    assert attempts == 3, "retried, then gave up"
    assert any(w in messages[0] for w in ("treg", "sakte", "svarte ikke")), messages[0]
    assert "Traceback" not in messages[0]
    assert _content(gui_data) == before

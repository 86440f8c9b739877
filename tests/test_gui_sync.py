"""Content updates in the window: import a signed bundle from a folder, see what changed and which
printed cards to reprint, go back to the previous version; bad input leaves the library as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, TEST_BUNDLE, open_window, wait_idle, write_settings

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)


def _signed_update(tmp_path: Path, secret) -> Path:
    """Version 2 of the test bundle, with the krisesenter's (made-up) number changed, signed."""
    from vnr_desktop.core.sync.archive import build_bundle
    from vnr_desktop.core.sync.minisign import sign_file

    src = tmp_path / "src" / "testregion"
    shutil.copytree(TEST_BUNDLE, src)
    manifest = src / "manifest.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("version: 1", "version: 2"), encoding="utf-8"
    )
    contacts = src / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace('"99 00 00 01"', '"99 00 00 11"'),
        encoding="utf-8",
    )
    folder = tmp_path / "usb"
    built = build_bundle(src, folder / "testregion.vnrb")
    sign_file(secret, built.path)
    return folder


@pytest.fixture
def publisher():
    from vnr_desktop.core.sync.minisign import generate_keypair

    return generate_keypair()


@pytest.fixture
def trusting_window(qtbot, gui_data, publisher):
    write_settings(
        gui_data,
        municipality="9901",
        region="testregion",
        first_run_done=True,
        publisher_keys=[{"key": publisher.public_key.to_base64(), "scope": ["testregion"]}],
    )
    return open_window(qtbot, gui_data)


def _strip(window) -> list[str]:
    return [b.number_label.text() for b in window.strip.buttons]


def test_import_from_folder_updates_shows_changes_and_rolls_back(
    trusting_window, qtbot, tmp_path, publisher
):
    from vnr_desktop.core.userdata import open_userdata
    from vnr_desktop.gui import sync_flow

    window = trusting_window
    data = window.session.paths.data
    ud = open_userdata(data)
    try:  # a card printed for the region before the update
        ud.record_print(
            card_id="akutt",
            region="testregion",
            format="id1",
            language="nb",
            content_version="testregion v1 + nasjonal v1",
            content_hash="0" * 64,
        )
    finally:
        ud.close()
    assert "990 00 001" in _strip(window)
    folder = _signed_update(tmp_path, publisher)
    window.go("settings")
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        sync_flow.import_folder(window, folder)
    qtbot.waitUntil(
        lambda: window.session.snapshot.bundle("testregion").version == 2, timeout=10_000
    )
    assert "990 00 011" in _strip(window)
    report = window.update_report
    assert report is not None and report.isVisible()
    text = report.view.toPlainText()
    assert "990 00 001" in text and "990 00 011" in text  # item by item: the number changed
    assert "akutt" in text  # the printed card to print again
    report.accept()
    # the previous version is one click away
    page = window.settings_page
    item = next(
        page.bundles.item(i)
        for i in range(page.bundles.count())
        if page.bundles.item(i).data(256) == "testregion"
    )
    page.bundles.setCurrentItem(item)
    assert page.rollback_button.isEnabled()
    with qtbot.waitSignal(window.session.snapshot_changed, timeout=10_000):
        page.rollback_button.click()
    qtbot.waitUntil(
        lambda: window.session.snapshot.bundle("testregion").version == 1, timeout=10_000
    )
    assert "990 00 001" in _strip(window)


def test_a_bundle_signed_by_an_unknown_key_is_refused(qtbot, gui_data, tmp_path, publisher):
    window = open_window(qtbot, gui_data)  # the publisher's key is not trusted here
    from vnr_desktop.gui import sync_flow

    folder = _signed_update(tmp_path, publisher)
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        sync_flow.import_folder(window, folder)
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert window.session.errors.unexpected_count == 0
    assert window.session.snapshot.bundle("testregion").version == 1
    assert "990 00 001" in _strip(window)
    assert window.settings_page.sync_status.text() == window.message_bar.label.text()


def test_check_without_an_update_source_says_what_to_do(window, qtbot):
    window.go("settings")
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        window.settings_page.check_button.click()
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert "oppdateringskilde" in window.message_bar.label.text().casefold()
    assert window.settings_page.check_button.isEnabled()  # not stuck busy
    assert not window.settings_page.progress.isVisible()


def test_background_check_is_scheduled_only_with_a_source(qtbot, gui_data):
    window = open_window(qtbot, gui_data, background_updates=True)
    assert window.background_checks is not None
    wait_idle(qtbot, window)
    assert not window.background_checks.isActive()  # no feed configured: nothing planned
    assert window.message_bar.level == ""  # and nothing said


def test_an_expired_feed_is_used_with_a_visible_warning(
    trusting_window, qtbot, tmp_path, publisher
):
    """Content confirmed by a catalog that has expired still installs; the start page says so."""
    import datetime as dt

    from vnr_desktop.core.sync.catalog import publish_feed
    from vnr_desktop.gui import sync_flow

    window = trusting_window
    usb = _signed_update(tmp_path, publisher)
    feed = tmp_path / "feed"
    publish_feed(
        [usb / "testregion.vnrb"],
        publisher,
        feed,
        feed_id="test",
        publisher="Tester",
        valid_days=1,
        now=dt.datetime.now(dt.UTC) - dt.timedelta(days=10),
    )
    with qtbot.waitSignal(window.sync_finished, timeout=30_000):
        sync_flow.import_folder(window, feed)
    qtbot.waitUntil(
        lambda: window.session.snapshot.bundle("testregion").version == 2, timeout=10_000
    )
    window.update_report.accept()
    window.go("home")
    qtbot.waitUntil(lambda: window.home.feed_status.isVisible(), timeout=10_000)
    assert "kan være utdatert" in window.home.feed_status.text()
    assert window.home.feed_status.property("level") == "warning"

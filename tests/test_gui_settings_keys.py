"""Settings: trusting a publisher key shows its id and fingerprint, needs a scope, and is saved
as the CLI saves it (the same Settings.publisher_keys the updater reads)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, open_window, wait_idle

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)

SHOT = Path("/tmp/vnr-h16-trust-key-dialog.png")


def test_trust_a_key_with_a_scope_then_remove_it(qtbot, gui_data: Path, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from vnr_desktop.core.sync.keyring import trusted_keys
    from vnr_desktop.core.sync.minisign import generate_keypair
    from vnr_desktop.core.sync.trust import fingerprint
    from vnr_desktop.core.userdata import open_userdata

    key = generate_keypair()
    pub = tmp_path / "kommune.pub"
    pub.write_text(key.public_key.to_file_text())
    window = open_window(qtbot, gui_data)
    window.build_all_pages()
    page = window.settings_page
    seen: dict[str, object] = {}

    def confirm(dialog) -> bool:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        seen["id"] = dialog.key_id.text()
        seen["fingerprint"] = dialog.fingerprint.text()
        seen["prefilled"] = dialog.scope.text()
        dialog.scope.setText("")
        seen["ok_without_scope"] = ok.isEnabled()
        seen["hint"] = dialog.problem.text()
        dialog.scope.setText("testregion, nasjonal")
        seen["ok_with_scope"] = ok.isEnabled()
        dialog.resize(560, dialog.sizeHint().height())
        dialog.grab().save(str(SHOT))
        return True

    page.trust_key_file(pub, confirm=confirm)
    assert seen["id"] == key.public_key.id_hex
    assert seen["fingerprint"] == fingerprint(key.public_key)
    assert seen["prefilled"] == "testregion"  # the user's own region is offered
    assert seen["ok_without_scope"] is False and "komma" in str(seen["hint"])
    assert seen["ok_with_scope"] is True
    qtbot.waitUntil(lambda: page.keys.count() == 1, timeout=5000)
    assert key.public_key.id_hex in page.keys.item(0).text()
    assert "nasjonal, testregion" in page.keys.item(0).text()
    wait_idle(qtbot, window)
    ud = open_userdata(gui_data)
    try:
        store = trusted_keys(ud.settings())
    finally:
        ud.close()
    assert store.keys[key.key_id].scope == {"testregion", "nasjonal"}
    assert store.keys[key.key_id].role == "publisher"

    page.keys.setCurrentRow(0)
    page.untrust_button.click()
    qtbot.waitUntil(lambda: page.keys.count() == 0, timeout=5000)


def test_a_file_that_is_not_a_key_is_explained(qtbot, gui_data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "not-a-key.pub"
    bad.write_text("hello\n")
    window = open_window(qtbot, gui_data)
    window.build_all_pages()
    page = window.settings_page
    page.trust_key_file(bad, confirm=lambda _d: pytest.fail("no dialog for a bad file"))
    assert "minisign" in page.sync_status.text()
    assert page.keys.count() == 0

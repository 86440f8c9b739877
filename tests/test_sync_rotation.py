"""Key rotation: an offline root key endorses a signing key; the app follows without an update."""

from __future__ import annotations

import datetime as _dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers.feeds import PHONE_CHANGE, build, fast_http, keyring, make_key, snapshot
from testutil import require_tool

from vnr_desktop.core.library import Library, open_library
from vnr_desktop.core.paths import resolve_paths
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.catalog import publish_feed
from vnr_desktop.core.sync.endorsement import endorse
from vnr_desktop.core.sync.errors import UnknownKey
from vnr_desktop.core.sync.updater import Updater


@pytest.fixture
def lib(data_dir: Path) -> Iterator[Library]:
    library = open_library(data_dir, install_builtin=False)
    yield library
    library.close()


def _endorsed_feed(
    tmp: Path,
    root: minisign.SecretKey,
    signer: minisign.SecretKey,
    until: _dt.date,
    version: int = 1,
    scope: tuple[str, ...] = ("testregion",),
) -> Path:
    pub_raw = signer.public_key.to_file_text().encode()
    pub = tmp / f"signer-{version}.pub"
    pub.write_bytes(pub_raw)
    pub.with_name(pub.name + ".minisig").write_bytes(endorse(root, pub_raw, until, scope))
    files = [build(tmp, version=version, edits=PHONE_CHANGE if version > 1 else None)]
    feed = tmp / "feed"
    publish_feed(files, signer, feed, feed_id="rot", publisher="Tests", endorsement=pub)
    return feed


def _updater(lib: Library, data_dir: Path, root: minisign.SecretKey, **kw: object) -> Updater:
    return Updater(
        lib, resolve_paths(data_dir).ensure(), keys=keyring(roots=(root,)), http=fast_http(), **kw
    )  # type: ignore[arg-type]


def test_endorsed_signing_key_is_followed(lib: Library, data_dir: Path, tmp_path: Path) -> None:
    root, signer = make_key(), make_key()
    today = _dt.date.today()
    feed = _endorsed_feed(tmp_path, root, signer, today + _dt.timedelta(days=30))
    assert (feed / "keys" / f"{signer.id_hex}.pub").is_file()
    result = _updater(lib, data_dir, root).sync(feed)
    assert result.installed[0].status == "installed"
    # Next start: the endorsement was kept, the stored catalog still verifies.
    again = _updater(lib, data_dir, root)
    assert signer.key_id in again.trusted()
    assert again.check(feed).updates == []
    # A colleague who pins only the root key imports the exported folder.
    out = tmp_path / "usb"
    exported = again.export_region("testregion", out)
    assert (out / "keys" / f"{signer.id_hex}.pub.minisig") in exported.files
    other_dir = tmp_path / "colleague"
    other = open_library(other_dir, install_builtin=False)
    try:
        Updater(other, resolve_paths(other_dir).ensure(), keys=keyring(roots=(root,))).import_path(
            out
        )
        assert other.bundle("testregion") is not None
    finally:
        other.close()


def test_expired_endorsement_is_refused(lib: Library, data_dir: Path, tmp_path: Path) -> None:
    root, signer = make_key(), make_key()
    feed = _endorsed_feed(tmp_path, root, signer, _dt.date.today() - _dt.timedelta(days=1))
    before = snapshot(lib)
    with pytest.raises(UnknownKey, match="godkjent bare til"):
        _updater(lib, data_dir, root).sync(feed)
    assert snapshot(lib) == before


def test_endorsement_expires_for_a_stored_key_too(
    lib: Library, data_dir: Path, tmp_path: Path
) -> None:
    root, signer = make_key(), make_key()
    feed = _endorsed_feed(tmp_path, root, signer, _dt.date.today() + _dt.timedelta(days=5))
    _updater(lib, data_dir, root).sync(feed)
    later = _dt.datetime.now(_dt.UTC) + _dt.timedelta(days=10)
    up = _updater(lib, data_dir, root, now=lambda: later)
    assert signer.key_id not in up.trusted()
    with pytest.raises(UnknownKey, match="godkjent bare til"):
        up.check(feed)


def test_endorsement_by_an_unpinned_key_is_refused(
    lib: Library, data_dir: Path, tmp_path: Path
) -> None:
    root, stranger, signer = make_key(), make_key(), make_key()
    feed = _endorsed_feed(tmp_path, stranger, signer, _dt.date.today() + _dt.timedelta(days=30))
    before = snapshot(lib)
    with pytest.raises(UnknownKey, match="ikke stoler på"):
        _updater(lib, data_dir, root).sync(feed)
    assert snapshot(lib) == before


def test_a_plain_root_signature_is_not_an_endorsement(
    lib: Library, data_dir: Path, tmp_path: Path
) -> None:
    root, signer = make_key(), make_key()
    feed = _endorsed_feed(tmp_path, root, signer, _dt.date.today() + _dt.timedelta(days=30))
    pub = feed / "keys" / f"{signer.id_hex}.pub"
    minisign.sign_file(root, pub)  # a root signature without the endorsement marker
    before = snapshot(lib)
    with pytest.raises(UnknownKey, match="ikke en signeringsnøkkel"):
        _updater(lib, data_dir, root).sync(feed)
    assert snapshot(lib) == before


def test_cli_endorse_checked_by_minisign(library: Library, tmp_path: Path) -> None:
    from vnr_desktop.cli import main

    tool = require_tool("minisign")
    pw = tmp_path / "pw"
    pw.write_text("pw\n")
    for name in ("root", "signer"):
        assert (
            main(
                [
                    "keys",
                    "generate",
                    str(tmp_path / name),
                    "--kdf",
                    "interactive",
                    "--passphrase-file",
                    str(pw),
                ]
            )
            == 0
        )
    assert (
        main(
            [
                "keys",
                "endorse",
                str(tmp_path / "signer.pub"),
                "--key",
                str(tmp_path / "root.key"),
                "--valid-days",
                "30",
                "--scope",
                "testregion",
                "--passphrase-file",
                str(pw),
            ]
        )
        == 0
    )
    out = subprocess.run(
        [tool, "-V", "-m", str(tmp_path / "signer.pub"), "-p", str(tmp_path / "root.pub")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0 and "vnr-signing-key" in out.stdout
    bundle = build(tmp_path, version=1)
    assert (
        main(
            [
                "feed",
                "publish",
                str(bundle),
                "--key",
                str(tmp_path / "signer.key"),
                "--passphrase-file",
                str(pw),
                "-o",
                str(tmp_path / "feed"),
                "--endorsement",
                str(tmp_path / "signer.pub"),
            ]
        )
        == 0
    )
    signer = minisign.load_public_key(tmp_path / "signer.pub")
    assert (tmp_path / "feed" / "keys" / f"{signer.id_hex}.pub.minisig").is_file()

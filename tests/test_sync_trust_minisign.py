"""Interoperability of the trust model with the real minisign tool.

Keys come from ``minisign -G``, including ids below 1000000000000000 that minisign writes
without their leading zeros, in every role: a root (endorses, revokes), an endorsed signing key
(signs a feed through the CLI), a publisher trusted directly (signs with ``minisign -S``) and
a revoked key. Every file the app signs is checked with ``minisign -V``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from servers.feeds import PHONE_CHANGE, build
from testutil import require_tool

from vnr_desktop.cli import main
from vnr_desktop.core.library import Library
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.userdata import UserData


def _keypair(tool: str, folder: Path, name: str) -> tuple[Path, Path, str]:
    """A ``minisign -G`` key pair whose id has a leading zero (about one key in sixteen).

    Returns the .pub, the .key and the id as minisign wrote it (without leading zeros)."""
    pub, key = folder / f"{name}.pub", folder / f"{name}.key"
    for _ in range(500):
        subprocess.run(
            [tool, "-G", "-W", "-f", "-p", str(pub), "-s", str(key)],
            capture_output=True,
            check=True,
        )
        written = pub.read_text().splitlines()[0].rsplit(" ", 1)[-1]
        if len(written) < 16:
            assert minisign.load_public_key(pub).id_hex == written.zfill(16)
            return pub, key, written
    pytest.fail("minisign -G made no key with a short id in 500 tries")


def _verify(tool: str, file: Path, pub: Path) -> str:
    out = subprocess.run(
        [tool, "-V", "-m", str(file), "-p", str(pub)], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, (file, out.stderr)
    return out.stdout


def test_short_minisign_key_ids_work_in_every_role(
    library: Library,
    userdata: UserData,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tool = require_tool("minisign")
    keys = tmp_path / "keys"
    keys.mkdir()
    root_pub, root_key, root_id = _keypair(tool, keys, "root")
    signer_pub, signer_key, signer_id = _keypair(tool, keys, "signer")
    pub_pub, pub_key, pub_id = _keypair(tool, keys, "publisher")
    pub_text_before = signer_pub.read_bytes()

    # The administrator trusts the root for the region; the root endorses the signing key.
    assert main(["keys", "trust", str(root_pub), "--root", "--scope", "testregion"]) == 0
    assert main(["keys", "endorse", str(signer_pub), "--key", str(root_key)]) == 2
    assert "--scope" in capsys.readouterr().err
    args = ["keys", "endorse", str(signer_pub), "--key", str(root_key), "--scope", "testregion"]
    assert main(args) == 0
    assert signer_pub.read_bytes() == pub_text_before  # the exact file is what was signed
    assert "vnr-signing-key" in _verify(tool, signer_pub, root_pub)

    # The signing key publishes a feed carrying the endorsement; minisign checks every file.
    bundle = build(tmp_path, version=1)
    feed = tmp_path / "feed"
    args = ["feed", "publish", str(bundle), "--key", str(signer_key), "-o", str(feed)]
    assert main([*args, "--endorsement", str(signer_pub)]) == 0
    _verify(tool, feed / "catalog.json", signer_pub)
    _verify(tool, feed / "bundles" / "testregion-1.vnrb", signer_pub)
    [endorsement] = (feed / "keys").glob("*.pub")
    assert endorsement.read_bytes() == pub_text_before
    _verify(tool, endorsement, root_pub)
    capsys.readouterr()
    assert main(["sync", "--source", str(feed)]) == 0
    assert library.bundle("testregion").version == 1  # type: ignore[union-attr]

    # A publisher trusted directly signs with minisign -S; a single file is imported.
    assert main(["keys", "trust", str(pub_pub), "--scope", "testregion"]) == 0
    v2 = build(tmp_path, version=2, edits=PHONE_CHANGE)
    subprocess.run([tool, "-S", "-s", str(pub_key), "-m", str(v2)], capture_output=True, check=True)
    assert main(["import", str(v2)]) == 0
    assert library.bundle("testregion").version == 2  # type: ignore[union-attr]

    # The root revokes both keys, named as minisign prints them (no leading zeros).
    usb = tmp_path / "usb"
    revoke = ["keys", "revoke", signer_id, pub_id, "--key", str(root_key), "--reason", "tapt"]
    assert main([*revoke, "-o", str(usb / "revoked.json")]) == 0
    assert "vnr-revocations" in _verify(tool, usb / "revoked.json", root_pub)
    capsys.readouterr()
    assert main(["import", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "Tilbakekallingslisten er lest" in out
    assert f"testregion v2 er signert med nøkkel {pub_id.zfill(16)}" in out

    # From now on both keys are refused; the installed content stays.
    v3 = build(tmp_path, version=3, edits=PHONE_CHANGE)
    subprocess.run([tool, "-S", "-s", str(pub_key), "-m", str(v3)], capture_output=True, check=True)
    assert main(["import", str(v3)]) == 3
    assert "trukket tilbake" in capsys.readouterr().err
    assert library.bundle("testregion").version == 2  # type: ignore[union-attr]

    assert main(["keys", "list", "--json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    root_row = rows[root_id.zfill(16)]
    assert (root_row["role"], root_row["scope"], root_row["origin"]) == (
        "root",
        ["testregion"],
        "settings",
    )
    assert root_row["expiry"] is None and root_row["revoked"] is None
    pub_row = rows[pub_id.zfill(16)]
    assert (pub_row["role"], pub_row["scope"]) == ("publisher", ["testregion"])
    assert pub_row["revoked"]["reason"] == "tapt"
    signer_row = rows[signer_id.zfill(16)]
    assert signer_row["revoked"]["by"] == root_id.zfill(16)
    assert {"id", "role", "scope", "origin", "expiry"} <= set(signer_row)

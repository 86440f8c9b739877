"""minisign-compatible keys and signatures, cross-checked with the real minisign tool."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest
from testutil import require_tool

from vnr_desktop.cli import main
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.errors import (
    BadSignature,
    KeyFileError,
    MissingSignature,
    UnknownKey,
    WrongPassphrase,
)
from vnr_desktop.core.sync.keyring import trusted_keys, unscoped_keys

FAST = {"opslimit": minisign.OPSLIMIT_INTERACTIVE, "memlimit": minisign.MEMLIMIT_INTERACTIVE}


@pytest.fixture
def key() -> minisign.SecretKey:
    return minisign.generate_keypair()


def _keys(*secrets: minisign.SecretKey) -> dict[bytes, minisign.PublicKey]:
    return {s.key_id: s.public_key for s in secrets}


def test_scrypt_parameters_follow_libsodium() -> None:
    # minisign's defaults give N=2^20, r=8, p=1 (1 GiB); 'interactive' N=2^14.
    assert minisign._scrypt_params(minisign.OPSLIMIT_SENSITIVE, minisign.MEMLIMIT_SENSITIVE) == (
        1 << 20,
        8,
        1,
    )
    assert minisign._scrypt_params(
        minisign.OPSLIMIT_INTERACTIVE, minisign.MEMLIMIT_INTERACTIVE
    ) == (1 << 14, 8, 1)


def test_secret_key_round_trip_with_passphrase(key: minisign.SecretKey) -> None:
    text = minisign.secret_key_file_text(key, "riktig passord", **FAST)
    assert text.startswith("untrusted comment: minisign encrypted secret key\nRWRTY0Iy")
    assert minisign.load_secret_key_text(text, "riktig passord") == key


def test_wrong_passphrase_is_a_clear_error(key: minisign.SecretKey) -> None:
    text = minisign.secret_key_file_text(key, "riktig", **FAST)
    with pytest.raises(WrongPassphrase, match="Feil passord"):
        minisign.load_secret_key_text(text, "galt")
    with pytest.raises(WrongPassphrase, match="passordbeskyttet"):
        minisign.load_secret_key_text(text, None)


def test_public_key_format_and_parse_from_settings_line(key: minisign.SecretKey) -> None:
    pub = key.public_key
    text = pub.to_file_text()
    assert (
        text.startswith(f"untrusted comment: minisign public key {key.id_hex}\nRWT") or "RW" in text
    )
    assert minisign.parse_public_key(text) == pub
    assert minisign.parse_public_key(pub.to_base64()) == pub
    with pytest.raises(KeyFileError, match="offentlig minisign-nøkkel"):
        minisign.parse_public_key(base64.b64encode(b"Ed" + bytes(10)).decode())


def test_sign_and_verify_bytes(key: minisign.SecretKey) -> None:
    data = b"catalog bytes" * 100
    sig = minisign.sign_bytes(key, data, "timestamp:1\tfile:x\thashed")
    raw = sig.to_file_text().encode()
    assert (
        minisign.verify_bytes(data, raw, _keys(key)).trusted_comment
        == "timestamp:1\tfile:x\thashed"
    )


def test_tampered_data_fails(key: minisign.SecretKey) -> None:
    data = b"Krisesenter 99 00 00 01"
    raw = minisign.sign_bytes(key, data, "tc").to_file_text().encode()
    with pytest.raises(BadSignature, match="Signaturen stemmer ikke"):
        minisign.verify_bytes(b"Krisesenter 99 00 00 09", raw, _keys(key))


def test_tampered_trusted_comment_fails(key: minisign.SecretKey) -> None:
    data = b"x"
    text = minisign.sign_bytes(key, data, "version:1").to_file_text()
    forged = text.replace("trusted comment: version:1", "trusted comment: version:9").encode()
    with pytest.raises(BadSignature, match="betrodde kommentaren"):
        minisign.verify_bytes(data, forged, _keys(key))


def test_unknown_key_and_missing_signature(key: minisign.SecretKey) -> None:
    other = minisign.generate_keypair()
    raw = minisign.sign_bytes(other, b"x", "tc").to_file_text().encode()
    with pytest.raises(UnknownKey, match=other.id_hex):
        minisign.verify_bytes(b"x", raw, _keys(key))
    with pytest.raises(MissingSignature, match="mangler"):
        minisign.verify_bytes(b"x", None, _keys(key))


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"untrusted comment: x\n",
        b"\xff\xfe",
        b"untrusted comment: a\nnot base64!\ntrusted comment: b\nxx\n",
        b"a" * 20000,
    ],
)
def test_damaged_signature_files_are_refused(key: minisign.SecretKey, garbage: bytes) -> None:
    with pytest.raises(BadSignature):
        minisign.verify_bytes(b"x", garbage, _keys(key))


def test_legacy_unhashed_signature_is_refused_with_advice(key: minisign.SecretKey) -> None:
    sig = minisign.sign_bytes(key, b"x", "tc")
    legacy = minisign.Signature(
        b"Ed", sig.key_id, sig.signature, sig.trusted_comment, sig.global_signature
    )
    with pytest.raises(BadSignature, match="uten -l"):
        minisign.verify_bytes(b"x", legacy.to_file_text().encode(), _keys(key))


def test_the_app_pins_no_key_and_ships_no_key_file() -> None:
    """No orphan keys: nothing is trusted until an administrator trusts a key with a scope."""
    from vnr_desktop.core.resources import ResourceError, resource_path
    from vnr_desktop.core.settings import Settings

    assert trusted_keys(Settings()).keys == {}
    with pytest.raises(ResourceError):
        resource_path("keys")
    root = Path(__file__).resolve().parent.parent
    shipped = [
        p
        for folder in (root / "vnr_desktop", root / "resources")
        for p in folder.rglob("*")
        if p.suffix in {".pub", ".key"}
    ]
    assert shipped == []


def test_scoped_keys_from_settings(key: minisign.SecretKey) -> None:
    from vnr_desktop.core.settings import PublisherKey, Settings

    line = key.public_key.to_base64()
    settings = Settings(
        publisher_keys=[PublisherKey(key=line, scope=["gjovik", "hamar"])],
        extra_public_keys=[line],
    )
    store = trusted_keys(settings)
    assert list(store.keys) == [key.key_id]
    assert store.keys[key.key_id].scope == {"gjovik", "hamar"}
    assert store.keys[key.key_id].role == "publisher"
    # An old unscoped key is listed, never trusted on its own.
    assert unscoped_keys(Settings(extra_public_keys=[line])) == [key.public_key]
    assert trusted_keys(Settings(extra_public_keys=[line])).keys == {}
    with pytest.raises(KeyFileError, match=r"nr\. 1"):
        trusted_keys(Settings(publisher_keys=[PublisherKey(key="nonsense", scope=["gjovik"])]))
    with pytest.raises(KeyFileError, match="--scope"):
        trusted_keys(Settings(publisher_keys=[PublisherKey(key=line, scope=[])]))


# --------------------------------------------------------------------------- the real minisign


def test_minisign_verifies_our_signature_and_uses_our_secret_key(
    tmp_path: Path, key: minisign.SecretKey
) -> None:
    tool = require_tool("minisign")
    (tmp_path / "k.key").write_text(minisign.secret_key_file_text(key, "pw", **FAST))
    (tmp_path / "k.pub").write_text(key.public_key.to_file_text())
    data = tmp_path / "bundle.vnrb"
    data.write_bytes(bytes(range(256)) * 50)
    minisign.sign_file(key, data, "timestamp:1\tfile:bundle.vnrb\tbundle:test")
    out = subprocess.run(
        [tool, "-V", "-m", str(data), "-p", str(tmp_path / "k.pub")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "bundle:test" in out.stdout
    # minisign decrypts our passphrase-protected secret key and signs; we verify.
    data2 = tmp_path / "other.bin"
    data2.write_bytes(b"signed by the minisign tool")
    out = subprocess.run(
        [tool, "-S", "-s", str(tmp_path / "k.key"), "-m", str(data2), "-t", "from minisign"],
        input="pw\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    sig = minisign.verify_file(data2, tmp_path / "other.bin.minisig", _keys(key))
    assert sig.trusted_comment == "from minisign"
    # And minisign rejects a tampered file we signed.
    data.write_bytes(data.read_bytes()[:-1] + b"\x00")
    out = subprocess.run(
        [tool, "-V", "-m", str(data), "-p", str(tmp_path / "k.pub")],
        capture_output=True,
        check=False,
    )
    assert out.returncode != 0


def test_keys_made_by_minisign_work_here(tmp_path: Path) -> None:
    tool = require_tool("minisign")
    out = subprocess.run(
        [tool, "-G", "-W", "-p", str(tmp_path / "m.pub"), "-s", str(tmp_path / "m.key")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    secret = minisign.load_secret_key(tmp_path / "m.key", None)
    public = minisign.load_public_key(tmp_path / "m.pub")
    assert secret.public_key == public
    data = tmp_path / "d.bin"
    data.write_bytes(b"hello")
    out = subprocess.run(
        [tool, "-S", "-s", str(tmp_path / "m.key"), "-m", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    minisign.verify_file(data, tmp_path / "d.bin.minisig", {public.key_id: public})
    minisign.sign_file(secret, data)
    out = subprocess.run(
        [tool, "-V", "-m", str(data), "-p", str(tmp_path / "m.pub")],
        capture_output=True,
        check=False,
    )
    assert out.returncode == 0


def test_cli_keys_generate_and_sign_checked_by_minisign(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tool = require_tool("minisign")
    pw = tmp_path / "pw.txt"
    pw.write_text("et langt passord\n")
    prefix = tmp_path / "keys" / "kommune"
    assert (
        main(
            ["keys", "generate", str(prefix), "--kdf", "interactive", "--passphrase-file", str(pw)]
        )
        == 0
    )
    assert (prefix.parent / "kommune.key").stat().st_mode & 0o077 == 0
    assert (
        main(["keys", "generate", str(prefix), "--passphrase-file", str(pw)]) == 2
    )  # no overwrite
    target = tmp_path / "file.vnrb"
    target.write_bytes(b"bundle")
    assert (
        main(
            ["bundle", "sign", str(target), "--key", f"{prefix}.key", "--passphrase-file", str(pw)]
        )
        == 0
    )
    out = subprocess.run(
        [tool, "-V", "-m", str(target), "-p", f"{prefix}.pub"], capture_output=True, check=False
    )
    assert out.returncode == 0
    assert main(["bundle", "verify", str(target), "--key", f"{prefix}.pub"]) == 0
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("feil\n")
    capsys.readouterr()
    assert (
        main(
            [
                "bundle",
                "sign",
                str(target),
                "--key",
                f"{prefix}.key",
                "--passphrase-file",
                str(wrong),
            ]
        )
        == 3
    )
    assert "Feil passord" in capsys.readouterr().err

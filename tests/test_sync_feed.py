"""Feeds from folders (USB stick, share): publish, import, update, change report, export, and
every bad input refused with a clear message and the library unchanged."""

from __future__ import annotations

import datetime as _dt
import errno
import gzip
import hashlib
import io
import json
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import pytest
from servers.feeds import PHONE_CHANGE, build, keyring, make_key, make_updater, publish, snapshot

from vnr_desktop.core.library import Library, open_library
from vnr_desktop.core.paths import AppPaths, resolve_paths
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.catalog import parse_catalog, publish_feed
from vnr_desktop.core.sync.errors import (
    BadSignature,
    CatalogError,
    ChecksumMismatch,
    ContentInvalid,
    DiskFull,
    InstallFailed,
    MissingSignature,
    NotInCatalog,
    RollbackRefused,
    SourceNotFound,
    SyncError,
    TooLarge,
    UnknownKey,
    UnsafeArchive,
)
from vnr_desktop.core.sync.http import CancelToken, Progress, Storage
from vnr_desktop.core.sync.updater import Updater
from vnr_desktop.core.userdata import UserData


@dataclass
class Env:
    tmp: Path
    lib: Library
    paths: AppPaths
    key: minisign.SecretKey
    userdata: UserData

    def updater(self, **kw: object) -> Updater:
        kw.setdefault("userdata", self.userdata)
        return make_updater(self.lib, self.paths, keyring(self.key), **kw)

    def feed(
        self,
        *versions: int,
        edits: dict[int, dict[str, tuple[str, str]]] | None = None,
        name: str = "feed",
        **kw: object,
    ) -> Path:
        files = [build(self.tmp, version=v, edits=(edits or {}).get(v)) for v in versions]
        return publish(files, self.key, self.tmp / name, **kw)


@pytest.fixture
def env(tmp_path: Path, data_dir: Path, userdata: UserData) -> Env:
    paths = resolve_paths(data_dir).ensure()
    lib = open_library(data_dir, install_builtin=False)
    yield Env(tmp_path, lib, paths, make_key(), userdata)  # type: ignore[misc]
    lib.close()


def _installed_v1(env: Env) -> Path:
    feed = env.feed(1)
    env.updater().import_path(feed)
    assert env.lib.bundle("testregion").version == 1  # type: ignore[union-attr]
    return feed


# --------------------------------------------------------------------------- the good path


def test_publish_writes_a_signed_static_feed(env: Env) -> None:
    feed = env.feed(1, changelog={"*": "Første versjon"})
    raw = (feed / "catalog.json").read_bytes()
    minisign.verify_bytes(
        raw, (feed / "catalog.json.minisig").read_bytes(), {env.key.key_id: env.key.public_key}
    )
    catalog = parse_catalog(raw)
    (entry,) = catalog.bundles
    data = (feed / entry.path).read_bytes()
    assert entry.sha256 == hashlib.sha256(data).hexdigest() and entry.size == len(data)
    assert (entry.id, entry.version, entry.changelog) == ("testregion", 1, "Første versjon")
    assert catalog.expires - catalog.issued == _dt.timedelta(days=90)
    minisign.verify_file(
        feed / entry.path, feed / (entry.path + ".minisig"), {env.key.key_id: env.key.public_key}
    )
    # Publishing again moves the sequence forward and keeps bundles not replaced.
    again = publish_feed([], env.key, feed, feed_id="test", publisher="Tests")
    assert again.catalog.sequence > catalog.sequence
    assert [b.id for b in again.catalog.bundles] == ["testregion"]
    with pytest.raises(CatalogError, match="lavere"):
        publish_feed([], env.key, feed, feed_id="test", publisher="Tests", sequence=1)


def test_import_feed_folder_then_update_with_change_report(env: Env) -> None:
    updater = env.updater()
    feed = env.feed(1)
    first = updater.import_path(feed)
    assert [r.status for r in first.installed] == ["installed"]
    assert "Oppdatert: testregion v1" in first.message
    edits = {
        "contacts.yaml": ('"99 00 00 01"', '"99 00 00 09"'),
        "plan.yaml": ("status: i_gang", "status: gjennomfort"),
    }
    env.feed(2, edits={2: edits})
    progress: list[Progress] = []
    result = updater.sync(feed, progress=progress.append)
    assert [(r.status, r.previous_version, r.version) for r in result.installed] == [
        ("updated", 1, 2)
    ]
    lines = result.changes[0].lines()
    assert "Testregion krisesenter: telefon (Døgnåpen) 990 00 001 -> 990 00 009" in lines
    assert "1 Opplæring i å snakke med barn: status i gang -> gjennomført" in lines
    assert len(lines) == 2
    assert {p.phase for p in progress} >= {"catalog", "download", "verify", "install", "done"}
    assert "Oppdatert: testregion v2 (fra v1)" in result.message and "Updated" in result.message_en
    # The previous version is kept: "Gå tilbake til forrige versjon".
    assert env.lib.versions("testregion") == [2, 1]
    env.lib.rollback("testregion")
    assert env.lib.bundle("testregion").version == 1  # type: ignore[union-attr]


def test_a_version_the_user_went_back_from_is_not_reinstalled_automatically(env: Env) -> None:
    feed = env.feed(1)
    env.updater().import_path(feed)
    env.feed(2, edits={2: {"contacts.yaml": ('"99 00 00 01"', '"99 00 00 09"')}})
    env.updater().sync(feed)
    env.lib.rollback("testregion")
    assert env.lib.declined_version("testregion") == 2
    again = env.updater().sync(feed)
    assert again.installed == []
    assert [s.bundle_id for s in again.skipped] == ["testregion"]
    assert "gikk tilbake" in again.skipped[0].reason
    assert env.lib.bundle("testregion").version == 1  # type: ignore[union-attr]
    # A newer version than the one turned down installs, and clears the mark.
    env.feed(3, edits={3: {"contacts.yaml": ('"99 00 00 01"', '"99 00 00 07"')}})
    third = env.updater().sync(feed)
    assert [(r.previous_version, r.version) for r in third.installed] == [(1, 3)]
    assert env.lib.declined_version("testregion") is None


def test_nothing_new_is_reported_plainly(env: Env) -> None:
    feed = _installed_v1(env)
    check = env.updater().check(feed)
    assert check.updates == [] and "ingenting nytt" in check.message
    result = env.updater().apply(check)
    assert result.installed == [] and "Ingenting nytt" in result.message


def test_stale_printed_cards_are_listed(env: Env) -> None:
    feed = _installed_v1(env)
    v1 = env.lib.bundle("testregion")
    assert v1 is not None
    env.userdata.record_print(
        card_id="kort-barn",
        region="testregion",
        format="id1",
        language="nb",
        content_version="testregion v1",
        content_hash=v1.content_hash,
    )
    env.userdata.record_print(
        card_id="kort-annet",
        region="annen",
        format="id1",
        language="nb",
        content_version="annen v3 + nasjonal v1",
        content_hash="x",
    )
    env.userdata.record_print(
        card_id="kort-b",
        region="gjovik",
        format="a7",
        language="nb",
        content_version="gjovik v1 + testregion v1",
        content_hash="y",
    )
    history_before = [r.as_dict() for r in env.userdata.print_history()]
    env.feed(2, edits={2: PHONE_CHANGE})
    result = env.updater().sync(feed)
    assert [s.record.card_id for s in result.stale_prints] == ["kort-barn", "kort-b"]
    assert "testregion er oppdatert til versjon 2" in result.stale_prints[1].reason
    assert "2 trykte kort" in result.message
    # User data is never touched by an update.
    assert [r.as_dict() for r in env.userdata.print_history()] == history_before


def test_card_hash_hook_decides_staleness(env: Env) -> None:
    feed = _installed_v1(env)
    env.userdata.record_print(
        card_id="a",
        region="testregion",
        format="id1",
        language="nb",
        content_version="1",
        content_hash="same",
    )
    env.userdata.record_print(
        card_id="b",
        region="testregion",
        format="id1",
        language="nb",
        content_version="1",
        content_hash="old",
    )
    env.feed(2, edits={2: PHONE_CHANGE})
    result = env.updater(card_hash=lambda rec: "same" if rec.card_id == "a" else "new").sync(feed)
    assert [s.record.card_id for s in result.stale_prints] == ["b"]


def test_export_then_import_on_another_machine(env: Env, tmp_path: Path) -> None:
    feed = _installed_v1(env)
    env.feed(2, edits={2: PHONE_CHANGE})
    env.updater().sync(feed)
    out = tmp_path / "usb"
    exported = env.updater().export_region("testregion", out)
    assert exported.with_catalog and "eksportert" in exported.message
    # Anyone can check it with the publisher's key; a colleague's app imports it.
    raw = (out / "catalog.json").read_bytes()
    minisign.verify_bytes(
        raw, (out / "catalog.json.minisig").read_bytes(), {env.key.key_id: env.key.public_key}
    )
    other_dir = tmp_path / "colleague"
    other = open_library(other_dir, install_builtin=False)
    try:
        up = Updater(other, resolve_paths(other_dir).ensure(), keys=keyring(env.key))
        result = up.import_path(out)
        assert other.bundle("testregion").version == 2  # type: ignore[union-attr]
        assert result.installed[0].status == "installed"
    finally:
        other.close()


def test_export_of_builtin_content_says_why_not(env: Env, test_bundle_dir: Path) -> None:
    env.lib.install_dir(test_bundle_dir)
    with pytest.raises(SourceNotFound, match="ingen signert pakke"):
        env.updater().export_region("testregion", env.tmp / "out")
    with pytest.raises(SourceNotFound, match="ikke installert"):
        env.updater().export_region("nowhere", env.tmp / "out")


def test_import_single_bundle_file(env: Env) -> None:
    file = build(env.tmp, version=1)
    minisign.sign_file(env.key, file)
    result = env.updater().import_path(file)
    assert result.installed[0].status == "installed"
    # A folder of signed bundles without a catalog works too, and re-import is a no-op.
    again = env.updater().import_path(file.parent)
    assert [r.status for r in again.installed] == ["unchanged"]


def test_expired_catalog_is_used_with_a_warning(env: Env) -> None:
    feed = env.feed(1, valid_days=1)
    later = _dt.datetime.now(_dt.UTC) + _dt.timedelta(days=3)
    updater = env.updater(now=lambda: later)
    check = updater.check(feed)
    issued = parse_catalog((feed / "catalog.json").read_bytes()).issued
    assert f"Innhold bekreftet {issued:%d.%m.%Y}, kan være utdatert" in check.message
    result = updater.apply(check)
    assert result.installed[0].status == "installed"
    assert "kan være utdatert" in result.message
    (status,) = updater.feed_statuses()
    assert status.expired and "kan være utdatert" in status.message


def test_newer_app_required_is_skipped_not_failed(env: Env) -> None:
    feed = env.feed(
        1, edits={1: {"manifest.yaml": ("language: nb", "language: nb\nmin_app_version: '99.0'")}}
    )
    check = env.updater().check(feed)
    assert check.updates == [] and "krever VNR Desktop 99.0" in check.skipped[0].reason


def test_cancel_before_install_changes_nothing(env: Env) -> None:
    feed = _installed_v1(env)
    env.feed(2, edits={2: PHONE_CHANGE})
    before = snapshot(env.lib)
    token = CancelToken()

    def progress(p: Progress) -> None:
        if p.phase == "verify":
            token.cancel()

    with pytest.raises(SyncError, match="Avbrutt"):
        env.updater().sync(feed, progress=progress, cancel=token)
    assert snapshot(env.lib) == before


# --------------------------------------------------------------------------- bad inputs


def _refused(
    env: Env, source: Path, error: type[SyncError], text: str, *, via_import: bool = False
) -> SyncError:
    before = snapshot(env.lib)
    updater = env.updater()
    with pytest.raises(error, match=text) as err:
        if via_import:
            updater.import_path(source)
        else:
            updater.sync(source)
    assert snapshot(env.lib) == before, "the library must be unchanged"
    assert err.value.message_en and err.value.message != err.value.message_en
    return err.value


def test_tampered_bundle_is_refused(env: Env) -> None:
    feed = _installed_v1(env)
    env.feed(2, edits={2: PHONE_CHANGE})
    entry = parse_catalog((feed / "catalog.json").read_bytes()).bundle("testregion")
    assert entry is not None
    path = feed / entry.path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    _refused(env, feed, ChecksumMismatch, "kontrollsummen stemmer ikke")


def test_tampered_bundle_file_on_import_fails_its_signature(env: Env) -> None:
    file = build(env.tmp, version=1)
    minisign.sign_file(env.key, file)
    data = bytearray(file.read_bytes())
    data[100] ^= 1
    file.write_bytes(bytes(data))
    _refused(env, file, BadSignature, "endret eller skadet", via_import=True)


def test_tampered_catalog_is_refused(env: Env) -> None:
    feed = env.feed(1)
    cat = feed / "catalog.json"
    cat.write_bytes(cat.read_bytes().replace(b'"version": 1', b'"version": 5'))
    _refused(env, feed, BadSignature, "Signaturen stemmer ikke")


def test_unknown_key_is_refused(env: Env) -> None:
    stranger = make_key()
    feed = publish([build(env.tmp, version=1)], stranger, env.tmp / "feed")
    err = _refused(env, feed, UnknownKey, "nøkkel appen ikke stoler på")
    assert stranger.id_hex in err.message


def test_wrong_key_for_a_known_key_id_is_refused(env: Env) -> None:
    impostor = minisign.SecretKey(key_id=env.key.key_id, seed=make_key().seed)
    feed = publish([build(env.tmp, version=1)], impostor, env.tmp / "feed")
    _refused(env, feed, BadSignature, "Signaturen stemmer ikke")


def test_missing_signatures_are_refused(env: Env) -> None:
    feed = env.feed(1)
    (feed / "catalog.json.minisig").unlink()
    _refused(env, feed, MissingSignature, "ikke signert")
    feed = env.feed(1, name="feed2")
    (feed / "bundles" / "testregion-1.vnrb.minisig").unlink()
    _refused(env, feed, MissingSignature, "Usignert innhold installeres aldri")
    file = build(env.tmp, version=1, name="lonely.vnrb")
    _refused(env, file, MissingSignature, "mangler", via_import=True)


def test_lower_sequence_is_refused_as_rollback(env: Env) -> None:
    feed = env.feed(1)
    old = env.tmp / "old-feed"
    shutil.copytree(feed, old)
    env.updater().import_path(feed)
    env.feed(2, edits={2: PHONE_CHANGE})
    env.updater().sync(feed)
    err = _refused(env, old, RollbackRefused, "eldre katalog")
    assert "Ingenting er endret" in err.message


def test_same_sequence_with_other_content_is_refused(env: Env) -> None:
    feed = env.feed(1)
    seq = parse_catalog((feed / "catalog.json").read_bytes()).sequence
    env.updater().import_path(feed)
    other = publish(
        [build(env.tmp, version=2, edits=PHONE_CHANGE)], env.key, env.tmp / "other", sequence=seq
    )
    _refused(env, other, CatalogError, "samme nummer")


def test_older_bundle_in_a_newer_catalog_is_not_installed(env: Env) -> None:
    feed = _installed_v1(env)
    env.feed(2, edits={2: PHONE_CHANGE})
    env.updater().sync(feed)
    # A new catalog that lists v1 again: nothing to do, v2 stays.
    seq = parse_catalog((feed / "catalog.json").read_bytes()).sequence
    shutil.rmtree(feed)
    env.feed(1, sequence=seq + 1)
    check = env.updater().check(feed)
    assert check.updates == []
    assert env.lib.bundle("testregion").version == 2  # type: ignore[union-attr]


def test_truncated_bundle_in_folder_is_refused(env: Env) -> None:
    feed = env.feed(1)
    path = feed / "bundles" / "testregion-1.vnrb"
    path.write_bytes(path.read_bytes()[:-100])
    _refused(env, feed, ChecksumMismatch, "kontrollsummen")


def test_oversized_catalog_is_refused(env: Env) -> None:
    feed = env.feed(1)
    (feed / "catalog.json").write_bytes(b" " * (1024 * 1024 + 1))
    _refused(env, feed, TooLarge, "grensen")


def test_oversized_bundle_in_catalog_is_refused(env: Env) -> None:
    feed = env.feed(1)
    path = feed / "bundles" / "testregion-1.vnrb"
    with path.open("ab") as fh:
        fh.write(b"\0" * 4096)
    _refused(env, feed, TooLarge, "grensen")


def test_oversized_bundle_file_on_import(env: Env) -> None:
    file = env.tmp / "huge.vnrb"
    with file.open("wb") as fh:
        fh.truncate(33 * 1024 * 1024)
    _refused(env, file, TooLarge, "grensen", via_import=True)


def test_bundle_for_another_region_than_listed_is_refused(env: Env) -> None:
    # Mix-and-match: a validly signed bundle of another region put where the catalog's entry is.
    other = build(
        env.tmp,
        version=1,
        edits={"manifest.yaml": ("id: testregion", "id: annenregion")},
        name="annen.vnrb",
    )
    feed = env.feed(1)
    catalog = parse_catalog((feed / "catalog.json").read_bytes())
    entry = catalog.bundles[0]
    data = other.read_bytes()
    forged = catalog.model_copy(
        update={
            "bundles": [
                entry.model_copy(
                    update={"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
                )
            ]
        }
    )
    (feed / entry.path).write_bytes(data)
    minisign.sign_file(env.key, feed / entry.path)
    raw = forged.to_bytes()
    (feed / "catalog.json").write_bytes(raw)
    (feed / "catalog.json.minisig").write_text(
        minisign.sign_bytes(env.key, raw, "tc").to_file_text()
    )
    err = _refused(env, feed, NotInCatalog, "inneholder annenregion")
    assert "testregion" in err.message


def test_region_the_catalog_does_not_list_is_refused(env: Env) -> None:
    feed = env.feed(1)
    before = snapshot(env.lib)
    updater = env.updater()
    check = updater.check(feed)
    with pytest.raises(NotInCatalog, match="ingen pakke for annenregion"):
        updater.apply(check, only=["annenregion"])
    assert snapshot(env.lib) == before


def test_same_version_with_other_content_is_refused(env: Env) -> None:
    _installed_v1(env)
    sneaky = build(env.tmp, version=1, edits=PHONE_CHANGE, name="sneaky.vnrb")
    minisign.sign_file(env.key, sneaky)
    _refused(env, sneaky, InstallFailed, "øke versjonsnummeret", via_import=True)


def test_invalid_content_in_a_signed_bundle_is_refused(env: Env) -> None:
    # A validly signed archive whose content fails the cross-checks (dangling contact ref).
    from servers.feeds import bundle_source

    from vnr_desktop.core.sync.archive import pack

    src = bundle_source(env.tmp)
    from vnr_desktop.core.bundle_source import load_bundle_dir

    content = load_bundle_dir(src).bundle
    assert content is not None
    guide = content.guides[0]
    section = guide.sections[1].model_copy(update={"contacts": ["finnesikke"]})
    bad = content.model_copy(
        update={"guides": [guide.model_copy(update={"sections": [guide.sections[0], section]})]}
    )
    data, _ = pack(bad, {})
    file = env.tmp / "bad.vnrb"
    file.write_bytes(data)
    minisign.sign_file(env.key, file)
    err = _refused(env, file, ContentInvalid, "har 1 feil", via_import=True)
    assert "finnesikke" in err.detail


def test_source_that_does_not_exist(env: Env) -> None:
    with pytest.raises(SourceNotFound, match="Fant ikke mappen"):
        env.updater().sync(env.tmp / "nowhere")
    with pytest.raises(SourceNotFound, match="Ingen oppdateringskilde"):
        env.updater().sync(None)
    (env.tmp / "empty").mkdir()
    with pytest.raises(SourceNotFound, match="Fant ingen innholdspakker"):
        env.updater().import_path(env.tmp / "empty")


# --------------------------------------------------------------------------- full disk


class _FullDisk(Storage):
    def open_part(self, path: Path, append: bool) -> BinaryIO:
        raise OSError(errno.ENOSPC, "No space left on device")

    def write_bytes(self, path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_when_saving_the_catalog_changes_nothing(env: Env) -> None:
    feed = _installed_v1(env)
    env.feed(2, edits={2: PHONE_CHANGE})
    before = snapshot(env.lib)
    with pytest.raises(DiskFull, match="Disken er full") as err:
        env.updater(storage=_FullDisk()).sync(feed)
    assert "uendret" in err.value.message
    assert snapshot(env.lib) == before


def test_full_disk_inside_the_database_keeps_the_old_version(env: Env) -> None:
    feed = _installed_v1(env)
    env.feed(2, edits={2: PHONE_CHANGE})
    before = snapshot(env.lib)

    def fail_at(step: str) -> None:
        if step == "items-written":
            raise __import__("sqlite3").OperationalError("database or disk is full")

    with pytest.raises(DiskFull, match="Disken er full"):
        env.updater(step_hook=fail_at).sync(feed)
    assert snapshot(env.lib) == before


def test_full_disk_on_a_real_tmpfs(tmp_path: Path, env: Env) -> None:
    """A 2 MB tmpfs as the data folder: a real ENOSPC from SQLite, old content kept."""
    import os
    import subprocess

    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (the fault-hook tests above cover the logic)")
    mnt = tmp_path / "small"
    mnt.mkdir()
    if (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], check=False
        ).returncode
        != 0
    ):
        pytest.skip(
            "tmpfs mounts are not allowed here (the fault-hook tests above cover the logic)"
        )
    try:
        data = mnt / "data"
        lib = open_library(data, install_builtin=False)
        try:
            up = Updater(lib, resolve_paths(data).ensure(), keys=keyring(env.key))
            up.import_path(env.feed(1))
            big = "x" * 1500
            edits = {
                "contacts.yaml": (
                    "name: Testregion krisesenter",
                    f"name: Testregion krisesenter\n    description: '{big}'",
                )
            }
            files = [build(env.tmp, version=2, edits=edits)]
            # Pad the bundle with many resources so the database no longer fits.
            src = env.tmp / "src-v2"
            resources = "resources:\n" + "".join(
                f"  - id: r{i}\n    name: Ressurs {i}\n    resource_kind: other\n    description: '{big}'\n"
                f"    provenance: {{source: testkilde, section: s. 1, as_of: 2024-01-01}}\n"
                for i in range(800)
            )
            (src / "resources.yaml").write_text(resources)
            from vnr_desktop.core.sync.archive import build_bundle

            build_bundle(src, files[0])
            feed = publish(files, env.key, env.tmp / "feed")
            before = snapshot(lib)
            # Fill the disk so that the catalog fits but the install does not.
            filler = mnt / "filler"
            with filler.open("wb") as fh:
                try:
                    while True:
                        fh.write(b"\0" * 65536)
                except OSError:
                    pass
            filler.write_bytes(b"\0" * (filler.stat().st_size - 600_000))
            with pytest.raises((DiskFull,), match="Disken er full"):
                up.sync(feed)
            assert snapshot(lib) == before
            assert lib.bundle("testregion").version == 1  # type: ignore[union-attr]
        finally:
            lib.close()
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_cli_sync_import_export(
    library: Library, userdata: UserData, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from vnr_desktop.cli import main

    key = make_key()
    pub = tmp_path / "k.pub"
    pub.write_text(key.public_key.to_file_text())
    assert main(["keys", "trust", str(pub)]) == 2
    assert "--scope" in capsys.readouterr().err
    assert main(["keys", "trust", str(pub), "--scope", "clitest"]) == 0
    [entry] = userdata.settings().publisher_keys
    assert (entry.key, entry.scope, entry.role) == (
        key.public_key.to_base64(),
        ["clitest"],
        "publisher",
    )
    feed = publish(
        [build(tmp_path, version=1, edits={"manifest.yaml": ("id: testregion", "id: clitest")})],
        key,
        tmp_path / "feed",
    )
    capsys.readouterr()
    assert main(["sync", "--source", str(feed), "--check", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["updates"][0]["bundle"] == "clitest"
    assert main(["sync", "--source", str(feed)]) == 0
    out = capsys.readouterr().out
    assert "Oppdatert: clitest v1" in out and "ny kontakt" in out
    assert main(["export", "--region", "clitest", "-o", str(tmp_path / "usb")]) == 0
    assert main(["import", str(tmp_path / "usb"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["installed"] == []
    assert main(["sync", "--status"]) == 0
    assert "test: Innhold bekreftet" in capsys.readouterr().out
    (feed / "catalog.json.minisig").unlink()
    assert main(["sync", "--source", str(feed), "--json"]) == 3
    captured = capsys.readouterr()
    assert json.loads(captured.out)["code"] == "missing-signature"
    assert "ikke signert" in captured.err


def _hostile_archive(env: Env, extra: tarfile.TarInfo, data: bytes = b"x") -> Path:
    good = build(env.tmp, version=1)
    buf = io.BytesIO()
    with tarfile.open(good) as src, tarfile.open(fileobj=buf, mode="w") as out:
        for member in src.getmembers():
            out.addfile(member, src.extractfile(member))
        out.addfile(extra, io.BytesIO(data) if extra.isreg() else None)
    file = env.tmp / "hostile.vnrb"
    file.write_bytes(gzip.compress(buf.getvalue(), mtime=0))
    minisign.sign_file(env.key, file)  # validly signed: the archive checks must still refuse it
    return file


def _entry(name: str, kind: bytes = tarfile.REGTYPE, link: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = link
    info.size = 1 if kind == tarfile.REGTYPE else 0
    return info


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        (_entry("/tmp/evil.yaml"), "farlig navn"),
        (_entry("source/../../evil.yaml"), "farlig navn"),
        (_entry("source/link.yaml", tarfile.SYMTYPE, "/etc/passwd"), "lenke"),
        (_entry("source/hard.yaml", tarfile.LNKTYPE, "content.json"), "lenke"),
    ],
)
def test_signed_archive_with_unsafe_entries_is_refused(
    env: Env, entry: tarfile.TarInfo, text: str
) -> None:
    file = _hostile_archive(env, entry)
    err = _refused(env, file, UnsafeArchive, text, via_import=True)
    assert "avvist" in err.message
    assert not (env.tmp.parent / "evil.yaml").exists() and not Path("/tmp/evil.yaml").exists()


def test_yaml_bomb_in_a_local_source_folder_leaves_the_library_unchanged(
    env: Env, test_bundle_dir: Path
) -> None:
    from vnr_desktop.core.library import LibraryError

    _installed_v1(env)
    (test_bundle_dir / "bomb.yaml").write_text(
        "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    )
    before = snapshot(env.lib)
    with pytest.raises(LibraryError, match="anchors and aliases"):
        env.lib.install_dir(test_bundle_dir)
    assert snapshot(env.lib) == before


def test_a_card_printed_from_the_app_is_listed_when_its_number_changes(env: Env) -> None:
    """No hook given: the updater asks the cards module what the card would print now."""
    from vnr_desktop.core.cards.history import record_render
    from vnr_desktop.core.cards.render import render_card
    from vnr_desktop.core.resources import builtin_bundle_dir

    env.lib.install_dir(builtin_bundle_dir("nasjonal"))
    feed = _installed_v1(env)
    rendered = render_card(env.lib, "akutt", "testregion", "id1")
    assert "990 00 001" in rendered.printed_numbers  # the region's krisesenter
    record_render(env.userdata, rendered, "akutt.pdf")
    env.userdata.record_print(
        card_id="akutt",
        region="nasjonal",
        format="id1",
        language="nb",
        content_version="nasjonal v1",
        content_hash=render_card(env.lib, "akutt", "nasjonal", "id1").content_hash,
    )
    env.feed(2, edits={2: PHONE_CHANGE})
    changed = env.updater().sync(feed)
    # The region's card changed; the national card, which prints no testregion number, did not.
    assert [(s.record.card_id, s.record.region) for s in changed.stale_prints] == [
        ("akutt", "testregion")
    ]


def test_a_bad_catalog_path_is_explained_without_a_regular_expression(env: Env) -> None:
    from vnr_desktop.core.sync.catalog import parse_catalog
    from vnr_desktop.core.sync.errors import CatalogError

    feed = env.feed(1)
    data = json.loads((feed / "catalog.json").read_bytes())
    data["bundles"][0]["path"] = "../../etc/passwd"
    with pytest.raises(CatalogError) as info:
        parse_catalog(json.dumps(data).encode())
    err = info.value
    for text in (err.message, err.message_en, err.detail):
        assert "'../../etc/passwd'" in text
        assert "[A-Za-z" not in text and "^" not in text
    assert "bokstaver" not in err.detail and "relative path of letters" in err.detail

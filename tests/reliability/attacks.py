"""The attack matrix: every way to slip bad content onto a laptop, and what must happen.

Each attack prepares hostile input against a data folder that holds the built-in bundles, the
test region v1 (installed from a signed feed, so the feed's sequence number is recorded) and a
user's saved data, then runs one real entry point: the CLI (``sync``, ``import``, ``bundle
install``, ``bundle validate``) in this process, or the Updater API with tight network limits
for the network faults. ``run_attack`` then classifies the result:

- refused: a plain message (Norwegian in the CLI, with an English twin in the API), no
  traceback; warned: used with a visible warning (an expired catalog: never blocks content);
  ignored: nothing to install and nothing installed;
- crashed: an exception that is not one of the app's own errors;
- data lost: the library's content (every bundle, the search index) or user.db changed, the
  database fails its checks, or a file appeared outside the data folder.

Crafting reuses tests/servers (feeds.py builders and keys, faulty.py's fault-injecting server).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import gzip
import hashlib
import io
import json
import os
import shutil
import tarfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reliability_support import (
    consistency_problems,
    copy_data_dir,
    fixture_documents,
    library_snapshot,
    user_snapshot,
    write_bundle,
)
from servers.faulty import FaultyServer
from servers.feeds import PHONE_CHANGE, build, make_key

Outcome = str  # "refused" | "warned" | "ignored" | "accepted" | "crashed"

CLEAN_WORDS_FORBIDDEN = ("Traceback", "sqlite3.", "pydantic", "Error(", 'File "/')


@dataclass
class AttackEnv:
    """One attack's world: a data folder, the trusted publisher key and a scratch folder."""

    data: Path
    work: Path
    key: Any
    feed_id: str = "test"
    servers: list[FaultyServer] = field(default_factory=list)

    @property
    def seen_sequence(self) -> int:
        import sqlite3

        conn = sqlite3.connect(self.data / "library.db")
        try:
            row = conn.execute(
                "SELECT value FROM meta WHERE key = ?", (f"sync.feed.{self.feed_id}",)
            ).fetchone()
        finally:
            conn.close()
        return int(json.loads(row[0])["sequence"])

    # ------------------------------------------------------------------ building blocks

    def bundle(self, version: int = 2, edits: dict[str, tuple[str, str]] | None = None) -> Path:
        return build(self.work, version=version, edits=PHONE_CHANGE if edits is None else edits)

    def feed(self, files: list[Path], name: str = "feed", *, key: Any = None, **kw: Any) -> Path:
        from vnr_desktop.core.sync.catalog import publish_feed

        kw.setdefault("sequence", self.seen_sequence + 10)
        publish_feed(
            files,
            key or self.key,
            self.work / name,
            feed_id=self.feed_id,
            publisher="Angriper",
            **kw,
        )
        return self.work / name

    def sign(self, path: Path, key: Any = None) -> None:
        from vnr_desktop.core.sync import minisign

        minisign.sign_file(key or self.key, path)

    def catalog_of(self, feed: Path) -> Any:
        from vnr_desktop.core.sync.catalog import parse_catalog

        return parse_catalog((feed / "catalog.json").read_bytes())

    def write_catalog(self, feed: Path, raw: bytes, key: Any = None) -> None:
        """Replace the catalog with ``raw``, validly signed by ``key`` (the trusted one)."""
        from vnr_desktop.core.sync import minisign

        (feed / "catalog.json").write_bytes(raw)
        sig = minisign.sign_bytes(key or self.key, raw, "feed:test")
        (feed / "catalog.json.minisig").write_text(sig.to_file_text())

    def forge_bundle(self, feed: Path, data: bytes, **entry_changes: Any) -> None:
        """Put ``data`` where the feed's bundle is, signed, with a consistent signed catalog:
        what a publisher's stolen key (or a buggy publisher) could produce."""
        catalog = self.catalog_of(feed)
        entry = catalog.bundles[0]
        (feed / entry.path).write_bytes(data)
        self.sign(feed / entry.path)
        update = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), **entry_changes}
        forged = catalog.model_copy(update={"bundles": [entry.model_copy(update=update)]})
        self.write_catalog(feed, forged.to_bytes())

    def good_entries(self) -> list[tuple[str, bytes]]:
        with tarfile.open(self.bundle()) as tar:
            return [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]

    def install(self, feed: Path) -> None:
        """Set-up step: take a legitimate update first (through the real import)."""
        from vnr_desktop.cli import main

        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main(["--data-dir", str(self.data), "import", str(feed)]) == 0

    def trust(self, key: Any, scope: list[str], role: str = "publisher") -> None:
        """Set-up step: the administrator also trusts ``key`` (a root, another publisher)."""
        from vnr_desktop.core.settings import PublisherKey
        from vnr_desktop.core.userdata import UserData

        ud = UserData(self.data / "user.db")
        try:
            settings = ud.settings()
            entry = PublisherKey(key=key.public_key.to_base64(), scope=scope, role=role)
            settings.publisher_keys = [*settings.publisher_keys, entry]
            ud.save_settings(settings)
        finally:
            ud.close()

    def endorsement(self, root: Any, signer: Any, scope: tuple[str, ...]) -> Path:
        from vnr_desktop.core.sync.endorsement import endorse

        pub = self.work / f"endorsed-{signer.id_hex}.pub"
        text = signer.public_key.to_file_text().encode()
        pub.write_bytes(text)
        until = _dt.date.today() + _dt.timedelta(days=30)
        pub.with_name(pub.name + ".minisig").write_bytes(endorse(root, text, until, scope))
        return pub

    def revocations(self, root: Any, *keys: Any, folder: Path | None = None) -> Path:
        from vnr_desktop.core.sync import revocation

        folder = folder or self.work / "revocations"
        folder.mkdir(parents=True, exist_ok=True)
        entries = [
            revocation.RevokedKey(key=k.id_hex, reason="nøkkelen er stjålet", date=_dt.date.today())
            for k in keys
        ]
        raw, sig = revocation.build(root, entries)
        (folder / "revoked.json").write_bytes(raw)
        (folder / "revoked.json.minisig").write_bytes(sig)
        return folder / "revoked.json"

    def server(self, root: Path) -> FaultyServer:
        server = FaultyServer(root)
        server.__enter__()
        self.servers.append(server)
        return server

    def close(self) -> None:
        for server in self.servers:
            server.__exit__(None, None, None)


def tar_gz(entries: list[tarfile.TarInfo | tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for e in entries:
            if isinstance(e, tarfile.TarInfo):
                tar.addfile(e)
            else:
                info = tarfile.TarInfo(e[0])
                info.size = len(e[1])
                tar.addfile(info, io.BytesIO(e[1]))
    return gzip.compress(buf.getvalue(), mtime=0)


def link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


def with_content(entries: list[tuple[str, bytes]], content: bytes) -> list[tuple[str, bytes]]:
    return [(n, content if n == "content.json" else d) for n, d in entries]


# --------------------------------------------------------------------------- actions

Action = tuple[str, Any]
"""("cli", argv) or ("api", fn(updater) -> result)."""


def cli(*argv: str) -> Action:
    return ("cli", list(argv))


def api(fn: Callable[[Any], Any]) -> Action:
    return ("api", fn)


@dataclass(frozen=True)
class Attack:
    name: str
    group: str
    build: Callable[[AttackEnv], Action]
    expect: frozenset[str] = frozenset({"refused"})
    words: tuple[str, ...] = ()
    """Words the message must contain (any of them), e.g. the kind of problem."""
    max_seconds: float = 20.0


ATTACKS: list[Attack] = []


def attack(
    group: str,
    *,
    expect: set[str] | None = None,
    words: tuple[str, ...] = (),
    max_seconds: float = 20.0,
) -> Callable[[Callable[[AttackEnv], Action]], Callable[[AttackEnv], Action]]:
    def register(fn: Callable[[AttackEnv], Action]) -> Callable[[AttackEnv], Action]:
        ATTACKS.append(
            Attack(
                fn.__name__.removeprefix("a_").replace("_", "-"),
                group,
                fn,
                frozenset(expect or {"refused"}),
                words,
                max_seconds,
            )
        )
        return fn

    return register


# --------------------------------------------------------------------------- signatures and keys


@attack("signature", words=("kontrollsum",))
def a_tampered_bundle_in_feed(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    path = feed / env.catalog_of(feed).bundles[0].path
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    return cli("sync", "--source", str(feed))


@attack("signature", words=("signatur",))
def a_tampered_bundle_file_on_import(env: AttackEnv) -> Action:
    file = env.bundle()
    env.sign(file)
    data = bytearray(file.read_bytes())
    data[200] ^= 1
    file.write_bytes(bytes(data))
    return cli("import", str(file))


@attack("signature", words=("signatur",))
def a_tampered_catalog(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    cat = feed / "catalog.json"
    cat.write_bytes(cat.read_bytes().replace(b'"version": 2', b'"version": 9'))
    return cli("sync", "--source", str(feed))


@attack("signature", words=("signatur", "signert"))
def a_missing_catalog_signature(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    (feed / "catalog.json.minisig").unlink()
    return cli("sync", "--source", str(feed))


@attack("signature", words=("signatur", "signert", "usignert"))
def a_missing_bundle_signature(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    path = feed / env.catalog_of(feed).bundles[0].path
    path.with_name(path.name + ".minisig").unlink()
    return cli("sync", "--source", str(feed))


@attack("signature", words=("signatur", "mangler"))
def a_unsigned_bundle_file_on_import(env: AttackEnv) -> Action:
    return cli("import", str(env.bundle()))


@attack("signature", words=("nøkkel",))
def a_wrong_key(env: AttackEnv) -> Action:
    return cli("sync", "--source", str(env.feed([env.bundle()], key=make_key())))


@attack("signature", words=("signatur",))
def a_forged_key_id(env: AttackEnv) -> Action:
    from vnr_desktop.core.sync import minisign

    impostor = minisign.SecretKey(key_id=env.key.key_id, seed=make_key().seed)
    return cli("sync", "--source", str(env.feed([env.bundle()], key=impostor)))


@attack("signature", words=("signatur",))
def a_edited_trusted_comment(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    sig = feed / "catalog.json.minisig"
    sig.write_text(
        sig.read_text().replace("trusted comment: ", "trusted comment: sequence:999999 ")
    )
    return cli("sync", "--source", str(feed))


@attack("signature", words=("signatur",))
def a_garbage_signature_file(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    (feed / "catalog.json.minisig").write_bytes(os.urandom(300))
    return cli("sync", "--source", str(feed))


# --------------------------------------------------------------------------- trust (scope, roles, revocation)


@attack("trust", words=("får bare publisere",))
def a_out_of_scope_national_bundle_from_a_municipal_key(env: AttackEnv) -> Action:
    file = env.bundle(version=90, edits={"manifest.yaml": ("id: testregion", "id: nasjonal")})
    env.sign(file)
    return cli("import", str(file))


@attack("trust", words=("får bare publisere",))
def a_out_of_scope_bundle_signed_by_another_regions_key(env: AttackEnv) -> Action:
    hamar = make_key()
    env.trust(hamar, ["hamar"])
    feed = env.feed([env.bundle()])
    env.sign(feed / env.catalog_of(feed).bundles[0].path, hamar)
    return cli("sync", "--source", str(feed))


@attack("trust", expect={"ignored"})
def a_out_of_scope_catalog_entry(env: AttackEnv) -> Action:
    # Another region's publisher lists testregion in its own feed: the entry is skipped.
    hamar = make_key()
    env.trust(hamar, ["hamar"])
    file = env.bundle()
    env.sign(file, hamar)
    return cli("sync", "--source", str(env.feed([file], key=hamar)))


@attack("trust", words=("rotnøkkelen selv gjelder bare",))
def a_out_of_scope_endorsement(env: AttackEnv) -> Action:
    root, signer = make_key(), make_key()
    env.trust(root, ["testregion"], "root")
    pub = env.endorsement(root, signer, ("nasjonal", "testregion"))
    return cli("sync", "--source", str(env.feed([env.bundle()], key=signer, endorsement=pub)))


@attack("trust", words=("rotnøkkel",))
def a_root_signed_content(env: AttackEnv) -> Action:
    root = make_key()
    env.trust(root, ["testregion"], "root")
    return cli("sync", "--source", str(env.feed([env.bundle()], key=root)))


@attack("trust", words=("ikke er en rotnøkkel",))
def a_non_root_endorsement(env: AttackEnv) -> Action:
    signer = make_key()
    pub = env.endorsement(env.key, signer, ("testregion",))
    return cli("sync", "--source", str(env.feed([env.bundle()], key=signer, endorsement=pub)))


@attack("trust", words=("trukket tilbake",))
def a_revoked_key_in_the_feed(env: AttackEnv) -> Action:
    root = make_key()
    env.trust(root, ["testregion"], "root")
    revoked = env.revocations(root, env.key)
    return cli("sync", "--source", str(env.feed([env.bundle()], revocations=revoked)))


@attack("trust", words=("trukket tilbake",))
def a_revoked_key_usb_folder(env: AttackEnv) -> Action:
    root = make_key()
    env.trust(root, ["testregion"], "root")
    usb = env.work / "usb"
    env.revocations(root, env.key, folder=usb)
    file = env.bundle()
    env.sign(file)
    shutil.copy(file, usb / file.name)
    shutil.copy(file.with_name(file.name + ".minisig"), usb / (file.name + ".minisig"))
    return cli("import", str(usb))


@attack("trust", words=("trukket tilbake",))
def a_revoked_key_single_file_after_the_list(env: AttackEnv) -> Action:
    root = make_key()
    env.trust(root, ["testregion"], "root")
    revoked = env.revocations(root, env.key)
    file = env.bundle()
    env.sign(file)

    def run(updater: Any) -> Any:
        updater.import_path(revoked)  # seen once, from a USB stick
        return updater.import_path(file)

    return api(run)


@attack("trust", words=("trukket tilbake",))
def a_revoked_key_with_a_cached_endorsement(env: AttackEnv) -> Action:
    root, signer = make_key(), make_key()
    env.trust(root, ["testregion"], "root")
    pub = env.endorsement(root, signer, ("testregion",))
    env.install(env.feed([env.bundle()], name="v2-feed", key=signer, endorsement=pub))
    revoked = env.revocations(root, signer)
    v3 = env.feed([env.bundle(version=3)], name="v3-feed", key=signer, endorsement=pub)

    def run(updater: Any) -> Any:
        updater.import_path(revoked)
        return updater.sync(v3)

    return api(run)


@attack("trust", words=("ikke er en rotnøkkel",))
def a_revocation_list_signed_by_a_publisher(env: AttackEnv) -> Action:
    victim = make_key()
    env.trust(victim, ["testregion"])
    return cli("import", str(env.revocations(env.key, victim)))


# --------------------------------------------------------------------------- catalogs


@attack("catalog", words=("eldre katalog",))
def a_rollback_to_an_older_catalog(env: AttackEnv) -> Action:
    old = env.feed([env.bundle(version=1, edits={})], name="old", sequence=env.seen_sequence - 1)
    return cli("sync", "--source", str(old))


@attack("catalog", words=("samme nummer",))
def a_same_sequence_other_content(env: AttackEnv) -> Action:
    return cli("sync", "--source", str(env.feed([env.bundle()], sequence=env.seen_sequence)))


@attack("catalog", expect={"ignored", "refused"})
def a_newer_catalog_with_the_installed_version_changed(env: AttackEnv) -> Action:
    # v1 again with other numbers under the same version: nothing to install, v1 stays.
    return cli("sync", "--source", str(env.feed([env.bundle(version=1, edits=PHONE_CHANGE)])))


@attack("catalog", expect={"ignored", "refused"})
def a_newer_catalog_offering_an_older_bundle(env: AttackEnv) -> Action:
    # After v2 is installed, a newer, validly signed catalog offers v1 (a bundle rollback).
    env.install(env.feed([env.bundle()], name="v2-feed"))
    return cli("sync", "--source", str(env.feed([env.bundle(version=1, edits={})], name="back")))


@attack("catalog", expect={"warned"}, words=("kan være utdatert",))
def a_freeze_with_an_expired_catalog(env: AttackEnv) -> Action:
    # An attacker replays a signed but expired catalog forever (freeze): the app keeps its
    # content and says how old the confirmation is.
    past = _dt.datetime.now(_dt.UTC) - _dt.timedelta(days=400)
    feed = env.feed([env.bundle(version=1, edits={})], now=past, valid_days=30)
    return cli("sync", "--source", str(feed))


@attack("catalog", words=("katalog",))
def a_catalog_with_wrong_field_types(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    data = json.loads((feed / "catalog.json").read_bytes())
    data["sequence"] = str(data["sequence"])
    data["bundles"][0]["size"] = "2048"
    env.write_catalog(feed, json.dumps(data).encode())
    return cli("sync", "--source", str(feed))


@attack("catalog", words=("katalog",))
def a_catalog_with_invalid_utf8(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    raw = (feed / "catalog.json").read_bytes().replace(b'"Angriper"', b'"Angr\xff\xfeper"')
    env.write_catalog(feed, raw)
    return cli("sync", "--source", str(feed))


@attack("catalog", words=("katalog",))
def a_catalog_deeply_nested(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    env.write_catalog(feed, b"[" * 100_000 + b"]" * 100_000)
    return cli("sync", "--source", str(feed))


@attack("catalog", words=("katalog", "filsti"))
def a_catalog_path_traversal(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    data = json.loads((feed / "catalog.json").read_bytes())
    data["bundles"][0]["path"] = "../../../etc/passwd"
    env.write_catalog(feed, json.dumps(data).encode())
    return cli("sync", "--source", str(feed))


@attack("catalog", words=("stor", "grensen"))
def a_oversized_catalog(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    (feed / "catalog.json").write_bytes(b" " * (1024 * 1024 + 1))
    return cli("sync", "--source", str(feed))


# --------------------------------------------------------------------------- mix and match


@attack("mix-and-match", words=("annenregion", "inneholder"))
def a_other_region_under_the_listed_path(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    other = build(
        env.work,
        version=2,
        edits={"manifest.yaml": ("id: testregion", "id: annenregion")},
        name="other.vnrb",
    )
    env.forge_bundle(feed, other.read_bytes())
    return cli("sync", "--source", str(feed))


@attack("mix-and-match", words=("kontrollsum", "avvist"))
def a_bundle_from_another_feed(env: AttackEnv) -> Action:
    # Validly signed by the same publisher, but from another catalog: its hash is not this
    # catalog's.
    feed = env.feed([env.bundle()])
    other_feed = env.feed(
        [env.bundle(version=2, edits={"contacts.yaml": ('"99 00 00 01"', '"99 00 00 66"')})],
        name="other",
    )
    rel = env.catalog_of(feed).bundles[0].path
    shutil.copy(other_feed / rel, feed / rel)
    shutil.copy(other_feed / (rel + ".minisig"), feed / (rel + ".minisig"))
    return cli("sync", "--source", str(feed))


@attack("mix-and-match", words=("annenregion",))
def a_region_the_catalog_does_not_list(env: AttackEnv) -> Action:
    return cli("sync", "--source", str(env.feed([env.bundle()])), "--bundle", "annenregion")


@attack("mix-and-match", words=("versjonsnummer", "annet innhold"))
def a_same_version_other_content_on_import(env: AttackEnv) -> Action:
    file = env.bundle(version=1, edits=PHONE_CHANGE)
    env.sign(file)
    return cli("import", str(file))


# --------------------------------------------------------------------------- archives


def _signed_archive_attack(env: AttackEnv, entries: list[Any]) -> Action:
    feed = env.feed([env.bundle()])
    env.forge_bundle(feed, tar_gz(entries))
    return cli("sync", "--source", str(feed))


@attack("archive", words=("farlig",))
def a_archive_path_traversal(env: AttackEnv) -> Action:
    return _signed_archive_attack(
        env, [*env.good_entries(), ("source/../../evil-traversal.yaml", b"x: 1\n")]
    )


@attack("archive", words=("farlig",))
def a_archive_absolute_path(env: AttackEnv) -> Action:
    target = str(env.work / "evil-absolute.yaml")
    return _signed_archive_attack(env, [*env.good_entries(), (target, b"x: 1\n")])


@attack("archive", words=("lenke",))
def a_archive_symlink(env: AttackEnv) -> Action:
    return _signed_archive_attack(
        env, [*env.good_entries(), link("source/evil-link.yaml", "/etc/passwd", tarfile.SYMTYPE)]
    )


@attack("archive", words=("lenke",))
def a_archive_hardlink(env: AttackEnv) -> Action:
    return _signed_archive_attack(
        env, [*env.good_entries(), link("source/evil-hard.yaml", "content.json", tarfile.LNKTYPE)]
    )


@attack("archive", words=("spesialfil", "uventet", "farlig"))
def a_archive_device_file(env: AttackEnv) -> Action:
    return _signed_archive_attack(
        env, [*env.good_entries(), link("source/evil-dev.yaml", "", tarfile.CHRTYPE)]
    )


@attack("archive", words=("pakker ut", "grensen", "stor"))
def a_archive_decompression_bomb(env: AttackEnv) -> Action:
    zeros = b"\0" * (2 * 1024 * 1024 - 1)
    return _signed_archive_attack(
        env, [*env.good_entries(), *[(f"source/z{i}.yaml", zeros) for i in range(70)]]
    )


@attack("archive", words=("innholdspakke",))
def a_archive_that_is_not_an_archive(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    env.forge_bundle(feed, os.urandom(3000))
    return cli("sync", "--source", str(feed))


@attack("content", words=("ugyldig",))
def a_content_with_wrong_field_types(env: AttackEnv) -> Action:
    entries = env.good_entries()
    content = json.loads(dict(entries)["content.json"])
    content["contacts"][0]["phones"][0]["number"] = 99000001
    content["manifest"]["version"] = "2"
    return _signed_archive_attack(env, with_content(entries, json.dumps(content).encode()))


@attack("content", words=("ugyldig",))
def a_content_with_invalid_utf8(env: AttackEnv) -> Action:
    entries = env.good_entries()
    raw = dict(entries)["content.json"].replace(
        b"Testregion krisesenter", b"Testregion \xff\xfe\xfd"
    )
    return _signed_archive_attack(env, with_content(entries, raw))


@attack("content", words=("ugyldig", "nøstet"))
def a_content_json_nesting_bomb(env: AttackEnv) -> Action:
    entries = env.good_entries()
    return _signed_archive_attack(env, with_content(entries, b"[" * 200_000 + b"]" * 200_000))


@attack("content", words=("ugyldig",))
def a_content_with_a_wrong_phone_number(env: AttackEnv) -> Action:
    entries = env.good_entries()
    content = json.loads(dict(entries)["content.json"])
    content["contacts"][0]["phones"][0]["number"] = "99 00 00 0"  # seven digits
    return _signed_archive_attack(env, with_content(entries, json.dumps(content).encode()))


@attack("oversize", words=("grensen", "stor"))
def a_oversized_bundle_file_on_import(env: AttackEnv) -> Action:
    file = env.work / "huge.vnrb"
    with file.open("wb") as fh:
        fh.truncate(33 * 1024 * 1024)
    env.sign(file)
    return cli("import", str(file))


@attack("oversize", words=("grensen", "stor"))
def a_bundle_larger_than_its_catalog_entry(env: AttackEnv) -> Action:
    feed = env.feed([env.bundle()])
    with (feed / env.catalog_of(feed).bundles[0].path).open("ab") as fh:
        fh.write(b"\0" * 4096)
    return cli("sync", "--source", str(feed))


# --------------------------------------------------------------------------- source folders (YAML)


def _source_attack(env: AttackEnv, file: str, text: str | bytes) -> Action:
    folder = write_bundle(env.work / "source", {**fixture_documents(), file: text})
    return cli("bundle", "install", str(folder))


@attack("yaml", words=("anchors", "aliases"))
def a_yaml_alias_bomb(env: AttackEnv) -> Action:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 10)]
    return _source_attack(env, "contacts.yaml", "\n".join(lines) + "\n")


@attack("yaml", words=("nested", "deeper"))
def a_yaml_nesting_bomb(env: AttackEnv) -> Action:
    return _source_attack(env, "contacts.yaml", "contacts: " + "[" * 5000 + "]" * 5000 + "\n")


@attack("oversize", words=("at most", "bytes"))
def a_yaml_file_over_the_size_cap(env: AttackEnv) -> Action:
    return _source_attack(env, "contacts.yaml", "# " + "x" * (2 * 1024 * 1024 + 10) + "\n")


@attack("yaml", words=("UTF-8",))
def a_yaml_invalid_utf8(env: AttackEnv) -> Action:
    raw = (
        (fixture_documents_text("contacts.yaml"))
        .encode()
        .replace(b"krisesenter", b"krises\xe5nter", 1)
    )
    return _source_attack(env, "contacts.yaml", raw)


@attack("yaml", words=("expected text", "quotes"))
def a_yaml_wrong_field_types(env: AttackEnv) -> Action:
    text = fixture_documents_text("contacts.yaml").replace('"99 00 00 02"', "99000002")
    return _source_attack(env, "contacts.yaml", text)


@attack("yaml", words=("not allowed", "character"))
def a_yaml_control_character(env: AttackEnv) -> Action:
    text = fixture_documents_text("contacts.yaml").replace(
        "Testregion krisesenter", "Testregion\x1b[2Jkrisesenter"
    )
    return _source_attack(env, "contacts.yaml", text)


@attack("yaml", words=("python", "constructor", "tag"))
def a_yaml_python_object_tag(env: AttackEnv) -> Action:
    return _source_attack(env, "contacts.yaml", "contacts: !!python/name:os.system 'touch evil'\n")


@attack("yaml", words=("mapping",))
def a_yaml_python_object_tag_on_a_list(env: AttackEnv) -> Action:
    # The safe loader builds plain lists whatever the tag says; the list is then no contact.
    return _source_attack(
        env, "contacts.yaml", "contacts: !!python/object/apply:os.system ['touch evil']\n"
    )


@attack("yaml", words=("real date",))
def a_yaml_impossible_date(env: AttackEnv) -> Action:
    text = fixture_documents_text("plan.yaml").replace(
        "deadline: 2025-12-31", "deadline: 2025-13-45"
    )
    return _source_attack(env, "plan.yaml", text)


def fixture_documents_text(name: str) -> str:
    from reliability_support import FIXTURE_BUNDLE

    return (FIXTURE_BUNDLE / name).read_text("utf-8")


# --------------------------------------------------------------------------- network faults


def _http_attack(
    env: AttackEnv, faults: dict[str, list[str]], feed: Path | None = None, **config: float
) -> Action:
    feed = feed or env.feed([env.bundle()])
    server = env.server(feed)
    for path, plan in faults.items():
        rel = env.catalog_of(feed).bundles[0].path if path == "BUNDLE" else path
        server.plan.add(rel, *plan)
    url = server.url

    def run(updater: Any) -> Any:
        for k, v in config.items():
            setattr(updater.http.config, k, v)
        return updater.sync(url)

    return api(run)


@attack("network", words=("mer data", "grensen", "stor"), max_seconds=15)
def a_endless_catalog(env: AttackEnv) -> Action:
    return _http_attack(env, {"catalog.json": ["endless"] * 5})


@attack("network", words=("mer data", "grensen", "størrelse"), max_seconds=15)
def a_endless_bundle(env: AttackEnv) -> Action:
    return _http_attack(env, {"BUNDLE": ["endless"] * 5})


@attack("network", words=("kontrollsum", "stoppet"), max_seconds=15)
def a_malicious_mirror_serves_another_bundle(env: AttackEnv) -> Action:
    other = build(
        env.work,
        version=2,
        edits={"contacts.yaml": ('"99 00 00 01"', '"99 00 00 66"')},
        name="mirror.vnrb",
    )
    feed = env.feed([env.bundle()])
    shutil.copy(other, feed / "mirror.vnrb")
    return _http_attack(env, {"BUNDLE": ["swap:mirror.vnrb"] * 5}, feed=feed)


@attack("network", words=("kontrollsum", "feil del"), max_seconds=15)
def a_malicious_mirror_serves_a_smaller_file(env: AttackEnv) -> Action:
    return _http_attack(env, {"BUNDLE": ["swap:catalog.json"] * 5})


@attack("network", words=("treg", "sakte", "svarte ikke", "sluttet"), max_seconds=15)
def a_server_sending_one_byte_a_second(env: AttackEnv) -> Action:
    return _http_attack(env, {"catalog.json": ["drip:1.0"] * 5}, attempts=2, stall_window=0.5)


@attack("network", words=("svarhodene",), max_seconds=2.0 * 1.1 + 1.0)
def a_server_dripping_its_headers_one_byte_at_a_time(env: AttackEnv) -> Action:
    # The per-read timeout never fires; the request's one deadline (2 s here) does.
    return _http_attack(
        env, {"catalog.json": ["headerdrip:0.05"] * 5}, small_fetch_deadline=2.0, read_timeout=5.0
    )


@attack("network", words=("sluttet", "svarte ikke", "treg", "brutt"), max_seconds=15)
def a_server_that_stops_mid_body(env: AttackEnv) -> Action:
    return _http_attack(env, {"BUNDLE": ["stall:500"] * 5}, attempts=2, read_timeout=0.5)


@attack("network", words=("avbrutt", "brutt"), max_seconds=15)
def a_connection_reset_mid_body_every_time(env: AttackEnv) -> Action:
    # One byte, then a reset, every time: retried with backoff, then given up (the .part file
    # keeps what came, for next time).
    return _http_attack(env, {"BUNDLE": ["cut:1"] * 10}, attempts=3)


@attack("network", words=("HTTP 503", "feil"), max_seconds=15)
def a_server_error_every_time(env: AttackEnv) -> Action:
    return _http_attack(env, {"catalog.json": ["status:503"] * 10}, attempts=3)


@attack("network", words=("avviste",), max_seconds=15)
def a_connection_refused(env: AttackEnv) -> Action:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return api(lambda updater: updater.sync(f"http://127.0.0.1:{port}/"))


@attack("network", words=("navneoppslag",), max_seconds=15)
def a_dns_failure(env: AttackEnv) -> Action:
    return api(lambda updater: updater.sync("http://vnr-update.invalid/feed/"))


# --------------------------------------------------------------------------- running one


@dataclass
class Result:
    attack: Attack
    outcome: Outcome
    message: str
    seconds: float
    data_lost: list[str]
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.outcome in self.attack.expect and not self.data_lost and not self.problems

    def describe(self) -> str:
        return (
            f"{self.attack.group}/{self.attack.name}: {self.outcome} in {self.seconds:.1f}s, "
            f"expected {sorted(self.attack.expect)}; lost={self.data_lost}; "
            f"problems={self.problems}\nmessage: {self.message[:1500]}"
        )


def _files(folder: Path) -> set[str]:
    """Files an attack tried to plant ("evil" in the name) anywhere under ``folder``."""
    return {str(p) for p in folder.rglob("*") if "evil" in p.name}


def _state(data: Path) -> tuple[dict[str, Any], list[str], dict[str, Any]]:
    from vnr_desktop.core.library import Library

    lib = Library(data / "library.db")
    try:
        return (
            library_snapshot(lib.conn),
            consistency_problems(lib.conn),
            user_snapshot(data / "user.db"),
        )
    finally:
        lib.close()


def _run_cli(argv: list[str]) -> tuple[Outcome, str]:
    from vnr_desktop.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except Exception:
        return "crashed", traceback.format_exc()
    text = err.getvalue() + out.getvalue()
    if code == 0:
        # "accepted" or "ignored" is decided by whether the library changed (run_attack).
        return ("warned" if "utdatert" in text else "done"), text
    return "refused", err.getvalue() or out.getvalue()


def _run_api(data: Path, fn: Callable[[Any], Any]) -> tuple[Outcome, str]:
    from servers.feeds import fast_http

    from vnr_desktop.core.library import Library
    from vnr_desktop.core.paths import resolve_paths
    from vnr_desktop.core.sync.errors import SyncError
    from vnr_desktop.core.sync.keyring import trusted_keys
    from vnr_desktop.core.sync.updater import Updater
    from vnr_desktop.core.userdata import UserData

    lib = Library(data / "library.db")
    ud = UserData(data / "user.db")
    try:
        keys = trusted_keys(ud.settings())
        updater = Updater(lib, resolve_paths(data), keys=keys, userdata=ud, http=fast_http())
        try:
            result = fn(updater)
        except SyncError as exc:
            if not exc.message_en or exc.message == exc.message_en:
                return "crashed", f"no separate English message: {exc.message!r}"
            return "refused", exc.message
        except Exception:
            return "crashed", traceback.format_exc()
        if result.warnings:
            return "warned", result.message
        return ("accepted" if result.changed else "ignored"), result.message
    finally:
        ud.close()
        lib.close()


def run_attack(a: Attack, base: Path, work: Path, key: Any) -> Result:
    """Run one attack against a copy of ``base`` (a data folder with testregion v1 from the
    feed signed by ``key``)."""
    work.mkdir(parents=True, exist_ok=True)
    data = copy_data_dir(base, work / "data")
    env = AttackEnv(data, work, key)
    try:
        action = a.build(env)
        before, problems_before, user_before = _state(data)
        assert problems_before == [], problems_before
        evil_before = _files(work)
        start = time.monotonic()
        with quiet_cwd(work):
            if action[0] == "cli":
                outcome, message = _run_cli(["--data-dir", str(data), *action[1]])
            else:
                outcome, message = _run_api(data, action[1])
        seconds = time.monotonic() - start
    finally:
        env.close()
    after, problems, user_after = _state(data)
    if outcome == "done":
        outcome = "accepted" if after != before else "ignored"
    lost: list[str] = []
    if after != before:
        changed = sorted(t for t in after if after[t] != before[t])
        lost.append(f"library content changed: {changed}")
    lost += problems
    if user_after != user_before:
        lost.append("user data changed")
    created = _files(work) - evil_before
    if created:
        lost.append(f"files written outside the data folder: {sorted(created)}")
    checks: list[str] = []
    if outcome in {"refused", "warned"}:
        checks += _message_problems(a, message)
    if seconds > a.max_seconds:
        checks.append(f"took {seconds:.1f}s (bound {a.max_seconds}s)")
    return Result(a, outcome, message, seconds, lost, checks)


def _message_problems(a: Attack, message: str) -> list[str]:
    out: list[str] = []
    if not message.strip():
        out.append("empty message")
    for bad in CLEAN_WORDS_FORBIDDEN:
        if bad in message:
            out.append(f"message shows internals ({bad!r})")
    if a.words and not any(w.lower() in message.lower() for w in a.words):
        out.append(f"message does not say what is wrong (none of {a.words})")
    return out


@contextlib.contextmanager
def quiet_cwd(folder: Path) -> Iterator[None]:
    """Run with ``folder`` as the working directory (a stray relative write lands there)."""
    old = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(old)

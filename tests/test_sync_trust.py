"""The trust model: scoped publisher keys, roots that only endorse, revocation lists.

Every refusal must leave the library unchanged and say in plain words why; every control
(an in-scope update, a root-endorsed rotation, an update by the replacement of a revoked key)
must go through.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from servers.faulty import FaultyServer
from servers.feeds import PHONE_CHANGE, build, fast_http, keyring, make_key, snapshot

from vnr_desktop.core.library import Library, open_library
from vnr_desktop.core.paths import AppPaths, resolve_paths
from vnr_desktop.core.sync import minisign, revocation
from vnr_desktop.core.sync.catalog import publish_feed
from vnr_desktop.core.sync.endorsement import endorse
from vnr_desktop.core.sync.errors import KeyRevoked, OutOfScope, UnknownKey, WrongRole
from vnr_desktop.core.sync.keyring import trusted_key
from vnr_desktop.core.sync.trust import TrustStore
from vnr_desktop.core.sync.updater import Updater

LATER = _dt.date.today() + _dt.timedelta(days=30)
NATIONAL = {"manifest.yaml": ("id: testregion", "id: nasjonal")}


@dataclass
class World:
    tmp: Path
    lib: Library
    paths: AppPaths

    def updater(self, store: TrustStore) -> Updater:
        return Updater(self.lib, self.paths, keys=store, http=fast_http())

    def endorsement(
        self,
        root: minisign.SecretKey,
        signer: minisign.SecretKey,
        scope: tuple[str, ...] = ("testregion",),
    ) -> Path:
        pub = self.tmp / "pubs" / f"{signer.id_hex}.pub"
        pub.parent.mkdir(exist_ok=True)
        text = signer.public_key.to_file_text().encode()
        pub.write_bytes(text)
        pub.with_name(pub.name + ".minisig").write_bytes(endorse(root, text, LATER, scope))
        return pub

    def publish(
        self,
        signer: minisign.SecretKey,
        version: int = 1,
        *,
        feed: Path | None = None,
        endorsement: Path | None = None,
        revocations: Path | None = None,
        edits: dict[str, tuple[str, str]] | None = None,
    ) -> Path:
        feed = feed or self.tmp / "www" / "feed"
        bundle = build(
            self.tmp, version=version, edits=edits or (PHONE_CHANGE if version > 1 else None)
        )
        publish_feed(
            [bundle],
            signer,
            feed,
            feed_id="trust",
            publisher="Tests",
            endorsement=endorsement,
            revocations=revocations,
        )
        return feed

    def revoke(self, root: minisign.SecretKey, *keys: minisign.SecretKey, folder: Path) -> Path:
        entries = [
            revocation.RevokedKey(key=k.id_hex, reason="PC stjålet", date=_dt.date.today())
            for k in keys
        ]
        raw, sig = revocation.build(root, entries)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "revoked.json").write_bytes(raw)
        (folder / "revoked.json.minisig").write_bytes(sig)
        return folder / "revoked.json"


@pytest.fixture
def world(tmp_path: Path, data_dir: Path) -> Iterator[World]:
    lib = open_library(data_dir, install_builtin=False)
    yield World(tmp_path, lib, resolve_paths(data_dir).ensure())
    lib.close()


def _signed_file(w: World, key: minisign.SecretKey, version: int = 1, **kw: object) -> Path:
    bundle = build(w.tmp, version=version, **kw)  # type: ignore[arg-type]
    minisign.sign_file(key, bundle)
    return bundle


# --------------------------------------------------------------------------- scope


def test_in_scope_update_is_installed(world: World) -> None:
    key = make_key()
    feed = world.publish(key)
    up = world.updater(keyring(key, scope=("gjovik", "testregion")))
    assert up.sync(feed).installed[0].status == "installed"
    world.publish(key, 2, feed=feed)
    result = world.updater(keyring(key, scope=("gjovik", "testregion"))).sync(feed)
    assert [(r.bundle_id, r.status) for r in result.installed] == [("testregion", "updated")]


def test_out_of_scope_catalog_entry_is_skipped_and_nothing_installed(world: World) -> None:
    key = make_key()
    feed = world.publish(key)
    before = snapshot(world.lib)
    up = world.updater(keyring(key, scope=("hamar",)))
    check = up.check(feed)
    assert check.updates == []
    [skipped] = check.skipped
    assert skipped.bundle_id == "testregion"
    assert "får bare publisere hamar" in skipped.reason
    assert "may publish only hamar" in skipped.reason_en
    result = up.sync(feed)
    assert result.installed == [] and "får bare publisere hamar" in result.skipped[0].reason
    assert snapshot(world.lib) == before


def test_out_of_scope_bundle_in_a_feed_is_refused(world: World) -> None:
    """The catalog's signer covers the region, the bundle's signer does not."""
    cat_key, other = make_key(), make_key()
    feed = world.publish(cat_key)
    [bundle] = (feed / "bundles").glob("*.vnrb")
    minisign.sign_file(other, bundle)
    store = TrustStore(
        [
            trusted_key(cat_key.public_key, ["testregion"]),
            trusted_key(other.public_key, ["hamar"]),
        ]
    )
    before = snapshot(world.lib)
    with pytest.raises(OutOfScope, match=r"gjelder testregion, men nøkkel .* hamar"):
        world.updater(store).sync(feed)
    assert snapshot(world.lib) == before


def test_out_of_scope_single_file_import_is_refused(world: World) -> None:
    """A municipality's key cannot install national content (nasjonal is a scope like others)."""
    key = make_key()
    national = _signed_file(world, key, edits=NATIONAL, name="nasjonal-1.vnrb")
    before = snapshot(world.lib)
    with pytest.raises(OutOfScope, match="gjelder nasjonal") as info:
        world.updater(keyring(key, scope=("gjovik", "testregion"))).import_path(national)
    assert "Traceback" not in info.value.message and info.value.message_en
    assert snapshot(world.lib) == before


# --------------------------------------------------------------------------- roles


def test_content_signed_by_a_root_is_refused(world: World) -> None:
    root = make_key()
    feed = world.publish(root)
    before = snapshot(world.lib)
    with pytest.raises(WrongRole, match="rotnøkkelen"):
        world.updater(keyring(roots=(root,))).sync(feed)
    with pytest.raises(WrongRole, match="aldri signere innhold"):
        world.updater(keyring(roots=(root,))).import_path(_signed_file(world, root))
    assert snapshot(world.lib) == before


def test_a_publisher_key_cannot_endorse(world: World) -> None:
    publisher, signer = make_key(), make_key()
    feed = world.publish(signer, endorsement=world.endorsement(publisher, signer))
    before = snapshot(world.lib)
    with pytest.raises(WrongRole, match="som ikke er en rotnøkkel"):
        world.updater(keyring(publisher)).sync(feed)
    assert snapshot(world.lib) == before


def test_an_endorsement_outside_the_roots_scope_is_refused(world: World) -> None:
    root, signer = make_key(), make_key()
    pub = world.endorsement(root, signer, scope=("nasjonal", "testregion"))
    feed = world.publish(signer, endorsement=pub)
    before = snapshot(world.lib)
    with pytest.raises(OutOfScope, match="for nasjonal, men rotnøkkelen selv gjelder bare"):
        world.updater(keyring(roots=(root,))).sync(feed)
    assert snapshot(world.lib) == before


def test_an_endorsed_key_gets_the_endorsements_scope_only(world: World) -> None:
    root, signer = make_key(), make_key()
    pub = world.endorsement(root, signer, scope=("testregion",))
    national = _signed_file(world, signer, edits=NATIONAL, name="nasjonal-1.vnrb")
    up = world.updater(keyring(roots=(root,), scope=("nasjonal", "testregion")))
    # The endorsement travels with the file (keys/ folder next to it).
    keys = national.parent / "keys"
    keys.mkdir()
    (keys / pub.name).write_bytes(pub.read_bytes())
    (keys / (pub.name + ".minisig")).write_bytes(pub.with_name(pub.name + ".minisig").read_bytes())
    with pytest.raises(OutOfScope, match="gjelder nasjonal"):
        up.import_path(national)


def test_root_endorsed_rotation_is_followed(world: World) -> None:
    root, first, second = make_key(), make_key(), make_key()
    store = keyring(roots=(root,))
    feed = world.publish(first, endorsement=world.endorsement(root, first))
    assert world.updater(store).sync(feed).installed[0].status == "installed"
    world.publish(second, 2, feed=feed, endorsement=world.endorsement(root, second))
    up = world.updater(store)
    result = up.sync(feed)
    assert result.installed[0].status == "updated"
    trusted = up.trusted()
    assert {first.key_id, second.key_id} <= set(trusted)
    assert trusted[second.key_id].origin == "endorsed"
    assert trusted[second.key_id].until == LATER
    assert trusted[second.key_id].endorsed_by == root.id_hex


# --------------------------------------------------------------------------- revocation


def test_revoked_key_in_the_feed_is_refused_over_http(world: World) -> None:
    root, signer = make_key(), make_key()
    store = keyring(roots=(root,))
    feed = world.publish(signer, endorsement=world.endorsement(root, signer))
    with FaultyServer(feed.parent) as server:
        url = server.url + "feed/"
        assert world.updater(store).sync(url).installed[0].status == "installed"
        # The root revokes the key; the feed (still signed by it) carries the list.
        world.revoke(root, signer, folder=feed)
        world.publish(signer, 2, feed=feed)
        before = snapshot(world.lib)
        up = world.updater(store)
        with pytest.raises(KeyRevoked, match=r"trukket tilbake.*PC stjålet"):
            up.sync(url)
        assert server.hits_for("revoked.json")
    assert snapshot(world.lib) == before
    assert [(b, v, k) for b, v, k, _ in up.revoked_installed()] == [
        ("testregion", 1, signer.id_hex)
    ]


def test_revocation_then_an_update_by_the_replacement_key(world: World) -> None:
    root, old, new = make_key(), make_key(), make_key()
    store = keyring(roots=(root,))
    feed = world.publish(old, endorsement=world.endorsement(root, old))
    with FaultyServer(feed.parent) as server:
        url = server.url + "feed/"
        world.updater(store).sync(url)
        revoked = world.revoke(root, old, folder=world.tmp / "offline")
        world.publish(
            new, 2, feed=feed, endorsement=world.endorsement(root, new), revocations=revoked
        )
        up = world.updater(store)
        result = up.sync(url)
    assert [(r.bundle_id, r.status) for r in result.installed] == [("testregion", "updated")]
    assert result.warnings == []  # v2 is signed by the new key: nothing revoked is installed
    assert old.key_id not in up.trusted() and new.key_id in up.trusted()


def test_revocation_from_a_usb_folder_reaches_cached_endorsements_and_single_files(
    world: World,
) -> None:
    root, signer = make_key(), make_key()
    store = keyring(roots=(root,))
    feed = world.publish(signer, endorsement=world.endorsement(root, signer))
    world.updater(store).sync(feed)
    assert signer.key_id in world.updater(store).trusted()  # the endorsement is cached
    usb = world.tmp / "usb"
    world.revoke(root, signer, folder=usb)
    before = snapshot(world.lib)
    result = world.updater(store).import_path(usb)
    text = " ".join(result.warnings)
    assert f"testregion v1 er signert med nøkkel {signer.id_hex}" in text
    assert "trukket tilbake (PC stjålet)" in text and "beholdt" in text
    assert snapshot(world.lib) == before  # the installed content stays
    # From now on, everywhere: the cached endorsement, the feed, a single file.
    up = world.updater(store)
    assert signer.key_id not in up.trusted()
    with pytest.raises(KeyRevoked):
        up.check(feed)
    with pytest.raises(KeyRevoked, match="trukket tilbake"):
        up.import_path(_signed_file(world, signer, version=2, edits=PHONE_CHANGE))
    assert snapshot(world.lib) == before


def test_a_usb_folder_with_a_revocation_and_a_bundle_by_the_revoked_key(world: World) -> None:
    root, publisher = make_key(), make_key()
    store = TrustStore(
        [
            trusted_key(root.public_key, ["testregion"], "root"),
            trusted_key(publisher.public_key, ["testregion"]),
        ]
    )
    usb = world.tmp / "usb"
    bundle = _signed_file(world, publisher)
    usb.mkdir()
    for f in (bundle, bundle.with_name(bundle.name + ".minisig")):
        (usb / f.name).write_bytes(f.read_bytes())
    world.revoke(root, publisher, folder=usb)
    with pytest.raises(KeyRevoked):
        world.updater(store).import_path(usb)
    assert world.lib.bundle("testregion") is None


def test_a_revocation_list_signed_by_a_publisher_is_refused(world: World) -> None:
    publisher, victim = make_key(), make_key()
    store = keyring(publisher, victim)
    usb = world.tmp / "usb"
    world.revoke(publisher, victim, folder=usb)
    with pytest.raises(WrongRole, match="som ikke er en rotnøkkel"):
        world.updater(store).import_path(usb / "revoked.json")
    up = world.updater(store)
    assert victim.key_id in up.trusted()
    assert not (world.paths.data / "sync" / "revocations").exists()


def test_a_roots_revocation_reaches_only_keys_inside_its_scope(world: World) -> None:
    municipal_root, national = make_key(), make_key()
    store = TrustStore(
        [
            trusted_key(municipal_root.public_key, ["gjovik"], "root"),
            trusted_key(national.public_key, ["nasjonal"]),
        ]
    )
    usb = world.tmp / "usb"
    world.revoke(municipal_root, national, folder=usb)
    world.updater(store).import_path(usb)
    assert national.key_id in world.updater(store).trusted()


def test_an_unsigned_or_unmarked_revocation_list_is_not_used(world: World) -> None:
    root, victim = make_key(), make_key()
    store = TrustStore(
        [
            trusted_key(root.public_key, ["testregion"], "root"),
            trusted_key(victim.public_key, ["testregion"]),
        ]
    )
    usb = world.tmp / "usb"
    world.revoke(root, victim, folder=usb)
    raw = (usb / "revoked.json").read_bytes()
    minisign.sign_file(root, usb / "revoked.json")  # a root signature, but not as a list
    with pytest.raises(WrongRole, match="vnr-revocations"):
        world.updater(store).import_path(usb / "revoked.json")
    (usb / "revoked.json.minisig").unlink()
    with pytest.raises(Exception, match="ikke signert"):
        world.updater(store).import_path(usb / "revoked.json")
    assert raw and victim.key_id in world.updater(store).trusted()


def test_an_unknown_signer_is_still_an_unknown_key(world: World) -> None:
    feed = world.publish(make_key())
    with pytest.raises(UnknownKey, match="ikke stoler på"):
        world.updater(keyring(make_key())).sync(feed)


def test_a_revocation_holds_after_its_root_is_no_longer_trusted(world: World) -> None:
    root, publisher = make_key(), make_key()
    both = TrustStore(
        [
            trusted_key(root.public_key, ["testregion"], "root"),
            trusted_key(publisher.public_key, ["testregion"]),
        ]
    )
    world.revoke(root, publisher, folder=world.tmp / "usb")
    world.updater(both).import_path(world.tmp / "usb")
    # The administrator removes the root; the revocation it signed still holds.
    only_publisher = keyring(publisher)
    up = world.updater(only_publisher)
    assert publisher.key_id not in up.trusted()
    with pytest.raises(KeyRevoked):
        up.import_path(_signed_file(world, publisher))

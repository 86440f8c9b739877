"""Helpers for the sync tests: keys, bundle variants, feeds, and a library snapshot.

All content is the made-up test bundle (tests/fixtures/bundles/testregion) and edited copies.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from vnr_desktop.core.library import Library
from vnr_desktop.core.paths import AppPaths
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.archive import build_bundle
from vnr_desktop.core.sync.catalog import publish_feed
from vnr_desktop.core.sync.http import HttpClient, HttpConfig
from vnr_desktop.core.sync.keyring import trusted_key
from vnr_desktop.core.sync.trust import TrustStore
from vnr_desktop.core.sync.updater import Updater

TEST_BUNDLE = Path(__file__).resolve().parent.parent / "fixtures" / "bundles" / "testregion"


def fast_http(**overrides: float) -> HttpClient:
    """A client with short timeouts and backoff, for tests against 127.0.0.1."""
    cfg = HttpConfig(
        connect_timeout=5.0,
        read_timeout=2.0,
        stall_window=1.0,
        min_rate=64.0,
        small_fetch_deadline=5.0,
        attempts=4,
        backoff_base=0.01,
        backoff_max=0.05,
    )
    for k, v in overrides.items():
        setattr(cfg, k, v)
    return HttpClient(cfg)


def make_key() -> minisign.SecretKey:
    return minisign.generate_keypair()


DEFAULT_SCOPE = ("testregion",)


def keyring(
    *keys: minisign.SecretKey,
    scope: tuple[str, ...] = DEFAULT_SCOPE,
    roots: tuple[minisign.SecretKey, ...] = (),
) -> TrustStore:
    """Publisher keys for ``scope`` (the test bundle's region by default), plus root keys."""
    return TrustStore(
        [trusted_key(k.public_key, scope) for k in keys]
        + [trusted_key(k.public_key, scope, "root") for k in roots]
    )


def bundle_source(
    tmp: Path,
    name: str = "src",
    *,
    version: int = 1,
    edits: dict[str, tuple[str, str]] | None = None,
) -> Path:
    """A copy of the test bundle with ``version`` and text replacements per file."""
    dest = tmp / name
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(TEST_BUNDLE, dest)
    manifest = dest / "manifest.yaml"
    manifest.write_text(
        manifest.read_text("utf-8").replace("version: 1", f"version: {version}"), "utf-8"
    )
    for file, (old, new) in (edits or {}).items():
        path = dest / file
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new), "utf-8")
    return dest


PHONE_CHANGE = {"contacts.yaml": ('"99 00 00 01"', '"99 00 00 09"')}


def build(
    tmp: Path,
    *,
    version: int = 1,
    edits: dict[str, tuple[str, str]] | None = None,
    name: str | None = None,
) -> Path:
    src = bundle_source(tmp, f"src-v{version}", version=version, edits=edits)
    out = tmp / "built" / (name or f"testregion-{version}.vnrb")
    build_bundle(src, out)
    return out


def publish(files: list[Path], key: minisign.SecretKey, feed: Path, **kw: object) -> Path:
    publish_feed(files, key, feed, feed_id=str(kw.pop("feed_id", "test")), publisher="Tests", **kw)  # type: ignore[arg-type]
    return feed


@dataclass(frozen=True)
class Snapshot:
    bundles: tuple[tuple[str, int, str], ...]
    versions: tuple[tuple[str, tuple[int, ...]], ...]
    items: int
    fts_rows: int


def snapshot(lib: Library) -> Snapshot:
    bundles = tuple((b.id, b.version, b.content_hash) for b in lib.bundles())
    versions = tuple((b[0], tuple(lib.versions(b[0]))) for b in bundles)
    items = lib.conn.execute("SELECT count(*) FROM items").fetchone()[0]
    fts = lib.conn.execute("SELECT count(*) FROM search_fts").fetchone()[0]
    return Snapshot(bundles, versions, items, fts)


def make_updater(lib: Library, paths: AppPaths, keys: TrustStore, **kw: object) -> Updater:
    kw.setdefault("http", fast_http())
    return Updater(lib, paths, keys=keys, **kw)  # type: ignore[arg-type]

"""The local library: installed bundles and their items, in SQLite.

Installing a bundle is one transaction: the bundle row, its items, the search index and the
version history land together or not at all. Re-installing the same version with the same
content is a no-op. The previous version of each bundle is kept so an update can be undone.
User data lives elsewhere (user.db, see userdata.py) and is never touched here.

Opening the database and reading it is ``library_store.LibraryStore``; its names (records,
errors) are offered here too, where callers have always found them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from vnr_desktop.core import db, first_screen, first_screen_store
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.ids import NATIONAL_BUNDLE
from vnr_desktop.core.library_store import (
    SCHEMA_VERSION,
    DowngradeRefused,
    InstalledBundle,
    InstallResult,
    InstallStatus,
    ItemRecord,
    LibraryError,
    LibraryStore,
    norwegian_sort_key,
)
from vnr_desktop.core.models import item_title
from vnr_desktop.core.resources import builtin_bundle_dir, builtin_bundle_ids
from vnr_desktop.core.search import index as search_index
from vnr_desktop.core.yaml_safe import SHIPPED_ENGINE

__all__ = [
    "KEEP_VERSIONS",
    "SCHEMA_VERSION",
    "DowngradeRefused",
    "InstallResult",
    "InstallStatus",
    "InstalledBundle",
    "ItemRecord",
    "Library",
    "LibraryError",
    "LibraryStore",
    "norwegian_sort_key",
    "open_library",
]

KEEP_VERSIONS = 3
"""Versions of each bundle kept for "go back to the previous version"."""


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


InstallHook = Callable[[str], None]
"""Called with a step name at each step of an install (crash-safety tests kill the process there)."""


class Library(LibraryStore):
    """The installed content: installs, updates and going back (reading: ``LibraryStore``)."""

    def __init__(self, path: Path) -> None:
        self.step_hook: InstallHook | None = None
        super().__init__(path)

    def _step(self, name: str) -> None:
        if self.step_hook is not None:
            self.step_hook(name)

    # ------------------------------------------------------------------ install

    def install(
        self,
        content: BundleContent,
        *,
        source: str = "builtin",
        allow_downgrade: bool = False,
    ) -> InstallResult:
        """Install or update a validated bundle in one transaction."""
        self._refuse_when_read_only()
        new_hash = content.content_hash()
        current = self.bundle(content.id)
        if current is not None:
            if current.version == content.version:
                if current.content_hash == new_hash:
                    return InstallResult(content.id, content.version, "unchanged", current.version)
                raise LibraryError(
                    f"{content.id} v{content.version} er allerede installert med annet innhold. "
                    "En endret pakke må ha et høyere versjonsnummer.",
                    f"bundle {content.id} v{content.version} is already installed with different "
                    "content; a changed bundle must have a higher version number",
                )
            if content.version < current.version and not allow_downgrade:
                raise DowngradeRefused(
                    f"{content.id} v{content.version} er eldre enn installert v{current.version}; "
                    "appen går ikke tilbake til en eldre versjon på denne måten.",
                    f"bundle {content.id} v{content.version} is older than the installed "
                    f"v{current.version}; refusing to go back",
                )
        self._step("begin")
        with db.transaction(self.conn):
            self._write_bundle(content, new_hash, source)
        self._step("committed")
        if current is None:
            return InstallResult(content.id, content.version, "installed")
        return InstallResult(content.id, content.version, "updated", current.version)

    def _write_bundle(self, content: BundleContent, content_hash: str, source: str) -> None:
        conn = self.conn
        now = _now()
        manifest = content.manifest
        conn.execute("DELETE FROM items WHERE bundle_id = ?", (content.id,))
        conn.execute("DELETE FROM municipalities WHERE bundle_id = ?", (content.id,))
        self._step("old-items-removed")
        conn.execute(
            "INSERT INTO bundles(id, version, title, issued, content_hash, manifest_json, installed_at, source)"
            " VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET version=excluded.version,"
            " title=excluded.title, issued=excluded.issued, content_hash=excluded.content_hash,"
            " manifest_json=excluded.manifest_json, installed_at=excluded.installed_at,"
            " source=excluded.source",
            (
                content.id,
                content.version,
                manifest.title,
                manifest.issued.isoformat(),
                content_hash,
                manifest.model_dump_json(),
                now,
                source,
            ),
        )
        self._step("bundle-row-written")
        conn.executemany(
            "INSERT INTO items(bundle_id, item_id, kind, title, json) VALUES(?,?,?,?,?)",
            [
                (content.id, item.id, item.kind, item_title(item), item.model_dump_json())
                for item in content.items()
            ],
        )
        self._step("items-written")
        conn.executemany(
            "INSERT INTO municipalities(number, name, bundle_id) VALUES(?,?,?)",
            [(m.number, m.name, content.id) for m in manifest.municipalities],
        )
        search_index.index_bundle(conn, content)
        self._step("index-written")
        conn.execute(
            "INSERT OR REPLACE INTO bundle_versions(bundle_id, version, content_hash, content_json,"
            " installed_at, source) VALUES(?,?,?,?,?,?)",
            (content.id, content.version, content_hash, content.to_json(), now, source),
        )
        conn.execute(
            "DELETE FROM bundle_versions WHERE bundle_id = ? AND version NOT IN ("
            " SELECT version FROM bundle_versions WHERE bundle_id = ? ORDER BY version DESC LIMIT ?)",
            (content.id, content.id, KEEP_VERSIONS),
        )
        declined = self.declined_version(content.id)
        if declined is not None and content.version > declined:
            conn.execute("DELETE FROM meta WHERE key=?", (f"declined:{content.id}",))
        self._step("history-written")
        self.refresh_first_screen()

    def refresh_first_screen(self) -> None:
        """Recompute the first screen's summary (core/first_screen.py) from what is installed;
        the caller holds the transaction (install, update, rollback) or this opens one."""
        counts = dict(self.conn.execute("SELECT bundle_id, COUNT(*) FROM items GROUP BY bundle_id"))
        with contextlib.ExitStack() as stack:
            if not self.conn.in_transaction:
                stack.enter_context(db.transaction(self.conn))
            first_screen_store.refresh(
                self.conn,
                manifests=[b.manifest for b in self.bundles()],
                item_counts=counts,
                contacts=[(r.ref, r.item) for r in self.items("contact")],  # type: ignore[misc]
                municipalities=self.municipalities(),
            )

    def has_first_screen(self) -> bool:
        return first_screen.stored_format(self.conn) == first_screen.FORMAT

    def install_dir(self, path: Path, *, source: str = "local") -> InstallResult:
        """Validate a bundle source folder and install it."""
        result = load_bundle_dir(path, external_ids=self.item_ids_of)
        if not result.ok or result.bundle is None:
            problems = "\n".join(str(d) for d in result.errors) or "the bundle could not be read"
            raise LibraryError(
                f"Pakken i {path} har feil:\n{problems}",
                f"the bundle in {path} has errors:\n{problems}",
            )
        return self.install(result.bundle, source=source)

    # ------------------------------------------------------------------ built-in content

    def ensure_builtin(self) -> list[InstallResult]:
        """Install built-in bundles that are missing or older than the ones this app ships.

        Later starts only read the small manifest files and compare a stamp: bundle content is
        not re-read or re-indexed unless the app ships a changed bundle.
        """
        if self.read_only:
            return []
        ids = builtin_bundle_ids()
        stamp = hashlib.sha256()
        for bundle_id in ids:
            stamp.update(bundle_id.encode())
            stamp.update((builtin_bundle_dir(bundle_id) / "manifest.yaml").read_bytes())
        digest = stamp.hexdigest()
        row = self.conn.execute("SELECT value FROM meta WHERE key='builtin_stamp'").fetchone()
        if row is not None and row["value"] == digest and all(self.bundle(b) for b in ids):
            return []
        results: list[InstallResult] = []
        broken: list[str] = []
        resolver = self._builtin_ids_resolver()
        # The national bundle first: the regions refer to its items, and while it is not
        # installed the resolver reads it from its YAML an extra time (~0.1 s of a first start).
        for bundle_id in sorted(ids, key=lambda b: (b != NATIONAL_BUNDLE, b)):
            loaded = load_bundle_dir(
                builtin_bundle_dir(bundle_id),
                external_ids=resolver,
                display_root=f"resources/bundles/{bundle_id}",
                engine=SHIPPED_ENGINE,
            )
            if not loaded.ok or loaded.bundle is None:
                # Install the others; report this one (a release bug the tests catch).
                problems = "\n".join(str(d) for d in loaded.errors)
                broken.append(
                    f"innebygd pakke {bundle_id} er ugyldig (built-in bundle is invalid):\n{problems}"
                )
                continue
            current = self.bundle(bundle_id)
            if current is not None and current.version >= loaded.bundle.version:
                continue
            results.append(self.install(loaded.bundle, source="builtin"))
        if broken:
            raise LibraryError("\n".join(broken))
        with db.transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES('builtin_stamp', ?)", (digest,)
            )
        return results

    def _builtin_ids_resolver(self) -> Callable[[str], set[str] | None]:
        # A built-in bundle not installed yet is read once, not once per reference to it
        # (the regions cite nasjonal dozens of times: re-reading it made first start ~15 s).
        shipped: dict[str, set[str] | None] = {}

        def resolve(bundle_id: str) -> set[str] | None:
            installed = self.item_ids_of(bundle_id)
            if installed is not None:
                return installed
            if bundle_id not in shipped:
                shipped[bundle_id] = None
                if bundle_id in builtin_bundle_ids():
                    loaded = load_bundle_dir(builtin_bundle_dir(bundle_id), engine=SHIPPED_ENGINE)
                    if loaded.bundle is not None:
                        shipped[bundle_id] = {i.id for i in loaded.bundle.items()}
            return shipped[bundle_id]

        return resolve

    def rollback(self, bundle_id: str) -> InstallResult:
        """Go back to the previous installed version of a bundle ("Gå tilbake til forrige versjon")."""
        self._refuse_when_read_only()
        current = self.bundle(bundle_id)
        if current is None:
            raise LibraryError(
                f"Pakken {bundle_id} er ikke installert.", f"bundle {bundle_id} is not installed"
            )
        older = [v for v in self.versions(bundle_id) if v < current.version]
        if not older:
            raise LibraryError(
                f"Det finnes ingen tidligere versjon av {bundle_id} å gå tilbake til.",
                f"there is no earlier version of {bundle_id} to go back to",
            )
        content = self.stored_content(bundle_id, older[0])
        assert content is not None
        with db.transaction(self.conn):
            self._write_bundle(content, content.content_hash(), "rollback")
            self.conn.execute(
                "DELETE FROM bundle_versions WHERE bundle_id=? AND version>?",
                (bundle_id, content.version),
            )
            # The user turned this version down: automatic updates must not bring it back.
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)",
                (f"declined:{bundle_id}", str(current.version)),
            )
        return InstallResult(bundle_id, content.version, "rolled_back", current.version)


def open_library(data_dir: Path, *, install_builtin: bool = True) -> Library:
    """Open (creating if needed) the library in ``data_dir`` and install built-in content."""
    lib = Library(data_dir / "library.db")
    if install_builtin:
        lib.ensure_builtin()
    if not lib.read_only and not lib.has_first_screen():
        lib.refresh_first_screen()  # a library written before the summary existed
    return lib

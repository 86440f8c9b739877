"""The local library: installed bundles and their items, in SQLite.

Installing a bundle is one transaction: the bundle row, its items, the search index and the
version history land together or not at all. Re-installing the same version with the same
content is a no-op. The previous version of each bundle is kept so an update can be undone.
User data lives elsewhere (user.db, see userdata.py) and is never touched here.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from vnr_desktop.core import db, first_screen, first_screen_store
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.models import (
    ITEM_MODELS,
    Item,
    Manifest,
    item_title,
)
from vnr_desktop.core.resources import builtin_bundle_dir, builtin_bundle_ids
from vnr_desktop.core.search import index as search_index

SCHEMA_VERSION = 1
KEEP_VERSIONS = 3
"""Versions of each bundle kept for "go back to the previous version"."""

InstallStatus = Literal["installed", "updated", "unchanged", "rolled_back"]


class LibraryError(Exception):
    """Something the user asked of the library cannot be done.

    ``message`` is bokmål (the app's language) and ``message_en`` English; ``str()`` gives the
    bokmål text, as for SyncError.
    """

    def __init__(self, message: str, message_en: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en or message

    def __str__(self) -> str:
        return self.message


class DowngradeRefused(LibraryError):
    pass


@dataclass(frozen=True)
class InstallResult:
    bundle_id: str
    version: int
    status: InstallStatus
    previous_version: int | None = None

    def __str__(self) -> str:
        if self.status == "unchanged":
            return f"{self.bundle_id} v{self.version}: already installed"
        if self.status == "updated":
            return f"{self.bundle_id}: v{self.previous_version} -> v{self.version}"
        if self.status == "rolled_back":
            return f"{self.bundle_id}: back to v{self.version} (from v{self.previous_version})"
        return f"{self.bundle_id} v{self.version}: installed"


@dataclass(frozen=True)
class InstalledBundle:
    id: str
    version: int
    title: str
    issued: _dt.date
    content_hash: str
    installed_at: str
    source: str
    manifest_json: str

    @cached_property
    def manifest(self) -> Manifest:
        return Manifest.model_validate_json(self.manifest_json)

    def as_dict(self) -> dict[str, object]:
        m = self.manifest
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "issued": self.issued.isoformat(),
            "content_hash": self.content_hash,
            "installed_at": self.installed_at,
            "source": self.source,
            "coverage": "national"
            if m.is_national
            else [{"number": x.number, "name": x.name} for x in m.municipalities],
            "publish_url": m.publish_url,
        }


@dataclass(frozen=True)
class ItemRecord:
    bundle_id: str
    item_id: str
    kind: str
    title: str
    json: str

    @property
    def ref(self) -> str:
        return f"{self.bundle_id}:{self.item_id}"

    @cached_property
    def item(self) -> Item:
        return ITEM_MODELS[self.kind].model_validate_json(self.json)

    def as_dict(self) -> dict[str, object]:
        data = json.loads(self.json)
        return {"ref": self.ref, "bundle": self.bundle_id, "region": self.bundle_id, **data}


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bundles(
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    issued TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    manifest_json TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bundle_versions(
    bundle_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    content_json TEXT NOT NULL,
    installed_at TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY(bundle_id, version)
);
CREATE TABLE IF NOT EXISTS items(
    bundle_id TEXT NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY(bundle_id, item_id)
);
CREATE INDEX IF NOT EXISTS items_kind ON items(kind, bundle_id);
CREATE TABLE IF NOT EXISTS municipalities(
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    bundle_id TEXT NOT NULL REFERENCES bundles(id) ON DELETE CASCADE,
    PRIMARY KEY(number, bundle_id)
);
"""


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


InstallHook = Callable[[str], None]
"""Called with a step name at each step of an install (crash-safety tests kill the process there)."""


class Library:
    """The installed content. Open one per process; methods are safe from one thread at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.step_hook: InstallHook | None = None
        self.read_only_reason: str | None = None
        """Set when the library could only be opened for reading (a full or failing disk)."""
        try:
            self.conn = db.connect(path)
            self._migrate()
        except (sqlite3.OperationalError, OSError) as exc:
            if not (db.is_disk_trouble(exc) and path.is_file()):
                raise
            # Numbers must stay readable even when nothing can be written: open what is
            # there read-only and say so, rather than showing nothing.
            self.conn = db.connect_readonly(path)
            self._check_schema_version()
            self.read_only_reason = str(exc)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        if not self.read_only:
            # Fold the WAL into the main file so a later read-only open sees everything.
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        with db.transaction(self.conn):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)
            search_index.ensure_schema(self.conn)
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )
            elif int(row["value"]) > SCHEMA_VERSION:
                raise LibraryError(
                    f"Biblioteket i {self.path} er laget av en nyere versjon av VNR Desktop "
                    f"(skjema {row['value']}). Oppdater appen.",
                    f"the library at {self.path} was written by a newer version of VNR Desktop "
                    f"(schema {row['value']}); update the app",
                )

    def _check_schema_version(self) -> None:
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None:
            raise LibraryError(
                f"Biblioteket i {self.path} er ufullstendig og kan ikke leses.",
                f"the library at {self.path} is incomplete and cannot be read",
            )
        if int(row["value"]) > SCHEMA_VERSION:
            raise LibraryError(
                f"Biblioteket i {self.path} er laget av en nyere versjon av VNR Desktop "
                f"(skjema {row['value']}). Oppdater appen.",
                f"the library at {self.path} was written by a newer version of VNR Desktop "
                f"(schema {row['value']}); update the app",
            )

    def _refuse_when_read_only(self) -> None:
        if self.read_only:
            raise LibraryError(
                "Innholdet kan bare leses nå, fordi disken er full eller feiler "
                f"({self.read_only_reason}). Frigjør plass og start appen på nytt.",
                "the library is open for reading only because the disk is full or failing "
                f"({self.read_only_reason}); free some space and restart the app",
            )

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
        for bundle_id in ids:
            loaded = load_bundle_dir(
                builtin_bundle_dir(bundle_id),
                external_ids=resolver,
                display_root=f"resources/bundles/{bundle_id}",
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
                    loaded = load_bundle_dir(builtin_bundle_dir(bundle_id))
                    if loaded.bundle is not None:
                        shipped[bundle_id] = {i.id for i in loaded.bundle.items()}
            return shipped[bundle_id]

        return resolve

    # ------------------------------------------------------------------ history

    def declined_version(self, bundle_id: str) -> int | None:
        """The highest version of a bundle the user went back from, if any.

        Automatic updates skip versions up to this one; a newer version clears it.
        """
        row = self.conn.execute(
            "SELECT value FROM meta WHERE key=?", (f"declined:{bundle_id}",)
        ).fetchone()
        return None if row is None else int(row["value"])

    def versions(self, bundle_id: str) -> list[int]:
        rows = self.conn.execute(
            "SELECT version FROM bundle_versions WHERE bundle_id=? ORDER BY version DESC",
            (bundle_id,),
        )
        return [r["version"] for r in rows]

    def stored_content(self, bundle_id: str, version: int | None = None) -> BundleContent | None:
        if version is None:
            current = self.bundle(bundle_id)
            if current is None:
                return None
            version = current.version
        row = self.conn.execute(
            "SELECT content_json FROM bundle_versions WHERE bundle_id=? AND version=?",
            (bundle_id, version),
        ).fetchone()
        return None if row is None else BundleContent.from_json(row["content_json"])

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

    # ------------------------------------------------------------------ queries

    def bundles(self) -> list[InstalledBundle]:
        rows = self.conn.execute("SELECT * FROM bundles ORDER BY id").fetchall()
        return [self._bundle_row(r) for r in rows]

    def bundle(self, bundle_id: str) -> InstalledBundle | None:
        row = self.conn.execute("SELECT * FROM bundles WHERE id=?", (bundle_id,)).fetchone()
        return None if row is None else self._bundle_row(row)

    @staticmethod
    def _bundle_row(row: sqlite3.Row) -> InstalledBundle:
        return InstalledBundle(
            id=row["id"],
            version=row["version"],
            title=row["title"],
            issued=_dt.date.fromisoformat(row["issued"]),
            content_hash=row["content_hash"],
            installed_at=row["installed_at"],
            source=row["source"],
            manifest_json=row["manifest_json"],
        )

    def items(self, kind: str | None = None, region: str | None = None) -> list[ItemRecord]:
        sql = "SELECT bundle_id, item_id, kind, title, json FROM items"
        where: list[str] = []
        args: list[str] = []
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if region:
            where.append("bundle_id = ?")
            args.append(region)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY bundle_id, kind, item_id"
        return [ItemRecord(*r) for r in self.conn.execute(sql, args)]

    def iter_items(self) -> Iterator[ItemRecord]:
        yield from self.items()

    def get(self, ref: str) -> ItemRecord | None:
        """An item by ``bundle:id``, or by bare id when exactly one bundle has it."""
        bundle_id, sep, item_id = ref.rpartition(":")
        if sep:
            row = self.conn.execute(
                "SELECT bundle_id, item_id, kind, title, json FROM items WHERE bundle_id=? AND item_id=?",
                (bundle_id, item_id),
            ).fetchone()
            return None if row is None else ItemRecord(*row)
        rows = self.conn.execute(
            "SELECT bundle_id, item_id, kind, title, json FROM items WHERE item_id=?", (ref,)
        ).fetchall()
        if len(rows) > 1:
            options = ", ".join(f"{r[0]}:{r[1]}" for r in rows)
            raise LibraryError(
                f"{ref!r} finnes i flere pakker: bruk en av {options}",
                f"{ref!r} exists in several bundles: use one of {options}",
            )
        return ItemRecord(*rows[0]) if rows else None

    def item_ids_of(self, bundle_id: str) -> set[str] | None:
        if self.bundle(bundle_id) is None:
            return None
        rows = self.conn.execute("SELECT item_id FROM items WHERE bundle_id=?", (bundle_id,))
        return {r[0] for r in rows}

    def municipalities(self) -> list[tuple[str, str, str]]:
        """(kommunenummer, name, bundle id) for every municipality the content covers."""
        rows = self.conn.execute("SELECT number, name, bundle_id FROM municipalities")
        return sorted(
            ((r[0], r[1], r[2]) for r in rows), key=lambda r: (norwegian_sort_key(r[1]), r[0])
        )

    def region_of(self, kommunenummer: str) -> str | None:
        row = self.conn.execute(
            "SELECT bundle_id FROM municipalities WHERE number=? ORDER BY bundle_id LIMIT 1",
            (kommunenummer,),
        ).fetchone()
        return None if row is None else row[0]


_NORWEGIAN_ORDER = str.maketrans({"æ": "z\u0001", "ø": "z\u0002", "å": "z\u0003"})


def norwegian_sort_key(text: str) -> str:
    """Sort key in Norwegian alphabetical order: ... x, y, z, æ, ø, å (case-insensitive)."""
    return text.casefold().translate(_NORWEGIAN_ORDER)


def open_library(data_dir: Path, *, install_builtin: bool = True) -> Library:
    """Open (creating if needed) the library in ``data_dir`` and install built-in content."""
    lib = Library(data_dir / "library.db")
    if install_builtin:
        lib.ensure_builtin()
    if not lib.read_only and not lib.has_first_screen():
        lib.refresh_first_screen()  # a library written before the summary existed
    return lib

"""The library's database: opening it (read-only when the disk fails), its schema, and reading
what is installed. ``library.Library`` adds installing, updating and going back.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal, Self

from vnr_desktop.core import db
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.models import ITEM_MODELS, Item, Manifest
from vnr_desktop.core.search import index as search_index

SCHEMA_VERSION = 1

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


class LibraryStore:
    """The installed content, read. Open one per process; methods are safe from one thread at
    a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
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

    def __enter__(self) -> Self:
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

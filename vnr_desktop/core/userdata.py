"""The user's own data: settings, own contacts, favourites and print history.

Kept in user.db, a separate file from the library: bundle installs, updates and rollbacks never
open it for writing, so nothing a user saved is lost in an update.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from vnr_desktop.core import db
from vnr_desktop.core.ids import USER_SOURCE_ID
from vnr_desktop.core.models import Contact
from vnr_desktop.core.settings import Settings

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings(id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS own_contacts(
    id TEXT PRIMARY KEY, json TEXT NOT NULL, created TEXT NOT NULL, updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS favourites(ref TEXT PRIMARY KEY, added TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS print_history(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id TEXT NOT NULL,
    region TEXT NOT NULL,
    format TEXT NOT NULL,
    language TEXT NOT NULL,
    content_version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    printed_at TEXT NOT NULL,
    output TEXT
);
CREATE TABLE IF NOT EXISTS search_history(
    id INTEGER PRIMARY KEY AUTOINCREMENT, query TEXT NOT NULL, at TEXT NOT NULL);
"""


@dataclass(frozen=True)
class PrintRecord:
    id: int
    card_id: str
    region: str
    format: str
    language: str
    content_version: str
    content_hash: str
    printed_at: str
    output: str | None

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


class UserDataError(Exception):
    """The user's data cannot be saved (plain-language message)."""


class UserData:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only_reason: str | None = None
        """Set when user.db could only be opened for reading (a full or failing disk)."""
        try:
            self.conn = db.connect(path)
            self._create_schema()
        except (sqlite3.OperationalError, OSError) as exc:
            if not db.is_disk_trouble(exc):
                raise
            self.read_only_reason = str(exc)
            if path.is_file():
                self.conn = db.connect_readonly(path)
            else:
                # Nothing saved yet and nowhere to save: defaults, and every save refused.
                self.conn = sqlite3.connect(
                    ":memory:", check_same_thread=False, isolation_level=None
                )
                self.conn.row_factory = sqlite3.Row
                self._create_schema()

    def _create_schema(self) -> None:
        with db.transaction(self.conn):
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self.conn.execute(statement)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def _writable(self) -> None:
        if self.read_only:
            raise UserDataError(
                "Kan ikke lagre: disken er full eller feiler. Frigjør plass og start appen på nytt. "
                f"(Cannot save: the disk is full or failing: {self.read_only_reason})"
            )

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ settings

    def settings(self) -> Settings:
        row = self.conn.execute("SELECT json FROM settings WHERE id=1").fetchone()
        if row is None:
            return Settings()
        try:
            return Settings.model_validate_json(row[0])
        except ValueError:
            # A damaged settings row must not stop the app; keep the old text for support.
            if self.read_only:
                return Settings()
            with db.transaction(self.conn):
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES('damaged_settings', ?)",
                    (row[0],),
                )
            return Settings()

    def save_settings(self, settings: Settings) -> None:
        self._writable()
        with db.transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO settings(id, json) VALUES(1, ?)",
                (settings.model_dump_json(),),
            )

    # ------------------------------------------------------------------ own contacts

    def own_contacts(self) -> list[Contact]:
        rows = self.conn.execute("SELECT json FROM own_contacts ORDER BY created, id")
        return [Contact.model_validate_json(r[0]) for r in rows]

    def save_own_contact(self, contact: Contact) -> None:
        self._writable()
        if contact.provenance.source != USER_SOURCE_ID:
            raise ValueError(f"own contacts carry provenance source {USER_SOURCE_ID!r}")
        now = _now()
        with db.transaction(self.conn):
            self.conn.execute(
                "INSERT INTO own_contacts(id, json, created, updated) VALUES(?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET json=excluded.json, updated=excluded.updated",
                (contact.id, contact.model_dump_json(), now, now),
            )

    def delete_own_contact(self, contact_id: str) -> bool:
        self._writable()
        with db.transaction(self.conn):
            cur = self.conn.execute("DELETE FROM own_contacts WHERE id=?", (contact_id,))
        return cur.rowcount > 0

    # ------------------------------------------------------------------ favourites

    def favourites(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT ref FROM favourites ORDER BY added, ref")]

    def set_favourite(self, ref: str, on: bool = True) -> None:
        self._writable()
        with db.transaction(self.conn):
            if on:
                self.conn.execute(
                    "INSERT OR IGNORE INTO favourites(ref, added) VALUES(?, ?)", (ref, _now())
                )
            else:
                self.conn.execute("DELETE FROM favourites WHERE ref=?", (ref,))

    # ------------------------------------------------------------------ print history

    def record_print(
        self,
        *,
        card_id: str,
        region: str,
        format: str,
        language: str,
        content_version: str,
        content_hash: str,
        output: str | None = None,
        printed_at: str | None = None,
    ) -> int:
        self._writable()
        with db.transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO print_history(card_id, region, format, language, content_version,"
                " content_hash, printed_at, output) VALUES(?,?,?,?,?,?,?,?)",
                (
                    card_id,
                    region,
                    format,
                    language,
                    content_version,
                    content_hash,
                    printed_at or _now(),
                    output,
                ),
            )
        return int(cur.lastrowid or 0)

    def print_history(self) -> list[PrintRecord]:
        rows = self.conn.execute("SELECT * FROM print_history ORDER BY id")
        return [PrintRecord(**dict(r)) for r in rows]

    # ------------------------------------------------------------------ search history

    def remember_search(self, query: str) -> None:
        """Kept only when the user has switched search history on."""
        if self.read_only or not self.settings().keep_search_history or not query.strip():
            return
        with db.transaction(self.conn):
            self.conn.execute("INSERT INTO search_history(query, at) VALUES(?, ?)", (query, _now()))

    def search_history(self) -> list[str]:
        return [
            r[0] for r in self.conn.execute("SELECT query FROM search_history ORDER BY id DESC")
        ]

    def clear_search_history(self) -> None:
        self._writable()
        with db.transaction(self.conn):
            self.conn.execute("DELETE FROM search_history")

    def export_json(self) -> str:
        """Everything the user saved, for backup."""
        return json.dumps(
            {
                "settings": json.loads(self.settings().model_dump_json()),
                "own_contacts": [json.loads(c.model_dump_json()) for c in self.own_contacts()],
                "favourites": self.favourites(),
                "print_history": [r.as_dict() for r in self.print_history()],
            },
            ensure_ascii=False,
            indent=2,
        )


def open_userdata(data_dir: Path) -> UserData:
    return UserData(data_dir / "user.db")

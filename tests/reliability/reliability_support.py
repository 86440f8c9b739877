"""Shared helpers for the reliability tests (fuzzing, crash harness, attack matrix).

Imported by the test modules in this folder (pytest puts the folder on sys.path) and by
bench/reliability.py. Nothing here reads ../shared: the test bundle is tests/fixtures.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from vnr_desktop.core.bundle_source import SourceLoadResult
from vnr_desktop.core.diagnostics import Diagnostic

TESTS = Path(__file__).resolve().parent.parent
FIXTURE_BUNDLE = TESTS / "fixtures" / "bundles" / "testregion"

# Errors about a whole file or folder (no line to point at): the only ones allowed without one.
FILE_LEVEL_MESSAGES = (
    "manifest.yaml is missing",
    "not a folder",
    "content files may be at most",
    "larger than",
    "content files; at most",
    "cannot read the file",
    "must be a mapping of fields",  # an empty manifest.yaml: no line to point at
)


def examples(default: int) -> int:
    """Hypothesis examples per test: small in CI, ``RELIABILITY_EXAMPLES=n`` for long runs."""
    return int(os.environ.get("RELIABILITY_EXAMPLES", default))


def fixture_documents() -> dict[str, Any]:
    """The test bundle's files as plain data (dates as dates), keyed by file name."""
    return {
        p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(FIXTURE_BUNDLE.glob("*.yaml"))
    }


class _NoAliasDumper(yaml.SafeDumper):
    """Content files may not hold anchors/aliases: write shared objects out in full."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)


def write_bundle(folder: Path, documents: dict[str, Any | str | bytes]) -> Path:
    """Write a bundle source folder; values are data (dumped as YAML), text or raw bytes."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, doc in documents.items():
        path = folder / name
        if isinstance(doc, bytes):
            path.write_bytes(doc)
        elif isinstance(doc, str):
            path.write_text(doc, encoding="utf-8")
        else:
            path.write_text(dump_yaml(doc), encoding="utf-8")
    return folder


def is_located(diag: Diagnostic) -> bool:
    """A diagnostic a content editor can act on: a file, and a line unless it is file-level."""
    if not diag.file or not diag.message.strip():
        return False
    if diag.line is not None:
        return diag.line >= 1 and (diag.column is None or diag.column >= 1)
    return any(m in diag.message for m in FILE_LEVEL_MESSAGES)


def assert_valid_or_located(result: SourceLoadResult) -> None:
    """The contract of load_bundle_dir: content without errors, or located errors."""
    if result.ok:
        assert result.bundle is not None
        assert not result.errors
        return
    assert result.bundle is None
    assert result.errors, "invalid result without an error"
    for diag in result.errors:
        assert is_located(diag), f"unlocated error: {diag!r}"
        text = str(diag)
        assert "Traceback" not in text and "<class " not in text, text


# --------------------------------------------------------------------------- library snapshots

LIBRARY_TABLES = {
    # table: columns compared (installed_at differs between runs and is left out)
    "bundles": "id, version, title, issued, content_hash, manifest_json, source",
    "items": "bundle_id, item_id, kind, title, json",
    "municipalities": "number, name, bundle_id",
    "bundle_versions": "bundle_id, version, content_hash, content_json, source",
    "search_docs": "ref, bundle_id, kind, title, label, phones_json, municipalities",
}


def library_snapshot(conn: sqlite3.Connection, bundle_id: str | None = None) -> dict[str, list]:
    """Every row that defines what the library shows, comparable across runs."""
    out: dict[str, list] = {}
    for table, cols in LIBRARY_TABLES.items():
        key = "id" if table == "bundles" else "bundle_id"
        sql = f"SELECT {cols} FROM {table}"
        args: tuple[str, ...] = ()
        if bundle_id is not None:
            sql += f" WHERE {key} = ?"
            args = (bundle_id,)
        out[table] = sorted(tuple(r) for r in conn.execute(sql + " ORDER BY 1, 2", args))
    return out


def consistency_problems(conn: sqlite3.Connection) -> list[str]:
    """Everything that would make the library show a mix or a stale search hit."""
    problems: list[str] = []
    (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
    if integrity != "ok":
        problems.append(f"integrity_check: {integrity}")
    try:
        conn.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
    except sqlite3.DatabaseError as exc:
        problems.append(f"fts integrity-check: {exc}")
    bundles = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, version, content_hash FROM bundles")
    }
    for bundle_id, (version, content_hash) in bundles.items():
        row = conn.execute(
            "SELECT content_hash, content_json FROM bundle_versions WHERE bundle_id=? AND version=?",
            (bundle_id, version),
        ).fetchone()
        if row is None:
            problems.append(f"{bundle_id} v{version}: no history row for the installed version")
            continue
        if row[0] != content_hash:
            problems.append(f"{bundle_id}: history hash differs from the installed hash")
        stored = json.loads(row[1])
        want = set()
        for key in ("contacts", "guides", "plans", "measures", "resources"):
            want |= {(i["kind"], i["id"]) for i in stored.get(key, [])}
        have = {
            (r[0], r[1])
            for r in conn.execute("SELECT kind, item_id FROM items WHERE bundle_id=?", (bundle_id,))
        }
        if have != want:
            problems.append(f"{bundle_id} v{version}: items are not the installed version's items")
        indexed = {
            r[0]
            for r in conn.execute("SELECT ref FROM search_docs WHERE bundle_id=?", (bundle_id,))
        }
        if indexed != {f"{bundle_id}:{i}" for _, i in want}:
            problems.append(f"{bundle_id}: the search index does not match the items")
        manifest = json.loads(
            conn.execute("SELECT manifest_json FROM bundles WHERE id=?", (bundle_id,)).fetchone()[0]
        )
        if manifest != stored["manifest"]:
            problems.append(
                f"{bundle_id}: the bundle row's manifest is not the installed version's"
            )
    orphans = conn.execute(
        "SELECT COUNT(*) FROM items WHERE bundle_id NOT IN (SELECT id FROM bundles)"
    ).fetchone()[0]
    if orphans:
        problems.append(f"{orphans} items belong to no installed bundle")
    stray = conn.execute(
        "SELECT COUNT(*) FROM search_docs WHERE bundle_id NOT IN (SELECT id FROM bundles)"
        " AND bundle_id != 'egne'"
    ).fetchone()[0]
    if stray:
        problems.append(f"{stray} search rows belong to no installed bundle")
    fts_ids = {r[0] for r in conn.execute("SELECT rowid FROM search_fts")}
    doc_ids = {r[0] for r in conn.execute("SELECT id FROM search_docs")}
    if fts_ids != doc_ids:
        problems.append("search_fts and search_docs hold different rows")
    return problems


# --------------------------------------------------------------------------- user data


def fill_user_data(user_db: Path, **settings_changes: Any) -> None:
    """Give user.db one of everything a user can save (settings, own contact, favourites...)."""
    from vnr_desktop.core.models import Contact
    from vnr_desktop.core.userdata import USER_SOURCE_ID, UserData

    ud = UserData(user_db)
    try:
        settings = ud.settings().model_copy(
            update={"municipality": "9901", "region": "testregion", **settings_changes}
        )
        ud.save_settings(settings)
        ud.save_own_contact(
            Contact.model_validate(
                {
                    "id": "min-kontakt",
                    "name": "Min kontaktperson",
                    "category": "other",
                    "phones": [{"number": "99 00 00 77"}],
                    "serves": ["everyone"],
                    "provenance": {
                        "source": USER_SOURCE_ID,
                        "section": "egen",
                        "as_of": "2024-01-01",
                    },
                },
                strict=False,
            )
        )
        ud.set_favourite("testregion:krisesenter")
        ud.set_favourite("nasjonal:politi")
        ud.record_print(
            card_id="tiltakskort",
            region="testregion",
            format="id1",
            language="nb",
            content_version="1",
            content_hash="0" * 64,
            output="kort.pdf",
            printed_at="2024-02-01T10:00:00+00:00",
        )
    finally:
        ud.close()


def user_snapshot(user_db: Path) -> dict[str, Any]:
    """Everything the user saved, read through a fresh connection (after any crash)."""
    from vnr_desktop.core.userdata import UserData

    ud = UserData(user_db)
    try:
        (integrity,) = ud.conn.execute("PRAGMA integrity_check").fetchone()
        data = json.loads(ud.export_json())
        data["integrity"] = integrity
        return data
    finally:
        ud.close()


def library_state(data_dir: Path) -> tuple[dict[str, list], list[str]]:
    """(snapshot, consistency problems) of the library in ``data_dir``, opened as the app would
    open it after a crash (WAL recovery), without installing anything."""
    from vnr_desktop.core.library import Library

    lib = Library(data_dir / "library.db")
    try:
        return library_snapshot(lib.conn), consistency_problems(lib.conn)
    finally:
        lib.close()


def copy_data_dir(src: Path, dest: Path) -> Path:
    """Copy a (closed) data folder: library.db, user.db, their WAL files, sync state."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest)
    return dest


def wal_bytes(data_dir: Path) -> int:
    wal = data_dir / "library.db-wal"
    return wal.stat().st_size if wal.exists() else 0


@contextmanager
def no_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A broken db.transaction (autocommit): the crash harness must catch the damage it does."""
    yield conn

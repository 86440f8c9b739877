"""The search index, kept in the library database and updated inside install transactions.

Tables (all owned by search):

- ``search_fts``: FTS5, ``unicode61 remove_diacritics 0`` (æ/ø/å stay letters), prefix
  indexes for 1-3 characters, ``detail=column`` (no positions: snippets are cut in Python).
  Columns: ref (unindexed, ``bundle:id``), title, aliases, extra (phone digits and printed
  groups, places covered, kind and category words), body (as printed), bodyx (ASCII
  stand-ins of the body's words), tags (kind and audience filter terms, never matched by user
  text). Title-like columns hold their words' ASCII stand-ins too.
- ``search_titles``: FTS5 over the title-like columns only (external content: the text is
  read from search_fts). Its document lists are short, so the title tiers of a query (most
  keystrokes stop there) do not wade through every body that mentions "barn" or "vold".
- ``search_docs``: one row per indexed item, same rowid: display fields and filter fields.
- ``search_slots``: each bundle's rowid block. Rowids are ``slot << 24 | n``, so a bundle (a
  region) is a contiguous rowid range that FTS5 can seek to: "home region first" and the
  region filter cost no more than a smaller index.
- ``search_terms``: every indexed word and the number of documents it is in: the
  vocabulary that typo correction, compound parts and prefix completions use.
- ``search_meta``: schema version, ``generation`` (bumped on every change: caches key on it),
  and the hash of the indexed own contacts.

The library calls ``ensure_schema`` when it opens and ``index_bundle`` inside its install
transaction (so a crash leaves the old index or the new one, never a mix). Nothing is rebuilt
at start-up; only a change of this module's schema version re-indexes once, from the
library's own ``items`` table. After a change, FTS5's segments are merged (``optimize``) when
the index is small or a quarter of it changed since the last merge (see _merge_segments).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from vnr_desktop.core import db
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.models import Contact, Guide, Item, Manifest, Measure, Plan, Resource
from vnr_desktop.core.search.documents import OWN_CONTACTS_REGION, ItemDocument, item_document
from vnr_desktop.core.search.text import words

SEARCH_SCHEMA_VERSION = "7"
SLOT_BITS = 24
"""Rowids per bundle: 16 million items."""

FTS_COLUMNS = ("ref", "title", "aliases", "extra", "body", "bodyx", "tags")
TITLE_COLUMNS = ("title", "aliases", "extra", "tags")
"""Columns of search_titles, the small index of the title-like columns."""

_MODELS: dict[str, type[Item]] = {  # type: ignore[dict-item]
    "contact": Contact,
    "guide": Guide,
    "plan": Plan,
    "measure": Measure,
    "resource": Resource,
}

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS search_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS search_slots("
    " bundle_id TEXT PRIMARY KEY, slot INTEGER NOT NULL UNIQUE, docs INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS search_docs("
    " id INTEGER PRIMARY KEY,"
    " ref TEXT NOT NULL,"
    " bundle_id TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " title TEXT NOT NULL,"
    " label TEXT NOT NULL,"
    " aliases TEXT NOT NULL,"
    " places TEXT NOT NULL,"
    " keywords TEXT NOT NULL,"
    " match_words TEXT NOT NULL,"
    " phones_json TEXT NOT NULL,"
    " phone_digits TEXT NOT NULL,"
    " audience TEXT NOT NULL,"
    " municipalities TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_docs_bundle ON search_docs(bundle_id)",
    "CREATE TABLE IF NOT EXISTS search_terms(term TEXT PRIMARY KEY, docs INTEGER NOT NULL)"
    " WITHOUT ROWID",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(ref UNINDEXED, "
    + ", ".join(FTS_COLUMNS[1:])
    + ", tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2 3', detail = column)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_titles USING fts5("
    + ", ".join(TITLE_COLUMNS)
    + ", content = 'search_fts', tokenize = 'unicode61 remove_diacritics 0',"
    " prefix = '1 2 3', detail = column)",
)
TEXT_COLUMNS = FTS_COLUMNS[1:-1]
"""The columns user text is matched against (not tags)."""

_OLD_TABLES = (
    "search_vocab",
    "search_titles",
    "search_fts",
    "search_docs",
    "search_slots",
    "search_terms",
    "search_meta",
)


def _meta(conn: sqlite3.Connection, key: str) -> str | None:
    try:
        row = conn.execute("SELECT value FROM search_meta WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return None if row is None else str(row[0])


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO search_meta(key, value) VALUES (?, ?)", (key, value))


def generation(conn: sqlite3.Connection) -> int:
    """A number that changes whenever the index changes (0 before anything was indexed)."""
    value = _meta(conn, "generation")
    return int(value) if value else 0


def _bump_generation(conn: sqlite3.Connection) -> None:
    _set_meta(conn, "generation", str(generation(conn) + 1))


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the index tables (called inside the library's open transaction).

    An index written by an older version of this module is dropped and rebuilt once from the
    library's ``items`` table; an up-to-date index is left alone.
    """
    if _meta(conn, "schema") != SEARCH_SCHEMA_VERSION:
        for table in _OLD_TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA:
            conn.execute(statement)
        _set_meta(conn, "schema", SEARCH_SCHEMA_VERSION)
        _set_meta(conn, "generation", "1")
        _rebuild_from_library_items(conn)
        return
    for statement in _SCHEMA:
        conn.execute(statement)


def _rebuild_from_library_items(conn: sqlite3.Connection) -> None:
    has_items = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='items'"
    ).fetchone()
    has_bundles = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='bundles'"
    ).fetchone()
    if not (has_items and has_bundles):
        return
    for bundle in conn.execute("SELECT id, manifest_json FROM bundles ORDER BY id").fetchall():
        manifest = Manifest.model_validate_json(bundle[1])
        rows = conn.execute(
            "SELECT kind, json FROM items WHERE bundle_id = ? ORDER BY rowid", (bundle[0],)
        ).fetchall()
        items = [_MODELS[kind].model_validate_json(text) for kind, text in rows]
        _write_documents(conn, bundle[0], (item_document(bundle[0], i, manifest) for i in items))


def slot_range(conn: sqlite3.Connection, bundle_id: str) -> tuple[int, int] | None:
    """The rowid range of a bundle's documents, or None when it has never been indexed."""
    row = conn.execute("SELECT slot FROM search_slots WHERE bundle_id = ?", (bundle_id,)).fetchone()
    if row is None:
        return None
    low = int(row[0]) << SLOT_BITS
    return low, low + (1 << SLOT_BITS) - 1


def indexed_ranges(
    conn: sqlite3.Connection, bundle_ids: Iterable[str | None]
) -> dict[str, tuple[int, int]]:
    """Rowid ranges of those of ``bundle_ids`` that have documents in the index."""
    wanted = sorted({b for b in bundle_ids if b is not None})
    rows = conn.execute(
        "SELECT bundle_id, slot FROM search_slots WHERE docs > 0 AND bundle_id IN ("
        + ",".join("?" * len(wanted))
        + ")",
        wanted,
    )
    return {
        str(b): (int(s) << SLOT_BITS, (int(s) << SLOT_BITS) + (1 << SLOT_BITS) - 1) for b, s in rows
    }


def _slot(conn: sqlite3.Connection, bundle_id: str) -> tuple[int, int]:
    existing = slot_range(conn, bundle_id)
    if existing is not None:
        return existing
    row = conn.execute("SELECT COALESCE(MAX(slot), 0) + 1 FROM search_slots").fetchone()
    conn.execute("INSERT INTO search_slots(bundle_id, slot) VALUES (?, ?)", (bundle_id, row[0]))
    result = slot_range(conn, bundle_id)
    assert result is not None
    return result


def remove_bundle(conn: sqlite3.Connection, bundle_id: str) -> int:
    """Remove every index row of ``bundle_id`` (its rowid block); return how many."""
    bounds = slot_range(conn, bundle_id)
    if bounds is None:
        return 0
    old_text = conn.execute(
        "SELECT " + ", ".join(TEXT_COLUMNS) + " FROM search_fts WHERE rowid BETWEEN ? AND ?",
        bounds,
    )
    _count_terms(conn, (tuple(r) for r in old_text), -1)
    titles = ", ".join(TITLE_COLUMNS)
    conn.execute(
        f"INSERT INTO search_titles(search_titles, rowid, {titles}) SELECT 'delete', rowid,"
        f" {titles} FROM search_fts WHERE rowid BETWEEN ? AND ?",
        bounds,
    )
    conn.execute("DELETE FROM search_fts WHERE rowid BETWEEN ? AND ?", bounds)
    removed = conn.execute("DELETE FROM search_docs WHERE id BETWEEN ? AND ?", bounds).rowcount
    conn.execute("UPDATE search_slots SET docs = 0 WHERE bundle_id = ?", (bundle_id,))
    _bump_generation(conn)
    return max(0, removed)


OPTIMIZE_ALWAYS_UP_TO = 1_000
"""Indexes of up to this many documents are merged into one segment after every change."""
OPTIMIZE_AFTER_CHANGED_SHARE = 0.25
"""Larger ones once this share of their documents changed since the last merge."""


def _merge_segments(conn: sqlite3.Connection, changed: int) -> None:
    """Keep FTS5's segment count low: every segment is one more b-tree probed per query term.

    Measured at 10 000 items: retrieval 1.9 ms per keystroke with the ~10 segments that
    installing bundle after bundle leaves, 0.5 ms after 'optimize' (which takes 0.26 s there;
    3.9 s at 100 000 items, hence the amortised rule for large indexes).
    """
    since = int(_meta(conn, "changed_since_optimize") or 0) + changed
    total = int(conn.execute("SELECT COALESCE(SUM(docs), 0) FROM search_slots").fetchone()[0])
    if total <= OPTIMIZE_ALWAYS_UP_TO or since >= OPTIMIZE_AFTER_CHANGED_SHARE * total:
        conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        conn.execute("INSERT INTO search_titles(search_titles) VALUES ('optimize')")
        since = 0
    _set_meta(conn, "changed_since_optimize", str(since))


def _count_terms(conn: sqlite3.Connection, texts: Iterable[tuple[object, ...]], sign: int) -> None:
    """Add (sign=+1) or remove (-1) documents' words to the vocabulary table ``search_terms``.

    The vocabulary (typo correction, compound parts, prefix completions) is read from this
    small table: reading it from fts5vocab means scanning the whole index (0.4 s at 100 000
    items). Words are counted once per document, as the tokenizer sees them (text.words).
    """
    counts: Counter[str] = Counter()
    for columns in texts:
        counts.update(set(words(" ".join(str(c) for c in columns))))
    if not counts:
        return
    conn.executemany(
        "INSERT INTO search_terms(term, docs) VALUES (?, ?)"
        " ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs",
        ((term, sign * n) for term, n in counts.items()),
    )
    if sign < 0:
        conn.execute("DELETE FROM search_terms WHERE docs <= 0")


def _write_documents(
    conn: sqlite3.Connection, bundle_id: str, documents: Iterable[ItemDocument]
) -> int:
    removed = remove_bundle(conn, bundle_id)
    low, high = _slot(conn, bundle_id)
    docs: list[tuple[object, ...]] = []
    fts: list[tuple[object, ...]] = []
    for n, doc in enumerate(documents):
        rowid = low + n
        if rowid > high:
            raise ValueError(f"bundle {bundle_id} has more items than the index can hold")
        docs.append(
            (
                rowid,
                doc.ref,
                bundle_id,
                doc.kind,
                doc.title,
                doc.label,
                "\n".join(doc.aliases),
                "\n".join(doc.place_names),
                doc.extra_words,
                doc.match_words,
                json.dumps(list(doc.phones), ensure_ascii=False),
                " ".join(doc.phone_digits),
                " ".join(doc.audience),
                " ".join(doc.municipalities),
            )
        )
        fts.append((rowid, doc.ref, *doc.columns()))
    conn.executemany(
        "INSERT INTO search_docs(id, ref, bundle_id, kind, title, label, aliases, places, keywords,"
        " match_words, phones_json, phone_digits, audience, municipalities)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        docs,
    )
    conn.executemany(
        "INSERT INTO search_fts(rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES (?,?,?,?,?,?,?,?)",
        fts,
    )
    titles = ", ".join(TITLE_COLUMNS)
    conn.execute(
        f"INSERT INTO search_titles(rowid, {titles}) SELECT rowid, {titles} FROM search_fts"
        " WHERE rowid BETWEEN ? AND ?",
        (low, high),
    )
    _count_terms(conn, (row[2 : len(TEXT_COLUMNS) + 2] for row in fts), +1)
    conn.execute("UPDATE search_slots SET docs = ? WHERE bundle_id = ?", (len(docs), bundle_id))
    _merge_segments(conn, removed + len(docs))
    _bump_generation(conn)
    return len(docs)


def index_bundle(conn: sqlite3.Connection, content: BundleContent) -> None:
    """Replace every index row of ``content``'s bundle (call inside the install transaction)."""
    manifest = content.manifest
    _write_documents(
        conn, content.id, (item_document(content.id, item, manifest) for item in content.items())
    )


def _contacts_hash(contacts: list[Contact]) -> str:
    digest = hashlib.sha256()
    for contact in contacts:
        digest.update(contact.model_dump_json().encode())
        digest.update(b"\0")
    return digest.hexdigest()


def index_own_contacts(conn: sqlite3.Connection, contacts: list[Contact]) -> bool:
    """Make the user's own contacts (``UserData.own_contacts()``) searchable.

    Replaces the rows of the pseudo-region ``egne`` in the library database; bundle installs
    never touch them. Call it after the user adds, edits or deletes an own contact, and once at
    start-up (it returns at once, without writing, when the contacts are already indexed as
    they are). Runs in its own transaction unless ``conn`` is already in one. Returns True when
    the index was changed.
    """
    digest = _contacts_hash(contacts)
    if _meta(conn, "own_contacts_hash") == digest:
        return False

    def write() -> None:
        _write_documents(
            conn,
            OWN_CONTACTS_REGION,
            (item_document(OWN_CONTACTS_REGION, c) for c in contacts),
        )
        _set_meta(conn, "own_contacts_hash", digest)

    if conn.in_transaction:
        write()
    else:
        with db.transaction(conn):
            write()
    return True

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
- ``search_docs``: one row per indexed item, same rowid: display fields, filter fields, and
  ``doc_hash``, a digest of the item's document (see document_hash).
- ``search_slots``: each bundle's rowid block. Rowids are ``slot << 24 | n``, so a bundle (a
  region) is a contiguous rowid range that FTS5 can seek to: "home region first" and the
  region filter cost no more than a smaller index. Within the block the items are in the
  bundle's order, spaced apart when the bundle was written whole (see _spaced_rowids).
- ``search_terms``: every indexed word, the number of documents it is in, and the number
  whose title-like columns hold it: the vocabulary that typo correction, compound parts and
  prefix completions use (typos are also corrected against the title words alone, so a slip
  in a service's name reaches the contact even when some body holds a word it begins).
- ``search_meta``: schema version, ``generation`` (bumped on every change: caches key on it),
  and the hash of the indexed own contacts.

The library calls ``ensure_schema`` when it opens and ``index_bundle`` inside its install
transaction (so a crash leaves the old index or the new one, never a mix). The first install
of a bundle writes all its items; an update rewrites only the items whose digest changed,
deletes those that are gone and places new ones between their neighbours (the whole bundle is
rewritten only when its items were reordered or a gap is full). Nothing is rebuilt
at start-up; only a change of this module's schema version re-indexes once, from the
library's own ``items`` table. After a change, FTS5's segments are merged (``optimize``) when
the index is small or a quarter of it changed since the last merge (see _merge_segments).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import operator
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from vnr_desktop.core import db
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.ids import OWN_CONTACTS_BUNDLE
from vnr_desktop.core.models import (
    ITEM_MODELS,
    Contact,
    Manifest,
    Plan,
)
from vnr_desktop.core.search.documents import (
    ItemDocument,
    item_document,
    plan_ends,
)
from vnr_desktop.core.search.text import text_words

SEARCH_SCHEMA_VERSION = "10"  # 10: phones in the display form (core.phones); title-word counts
SLOT_BITS = 24
"""Rowids per bundle: 16 million items."""
ROWID_GAP = 16
"""Spacing of a bundle's rowids when it is written whole: an update can place up to 15 new
items between two kept ones (in the bundle's order) without rewriting the bundle. Wider
spacing makes FTS5's rowid deltas longer (64: +15 % index size at 100 000 items; 16: +4 %)."""
KIND_GAP = 1 << 12
"""Extra room where the kind changes (contacts, then guides, ...): items added at the end of
a kind's list, the usual edit, fit there (up to 255 of them at a time)."""

FTS_COLUMNS = ("ref", "title", "aliases", "extra", "body", "bodyx", "tags")
TITLE_COLUMNS = ("title", "aliases", "extra", "tags")
"""Columns of search_titles, the small index of the title-like columns."""

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
    " municipalities TEXT NOT NULL,"
    " usable_json TEXT NOT NULL,"
    " flags TEXT NOT NULL,"
    " ends INTEGER NOT NULL,"
    " doc_hash TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS search_docs_bundle ON search_docs(bundle_id)",
    "CREATE TABLE IF NOT EXISTS search_terms(term TEXT PRIMARY KEY, docs INTEGER NOT NULL,"
    " titles INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
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
        items = [ITEM_MODELS[kind].model_validate_json(text) for kind, text in rows]
        ends = plan_ends(i for i in items if isinstance(i, Plan))
        _write_documents(
            conn, bundle[0], (item_document(bundle[0], i, manifest, ends) for i in items)
        )


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
    _count_terms(conn, (_terms_of_columns(tuple(map(str, r))) for r in old_text), -1)
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

    ``changed`` counts the documents written and deleted (an update counts only the items it
    changed). Measured at 10 000 items: retrieval 1.9 ms per keystroke with the ~10 segments
    that installing bundle after bundle leaves, 0.5 ms after 'optimize' (which takes 0.26 s
    there; 3.9 s at 100 000 items, hence the amortised rule for large indexes).
    """
    since = int(_meta(conn, "changed_since_optimize") or 0) + changed
    total = int(conn.execute("SELECT COALESCE(SUM(docs), 0) FROM search_slots").fetchone()[0])
    if total <= OPTIMIZE_ALWAYS_UP_TO or since >= OPTIMIZE_AFTER_CHANGED_SHARE * total:
        conn.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        conn.execute("INSERT INTO search_titles(search_titles) VALUES ('optimize')")
        since = 0
    _set_meta(conn, "changed_since_optimize", str(since))


def document_terms(columns: Sequence[str]) -> set[str]:
    """The distinct words of a document's text columns (title, aliases, extra, body, bodyx),
    as the tokenizer sees them: counted when a document is written, and again (from the
    stored text) when it is deleted.

    Each column is read once: the body's words come from text.text_words' memory when
    variant_text has just read them for the body's ASCII stand-ins.
    """
    terms: set[str] = set()
    for column in columns:
        terms.update(text_words(column))
    return terms


def _terms_of_columns(columns: Sequence[str]) -> tuple[set[str], set[str]]:
    """(all words, title-like words) of a document's text columns (title, aliases, extra,
    body, bodyx)."""
    titles = document_terms(columns[:3])
    return titles | document_terms(columns[3:]), titles


def _count_terms(
    conn: sqlite3.Connection, documents: Iterable[tuple[set[str], set[str]]], sign: int
) -> None:
    """Add (sign=+1) or remove (-1) documents' words to the vocabulary table ``search_terms``.

    The vocabulary (typo correction, compound parts, prefix completions) is read from this
    small table: reading it from fts5vocab means scanning the whole index (0.4 s at 100 000
    items). Words are counted once per document, as the tokenizer sees them (text.words).
    """
    counts: Counter[str] = Counter()
    title_counts: Counter[str] = Counter()
    for terms, titles in documents:
        counts.update(terms)
        title_counts.update(titles)
    if not counts:
        return
    conn.executemany(
        "INSERT INTO search_terms(term, docs, titles) VALUES (?, ?, ?)"
        " ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs,"
        " titles = titles + excluded.titles",
        ((term, sign * n, sign * title_counts[term]) for term, n in counts.items()),
    )
    if sign < 0:
        conn.execute("DELETE FROM search_terms WHERE docs <= 0")


_DOC_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(ItemDocument)))


def document_hash(doc: ItemDocument) -> str:
    """A digest of everything a document's index rows are made from (all its fields).

    An update re-indexes the items whose digest changed and leaves the others' rows alone.
    (A change to how rows are made from the fields bumps SEARCH_SCHEMA_VERSION instead.) The
    fields are strings and tuples of strings, so their repr is unambiguous.
    """
    return hashlib.blake2b(repr(_DOC_FIELDS(doc)).encode(), digest_size=16).hexdigest()


def _insert_documents(
    conn: sqlite3.Connection, bundle_id: str, placed: Sequence[tuple[int, ItemDocument, str]]
) -> None:
    """Write the rows of documents at their rowids: search_docs, search_fts, search_titles,
    and their words' counts in search_terms."""
    docs: list[tuple[object, ...]] = []
    fts: list[tuple[object, ...]] = []
    titles: list[tuple[object, ...]] = []
    terms: list[tuple[set[str], set[str]]] = []
    for rowid, doc, digest in placed:
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
                json.dumps(list(doc.usable_phones), ensure_ascii=False),
                " ".join(doc.flags),
                doc.ends,
                digest,
            )
        )
        title, aliases, extra, body, bodyx, tags = doc.columns()
        fts.append((rowid, doc.ref, title, aliases, extra, body, bodyx, tags))
        titles.append((rowid, title, aliases, extra, tags))
        terms.append(_terms_of_columns((title, aliases, extra, body, bodyx)))
    conn.executemany(
        "INSERT INTO search_docs(id, ref, bundle_id, kind, title, label, aliases, places, keywords,"
        " match_words, phones_json, phone_digits, audience, municipalities, usable_json, flags,"
        " ends, doc_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        docs,
    )
    conn.executemany(
        "INSERT INTO search_fts(rowid, " + ", ".join(FTS_COLUMNS) + ") VALUES (?,?,?,?,?,?,?,?)",
        fts,
    )
    # External content: the values given must be the ones search_fts holds (they are).
    conn.executemany(
        "INSERT INTO search_titles(rowid, " + ", ".join(TITLE_COLUMNS) + ") VALUES (?,?,?,?,?)",
        titles,
    )
    _count_terms(conn, terms, +1)


def _delete_documents(conn: sqlite3.Connection, rowids: Sequence[int]) -> None:
    """Delete the rows of these documents (and their words' counts)."""
    if not rowids:
        return
    select = "SELECT " + ", ".join(TEXT_COLUMNS) + " FROM search_fts WHERE rowid = ?"
    old = [conn.execute(select, (rowid,)).fetchone() for rowid in rowids]
    _count_terms(conn, (_terms_of_columns(tuple(map(str, r))) for r in old if r), -1)
    titles = ", ".join(TITLE_COLUMNS)
    params = [(rowid,) for rowid in rowids]
    conn.executemany(
        f"INSERT INTO search_titles(search_titles, rowid, {titles}) SELECT 'delete', rowid,"
        f" {titles} FROM search_fts WHERE rowid = ?",
        params,
    )
    conn.executemany("DELETE FROM search_fts WHERE rowid = ?", params)
    conn.executemany("DELETE FROM search_docs WHERE id = ?", params)


def _place_new(kept: Sequence[int | None], low: int, high: int) -> list[int] | None:
    """Rowids for documents in bundle order: kept ones (an int) keep theirs, new ones (None)
    get one between their kept neighbours. None when the kept rowids are out of order or a
    gap is too small: the bundle is then written whole.

    Search reads candidates in rowid order, so the index must hold the bundle's items in the
    bundle's order, as a full write does, for an update to search exactly like a fresh install.
    """
    out: list[int] = []
    previous = low  # never a document's rowid (see _spaced_rowids)
    i = 0
    while i < len(kept):
        current = kept[i]
        if current is not None:
            if current <= previous:
                return None
            out.append(current)
            previous = current
            i += 1
            continue
        j = i
        while j < len(kept) and kept[j] is None:
            j += 1
        following = kept[j] if j < len(kept) else high + 1
        assert following is not None
        count = j - i
        step = min(ROWID_GAP, (following - previous) // (count + 1))
        if step < 1:
            return None
        out.extend(previous + step * (n + 1) for n in range(count))
        previous = out[-1]
        i = j
    return out


def _spaced_rowids(
    bundle_id: str, documents: Sequence[ItemDocument], low: int, high: int
) -> list[int]:
    """Rowids for a bundle written whole: ROWID_GAP apart, KIND_GAP more where the kind
    changes (closer when a huge bundle needs it), never ``low`` itself (see _place_new)."""
    span = high - low + 1
    kinds = [doc.kind for doc in documents]
    breaks = sum(1 for a, b in itertools.pairwise(kinds) if a != b)
    for kind_gap in (KIND_GAP, 0):
        gap = min(ROWID_GAP, (span - 1 - breaks * kind_gap) // (len(documents) + 1))
        if gap >= 1:
            break
    else:
        raise ValueError(f"bundle {bundle_id} has more items than the index can hold")
    rowids: list[int] = []
    rowid = low
    for n, kind in enumerate(kinds):
        rowid += gap + (kind_gap if n and kind != kinds[n - 1] else 0)
        rowids.append(rowid)
    return rowids


def _write_all(
    conn: sqlite3.Connection, bundle_id: str, documents: Sequence[tuple[ItemDocument, str]]
) -> int:
    """Replace every row of the bundle (rowids from _spaced_rowids). Returns rows changed."""
    removed = remove_bundle(conn, bundle_id)
    low, high = _slot(conn, bundle_id)
    rowids = _spaced_rowids(bundle_id, [doc for doc, _ in documents], low, high)
    _insert_documents(
        conn,
        bundle_id,
        [(rowid, doc, digest) for rowid, (doc, digest) in zip(rowids, documents, strict=True)],
    )
    return removed + len(documents)


def _write_changes(
    conn: sqlite3.Connection, bundle_id: str, documents: Sequence[tuple[ItemDocument, str]]
) -> int | None:
    """Rewrite only the documents that are new or changed, delete those that are gone.

    Returns the number of rows deleted and written, or None when the bundle must be written
    whole (first install, items reordered, no room between two kept items, a ref twice).
    """
    bounds = slot_range(conn, bundle_id)
    if bounds is None:
        return None
    low, high = bounds
    rows = conn.execute(
        "SELECT id, ref, doc_hash FROM search_docs WHERE id BETWEEN ? AND ?", bounds
    ).fetchall()
    existing = {str(ref): (int(rowid), str(digest)) for rowid, ref, digest in rows}
    refs = {doc.ref for doc, _ in documents}
    if not existing or len(existing) != len(rows) or len(refs) != len(documents):
        return None  # nothing to keep, or an item id twice: write it whole
    kept = [existing[doc.ref][0] if doc.ref in existing else None for doc, _ in documents]
    rowids = _place_new(kept, low, high)
    if rowids is None:
        return None
    deleted = [rowid for ref, (rowid, _) in existing.items() if ref not in refs]
    written: list[tuple[int, ItemDocument, str]] = []
    for rowid, (doc, digest) in zip(rowids, documents, strict=True):
        old = existing.get(doc.ref)
        if old is None:
            written.append((rowid, doc, digest))
        elif old[1] != digest:
            deleted.append(rowid)
            written.append((rowid, doc, digest))
    _delete_documents(conn, deleted)
    _insert_documents(conn, bundle_id, written)
    return len(deleted) + len(written)


def _write_documents(
    conn: sqlite3.Connection, bundle_id: str, documents: Iterable[ItemDocument]
) -> int:
    """Make the bundle's index rows those of ``documents`` (in bundle order).

    An update touches only the documents that changed (see _write_changes); the first
    install of a bundle writes it whole. Returns the number of documents indexed.
    """
    hashed = [(doc, document_hash(doc)) for doc in documents]
    changed = _write_changes(conn, bundle_id, hashed)
    if changed is None:
        changed = _write_all(conn, bundle_id, hashed)
    if changed:
        conn.execute(
            "UPDATE search_slots SET docs = ? WHERE bundle_id = ?", (len(hashed), bundle_id)
        )
        _merge_segments(conn, changed)
        _bump_generation(conn)
    return len(hashed)


def index_bundle(conn: sqlite3.Connection, content: BundleContent) -> None:
    """Make the index hold ``content``'s items (call inside the install transaction).

    Only the items that changed since the installed version are re-indexed.
    """
    manifest = content.manifest
    ends = plan_ends(content.plans)
    _write_documents(
        conn,
        content.id,
        (item_document(content.id, item, manifest, ends) for item in content.items()),
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
            OWN_CONTACTS_BUNDLE,
            (item_document(OWN_CONTACTS_BUNDLE, c) for c in contacts),
        )
        _set_meta(conn, "own_contacts_hash", digest)

    if conn.in_transaction:
        write()
    else:
        with db.transaction(conn):
            write()
    return True

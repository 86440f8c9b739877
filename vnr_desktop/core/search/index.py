"""The search index, kept in the library database and updated inside install transactions.

First version: one FTS5 table over titles and body text. The library calls exactly these three
functions, inside its own transaction; search owns everything else about the index.
"""

from __future__ import annotations

import sqlite3

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.search.documents import item_document


def ensure_schema(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
        "ref UNINDEXED, bundle_id UNINDEXED, kind UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )


def remove_bundle(conn: sqlite3.Connection, bundle_id: str) -> None:
    conn.execute("DELETE FROM search_fts WHERE bundle_id = ?", (bundle_id,))


def index_bundle(conn: sqlite3.Connection, content: BundleContent) -> None:
    remove_bundle(conn, content.id)
    rows = []
    for item in content.items():
        doc = item_document(content.id, item)
        rows.append((doc.ref, content.id, doc.kind, doc.title, doc.body))
    conn.executemany(
        "INSERT INTO search_fts(ref, bundle_id, kind, title, body) VALUES (?, ?, ?, ?, ?)", rows
    )

"""Instant Norwegian search over the local library (SQLite FTS5 in library.db).

- ``search(conn_or_library, query, filters, limit, language=) -> list[Hit]``: ranked,
  highlighted hits, grouped (``Hit.group``: the user's region, national, other regions,
  outdated, text hits); English service words are searched in Norwegian (synonyms.py).
- ``open_search_connection(path)``: a read-only connection for a worker thread;
  ``prepare(conn)`` loads the vocabulary ahead of the first keystroke (optional).
- ``index_own_contacts(conn, contacts)``: make the user's own contacts searchable (region
  ``egne``); call after every edit of own contacts and once at start-up (a no-op when nothing
  changed).
- ``ensure_schema`` / ``index_bundle``: called by the Library (open; install transaction).

See engine.py for the ranking, query.py for what a query may contain, text.py for how
Norwegian letters and ASCII stand-ins are handled, vocabulary.py for typo correction and split
compounds, relevance.py for the top-1 / top-3 / MRR figures of a set of queries.
"""

from vnr_desktop.core.ids import NATIONAL_BUNDLE, OWN_CONTACTS_BUNDLE
from vnr_desktop.core.search.engine import (
    Hit,
    open_search_connection,
    prepare,
    search,
)
from vnr_desktop.core.search.index import ensure_schema, index_bundle, index_own_contacts
from vnr_desktop.core.search.query import SearchFilters
from vnr_desktop.core.search.ranking import GROUPS
from vnr_desktop.core.search.snippets import Span, render, to_html

__all__ = [
    "GROUPS",
    "NATIONAL_BUNDLE",
    "OWN_CONTACTS_BUNDLE",
    "Hit",
    "SearchFilters",
    "Span",
    "ensure_schema",
    "index_bundle",
    "index_own_contacts",
    "open_search_connection",
    "prepare",
    "render",
    "search",
    "to_html",
]

"""The GUI's one door to core search (runs on the ``search`` lane, never on the UI thread).

Lane state: a read-only connection from ``open_search_connection`` and the own contacts last
indexed into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vnr_desktop.core.search import SearchFilters, open_search_connection, to_html
from vnr_desktop.core.search import index_own_contacts as core_index
from vnr_desktop.core.search import search as core_search

if TYPE_CHECKING:
    from vnr_desktop.core.models import Contact

DEFAULT_LIMIT = 40


@dataclass(frozen=True)
class ResultRow:
    ref: str
    kind: str
    title: str
    snippet_html: str
    region: str
    phones: tuple[str, ...]
    """The contact's usable numbers (none when outdated or in doubt)."""
    group: str = "other"
    """core search's Hit.group: home, national, regional, other, outdated or text."""
    outdated: str = ""
    """Why the item is outdated ("" when current)."""
    translation: str = ""
    """The English phrases the hit was found through ("crisis centre → krisesenter")."""


@dataclass(frozen=True)
class SearchRequest:
    query: str
    kinds: tuple[str, ...] = ()
    region: str | None = None
    """Only this region (None: everything)."""
    home_region: str | None = None
    """The user's region, ranked first."""
    municipality: str | None = None
    limit: int = DEFAULT_LIMIT
    language: str = "nb"
    """The interface language: with "en", English words are searched in Norwegian first."""


def _connection(state: dict[str, Any], library_db: Path) -> Any:
    conn = state.get("conn")
    if conn is None:
        conn = open_search_connection(library_db)
        state["conn"] = conn
    return conn


def close(state: dict[str, Any]) -> None:
    conn = state.pop("conn", None)
    if conn is not None:
        conn.close()


def index_own_contacts(library_conn: Any, contacts: list[Contact]) -> bool:
    """Write the own contacts into the library's index (db lane: it needs the writable
    connection). A no-op when they are indexed as they are."""

    return core_index(library_conn, list(contacts))


def search(state: dict[str, Any], library_db: Path, request: SearchRequest) -> list[ResultRow]:
    filters = SearchFilters(
        kinds=tuple(request.kinds),
        region=request.region,
        home_region=request.home_region,
        municipality=request.municipality,
    )
    hits = core_search(
        _connection(state, library_db),
        request.query,
        filters,
        request.limit,
        language=request.language,
    )
    return [_row(hit) for hit in hits]


def _row(hit: Any) -> ResultRow:
    return ResultRow(
        ref=hit.ref,
        kind=hit.kind,
        title=hit.title,
        snippet_html=to_html(hit.snippet_spans),
        region=hit.region,
        phones=tuple(hit.phones),
        group=hit.group,
        outdated=hit.outdated,
        translation=hit.translation,
    )

"""search(): ranked, highlighted hits from the index in the library database.

Ranking, strongest first (ranking.py):

1. Name class: every query word matches a word of the title, aliases, places covered, phone
   numbers or kind/category words (exactly, as its beginning, as a compound part or within a
   typo), or a typed measure number names the measure; the outdated ones of those next
   (marked outdated, or a plan period that ended more than STALE_AFTER_YEARS years ago, and
   its measures); then everything else (text hits); last, other regions' contacts without a
   usable number (when a home region is set).
2. Region tier: the user's own contacts and own municipality; the home region (bundle); the
   national bundle; other regions. Without a home region: national before other regions.
   (The GUI heads them as groups, ranking.GROUPS: your region, national, other regions,
   outdated, mentioned in the text, other regions without a number.)
3. Title tier: every word matches exactly, as a beginning or as the last part of a compound
   (krisesenter for "senter"); then in some way (inner compound part, typo).
4. Currency: among text hits, outdated items after current ones.
5. What people look for: a contact with a usable number; a guide or a contact without one;
   a resource or plan; a measure.
6. Match quality (exact word before prefix before part before typo), then FTS5 bm25 with
   column weights, then the shorter title.

English (see synonyms.py): when the interface is English, or a query finds no name matching
every word exactly or as a beginning, the English phrases it holds are translated and the
Norwegian query is searched first; its hits carry the translation they matched.

Retrieval never sorts a large match set by bm25 (at 100 000 items that alone costs tens of
milliseconds). It asks FTS5, in rowid order with a LIMIT (which stops early), for candidates in
tiers: the small title index (search_titles) with every word as a word beginning, exactly
(when there are many), then with compound parts and typo corrections; only when those give
too few, the full index (search_fts, bodies included). When a tier has more matches than it
fetched, it is asked again within the user's own contacts, the home region and the national
bundle (each a rowid range, see index.py), so a home-region item is never lost among 356
regions' similar items. Body matches are ordered by bm25 only where that is cheap (few
matches, or one region's range). The candidates are then ranked as above in Python.

Thread safety: ``search`` only reads. Give each thread its own connection
(``open_search_connection(path)``); the vocabulary cache is shared and locked.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from vnr_desktop.core.ids import NATIONAL_BUNDLE, OWN_CONTACTS_BUNDLE
from vnr_desktop.core.phones import phone_query_digits
from vnr_desktop.core.search import snippets
from vnr_desktop.core.search.documents import (
    KIND_WORDS,
    audience_tag,
    kind_tag,
)
from vnr_desktop.core.search.index import generation, indexed_ranges
from vnr_desktop.core.search.query import ParsedQuery, SearchFilters, parse
from vnr_desktop.core.search.ranking import Candidate, Ranker
from vnr_desktop.core.search.snippets import Span
from vnr_desktop.core.search.synonyms import Translation, translate
from vnr_desktop.core.search.text import words
from vnr_desktop.core.search.vocabulary import vocabulary

BM25_WEIGHTS = (0.0, 10.0, 8.0, 3.0, 1.0, 0.5, 0.0)
"""ref (unindexed), title, aliases, extra, body, body variants, tags."""
MAX_LIMIT = 500


class _HasConnection(Protocol):
    conn: sqlite3.Connection


_AUDIENCE_ALIASES = {
    "child": "children",
    "young_person": "young_people",
    "adult": "adults",
    "violence_user": "violence_users",
    "professional": "professionals",
}


@dataclass(frozen=True)
class Hit:
    """One search result.

    ``snippet_spans`` and ``title_spans`` are ``(text, highlighted)`` pairs for the GUI to
    render (``snippets.to_html`` gives escaped rich text). ``snippet`` is the same text as one
    string with the highlighted words between ``[`` and ``]`` (what the CLI prints).
    ``score`` orders the hits (higher first); compare scores within one result list only.
    ``phones`` are the contact's usable numbers (none when it is outdated or its number is in
    doubt). ``group`` is one of ranking.GROUPS; ``outdated`` says why the item ranks low ("" when
    current); ``translation`` the English phrases the hit was found through ("" when none).
    """

    ref: str
    kind: str
    title: str
    region: str
    score: float
    phones: tuple[str, ...] = ()
    snippet_spans: tuple[Span, ...] = ()
    title_spans: tuple[Span, ...] = ()
    label: str = ""
    group: str = "other"
    outdated: str = ""
    translation: str = ""
    match: str = "text"
    """"name": every query word matches a name word exactly, as its beginning or as the last
    part of a compound; "near": every word matches a name word, some through a typo or an
    inner compound part; "text": not every word matches a name."""

    @property
    def item_id(self) -> str:
        return self.ref.split(":", 1)[1]

    @property
    def snippet(self) -> str:
        return snippets.render(self.snippet_spans)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.item_id,
            "ref": self.ref,
            "kind": self.kind,
            "title": self.title,
            "snippet": self.snippet,
            "region": self.region,
            "score": round(self.score, 3),
            "group": self.group,
        }
        if self.kind == "contact":
            data["phones"] = list(self.phones)
        if self.outdated:
            data["outdated"] = self.outdated
        if self.translation:
            data["translation"] = self.translation
        return data


def open_search_connection(path: Path | str) -> sqlite3.Connection:
    """A read-only connection to a library database, for searching from a worker thread.

    Open one per thread (or per worker) and close it when done; searches never write.
    """
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10.0)
    conn.execute("PRAGMA query_only = 1")
    return conn


def _connection(conn_or_library: sqlite3.Connection | _HasConnection) -> sqlite3.Connection:
    if isinstance(conn_or_library, sqlite3.Connection):
        return conn_or_library
    return conn_or_library.conn


TITLE_COLUMNS = "{title aliases extra}"
TEXT_COLUMNS = "{title aliases extra body bodyx}"


def _tags_expression(filters: SearchFilters) -> str:
    parts: list[str] = []
    if filters.kinds:
        parts.append(" OR ".join(f'"{kind_tag(k)}"' for k in sorted(set(filters.kinds))))
    if filters.audience:
        wanted = {_AUDIENCE_ALIASES.get(a, a) for a in filters.audience} | {"everyone"}
        parts.append(" OR ".join(f'"{audience_tag(a)}"' for a in sorted(wanted)))
    return " AND ".join(f"{{tags}}: ({p})" for p in parts)


def _tiers(parsed: ParsedQuery, filters: SearchFilters, *, any_word: bool) -> _Tiers:
    """FTS5 expressions from strongest to weakest match (see the module docstring)."""
    joiner = " OR " if any_word else " AND "
    words_ = parsed.words
    tags = _tags_expression(filters)

    def build(parts: Iterable[str]) -> str:
        expression = joiner.join(parts)
        return f"({expression}) AND {tags}" if tags else expression

    return _Tiers(
        exact=build(f"{TITLE_COLUMNS}: {w.fts_exact()}" for w in words_),
        prefix=build(f"{TITLE_COLUMNS}: {w.fts_prefix()}" for w in words_),
        expanded=build(f"{TITLE_COLUMNS}: {w.fts()}" for w in words_),
        body=build(f"{TEXT_COLUMNS}: {w.fts()}" for w in words_),
    )


@dataclass(frozen=True)
class _Tiers:
    exact: str
    """Every word exactly, in the title-like columns."""
    prefix: str
    """Every word as a word beginning, in the title-like columns."""
    expanded: str
    """With compound parts and typo corrections, in the title-like columns."""
    body: str
    """With compound parts and typo corrections, anywhere."""


_BM25 = "bm25(search_fts, " + ", ".join(str(w) for w in BM25_WEIGHTS) + ")"


def _fetch(
    conn: sqlite3.Connection,
    expression: str,
    bounds: tuple[int, int] | None,
    limit: int,
    *,
    ranked: bool,
    table: str = "search_fts",
) -> list[tuple[int, float]]:
    """Matching rowids: in rowid order (stops at ``limit``), or by bm25 within ``bounds``."""
    params: list[object] = [expression]
    rank = _BM25 if ranked and table == "search_fts" else "0.0"
    sql = f"SELECT rowid, {rank} FROM {table} WHERE {table} MATCH ?"
    if bounds is not None:
        sql += " AND rowid BETWEEN ? AND ?"
        params += list(bounds)
    if ranked:
        sql += " ORDER BY 2"
    sql += " LIMIT ?"
    params.append(limit)
    return [(int(r[0]), float(r[1])) for r in conn.execute(sql, params)]


def _home_region(conn: sqlite3.Connection, filters: SearchFilters) -> str | None:
    if filters.home_region:
        return filters.home_region
    if filters.municipality:
        try:
            row = conn.execute(
                "SELECT bundle_id FROM municipalities WHERE number = ? ORDER BY bundle_id LIMIT 1",
                (filters.municipality,),
            ).fetchone()
        except sqlite3.OperationalError:  # an index without the library's tables
            return None
        return None if row is None else str(row[0])
    return None


def _retrieve(
    conn: sqlite3.Connection,
    tiers: _Tiers,
    filters: SearchFilters,
    home: str | None,
    limit: int,
) -> dict[int, float]:
    """Candidate rowids (with bm25 where it was computed, else 0).

    Title tiers read the small search_titles index; the body tier reads search_fts.
    """
    ranges = indexed_ranges(conn, [OWN_CONTACTS_BUNDLE, home, NATIONAL_BUNDLE, filters.region])
    cap = limit + 10
    found: dict[int, float] = {}

    def add(rows: list[tuple[int, float]]) -> None:
        for rowid, rank in rows:
            if rowid not in found or rank < found[rowid]:
                found[rowid] = rank

    def titles(expression: str, bounds: tuple[int, int] | None, n: int) -> list[tuple[int, float]]:
        return _fetch(conn, expression, bounds, n, ranked=False, table="search_titles")

    if filters.region is not None:
        bounds = ranges.get(filters.region)
        if bounds is None:
            return {}
        for expression in dict.fromkeys([tiers.prefix, tiers.expanded]):
            add(titles(expression, bounds, cap))
            if len(found) >= limit:
                return found
        add(_fetch(conn, tiers.body, bounds, cap, ranked=True))
        return found

    preferred = [
        ranges[r]
        for r in dict.fromkeys([OWN_CONTACTS_BUNDLE, home, NATIONAL_BUNDLE])
        if r in ranges
    ]
    for expression in dict.fromkeys([tiers.prefix, tiers.expanded]):
        rows = titles(expression, None, cap)
        add(rows)
        if len(rows) == cap:
            # More matches than fetched: make sure exact title matches and the preferred
            # regions' matches are among the candidates.
            if expression == tiers.prefix:
                add(titles(tiers.exact, None, limit))
            for bounds in preferred:
                add(titles(tiers.expanded, bounds, limit))
        if len(found) >= limit:
            return found
    rows = _fetch(conn, tiers.body, None, cap, ranked=False)
    if len(rows) < cap:
        add(_fetch(conn, tiers.body, None, cap, ranked=True))  # few matches: rank them all
    else:
        add(rows)
        for bounds in preferred:
            add(_fetch(conn, tiers.body, bounds, limit, ranked=True))
    return found


def _load(conn: sqlite3.Connection, found: dict[int, float]) -> list[Candidate]:
    rows = conn.execute(
        "SELECT id, ref, bundle_id, kind, title, label, match_words, usable_json, phone_digits,"
        " municipalities, flags, ends FROM search_docs WHERE id IN ("
        + ",".join("?" * len(found))
        + ")",
        list(found),
    ).fetchall()
    return [
        Candidate(
            rowid=int(r[0]),
            bm25=found[int(r[0])],
            ref=r[1],
            bundle_id=r[2],
            kind=r[3],
            title=r[4],
            label=r[5],
            match_words=(*str(r[6]).split(), *_KIND_WORDS.get(r[3], ())),
            phones_json=r[7],
            phone_digits=tuple(str(r[8]).split()),
            municipalities=tuple(str(r[9]).split()),
            flags=tuple(str(r[10]).split()),
            ends=int(r[11]),
        )
        for r in rows
    ]


_KIND_WORDS = {kind: tuple(words(text)) for kind, text in KIND_WORDS.items()}


def _phone_spans(parsed: ParsedQuery, phones: tuple[str, ...]) -> tuple[Span, ...]:
    """The contact's numbers the query typed (three digits or more), highlighted."""
    typed = [parsed.phone_prefix] if parsed.phone_prefix else [w.text for w in parsed.words]
    typed = [t for t in typed if t is not None and t.isdigit() and len(t) >= 3]
    if not typed:
        return ()
    spans: list[Span] = []
    for number in phones:
        digits = phone_query_digits(number)
        if digits is not None and any(digits.startswith(t) for t in typed):
            spans += [("Tlf. ", False), (number, True), (" · ", False)]
    return tuple(spans)


def prepare(conn_or_library: sqlite3.Connection | _HasConnection) -> None:
    """Load what the first search needs (the vocabulary), e.g. on a worker at start-up.

    Optional: search() loads it itself, once per index change (about 20 ms for the built-in
    content's library, 40 ms at 10 000 items).
    """
    conn = _connection(conn_or_library)
    try:
        vocabulary(conn, generation(conn))
    except sqlite3.OperationalError:  # no index yet
        return


def search(
    conn_or_library: sqlite3.Connection | _HasConnection,
    query: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    *,
    language: str = "nb",
) -> list[Hit]:
    """Items matching ``query``, best first (see the module docstring for the ranking).

    Any text is a valid query (see query.py); an empty query gives no hits. ``language`` is
    the interface's ("nb" or "en"): with "en", English phrases the query holds are searched
    as their Norwegian words first.
    """
    conn = _connection(conn_or_library)
    filters = filters or SearchFilters()
    limit = max(1, min(int(limit), MAX_LIMIT))
    try:
        gen = generation(conn)
    except sqlite3.OperationalError:
        return []
    home = _home_region(conn, filters)
    translation = translate(query)
    if translation is not None and language == "en":
        translated = _search(conn, gen, translation.query, filters, home, limit, translation)
        if translated:
            return _merge(translated, _search(conn, gen, query, filters, home, limit), limit)
    hits = _search(conn, gen, query, filters, home, limit)
    if translation is None or language == "en" or any(h.match == "name" for h in hits):
        return hits
    translated = _search(conn, gen, translation.query, filters, home, limit, translation)
    return _merge(translated, hits, limit)


def _merge(first: list[Hit], then: list[Hit], limit: int) -> list[Hit]:
    seen = {h.ref for h in first}
    return (first + [h for h in then if h.ref not in seen])[:limit]


def _search(
    conn: sqlite3.Connection,
    gen: int,
    query: str,
    filters: SearchFilters,
    home: str | None,
    limit: int,
    translation: Translation | None = None,
) -> list[Hit]:
    parsed = parse(query, vocabulary(conn, gen))
    if parsed.empty:
        return []
    found = _retrieve(conn, _tiers(parsed, filters, any_word=False), filters, home, limit)
    if not found and len(parsed.words) > 1:
        found = _retrieve(conn, _tiers(parsed, filters, any_word=True), filters, home, limit)
    if not found:
        return []
    ranker = Ranker(parsed, filters, home)
    candidates = _load(conn, found)
    for candidate in candidates:
        ranker.rank(candidate)
    best = sorted(candidates, key=lambda c: c.key)[:limit]
    return _hits(conn, parsed, best, translation.note if translation is not None else "")


def _hits(
    conn: sqlite3.Connection, parsed: ParsedQuery, best: list[Candidate], translation: str
) -> list[Hit]:
    pattern = snippets.highlight_pattern(parsed)
    bodies = {
        int(r[0]): str(r[1])
        for r in conn.execute(
            "SELECT rowid, body FROM search_fts WHERE rowid IN (" + ",".join("?" * len(best)) + ")",
            [c.rowid for c in best],
        )
    }
    hits: list[Hit] = []
    for c in best:
        body = bodies.get(c.rowid, "")
        phones = tuple(json.loads(c.phones_json))
        hits.append(
            Hit(
                ref=c.ref,
                kind=c.kind,
                title=c.title,
                region=c.bundle_id,
                score=c.score,
                phones=phones,
                snippet_spans=_phone_spans(parsed, phones)
                + snippets.snippet(body, parsed, pattern),
                title_spans=snippets.highlight(c.title, parsed, pattern),
                label=c.label,
                group=c.group,
                outdated=c.outdated,
                translation=translation,
                match=c.match,
            )
        )
    return hits

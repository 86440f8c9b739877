"""An update re-indexes only the items that changed, and then searches exactly like a fresh
install of the same content (same hits, scores, snippets, vocabulary)."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from search_support import bundle, contact, guide, measure

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.library import Library, open_library
from vnr_desktop.core.models import Contact
from vnr_desktop.core.search import SearchFilters, index_own_contacts, search
from vnr_desktop.core.search import index as search_index
from vnr_desktop.core.search.documents import item_document
from vnr_desktop.core.search.index import _spaced_rowids, generation

QUERIES = [
    "krisesenter",
    "krise",
    "kriesenter",
    "barnevern",
    "gjøvik",
    "gjovik",
    "ålesund",
    "aalesund",
    "vold",
    "trygg",
    "99 00 20",
    "99002003",
    "tiltak",
    "samtale med barn",
    "mål",
    "kurs",
    "2.1",
    "telefon",
    "x",
]
FILTERS = [
    SearchFilters(),
    SearchFilters(home_region="sor"),
    SearchFilters(region="sor"),
    SearchFilters(kinds=("contact",)),
]


def _contacts(extra: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    items = [
        contact("krisesenter", "Krisesenteret i Sør", "99 00 20 01", category="krisesenter"),
        contact("barnevern", "Barnevernvakta Sør", "99 00 20 02", category="barnevernvakt"),
        contact("legevakt", "Legevakt Gjøvik", "99 00 20 03", category="legevakt"),
        contact("alesund", "Ålesund krisesenter", "99 00 20 04", category="krisesenter"),
        contact("familievern", "Familievernkontoret", "99 00 20 05", category="familievern"),
        contact("trygg", "Trygg hverdag", "99 00 20 06", description="Samtale om vold."),
    ]
    for item in items:
        item.update((extra or {}).get(item["id"], {}))
    return items


def _guides() -> list[dict[str, Any]]:
    return [
        guide("samtale", "Samtale med barn", "Spør barnet om vold hjemme. Mål: trygghet."),
        guide("melde", "Bekymringsmelding", "Meld til barnevernet ved bekymring for vold."),
    ]


def _measures() -> list[dict[str, Any]]:
    return [
        measure("m1", "1.1", "Kurs for ansatte", "Kurs om vold i nære relasjoner."),
        measure("m2", "2.1", "Rutiner for samtale", "Alle enheter har rutiner."),
        measure("m3", "3.1", "Krisesenter-samarbeid", "Avtale med krisesenteret."),
    ]


def _sor(version: int, **parts: Any) -> BundleContent:
    return bundle(
        "sor",
        version=version,
        coverage=[("9901", "Sørby"), ("9902", "Gjøvik")],
        aliases=["Sør-regionen"],
        contacts=parts.get("contacts", _contacts()),
        guides=parts.get("guides", _guides()),
        measures=parts.get("measures", _measures()),
    )


def _national() -> BundleContent:
    return bundle(
        "nasjonal",
        contacts=[
            contact("krisesenter", "Krisesenter nasjonalt", "99 00 30 01", category="krisesenter"),
            contact("vold", "Voldsoffertelefonen", "99 00 30 02", category="helpline"),
        ],
        guides=[guide("mal", "Mål og rutiner", "Tiltak mot vold i nære relasjoner.")],
    )


def _open(path: Path) -> Library:
    path.mkdir(parents=True, exist_ok=True)
    return open_library(path, install_builtin=False)


def _results(lib: Library) -> list[list[tuple[object, ...]]]:
    out = []
    for query in QUERIES:
        for filters in FILTERS:
            out.append(
                [
                    (
                        h.ref,
                        h.kind,
                        h.title,
                        h.region,
                        round(h.score, 9),
                        h.phones,
                        h.snippet_spans,
                        h.title_spans,
                        h.label,
                    )
                    for h in search(lib, query, filters, limit=50)
                ]
            )
    return out


def _index_state(conn: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    """The index's content, rowids left out (they differ, their order must not)."""
    return {
        "terms": conn.execute(
            "SELECT term, docs, titles FROM search_terms ORDER BY term"
        ).fetchall(),
        "docs": conn.execute(
            "SELECT ref, bundle_id, kind, title, label, aliases, places, keywords, match_words,"
            " phones_json, phone_digits, audience, municipalities, doc_hash FROM search_docs"
            " ORDER BY id"
        ).fetchall(),
        "fts": conn.execute(
            "SELECT ref, title, aliases, extra, body, bodyx, tags FROM search_fts ORDER BY rowid"
        ).fetchall(),
        "slots": conn.execute("SELECT bundle_id, docs FROM search_slots ORDER BY slot").fetchall(),
    }


def _assert_same_as_fresh(updated: Library, tmp_path: Path, content: BundleContent) -> None:
    fresh = _open(tmp_path / f"fresh-{content.version}")
    try:
        fresh.install(_national())
        fresh.install(content)
        assert _index_state(updated.conn) == _index_state(fresh.conn)
        assert _results(updated) == _results(fresh)
        updated.conn.execute("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
        updated.conn.execute("INSERT INTO search_titles(search_titles) VALUES('integrity-check')")
    finally:
        fresh.close()


class _Spy:
    """Records which documents the index of ``lib`` writes and deletes (wrapping the real
    functions; other libraries' writes are not recorded)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, lib: Library) -> None:
        self.written: list[str] = []
        self.deleted: list[int] = []
        self.whole: list[str] = []
        insert, delete, write_all = (
            search_index._insert_documents,
            search_index._delete_documents,
            search_index._write_all,
        )

        def spy_insert(conn: sqlite3.Connection, bundle_id: str, placed: Any) -> None:
            if conn is lib.conn:
                self.written += [doc.ref for _, doc, _ in placed]
            insert(conn, bundle_id, placed)

        def spy_delete(conn: sqlite3.Connection, rowids: Any) -> None:
            if conn is lib.conn:
                self.deleted += list(rowids)
            delete(conn, rowids)

        def spy_write_all(conn: sqlite3.Connection, bundle_id: str, documents: Any) -> int:
            if conn is lib.conn:
                self.whole.append(bundle_id)
            return write_all(conn, bundle_id, documents)

        monkeypatch.setattr(search_index, "_insert_documents", spy_insert)
        monkeypatch.setattr(search_index, "_delete_documents", spy_delete)
        monkeypatch.setattr(search_index, "_write_all", spy_write_all)


def _refs(lib: Library, query: str, filters: SearchFilters | None = None) -> list[str]:
    return [h.ref for h in search(lib, query, filters)]


def _rowids(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT ref, id FROM search_docs").fetchall())


@pytest.fixture
def library(tmp_path: Path) -> Any:
    lib = _open(tmp_path / "updated")
    lib.install(_national())
    lib.install(_sor(1))
    yield lib
    lib.close()


def test_an_update_changing_one_item_reindexes_only_that_item(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rowids(library.conn)
    fts_before = dict(library.conn.execute("SELECT ref, rowid FROM search_fts").fetchall())
    spy = _Spy(monkeypatch, library)
    v2 = _sor(2, contacts=_contacts({"legevakt": {"phones": [{"number": "99 00 20 33"}]}}))
    assert library.install(v2).status == "updated"

    assert spy.written == ["sor:legevakt"]
    assert spy.deleted == [before["sor:legevakt"]]
    assert spy.whole == []
    assert _rowids(library.conn) == before  # every row kept its place, the changed one too
    assert dict(library.conn.execute("SELECT ref, rowid FROM search_fts").fetchall()) == fts_before
    assert _refs(library, "99 00 20 33")[0] == "sor:legevakt"
    assert not search(library, "99002003")
    _assert_same_as_fresh(library, tmp_path, v2)


def test_an_update_with_nothing_indexed_changed_writes_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = generation(library.conn)
    spy = _Spy(monkeypatch, library)
    library.install(_sor(2))  # a new version with the same items
    assert (spy.written, spy.deleted, spy.whole) == ([], [], [])
    assert generation(library.conn) == before


def test_added_removed_and_changed_items_search_like_a_fresh_install(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contacts = _contacts({"trygg": {"description": "Samtale om vold og trygghet i Gjøvik."}})
    contacts.insert(2, contact("ny", "Nytt krisesenter Ålesund", "99 00 20 09"))
    del contacts[4]  # alesund
    measures = [*_measures(), measure("m4", "4.1", "Ny rutine", "Kurs i samtale med barn.")]
    v2 = _sor(2, contacts=contacts, measures=measures)
    spy = _Spy(monkeypatch, library)
    library.install(v2)
    assert sorted(spy.written) == ["sor:m4", "sor:ny", "sor:trygg"]
    assert len(spy.deleted) == 2  # alesund (gone) and trygg (changed)
    assert spy.whole == []
    _assert_same_as_fresh(library, tmp_path, v2)


def test_reordered_items_rewrite_the_bundle_whole(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch, library)
    v2 = _sor(2, contacts=list(reversed(_contacts())))
    library.install(v2)
    assert spy.whole == ["sor"]
    _assert_same_as_fresh(library, tmp_path, v2)


def test_new_items_keep_going_between_the_same_neighbours(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each update halves the room between two items until the bundle is rewritten whole."""
    spy = _Spy(monkeypatch, library)
    contacts = _contacts()
    for version in range(2, 10):
        contacts.insert(
            1, contact(f"ny{version}", f"Krisesenter {version}", f"99 00 21 0{version}")
        )
        content = _sor(version, contacts=contacts)
        library.install(content)
        _assert_same_as_fresh(library, tmp_path, content)
    assert spy.whole == ["sor"]  # the room (ROWID_GAP = 16) lasts four inserts


def test_many_new_items_in_one_place_rewrite_the_bundle_whole(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch, library)
    contacts = _contacts()
    contacts[3:3] = [
        contact(f"ny{n}", f"Tjeneste {n}", f"99 00 22 {n:02d}")
        for n in range(search_index.ROWID_GAP)
    ]
    v2 = _sor(2, contacts=contacts)
    library.install(v2)
    assert spy.whole == ["sor"]
    _assert_same_as_fresh(library, tmp_path, v2)


def test_items_added_at_the_end_of_a_kind_fit_without_a_rewrite(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch, library)
    new = [contact(f"ny{n}", f"Tjeneste {n}", f"99 00 23 {n:02d}") for n in range(40)]
    v2 = _sor(2, contacts=[*_contacts(), *new])
    library.install(v2)
    assert spy.whole == []
    assert sorted(spy.written) == sorted(f"sor:ny{n}" for n in range(40))
    _assert_same_as_fresh(library, tmp_path, v2)


def test_rowids_of_a_bundle_written_whole() -> None:
    docs = [item_document("sor", item) for item in _sor(1).items()]
    assert [d.kind for d in docs] == ["contact"] * 6 + ["guide"] * 2 + ["plan"] + ["measure"] * 3
    gap, kind_gap = search_index.ROWID_GAP, search_index.KIND_GAP
    rowids = _spaced_rowids("sor", docs, 1 << 24, (2 << 24) - 1)
    assert rowids[0] == (1 << 24) + gap
    assert [b - a for a, b in itertools.pairwise(rowids)] == (
        [gap] * 5 + [gap + kind_gap, gap, gap + kind_gap, gap + kind_gap, gap, gap]
    )
    # A bundle too big for the spacing gets closer rowids, in order, inside its block.
    assert _spaced_rowids("sor", docs, 0, 99) == list(range(7, 85, 7))
    contacts = docs[:6]
    assert _spaced_rowids("sor", (contacts * 17)[:98], 0, 99) == list(range(1, 99))
    with pytest.raises(ValueError, match="more items than the index can hold"):
        _spaced_rowids("sor", (contacts * 17)[:99], 0, 99)


def test_a_changed_manifest_reindexes_the_items_it_describes(
    library: Library, tmp_path: Path
) -> None:
    v2 = bundle(
        "sor",
        version=2,
        coverage=[("9901", "Sørby"), ("9903", "Åsen")],
        aliases=["Søndre"],
        contacts=_contacts(),
        guides=_guides(),
        measures=_measures(),
    )
    library.install(v2)
    assert _refs(library, "åsen krisesenteret")[0] == "sor:krisesenter"
    fresh = _open(tmp_path / "fresh")
    try:
        fresh.install(_national())
        fresh.install(v2)
        assert _index_state(library.conn) == _index_state(fresh.conn)
        assert _results(library) == _results(fresh)
    finally:
        fresh.close()


def test_rollback_and_removal_keep_the_vocabulary_exact(library: Library, tmp_path: Path) -> None:
    v2 = _sor(2, contacts=_contacts({"trygg": {"name": "Trygg i Ålesund"}}))
    library.install(v2)
    library.rollback("sor")
    _assert_same_as_fresh(library, tmp_path, _sor(1))

    search_index.remove_bundle(library.conn, "sor")
    only_national = _open(tmp_path / "national")
    try:
        only_national.install(_national())
        assert (
            library.conn.execute(
                "SELECT term, docs, titles FROM search_terms ORDER BY term"
            ).fetchall()
            == only_national.conn.execute(
                "SELECT term, docs, titles FROM search_terms ORDER BY term"
            ).fetchall()
        )
    finally:
        only_national.close()


def _own(item_id: str, name: str, number: str) -> Contact:
    return Contact.model_validate(
        {
            "id": item_id,
            "name": name,
            "category": "other",
            "serves": ["everyone"],
            "phones": [{"number": number}],
            "provenance": {"source": "egen", "section": "egen", "as_of": "2024-01-01"},
        },
        strict=False,
    )


def test_own_contacts_are_updated_item_by_item(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _Spy(monkeypatch, library)
    first = [_own("a", "Min lege", "99 00 40 01"), _own("b", "Min rådgiver", "99 00 40 02")]
    index_own_contacts(library.conn, first)
    assert spy.whole == ["egne"]
    index_own_contacts(library.conn, [first[0], _own("b", "Min rådgiver", "99 00 40 03")])
    assert spy.whole == ["egne"] and spy.written[-1] == "egne:b"
    assert _refs(library, "99 00 40 03") == ["egne:b"]
    assert not search(library, "99004002")
    # The same id twice (user data never holds that) is written whole, and then once only.
    index_own_contacts(library.conn, [first[0], first[0]])
    index_own_contacts(library.conn, [first[0]])
    assert spy.whole == ["egne", "egne", "egne"]
    assert _refs(library, "min") == ["egne:a"]
    fresh = _open(tmp_path / "fresh")
    try:
        fresh.install(_national())
        fresh.install(_sor(1))
        index_own_contacts(fresh.conn, [first[0]])
        assert _index_state(library.conn) == _index_state(fresh.conn)
    finally:
        fresh.close()


def test_an_index_of_the_previous_format_is_rebuilt_once(library: Library) -> None:
    """Schema 7 had no doc_hash: opening such a library rebuilds the index once, from items."""
    path = library.path
    conn = library.conn
    conn.execute("ALTER TABLE search_docs DROP COLUMN doc_hash")
    conn.execute("UPDATE search_meta SET value = '7' WHERE key = 'schema'")
    conn.execute("DELETE FROM search_terms")
    conn.commit()
    library.close()
    again = Library(path)
    try:
        assert (
            _refs(again, "krisesenteret", SearchFilters(home_region="sor"))[0] == "sor:krisesenter"
        )
        assert (
            again.conn.execute("SELECT COUNT(*) FROM search_docs WHERE doc_hash = ''").fetchone()[0]
            == 0
        )
        rebuilt = generation(again.conn)
        again.install(_sor(2, contacts=_contacts({"trygg": {"name": "Trygg i Ålesund"}})))
        assert _refs(again, "trygg ålesund")[0] == "sor:trygg"
        updated = generation(again.conn)
        assert updated > rebuilt
    finally:
        again.close()
    third = Library(path)
    try:
        assert generation(third.conn) == updated
    finally:
        third.close()

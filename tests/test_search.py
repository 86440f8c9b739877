"""Search behaviour on small made-up bundles: Norwegian letters, compounds, typos, phone
numbers, ranking, filters, own contacts, the index's life with installs, threads."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from search_support import PROVENANCE, bundle, contact, guide, measure

from vnr_desktop.core.library import Library, LibraryError
from vnr_desktop.core.models import Contact
from vnr_desktop.core.search import (
    SearchFilters,
    index_own_contacts,
    open_search_connection,
    render,
    search,
    to_html,
)
from vnr_desktop.core.search.index import generation


def refs(lib: Any, query: str, filters: SearchFilters | None = None, limit: int = 20) -> list[str]:
    return [h.ref for h in search(lib, query, filters, limit=limit)]


@pytest.fixture
def words_library(empty_library: Library) -> Library:
    empty_library.install(
        bundle(
            "nasjonal",
            contacts=[
                contact("kafe", "Kafé Trygg", "99 00 10 01"),
                contact("alesund", "Ålesund krisesenter", "99 00 10 02", category="krisesenter"),
                contact("gjovik", "Gjøvik barnevernvakt", "99 00 10 03", category="barnevernvakt"),
                contact(
                    "mottak",
                    "Overgrepsmottaket",
                    "+47 99 00 10 04",
                    aliases=["SO-mottak", "Seksuelle overgrep mottak"],
                ),
                contact("aere", "Æresvold-telefonen", "99 00 10 05"),
            ],
            guides=[
                guide("mal-arbeid", "Mål for arbeidet", "Målet er trygghet for alle."),
                guide("mal-rapport", "Mal for rapport", "En mal du kan fylle ut."),
                guide("avverge", "Plikter", "Avvergeplikten gjelder alle innbyggere."),
            ],
        )
    )
    return empty_library


# --------------------------------------------------------------------------- Norwegian letters


def test_aa_is_a_letter_not_an_accent(words_library: Library) -> None:
    assert refs(words_library, "mål") == ["nasjonal:mal-arbeid"]
    assert "nasjonal:mal-arbeid" not in refs(words_library, "mal")
    assert refs(words_library, "mal")[0] == "nasjonal:mal-rapport"
    assert refs(words_library, "maal")[0] == "nasjonal:mal-arbeid"


def test_true_accents_are_folded(words_library: Library) -> None:
    for query in ("kafe", "kafé", "KAFÉ", "Kafè"):
        assert refs(words_library, query)[0] == "nasjonal:kafe", query


def test_ascii_stand_ins_find_norwegian_letters(words_library: Library) -> None:
    for query in ("gjovik", "gjoevik", "gjøvik", "GJØVIK", "gjöv"):
        assert refs(words_library, query)[0] == "nasjonal:gjovik", query
    for query in ("ål", "Ålesund", "aalesund", "aal"):
        assert refs(words_library, query)[0] == "nasjonal:alesund", query
    for query in ("æresvold", "aeresvold"):
        assert refs(words_library, query)[0] == "nasjonal:aere", query


def test_compound_parts_and_prefixes(words_library: Library) -> None:
    assert refs(words_library, "vakt")[0] == "nasjonal:gjovik"
    assert refs(words_library, "senter")[0] == "nasjonal:alesund"
    assert refs(words_library, "barnev")[0] == "nasjonal:gjovik"
    assert refs(words_library, "avverge")[0] == "nasjonal:avverge"


def test_typos_are_corrected_against_the_vocabulary(words_library: Library) -> None:
    assert refs(words_library, "krisesentret")[0] == "nasjonal:alesund"
    assert refs(words_library, "barnevernvatk")[0] == "nasjonal:gjovik"
    assert refs(words_library, "avvergepligt")[0] == "nasjonal:avverge"
    assert refs(words_library, "overgrepsmotak")[0] == "nasjonal:mottak"
    # a word still being typed, with a typo in it
    assert refs(words_library, "barnevernsv")[0] == "nasjonal:gjovik"


def test_aliases_are_searched(words_library: Library) -> None:
    for query in ("SO-mottak", "so mottak", "SO-mot"):
        assert refs(words_library, query)[0] == "nasjonal:mottak", query


@pytest.mark.parametrize(
    "query",
    [
        "99001004",
        "99 00 10 04",
        "+47 99 00 10 04",
        "0047 99001004",
        "+4799001004",
        " 99 00 10 04 ",
        "+47 99.00.10.04",
        "99-00-10-04",
        "99.00.10.04",
    ],
)
def test_phone_numbers_with_or_without_spaces_and_country_code(
    words_library: Library, query: str
) -> None:
    hits = search(words_library, query)
    assert hits[0].ref == "nasjonal:mottak"
    assert hits[0].phones == ("990 01 004",)


def test_a_phone_hit_shows_the_number_highlighted(words_library: Library) -> None:
    hit = search(words_library, "99 00 10 03")[0]
    assert hit.ref == "nasjonal:gjovik"
    assert ("990 01 003", True) in hit.snippet_spans


def test_stop_words_and_queries_of_several_words(words_library: Library) -> None:
    assert refs(words_library, "plikten gjelder for alle")[0] == "nasjonal:avverge"
    # no item has every word: items with some of them still come
    assert set(refs(words_library, "avvergeplikt ålesund")[:2]) == {
        "nasjonal:alesund",
        "nasjonal:avverge",
    }


def test_empty_queries_and_limits(words_library: Library) -> None:
    for query in ("", "   ", "\n\t", "???", "«»"):
        assert search(words_library, query) == []
    assert len(search(words_library, "a", limit=2)) == 2
    assert len(search(words_library, "a", limit=0)) == 1


# --------------------------------------------------------------------------- snippets and hits


def test_snippets_mark_the_matching_words(words_library: Library) -> None:
    hit = search(words_library, "målet trygg")[0]
    assert hit.ref == "nasjonal:mal-arbeid"
    assert hit.snippet == "Om [Målet] er [trygghet] for alle."
    assert render(hit.snippet_spans, "<", ">") == "Om <Målet> er <trygghet> for alle."
    assert hit.title_spans == (("Mål for arbeidet", False),)
    vakt = search(words_library, "vakt")[0]
    assert ("barnevernvakt", True) in vakt.title_spans
    assert to_html((("a < b", False), ("c & d", True))) == "a &lt; b<b>c &amp; d</b>"


def test_hit_as_dict(words_library: Library) -> None:
    contact_hit = search(words_library, "kafe")[0].as_dict()
    assert set(contact_hit) == {
        "id",
        "ref",
        "kind",
        "title",
        "snippet",
        "region",
        "phones",
        "score",
        "group",
    }
    assert contact_hit["group"] == "national"
    assert contact_hit["id"] == "kafe" and contact_hit["phones"] == ["990 01 001"]
    guide_hit = search(words_library, "mål")[0].as_dict()
    assert "phones" not in guide_hit and guide_hit["kind"] == "guide"


# --------------------------------------------------------------------------- ranking and filters


@pytest.fixture
def regions_library(empty_library: Library) -> Library:
    numbers = {"landet": "99 00 30 01", "nord": "99 00 30 02", "sør": "99 00 30 03"}

    def krisesenter(region: str) -> dict[str, Any]:
        return contact(
            "krisesenter",
            f"Krisesenteret i {region.title()}",
            numbers[region],
            category="krisesenter",
            serves=["adults"],
        )

    empty_library.install(
        bundle(
            "nasjonal",
            contacts=[krisesenter("landet")],
            guides=[guide("barn", "Vold mot barn", "Krisesenter for barn.", ["child"])],
        )
    )
    empty_library.install(
        bundle(
            "nord",
            coverage=[("9901", "Nordby"), ("9903", "Midtby")],
            contacts=[
                krisesenter("nord"),
                contact(
                    "midt-legevakt", "Legevakt", None, municipalities=["9903"], serves=["everyone"]
                ),
                contact("nord-legevakt", "Legevakt", None, municipalities=["9901"]),
            ],
            measures=[
                measure("tiltak.1", "1", "Samarbeid med krisesenter"),
                measure("tiltak.2", "2", "Opplæring", "Ansatte lærer om krisesenteret."),
                measure("tiltak.2.1", "2.1", "Kurs"),
                measure("tiltak.1.2", "1.2", "Kurs"),
            ],
        )
    )
    empty_library.install(
        bundle("sor", coverage=[("9902", "Sørby")], contacts=[krisesenter("sør")])
    )
    return empty_library


def test_home_region_then_national_then_other_regions(regions_library: Library) -> None:
    order = refs(regions_library, "krisesenteret", SearchFilters(kinds=("contact",)))
    assert order[0] == "nasjonal:krisesenter"
    assert set(order[1:]) == {"nord:krisesenter", "sor:krisesenter"}
    home_sor = refs(regions_library, "krisesenteret", SearchFilters(home_region="sor"))
    assert home_sor[:3] == ["sor:krisesenter", "nasjonal:krisesenter", "nord:krisesenter"]
    # the municipality gives the home region when none is set
    by_number = refs(regions_library, "krisesenter", SearchFilters(municipality="9902"))
    assert by_number[0] == "sor:krisesenter"


def test_own_municipality_first_within_the_region(regions_library: Library) -> None:
    for number, first in (("9901", "nord:nord-legevakt"), ("9903", "nord:midt-legevakt")):
        hits = refs(
            regions_library, "legevakt", SearchFilters(home_region="nord", municipality=number)
        )
        assert hits[0] == first


def test_title_hits_before_body_hits(regions_library: Library) -> None:
    hits = refs(regions_library, "krisesenter", SearchFilters(home_region="nord"))
    assert hits.index("nord:tiltak.1") < hits.index("nord:tiltak.2")
    # a whole-word title hit in another region beats a body hit at home
    assert hits.index("sor:krisesenter") < hits.index("nord:tiltak.2")


def test_measure_numbers(regions_library: Library) -> None:
    assert refs(regions_library, "2.1")[0] == "nord:tiltak.2.1"
    assert refs(regions_library, "1.2")[0] == "nord:tiltak.1.2"
    assert refs(regions_library, "tiltak 2")[0] == "nord:tiltak.2"


def test_filters(regions_library: Library) -> None:
    assert set(refs(regions_library, "krisesenter", SearchFilters(kinds=("measure",)))) == {
        "nord:tiltak.1",
        "nord:tiltak.2",
    }
    assert refs(regions_library, "krisesenter", SearchFilters(region="sor")) == ["sor:krisesenter"]
    assert refs(regions_library, "krisesenter", SearchFilters(region="nowhere")) == []
    children = refs(regions_library, "krisesenter", SearchFilters(audience=("children",)))
    assert children == ["nasjonal:barn"]  # guides say "child", filters accept either form
    assert refs(regions_library, "krisesenter", SearchFilters(audience=("child",))) == children
    adults = set(refs(regions_library, "krisesenter", SearchFilters(audience=("adults",))))
    assert adults == {"nasjonal:krisesenter", "nord:krisesenter", "sor:krisesenter"}


# --------------------------------------------------------------------------- own contacts


def own(item_id: str, name: str, number: str) -> Contact:
    return Contact.model_validate(
        {
            "id": item_id,
            "name": name,
            "category": "other",
            "serves": ["everyone"],
            "phones": [{"number": number}],
            "provenance": {**PROVENANCE, "source": "egen"},
        },
        strict=False,
    )


def test_own_contacts_are_searchable_and_survive_installs(regions_library: Library) -> None:
    contacts = [own("rektor", "Rektor Hansen", "99 00 20 01")]
    assert index_own_contacts(regions_library.conn, contacts) is True
    assert index_own_contacts(regions_library.conn, contacts) is False  # nothing changed
    assert refs(regions_library, "rektor") == ["egne:rektor"]
    assert refs(regions_library, "99002001") == ["egne:rektor"]
    assert refs(regions_library, "hansen", SearchFilters(region="egne")) == ["egne:rektor"]
    regions_library.install(
        bundle("sor", version=2, coverage=[("9902", "Sørby")], contacts=[contact("x", "Rektor X")])
    )
    assert refs(regions_library, "rektor")[0] == "egne:rektor"  # own contacts rank first
    assert "sor:x" in refs(regions_library, "rektor")
    assert index_own_contacts(regions_library.conn, []) is True
    assert refs(regions_library, "hansen") == []


def test_own_contacts_join_an_open_transaction(regions_library: Library) -> None:
    conn = regions_library.conn
    conn.execute("BEGIN IMMEDIATE")
    index_own_contacts(conn, [own("nabo", "Naboen", "99 00 20 02")])
    conn.execute("ROLLBACK")
    assert refs(regions_library, "naboen") == []


# --------------------------------------------------------------------------- the index and installs


def test_index_follows_installs_updates_and_rollbacks(regions_library: Library) -> None:
    regions_library.install(
        bundle(
            "sor", version=2, coverage=[("9902", "Sørby")], contacts=[contact("ny", "Nytt senter")]
        )
    )
    assert refs(regions_library, "nytt") == ["sor:ny"]
    assert "sor:krisesenter" not in refs(regions_library, "krisesenter")
    regions_library.rollback("sor")
    assert refs(regions_library, "nytt") == []
    assert "sor:krisesenter" in refs(regions_library, "krisesenter")


def test_a_failed_install_leaves_the_index_as_it_was(regions_library: Library) -> None:
    before = generation(regions_library.conn)

    def fail(step: str) -> None:
        if step == "history-written":
            raise LibraryError("simulated failure")

    regions_library.step_hook = fail
    with pytest.raises(LibraryError):
        regions_library.install(
            bundle("sor", version=3, coverage=[("9902", "Sørby")], contacts=[contact("z", "Zeta")])
        )
    assert refs(regions_library, "zeta") == []
    assert "sor:krisesenter" in refs(regions_library, "krisesenter")
    assert generation(regions_library.conn) == before


def test_opening_the_library_does_not_rebuild_the_index(regions_library: Library) -> None:
    path = regions_library.path
    before = generation(regions_library.conn)
    regions_library.close()
    again = Library(path)
    try:
        assert generation(again.conn) == before
        assert refs(again, "krisesenter")[0] == "nasjonal:krisesenter"
    finally:
        again.close()


def test_an_index_from_an_older_version_is_rebuilt_once(regions_library: Library) -> None:
    path = regions_library.path
    conn = regions_library.conn
    for table in ("search_titles", "search_fts", "search_docs", "search_slots", "search_terms"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP TABLE search_meta")
    conn.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(ref UNINDEXED, bundle_id UNINDEXED,"
        " kind UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    regions_library.close()
    again = Library(path)
    try:
        assert (
            refs(again, "krisesenteret", SearchFilters(home_region="sor"))[0] == "sor:krisesenter"
        )
        rebuilt = generation(again.conn)
    finally:
        again.close()
    third = Library(path)
    try:
        assert generation(third.conn) == rebuilt
    finally:
        third.close()


# --------------------------------------------------------------------------- connections and threads


def test_search_from_worker_threads_on_read_only_connections(regions_library: Library) -> None:
    path: Path = regions_library.path
    expected = refs(regions_library, "krisesenter")
    queries = ["krisesenter", "legevakt", "kurs", "99", "sør"] * 4
    results: dict[int, list[list[str]]] = {}
    errors: list[BaseException] = []

    def work(n: int) -> None:
        conn = open_search_connection(path)
        try:
            results[n] = [[h.ref for h in search(conn, q)] for q in queries]
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            conn.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(r[0] == expected for r in results.values())
    assert len({str(r) for r in results.values()}) == 1


def test_the_search_connection_cannot_write(regions_library: Library) -> None:
    conn = open_search_connection(regions_library.path)
    try:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM search_docs")
    finally:
        conn.close()


# --------------------------------------------------------------------------- what people look for


@pytest.fixture
def services_library(empty_library: Library) -> Library:
    empty_library.install(
        bundle(
            "nord",
            coverage=[("9901", "Nordby")],
            contacts=[
                contact("kriser", "Krisesenteret i Nord", "99 00 20 01", category="krisesenter"),
                contact("barnehus", "Statens barnehus Nord", "99 00 20 02", category="barnehus"),
                contact("legevakt-uten", "Legevakt", None, category="legevakt"),
                contact("legevakt-med", "Legevakt", "99 00 20 03", category="legevakt"),
            ],
            guides=[
                guide("samarbeid", "Samarbeid", "Krisesentrene og kommunene samarbeider tett."),
            ],
            measures=[measure("tiltak.9", "9", "Tilbudet ved Statens barnehus Nord")],
        )
    )
    return empty_library


def test_a_contact_named_so_outranks_a_measure_mentioning_it(services_library: Library) -> None:
    hits = refs(services_library, "statens barnehus")
    assert hits[:2] == ["nord:barnehus", "nord:tiltak.9"]


def test_a_slip_in_a_service_name_reaches_the_contact(services_library: Library) -> None:
    # "krisesentr" begins "krisesentrene" (a guide's body): the name is still corrected.
    for query in ("krisesentr", "krisesnter", "krisesenetr", "krise senter", "Krise Senteret"):
        assert refs(services_library, query)[0] == "nord:kriser", query


def test_a_contact_without_a_usable_number_comes_after_one_with(
    services_library: Library,
) -> None:
    hits = search(services_library, "legevakt", SearchFilters(kinds=("contact",)))
    assert [h.ref for h in hits] == ["nord:legevakt-med", "nord:legevakt-uten"]
    assert hits[0].phones == ("99 00 20 03",) and hits[1].phones == ()


def test_english_phrases_are_translated() -> None:
    from vnr_desktop.core.search.synonyms import translate

    found = translate("Women's shelter Gjøvik")
    assert found is not None and found.query == "krisesenter gjøvik"
    assert found.note == "women s shelter → krisesenter"
    longest = translate("child welfare emergency")
    assert longest is not None and longest.query == "barnevernvakt"
    assert translate("child welfare").query == "barnevern"  # type: ignore[union-attr]
    assert translate("krisesenter") is None and translate("") is None

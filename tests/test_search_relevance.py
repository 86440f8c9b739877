"""Relevance: realistic queries against the built-in content, each with the item a person
typing it looks for and a home region (tests/facts/search_relevance.yaml).

Every expected item must be in the top 3, at least 90 % must be first; the figures (top-1,
top-3, mean reciprocal rank) are printed, and bench/search.py reports them too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from vnr_desktop.core.search import SearchFilters, search
from vnr_desktop.core.search.relevance import evaluate

CASES_FILE = Path(__file__).parent / "facts" / "search_relevance.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
MIN_TOP1 = 0.90
MIN_TOP3 = 1.0


def _case_id(case: dict[str, Any]) -> str:
    extra = [f"{k}={case[k]}" for k in ("home", "kind", "municipality", "language") if k in case]
    return " ".join([repr(case["query"]), *extra])


def test_the_relevance_file_is_big_and_varied_enough() -> None:
    assert len(CASES) >= 60
    assert all("home" in case for case in CASES), "every case names a home region (or null)"
    assert {case["home"] for case in CASES} >= {None, "gjovik", "hamar", "hallingdal"}
    kinds_expected = {case["expect"].split(":")[1].split(".")[0] for case in CASES}
    assert len(kinds_expected) > 20
    whys = " ".join(str(case["why"]) for case in CASES)
    for topic in ("typo", "letter missing", "swapped", "written apart", "o for ø", "a for å"):
        assert topic in whys, topic
    for topic in ("number", "form of violence", "duty", "English"):
        assert topic in whys, topic
    phones = [c["query"] for c in CASES if sum(ch.isdigit() for ch in c["query"]) >= 5]
    assert any(q.isdigit() for q in phones) and any(q.startswith("+") for q in phones)
    assert any(q.startswith("00") for q in phones)
    assert all(any(sep in q for q in phones) for sep in (" ", "-", "."))
    assert sum(1 for c in CASES if c.get("language") == "en") >= 10


def test_every_expected_item_is_in_the_built_in_content(library: Any) -> None:
    missing = [c["expect"] for c in CASES if library.get(c["expect"]) is None]
    assert not missing, f"not in the built-in content (update {CASES_FILE.name}): {missing}"


def test_relevance_rates(library: Any) -> None:
    report = evaluate(library, CASES)
    print("\nsearch relevance:", report.summary())
    misses = "\n".join(
        f"  rank {r.rank}: {r.case['query']!r} (home {r.case['home']}) expected "
        f"{r.case['expect']}, got {', '.join(r.top[:3])}"
        for r in report.misses(1)
    )
    assert report.top3 >= MIN_TOP3, f"{report.summary()}; not first:\n{misses}"
    assert report.top1 >= MIN_TOP1, f"{report.summary()}; not first:\n{misses}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_expected_item_is_in_the_top_three(library: Any, case: dict[str, Any]) -> None:
    filters = SearchFilters(
        kinds=(case["kind"],) if "kind" in case else (),
        home_region=case.get("home"),
        municipality=case.get("municipality"),
    )
    hits = search(library, case["query"], filters, limit=10, language=case.get("language", "nb"))
    top = [h.ref for h in hits[:3]]
    assert case["expect"] in top, (
        f"{case['query']!r} ({case['why']}): expected {case['expect']} in the top 3, got "
        + "; ".join(f"{h.ref} ({h.score:.0f})" for h in hits[:5])
    )


def test_the_evaluation_counts_misses(library: Any) -> None:
    """The scorer itself: a wrong expectation lowers the rates (the test above can fail)."""
    wrong = [{"query": "krisesenter", "home": "gjovik", "expect": "hamar:mattilsynet"}]
    right = [{"query": "krisesenter", "home": "gjovik", "expect": "gjovik:krisesenter"}]
    report = evaluate(library, wrong + right)
    assert (report.top1, report.top3, report.mrr) == (0.5, 0.5, 0.5)


# --------------------------------------------------------------------------- what a hit says


def test_outdated_items_rank_lower_and_say_so(library: Any) -> None:
    hits = search(library, "rvts", SearchFilters(home_region="gjovik"), limit=20)
    outdated = {h.ref: h for h in hits if h.outdated}
    rvts_ost = outdated["nasjonal:rvts-ost"]  # tagged outdated: its numbers are from 2008
    assert rvts_ost.outdated == "marked outdated" and rvts_ost.phones == ()
    assert rvts_ost.group == "outdated"
    current = [i for i, h in enumerate(hits) if h.group != "outdated" and h.group != "text"]
    assert current and max(current) < hits.index(rvts_ost)
    measure = search(library, "tiltak 19", SearchFilters(region="nasjonal"), limit=1)[0]
    assert measure.ref == "nasjonal:np2014.tiltak-19"
    assert measure.outdated == "plan period ended 2017"
    assert "outdated" in measure.as_dict()


def test_groups_follow_the_ranking(library: Any) -> None:
    order = ("home", "national", "regional", "other", "outdated", "text", "nonumber")
    for query, home in [
        ("krisesenter", "gjovik"),
        ("statens barnehus", None),
        ("vold", "hamar"),
        ("barnevernvakt", "gjovik"),
        ("politi", "hallingdal"),
    ]:
        hits = search(library, query, SearchFilters(home_region=home), limit=40)
        groups = [order.index(h.group) for h in hits]
        assert groups == sorted(groups), (query, [h.group for h in hits])
    hits = search(library, "krisesenter", SearchFilters(home_region="gjovik"), limit=40)
    assert hits[0].group == "home" and "other" in {h.group for h in hits}
    # Another region's contact without a usable number comes last (Hamar's krisesenter).
    assert hits[-1].ref == "hamar:krisesenter" and hits[-1].group == "nonumber"
    hits = search(library, "barnevernvakt", SearchFilters(home_region="gjovik"), limit=40)
    assert hits[0].ref == "gjovik:barnevernvakt"
    assert hits[-1].ref == "hallingdal:barnevernvakt" and not hits[-1].phones
    assert {h.group for h in search(library, "krisesenter", limit=40)} >= {"regional"}


def test_contacts_without_a_usable_number_come_after_those_with_one(library: Any) -> None:
    hits = search(library, "krisesenter", SearchFilters(kinds=("contact",)), limit=10)
    regional = [h for h in hits if h.group == "regional"]
    assert [bool(h.phones) for h in regional] == sorted(
        (bool(h.phones) for h in regional), reverse=True
    )
    assert any(not h.phones for h in regional) and regional[0].phones


def test_an_english_query_says_it_matched_a_translation(library: Any) -> None:
    hits = search(library, "crisis centre", SearchFilters(home_region="gjovik"), language="en")
    assert hits[0].ref == "gjovik:krisesenter"
    assert hits[0].translation == "crisis centre → krisesenter"
    assert hits[0].as_dict()["translation"] == "crisis centre → krisesenter"
    # A Norwegian interface keeps a Norwegian word that matches a name untranslated.
    hits = search(library, "politi", SearchFilters(), language="nb")
    assert hits[0].ref == "nasjonal:politi" and not hits[0].translation
    # ...but turns to the translation when the English words find no name.
    hits = search(library, "rape", SearchFilters(), language="nb")
    assert hits[0].translation == "rape → voldtekt"


# --------------------------------------------------------------------------- every slip


SERVICE_WORDS = {
    "krisesenter": ("gjovik", "gjovik:krisesenter"),
    "barnevernvakt": ("gjovik", "gjovik:barnevernvakt"),
    "legevakt": ("gjovik", "gjovik:legevakt"),
    "overgrepsmottak": ("gjovik", "gjovik:overgrepsmottak"),
    "familievernkontor": ("hamar", "hamar:familievernkontor"),
    "politi": (None, "nasjonal:politi"),
}


def _one_slip(word: str) -> set[str]:
    """Every letter lost, doubled, swapped with the next, or replaced (by e, or a for e)."""
    out: set[str] = set()
    for i, letter in enumerate(word):
        out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + letter + word[i:])
        out.add(word[:i] + ("a" if letter == "e" else "e") + word[i + 1 :])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + letter + word[i + 2 :])
    return out - {word}


def _two_slips(word: str) -> set[str]:
    """One slip, then one more letter lost."""
    return {s[:i] + s[i + 1 :] for s in _one_slip(word) for i in range(len(s))} - {word}


@pytest.mark.parametrize("word", sorted(SERVICE_WORDS))
def test_one_and_two_letter_slips_in_service_words_find_the_service(
    library: Any, word: str
) -> None:
    home, expected = SERVICE_WORDS[word]
    slips = _one_slip(word) | (_two_slips(word) if len(word) >= 8 else set())
    assert len(slips) > 20
    missed = [
        slip
        for slip in sorted(slips)
        if expected
        not in [h.ref for h in search(library, slip, SearchFilters(home_region=home), limit=3)]
    ]
    assert not missed, f"{len(missed)} of {len(slips)} slips miss {expected}: {missed[:20]}"

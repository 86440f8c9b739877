"""Relevance: realistic queries against the built-in content, each with the item that must be
in the top 3 (tests/facts/search_relevance.yaml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from vnr_desktop.core.search import SearchFilters, search

CASES_FILE = Path(__file__).parent / "facts" / "search_relevance.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]


def _case_id(case: dict[str, Any]) -> str:
    extra = [f"{k}={case[k]}" for k in ("home", "kind", "municipality") if k in case]
    return " ".join([repr(case["query"]), *extra])


def test_the_relevance_file_is_big_and_varied_enough() -> None:
    assert len(CASES) >= 40
    kinds_expected = {case["expect"].split(":")[1].split(".")[0] for case in CASES}
    assert len(kinds_expected) > 20
    assert any(any(c.isdigit() for c in case["query"]) for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_expected_item_is_in_the_top_three(library: Any, case: dict[str, Any]) -> None:
    if library.get(case["expect"]) is None:
        pytest.fail(f"{case['expect']} is not in the built-in content: update {CASES_FILE.name}")
    filters = SearchFilters(
        kinds=(case["kind"],) if "kind" in case else (),
        home_region=case.get("home"),
        municipality=case.get("municipality"),
    )
    hits = search(library, case["query"], filters, limit=10)
    top = [h.ref for h in hits[:3]]
    assert case["expect"] in top, (
        f"{case['query']!r} ({case['why']}): expected {case['expect']} in the top 3, got "
        + "; ".join(f"{h.ref} ({h.score:.0f})" for h in hits[:5])
    )

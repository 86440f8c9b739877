"""Relevance figures: how often search puts the expected item first, or in the top three.

A case is a query, the item a person typing it looks for (``expect``, ``bundle:id``) and the
user's home region (``home``; null: no region chosen yet), optionally a kind filter, a
kommunenummer and the interface language. ``evaluate`` runs every case and gives the top-1
rate, the top-3 rate and the mean reciprocal rank (1/rank of the expected item, 0 when it is
not among the first ``depth`` hits). Used by tests/test_search_relevance.py (with the cases in
tests/facts/search_relevance.yaml) and by bench/search.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from vnr_desktop.core.search.engine import search
from vnr_desktop.core.search.query import SearchFilters


@dataclass(frozen=True)
class CaseResult:
    case: Mapping[str, Any]
    rank: int | None
    """1-based rank of the expected item; None when it is not in the first ``depth`` hits."""
    top: tuple[str, ...]


@dataclass(frozen=True)
class Report:
    results: tuple[CaseResult, ...]

    @property
    def top1(self) -> float:
        return self._share(lambda r: r.rank == 1)

    @property
    def top3(self) -> float:
        return self._share(lambda r: r.rank is not None and r.rank <= 3)

    @property
    def mrr(self) -> float:
        if not self.results:
            return 0.0
        return sum(1 / r.rank for r in self.results if r.rank) / len(self.results)

    def misses(self, within: int) -> list[CaseResult]:
        return [r for r in self.results if r.rank is None or r.rank > within]

    def summary(self) -> str:
        return (
            f"{len(self.results)} queries: top-1 {self.top1:.1%}  top-3 {self.top3:.1%}  "
            f"MRR {self.mrr:.3f}"
        )

    def _share(self, ok: Any) -> float:
        if not self.results:
            return 0.0
        return sum(1 for r in self.results if ok(r)) / len(self.results)


def evaluate(conn: Any, cases: Iterable[Mapping[str, Any]], depth: int = 10) -> Report:
    """Run every case against ``conn`` (a connection or a Library)."""
    results: list[CaseResult] = []
    for case in cases:
        filters = SearchFilters(
            kinds=(case["kind"],) if case.get("kind") else (),
            home_region=case.get("home"),
            municipality=case.get("municipality"),
        )
        language = str(case.get("language", "nb"))
        hits = search(conn, str(case["query"]), filters, limit=depth, language=language)
        refs = tuple(h.ref for h in hits)
        rank = refs.index(case["expect"]) + 1 if case["expect"] in refs else None
        results.append(CaseResult(case, rank, refs[:5]))
    return Report(tuple(results))

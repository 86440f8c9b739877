"""Ranking of search candidates (see engine.py's docstring for the order, strongest first).

A candidate is one indexed item that retrieval found; ``Ranker.rank`` gives it a sort key, a
score, a group (GROUPS: how the GUI heads the results) and, when it is outdated, why.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from vnr_desktop.core.ids import NATIONAL_BUNDLE, OWN_CONTACTS_BUNDLE
from vnr_desktop.core.search.documents import (
    NO_PHONE,
    OUTDATED,
)
from vnr_desktop.core.search.query import ParsedQuery, SearchFilters, Strength

STALE_AFTER_YEARS = 3
"""A plan whose period ended more than this many years before the current year (and its
measures) is outdated: ranked after current items and marked."""

GROUPS = ("home", "national", "regional", "other", "outdated", "text", "nonumber")
"""Hit.group values in ranking order: names matching every query word in the user's region
(own contacts included), national, regional (the regions, when no home region is set), other
regions, then outdated items whose names match, then the hits whose names do not match every
word (found in the text), and last the contacts of other regions (a home region being set)
that have no usable number: of least use to someone who needs to call."""


@dataclass
class Candidate:
    rowid: int
    bm25: float
    ref: str = ""
    bundle_id: str = ""
    kind: str = ""
    title: str = ""
    label: str = ""
    municipalities: tuple[str, ...] = ()
    phone_digits: tuple[str, ...] = ()
    match_words: tuple[str, ...] = ()
    phones_json: str = "[]"
    flags: tuple[str, ...] = ()
    ends: int = 0
    key: tuple[float, ...] = field(default_factory=tuple)
    score: float = 0.0
    group: str = "other"
    outdated: str = ""
    match: str = "text"


_KIND_RANK = {"contact": 0, "guide": 1, "resource": 3, "plan": 3, "measure": 4}
"""What a worried person looks for first (a contact without a usable number ranks with guides)."""


class Ranker:
    def __init__(self, query: ParsedQuery, filters: SearchFilters, home: str | None) -> None:
        self.query = query
        self.filters = filters
        self.home = home
        self.stale_before = datetime.date.today().year - STALE_AFTER_YEARS

    def region_tier(self, c: Candidate) -> int:
        municipality = self.filters.municipality
        if c.bundle_id == OWN_CONTACTS_BUNDLE:
            return 0
        if self.home is None:
            return 1 if c.bundle_id == NATIONAL_BUNDLE else 2
        if c.bundle_id == self.home:
            if municipality is None or not c.municipalities or municipality in c.municipalities:
                return 0
            return 1
        return 2 if c.bundle_id == NATIONAL_BUNDLE else 3

    def group(self, c: Candidate, region: int) -> str:
        if c.bundle_id == NATIONAL_BUNDLE:
            return "national"
        if c.bundle_id == OWN_CONTACTS_BUNDLE or (self.home is not None and region <= 1):
            return "home"
        return "other" if self.home is not None else "regional"

    def name_class(
        self, c: Candidate, title_tier: int, region: int, no_number: bool
    ) -> tuple[int, str]:
        """(class, group): current name matches by region (0), outdated name matches (1),
        text hits (2), other regions' contacts without a usable number (3)."""
        if title_tier > 1:
            return 2, "text"
        if c.outdated:
            return 1, "outdated"
        if no_number and self.home is not None and region == 3:
            return 3, "nonumber"
        return 0, self.group(c, region)

    def outdated(self, c: Candidate) -> str:
        if OUTDATED in c.flags:
            return "marked outdated"
        if 0 < c.ends < self.stale_before:
            return f"plan period ended {c.ends}"
        return ""

    def strengths(self, c: Candidate) -> list[int]:
        """The best strength of each query word among the item's title-like words."""
        n = len(self.query.words)
        memo = self.query.memo
        for word in c.match_words:
            if word not in memo:
                self.query.strengths(word)
        columns = zip(*map(memo.__getitem__, c.match_words), strict=False)
        best = list(map(max, columns)) or [0] * n
        # Phone numbers count as a title match from three digits on: a number typed in groups
        # ("61 18") as a whole, otherwise each word ("2" in "2.1" must not match 24 16 88 00).
        prefix = self.query.phone_prefix
        for i, w in enumerate(self.query.words):
            typed = prefix if prefix is not None else w.text
            if not w.text.isdigit() or len(typed) < 3:
                continue
            for digits in c.phone_digits:
                if digits.startswith(typed):
                    strength = Strength.EXACT if digits == typed else Strength.PREFIX
                    best[i] = max(best[i], strength)
        return best

    def rank(self, c: Candidate) -> None:
        best = self.strengths(c)
        if c.label and c.label in self.query.numbers:
            title_tier = -1  # a typed measure number ("2.1", "tiltak 12") names the measure
        elif all(s >= Strength.HEAD for s in best):
            title_tier = 0
        elif all(s > Strength.NONE for s in best):
            title_tier = 1
        elif any(s > Strength.NONE for s in best):
            title_tier = 2
        else:
            title_tier = 3
        c.outdated = self.outdated(c)
        c.match = "name" if title_tier <= 0 else "near" if title_tier == 1 else "text"
        quality = sum(best) / len(best)
        region = self.region_tier(c)
        no_number = c.kind == "contact" and NO_PHONE in c.flags
        name_class, c.group = self.name_class(c, title_tier, region, no_number)
        kind = 1 if no_number else _KIND_RANK.get(c.kind, 3)
        relevance = -c.bm25 / (1.0 - c.bm25) if c.bm25 < 0 else 0.0  # 0..1
        c.key = (
            name_class,
            region,
            title_tier,
            bool(c.outdated),
            kind,
            -quality,
            c.bm25,
            len(c.title),
        )
        c.score = (
            (3 - name_class) * 10_000
            + (3 - region) * 1000
            + (3 - title_tier) * 100
            + (0 if c.outdated else 50)
            + (4 - kind) * 10
            + quality
            # Qualities differ by at least 1/len(best) (a mean of whole strengths): bm25's
            # share stays below that, so the score falls in the order ``key`` sorts by.
            + relevance / (len(best) + 1)
        )

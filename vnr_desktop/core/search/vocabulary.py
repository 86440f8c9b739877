"""The index vocabulary: prefix completions, compound parts and typo correction.

Loaded once per index generation (from the search_terms table, 20-90 ms from 10 000 to
100 000 items) and shared between threads; every method only reads the loaded data, and the
per-word memo dictionaries tolerate concurrent use (a lost write only costs a recomputation).

- Compound parts: "vakt" also matches the terms that contain it (barnevernvakt, legevakt),
  "senter" finds krisesenter. A substring scan of the vocabulary (str.find over all terms
  joined, microseconds) does what a trigram index would. SQLite 3.40's trigram tokenizer was
  weighed and left out: it cannot fold é (remove_diacritics arrives in 3.45), its LIKE
  support keeps SQLite's ASCII-only case folding ('%ål%' misses Ålesund), it finds nothing
  for queries under three characters, and a second index of every body roughly doubles the
  index size.
- Typos: when no indexed word starts with what the user typed, the closest terms by
  Levenshtein distance (rapidfuzz) are searched instead: "krisesentret" -> krisesenteret,
  "avvergepligt" -> avvergeplikt. The same is done against word beginnings, so a typo in a
  word still being typed ("barnevernsv") also corrects.
- Typos in names: a word that begins no word of any title, alias or category ("krisesentr",
  "legevkt", "barnevernvkt") is also compared with the title-like words alone (optimal string
  alignment distance: a swap of two letters is one slip), even when some body holds a word it
  begins (krisesentrene): the contact a person is looking for is reached through its name.
- Split compounds: two query words written apart that form a title word ("krise senter",
  "barnevern vakt", "overgreps mottak") are searched as that word (see joined()).
"""

from __future__ import annotations

import bisect
import sqlite3
import threading
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from vnr_desktop.core.search.text import variants

MAX_PARTS = 30
"""Most frequent compound terms a query word expands to."""
MAX_COMPLETIONS = 24
"""Most frequent completions of a word still being typed that are searched."""
MIN_COMPLETION_LENGTH = 4
"""Shorter words use the FTS5 prefix indexes (prefix='1 2 3')."""
MAX_FUZZY = 6
_MEMO_LIMIT = 20_000


TITLE_TWO_SLIPS_FROM = 6
"""Typed words this long may be two slips from a title word ("egevat": legevakt with two
letters lost); shorter ones one. Two slips are tried only when no title word is one away."""


def max_typos(word: str) -> int:
    if len(word) < 4:
        return 0
    return 1 if len(word) < 8 else 2


@dataclass(frozen=True)
class Expansion:
    """What one query word matches besides itself as a prefix.

    ``completions`` lists the most frequent indexed terms the word begins: FTS5 looks up those
    terms directly (cheap, and it stops at a LIMIT), instead of merging the document lists of
    every term with that prefix before returning the first row (15-25 ms for "vold" at 100 000
    items). A rare completion of a short beginning is left out until the user types more.
    """

    completions: tuple[str, ...] | None = None
    """The most frequent terms starting with the word (None: a short word or a number,
    searched as an FTS5 prefix, which the prefix indexes for 1-3 characters make cheap)."""

    parts: tuple[str, ...] = ()
    """Terms that contain the word after their start (compound parts)."""
    fuzzy_terms: tuple[str, ...] = ()
    """Whole terms within typo distance."""
    fuzzy_prefixes: tuple[str, ...] = ()
    """Word beginnings within typo distance (for words still being typed)."""
    fuzzy_completions: tuple[str, ...] = ()
    """Terms the fuzzy prefixes begin (what FTS5 is asked for)."""

    @property
    def fuzzy(self) -> bool:
        return bool(self.fuzzy_terms or self.fuzzy_prefixes)


@dataclass
class Vocabulary:
    terms: list[str]
    """Sorted terms (letters, or letters and digits)."""
    docs: dict[str, int]
    """Number of documents each term occurs in."""
    title_terms: list[str] = field(default_factory=list)
    """Sorted terms of the title-like columns (titles, aliases, places, kind and category)."""
    _shadow: dict[str, str] = field(default_factory=dict)
    _blob: str = ""
    _offsets: list[int] = field(default_factory=list)
    _by_length: dict[int, list[str]] = field(default_factory=dict)
    _title_set: frozenset[str] = frozenset()
    _memo: dict[tuple[str, bool], Expansion] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Vocabulary:
        docs: dict[str, int] = {}
        titles: list[str] = []
        for term, n, in_titles in conn.execute("SELECT term, docs, titles FROM search_terms"):
            if str(term).isdigit():
                continue
            docs[str(term)] = int(n)
            if in_titles > 0:
                titles.append(str(term))
        return cls(sorted(docs), docs, sorted(titles))

    def __post_init__(self) -> None:
        # ASCII stand-in -> an original indexed term it stands in for.
        shadow: dict[str, str] = {}
        for term in self.terms:
            if not term.isascii():
                for variant in variants(term):
                    if variant in self.docs:
                        shadow.setdefault(variant, term)
        self._shadow = shadow
        # All terms in one string, to find the terms containing a word with str.find (C speed).
        offsets: list[int] = []
        pos = 1
        for term in self.terms:
            offsets.append(pos)
            pos += len(term) + 1
        self._offsets = offsets
        self._blob = "\n" + "\n".join(self.terms) + "\n"
        self._title_set = frozenset(self.title_terms)

    def joined(self, first: str, second: str, *, last: bool) -> str | None:
        """The title word that ``first`` and ``second`` written apart stand for ("krise",
        "senter" -> "krisesenter"; with a linking s: "overgrep", "mottak" -> overgrepsmottak),
        or None. A last word still being typed may be the beginning of the second part."""
        if len(first) < 3 or len(second) < 3 or first.isdigit() or second.isdigit():
            return None
        for link in ("", "s", "e"):
            candidate = first + link + second
            if candidate in self._title_set:
                return candidate
            if last and len(second) >= 4:
                i = bisect.bisect_left(self.title_terms, candidate)
                if i < len(self.title_terms) and self.title_terms[i].startswith(candidate):
                    return candidate
        return None

    def _has_title_prefix(self, word: str) -> bool:
        i = bisect.bisect_left(self.title_terms, word)
        return i < len(self.title_terms) and self.title_terms[i].startswith(word)

    def has_prefix(self, word: str) -> bool:
        i = bisect.bisect_left(self.terms, word)
        return i < len(self.terms) and self.terms[i].startswith(word)

    def completions(self, word: str, cap: int = MAX_COMPLETIONS) -> list[str]:
        """The (at most ``cap``) most frequent terms starting with ``word``.

        The ASCII stand-in of a listed term ("opplaering" next to "opplæring") is left out:
        it is indexed in the same documents as the original.
        """
        i = bisect.bisect_left(self.terms, word)
        j = bisect.bisect_left(self.terms, word + "\U0010ffff", i)
        found = self.terms[i:j]
        listed = set(found)
        shadow = self._shadow
        found = [t for t in found if shadow.get(t) not in listed]
        if len(found) > cap:
            found = sorted(found, key=lambda t: -self.docs[t])[:cap]
        return found

    def containing(self, word: str) -> list[str]:
        """Terms that contain ``word`` after their first letter (compound parts)."""
        found: dict[str, None] = {}
        blob, offsets, terms = self._blob, self._offsets, self.terms
        pos = blob.find(word)
        while pos >= 0:
            i = bisect.bisect_right(offsets, pos) - 1
            if offsets[i] != pos:
                found[terms[i]] = None
            pos = blob.find(word, pos + 1)
        return list(found)

    def expand(self, word: str, *, last: bool) -> Expansion:
        """Compound parts and typo corrections of a query word (memoised)."""
        key = (word, last)
        cached = self._memo.get(key)
        if cached is not None:
            return cached
        result = self._expand(word, last=last)
        if len(self._memo) > _MEMO_LIMIT:
            self._memo.clear()
        self._memo[key] = result
        return result

    def _expand(self, word: str, *, last: bool) -> Expansion:
        if word.isdigit() or len(word) < 3:
            return Expansion()
        completions = tuple(self.completions(word)) if len(word) >= MIN_COMPLETION_LENGTH else None
        parts = self.containing(word)
        if len(parts) > MAX_PARTS:
            parts = sorted(parts, key=lambda t: -self.docs[t])[:MAX_PARTS]
        typos = max_typos(word)
        if typos == 0 or self._has_title_prefix(word):
            return Expansion(completions=completions, parts=tuple(parts))
        # A slip in a name: corrected against the title words even when a body holds a word
        # beginning with what was typed.
        title_typos = 2 if len(word) >= TITLE_TWO_SLIPS_FROM else typos
        near = self._terms_near_length(len(word), title_typos, titles=True)
        fuzzy_terms = self._closest(word, near, title_typos, OSA.distance, nearest=True)
        fuzzy_prefixes = self._fuzzy_prefixes(word, self.title_terms) if last else []
        if not self.has_prefix(word):
            near = self._terms_near_length(len(word), typos)
            fuzzy_terms += self._closest(word, near, typos, Levenshtein.distance)
            if last:
                fuzzy_prefixes += self._fuzzy_prefixes(word, self.terms)
        fuzzy_terms = list(dict.fromkeys(fuzzy_terms))
        fuzzy_prefixes = list(dict.fromkeys(fuzzy_prefixes))[:MAX_FUZZY]
        if not (fuzzy_terms or fuzzy_prefixes):
            return Expansion(completions=completions, parts=tuple(parts))
        fuzzy_completions: list[str] = []
        for prefix in fuzzy_prefixes:
            fuzzy_completions += self.completions(prefix, MAX_PARTS)
        return Expansion(
            completions=completions,
            parts=tuple(parts),
            fuzzy_terms=tuple(fuzzy_terms),
            fuzzy_prefixes=tuple(fuzzy_prefixes),
            fuzzy_completions=tuple(dict.fromkeys(fuzzy_completions))[:MAX_PARTS],
        )

    @staticmethod
    def _closest(
        word: str, choices: list[str], typos: int, scorer: Any, *, nearest: bool = False
    ) -> list[str]:
        """Terms within ``typos`` of ``word``; with ``nearest``, only those at the smallest
        distance found (two slips are tried only when no term is one slip away)."""
        if not choices:
            return []
        found = process.extract(word, choices, scorer=scorer, score_cutoff=typos, limit=MAX_FUZZY)
        if nearest and found:
            best = min(distance for _choice, distance, _index in found)
            found = [f for f in found if f[1] == best]
        return [choice for choice, _distance, _index in found]

    def _terms_near_length(self, length: int, typos: int, *, titles: bool = False) -> list[str]:
        key = length * 10 + typos + (1_000_000 if titles else 0)
        terms = self.title_terms if titles else self.terms
        with self._lock:
            cached = self._by_length.get(key)
            if cached is None:
                cached = [t for t in terms if abs(len(t) - length) <= typos]
                self._by_length[key] = cached
        return cached

    def _fuzzy_prefixes(self, word: str, terms: list[str]) -> list[str]:
        """Beginnings of terms (one letter shorter, as long, or one longer than ``word``) one
        typo away from a word still being typed. Only terms sharing its first two letters are
        compared: a typo in the first letters of a half-typed word is left alone."""
        lo = bisect.bisect_left(terms, word[:2])
        hi = bisect.bisect_left(terms, word[:2] + "\U0010ffff", lo)
        found: dict[str, int] = {}
        n = len(word)
        for term in terms[lo:hi]:
            for length in (n - 1, n, n + 1):
                if length < 3 or len(term) < length:
                    continue
                prefix = term[:length]
                if prefix not in found:
                    distance = Levenshtein.distance(word, prefix, score_cutoff=1)
                    if distance <= 1:
                        found[prefix] = distance + abs(length - n)
        return sorted(found, key=lambda p: (found[p], -self.docs.get(p, 0), p))[:MAX_FUZZY]


_cache: dict[tuple[str, int], Vocabulary] = {}
_cache_lock = threading.Lock()


def _database_key(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    path = str(row[2]) if row is not None else ""
    return path or f"memory:{id(conn)}"


def vocabulary(conn: sqlite3.Connection, generation: int) -> Vocabulary:
    """The vocabulary of the index ``conn`` reads, cached per database file and generation."""
    key = (_database_key(conn), generation)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    loaded = Vocabulary.load(conn)
    with _cache_lock:
        for old in [k for k in _cache if k[0] == key[0]]:
            del _cache[old]
        if len(_cache) >= 8:
            _cache.clear()
        _cache[key] = loaded
    return loaded

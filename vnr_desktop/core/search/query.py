"""Turn whatever the user typed into safe FTS5 expressions and in-Python matchers.

Nothing the user types reaches FTS5 as syntax: the query is cut to MAX_QUERY_CHARS, control
characters dropped, and split into words of letters and digits; each word becomes a quoted
FTS5 string (which cannot contain a quote). Quotes, ``*``, ``-``, ``^``, parentheses and
NEAR/AND/OR/NOT are therefore ordinary text.

Each query word matches, in order of strength: an indexed word equal to it, an indexed word it
begins (prefix: search as you type), a compound containing it (vakt -> barnevernvakt), and
typo corrections from the vocabulary. Phone numbers typed with spaces or a country code
("+47 61 18 95 44") become one digit string that matches the contact's number.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum

from vnr_desktop.core.phones import phone_query_digits
from vnr_desktop.core.search.text import clean, index_forms, normalise_query_word, words
from vnr_desktop.core.search.vocabulary import Expansion, Vocabulary

MAX_QUERY_CHARS = 200
MAX_WORDS = 8


@dataclass(frozen=True)
class SearchFilters:
    """What to search in and whom to rank first. Every field is optional.

    - ``kinds``: item kinds to keep (contact, guide, measure, plan, resource).
    - ``audience``: keep items that serve any of these (contact vocabulary: children,
      young_people, adults, older, violence_users, professionals; guides' singular forms
      are accepted). Items for "everyone" always pass; items that state no audience
      (measures, plans) are left out while an audience filter is set.
    - ``region``: keep only this bundle's items (a region id such as ``gjovik``, or
      ``nasjonal``, or ``egne`` for the user's own contacts).
    - ``home_region``: the user's bundle: ranked first, then national, then other regions.
    - ``municipality``: the user's kommunenummer: items covering it rank first within the
      home region (and it gives the home region when ``home_region`` is not set). It ranks;
      it does not filter.
    """

    kinds: tuple[str, ...] = ()
    audience: tuple[str, ...] = ()
    region: str | None = None
    home_region: str | None = None
    municipality: str | None = None


STOP_WORDS = frozenset(
    {
        "og",
        "i",
        "på",
        "til",
        "for",
        "om",
        "med",
        "av",
        "er",
        "en",
        "et",
        "ei",
        "som",
        "å",
        "at",
        "de",
        "den",
        "det",
        "du",
        "jeg",
        "ved",
        "fra",
        "har",
        "kan",
        "skal",
        "eller",
        "men",
        "ikke",
        "der",
        "når",
        "hva",
        "hvem",
        "hvor",
        "the",
        "of",
        "and",
    }
)
"""Dropped from queries of several words (they match almost every item)."""

# Digit groups separated by one or more spaces ("61 18 95 44", "61  18 95 44" pasted with a
# double space) form one run.
_PHONE_RUN = re.compile(r"(?<![\w.])(?:(?:\+|00)\d{2}[ \u00a0]*)?\d+(?:[ \u00a0.\-]+\d+)*(?![\w.])")
_MEASURE_NUMBER = re.compile(
    r"(?<![\w.])\d{1,3}(?:\.\d{1,3})+[a-z]?(?![\w.])|(?<![\w.])\d{1,3}[a-z]?(?![\w.])"
)


class Strength(IntEnum):
    """How a query word matched a word of an item (higher is better)."""

    NONE = 0
    FUZZY = 1
    PART = 2
    """Inside a compound ("vern" in barnevernvakt)."""
    HEAD = 3
    """The last part of a compound, perhaps inflected ("senter" in krisesenteret): in
    Norwegian the last part names the thing (a krisesenter is a senter), so this counts
    as a whole-word match for ranking."""
    PREFIX = 4
    EXACT = 5


INFLECTION_MAX = 3
"""Letters an inflection may add after a compound's last part (-et, -ene, -ets)."""

# Plain ints for the hot loop (IntEnum comparisons are slower).
_FUZZY, _PART, _HEAD, _PREFIX, _EXACT = (
    int(Strength.FUZZY),
    int(Strength.PART),
    int(Strength.HEAD),
    int(Strength.PREFIX),
    int(Strength.EXACT),
)


def _any(terms: Iterable[str], prefixes: Iterable[str]) -> str:
    options = [f'"{p}"*' for p in prefixes] + [f'"{t}"' for t in dict.fromkeys(terms)]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


@dataclass(frozen=True)
class QueryWord:
    text: str
    expansion: Expansion = field(default_factory=Expansion)

    def fts_exact(self) -> str:
        return f'"{self.text}"'

    def fts_prefix(self) -> str:
        """Words beginning with this one: listed completions, or an FTS5 prefix query."""
        completions = self.expansion.completions
        if not completions:
            return f'"{self.text}"*'
        return _any(completions, ())

    def fts(self) -> str:
        """This word with compound parts and typo corrections (quoted strings only)."""
        exp = self.expansion
        completions = exp.completions
        prefixes = [self.text] if not completions else []
        terms = [*(completions or ()), *exp.parts, *exp.fuzzy_terms, *exp.fuzzy_completions]
        return _any(terms, prefixes)

    @functools.cached_property
    def _sets(self) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
        exp = self.expansion
        return frozenset(exp.parts), frozenset(exp.fuzzy_terms), exp.fuzzy_prefixes

    def strength(self, key: str) -> int:
        """How well this word matches an indexed word form ``key`` (lower-case): a Strength."""
        text = self.text
        if key == text:
            return _EXACT
        if key.startswith(text):
            return _PREFIX
        if len(text) >= 3:
            at = key.rfind(text, 1)
            if at > 0:
                return _HEAD if len(key) - at - len(text) <= INFLECTION_MAX else _PART
        _parts, fuzzy_terms, fuzzy_prefixes = self._sets
        if key in fuzzy_terms or (fuzzy_prefixes and key.startswith(fuzzy_prefixes)):
            return _FUZZY
        return 0


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[QueryWord, ...]
    numbers: tuple[str, ...] = ()
    """Measure numbers as typed ("2.1", "12"), matched against a measure's number."""
    memo: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)
    """strengths() of every item word seen so far."""

    def strengths(self, word: str) -> tuple[int, ...]:
        """How well each query word matches the item word ``word`` (lower-case), memoised."""
        cached = self.memo.get(word)
        if cached is None:
            forms = index_forms(word)
            out: list[int] = []
            for w in self.words:
                best = 0
                for form in forms:
                    s = w.strength(form)
                    if s > best:
                        best = s
                out.append(best)
            cached = self.memo[word] = tuple(out)
        return cached

    def best_strength(self, word: str) -> int:
        return max(self.strengths(word), default=0)

    @functools.cached_property
    def phone_prefix(self) -> str | None:
        """The digits of a query made only of digit groups ("61 18" -> "6118")."""
        if self.words and all(w.text.isdigit() for w in self.words):
            return "".join(w.text for w in self.words)
        return None

    @property
    def empty(self) -> bool:
        return not self.words


def _phone_tokens(text: str) -> tuple[str, list[str]]:
    """Replace phone numbers typed in groups by their digits; return the rest and the digits."""
    found: list[str] = []

    def replace(match: re.Match[str]) -> str:
        run = match.group()
        grouped = any(sep in run.strip() for sep in (" ", "\u00a0", ".", "-"))
        digits = phone_query_digits(run)
        if digits is None:
            return run
        if not (run.startswith(("+", "00")) or (grouped and len(digits) >= 5)):
            return run
        found.append(digits)
        return " "

    return _PHONE_RUN.sub(replace, text), found


def split_words(query: str) -> tuple[list[str], list[str]]:
    """The query's words (normalised) and measure numbers, before vocabulary expansion."""
    text = clean(query[:MAX_QUERY_CHARS])
    numbers = [m.group() for m in _MEASURE_NUMBER.finditer(text)]
    text, phone_digits = _phone_tokens(text)
    raw = [normalise_query_word(w) for w in words(text)]
    # normalise_query_word can fold a letter into two words' worth of nothing; re-split.
    found = [w for r in raw for w in words(r)] + phone_digits
    unique = list(dict.fromkeys(found))
    if len(unique) > 1:
        kept = [w for w in unique if w not in STOP_WORDS]
        unique = kept or unique
    if len(unique) > 1 and len(unique[-1]) == 1 and unique[-1].isalpha():
        unique = unique[:-1]  # a word just begun: wait for its second letter
    return unique[:MAX_WORDS], numbers[:MAX_WORDS]


def _join_compounds(texts: list[str], vocabulary: Vocabulary) -> list[str]:
    """Two words written apart that form a title word become that word ("krise senter")."""
    out: list[str] = []
    i = 0
    while i < len(texts):
        if i + 1 < len(texts):
            joined = vocabulary.joined(texts[i], texts[i + 1], last=i + 2 == len(texts))
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(texts[i])
        i += 1
    return out


def parse(query: str, vocabulary: Vocabulary | None) -> ParsedQuery:
    texts, numbers = split_words(query)
    if vocabulary is not None and len(texts) > 1:
        texts = _join_compounds(texts, vocabulary)
    parsed: list[QueryWord] = []
    for i, text in enumerate(texts):
        last = i == len(texts) - 1
        expansion = vocabulary.expand(text, last=last) if vocabulary is not None else Expansion()
        parsed.append(QueryWord(text, expansion))
    return ParsedQuery(tuple(parsed), tuple(numbers))

"""Highlighted snippets, cut in Python from the text as printed.

A snippet is a tuple of spans ``(text, highlighted)``. ``render()`` turns spans into a string
with markers (the CLI uses ``[`` and ``]``); ``to_html()`` gives escaped Qt rich text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

from vnr_desktop.core.search.query import ParsedQuery, Strength

Span = tuple[str, bool]

SNIPPET_CHARS = 160
_CONTEXT_BEFORE = 40
_MAX_SCAN_CHARS = 30_000
_MAX_MARKS = 16
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")


def _fold_table() -> dict[int, str]:
    """Lower-case letters mapped one-to-one onto a plain letter: ø->o, æ->a, å->a, é->e...

    Used to match what a user typed ("gjovik", "kafe") against the text as printed; the match
    is then checked against the real word (mål is not mal).
    """
    table: dict[int, str] = {ord("ø"): "o", ord("æ"): "a", ord("å"): "a", ord("ö"): "o"}
    for code in range(0xC0, 0x100):  # Latin-1: small letter classes compile fast
        ch = chr(code).lower()
        if len(ch) != 1 or ord(ch) in table:
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch and base.isascii():
            table[ord(ch)] = base
    return table


_FOLD = _fold_table()
_STAND_INS = (("aa", "a"), ("ae", "a"), ("oe", "o"))
_WORD_START = r"(?<![^\W_])"


def _letter_classes() -> dict[str, str]:
    """For each plain letter, a regex class of the letters that fold onto it ("o": [oøöó...])."""
    members: dict[str, list[str]] = {}
    for code, base in _FOLD.items():
        members.setdefault(base, [base]).append(chr(code))
    return {base: "[" + "".join(sorted(set(chars))) + "]" for base, chars in members.items()}


_CLASSES = _letter_classes()


def _loose(literal: str) -> str:
    """A pattern over lower-case text matching what folds onto ``literal`` (it is faster to
    match letter classes in the lower-cased text than to fold the text first)."""
    return "".join(_CLASSES.get(ch) or re.escape(ch) for ch in literal)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _literals(word: str) -> set[str]:
    """The folded forms a query word can take in folded text ("gjoevik" -> gjovik)."""
    folded = word.translate(_FOLD)
    forms = {folded}
    collapsed = folded
    for pair, letter in _STAND_INS:
        collapsed = collapsed.replace(pair, letter)
    forms.add(collapsed)
    return {f for f in forms if f}


_FUZZY_ANCHOR_MIN = 3


def _common_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def highlight_pattern(query: ParsedQuery) -> re.Pattern[str] | None:
    """One regex over lower-cased text that finds candidate words for highlighting.

    It looks for each query word (anywhere in a word for words of three letters or more:
    compound parts such as "vakt" in barnevernvakt; at a word's start otherwise) and for the
    common beginning of its typo corrections (one short alternative instead of one per
    correction keeps the scan of a long guide fast). Each candidate word is then checked
    against the query (mål is not mal).
    """
    alternatives: set[str] = set()
    for word in query.words:
        anchor = "" if len(word.text) >= 3 else _WORD_START
        alternatives |= {anchor + _loose(f) for f in _literals(word.text)}
        fuzzy = [*word.expansion.fuzzy_prefixes, *word.expansion.fuzzy_terms]
        if not fuzzy:
            continue
        common = _common_prefix(fuzzy)
        stems = [common] if len(common) >= _FUZZY_ANCHOR_MIN else [f[:5] for f in fuzzy]
        for stem in stems:
            alternatives |= {_WORD_START + _loose(f) for f in _literals(stem)}
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile("(?:" + "|".join(ordered) + ")")


def _matching_words(
    text: str, query: ParsedQuery, pattern: re.Pattern[str] | None
) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that a query word matches (prefix or part of them)."""
    spans: list[tuple[int, int]] = []
    if pattern is None:
        return spans
    for hit in pattern.finditer(_lower_same_length(text[:_MAX_SCAN_CHARS])):
        # Extend the hit to the whole word around it, then check it really matches.
        start = hit.start()
        while start > 0 and text[start - 1].isalnum():
            start -= 1
        word = _WORD.match(text, start)
        end = word.end() if word is not None else hit.end()
        if spans and start < spans[-1][1]:
            continue
        if query.best_strength(text[start:end].lower()) > Strength.NONE:
            spans.append((start, end))
            if len(spans) >= _MAX_MARKS:
                break
    return spans


def _spans(text: str, marks: Iterable[tuple[int, int]]) -> tuple[Span, ...]:
    out: list[Span] = []
    pos = 0
    for start, end in marks:
        if start > pos:
            out.append((text[pos:start], False))
        out.append((text[start:end], True))
        pos = end
    if pos < len(text):
        out.append((text[pos:], False))
    return tuple(out)


def highlight(text: str, query: ParsedQuery, pattern: re.Pattern[str] | None) -> tuple[Span, ...]:
    """The whole of a short text (a title) with its matching words marked."""
    return _spans(text, _matching_words(text, query, pattern))


def _densest(text: str, marks: list[tuple[int, int]], width: int) -> int:
    """Start of the mark after which a window of ``width`` holds the most distinct words."""
    best, best_count = marks[0][0], 0
    j = 0
    for i, (start, _end) in enumerate(marks):
        j = max(j, i)
        while j + 1 < len(marks) and marks[j + 1][1] <= start + width:
            j += 1
        count = len({text[a:b].lower() for a, b in marks[i : j + 1]})
        if count > best_count:
            best, best_count = start, count
    return best


def _tidy(spans: tuple[Span, ...]) -> list[Span]:
    """Whitespace runs (line breaks between the parts of an item) as single spaces."""
    out: list[Span] = []
    for text, marked in spans:
        text = _SPACE.sub(" ", text)
        if out and out[-1][0].endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            out.append((text, marked))
    if out and out[0][0].startswith(" "):
        out[0] = (out[0][0].lstrip(), out[0][1])
    if out and out[-1][0].endswith(" "):
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return [span for span in out if span[0]]


def snippet(text: str, query: ParsedQuery, pattern: re.Pattern[str] | None) -> tuple[Span, ...]:
    """About SNIPPET_CHARS of ``text`` around the densest cluster of matches, marked."""
    first = len(text) - len(text.lstrip())
    last = len(text.rstrip())
    if first >= last:
        return ()
    marks = _matching_words(text, query, pattern)
    anchor = _densest(text, marks, SNIPPET_CHARS - _CONTEXT_BEFORE) if marks else first
    start = max(first, anchor - _CONTEXT_BEFORE)
    if start > first:  # begin at a word
        space = _SPACE.search(text, start, anchor)
        start = space.end() if space is not None else start
    end = min(last, start + SNIPPET_CHARS)
    if end < last:  # end at a word
        cut = text.rfind(" ", start + SNIPPET_CHARS // 2, end)
        end = cut if cut > 0 else end
    window = [
        (max(a, start) - start, min(b, end) - start) for a, b in marks if a < end and b > start
    ]
    spans = _tidy(_spans(text[start:end], window))
    if start > first:
        spans.insert(0, ("…", False))
    if end < last:
        spans.append(("…", False))
    return tuple(spans)


def render(spans: Iterable[Span], start: str = "[", end: str = "]") -> str:
    """Spans as one string with the highlighted parts between ``start`` and ``end``."""
    return "".join(f"{start}{t}{end}" if marked else t for t, marked in spans)


def to_html(spans: Iterable[Span], tag: str = "b") -> str:
    """Spans as escaped rich text (for a Qt label), highlighted parts in ``<tag>``."""
    return "".join(
        f"<{tag}>{html.escape(t)}</{tag}>" if marked else html.escape(t) for t, marked in spans
    )

"""Highlighted snippets, cut in Python from the text as printed.

A snippet is a tuple of spans ``(text, highlighted)``. ``render()`` turns spans into a string
with markers (the CLI uses ``[`` and ``]``); ``to_html()`` gives escaped Qt rich text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from vnr_desktop.core.search.query import ParsedQuery, Strength

Span = tuple[str, bool]

SNIPPET_CHARS = 160
_CONTEXT_BEFORE = 40
_MAX_SCAN_CHARS = 30_000
_MAX_MARKS = 40
_WORD = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")

# A query letter (typed in ASCII) that may stand for a Norwegian or accented letter.
_STAND_INS = (("aa", "(?:aa|å)"), ("ae", "(?:ae|æ)"), ("oe", "(?:oe|ø)"))
_LOOSE = {
    "a": "[aáàâä]",
    "e": "[eéèêë]",
    "o": "[oøóòôö]",
    "u": "[uúùûü]",
    "i": "[iíìîï]",
    "c": "[cç]",
    "n": "[nñ]",
}


def _loose_pattern(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        for ascii_pair, pattern in _STAND_INS:
            if pair == ascii_pair:
                out.append(pattern)
                i += 2
                break
        else:
            ch = text[i]
            out.append(_LOOSE.get(ch, re.escape(ch)))
            i += 1
    return "".join(out)


_WORD_START = r"(?<![^\W_])"


def highlight_pattern(query: ParsedQuery) -> re.Pattern[str] | None:
    """One regex that finds where the words a query word matches begin.

    Query words of three letters or more may also start inside a word (compound parts:
    "vakt" in barnevernvakt); shorter ones and typo corrections only at a word's start.
    """
    alternatives: list[str] = []
    for word in query.words:
        anchor = "" if len(word.text) >= 3 else _WORD_START
        alternatives.append(anchor + _loose_pattern(word.text))
        fuzzy = [*word.expansion.fuzzy_prefixes, *word.expansion.fuzzy_terms]
        alternatives += [_WORD_START + _loose_pattern(p) for p in fuzzy]
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile("(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


def _matching_words(
    text: str, query: ParsedQuery, pattern: re.Pattern[str] | None
) -> list[tuple[int, int]]:
    """Spans of the words of ``text`` that a query word matches (prefix or part of them)."""
    spans: list[tuple[int, int]] = []
    if pattern is None:
        return spans
    for hit in pattern.finditer(text, 0, min(len(text), _MAX_SCAN_CHARS)):
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


def snippet(text: str, query: ParsedQuery, pattern: re.Pattern[str] | None) -> tuple[Span, ...]:
    """About SNIPPET_CHARS of ``text`` around the densest cluster of matches, marked.

    Whitespace runs (line breaks between the parts of an item) become single spaces.
    """
    marks = _matching_words(text, query, pattern)
    anchor = _densest(text, marks, SNIPPET_CHARS - _CONTEXT_BEFORE) if marks else 0
    # Work on a small chunk of the raw text around the anchor only.
    chunk_start = max(0, anchor - 2 * _CONTEXT_BEFORE)
    raw = text[chunk_start : anchor + 2 * SNIPPET_CHARS]
    lead = _SPACE.sub(" ", text[chunk_start:anchor])
    chunk = _SPACE.sub(" ", raw)
    if chunk_start == 0:
        stripped = chunk.lstrip()
        lead = lead[len(chunk) - len(stripped) :] if len(lead) >= len(chunk) - len(stripped) else ""
        chunk = stripped
    if not chunk.strip():
        return ()
    best = len(lead) if marks else 0
    start = max(0, best - _CONTEXT_BEFORE)
    if start > 0:
        space = chunk.find(" ", start)
        start = space + 1 if 0 <= space < best else start
    end = min(len(chunk), start + SNIPPET_CHARS)
    if end < len(chunk):
        space = chunk.rfind(" ", start, end)
        end = space if space > start + SNIPPET_CHARS // 2 else end
    window = chunk[start:end].strip()
    offset = chunk.find(window, start) if window else start
    spans = list(highlight(window, query, pattern))
    if chunk_start + offset > 0 and text[:chunk_start].strip() + chunk[:offset].strip():
        spans.insert(0, ("…", False))
    if chunk_start + len(raw) < len(text.rstrip()) or end < len(chunk.rstrip()):
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

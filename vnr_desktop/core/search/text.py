"""Norwegian text handling shared by indexing and querying.

The FTS5 table uses ``unicode61 remove_diacritics 0``: æ, ø and å are letters of their own
(mål is not mal). True accents (é, ü, ...) are folded here, in Python, before text reaches the
index or a query. Words that contain æ/ø/å or an accent also get their ASCII stand-ins indexed
(``gjøvik`` -> ``gjovik``, ``gjoevik``; ``ål`` -> ``aal``; ``kafé`` -> ``kafe``) so a user on a
keyboard without those letters still finds them, while the original spelling stays distinct.

``words()`` approximates the unicode61 tokenizer (runs of letters and digits, lower-cased), so
terms computed here are terms the index holds.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

NORWEGIAN_LETTERS = frozenset("æøå")

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")

# Letters users type for Norwegian ones on Swedish/German/Danish habits.
_QUERY_LETTER_MAP = str.maketrans({"ö": "ø", "ä": "æ"})
_ASCII_STAND_INS = (
    str.maketrans({"ø": "o", "æ": "ae", "å": "aa"}),
    str.maketrans({"ø": "oe", "æ": "ae", "å": "aa"}),
)


def fold_accents(text: str) -> str:
    """Remove true accents (é -> e, ü -> u) but keep æ, ø, å (and Æ, Ø, Å) intact."""
    if text.isascii():
        return text
    out: list[str] = []
    for ch in text:
        if ch.isascii() or ch.lower() in NORWEGIAN_LETTERS:
            out.append(ch)
            continue
        decomposed = unicodedata.normalize("NFD", ch)
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        out.append(unicodedata.normalize("NFC", base) or ch)
    return "".join(out)


def clean(text: str) -> str:
    """NFC, control and invisible characters replaced by spaces."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", text))


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` as the index tokenizer sees them (no accent folding)."""
    return _WORD.findall(text.lower())


@functools.lru_cache(maxsize=32)
def text_words(text: str) -> tuple[str, ...]:
    """``words(text)``, remembered for the last few texts.

    Indexing a document tokenises its body for the body's ASCII stand-ins (variant_text) and
    again for the vocabulary counts (index.document_terms); a body of 10 kB is then read once.
    """
    return tuple(words(text))


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every word in ``text``."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


@functools.lru_cache(maxsize=65536)
def sorted_variants(word: str) -> tuple[str, ...]:
    """``variants(word)`` in sorted order, computed once per word (indexing asks for the same
    words in document after document)."""
    if word.isascii():
        return ()
    folded = fold_accents(word)
    out = {folded}
    if any(c in NORWEGIAN_LETTERS for c in folded):
        out.update(folded.translate(t) for t in _ASCII_STAND_INS)
    out.discard(word)
    return tuple(sorted(out))


def variants(word: str) -> set[str]:
    """Other spellings a user may type for ``word`` (lower-case): accent-free and ASCII forms."""
    return set(sorted_variants(word))


def variant_words(words_: Iterable[str]) -> list[str]:
    """The ASCII stand-ins of ``words_`` that have any, each word's once, in order."""
    seen: set[str] = set()
    out: list[str] = []
    for word in words_:
        if word in seen or word.isascii():
            continue
        seen.add(word)
        out.extend(sorted_variants(word))
    return out


def variant_text(text: str) -> str:
    """The ASCII stand-ins of every word in ``text`` that has any, space-separated."""
    if text.isascii():
        return ""
    return " ".join(variant_words(text_words(text)))


def normalise_query_word(word: str) -> str:
    """A query word as it is matched: lower-case, ö/ä read as ø/æ, true accents folded."""
    return fold_accents(word.lower().translate(_QUERY_LETTER_MAP))


def match_keys(word: str) -> set[str]:
    """Every form under which the indexed ``word`` can be matched (itself and its variants)."""
    return {word, *variants(word)}


@functools.lru_cache(maxsize=65536)
def index_forms(word: str) -> frozenset[str]:
    """The forms under which a word of an item, as printed (lower-cased), is indexed."""
    return frozenset(match_keys(fold_accents(word)) | {word})

"""Clean text: content never holds a character a reader cannot see.

Every string in content (bundles, signed content.json, own contacts) and in card definitions
passes :func:`check_clean`. It refuses

* control characters (Unicode ``Cc``: carriage return, ``\\x1f``, U+0085 ...), except tab and
  line feed in a multi-line field;
* format characters (``Cf``: bidi overrides and isolates such as U+202E, zero-width space,
  soft hyphen, byte order mark), except a zero-width joiner or non-joiner between two letters;
* line and paragraph separators (``Zl``, ``Zp``: U+2028, U+2029).

A carriage return hides the first half of a number on a terminal, a right-to-left override
shows digits in another order, a line separator splits a number on a card: each can put a
wrong number in front of a person. The content types (``Text``, ``ShortText``
in core.models, ``Prose`` in card definitions) apply the check as pydantic validators, so a
violation is a validation error located at its field (file, line, column) like any other.
This module imports only the standard library (core.phones uses it at start-up).
"""

from __future__ import annotations

import unicodedata

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_JOINERS = frozenset({"\u200c", "\u200d"})
_MULTILINE_ALLOWED = frozenset({"\n", "\t"})
_CONTROL_NAMES = {
    "\t": "TAB",
    "\n": "LINE FEED",
    "\r": "CARRIAGE RETURN",
    "\x85": "NEXT LINE",
    "\x00": "NULL",
    "\x0b": "LINE TABULATION",
    "\x0c": "FORM FEED",
    "\x1c": "FILE SEPARATOR",
    "\x1d": "GROUP SEPARATOR",
    "\x1e": "RECORD SEPARATOR",
    "\x1f": "UNIT SEPARATOR",
    "\x7f": "DELETE",
}


class UncleanTextError(ValueError):
    """Text holding a character a reader cannot see. ``index`` is 0-based in the text."""

    def __init__(self, message: str, char: str, index: int) -> None:
        super().__init__(message)
        self.char = char
        self.index = index


def describe_char(ch: str) -> str:
    """``'\\r'`` -> ``U+000D CARRIAGE RETURN``."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ch, "")
    if not name and unicodedata.category(ch) == "Cc":
        name = "control character"
    return f"U+{ord(ch):04X} {name}".rstrip()


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def find_unclean(text: str, *, multiline: bool = False) -> int | None:
    """The index of the first refused character in ``text``, or None if it is clean."""
    probe = text.replace("\n", "").replace("\t", "") if multiline else text
    if probe.isprintable():
        # Nearly all text: one C-speed pass. Printable characters are never Cc/Cf/Zl/Zp, so
        # there is nothing to refuse; anything else (a joiner, a no-break space) is looked at
        # one character at a time below.
        return None
    for i, ch in enumerate(text):
        if ch.isprintable() and ch not in _JOINERS:
            continue  # fast path: printable characters are never Cc/Cf/Zl/Zp
        if multiline and ch in _MULTILINE_ALLOWED:
            continue
        category = unicodedata.category(ch)
        if category not in _REFUSED_CATEGORIES:
            continue
        inside_word = 0 < i < len(text) - 1 and _is_letter(text[i - 1]) and _is_letter(text[i + 1])
        if ch in _JOINERS and inside_word:
            continue
        return i
    return None


def check_clean(text: str, *, multiline: bool = False) -> str:
    """Return ``text`` or raise UncleanTextError naming the first refused character."""
    index = find_unclean(text, multiline=multiline)
    if index is None:
        return text
    ch = text[index]
    where = f"character {index + 1} of {len(text)}"
    before = text[max(0, index - 12) : index]
    context = f" after {before!r}" if before else " at the start"
    allowed = "" if multiline or ch not in _MULTILINE_ALLOWED else " (this field is one line)"
    raise UncleanTextError(
        f"contains {describe_char(ch)}, a character a reader cannot see (usynlig tegn), "
        f"at {where}{context}{allowed}: remove it",
        ch,
        index,
    )


def clean_line(text: str) -> str:
    """Validator for one-line text (names, labels, hours): no control character at all."""
    return check_clean(text, multiline=False)


def clean_multiline(text: str) -> str:
    """Validator for multi-line text (descriptions, notes): tab and line feed allowed."""
    return check_clean(text, multiline=True)

"""Phone numbers: one normalised form for matching, the printed form for display.

Norwegian numbers are 8 digits (``61 18 95 44``, ``800 57 000``), or short service numbers
(``112``, ``02800``, ``116 111``). A ``+47``/``0047`` prefix is dropped; other country codes are
kept with a leading ``+``. The printed form is never rewritten: cards print what the source
printed, so a reader can compare it with the source.
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\u00a0\u202f.\-–()/]")
_NORWEGIAN_LENGTHS = {3, 4, 5, 6, 8}


class PhoneFormatError(ValueError):
    """A string that is not a phone number in a form we can dial."""


def normalise_phone(text: str) -> str:
    """Return the digits of ``text`` (``+CC...`` for foreign numbers) or raise PhoneFormatError."""
    raw = _SEPARATORS.sub("", text)
    if not raw:
        raise PhoneFormatError(f"{text!r} is not a phone number: it has no digits")
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    if raw.startswith("+"):
        digits = raw[1:]
        if not digits.isdigit() or not digits.isascii():
            raise PhoneFormatError(f"{text!r} is not a phone number: only digits may follow '+'")
        if digits.startswith("47"):
            national = digits[2:]
            if len(national) != 8:
                raise PhoneFormatError(
                    f"{text!r} is not a phone number: a +47 number has 8 digits after the code"
                )
            if national.startswith("0"):
                # "+47 00..." would come out as "00...", itself read as an international prefix.
                raise PhoneFormatError(
                    f"{text!r} is not a phone number: no Norwegian number starts with 0 after +47"
                )
            return national
        if not 7 <= len(digits) <= 15:
            raise PhoneFormatError(f"{text!r} is not a phone number: wrong length")
        return "+" + digits
    if not raw.isdigit() or not raw.isascii():
        raise PhoneFormatError(
            f"{text!r} is not a phone number: use digits and spaces only, e.g. '61 18 95 44'"
        )
    if len(raw) == 6 and not raw.startswith("116"):
        raise PhoneFormatError(
            f"{text!r} is not a phone number: six-digit numbers are the 116 xxx help lines; "
            "a Norwegian number has 8 digits"
        )
    if len(raw) not in _NORWEGIAN_LENGTHS:
        raise PhoneFormatError(
            f"{text!r} is not a phone number: a Norwegian number has 8 digits "
            f"(or is a short number such as 112, 02800 or 116 111), this has {len(raw)}"
        )
    return raw


def phone_query_digits(text: str) -> str | None:
    """If ``text`` looks like (part of) a phone number typed by a user, return its digits.

    Used by search: ``"+47 61 18"`` -> ``"6118"``. Returns None for text with letters.
    """
    raw = _SEPARATORS.sub("", text)
    if not raw or len(raw) > 20:
        return None
    if raw.startswith("+47"):
        raw = raw[3:]
    elif raw.startswith("0047"):
        raw = raw[4:]
    elif raw.startswith("+"):
        raw = raw[1:]
    if raw.isdigit() and raw.isascii() and len(raw) >= 2:
        return raw
    return None

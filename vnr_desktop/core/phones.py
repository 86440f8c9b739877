"""Phone numbers: the one module that reads, compares, displays and admits a number.

Everything that computes a number's digits, compares two numbers or decides which of a
contact's numbers a person may see asks this module; nothing else strips separators.

* :func:`parse_phone` reads a number as a source printed it: digits, an optional ``+47``/
  ``0047`` prefix (dropped) or another country code (kept, with ``+``), and the separators in
  :data:`SEPARATORS`. Any other character (letters, control or format characters, line
  separators, non-ASCII digits) is refused, naming the character.
* :attr:`PhoneNumber.display` is the one form a person sees: Norwegian 8-digit numbers grouped
  2-2-2-2 (``61 17 55 60``), mobiles (4xx, 9xx) and 8xx service numbers 3-2-3
  (``952 63 610``, ``800 57 000``); short numbers as the service prints them (``112``,
  ``02800``, ``116 117``). Content keeps the printed spelling for provenance.
* :func:`same_number` answers "is this the same number?" for any two spellings.
* :func:`phones_to_show` answers "may this contact's numbers be shown": not when the contact
  is outdated or has an unresolved conflict, never a value a conflict decision rejected, not
  outside the contact's municipalities. The result names a reason for every number withheld.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vnr_desktop.core.clean_text import describe_char

if TYPE_CHECKING:
    from vnr_desktop.core.models import Conflict, Contact, Phone

SEPARATORS = frozenset(" \u00a0\u202f.-\u2013()/")
"""Characters a printed number may hold between its digits: ASCII space, no-break space,
narrow no-break space, full stop, hyphen, en dash, parentheses and slash. Not ``\\s``: tabs,
carriage returns, U+0085 and U+2028 are refused, they hide part of a number."""

DISPLAY_CHARACTERS = frozenset("0123456789+ ")
"""The only characters :attr:`PhoneNumber.display` ever holds."""

_DIGITS = frozenset("0123456789")
_NORWEGIAN_LENGTHS = {3, 4, 5, 6, 8}
OUTDATED_TAG = "outdated"
"""A contact tagged ``outdated`` shows none of its numbers."""


class PhoneFormatError(ValueError):
    """A string that is not a phone number in a form we can dial."""


@dataclass(frozen=True, order=True)
class PhoneNumber:
    """A parsed number. Equal (and ordered) by :attr:`digits` alone."""

    digits: str
    """National digits (``61175560``, ``116117``) or ``+`` and the digits of a foreign number."""
    display: str = field(compare=False)
    """The form a person sees (only digits, ASCII spaces and a leading ``+``)."""

    def __str__(self) -> str:
        return self.display

    @property
    def is_foreign(self) -> bool:
        return self.digits.startswith("+")

    @property
    def tel_uri(self) -> str:
        if self.is_foreign:
            return f"tel:{self.digits}"
        return f"tel:+47{self.digits}" if len(self.digits) == 8 else f"tel:{self.digits}"


def _compact(text: str) -> str:
    """The text without separators; refuses any other character, naming it."""
    kept: list[str] = []
    for ch in text:
        if ch in SEPARATORS:
            continue
        if ch in _DIGITS or (ch == "+" and not kept):
            kept.append(ch)
            continue
        what = (
            "'+' may only start a number"
            if ch == "+"
            else f"it contains {describe_char(ch)}; use digits and spaces only, e.g. '61 18 95 44'"
        )
        raise PhoneFormatError(f"{text!r} is not a phone number: {what}")
    return "".join(kept)


def parse_phone(text: str) -> PhoneNumber:
    """Read a number as printed; raise PhoneFormatError (saying why) if it is not one."""
    if not isinstance(text, str):
        raise PhoneFormatError(f"{text!r} is not a phone number: not text")
    raw = _compact(text)
    if not raw.strip("+"):
        raise PhoneFormatError(f"{text!r} is not a phone number: it has no digits")
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    if raw.startswith("+"):
        digits = raw[1:]
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
            return PhoneNumber(national, _national_display(national))
        if not 7 <= len(digits) <= 15:
            raise PhoneFormatError(f"{text!r} is not a phone number: wrong length")
        return PhoneNumber("+" + digits, _foreign_display(digits))
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
    return PhoneNumber(raw, _national_display(raw))


_ONE_DIGIT_CODES = frozenset({"1", "7"})
_TWO_DIGIT_CODES = frozenset(
    [
        "20",
        "27",
        "30",
        "31",
        "32",
        "33",
        "34",
        "36",
        "39",
        "40",
        "41",
        "43",
        "44",
        "45",
        "46",
        "47",
        "48",
        "49",
        "51",
        "52",
        "53",
        "54",
        "55",
        "56",
        "57",
        "58",
        "60",
        "61",
        "62",
        "63",
        "64",
        "65",
        "66",
        "81",
        "82",
        "84",
        "86",
        "90",
        "91",
        "92",
        "93",
        "94",
        "95",
        "98",
    ]
)
"""E.164 country codes of one and two digits; every other code has three."""


def _foreign_display(digits: str) -> str:
    """``+`` and the country code, then the rest in groups of three (never a group of one):
    the same form whatever grouping the source printed."""
    if digits[:1] in _ONE_DIGIT_CODES:
        size = 1
    elif digits[:2] in _TWO_DIGIT_CODES:
        size = 2
    else:
        size = 3
    code, rest = digits[:size], digits[size:]
    groups = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if len(groups) > 1 and len(groups[-1]) == 1:
        groups[-2:] = [groups[-2][:2], groups[-2][2:] + groups[-1]]
    return " ".join(["+" + code, *groups])


def _national_display(digits: str) -> str:
    if len(digits) == 8:
        if digits[0] in "489":
            return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    if len(digits) == 6:
        return f"{digits[:3]} {digits[3:]}"
    return digits


def normalise_phone(text: str) -> str:
    """The digits of ``text`` (``+CC...`` for foreign numbers); raise PhoneFormatError."""
    return parse_phone(text).digits


def display_phone(text: str) -> str:
    """The one form a person sees of the number ``text``; raise PhoneFormatError."""
    return parse_phone(text).display


def phone_or_none(text: str) -> PhoneNumber | None:
    """The parsed number, or None if ``text`` is not a number."""
    try:
        return parse_phone(text)
    except PhoneFormatError:
        return None


def same_number(a: str | PhoneNumber, b: str | PhoneNumber) -> bool:
    """True if ``a`` and ``b`` are spellings of the same number (False if either is not one)."""
    pa = a if isinstance(a, PhoneNumber) else phone_or_none(a)
    pb = b if isinstance(b, PhoneNumber) else phone_or_none(b)
    return pa is not None and pa == pb


def phone_query_digits(text: str) -> str | None:
    """If ``text`` looks like (part of) a phone number typed by a user, return its digits.

    Used by search: ``"+47 61 18"`` -> ``"6118"``. Returns None for text with letters.
    """
    try:
        raw = _compact(text)
    except PhoneFormatError:
        return None
    if not raw or len(raw) > 20:
        return None
    if raw.startswith("+47"):
        raw = raw[3:]
    elif raw.startswith("0047"):
        raw = raw[4:]
    elif raw.startswith("+"):
        raw = raw[1:]
    if len(raw) >= 2 and set(raw) <= _DIGITS:
        return raw
    return None


# --------------------------------------------------------------------------- may it be shown


@dataclass(frozen=True)
class Withheld:
    """A number that may not be shown, and why."""

    phone: Phone
    code: str
    """``outdated``, ``unresolved-conflict``, ``rejected`` or ``not-in-coverage``."""
    reason: str


@dataclass(frozen=True)
class ShownPhones:
    """The answer of :func:`phones_to_show`: the numbers that may be shown, in content order,
    and each number withheld with its reason."""

    shown: tuple[Phone, ...]
    withheld: tuple[Withheld, ...] = ()
    reason: str | None = None
    """When nothing is shown: why (the first reason, or the contact's no_phone_reason)."""

    def __bool__(self) -> bool:
        return bool(self.shown)


_NUMBER_FIELD = re.compile(r"^phones?(\[\d+\])?(\.number)?$")


def _is_number_conflict(conflict: Conflict) -> bool:
    """A conflict about a number: its field names one (``phones[0]``), or, whatever the field,
    every value it lists is a number (a typo in the field never lets a rejected number out)."""
    if _NUMBER_FIELD.match(conflict.field.strip()):
        return True
    if conflict.field.strip().startswith("phones"):
        return False  # phones[0].hours, phones[0].label: not the number itself
    return all(phone_or_none(v.value) is not None for v in conflict.values)


def rejected_numbers(conflicts: Iterable[Conflict]) -> list[PhoneNumber]:
    """The numbers decided conflicts rejected (values that are not the same number as the
    chosen one)."""
    out: list[PhoneNumber] = []
    for conflict in conflicts:
        if conflict.decision is None or not _is_number_conflict(conflict):
            continue
        chosen = conflict.decision.chosen
        for value in conflict.values:
            number = phone_or_none(value.value)
            if number is not None and not same_number(number, chosen) and number not in out:
                out.append(number)
    return out


def phones_to_show(contact: Contact, *, municipality: str | None = None) -> ShownPhones:
    """Which of ``contact``'s numbers may be shown (on a card, the strip, a screen, the CLI).

    ``municipality`` (a kommunenummer): withhold the numbers of a contact that lists its
    municipalities and does not serve this one.

    Extending: a further rule (a number closed at a given hour, say) is one more keyword
    argument here (``at: datetime | None = None``) and one more ``Withheld`` code; callers that
    know the hour pass it, every caller gets the rule. Keep withheld reasons free of the
    withheld number itself: they are printed (CLI ``show``, contact views).
    """
    phones: Sequence[Phone] = contact.phones
    contact_reason: tuple[str, str] | None = None
    if OUTDATED_TAG in contact.tags:
        contact_reason = ("outdated", f"{contact.name} is marked outdated")
    else:
        unresolved = [c.field for c in contact.conflicts if c.decision is None]
        if unresolved:
            fields = ", ".join(unresolved)
            contact_reason = (
                "unresolved-conflict",
                f"{contact.name} has an unresolved conflict ({fields})",
            )
        elif municipality and contact.municipalities and municipality not in contact.municipalities:
            contact_reason = (
                "not-in-coverage",
                f"{contact.name} does not serve municipality {municipality}",
            )
    if contact_reason is not None:
        code, reason = contact_reason
        withheld = tuple(Withheld(p, code, reason) for p in phones)
        return ShownPhones((), withheld, reason)
    rejected = rejected_numbers(contact.conflicts)
    shown: list[Phone] = []
    held: list[Withheld] = []
    for phone in phones:
        number = phone_or_none(phone.number)
        if number is None:
            held.append(Withheld(phone, "invalid", f"{phone.number!r} is not a phone number"))
        elif number in rejected:
            held.append(
                Withheld(
                    phone,
                    "rejected",
                    f"{contact.name}: a number was rejected in a conflict decision "
                    "and is never shown",
                )
            )
        else:
            shown.append(phone)
    missing: str | None = None
    if not shown:
        missing = (
            held[0].reason
            if held
            else contact.no_phone_reason or f"{contact.name} has no phone number"
        )
    return ShownPhones(tuple(shown), tuple(held), missing)

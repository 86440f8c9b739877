"""Fuzzing phone number handling: any text is a dialable number or a clear refusal.

A number on a laminated card must be exactly the one the source printed, and the digits the
app matches and dials must be those digits: never silently changed, never a crash.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from reliability_support import examples

from vnr_desktop.core import phones
from vnr_desktop.core.models import Contact, Phone
from vnr_desktop.core.phones import PhoneFormatError, normalise_phone, phone_query_digits

FUZZ = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

NORMALISED = re.compile(r"^(?:\+[0-9]{7,15}|[0-9]{3,6}|[0-9]{8})$")
# The separators core.phones accepts between digits (a tab is refused: it hides part of a
# number on a terminal); the list is the module's own, so the two cannot drift apart.
SEPARATORS = sorted(phones.SEPARATORS)

digits = st.text(alphabet="0123456789", min_size=1, max_size=20)
phoneish = st.lists(
    st.sampled_from([*SEPARATORS, "+", "00", "47", "0047", "+47", "116", "1", "9", "0"])
    | st.characters(categories=("Nd", "No", "Zs", "Pd")),
    max_size=25,
).map("".join)
any_text = st.text(max_size=40) | phoneish


@FUZZ
@given(text=any_text)
@example("")
@example("+")
@example("0047")
@example("+47 0")
@example("１１２")  # full-width digits
@example("١١٢")  # Arabic-Indic digits
@example("11\u00b2")  # superscript two: isdigit() is True
@example("004700000000")  # was "00000000", which does not normalise again
def test_normalise_returns_digits_or_refuses_plainly(text: str) -> None:
    try:
        result = normalise_phone(text)
    except PhoneFormatError as exc:
        message = str(exc)
        assert "is not a phone number" in message
        assert repr(text) in message  # the user sees what they typed
        return
    assert NORMALISED.match(result), (text, result)
    assert not result.startswith("+47"), "Norwegian numbers are kept without the country code"
    assert normalise_phone(result) == result, "normalising is idempotent"
    # Only separators and a country prefix were removed: the digits keep their order.
    typed_digits = "".join(c for c in text if c in "0123456789")
    assert typed_digits.endswith(result.lstrip("+")), (text, result)


@FUZZ
@given(
    # Norwegian eight-digit numbers start with 2-9 (a leading 00 is an international prefix).
    number=st.from_regex(r"\A[2-9][0-9]{7}\Z"),
    groups=st.lists(st.integers(1, 3), min_size=1, max_size=8),
    sep=st.sampled_from(SEPARATORS),
    prefix=st.sampled_from(["", "+47", "+47 ", "0047 ", "0047", "(+47) "]),
)
def test_any_grouping_of_a_norwegian_number_gives_the_same_digits(
    number: str, groups: list[int], sep: str, prefix: str
) -> None:
    parts: list[str] = []
    rest = number
    for g in groups:
        if not rest:
            break
        parts.append(rest[:g])
        rest = rest[g:]
    if rest:
        parts.append(rest)
    typed = prefix + sep.join(parts)
    assert normalise_phone(typed) == number
    phone = Phone(number=typed)
    assert phone.number == typed, "the printed form is never rewritten"
    assert phone.digits == number
    assert phone.tel_uri == f"tel:+47{number}"


@FUZZ
@given(text=any_text)
def test_phone_model_accepts_exactly_what_normalises(text: str) -> None:
    try:
        expected = normalise_phone(text)
    except PhoneFormatError:
        expected = None
    assume(text.strip() or expected is None)
    try:
        phone = Phone(number=text)
    except ValidationError as exc:
        # Refused either as not a number or as empty/too long text: never accepted wrongly.
        assert expected is None or not 1 <= len(text) <= 500, exc
        return
    assert expected is not None
    assert phone.number == text
    assert phone.digits == expected
    assert re.fullmatch(r"tel:\+?[0-9]{3,15}", phone.tel_uri), phone.tel_uri
    # A stored contact keeps the number byte for byte through JSON (library, bundles, sync).
    contact = Contact.model_validate(
        {
            "id": "x",
            "name": "X",
            "category": "other",
            "phones": [{"number": text}],
            "serves": ["everyone"],
            "provenance": {"source": "s", "section": "1", "as_of": "2024-01-01"},
        },
        strict=False,
    )
    again = Contact.model_validate_json(contact.model_dump_json())
    assert again.phones[0].number == text
    assert again.phones[0].digits == expected


@FUZZ
@given(text=any_text)
def test_search_phone_digits_never_raise(text: str) -> None:
    result = phone_query_digits(text)
    if result is not None:
        assert re.fullmatch(r"[0-9]{2,20}", result), result
        typed_digits = "".join(c for c in text if c in "0123456789")
        assert typed_digits.endswith(result)


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("61 18 95 44", "61189544"),
        ("+47 61 18 95 44", "61189544"),
        ("0047 61189544", "61189544"),
        ("800 57 000", "80057000"),
        ("116 111", "116111"),
        ("02800", "02800"),
        ("112", "112"),
        ("+46 8 123 456 78", "+46812345678"),
    ],
)
def test_known_forms(typed: str, digits: str) -> None:
    assert normalise_phone(typed) == digits


@pytest.mark.parametrize(
    "typed", ["", "+", "123 456", "12", "1234567", "123456789", "+47 1234", "61 18 95 4x", "１１２"]
)
def test_known_refusals(typed: str) -> None:
    with pytest.raises(PhoneFormatError):
        normalise_phone(typed)

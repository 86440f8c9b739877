"""core.phones: one rule for a phone number (issue 13).

Property tests (hypothesis) over parsing, comparison and the display form; the display forms
the issue names; refusal of invisible characters; and a scan of the source tree showing that
no other module strips separators from, or compares, phone digits.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vnr_desktop.core.phones import (
    DISPLAY_CHARACTERS,
    SEPARATORS,
    PhoneFormatError,
    display_phone,
    parse_phone,
    phone_query_digits,
    same_number,
)

DIGIT = "0123456789"

# --------------------------------------------------------------------------- strategies

national8 = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from("23456789"),
    st.text(DIGIT, min_size=7, max_size=7),
)
short = st.one_of(
    # "00..." is the international prefix, so no short number starts with it
    st.text(DIGIT, min_size=3, max_size=5).filter(lambda d: not d.startswith("00")),
    st.builds(lambda rest: "116" + rest, st.text(DIGIT, min_size=3, max_size=3)),
)
foreign = st.builds(
    lambda cc, rest: "+" + cc + rest,
    st.sampled_from(["46", "45", "358", "44", "49"]),
    st.text(DIGIT, min_size=6, max_size=10),
)
separator_runs = st.text(sorted(SEPARATORS - {"(", ")"}), min_size=0, max_size=2)


@st.composite
def spelling(draw: st.DrawFn, digits: str) -> str:
    """One way a source may print ``digits``: groups, separators and an optional +47/0047."""
    body = digits
    prefix = ""
    if digits.startswith("+"):
        prefix = draw(st.sampled_from(["+", "00"]))
        body = digits[1:]
    elif len(digits) == 8:
        prefix = draw(st.sampled_from(["", "", "+47", "+47 ", "0047 ", "(+47) "]))
    out = [prefix]
    for i, ch in enumerate(body):
        if i and draw(st.booleans()):
            out.append(draw(separator_runs))
        out.append(ch)
    pad = draw(st.sampled_from(["", " ", "\u00a0"]))
    return pad + "".join(out) + pad


number = st.one_of(national8, short, foreign)


# --------------------------------------------------------------------------- properties


@settings(max_examples=400)
@given(st.data(), number)
def test_any_two_spellings_of_a_number_compare_equal(data, digits):
    a = data.draw(spelling(digits))
    b = data.draw(spelling(digits))
    assert parse_phone(a).digits == digits
    assert same_number(a, b)
    assert parse_phone(a) == parse_phone(b)
    assert display_phone(a) == display_phone(b)


@settings(max_examples=200)
@given(st.data(), number, number)
def test_different_numbers_never_compare_equal(data, x, y):
    assume(x != y)
    assert not same_number(data.draw(spelling(x)), data.draw(spelling(y)))


@settings(max_examples=400)
@given(st.data(), number)
def test_display_parse_display_is_stable_and_uses_only_allowed_characters(data, digits):
    shown = display_phone(data.draw(spelling(digits)))
    assert set(shown) <= DISPLAY_CHARACTERS, shown
    assert shown == shown.strip() and "  " not in shown
    assert display_phone(shown) == shown
    assert parse_phone(shown).digits == digits


refused_chars = st.characters(categories=["Cc", "Cf", "Zl", "Zp"]) | st.sampled_from(
    ["\t", "\r", "\n", "\x1c", "\x1f", "\x85", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff"]
)


@settings(max_examples=300)
@given(st.data(), number, refused_chars)
def test_an_invisible_character_anywhere_is_refused(data, digits, ch):
    text = data.draw(spelling(digits))
    at = data.draw(st.integers(0, len(text)))
    bad = text[:at] + ch + text[at:]
    with pytest.raises(PhoneFormatError) as err:
        parse_phone(bad)
    assert f"U+{ord(ch):04X}" in str(err.value)
    assert not same_number(bad, text)


@given(st.text(max_size=30))
def test_any_text_parses_to_a_clean_display_or_is_refused(text):
    try:
        shown = display_phone(text)
    except PhoneFormatError:
        return
    assert set(shown) <= DISPLAY_CHARACTERS
    assert display_phone(shown) == shown


@given(st.data(), national8)
def test_search_reads_a_typed_number_as_its_digits(data, digits):
    assert phone_query_digits(data.draw(spelling(digits))) == digits


# --------------------------------------------------------------------------- the display forms


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("61175560", "61 17 55 60"),
        ("61 17 55 60", "61 17 55 60"),
        ("+47 61 18 95 44", "61 18 95 44"),
        ("95263610", "952 63 610"),
        ("478 090 50", "478 09 050"),
        ("800 57 000", "800 57 000"),
        ("80057000", "800 57 000"),
        ("0047 815 00 300", "815 00 300"),
        ("22.00.00.00", "22 00 00 00"),
        ("112", "112"),
        ("02800", "02800"),
        ("116117", "116 117"),
        ("116 111", "116 111"),
        ("+46 8 123 45 67", "+46 812 345 67"),
        ("0046-8-1234567", "+46 812 345 67"),
        ("+1 212 555 0100", "+1 212 555 01 00"),
        ("+358 9 1234567", "+358 912 345 67"),
    ],
)
def test_norwegian_display_grouping(printed, shown):
    assert display_phone(printed) == shown


@pytest.mark.parametrize(
    "text",
    [
        "61 18\r95 45",
        "61 18\x1f95 45",
        "61 18\u008595 45",
        "61 18\u202895 45",
        "61 18\u202e95 45",
        "61 18\u200b95 45",
        "61\t18 95 45",
        "61 18 95 4٥",  # an Arabic-Indic digit
        "61 18 95 4５",  # a full-width digit
        "tlf 61 18 95 45",
        "61 18 + 95 45",
        "",
        "  ",
    ],
)
def test_what_is_not_a_number_is_refused_with_the_character_named(text):
    with pytest.raises(PhoneFormatError) as err:
        parse_phone(text)
    for ch in text:
        if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"}:
            assert f"U+{ord(ch):04X}" in str(err.value)


# --------------------------------------------------------------------------- one place


SOURCE = Path(__file__).resolve().parent.parent / "vnr_desktop"
OWNER = SOURCE / "core" / "phones.py"

FORBIDDEN = {
    "digits joined from isdigit()": re.compile(r"join\([^)\n]*isdigit\(\)"),
    "a separator class stripped with re": re.compile(
        r"re\.sub\(\s*r?[\"'][^\"'\n]*\[[^\]\n]*(?:\\s| |\\u00a0)[^\]\n]*(?:\.|-)[^\]\n]*\]"
    ),
    "separators removed with str.replace": re.compile(
        r"\.replace\(\s*[\"'](?: |\.|-|\\u00a0)[\"']\s*,\s*[\"'][\"']\s*\)"
    ),
    "phone digits compared directly": re.compile(
        r"\.digits\s*(?:==|!=|in\b)|(?:==|!=)\s*[\w.]*\.digits\b|\bnot in [\w.]*digits"
    ),
    "a second separator set": re.compile(r"_SEPARATORS\b"),
}

OLD_CODE = {
    "digits joined from isdigit()": 'rejected.add("".join(ch for ch in value.value if ch.isdigit()))',
    "a separator class stripped with re": r'compact = re.sub(r"[ \u00a0.\-]", "", run)',
    "separators removed with str.replace": 'number.replace(" ", "")',
    "phone digits compared directly": "            if phone.digits == digits:",
    "a second separator set": "raw = _SEPARATORS.sub('', text)",
}


@pytest.mark.parametrize("rule", sorted(FORBIDDEN))
def test_the_scan_catches_the_code_it_replaced(rule):
    """Each rule finds the kind of code issue 13 removed (so the scan below can fail)."""
    assert FORBIDDEN[rule].search(OLD_CODE[rule])


def test_no_second_place_strips_or_compares_phone_digits():
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        if path == OWNER:
            continue
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for rule, pattern in FORBIDDEN.items():
                if pattern.search(line):
                    found.append(f"{path.relative_to(SOURCE.parent)}:{n}: {rule}: {line.strip()}")
    assert not found, "\n".join(found)

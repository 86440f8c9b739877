"""The number-for-the-hour and coverage rules (vnr_desktop/core/cards/hours.py) and the
source-note filter, on small hand-made contacts."""

from __future__ import annotations

import datetime as dt

import pytest

from vnr_desktop.core.cards.hours import (
    acute_order,
    around_the_clock,
    coverage_caveat,
    hours_text,
)
from vnr_desktop.core.cards.resolve import strip_source_notes
from vnr_desktop.core.models import Contact

REGION = {
    "3407": "Gjøvik",
    "3448": "Nordre Land",
    "3447": "Søndre Land",
    "3443": "Vestre Toten",
    "3442": "Østre Toten",
}


def _contact(phones, availability="unknown", municipalities=(), conflicts=()):
    return Contact.model_validate(
        {
            "id": "x",
            "name": "X",
            "category": "overgrepsmottak",
            "phones": list(phones),
            "serves": ["everyone"],
            "availability": availability,
            "municipalities": list(municipalities),
            "conflicts": list(conflicts),
            "provenance": {"source": "s", "section": "1", "as_of": dt.date(2023, 12, 1)},
        }
    )


@pytest.mark.parametrize(
    ("hours", "availability", "expected"),
    [
        ("hele døgnet", "unknown", True),
        ("hele døgnet, hele året", "both", True),
        ("Døgnåpen telefon", "daytime", True),
        ("dagtid", "acute", False),
        ("mandag–fredag kl. 9–15", "unknown", False),
        (None, "acute", True),
        (None, "daytime", False),
        (None, "both", None),
        (None, "unknown", None),
    ],
)
def test_around_the_clock(hours, availability, expected):
    contact = _contact([{"number": "61 27 22 16", "hours": hours}], availability)
    assert around_the_clock(contact, contact.phones[0]) is expected


def test_acute_order_puts_the_24_hour_number_first_and_hours_say_when():
    contact = _contact(
        [
            {"number": "61 27 20 18", "hours": "dagtid"},
            {"number": "61 27 22 16", "hours": "hele døgnet"},
        ],
        "both",
    )
    first, second = acute_order(contact, contact.phones)
    assert (first.number, second.number) == ("61 27 22 16", "61 27 20 18")
    assert hours_text(contact, second, "nb") == "dagtid"
    unknown = _contact([{"number": "116 006"}])
    assert hours_text(unknown, unknown.phones[0], "nb") == "åpningstid ikke oppgitt"
    daytime = _contact([{"number": "32 08 53 10"}], "daytime")
    assert hours_text(daytime, daytime.phones[0], "en") == "daytime"


def test_disputed_coverage_asks_the_rest_of_the_region_to_confirm():
    conflict = {
        "field": "municipalities",
        "values": [
            {"value": "alle", "source": "s", "section": "V2"},
            {"value": "tre", "source": "s", "section": "k1"},
        ],
        "decision": {"chosen": "tre", "reason": "r"},
    }
    disputed = _contact([{"number": "61 18 95 44"}], "acute", ["3407", "3447", "3448"], [conflict])
    assert coverage_caveat(disputed, REGION, "nb") == "Vestre og Østre Toten: bekreft lokalt"
    assert coverage_caveat(disputed, REGION, "en") == "Vestre and Østre Toten: confirm locally"
    narrow = _contact([{"number": "46 80 18 35"}], "unknown", ["3407"])
    assert coverage_caveat(narrow, REGION, "nb") == "Gjelder Gjøvik"
    whole = _contact([{"number": "61175560"}], "both")
    assert coverage_caveat(whole, REGION, "nb") is None
    everywhere = _contact([{"number": "61175560"}], "both", list(REGION))
    assert coverage_caveat(everywhere, REGION, "nb") is None


def test_source_notes_never_reach_a_card():
    assert (
        strip_source_notes(
            "Drøft saken anonymt med krisesenter eller politi (Hallingdal-planen, Vedlegg 2)."
        )
        == "Drøft saken anonymt med krisesenter eller politi."
    )
    assert strip_source_notes("Tegn hos barn (Gjøvik-planen)") == "Tegn hos barn"
    assert (
        strip_source_notes("Still åpne spørsmål (ikke ledende)")
        == "Still åpne spørsmål (ikke ledende)"
    )

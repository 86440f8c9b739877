"""Content model rules and phone number handling."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.models import Conflict, Contact, Manifest, Measure, Phone, Plan
from vnr_desktop.core.phones import PhoneFormatError, normalise_phone, phone_query_digits

PROV = {"source": "kilde", "section": "s. 1", "as_of": dt.date(2023, 12, 1)}


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("61 18 95 44", "61189544"),
        ("+47 61 18 95 44", "61189544"),
        ("0047 61189544", "61189544"),
        ("116 117", "116117"),
        ("02800", "02800"),
        ("112", "112"),
        ("800 57 000", "80057000"),
        ("+46 8 123 456 78", "+46812345678"),
    ],
)
def test_phone_normalisation(text, digits):
    assert normalise_phone(text) == digits


@pytest.mark.parametrize(
    "bad", ["", "abc", "61 18 95", "+47 123", "61 18 95 44 1", "６１１８９５４４", "tlf 112"]
)
def test_bad_phone_numbers_are_refused(bad):
    with pytest.raises(PhoneFormatError):
        normalise_phone(bad)


def test_phone_query_digits():
    assert phone_query_digits("+47 61 18") == "6118"
    assert phone_query_digits("61-18-95-44") == "61189544"
    assert phone_query_digits("krisesenter") is None


def test_tel_uri_is_ascii_and_dialable():
    assert Phone(number="61 18 95 44").tel_uri == "tel:+4761189544"
    assert Phone(number="116 111").tel_uri == "tel:116111"


def test_contact_needs_provenance_and_a_phone_or_a_reason():
    base = {"id": "x", "name": "X", "category": "police", "serves": ["adults"]}
    with pytest.raises(ValidationError, match="provenance"):
        Contact.model_validate({**base, "phones": [{"number": "02800"}]})
    with pytest.raises(ValidationError, match="no_phone_reason"):
        Contact.model_validate({**base, "provenance": PROV})
    ok = Contact.model_validate(
        {**base, "provenance": PROV, "no_phone_reason": "Kilden oppgir ikke nummer"}
    )
    assert ok.phones == []


def test_models_are_strict_and_reject_unknown_fields():
    base = {"id": "x", "name": "X", "category": "police", "serves": ["adults"], "provenance": PROV}
    with pytest.raises(ValidationError, match="Extra inputs"):
        Contact.model_validate({**base, "phones": [{"number": "02800"}], "fax": "1"})
    with pytest.raises(ValidationError):
        Contact.model_validate({**base, "phones": [{"number": 2800}]})
    with pytest.raises(ValidationError):
        Contact.model_validate({**base, "phones": [{"number": "02800"}], "category": "fire"})


def test_conflict_decision_must_be_one_of_the_values():
    values = [
        {"value": "800 57 000", "source": "a", "section": "s. 1"},
        {"value": "800 00 057", "source": "b", "section": "s. 2"},
    ]
    Conflict.model_validate(
        {
            "field": "phones[0]",
            "values": values,
            "decision": {"chosen": "800 57 000", "reason": "r"},
        }
    )
    with pytest.raises(ValidationError, match="not one of the values"):
        Conflict.model_validate(
            {
                "field": "phones[0]",
                "values": values,
                "decision": {"chosen": "800 11 111", "reason": "r"},
            }
        )


def test_plan_period_order_and_measure_status():
    with pytest.raises(ValidationError, match="period_end"):
        Plan.model_validate(
            {"id": "p", "title": "P", "period_start": 2027, "period_end": 2024, "provenance": PROV}
        )
    with pytest.raises(ValidationError):
        Measure.model_validate(
            {
                "id": "m",
                "plan": "p",
                "number": "1",
                "title": "T",
                "status": "done",
                "provenance": PROV,
            }
        )


def test_manifest_coverage_and_bundle_json_round_trip():
    manifest = Manifest.model_validate(
        {
            "id": "test",
            "title": "T",
            "version": 1,
            "issued": dt.date(2024, 1, 1),
            "coverage": [{"number": "3407", "name": "Gjøvik"}],
            "publisher": "P",
            "sources": [
                {"id": "kilde", "title": "K", "publisher": "P", "date": dt.date(2024, 1, 1)}
            ],
        }
    )
    assert not manifest.is_national
    with pytest.raises(ValidationError, match="listed twice"):
        Manifest.model_validate(
            {
                **manifest.model_dump(),
                "coverage": [{"number": "3407", "name": "A"}, {"number": "3407", "name": "B"}],
            }
        )
    content = BundleContent(manifest=manifest)
    again = BundleContent.from_json(content.to_json())
    assert again == content
    assert again.content_hash() == content.content_hash()

"""When a measure is due and overdue, and which status a measure of mixed parts shows.

Rules in vnr_desktop/core/measures.py; today is fixed in every test (2026-12-06, the day the
GUI showed "0 forsinket" for Gjøvik).
"""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from vnr_desktop.core import measures
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.models import Measure
from vnr_desktop.core.resources import builtin_bundle_dir

TODAY = dt.date(2026, 12, 6)
PROV = {"source": "s", "section": "Tiltak 1", "as_of": dt.date(2023, 12, 1)}


def _measure(**fields: object) -> Measure:
    base: dict[str, object] = {"id": "t.1", "plan": "p", "number": "1", "title": "T"}
    return Measure.model_validate({**base, **fields, "provenance": PROV})


@pytest.mark.parametrize(
    ("period", "end"),
    [
        ("2024", dt.date(2024, 12, 31)),
        ("2024–2027", dt.date(2027, 12, 31)),
        ("2014-2017 (a og c), 2014-2015 (b)", dt.date(2017, 12, 31)),
        ("jevnlig i planperioden 2021–2024", dt.date(2024, 12, 31)),
        ("2024 / løpende", dt.date(2024, 12, 31)),
        ("løpende", None),
        ("årlig", None),
        (None, None),
    ],
)
def test_a_period_ends_on_the_last_day_of_its_last_year(period: str | None, end: dt.date) -> None:
    assert measures.period_end(period) == end


def test_a_period_without_a_deadline_is_overdue_the_day_after_it_ends() -> None:
    m = _measure(period="2024", status="i_gang")
    assert not measures.is_overdue(m, dt.date(2024, 12, 31))
    assert measures.is_overdue(m, dt.date(2025, 1, 1))
    assert measures.is_overdue(m, TODAY)
    # Done is never overdue; unknown is not done.
    assert not measures.is_overdue(_measure(period="2024", status="gjennomfort"), TODAY)
    assert measures.is_overdue(_measure(period="2024", status="ukjent"), TODAY)
    # Ongoing work without a year, and a period still running, are not overdue.
    assert not measures.is_overdue(_measure(period="løpende", status="i_gang"), TODAY)
    assert not measures.is_overdue(_measure(period="2024–2027", status="planlagt"), TODAY)


def test_an_iso_deadline_wins_over_the_period() -> None:
    m = _measure(period="2024–2027", deadline=dt.date(2025, 6, 30), status="planlagt")
    assert measures.due_date(m) == dt.date(2025, 6, 30)
    assert measures.is_overdue(m, TODAY)


def test_gjovik_in_december_2026_has_overdue_measures() -> None:
    result = load_bundle_dir(builtin_bundle_dir("gjovik"))
    assert result.bundle is not None
    overdue = {m.number for m in result.bundle.measures if measures.is_overdue(m, TODAY)}
    # Every measure whose period ended by 2025 (none is done); "2024–2027" and "løpende" are not.
    expected = {"1", "2", "4", "6", "7", "8", "9", "10", "11", "12", "14", "17"}
    expected |= {"18", "19", "20", "21", "22", "23", "25", "28", "29"}
    assert overdue == expected


def test_a_mixed_measure_never_shows_a_rosier_status_than_its_parts() -> None:
    m = _measure(status="foreslatt", part_statuses=["foreslatt", "planlagt", "i_gang"])
    assert measures.mixed_statuses(m) == ["i_gang", "planlagt", "foreslatt"]
    assert measures.least_advanced(list(m.part_statuses)) == "foreslatt"
    with pytest.raises(ValidationError, match="least advanced"):
        _measure(status="i_gang", part_statuses=["foreslatt", "i_gang"])
    assert measures.mixed_statuses(_measure(status="i_gang", part_statuses=["i_gang"])) == []

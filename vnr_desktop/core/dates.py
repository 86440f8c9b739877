"""How a source date reads: as exact as the source is, never more.

An undated source known only by its plan period shows its year and says it is undated
("2021 (kilden er udatert)"), not a made-up day ("01.01.2021"); a month-only date shows the
month ("desember 2008"); a dated source keeps its full date ("01.12.2023"). Every view that
prints an as-of date (GUI contact and guide pages, emergency strip tooltips, CLI ``show``)
calls ``as_of_text``.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnr_desktop.core.models import DatePrecision, Provenance

MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)

UNDATED_NB = "kilden er udatert"


def date_text(day: _dt.date, precision: DatePrecision = "day") -> str:
    """``day`` as precisely as ``precision`` allows (bokmål)."""
    if precision == "year":
        return f"{day.year} ({UNDATED_NB})"
    if precision == "month":
        return f"{MONTHS_NB[day.month - 1]} {day.year}"
    return day.strftime("%d.%m.%Y")


def as_of_text(prov: Provenance) -> str:
    """A provenance's as-of date as the source states it."""
    return date_text(prov.as_of, prov.as_of_precision)

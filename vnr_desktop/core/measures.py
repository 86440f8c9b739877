"""When a measure (tiltak) is due, whether it is overdue, and how far it has come.

One module owns these rules; the GUI's measures table and any other view call it.

- A measure is due on its ISO ``deadline`` when it has one. Otherwise its ``period`` ("2024",
  "2024–2027", "jevnlig i planperioden 2021–2024", "2024 / løpende") ends on the last day of the
  last year it names. A period that names no year ("løpende", "årlig") has no end.
- A measure past its due day and not done (status other than ``gjennomfort``) is overdue. An
  unknown status counts as not done: nobody has reported it done.
- A measure whose parts carry different status codes is never shown as further along than its
  least advanced part (``Measure.status`` holds that code; ``Measure.part_statuses`` the mix).
"""

from __future__ import annotations

import datetime as _dt
import re

from vnr_desktop.core.models import MEASURE_PROGRESS as PROGRESS
from vnr_desktop.core.models import Measure, MeasureStatus

_YEAR = re.compile(r"(?<!\d)(199\d|20\d\d|2100)(?!\d)")


def period_end(period: str | None) -> _dt.date | None:
    """The last day of the last year a period names, or None when it names no year."""
    if not period:
        return None
    years = [int(y) for y in _YEAR.findall(period)]
    return _dt.date(max(years), 12, 31) if years else None


def due_date(measure: Measure) -> _dt.date | None:
    """The day by which the measure should be done: its deadline, else its period's end."""
    return measure.deadline if measure.deadline is not None else period_end(measure.period)


def is_overdue(measure: Measure, today: _dt.date) -> bool:
    """Past its due day and not done."""
    due = due_date(measure)
    return due is not None and due < today and measure.status != "gjennomfort"


def least_advanced(statuses: list[MeasureStatus]) -> MeasureStatus:
    """The least advanced of several status codes (the one a mixed measure shows)."""
    return min(statuses, key=PROGRESS.index)


def mixed_statuses(measure: Measure) -> list[MeasureStatus]:
    """The distinct codes of the measure's parts, most advanced first; empty when not mixed."""
    distinct = sorted(set(measure.part_statuses), key=PROGRESS.index, reverse=True)
    return distinct if len(distinct) > 1 else []

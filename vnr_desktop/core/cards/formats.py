"""Print formats: trim sizes, bleed, safe margins, type sizes and their floors.

All lengths are millimetres unless a name ends in ``_pt``. Type sizes are the preferred size
and the floor: a side whose text does not fit at the preferred size is set smaller, step by
step, but never below the floor (then it is an overflow error naming the panel).
"""

from __future__ import annotations

from dataclasses import dataclass

from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.errors import CardRequestError

MM = 72.0 / 25.4
"""Points per millimetre."""

BLEED_MM = 3.0


@dataclass(frozen=True)
class TypeSizes:
    """Preferred sizes in points; ``*_min`` are the floors."""

    title: float
    heading: float
    body: float
    body_min: float
    number: float
    number_min: float
    meta: float
    leading: float = 1.18
    label_ratio: float = 1.0
    """Labels next to numbers are body size times this (larger on posters)."""

    def scaled(self, factor: float) -> TypeSizes:
        """Every size times ``factor``, floors included (A3 is A4 scaled)."""
        return TypeSizes(
            title=self.title * factor,
            heading=self.heading * factor,
            body=self.body * factor,
            body_min=self.body_min * factor,
            number=self.number * factor,
            number_min=self.number_min * factor,
            meta=self.meta * factor,
            leading=self.leading,
            label_ratio=self.label_ratio,
        )


@dataclass(frozen=True)
class FormatSpec:
    id: str
    label: str
    family: str
    content_class: str
    panel_w: float
    """Width of one side (one panel of a fold) in portrait/landscape as printed, mm."""
    panel_h: float
    safe: float
    """Text keeps this far inside the trim, mm."""
    gap: float
    """Space between panels, mm."""
    sizes: TypeSizes
    qr_mm: float
    rule_pt: float
    """Line weight of rules and blank lines."""
    max_scale: float = 1.3
    """How much larger than preferred type may be set when a side has room to spare."""

    def oriented(self, orientation: str | None) -> tuple[float, float]:
        """Trim size of one side for a layout's orientation (posters only choose)."""
        w, h = self.panel_w, self.panel_h
        if orientation == "landscape" and w < h:
            return h, w
        if orientation == "portrait" and w > h:
            return h, w
        return w, h


_POSTER_A4 = TypeSizes(
    title=34,
    heading=22,
    body=18,
    body_min=16,
    number=34,
    number_min=28,
    meta=10,
    leading=1.16,
    label_ratio=1.1,
)
"""A poster is read from two metres: it is set as large as it fits (preferred body 18 pt on A4,
A3 is A4 × √2), never below 16 pt on A4 (22.6 pt on A3). The four-step cards carry every sign,
trigger and duty, which at 16 pt needs about 1.5 A4 pages: their poster layouts have a second
page (``page2``, two sheets side by side, "1/2" and "2/2" in the title band)."""
_POSTER_CAP = 1.4
"""Posters grow up to 1.4 × the preferred sizes (body 25 pt on A4) to fill the page."""
_SQRT2 = 2**0.5

FORMATS: dict[str, FormatSpec] = {
    "id1": FormatSpec(
        id="id1",
        label="ID-1 lommekort 85,6 × 53,98 mm",
        family="id1",
        content_class="id1",
        panel_w=85.6,
        panel_h=53.98,
        safe=3.0,
        gap=2.0,
        sizes=TypeSizes(
            title=8.6,
            heading=7.6,
            body=7.0,
            body_min=7.0,
            number=9.5,
            number_min=9.0,
            meta=7.0,
            leading=1.14,
        ),
        qr_mm=11.0,
        rule_pt=0.5,
    ),
    "a7": FormatSpec(
        id="a7",
        label="A7 74 × 105 mm",
        family="a7",
        content_class="a7",
        panel_w=74.0,
        panel_h=105.0,
        safe=4.0,
        gap=2.2,
        sizes=TypeSizes(
            title=10.5,
            heading=8.6,
            body=7.8,
            body_min=7.0,
            number=10.5,
            number_min=9.0,
            meta=7.0,
            leading=1.16,
        ),
        qr_mm=12.0,
        rule_pt=0.6,
    ),
    "a6-fold": FormatSpec(
        id="a6-fold",
        label="A6 brettet til A7 (fire felt)",
        family="fold",
        content_class="fold",
        panel_w=74.0,
        panel_h=105.0,
        safe=4.0,
        gap=2.4,
        sizes=TypeSizes(
            title=12.0,
            heading=9.6,
            body=8.8,
            body_min=7.0,
            number=12.0,
            number_min=9.0,
            meta=7.0,
            leading=1.18,
        ),
        qr_mm=12.0,
        rule_pt=0.6,
    ),
    "a4-poster": FormatSpec(
        id="a4-poster",
        label="A4 plakat",
        family="poster",
        content_class="poster",
        panel_w=210.0,
        panel_h=297.0,
        safe=10.0,
        gap=5.0,
        sizes=_POSTER_A4,
        qr_mm=25.0,
        rule_pt=1.0,
        max_scale=_POSTER_CAP,
    ),
    "a3-poster": FormatSpec(
        id="a3-poster",
        label="A3 plakat",
        family="poster",
        content_class="poster",
        panel_w=297.0,
        panel_h=420.0,
        safe=14.0,
        gap=7.0,
        sizes=_POSTER_A4.scaled(_SQRT2),
        qr_mm=35.0,
        rule_pt=1.4,
        max_scale=_POSTER_CAP,
    ),
}
assert tuple(FORMATS) == FORMAT_IDS


def format_spec(fmt: str) -> FormatSpec:
    try:
        return FORMATS[fmt]
    except KeyError:
        raise CardRequestError(f"unknown format {fmt!r} (formats: {', '.join(FORMATS)})") from None

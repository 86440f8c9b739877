"""The PDF canvas every card and sheet is drawn on: fonts, a date from the content, page
boxes, and each side of a card drawn once as a form XObject (shared by render and imposition).
"""

from __future__ import annotations

import datetime as _dt
import io

from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas

from vnr_desktop import __version__
from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.fit import CardPlan, draw_side
from vnr_desktop.core.cards.formats import BLEED_MM, MM, FormatSpec
from vnr_desktop.core.cards.printshop import make_print_shop
from vnr_desktop.core.cards.resolve import ResolvedCard

FOLD_CLEAR_MM = 2.0
"""A colour band on a folded card stops this far from the fold."""
FOLD_MARK_GAP_MM = 1.0
"""Fold marks end this far outside the trim."""

FOLD_PAGES: tuple[tuple[str, str], ...] = (("back", "cover"), ("inside_left", "inside_right"))
"""A6 folded to A7: the outside page (back | cover) and the inside page."""


def side_size(spec: FormatSpec, rc: ResolvedCard) -> tuple[float, float]:
    """Trim size of one side (one panel of a fold), mm."""
    return spec.oriented(rc.layout.orientation)


def _side_bleed(spec: FormatSpec, side: str) -> tuple[float, float, float, float]:
    """Bleed on (left, bottom, right, top) of a side in mm: none at a fold."""
    b = BLEED_MM
    if spec.family != "fold":
        return b, b, b, b
    left_panels = {pages[0] for pages in FOLD_PAGES}
    return (b, b, 0.0, b) if side in left_panels else (0.0, b, b, b)


def _fixed_timestamp(day: _dt.date) -> TimeStamp:
    ts = TimeStamp(invariant=True)
    moment = _dt.datetime(day.year, day.month, day.day, 12, 0, 0, tzinfo=_dt.UTC)
    ts.t = moment.timestamp()
    ts.lt = moment.timetuple()
    ts.YMDhms = (day.year, day.month, day.day, 12, 0, 0)
    ts.dhh = 0
    ts.dmm = 0
    ts.tzname = "UTC"
    return ts


def new_canvas(
    buffer: io.BytesIO,
    pagesize: tuple[float, float],
    *,
    title: str,
    subject: str,
    day: _dt.date,
    lang: str,
    print_shop: bool = False,
) -> Canvas:
    """A canvas with the card fonts, a date from the content and, for ``print_shop``, CMYK
    colours only and the PDF/X output intent."""
    fonts.ensure_fonts()
    c = Canvas(
        buffer,
        pagesize=pagesize,
        invariant=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=8,
        pageCompression=1,
        lang="nb-NO" if lang == "nb" else "en",
        enforceColorSpace=palette.print_colour if print_shop else None,
    )
    if print_shop:
        make_print_shop(c)
    c._doc._timeStamp = _fixed_timestamp(day)  # the date comes from the content
    c.setTitle(title)
    c.setSubject(subject)
    c.setAuthor("VNR Desktop")
    c.setCreator(f"VNR Desktop {__version__}")
    c.setProducer(f"VNR Desktop {__version__} (ReportLab)")
    return c


def set_boxes(
    c: Canvas,
    media: tuple[float, float],
    trim: tuple[float, float, float, float] | None,
    *,
    art: bool = True,
) -> None:
    """Media, crop, bleed and trim box of the current page (and the art box unless ``art`` is
    False: PDF/X wants the TrimBox alone)."""
    w, h = media
    c.setPageSize(media)
    c.setCropBox((0, 0, w, h))
    c.setBleedBox((0, 0, w, h))
    c.setTrimBox(trim if trim is not None else (0, 0, w, h))
    if art:
        c.setArtBox(trim if trim is not None else (0, 0, w, h))


def define_forms(
    c: Canvas, rc: ResolvedCard, plan: CardPlan
) -> dict[str, tuple[float, float, float, float]]:
    """Draw each side once as a form; returns each form's bleed box in points."""
    boxes = {}
    for side, sp in plan.sides.items():
        left, bottom, right, top = (v * MM for v in _side_bleed(rc.spec, side))
        box = (-left, -bottom, sp.width + right, sp.height + top)
        c.beginForm(form_name(rc, side), *box)
        c.setFillColorRGB(1, 1, 1)
        c.rect(box[0], box[1], box[2] - box[0], box[3] - box[1], stroke=0, fill=1)
        draw_side(c, sp, _band_box(box, left, right, sp.width))
        c.endForm()
        boxes[side] = box
    return boxes


def _band_box(
    box: tuple[float, float, float, float], left: float, right: float, width: float
) -> tuple[float, float, float, float]:
    """How far a bleeding colour band may reach: the bleed, but at a fold (no bleed on that
    side) it stops FOLD_CLEAR_MM short of the fold, so a fold a little off the line never
    carries the cover's colour over to the back."""
    x0, y0, x1, y1 = box
    clear = FOLD_CLEAR_MM * MM
    return (clear if left == 0 else x0, y0, width - clear if right == 0 else x1, y1)


def fold_marks(c: Canvas, x: float, media_h: float, bleed: float) -> None:
    """Short fold marks at ``x`` (points) in the top and bottom bleed margins, outside the
    trim (they end FOLD_MARK_GAP_MM before it) and so cut off with the bleed."""
    gap = FOLD_MARK_GAP_MM * MM
    c.saveState()
    c.setStrokeColorRGB(0, 0, 0)
    c.setLineWidth(0.5)
    c.line(x, 0, x, bleed - gap)
    c.line(x, media_h, x, media_h - bleed + gap)
    c.restoreState()


def form_name(rc: ResolvedCard, side: str) -> str:
    return f"{rc.card_id}_{rc.format}_{side}".replace("-", "_")


def pages_of(rc: ResolvedCard) -> list[tuple[str, ...]]:
    """Sides per printed page: one each, or two per page for the fold."""
    if rc.spec.family == "fold":
        return [pages for pages in FOLD_PAGES]
    return [(side,) for side in rc.layout.sides]

"""Imposed sheets: cards on A4 or A3 with crop marks in the margin and backs placed for duplex.

Sheets (``SHEETS``):

- ``a4``: as many cards as fit with 6 mm gutters, so each card keeps its 3 mm bleed (ID-1
  8-up, A7 4-up, the A6 fold 2-up);
- ``a4-10``: ID-1 10-up (2 × 5) without gutters: neighbouring cards share their cut lines,
  as a guillotine shop wants; only the outer edges keep 3 mm bleed;
- ``a3``: as ``a4`` on A3 (ID-1 18-up).

A sheet holds one card many times, or (``render_mixed_sheet``) every card of a region once.
Crop marks sit in the sheet margin only, never on a card. The back page mirrors the positions
for the way the sheet turns: long edge (columns mirrored) or short edge (rows mirrored, backs
turned 180°). ``offset_mm`` shifts the back page to correct a printer's duplex registration.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.errors import CardError, CardRequestError
from vnr_desktop.core.cards.fit import CardPlan
from vnr_desktop.core.cards.formats import BLEED_MM, MM
from vnr_desktop.core.cards.layout import draw_text
from vnr_desktop.core.cards.pdfcanvas import (
    define_forms,
    form_name,
    new_canvas,
    pages_of,
    set_boxes,
    side_size,
)
from vnr_desktop.core.cards.resolve import ResolvedCard


@dataclass(frozen=True)
class SheetSpec:
    id: str
    width: float
    height: float
    gutters: bool
    """True: 6 mm between cards (each keeps its bleed); False: shared cut lines."""
    formats: tuple[str, ...] = ("id1", "a7", "a6-fold")


SHEETS: dict[str, SheetSpec] = {
    "a4": SheetSpec("a4", 210.0, 297.0, True),
    "a4-10": SheetSpec("a4-10", 210.0, 297.0, False, ("id1",)),
    "a3": SheetSpec("a3", 297.0, 420.0, True),
}
MARK_OFFSET_MM = 2.0
MARK_LENGTH_MM = 5.0
MIN_MARGIN_MM = 9.0
"""Room outside the bleed for the crop marks (offset + length + a little)."""

Item = tuple[ResolvedCard, CardPlan]


@dataclass(frozen=True)
class SheetGrid:
    sheet_w: float
    sheet_h: float
    trim_w: float
    trim_h: float
    cols: int
    rows: int
    x0: float
    """Left edge of the grid (outer bleed included), mm."""
    y0: float
    """Bottom edge of the grid (outer bleed included), mm."""
    gutter_bleed: float = BLEED_MM
    """Bleed each card keeps towards its neighbours (0: shared cut lines)."""
    outer_bleed: float = BLEED_MM

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    @property
    def cell_w(self) -> float:
        """Step from one column to the next, mm."""
        return self.trim_w + 2 * self.gutter_bleed

    @property
    def cell_h(self) -> float:
        return self.trim_h + 2 * self.gutter_bleed

    @property
    def width(self) -> float:
        return self.cols * self.cell_w + 2 * (self.outer_bleed - self.gutter_bleed)

    @property
    def height(self) -> float:
        return self.rows * self.cell_h + 2 * (self.outer_bleed - self.gutter_bleed)

    def cell_origin(self, col: int, row: int) -> tuple[float, float]:
        """Trim-box origin (mm) of the cell in column ``col`` and row ``row`` (row 0 on top)."""
        x = self.x0 + self.outer_bleed + col * self.cell_w
        y = self.y0 + self.outer_bleed + (self.rows - 1 - row) * self.cell_h
        return x, y

    def cell_clip(self, col: int, row: int) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) mm a card may print into: its trim plus its bleed, where the
        bleed towards a neighbour is ``gutter_bleed`` and towards the margin ``outer_bleed``."""
        x, y = self.cell_origin(col, row)
        g, o = self.gutter_bleed, self.outer_bleed
        left = o if col == 0 else g
        right = o if col == self.cols - 1 else g
        top = o if row == 0 else g
        bottom = o if row == self.rows - 1 else g
        return x - left, y - bottom, x + self.trim_w + right, y + self.trim_h + top

    def cut_lines(self) -> tuple[list[float], list[float]]:
        """Every vertical (x) and horizontal (y) trim line, mm, each once."""
        xs, ys = set(), set()
        for col in range(self.cols):
            x, _ = self.cell_origin(col, 0)
            xs |= {round(x, 4), round(x + self.trim_w, 4)}
        for row in range(self.rows):
            _, y = self.cell_origin(0, row)
            ys |= {round(y, 4), round(y + self.trim_h, 4)}
        return sorted(xs), sorted(ys)


def sheet_spec(sheet: str, fmt: str | None = None) -> SheetSpec:
    try:
        spec = SHEETS[sheet]
    except KeyError:
        raise CardRequestError(f"unknown sheet {sheet!r} (sheets: {', '.join(SHEETS)})") from None
    if fmt is not None and fmt not in spec.formats:
        raise CardRequestError(
            f"sheet {sheet!r} is for {', '.join(spec.formats)} cards, not {fmt!r}"
        )
    return spec


def sheet_grid(trim_w: float, trim_h: float, sheet: str = "a4") -> SheetGrid:
    """As many cards as fit inside the mark margins, centred on the sheet."""
    spec = sheet_spec(sheet)
    g = BLEED_MM if spec.gutters else 0.0
    o = BLEED_MM
    room_w = spec.width - 2 * MIN_MARGIN_MM - 2 * (o - g)
    room_h = spec.height - 2 * MIN_MARGIN_MM - 2 * (o - g)
    cols = int(room_w // (trim_w + 2 * g))
    rows = int(room_h // (trim_h + 2 * g))
    if cols < 1 or rows < 1:
        raise CardError(f"a {trim_w:g} × {trim_h:g} mm card does not fit on {sheet.upper()}")
    probe = SheetGrid(spec.width, spec.height, trim_w, trim_h, cols, rows, 0.0, 0.0, g, o)
    x0 = (spec.width - probe.width) / 2
    y0 = (spec.height - probe.height) / 2
    return SheetGrid(spec.width, spec.height, trim_w, trim_h, cols, rows, x0, y0, g, o)


def back_position(grid: SheetGrid, col: int, row: int, duplex: str) -> tuple[int, int, bool]:
    """Where the back of the card at (col, row) goes, and whether it is turned 180°."""
    if duplex == "long":
        return grid.cols - 1 - col, row, False
    return col, grid.rows - 1 - row, True


def _crop_marks(c: Canvas, grid: SheetGrid, folds: list[float]) -> None:
    """Marks in the margin on every trim line (and dashed fold marks), never on a card."""
    c.saveState()
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.25)
    left, right = grid.x0 * MM, (grid.x0 + grid.width) * MM
    bottom, top = grid.y0 * MM, (grid.y0 + grid.height) * MM
    off, length = MARK_OFFSET_MM * MM, MARK_LENGTH_MM * MM
    xs, ys = grid.cut_lines()
    for x in xs:
        c.line(x * MM, top + off, x * MM, top + off + length)
        c.line(x * MM, bottom - off, x * MM, bottom - off - length)
    for y in ys:
        c.line(left - off, y * MM, left - off - length, y * MM)
        c.line(right + off, y * MM, right + off + length, y * MM)
    if folds:
        c.setDash(1.5, 1.5)
        for col in range(grid.cols):
            x, _ = grid.cell_origin(col, 0)
            for f in folds:
                fx = (x + f) * MM
                c.line(fx, top + off, fx, top + off + length)
                c.line(fx, bottom - off, fx, bottom - off - length)
    c.restoreState()


def _slug(c: Canvas, grid: SheetGrid, text: str) -> None:
    """A line of small print in the bottom margin, clear of the marks."""
    c.saveState()
    c.setFillColor(HexColor(palette.MUTED))
    y = max(3.0, grid.y0 - MARK_OFFSET_MM - MARK_LENGTH_MM - 4.0) * MM
    draw_text(c, grid.sheet_w * MM / 2, y, text, fonts.REGULAR, 7.0, align="centre")
    c.restoreState()


def _place(
    c: Canvas,
    grid: SheetGrid,
    rc: ResolvedCard,
    page: tuple[str, ...],
    cell: tuple[int, int, bool],
    panel_w: float,
) -> None:
    """One card's page (one or two panels) in its cell, clipped to the cell's bleed."""
    pcol, prow, turned = cell
    ox, oy = grid.cell_origin(pcol, prow)
    x0, y0, x1, y1 = grid.cell_clip(pcol, prow)
    c.saveState()
    clip = c.beginPath()
    clip.rect(x0 * MM, y0 * MM, (x1 - x0) * MM, (y1 - y0) * MM)
    c.clipPath(clip, stroke=0, fill=0)
    c.translate(ox * MM, oy * MM)
    if turned:
        c.translate(grid.trim_w * MM, grid.trim_h * MM)
        c.rotate(180)
    for i, side in enumerate(page):
        c.saveState()
        c.translate(i * panel_w * MM, 0)
        c.doForm(form_name(rc, side))
        c.restoreState()
    c.restoreState()


def _impose(
    items: Sequence[Item],
    title: str,
    *,
    sheet: str,
    duplex: str,
    offset_mm: tuple[float, float],
    print_shop: bool,
    slug: str,
) -> bytes:
    """Cells filled with ``items`` in order (row by row), as many sheets as they need."""
    first, _ = items[0]
    if first.spec.family == "poster":
        raise CardRequestError("posters are printed one per page; sheets are for pocket cards")
    if duplex not in ("long", "short"):
        raise CardError(f"duplex must be 'long' or 'short', not {duplex!r}")
    sheet_spec(sheet, first.format)
    pages = pages_of(first)
    panel_w, panel_h = side_size(first.spec, first)
    grid = sheet_grid(panel_w * len(pages[0]), panel_h, sheet)
    folds = [panel_w] if len(pages[0]) > 1 else []
    media = (grid.sheet_w * MM, grid.sheet_h * MM)
    buffer = io.BytesIO()
    c = new_canvas(
        buffer,
        media,
        title=title,
        subject=first.content_version,
        day=max(rc.issued for rc, _ in items),
        lang=first.lang,
        print_shop=print_shop,
    )
    defined: set[str] = set()
    for rc, plan in items:
        if rc.card_id not in defined:
            define_forms(c, rc, plan)
            defined.add(rc.card_id)
    hint = first.strings["sheet_long" if duplex == "long" else "sheet_short"]
    dx, dy = offset_mm
    for start in range(0, len(items), grid.per_sheet):
        chunk = items[start : start + grid.per_sheet]
        for index, page in enumerate(pages):
            back = index % 2 == 1
            set_boxes(c, media, None, art=not print_shop)
            c.saveState()
            if back:
                c.translate(dx * MM, dy * MM)
            for i, (rc, _) in enumerate(chunk):
                col, row = i % grid.cols, i // grid.cols
                cell = back_position(grid, col, row, duplex) if back else (col, row, False)
                _place(c, grid, rc, page, cell, panel_w)
            c.restoreState()
            if not back:
                _crop_marks(c, grid, folds)
            side_name = first.strings["back" if back else "front"]
            _slug(c, grid, f"{slug} · {side_name} · {hint}")
            c.showPage()
    c.save()
    return buffer.getvalue()


def render_sheet(
    rc: ResolvedCard,
    plan: CardPlan,
    title: str,
    *,
    sheet: str = "a4",
    duplex: str = "long",
    offset_mm: tuple[float, float] = (0.0, 0.0),
    print_shop: bool = False,
) -> bytes:
    """The card imposed on ``sheet`` as many times as fit: a front page and a back page."""
    if rc.spec.family == "poster":
        raise CardRequestError("posters are printed one per page; sheets are for pocket cards")
    panel_w, panel_h = side_size(rc.spec, rc)
    grid = sheet_grid(panel_w * len(pages_of(rc)[0]), panel_h, sheet_spec(sheet, rc.format).id)
    return _impose(
        [(rc, plan)] * grid.per_sheet,
        title,
        sheet=sheet,
        duplex=duplex,
        offset_mm=offset_mm,
        print_shop=print_shop,
        slug=f"{rc.short_title} – {rc.region_name} · {rc.content_version}",
    )


def render_mixed_sheet(
    items: Sequence[Item],
    title: str,
    *,
    sheet: str = "a4",
    duplex: str = "long",
    offset_mm: tuple[float, float] = (0.0, 0.0),
    print_shop: bool = False,
) -> bytes:
    """Several cards of one format, each once, in order (more sheets if they need them)."""
    if not items:
        raise CardRequestError("a mixed sheet needs at least one card")
    formats = {rc.format for rc, _ in items}
    if len(formats) > 1:
        raise CardRequestError(f"a mixed sheet holds one format, not {', '.join(sorted(formats))}")
    rc = items[0][0]
    versions = " / ".join(sorted({r.content_version for r, _ in items}))
    return _impose(
        items,
        title,
        sheet=sheet,
        duplex=duplex,
        offset_mm=offset_mm,
        print_shop=print_shop,
        slug=f"{len(items)} kort – {rc.region_name} · {versions}",
    )

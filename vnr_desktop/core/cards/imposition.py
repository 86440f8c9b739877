"""Imposed sheets: cards on A4 with crop marks in the margin and backs placed for duplex.

ID-1 cards go 8-up (2 × 4) with 6 mm gutters, so each card keeps its 3 mm bleed; A7 4-up;
the A6 fold 2-up. Crop marks sit in the sheet margin only, never on a card. The back page
mirrors the positions for the way the sheet turns: long edge (columns mirrored) or short
edge (rows mirrored, backs turned 180°). ``offset_mm`` shifts the back page to correct a
printer's duplex registration.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.errors import CardError, CardRequestError
from vnr_desktop.core.cards.formats import BLEED_MM, MM
from vnr_desktop.core.cards.layout import CardPlan, draw_text
from vnr_desktop.core.cards.render import (
    _define_forms,
    _form_name,
    _pages,
    _set_boxes,
    new_canvas,
    side_size,
)
from vnr_desktop.core.cards.resolve import ResolvedCard

SHEETS: dict[str, tuple[float, float]] = {"a4": (210.0, 297.0)}
MARK_OFFSET_MM = 2.0
MARK_LENGTH_MM = 5.0
MIN_MARGIN_MM = 9.0
"""Room outside the bleed for the crop marks (offset + length + a little)."""


@dataclass(frozen=True)
class SheetGrid:
    sheet_w: float
    sheet_h: float
    cell_w: float
    """One card with bleed, mm."""
    cell_h: float
    cols: int
    rows: int
    x0: float
    """Left edge of the first cell's bleed box, mm."""
    y0: float
    """Bottom edge of the lowest row's bleed box, mm."""

    @property
    def per_sheet(self) -> int:
        return self.cols * self.rows

    def cell_origin(self, col: int, row: int) -> tuple[float, float]:
        """Trim-box origin (mm) of the cell in column ``col`` and row ``row`` (row 0 on top)."""
        x = self.x0 + col * self.cell_w + BLEED_MM
        y = self.y0 + (self.rows - 1 - row) * self.cell_h + BLEED_MM
        return x, y


def sheet_grid(trim_w: float, trim_h: float, sheet: str = "a4") -> SheetGrid:
    """As many cards (with bleed, bleed boxes touching) as fit inside the mark margins."""
    try:
        sw, sh = SHEETS[sheet]
    except KeyError:
        raise CardRequestError(f"unknown sheet {sheet!r} (sheets: {', '.join(SHEETS)})") from None
    cw, ch = trim_w + 2 * BLEED_MM, trim_h + 2 * BLEED_MM
    cols = int((sw - 2 * MIN_MARGIN_MM) // cw)
    rows = int((sh - 2 * MIN_MARGIN_MM) // ch)
    if cols < 1 or rows < 1:
        raise CardError(f"a {trim_w:g} × {trim_h:g} mm card does not fit on {sheet.upper()}")
    x0 = (sw - cols * cw) / 2
    y0 = (sh - rows * ch) / 2
    return SheetGrid(sw, sh, cw, ch, cols, rows, x0, y0)


def back_position(grid: SheetGrid, col: int, row: int, duplex: str) -> tuple[int, int, bool]:
    """Where the back of the card at (col, row) goes, and whether it is turned 180°."""
    if duplex == "long":
        return grid.cols - 1 - col, row, False
    return col, grid.rows - 1 - row, True


def _crop_marks(
    c: Canvas, grid: SheetGrid, trim_w: float, trim_h: float, folds: list[float]
) -> None:
    """Marks in the margin on every trim line (and dashed fold marks), never on a card."""
    c.saveState()
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.25)
    left = grid.x0 * MM
    right = (grid.x0 + grid.cols * grid.cell_w) * MM
    bottom = grid.y0 * MM
    top = (grid.y0 + grid.rows * grid.cell_h) * MM
    off, length = MARK_OFFSET_MM * MM, MARK_LENGTH_MM * MM
    xs: list[float] = []
    for col in range(grid.cols):
        x, _ = grid.cell_origin(col, 0)
        xs += [x, x + trim_w]
    ys: list[float] = []
    for row in range(grid.rows):
        _, y = grid.cell_origin(0, row)
        ys += [y, y + trim_h]
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
    draw_text(c, grid.sheet_w * MM / 2, y, text, fonts.REGULAR, 6.5, align="centre")
    c.restoreState()


def render_sheet(
    rc: ResolvedCard,
    plan: CardPlan,
    title: str,
    *,
    sheet: str = "a4",
    duplex: str = "long",
    offset_mm: tuple[float, float] = (0.0, 0.0),
) -> bytes:
    """The card imposed on ``sheet``: a front page and a back page (per printed page pair)."""
    if rc.spec.family == "poster":
        raise CardRequestError("posters are printed one per page; sheets are for pocket cards")
    if duplex not in ("long", "short"):
        raise CardError(f"duplex must be 'long' or 'short', not {duplex!r}")
    pages = _pages(rc)
    panel_w, panel_h = side_size(rc.spec, rc)
    trim_w, trim_h = panel_w * len(pages[0]), panel_h
    grid = sheet_grid(trim_w, trim_h, sheet)
    folds = [panel_w] if len(pages[0]) > 1 else []
    media = (grid.sheet_w * MM, grid.sheet_h * MM)
    buffer = io.BytesIO()
    c = new_canvas(
        buffer, media, title=title, subject=rc.content_version, day=rc.issued, lang=rc.lang
    )
    _define_forms(c, rc, plan)
    hint = rc.strings["sheet_long" if duplex == "long" else "sheet_short"]
    dx, dy = offset_mm
    for index, page in enumerate(pages):
        back = index % 2 == 1
        _set_boxes(c, media, None)
        c.saveState()
        if back:
            c.translate(dx * MM, dy * MM)
        for col in range(grid.cols):
            for row in range(grid.rows):
                pcol, prow, turned = (col, row, False)
                if back:
                    pcol, prow, turned = back_position(grid, col, row, duplex)
                ox, oy = grid.cell_origin(pcol, prow)
                c.saveState()
                c.translate(ox * MM, oy * MM)
                if turned:
                    c.translate(trim_w * MM, trim_h * MM)
                    c.rotate(180)
                for i, side in enumerate(page):
                    c.saveState()
                    c.translate(i * panel_w * MM, 0)
                    c.doForm(_form_name(rc, side))
                    c.restoreState()
                c.restoreState()
        c.restoreState()
        if not back:
            _crop_marks(c, grid, trim_w, trim_h, folds)
        side_name = rc.strings["back" if back else "front"]
        _slug(
            c, grid, f"{rc.title} – {rc.region_name} · {rc.content_version} · {side_name} · {hint}"
        )
        c.showPage()
    c.save()
    return buffer.getvalue()

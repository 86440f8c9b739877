"""A duplex alignment test page: measure how far a printer shifts the back of a sheet.

The front prints a main scale (ticks every 5 mm) across and down the sheet; the back prints a
vernier scale (ticks every 5.5 mm) behind it. Held against the light, the tick where the two
lines meet gives the correction in 0.5 mm steps, and its label is the value to store (the
correction already applied to this page is taken into account, so printing the page again
after storing the value shows the lines meeting at the current setting).

Geometry: looked at from the front, a point (xb, yb) of the back page lies at (W - xb, yb)
when the sheet turns on its long edge, and at (xb, H - yb) on its short edge. A printer error
(ex, ey) in back-page coordinates therefore moves what the front sees by (-ex, ey) or (ex, -ey).
"""

from __future__ import annotations

import datetime as _dt
import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.definitions import ltext
from vnr_desktop.core.cards.errors import CardError
from vnr_desktop.core.cards.formats import MM, TypeSizes
from vnr_desktop.core.cards.layout import Styles, build_styles, draw_text
from vnr_desktop.core.cards.loader import CardCatalog, shipped_catalog
from vnr_desktop.core.cards.pdfcanvas import new_canvas

PAGE_MM = (210.0, 297.0)
MAIN_STEP = 5.0
VERNIER_STEP = 5.5
VERNIER_X = 35.0
"""Where the vertical scales run, mm from the left edge."""
TICKS = 8
"""Vernier ticks each side of zero: corrections up to ±4 mm in 0.5 mm steps."""
TEST_PAGE_DATE = _dt.date(2024, 1, 1)
"""Fixed date of the test page (it has no content version): same input, same bytes."""


def corrections(duplex: str, current: tuple[float, float]) -> tuple[list[float], list[float]]:
    """The value printed at vernier tick j = -TICKS..TICKS, for X and for Y.

    Alignment at tick j means residual error r = -0.5 j s (s = +1, or -1 on a mirrored axis),
    so the value to store is current - r = current + 0.5 j s.
    """
    step = VERNIER_STEP - MAIN_STEP
    sx = -1.0 if duplex == "long" else 1.0
    sy = 1.0 if duplex == "long" else -1.0
    xs = [round(current[0] + step * j * sx, 2) for j in range(-TICKS, TICKS + 1)]
    ys = [round(current[1] + step * j * sy, 2) for j in range(-TICKS, TICKS + 1)]
    return xs, ys


def to_back(duplex: str, x: float, y: float) -> tuple[float, float]:
    """Back-page coordinates (mm) of the point the front sees at (x, y)."""
    w, h = PAGE_MM
    if duplex == "long":
        return w - x, y
    return x, h - y


def _fmt(value: float) -> str:
    text = f"{value:+.1f}".replace(".", ",")
    return "0" if text in {"+0,0", "-0,0"} else text


def render_duplex_test(
    *,
    duplex: str = "long",
    offset_mm: tuple[float, float] = (0.0, 0.0),
    lang: str = "nb",
    catalog: CardCatalog | None = None,
) -> bytes:
    """Two A4 pages (front, back) to print double-sided with the card settings."""
    if duplex not in ("long", "short"):
        raise CardError(f"duplex must be 'long' or 'short', not {duplex!r}")
    catalog = catalog or shipped_catalog()
    s = {k: ltext(v, lang) for k, v in catalog.shared.strings.items()}
    w, h = PAGE_MM
    buffer = io.BytesIO()
    c = new_canvas(
        buffer,
        (w * MM, h * MM),
        title=s["duplex_title"],
        subject="duplex",
        day=TEST_PAGE_DATE,
        lang=lang,
    )
    st = build_styles(
        TypeSizes(title=18, heading=12, body=11, body_min=11, number=11, number_min=11, meta=8), 0
    )
    cx, cy = w / 2, h / 2 - 20
    targets = [(20.0, 25.0), (w - 20, 25.0), (w - 20, h - 12), (w - 40, cy)]
    _front(c, s, st, duplex, offset_mm, (cx, cy), targets)
    _back(c, s, duplex, offset_mm, (cx, cy), targets)
    c.save()
    return buffer.getvalue()


def _front(
    c: Canvas,
    s: dict[str, str],
    st: Styles,
    duplex: str,
    offset_mm: tuple[float, float],
    centre: tuple[float, float],
    targets: list[tuple[float, float]],
) -> None:
    """The front page: title, steps, the main scales and a cross at each target."""
    w, h = PAGE_MM
    cx, cy = centre
    ink = HexColor(palette.INK)
    xs, ys = corrections(duplex, offset_mm)
    mode = s["duplex_mode_long" if duplex == "long" else "duplex_mode_short"]
    c.setFillColor(ink)
    draw_text(c, 20 * MM, (h - 25) * MM, s["duplex_title"], fonts.BOLD, 18)
    draw_text(
        c,
        20 * MM,
        (h - 33) * MM,
        f"{mode} · {s['duplex_current']}: X {_fmt(offset_mm[0])} mm, Y {_fmt(offset_mm[1])} mm",
        fonts.REGULAR,
        11,
    )
    steps = Paragraph(fonts.markup(s["duplex_steps"]), st.body)
    _, ph = steps.wrap((w - 40) * MM, 200 * MM)
    steps.drawOn(c, 20 * MM, (h - 40) * MM - ph)
    c.setStrokeColor(ink)
    c.setLineWidth(0.3)
    # horizontal main scale: line y = cy, ticks upward, labels above
    c.line((cx - 50) * MM, cy * MM, (cx + 50) * MM, cy * MM)
    for j in range(-TICKS, TICKS + 1):
        x = cx + j * MAIN_STEP
        c.line(x * MM, cy * MM, x * MM, (cy + (6 if j == 0 else 4)) * MM)
        c.saveState()
        c.translate((x + 0.9) * MM, (cy + 7) * MM)
        c.rotate(90)
        draw_text(c, 0, 0, _fmt(xs[j + TICKS]), fonts.BOLD if j == 0 else fonts.REGULAR, 8)
        c.restoreState()
    draw_text(c, (cx - 50) * MM, (cy + 22) * MM, s["duplex_horizontal"], fonts.BOLD, 10)
    # vertical main scale: line x = vx, ticks to the right, labels right
    vx = VERNIER_X
    c.line(vx * MM, (cy - 50) * MM, vx * MM, (cy + 50) * MM)
    for j in range(-TICKS, TICKS + 1):
        y = cy + j * MAIN_STEP
        c.line(vx * MM, y * MM, (vx + (6 if j == 0 else 4)) * MM, y * MM)
        draw_text(
            c,
            (vx + 7.5) * MM,
            (y - 1.0) * MM,
            _fmt(ys[j + TICKS]),
            fonts.BOLD if j == 0 else fonts.REGULAR,
            8,
        )
    c.saveState()
    c.translate((vx - 3) * MM, (cy - 50) * MM)
    c.rotate(90)
    draw_text(c, 0, 0, s["duplex_vertical"], fonts.BOLD, 10)
    c.restoreState()
    # corner targets: a cross on the front, a circle on the back
    for tx, ty in targets:
        c.line((tx - 5) * MM, ty * MM, (tx + 5) * MM, ty * MM)
        c.line(tx * MM, (ty - 5) * MM, tx * MM, (ty + 5) * MM)
    c.showPage()


def _back(
    c: Canvas,
    s: dict[str, str],
    duplex: str,
    offset_mm: tuple[float, float],
    centre: tuple[float, float],
    targets: list[tuple[float, float]],
) -> None:
    """The back page (shifted by the current correction): verniers and target circles."""
    cx, cy = centre
    vx = VERNIER_X
    ink = HexColor(palette.INK)
    c.saveState()
    c.translate(offset_mm[0] * MM, offset_mm[1] * MM)
    c.setStrokeColor(ink)
    c.setFillColor(ink)
    c.setLineWidth(0.3)
    for j in range(-TICKS, TICKS + 1):
        # horizontal vernier: seen from the front at x = cx + 5.5 j, ticks downward from cy
        x0, y0 = to_back(duplex, cx + j * VERNIER_STEP, cy)
        x1, y1 = to_back(duplex, cx + j * VERNIER_STEP, cy - (6 if j == 0 else 4))
        c.line(x0 * MM, y0 * MM, x1 * MM, y1 * MM)
        # vertical vernier: seen at y = cy + 5.5 j, ticks to the left of vx
        x0, y0 = to_back(duplex, vx, cy + j * VERNIER_STEP)
        x1, y1 = to_back(duplex, vx - (6 if j == 0 else 4), cy + j * VERNIER_STEP)
        c.line(x0 * MM, y0 * MM, x1 * MM, y1 * MM)
    for tx, ty in targets:
        bx, by = to_back(duplex, tx, ty)
        c.circle(bx * MM, by * MM, 3 * MM, stroke=1, fill=0)
    draw_text(c, 20 * MM, 12 * MM, s["duplex_back_side"], fonts.REGULAR, 9)
    c.restoreState()
    c.showPage()

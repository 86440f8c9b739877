"""Fit: choose each side's type scale and place its rows so the side is used top to bottom.

Every side is set at the largest type scale at which it fits, between the format's floors and
its cap (``FormatSpec.max_scale``): text never goes below the floors (7 pt body on pocket
cards, 16 pt on A4 posters, 22 pt on A3) and a side with room to spare is set larger. What is
left after that is shared out evenly: every gap between the items of a panel, on every row,
grows by the same amount, so a page has no empty band where one panel ends early.

On posters, consecutive rows of the same shape (``[se, spor]`` over ``[avklar, handle]``)
become columns that are stacked independently, so a short panel does not leave a hole under
it while its neighbour runs on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from vnr_desktop.core.cards.definitions import Row
from vnr_desktop.core.cards.formats import MM, TypeSizes
from vnr_desktop.core.cards.layout import (
    CardOverflowError,
    NoRoom,
    Styles,
    build_styles,
    effective_sizes,
)
from vnr_desktop.core.cards.panels import (
    Box,
    ContentPanel,
    FooterPanel,
    PanelNoRoom,
    TitlePanel,
)
from vnr_desktop.core.cards.qr import code_size_mm
from vnr_desktop.core.cards.resolve import ResolvedCard

INF = float("inf")


@dataclass
class Placed:
    panel_id: str
    box: Box
    x: float
    y_top: float
    width: float
    height: float
    bleeds: bool = False
    """A title band in the first row runs into the bleed on the top and both sides."""


@dataclass
class SidePlan:
    name: str
    width: float
    height: float
    placed: list[Placed]
    fill: float = 1.0
    """Share of the side's content height the content needs (below 1: room to spare)."""


class _Overflow(Exception):
    def __init__(self, panel: str, needed: float, available: float) -> None:
        super().__init__(panel)
        self.panel = panel
        self.needed = needed
        self.available = available


@dataclass
class _Cell:
    """One panel in a column: its box, the height it needs and how many gaps may grow."""

    pid: str
    box: Box
    need: float
    points: int


@dataclass
class _Group:
    """Rows placed together: columns side by side, each a stack of panels."""

    rows: list[int]
    widths: list[float]
    columns: list[list[_Cell]]
    fixed: float | None = None
    rest: bool = False

    def col_need(self, col: list[_Cell], gap: float) -> float:
        return sum(c.need for c in col) + gap * (len(col) - 1)

    def col_points(self, col: list[_Cell]) -> int:
        return sum(c.points for c in col) + (len(col) - 1)

    def height(self, delta: float, gap: float) -> float:
        if self.fixed is not None:
            return self.fixed
        return max(self.col_need(c, gap) + delta * self.col_points(c) for c in self.columns)

    def need(self, gap: float) -> float:
        return self.height(0.0, gap)

    def tallest(self) -> tuple[float, str]:
        return max(((cell.need, cell.pid) for col in self.columns for cell in col), default=(0, ""))


def page_label(rc: ResolvedCard, side: str) -> str | None:
    """Which page a side is on a poster of two pages ("1/2", "2/2"); None on one page."""
    sides = list(rc.layout.sides)
    if rc.spec.family != "poster" or len(sides) < 2:
        return None
    return f"{sides.index(side) + 1}/{len(sides)}"


def _make_box(
    rc: ResolvedCard, panel_id: str, st: Styles, qr_payload: str, page: str | None = None
) -> Box:
    if panel_id == "title":
        return TitlePanel(rc, st, page)
    if panel_id == "footer":
        return FooterPanel(rc, st, qr_payload)
    if panel_id == "meta":
        return FooterPanel(rc, st, qr_payload, code=False)
    if panel_id == "qr":
        return FooterPanel(rc, st, qr_payload, text=False)
    return ContentPanel(rc, rc.panels[panel_id], st)


def _same_shape(a: Row, b: Row) -> bool:
    return (
        len(a.panels) == len(b.panels) > 1
        and a.widths == b.widths
        and not isinstance(a.height, int)
        and not isinstance(b.height, int)
    )


def _row_groups(rows: list[Row], poster: bool) -> list[list[int]]:
    """Row indices placed together: on posters, runs of same-shaped rows become columns."""
    groups: list[list[int]] = []
    for i, row in enumerate(rows):
        if poster and groups and _same_shape(rows[groups[-1][-1]], row):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _cell(
    rc: ResolvedCard, pid: str, st: Styles, payload: str, width: float, page: str | None
) -> _Cell:
    box = _make_box(rc, pid, st, payload, page)
    try:
        need = box.measure(width)
        points = box.stretch_points(width)
    except (PanelNoRoom, NoRoom):
        need, points = INF, 0
    return _Cell(pid, box, need, points)


BALANCE_RANGE = (0.32, 0.68)
"""Share of a row's width the left column of a balanced pair may take."""


def _columns(
    rc: ResolvedCard,
    rows: list[Row],
    indices: list[int],
    st: Styles,
    payload: str,
    widths: list[float],
    page: str | None = None,
) -> list[list[_Cell]]:
    columns: list[list[_Cell]] = [[] for _ in widths]
    for i in indices:
        for col, pid in enumerate(rows[i].panels):
            columns[col].append(_cell(rc, pid, st, payload, widths[col], page))
    return columns


def _balanced_share(
    measure: Callable[[float], tuple[float, float]], lo: float, hi: float, steps: int
) -> float:
    """The left column's share of the width at which both columns are about as tall."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        left, right = measure(mid)
        if left == right:
            return mid
        lo, hi = (mid, hi) if left > right else (lo, mid)
    return (lo + hi) / 2


def _reserve_code_width(
    rc: ResolvedCard, panels: list[str], payload: str, widths: list[float]
) -> list[float]:
    """A code-only panel ("qr") gets at least its code's width (a longer address makes a
    larger code); the other panels of the row give up the difference in proportion."""
    code = code_size_mm(payload, rc.spec.qr_mm) * MM
    need = [code if pid == "qr" else 0.0 for pid in panels]
    extra = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if extra <= 0:
        return widths
    others = sum(w for n, w in zip(need, widths, strict=True) if n <= w)
    return [
        max(n, w) if n > w else w - extra * w / others for n, w in zip(need, widths, strict=True)
    ]


def _build_groups(
    rc: ResolvedCard,
    rows: list[Row],
    st: Styles,
    payload: str,
    content_w: float,
    gap: float,
    shares: dict[int, float] | None = None,
    page: str | None = None,
) -> list[_Group]:
    """The side's rows as groups of columns. On posters, a pair of columns without set
    widths is balanced: the taller one gets more width (the share is found once per side and
    kept in ``shares`` while the type scale is searched)."""
    out = []
    poster = rc.spec.family == "poster"
    for gi, indices in enumerate(_row_groups(rows, poster)):
        first = rows[indices[0]]
        n = len(first.panels)
        weights = first.widths or [1] * n
        avail = content_w - gap * (n - 1)
        widths = [avail * w / sum(weights) for w in weights]
        if poster and n == 2 and first.widths is None:

            def heights(
                share: float, indices: list[int] = indices, avail: float = avail
            ) -> tuple[float, float]:
                cols = _columns(
                    rc, rows, indices, st, payload, [avail * share, avail - avail * share]
                )
                return tuple(sum(c.need for c in col) for col in cols)  # type: ignore[return-value]

            lo, hi = BALANCE_RANGE
            known = (shares or {}).get(gi)
            if known is not None:  # near the share found at the last scale tried
                lo, hi = max(lo, known - 0.08), min(hi, known + 0.08)
            share = _balanced_share(heights, lo, hi, 4 if known is not None else 6)
            if shares is not None:
                shares[gi] = share
            widths = [avail * share, avail - avail * share]
        widths = _reserve_code_width(rc, first.panels, payload, widths)
        columns = _columns(rc, rows, indices, st, payload, widths, page)
        fixed = float(first.height) * MM if isinstance(first.height, int) else None
        rest = any(rows[i].height == "rest" for i in indices)
        out.append(_Group(indices, widths, columns, fixed, rest))
    return out


def _check_fits(groups: list[_Group], content_h: float, gap: float) -> None:
    """Raise _Overflow naming the panel that does not fit (at no extra spacing)."""
    for g in groups:
        for col in g.columns:
            for cell in col:
                if cell.need == INF:
                    raise _Overflow(cell.pid, INF, 0.0)
        if g.fixed is not None and max(g.col_need(c, gap) for c in g.columns) > g.fixed:
            need, pid = g.tallest()
            raise _Overflow(pid, need, g.fixed)
    gaps = gap * (len(groups) - 1)
    total = sum(g.need(gap) for g in groups) + gaps
    if total <= content_h:
        return
    rest = [g for g in groups if g.rest]
    others = sum(g.need(gap) for g in groups if not g.rest) + gaps
    if rest and others < content_h:
        need, pid = rest[0].tallest()
        raise _Overflow(pid, rest[0].need(gap), content_h - others)
    g = max((g for g in groups if not g.rest), key=lambda g: g.need(gap))
    need, pid = g.tallest()
    raise _Overflow(pid, need, need - (total - content_h))


def _spread(groups: list[_Group], content_h: float, gap: float) -> list[float]:
    """Group heights: the content's needs plus the same extra on every stretchable gap."""
    gaps = gap * (len(groups) - 1)

    def total(delta: float) -> float:
        return sum(g.height(delta, gap) for g in groups) + gaps

    heights = [g.need(gap) for g in groups]
    if any(g.fixed is None and any(g.col_points(c) for c in g.columns) for g in groups):
        lo, hi = 0.0, content_h
        for _ in range(40):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if total(mid) <= content_h else (lo, mid)
        heights = [g.height(lo, gap) for g in groups]
    left = content_h - sum(heights) - gaps
    target = next((i for i, g in enumerate(groups) if g.rest), len(groups) - 1)
    heights[target] += max(0.0, left)
    return heights


def plan_side(
    rc: ResolvedCard,
    side: str,
    st: Styles,
    qr_payload: str,
    size_mm: tuple[float, float],
    *,
    strict: bool = True,
    shares: dict[int, float] | None = None,
) -> SidePlan:
    """Place the side's rows; raises _Overflow(panel, needed, available) when text does not fit."""
    spec = rc.spec
    W, H = size_mm[0] * MM, size_mm[1] * MM
    safe, gap = spec.safe * MM, spec.gap * MM
    cw, ch = W - 2 * safe, H - 2 * safe
    rows = rc.layout.sides[side]
    groups = _build_groups(rc, rows, st, qr_payload, cw, gap, shares, page_label(rc, side))
    if strict:
        _check_fits(groups, ch, gap)
    need = sum(g.need(gap) for g in groups) + gap * (len(groups) - 1)
    heights = _spread(groups, ch, gap)
    placed: list[Placed] = []
    y = H - safe
    for gi, g in enumerate(groups):
        x = safe
        for col, width in zip(g.columns, g.widths, strict=True):
            placed += _place_column(g, col, x, y, width, heights[gi], gap, first_row=gi == 0)
            x += width + gap
        y -= heights[gi] + gap
    return SidePlan(side, W, H, placed, fill=need / ch if ch > 0 else 1.0)


def _place_column(
    g: _Group,
    col: list[_Cell],
    x: float,
    y: float,
    width: float,
    height: float,
    gap: float,
    *,
    first_row: bool,
) -> list[Placed]:
    if len(col) == 1:
        cell = col[0]
        return [Placed(cell.pid, cell.box, x, y, width, height, first_row and cell.pid == "title")]
    points = g.col_points(col)
    extra = max(0.0, height - g.col_need(col, gap))
    delta = extra / points if points else 0.0
    out = []
    top = y
    for i, cell in enumerate(col):
        h = cell.need + delta * cell.points
        if i == len(col) - 1:
            h = max(cell.need, top - (y - height))  # the last panel reaches the column's end
        out.append(Placed(cell.pid, cell.box, x, top, width, h))
        top -= h + gap + delta
    return out


def draw_side(c: Canvas, plan: SidePlan, bleed_box: tuple[float, float, float, float]) -> None:
    """Draw a planned side with its trim box at (0, 0); bleed_box limits bleeding bands."""
    for p in plan.placed:
        if isinstance(p.box, TitlePanel) and p.bleeds:
            p.box.draw(c, p.x, p.y_top, p.width, p.height, bleed_box=bleed_box)
        else:
            p.box.draw(c, p.x, p.y_top, p.width, p.height)


@dataclass
class CardPlan:
    sides: dict[str, SidePlan]
    sizes: dict[str, TypeSizes]
    """The type sizes each side was set in (each side at its own largest fitting scale)."""

    @property
    def body_pt(self) -> float:
        return min(s.body for s in self.sizes.values())

    @property
    def number_pt(self) -> float:
        return min(s.number for s in self.sizes.values())


def floor_scale(base: TypeSizes) -> float:
    """The scale at which body, numbers, headings and title have all reached their floors."""
    ratios = (
        base.body_min / base.body,
        base.number_min / base.number,
        base.body_min / base.heading,
        base.body_min / base.title,
    )
    return min(*ratios, 1.0)


def _search(
    attempt: Callable[[float], SidePlan | None], floor: float, cap: float, tries: int
) -> tuple[float, SidePlan | None]:
    """The largest scale in [floor, cap] at which ``attempt`` gives a plan (bisection, seeded
    with a guess from how full the side is: text height grows about with the scale squared)."""
    ok, ok_plan, bad = None, None, cap * 1.001
    plan = attempt(1.0 if floor <= 1.0 <= cap else cap)
    start = 1.0 if floor <= 1.0 <= cap else cap
    if plan is not None:
        ok, ok_plan = start, plan
        guess = min(cap, start * (1.0 / max(plan.fill, 0.05)) ** 0.5 * 0.99)
    else:
        bad = start
        guess = max(floor, start * 0.92)
    for _ in range(tries):
        if ok is not None and bad - ok < 0.006 * bad:
            break
        if guess is None or (ok is not None and guess <= ok) or guess >= bad:
            guess = ((ok if ok is not None else floor) + bad) / 2
        plan = attempt(round(guess, 4))
        if plan is not None:
            ok, ok_plan = round(guess, 4), plan
            if ok >= cap:
                break
        else:
            bad = round(guess, 4)
        guess = None
    if ok is None:
        plan = attempt(floor)
        if plan is not None:
            return floor, plan
    return (ok if ok is not None else floor), ok_plan


def _probe_up(
    attempt: Callable[[float], SidePlan | None], scale: float, plan: SidePlan, cap: float
) -> tuple[float, SidePlan]:
    """Line breaks make fitting not quite monotone: a slightly larger scale can fit where one
    between did not. Look a few steps further up (posters, where every point counts)."""
    for step in (1.02, 1.035, 1.05):
        bigger = round(min(cap, scale * step), 4)
        if bigger <= scale:
            break
        found = attempt(bigger)
        if found is not None:
            return _probe_up(attempt, bigger, found, cap)
    return scale, plan


def plan_card(
    rc: ResolvedCard,
    qr_payload: str,
    side_size: Callable[[str], tuple[float, float]],
    *,
    strict: bool = True,
) -> CardPlan:
    """Plan each side at the largest type scale at which it fits (never below the floors).

    ``strict=False`` (design previews only) draws overflowing text instead of raising.
    """
    spec = rc.spec
    base = spec.sizes
    pad_mm = spec.gap * 0.6
    floor = floor_scale(base)
    tries = 7 if spec.family == "poster" else 4
    sides: dict[str, SidePlan] = {}
    used: dict[str, TypeSizes] = {}
    styles: dict[float, Styles] = {}
    last: dict[str, _Overflow] = {}
    shares: dict[str, dict[int, float]] = {side: {} for side in rc.layout.sides}

    def attempt(side: str, scale: float) -> SidePlan | None:
        sizes = effective_sizes(base, scale)
        st = styles.get(scale) or styles.setdefault(scale, build_styles(sizes, pad_mm))
        try:
            return plan_side(
                rc, side, st, qr_payload, side_size(side), strict=strict, shares=shares[side]
            )
        except _Overflow as exc:
            if scale <= floor + 1e-9 or side not in last:
                last[side] = exc
            return None

    for side in rc.layout.sides:
        tried = functools.partial(attempt, side)
        scale, plan = _search(tried, floor, spec.max_scale, tries)
        if plan is not None and spec.family == "poster":
            scale, plan = _probe_up(tried, scale, plan, spec.max_scale)
        if plan is None:
            exc = last[side]
            own_here = any(rc.own_panel in row.panels for row in rc.layout.sides[side])
            raise CardOverflowError(
                rc.card_id,
                rc.format,
                rc.region,
                side,
                exc.panel,
                exc.needed / MM,
                exc.available / MM,
                effective_sizes(base, floor).body,
                own_numbers=len(rc.own_numbers()) if own_here else 0,
            )
        sides[side] = plan
        used[side] = effective_sizes(base, scale)
    return CardPlan(sides, used)

"""Read a rendered PDF's content streams (pages and the form XObjects they draw) back as
geometry: every text run with its effective size and position, every filled or stroked shape
with its extent, and every colour operator. Used by the layout and print-shop tests."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import pikepdf

MM = 72 / 25.4
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mul(m: Matrix, n: Matrix) -> Matrix:
    """PDF matrix product m × n (m applied first)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def scale_of(m: Matrix) -> float:
    a, b, c, d, _, _ = m
    return abs(a * d - b * c) ** 0.5


@dataclass(frozen=True)
class TextRun:
    size: float
    """Effective glyph size on the page, points."""
    x: float
    y: float
    """Baseline origin on the page, points."""
    font: str
    """The font's BaseFont (AAAAAA+AtkinsonHyperlegible-Regular)."""
    chars: int
    fill: tuple[str, tuple[float, ...]] = ("g", (0.0,))
    """The fill colour the run is drawn in: (operator, operands), e.g. ("k", (0, 0, 0, 1))."""


@dataclass(frozen=True)
class Shape:
    x0: float
    y0: float
    x1: float
    y1: float
    """Extent on the page, points."""
    fill: tuple[str, tuple[float, ...]] = ("g", (0.0,))
    parts: int = 1
    """Subpaths (rectangles and moves) in the path."""
    filled: bool = True


@dataclass
class PageScan:
    width: float
    height: float
    text: list[TextRun] = field(default_factory=list)
    shapes: list[Shape] = field(default_factory=list)
    colour_ops: list[tuple[str, tuple[float, ...]]] = field(default_factory=list)
    """(operator, operands) of every colour operator: rg RG k K g G cs CS sc scn SC SCN."""
    forms: list[tuple[str, Matrix]] = field(default_factory=list)
    """(form name, matrix) of every form XObject drawn directly on the page."""
    images: int = 0


COLOUR_OPS = {"rg", "RG", "k", "K", "g", "G", "cs", "CS", "sc", "scn", "SC", "SCN"}


def _chars(operands: list[object], op: str) -> int:
    if op == "TJ":
        return sum(len(bytes(x)) for x in operands[0] if isinstance(x, pikepdf.String))
    return len(bytes(operands[-1]))


def _walk(
    stream: object,
    resources: pikepdf.Dictionary,
    ctm: Matrix,
    out: PageScan,
    depth: int,
) -> None:
    stack: list[tuple[Matrix, tuple[str, float], tuple[str, tuple[float, ...]]]] = []
    fill: tuple[str, tuple[float, ...]] = ("g", (0.0,))
    parts = 0
    font = ("", 0.0)
    leading = 0.0
    tm: Matrix = IDENTITY
    line: Matrix = IDENTITY
    path: list[tuple[float, float]] = []
    for operands, operator in pikepdf.parse_content_stream(stream):
        op = str(operator)
        if op == "q":
            stack.append((ctm, font, fill))
        elif op == "Q":
            ctm, font, fill = stack.pop()
        elif op == "cm":
            ctm = mul(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif op == "BT":
            tm = line = IDENTITY
        elif op == "Tf":
            font_obj = resources.get("/Font", {}).get(operands[0])
            base = str(font_obj.get("/BaseFont", operands[0])) if font_obj else str(operands[0])
            font = (base, float(operands[1]))
        elif op == "Tm":
            tm = line = tuple(float(v) for v in operands)  # type: ignore[assignment]
        elif op == "TL":
            leading = float(operands[0])
        elif op in ("Td", "TD"):
            line = mul((1, 0, 0, 1, float(operands[0]), float(operands[1])), line)
            tm = line
            if op == "TD":
                leading = -float(operands[1])
        elif op == "T*":
            line = tm = mul((1, 0, 0, 1, 0, -leading), line)
        elif op in ("Tj", "TJ", "'", '"'):
            if op in ("'", '"'):
                line = tm = mul((1, 0, 0, 1, 0, -leading), line)
            chars = _chars(list(operands), op)
            if chars:
                m = mul(tm, ctm)
                x, y = apply(m, 0, 0)
                out.text.append(TextRun(font[1] * scale_of(m), x, y, font[0], chars, fill))
        elif op in COLOUR_OPS:
            vals = tuple(float(v) for v in operands if not isinstance(v, pikepdf.Name))
            names = [str(v) for v in operands if isinstance(v, pikepdf.Name)]
            out.colour_ops.append((op if not names else f"{op} {names[0]}", vals))
            if op in ("rg", "k", "g", "sc", "scn"):
                fill = (op, vals)
        elif op == "re":
            x, y, w, h = (float(v) for v in operands)
            path += [apply(ctm, x, y), apply(ctm, x + w, y + h)]
            parts += 1
        elif op in ("m", "l"):
            path.append(apply(ctm, float(operands[0]), float(operands[1])))
            parts += op == "m"
        elif op in ("f", "F", "f*", "S", "s", "B", "B*", "b", "b*"):
            if path:
                xs, ys = [p[0] for p in path], [p[1] for p in path]
                filled = op not in ("S", "s")
                out.shapes.append(Shape(min(xs), min(ys), max(xs), max(ys), fill, parts, filled))
            path, parts = [], 0
        elif op == "n":
            path, parts = [], 0
        elif op == "Do":
            name = operands[0]
            xobj = resources.get("/XObject", {}).get(name)
            if xobj is None:
                continue
            if xobj.get("/Subtype") == "/Image":
                out.images += 1
                continue
            matrix = tuple(float(v) for v in xobj.get("/Matrix", IDENTITY))
            if depth == 0:
                out.forms.append((str(name), mul(matrix, ctm)))  # type: ignore[arg-type]
            _walk(
                xobj,
                xobj.get("/Resources", resources),
                mul(matrix, ctm),  # type: ignore[arg-type]
                out,
                depth + 1,
            )


def scan(pdf: bytes) -> list[PageScan]:
    """Every page of ``pdf`` read back as text runs, shapes and colour operators."""
    pages = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            box = [float(v) for v in page.obj["/MediaBox"]]
            result = PageScan(box[2] - box[0], box[3] - box[1])
            _walk(page, page.obj.get("/Resources", pikepdf.Dictionary()), IDENTITY, result, 0)
            pages.append(result)
    return pages


def smallest_text(pdf: bytes) -> float:
    """The smallest glyph size (points) drawn anywhere in the PDF."""
    return min(run.size for page in scan(pdf) for run in page.text)


def body_size(page: PageScan) -> float:
    """The size that carries the most characters on the page (the body text)."""
    weight: dict[float, int] = {}
    for run in page.text:
        key = round(run.size, 1)
        weight[key] = weight.get(key, 0) + run.chars
    return max(weight, key=lambda k: weight[k])


def largest_empty_band(
    page: PageScan,
    area: tuple[float, float, float, float],
    *,
    halves: bool = False,
    ignore_larger: float = 0.8,
) -> float:
    """The tallest horizontal band (points) inside ``area`` (x0, y0, x1, y1) where nothing is
    drawn across the whole width (``halves``: in the left or the right half alone). Shapes
    covering more than ``ignore_larger`` of the area (page backgrounds) are not content."""
    x0, y0, x1, y1 = area
    mid = (x0 + x1) / 2
    area_size = (x1 - x0) * (y1 - y0)
    spans: list[tuple[float, float, float, float]] = []
    for run in page.text:
        spans.append(
            (
                run.x,
                run.x + run.size * 0.5 * run.chars,
                run.y - run.size * 0.25,
                run.y + run.size * 0.8,
            )
        )
    for s in page.shapes:
        if (s.x1 - s.x0) * (s.y1 - s.y0) > ignore_larger * area_size:
            continue
        spans.append((s.x0, s.x1, s.y0, s.y1))
    worst = 0.0
    for lo, hi in ((x0, mid), (mid, x1)) if halves else ((x0, x1),):
        ys = sorted(
            (max(b, y0), min(t, y1))
            for a, z, b, t in spans
            if z > lo and a < hi and t > y0 and b < y1
        )
        edge = y0
        for b, t in ys:
            worst = max(worst, b - edge)
            edge = max(edge, t)
        worst = max(worst, y1 - edge)
    return worst

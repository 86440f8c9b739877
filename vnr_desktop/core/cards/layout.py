"""Layout basics: type styles at a scale, measuring and drawing text, paragraphs that never
break inside a word, and the error for text that does not fit.

The rest of the layout lives beside it: numbers.py (number tables), panels.py (the boxes a
side is built from) and fit.py (the type scale of each side and where its rows go). Text is
never below the floors (7 pt on pocket cards, 16 pt body and 28 pt numbers on A4 posters);
what does not fit at the floors raises CardOverflowError naming card, side and panel: text is
never cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.errors import CardError
from vnr_desktop.core.cards.formats import MM, TypeSizes


class CardOverflowError(CardError):
    """Text does not fit a panel even at the smallest allowed size.

    When the side holds the user's own numbers (``own_numbers`` > 0) the message is for the
    user, who can include fewer or pick a larger format: ``str()`` is bokmål and
    ``message_en`` English, as for LibraryError. Otherwise it is for the card's author
    (English, naming the definition file to change).
    """

    def __init__(
        self,
        card: str,
        fmt: str,
        region: str,
        side: str,
        panel: str,
        needed_mm: float,
        available_mm: float,
        body_pt: float,
        own_numbers: int = 0,
    ) -> None:
        self.card = card
        self.format = fmt
        self.region = region
        self.side = side
        self.panel = panel
        self.needed_mm = needed_mm
        self.available_mm = available_mm
        self.own_numbers = own_numbers
        """How many of the user's own numbers the side holds (0: none)."""
        wide = needed_mm == float("inf")
        if own_numbers:
            where_nb = f"kortet «{card}» ({fmt}, {region}), side «{side}», felt «{panel}»"
            where_en = f"card {card!r} ({fmt}, {region}), side {side!r}, panel {panel!r}"
            if wide:
                problem_nb = (
                    f"et navn eller nummer er bredere enn kolonnen, selv med {body_pt:g} pt"
                )
                problem_en = f"a name or number is wider than its column even at {body_pt:g} pt"
            else:
                problem_nb = (
                    f"teksten trenger {needed_mm:.1f} mm, men har {available_mm:.1f} mm ved "
                    f"minste tillatte skriftstørrelse ({body_pt:g} pt)"
                )
                problem_en = (
                    f"the text needs {needed_mm:.1f} mm but has {available_mm:.1f} mm at the "
                    f"smallest allowed size ({body_pt:g} pt)"
                )
            message = (
                f"Egne numre får ikke plass på {where_nb}: {problem_nb}. Siden har "
                f"{own_numbers} egne numre. Ta med færre, eller velg et større format."
            )
            self.message_en = (
                f"Your own numbers do not fit on {where_en}: {problem_en}. The side holds "
                f"{own_numbers} own numbers. Include fewer, or choose a larger format."
            )
        elif wide:
            message = (
                f"card {card!r} ({fmt}, {region}): on side {side!r}, panel {panel!r}, a word, "
                f"phone number or blank line is wider than its column even at {body_pt:g} pt. "
                f"Shorten it, or give the panel fewer columns or more width in "
                f"cards/{card}.yaml"
            )
            self.message_en = message
        else:
            message = (
                f"card {card!r} ({fmt}, {region}): the text does not fit on side {side!r}, panel "
                f"{panel!r}: it needs {needed_mm:.1f} mm but has {available_mm:.1f} mm at the "
                f"smallest allowed size ({body_pt:g} pt). Shorten the panel in cards/{card}.yaml "
                "or pick fewer guide blocks for this format"
            )
            self.message_en = message
        super().__init__(message)


@dataclass(frozen=True)
class Styles:
    sizes: TypeSizes
    body: ParagraphStyle
    bold: ParagraphStyle
    bullet: ParagraphStyle
    band: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    meta: ParagraphStyle
    number_pt: float
    body_pt: float
    pad: float
    """Inner padding of panels, points."""


def effective_sizes(sizes: TypeSizes, scale: float) -> TypeSizes:
    def s(pref: float, floor: float) -> float:
        return max(round(pref * scale, 2), floor)

    return TypeSizes(
        title=s(sizes.title, sizes.body_min),
        heading=s(sizes.heading, sizes.body_min),
        body=s(sizes.body, sizes.body_min),
        body_min=sizes.body_min,
        number=s(sizes.number, sizes.number_min),
        number_min=sizes.number_min,
        meta=sizes.meta,
        leading=sizes.leading,
        label_ratio=sizes.label_ratio,
    )


def build_styles(sizes: TypeSizes, pad_mm: float) -> Styles:
    fonts.ensure_fonts()
    ink = HexColor(palette.INK)
    lead = sizes.leading
    body = ParagraphStyle(
        "body",
        splitLongWords=0,
        fontName=fonts.REGULAR,
        fontSize=sizes.body,
        leading=sizes.body * lead,
        textColor=ink,
    )
    bold = ParagraphStyle("bold", parent=body, fontName=fonts.BOLD)
    bullet = ParagraphStyle(
        "bullet",
        parent=body,
        leftIndent=sizes.body * 0.85,
        bulletIndent=0,
        bulletFontName=fonts.REGULAR,
        bulletFontSize=sizes.body,
    )
    band = ParagraphStyle(
        "band",
        parent=body,
        fontName=fonts.BOLD,
        fontSize=sizes.heading,
        leading=sizes.heading * 1.12,
        textColor=HexColor(palette.PAPER),
    )
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=fonts.BOLD,
        fontSize=sizes.title,
        leading=sizes.title * 1.1,
        textColor=HexColor(palette.TITLE_FG),
    )
    subtitle = ParagraphStyle(
        "subtitle",
        parent=body,
        fontSize=max(sizes.body, sizes.title * 0.55),
        leading=max(sizes.body, sizes.title * 0.55) * 1.15,
        textColor=palette.text_colour(palette.TITLE_ACCENT),
    )
    meta = ParagraphStyle(
        "meta",
        parent=body,
        fontSize=sizes.meta,
        leading=sizes.meta * 1.2,
        textColor=HexColor(palette.MUTED),
    )
    return Styles(
        sizes,
        body,
        bold,
        bullet,
        band,
        title,
        subtitle,
        meta,
        sizes.number,
        sizes.body,
        pad_mm * MM,
    )


def line_count(p: Paragraph) -> int:
    return len(p.blPara.lines)


def last_line_words(p: Paragraph) -> int:
    """How many words the wrapped paragraph's last line holds."""
    line = p.blPara.lines[-1]
    if p.blPara.kind == 0:
        return len(line[1])
    return int(line.wordCount)


def _extra_space(p: Paragraph, index: int) -> float:
    """Unused width at the end of a wrapped line."""
    line = p.blPara.lines[index]
    return float(line[0] if p.blPara.kind == 0 else line.extraSpace)


class WholeWordParagraph(Paragraph):
    """A paragraph that never breaks inside a word: a word wider than the column is no room.

    A paragraph of several lines never ends with one word alone on its last line (a runt):
    it is set a little narrower, so a second word comes down, as long as that costs no line.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.minWidth() > availWidth + 0.01:
            raise NoRoom("a word is wider than its column")
        w, h = super().wrap(availWidth, availHeight)
        lines = line_count(self)
        if lines < 2 or last_line_words(self) > 1:
            return w, h
        narrower = availWidth
        for _ in range(3):
            # just narrower than the line before the last: its last word comes down
            narrower -= max(_extra_space(self, -2), 0.0) + self.style.fontSize * 0.3
            if self.minWidth() > narrower:
                break
            _, nh = super().wrap(narrower, availHeight)
            if line_count(self) != lines:
                break
            if last_line_words(self) > 1:
                return availWidth, nh
        width, height = super().wrap(availWidth, availHeight)
        return float(width), float(height)


def balance(p: Paragraph, width: float) -> float:
    """Wrap ``p`` at the narrowest width that keeps its line count (balanced lines, no lone
    word on the last line); returns that width."""
    p.wrap(width, 10_000)
    lines = line_count(p)
    if lines < 2:
        return width
    lo, hi = width * 0.5, width
    for _ in range(7):
        mid = (lo + hi) / 2
        try:
            p.wrap(mid, 10_000)
            ok = line_count(p) == lines
        except NoRoom:
            ok = False
        lo, hi = (lo, mid) if ok else (mid, hi)
    p.wrap(hi, 10_000)
    if last_line_words(p) < 2:
        # Narrowest is not always best: a little wider may bring a second word down.
        for w in (hi + (width - hi) * k / 6 for k in range(1, 7)):
            p.wrap(w, 10_000)
            if line_count(p) == lines and last_line_words(p) >= 2:
                return w
        p.wrap(hi, 10_000)
    return hi


def paragraph(
    text: str,
    style: ParagraphStyle,
    bold_prefix: str | None = None,
    font: str = fonts.REGULAR,
    where: str = "",
) -> Paragraph:
    body = fonts.markup(text, font, where)
    if bold_prefix:
        body = f"<b>{fonts.markup(bold_prefix, fonts.BOLD, where)}</b> {body}"
    return WholeWordParagraph(body, style)


def text_runs(text: str, font: str) -> list[tuple[str, str]]:
    """Split text into runs of the font and of DejaVu for the characters the font lacks."""
    fonts.check_text(text, font)
    out: list[tuple[str, str]] = []
    for ch in text:
        f = font if fonts.covers(font, ch) else fonts.symbol_for(font)
        if out and out[-1][0] == f:
            out[-1] = (f, out[-1][1] + ch)
        else:
            out.append((f, ch))
    return out


def text_width(text: str, font: str, size: float) -> float:
    return float(sum(stringWidth(chunk, f, size) for f, chunk in text_runs(text, font)))


def draw_text(
    c: Canvas, x: float, y: float, text: str, font: str, size: float, align: str = "left"
) -> None:
    if align == "right":
        x -= text_width(text, font, size)
    elif align == "centre":
        x -= text_width(text, font, size) / 2
    for f, chunk in text_runs(text, font):
        c.setFont(f, size)
        c.drawString(x, y, chunk)
        x += stringWidth(chunk, f, size)


class NoRoom(Exception):
    pass

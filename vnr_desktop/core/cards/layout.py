"""Layout: place a resolved card's panels on a side, measure them, and draw them.

A side is a stack of rows; a row holds panels side by side. Row heights are fixed (mm), ``fit``
(their content) or ``rest`` (what is left). Text is set at the format's preferred sizes and,
when a side does not fit, smaller in steps, but never below the floors (7 pt body and 9 pt
numbers on pocket cards, 28 pt numbers on A4 posters). What still does not fit raises
CardOverflowError naming card, side and panel: text is never cut off.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.errors import CardError
from vnr_desktop.core.cards.formats import MM, TypeSizes
from vnr_desktop.core.cards.qr import code_size_mm, draw_qr
from vnr_desktop.core.cards.resolve import NumberLine, ResolvedCard, ResolvedElement, ResolvedPanel

SCALE_STEP = 0.04
GROW_BELOW = 0.9
"""A side whose content fills less than this share of its height is set larger."""


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
        textColor=HexColor(palette.TITLE_ACCENT),
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


class WholeWordParagraph(Paragraph):
    """A paragraph that never breaks inside a word: a word wider than the column is no room."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.minWidth() > availWidth + 0.01:
            raise _NoRoom("a word is wider than its column")
        return super().wrap(availWidth, availHeight)


def _para(
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
    return sum(stringWidth(chunk, f, size) for f, chunk in text_runs(text, font))


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


# --------------------------------------------------------------------------- numbers


class NumberTable(Flowable):
    """Labels and numbers in one or more columns; numbers the largest, boldest text."""

    def __init__(
        self, lines: tuple[NumberLine, ...], columns: int, st: Styles, local_label: str, where: str
    ) -> None:
        super().__init__()
        self.lines = lines
        self.columns = max(1, min(columns, len(lines)))
        self.st = st
        self.local_label = local_label
        self.where = where
        self._cells: list[tuple[float, Callable[[Canvas, float, float], None]]] = []
        self._rows: list[float] = []
        self._col_w = 0.0
        self.lab = st.sizes.body * st.sizes.label_ratio
        self.label_style = ParagraphStyle(
            "label", parent=st.body, fontSize=self.lab, leading=self.lab * st.sizes.leading
        )

    @property
    def col_gap(self) -> float:
        return self.st.body_pt * 1.4

    @property
    def row_gap(self) -> float:
        return self.st.body_pt * 0.22

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        cols = self.columns
        self._col_w = (aw - self.col_gap * (cols - 1)) / cols
        self._cells = [self._cell(line, self._col_w) for line in self.lines]
        self._rows = []
        for r in range(0, len(self._cells), cols):
            self._rows.append(max(h for h, _ in self._cells[r : r + cols]))
        self.width = aw
        self.height = sum(self._rows) + self.row_gap * 2 * (len(self._rows) - 1)
        return aw, self.height

    def _value(
        self, line: NumberLine, width: float
    ) -> tuple[float, float, Callable[[Canvas, float, float], None]]:
        """(width, height above baseline, draw(c, right_x, baseline)) of the line's value.

        A blank line ("Lokalt nummer: ____") shortens its rule to the column, down to a
        length a number can still be written on by hand.
        """
        st = self.st
        if line.number:
            n = line.number
            fonts.check_text(n, fonts.NUMBER, self.where)
            w = stringWidth(n, fonts.NUMBER, st.number_pt)

            def draw_number(c: Canvas, right: float, base: float) -> None:
                c.setFillColor(HexColor(palette.INK))
                c.setFont(fonts.NUMBER, st.number_pt)
                c.drawRightString(right, base, n)

            return w, st.number_pt, draw_number
        if line.web:
            web = line.web
            w = text_width(web, fonts.BOLD, self.lab)

            def draw_web(c: Canvas, right: float, base: float) -> None:
                c.setFillColor(HexColor(palette.INK))
                draw_text(c, right, base, web, fonts.BOLD, self.lab, align="right")

            return w, self.lab, draw_web
        label = self.local_label + ":"
        small = st.body_pt
        lw = text_width(label, fonts.REGULAR, small)
        space = small * 0.4
        rule = min(st.number_pt * 5.0, max(0.0, width - lw - space))
        if rule < st.number_pt * 2.8:
            raise _NoRoom(f"the blank line for {line.label} does not fit its column")
        w = lw + space + rule

        def draw_blank(c: Canvas, right: float, base: float) -> None:
            c.setFillColor(HexColor(palette.MUTED))
            draw_text(c, right - w, base, label, fonts.REGULAR, small)
            c.setStrokeColor(HexColor(palette.BLANK_LINE))
            c.setLineWidth(max(0.5, self.lab / 14))
            c.line(right - rule, base - self.lab * 0.15, right, base - self.lab * 0.15)

        return w, self.lab, draw_blank

    def _cell(
        self, line: NumberLine, width: float
    ) -> tuple[float, Callable[[Canvas, float, float], None]]:
        parts: list[tuple[float, Callable[[Canvas, float, float], None]]] = []
        parts.append(self._main_part(line, width))
        extra = " · ".join(x for x in (line.hours, line.note) if x)
        if extra:
            p = _para(
                extra,
                ParagraphStyle("x", parent=self.label_style, textColor=HexColor(palette.MUTED)),
                where=self.where,
            )
            _, h = p.wrap(width, 10_000)

            def draw_extra(c: Canvas, x: float, top: float, p: Paragraph = p, h: float = h) -> None:
                p.drawOn(c, x, top - h)

            parts.append((h, draw_extra))
        if line.fallback is not None:
            parts.append(self._main_part(line.fallback, width))
        total = sum(h for h, _ in parts) + self.row_gap * (len(parts) - 1)

        def draw(c: Canvas, x: float, top: float) -> None:
            y = top
            for h, fn in parts:
                fn(c, x, y)
                y -= h + self.row_gap

        return total, draw

    def _main_part(
        self, line: NumberLine, width: float
    ) -> tuple[float, Callable[[Canvas, float, float], None]]:
        vw, vh, draw_value = self._value(line, width)
        if vw > width:
            raise _NoRoom(f"{line.number or line.web or 'blank line'} is wider than its column")
        gap = self.lab * 0.6
        label_w = text_width(line.label, fonts.REGULAR, self.lab)
        line_h = max(vh * 1.18, self.label_style.leading)
        ascent = max(vh, self.lab) * 0.93
        if label_w + gap + vw <= width:

            def one_line(c: Canvas, x: float, top: float) -> None:
                base = top - ascent
                c.setFillColor(HexColor(palette.INK))
                draw_text(c, x, base, line.label, fonts.REGULAR, self.lab)
                draw_value(c, x + width, base)

            return line_h, one_line
        label_room = width - vw - gap
        beside_p: Paragraph | None = None
        if label_room >= width * 0.42:
            beside_p = _para(line.label, self.label_style, where=self.where)
            try:
                _, ph = beside_p.wrap(label_room, 10_000)
            except _NoRoom:
                beside_p = None
        if beside_p is not None:
            p = beside_p
            h = max(ph, line_h)

            def beside(c: Canvas, x: float, top: float) -> None:
                p.drawOn(c, x, top - ph)
                draw_value(c, x + width, top - ascent)

            return h, beside
        p = _para(line.label, self.label_style, where=self.where)
        _, ph = p.wrap(width, 10_000)

        def stacked(c: Canvas, x: float, top: float) -> None:
            p.drawOn(c, x, top - ph)
            draw_value(c, x + width, top - ph - ascent)

        return ph + line_h, stacked

    def draw(self) -> None:
        c = self.canv
        cols = self.columns
        top = self.height
        rule = HexColor(palette.RULE)
        for r, row_h in enumerate(self._rows):
            for col in range(cols):
                i = r * cols + col
                if i >= len(self._cells):
                    break
                x = col * (self._col_w + self.col_gap)
                self._cells[i][1](c, x, top)
            top -= row_h
            if r < len(self._rows) - 1:
                c.setStrokeColor(rule)
                c.setLineWidth(0.35)
                c.line(0, top - self.row_gap, self.width, top - self.row_gap)
                top -= self.row_gap * 2


class _NoRoom(Exception):
    pass


class GroupRule(Flowable):
    """A full-width line in the panel's tone: sets a group of numbers apart."""

    def __init__(self, colour: object, thickness: float) -> None:
        super().__init__()
        self.colour = colour
        self.thickness = thickness

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self.thickness
        return aw, self.thickness

    def draw(self) -> None:
        c = self.canv
        c.setStrokeColor(self.colour)
        c.setLineWidth(self.thickness)
        c.line(0, self.thickness / 2, self.width, self.thickness / 2)


# --------------------------------------------------------------------------- panels


class Box:
    """Something with a measured height that draws itself in a rectangle."""

    def measure(self, width: float) -> float:
        raise NotImplementedError

    def draw(self, c: Canvas, x: float, y_top: float, width: float, height: float) -> None:
        raise NotImplementedError


def _label(heading: str | None) -> str | None:
    """A block heading as a run-in label: ``Tips!`` stays, ``Start gjerne med`` gets a colon."""
    if not heading:
        return None
    return heading if heading[-1] in "!?:.…" else f"{heading}:"


class ContentPanel(Box):
    def __init__(self, rc: ResolvedCard, panel: ResolvedPanel, st: Styles) -> None:
        self.rc = rc
        self.panel = panel
        self.st = st
        self.tone = HexColor(palette.TONES.get(panel.tone, palette.TONES["plain"]))
        self.tinted = panel.tone == "numbers"
        self.where = f"card {rc.card_id}, panel {panel.id}"
        self._width = -1.0
        self._band: Paragraph | None = None
        self._items: list[tuple[Flowable, float]] = []
        self._height = 0.0

    def _flowables(self, width: float) -> list[tuple[Flowable, float]]:
        """(flowable, space before) for the panel's content."""
        st = self.st
        out: list[tuple[Flowable, float]] = []
        small = st.body.leading * 0.35
        block_style = ParagraphStyle("block", parent=st.bold, textColor=self.tone)
        for element in self.panel.elements:
            out += self._element(element, small, block_style, width)
        if self.rc.own_panel == self.panel.id and self.rc.own_lines:
            out += self._own_group(small, block_style)
        if out:
            out[0] = (out[0][0], 0.0)
        return out

    def _own_group(self, small: float, block_style: ParagraphStyle) -> list[tuple[Flowable, float]]:
        """The user's own numbers: below a rule, under their own heading, in their own table,
        so they are never read as numbers from the content."""
        st = self.st
        where = f"{self.where}, own numbers"
        lab = st.sizes.body * st.sizes.label_ratio
        style = ParagraphStyle(
            "own", parent=block_style, fontSize=lab, leading=lab * st.sizes.leading
        )
        heading = _para(self.rc.strings["own_numbers"], style, font=fonts.BOLD, where=where)
        table = NumberTable(
            self.rc.own_lines,
            self.rc.own_columns,
            st,
            self.rc.strings["local_number"],
            where,
        )
        return [
            (GroupRule(self.tone, max(0.8, st.body_pt / 9)), small * 1.6),
            (heading, small * 0.8),
            (table, small * 0.8),
        ]

    def _element(
        self, e: ResolvedElement, small: float, block_style: ParagraphStyle, width: float
    ) -> list[tuple[Flowable, float]]:
        st = self.st
        where = self.where
        out: list[tuple[Flowable, float]] = []
        if e.kind == "text" and e.text:
            style = st.bold if e.emphasis else st.body
            font = fonts.BOLD if e.emphasis else fonts.REGULAR
            out.append((_para(e.text, style, font=font, where=where), small))
        elif e.kind == "bullets":
            for b in e.bullets:
                p = WholeWordParagraph(fonts.markup(b, where=where), st.bullet, bulletText="•")
                out.append((p, small * 0.4))
        elif e.kind == "guide":
            if e.intro:
                out.append((_para(e.intro, st.body, where=where), small))
            for block in e.blocks:
                if block.inline:
                    first = True
                    if block.text:
                        prefix = _label(block.heading)
                        out.append(
                            (_para(block.text, st.body, bold_prefix=prefix, where=where), small)
                        )
                        first = False
                    if block.items:
                        prefix = _label(block.heading) if first else None
                        joined = " · ".join(i.rstrip(". ") for i in block.items)
                        out.append((_para(joined, st.body, bold_prefix=prefix, where=where), small))
                    elif first and block.heading:
                        out.append(
                            (_para(block.heading, block_style, font=fonts.BOLD, where=where), small)
                        )
                else:
                    if block.heading:
                        out.append(
                            (
                                _para(block.heading, block_style, font=fonts.BOLD, where=where),
                                small * 1.4,
                            )
                        )
                    if block.text:
                        out.append(
                            (
                                _para(block.text, st.body, where=where),
                                small * 0.5 if block.heading else small,
                            )
                        )
                    for item in block.items:
                        p = WholeWordParagraph(
                            fonts.markup(item, where=where), st.bullet, bulletText="•"
                        )
                        out.append((p, small * 0.4))
        elif e.kind == "numbers":
            table = NumberTable(e.lines, e.columns, st, self.rc.strings["local_number"], where)
            out.append((table, small * 1.2))
        return out

    def _layout(self, width: float) -> None:
        if width == self._width:
            return
        st = self.st
        inner = width - 2 * st.pad
        self._band = None
        band_h = 0.0
        if self.panel.heading or self.panel.subheading:
            head = fonts.markup(self.panel.heading or "", fonts.BOLD, self.where)
            if self.panel.subheading:
                sub = fonts.markup(self.panel.subheading, fonts.REGULAR, self.where)
                head = f"{head}<font name='{fonts.REGULAR}'>{'  ' if head else ''}{sub}</font>"
            self._band = WholeWordParagraph(head, st.band)
            _, bh = self._band.wrap(inner, 10_000)
            band_h = bh + st.band.fontSize * 0.55
        self._band_h = band_h
        items = self._flowables(inner)
        total = band_h + (st.body.leading * 0.4 if band_h else 0)
        measured = []
        for flow, before in items:
            try:
                _, h = flow.wrap(inner, 100_000)
            except _NoRoom as exc:
                raise _PanelNoRoom(str(exc)) from None
            measured.append((flow, before))
            total += before + h
        if self.tinted:
            total += st.pad
        self._items = measured
        self._height = total
        self._width = width

    def measure(self, width: float) -> float:
        self._layout(width)
        return self._height

    def draw(self, c: Canvas, x: float, y_top: float, width: float, height: float) -> None:
        self._layout(width)
        st = self.st
        if self.tinted:
            # Tint only what the content fills: a tall row does not become an empty grey box.
            tint_h = min(height, self._height)
            c.setFillColor(HexColor(palette.NUMBERS_BG))
            c.rect(x, y_top - tint_h, width, tint_h, stroke=0, fill=1)
        y = y_top
        if self._band is not None:
            c.setFillColor(self.tone)
            c.rect(x, y - self._band_h, width, self._band_h, stroke=0, fill=1)
            bh = self._band.height
            self._band.drawOn(
                c, x + st.pad, y - self._band_h + (self._band_h - bh) / 2 + st.band.fontSize * 0.06
            )
            y -= self._band_h + st.body.leading * 0.4
        for flow, before in self._items:
            y -= before
            flow.drawOn(c, x + st.pad, y - flow.height)
            y -= flow.height


class _PanelNoRoom(Exception):
    pass


class TitlePanel(Box):
    """The title band: bleeds off the top edge when it is the first row."""

    def __init__(self, rc: ResolvedCard, st: Styles) -> None:
        self.rc = rc
        self.st = st
        pocket = rc.spec.family == "id1"
        self.title_text = rc.short_title if pocket else rc.title
        self.subtitle_text = None if pocket else rc.subtitle
        self._w = -1.0

    def _layout(self, width: float) -> None:
        if width == self._w:
            return
        st = self.st
        where = f"card {self.rc.card_id}, title"
        region = self.rc.region_name
        self.region_size = st.subtitle.fontSize if self.rc.spec.family != "id1" else st.body_pt
        region_w = text_width(region, fonts.BOLD, self.region_size)
        inner = width - 2 * st.pad
        self.title = _para(self.title_text, st.title, font=fonts.BOLD, where=where)
        title_w = inner - region_w - st.body_pt
        self.region_below = title_w < inner * 0.5
        if not self.region_below:
            try:
                _, th = self.title.wrap(title_w, 10_000)
            except _NoRoom:
                self.region_below = True
        if self.region_below:
            _, th = self.title.wrap(inner, 10_000)
        h = th
        self.sub = None
        if self.subtitle_text:
            self.sub = _para(self.subtitle_text, st.subtitle, where=where)
            _, sh = self.sub.wrap(inner, 10_000)
            h += sh + st.title.fontSize * 0.2
        if self.region_below:
            h += self.region_size * 1.3
        self.bottom_pad = st.pad * 1.1 + st.body_pt * 0.15
        self.top_pad = st.pad * 0.2
        self._h = h + self.bottom_pad + self.top_pad
        self._w = width

    def measure(self, width: float) -> float:
        self._layout(width)
        return self._h

    def draw(
        self,
        c: Canvas,
        x: float,
        y_top: float,
        width: float,
        height: float,
        bleed_box: tuple[float, float, float, float] | None = None,
    ) -> None:
        self._layout(width)
        st = self.st
        c.setFillColor(HexColor(palette.TITLE_BG))
        if bleed_box is not None:
            bx0, _, bx1, by1 = bleed_box
            c.rect(bx0, y_top - height, bx1 - bx0, by1 - (y_top - height), stroke=0, fill=1)
        else:
            c.rect(x, y_top - height, width, height, stroke=0, fill=1)
        y = y_top - self.top_pad
        self.title.drawOn(c, x + st.pad, y - self.title.height)
        first_base = y - st.title.fontSize * 0.93
        c.setFillColor(HexColor(palette.TITLE_ACCENT))
        if not self.region_below:
            draw_text(
                c,
                x + width - st.pad,
                first_base,
                self.rc.region_name,
                fonts.BOLD,
                self.region_size,
                align="right",
            )
        y -= self.title.height
        if self.sub is not None:
            y -= st.title.fontSize * 0.2
            self.sub.drawOn(c, x + st.pad, y - self.sub.height)
            y -= self.sub.height
        if self.region_below:
            c.setFillColor(HexColor(palette.TITLE_ACCENT))
            draw_text(
                c,
                x + st.pad,
                y - self.region_size * 1.1,
                self.rc.region_name,
                fonts.BOLD,
                self.region_size,
            )


class FooterPanel(Box):
    """Provenance (content version, date, region) and the QR code to the current version."""

    def __init__(
        self, rc: ResolvedCard, st: Styles, qr_payload: str, *, text: bool = True, code: bool = True
    ) -> None:
        self.rc = rc
        self.st = st
        self.qr_payload = qr_payload
        self.show_text = text
        # No address, no code (built-in bundles); otherwise at least MIN_MODULE_MM per module.
        self.qr = code_size_mm(qr_payload, rc.spec.qr_mm) * MM if code else 0.0
        self._w = -1.0

    def lines(self) -> list[str]:
        rc = self.rc
        date = rc.issued.strftime("%d.%m.%Y")
        version = rc.bundles_version
        if rc.own_lines:
            version += f" + {rc.strings['own_numbers_included']}"
        ids = f"({rc.card_id}, {rc.spec.id})"
        return [
            f"{rc.strings['content']}: {version}, {date} · {rc.region_name}",
            f"{rc.strings['scan_for_latest']} {ids}" if self.qr_payload else ids,
        ]

    def _layout(self, width: float) -> None:
        if width == self._w:
            return
        where = f"card {self.rc.card_id}, footer"
        lines = self.lines() if self.show_text else []
        beside = width - self.qr - (self.st.pad if self.qr else 0)
        # Too narrow for text beside the code: put the text under it.
        self.stacked = bool(self.qr and lines and beside < 30 * MM)
        text_w = width if self.stacked else beside
        self.paras = [_para(t, self.st.meta, where=where) for t in lines]
        self.text_h = sum(p.wrap(text_w, 10_000)[1] for p in self.paras)
        if self.stacked:
            self._h = self.qr + self.st.pad + self.text_h
        else:
            self._h = max(self.qr, self.text_h)
        self._w = width

    def measure(self, width: float) -> float:
        self._layout(width)
        return self._h

    def draw(self, c: Canvas, x: float, y_top: float, width: float, height: float) -> None:
        self._layout(width)
        bottom = y_top - height
        if self.stacked:
            draw_qr(
                c, self.qr_payload, x + width - self.qr, bottom + self.text_h + self.st.pad, self.qr
            )
            y = bottom + self.text_h
        else:
            y = bottom + self.text_h
            if self.qr:
                draw_qr(c, self.qr_payload, x + width - self.qr, bottom, self.qr)
        for p in self.paras:
            p.drawOn(c, x, y - p.height)
            y -= p.height


# --------------------------------------------------------------------------- sides


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


def _make_box(rc: ResolvedCard, panel_id: str, st: Styles, qr_payload: str) -> Box:
    if panel_id == "title":
        return TitlePanel(rc, st)
    if panel_id == "footer":
        return FooterPanel(rc, st, qr_payload)
    if panel_id == "meta":
        return FooterPanel(rc, st, qr_payload, code=False)
    if panel_id == "qr":
        return FooterPanel(rc, st, qr_payload, text=False)
    return ContentPanel(rc, rc.panels[panel_id], st)


def plan_side(
    rc: ResolvedCard,
    side: str,
    st: Styles,
    qr_payload: str,
    size_mm: tuple[float, float],
    *,
    strict: bool = True,
) -> SidePlan:
    """Place the side's rows; raises _Overflow(panel, needed, available) when text does not fit."""
    spec = rc.spec
    w_mm, h_mm = size_mm
    W, H = w_mm * MM, h_mm * MM
    safe = spec.safe * MM
    gap = spec.gap * MM
    cw, ch = W - 2 * safe, H - 2 * safe
    rows = rc.layout.sides[side]
    boxes: list[list[tuple[str, Box, float]]] = []
    for row in rows:
        n = len(row.panels)
        weights = row.widths or [1.0] * n
        total_w = sum(weights)
        avail = cw - gap * (n - 1)
        made = [_make_box(rc, pid, st, qr_payload) for pid in row.panels]
        widths = _reserve_code_width(made, [avail * wt / total_w for wt in weights])
        boxes.append(list(zip(row.panels, made, widths, strict=True)))

    def needed(i: int) -> tuple[float, str]:
        best = (0.0, "")
        for pid, box, width in boxes[i]:
            try:
                h = box.measure(width)
            except (_PanelNoRoom, _NoRoom):
                h = float("inf")
            if h > best[0]:
                best = (h, pid)
        return best

    heights: list[float] = []
    rest_index = -1
    for i, row in enumerate(rows):
        need, pid = needed(i)
        if row.height == "rest":
            rest_index = i
            heights.append(need)
        elif row.height == "fit":
            if need == float("inf") and strict:
                raise _Overflow(pid, need, 0.0)
            heights.append(need)
        else:
            fixed = float(row.height) * MM
            if need > fixed and strict:
                raise _Overflow(pid, need, fixed)
            heights.append(fixed)
    used = sum(h for i, h in enumerate(heights) if i != rest_index) + gap * (len(rows) - 1)
    rest = ch - used
    need_rest, pid_rest = needed(rest_index)
    if need_rest > rest and strict:
        over = need_rest - rest
        fits = [
            (h, i) for i, h in enumerate(heights) if i != rest_index and rows[i].height == "fit"
        ]
        if rest < 0 and fits:
            # The fitted rows alone overfill the side: name the tallest of them.
            h, i = max(fits)
            raise _Overflow(needed(i)[1], h, h - over)
        raise _Overflow(pid_rest, need_rest, rest)
    heights[rest_index] = rest

    placed: list[Placed] = []
    y = H - safe
    for i, row in enumerate(boxes):
        x = safe
        for pid, box, width in row:
            placed.append(
                Placed(pid, box, x, y, width, heights[i], bleeds=(i == 0 and pid == "title"))
            )
            x += width + gap
        y -= heights[i] + gap
    return SidePlan(side, W, H, placed, fill=(used + need_rest) / ch if ch > 0 else 1.0)


def _reserve_code_width(made: list[Box], widths: list[float]) -> list[float]:
    """A code-only panel gets at least its code's width (a longer address makes a larger
    code); the other panels of the row give up the difference in proportion."""
    need = [b.qr if isinstance(b, FooterPanel) and not b.show_text else 0.0 for b in made]
    extra = sum(max(0.0, n - w) for n, w in zip(need, widths, strict=True))
    if extra <= 0:
        return widths
    others = sum(w for n, w in zip(need, widths, strict=True) if n <= w)
    return [
        max(n, w) if n > w else w - extra * w / others for n, w in zip(need, widths, strict=True)
    ]


class _Overflow(Exception):
    def __init__(self, panel: str, needed: float, available: float) -> None:
        super().__init__(panel)
        self.panel = panel
        self.needed = needed
        self.available = available


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


def _at_floor(sizes: TypeSizes, base: TypeSizes) -> bool:
    return (
        sizes.body <= base.body_min
        and sizes.number <= base.number_min
        and sizes.heading <= base.body_min
        and sizes.title <= base.body_min
    )


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
    sides: dict[str, SidePlan] = {}
    used: dict[str, TypeSizes] = {}
    styles: dict[float, Styles] = {}

    def attempt(side: str, scale: float) -> tuple[SidePlan, TypeSizes]:
        sizes = effective_sizes(base, scale)
        st = styles.get(scale) or styles.setdefault(scale, build_styles(sizes, pad_mm))
        return plan_side(rc, side, st, qr_payload, side_size(side), strict=strict), sizes

    for side in rc.layout.sides:
        scale = 1.0
        while True:
            try:
                plan, sizes = attempt(side, scale)
                break
            except _Overflow as exc:
                sizes = effective_sizes(base, scale)
                if _at_floor(sizes, base):
                    own_here = any(rc.own_panel in row.panels for row in rc.layout.sides[side])
                    raise CardOverflowError(
                        rc.card_id,
                        rc.format,
                        rc.region,
                        side,
                        exc.panel,
                        exc.needed / MM,
                        exc.available / MM,
                        sizes.body,
                        own_numbers=len(rc.own_numbers()) if own_here else 0,
                    ) from None
                # Text height grows about with the square of the scale: jump close to the
                # size that fits, then go on in small steps.
                ratio = exc.available / exc.needed if 0 < exc.needed < float("inf") else 0.0
                guess = scale * max(ratio, 0.5) ** 0.5 if ratio > 0 else 0.0
                scale = round(min(scale - SCALE_STEP, max(guess, scale - 0.3)), 4)
        if scale == 1.0 and spec.max_scale > 1.0:
            # Room to spare (a numbers card): set it larger. Text height grows about with the
            # square of the scale, so guess from the fill; back off halfway once if it fails.
            for _ in range(3):
                if plan.fill >= GROW_BELOW:
                    break
                guess = round(min(spec.max_scale, scale * (1.0 / plan.fill) ** 0.5 * 0.98), 3)
                if guess <= scale * 1.02:
                    break
                try:
                    plan, sizes = attempt(side, guess)
                    scale = guess
                except _Overflow:
                    half = round((scale + guess) / 2, 3)
                    try:
                        plan, sizes = attempt(side, half)
                        scale = half
                    except _Overflow:
                        pass
                    break
        sides[side] = plan
        used[side] = sizes
    return CardPlan(sides, used)

"""Panels: the boxes a side is built from (content panels with their heading band, the title
band, the footer with provenance and QR code), each measured at a width and drawn in a box."""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.formats import MM
from vnr_desktop.core.cards.layout import (
    NoRoom,
    Styles,
    WholeWordParagraph,
    balance,
    draw_text,
    last_line_words,
    line_count,
    paragraph,
    text_width,
)
from vnr_desktop.core.cards.numbers import GroupRule, NumberTable
from vnr_desktop.core.cards.qr import code_size_mm, draw_qr
from vnr_desktop.core.cards.resolve import ResolvedCard, ResolvedElement, ResolvedPanel


class Box:
    """Something with a measured height that draws itself in a rectangle."""

    def measure(self, width: float) -> float:
        raise NotImplementedError

    def draw(self, c: Canvas, x: float, y_top: float, width: float, height: float) -> None:
        raise NotImplementedError

    def stretch_points(self, width: float) -> int:
        """How many gaps in the box may grow when it is given more height than it needs."""
        return 0


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
        tone_text = palette.text_colour(palette.TONES.get(self.panel.tone, palette.TONES["plain"]))
        block_style = ParagraphStyle("block", parent=st.bold, textColor=tone_text)
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
        heading = paragraph(self.rc.strings["own_numbers"], style, font=fonts.BOLD, where=where)
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
            out.append((paragraph(e.text, style, font=font, where=where), small))
        elif e.kind == "bullets":
            for b in e.bullets:
                p = WholeWordParagraph(fonts.markup(b, where=where), st.bullet, bulletText="•")
                out.append((p, small * 0.4))
        elif e.kind == "guide":
            if e.intro:
                out.append((paragraph(e.intro, st.body, where=where), small))
            for block in e.blocks:
                if block.inline:
                    first = True
                    if block.text:
                        prefix = _label(block.heading)
                        out.append(
                            (paragraph(block.text, st.body, bold_prefix=prefix, where=where), small)
                        )
                        first = False
                    if block.items:
                        prefix = _label(block.heading) if first else None
                        joined = " · ".join(i.rstrip(". ") for i in block.items)
                        out.append(
                            (paragraph(joined, st.body, bold_prefix=prefix, where=where), small)
                        )
                    elif first and block.heading:
                        out.append(
                            (
                                paragraph(block.heading, block_style, font=fonts.BOLD, where=where),
                                small,
                            )
                        )
                else:
                    if block.heading:
                        out.append(
                            (
                                paragraph(block.heading, block_style, font=fonts.BOLD, where=where),
                                small * 1.4,
                            )
                        )
                    if block.text:
                        out.append(
                            (
                                paragraph(block.text, st.body, where=where),
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
            except NoRoom as exc:
                raise PanelNoRoom(str(exc)) from None
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

    def stretch_points(self, width: float) -> int:
        """The gaps between the panel's items and between the rows of its number tables."""
        self._layout(width)
        tables = sum(f.stretch_points for f, _ in self._items if isinstance(f, NumberTable))
        return max(0, len(self._items) - 1) + tables

    def draw(self, c: Canvas, x: float, y_top: float, width: float, height: float) -> None:
        self._layout(width)
        points = self.stretch_points(width)
        spread = max(0.0, height - self._height) / points if points else 0.0
        for flow, _ in self._items:
            if isinstance(flow, NumberTable):
                flow.extra = spread
        st = self.st
        if self.tinted:
            # Tint only what the content fills: a tall row does not become an empty grey box.
            tint_h = min(height, self._height + spread * points)
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
        for i, (flow, before) in enumerate(self._items):
            y -= before + (spread if i > 0 else 0.0)
            h = flow.stretched_height() if isinstance(flow, NumberTable) else flow.height
            flow.drawOn(c, x + st.pad, y - h)
            y -= h


class PanelNoRoom(Exception):
    pass


class TitlePanel(Box):
    """The title band: bleeds off the top edge when it is the first row."""

    def __init__(self, rc: ResolvedCard, st: Styles, page: str | None = None) -> None:
        self.rc = rc
        self.st = st
        pocket = rc.spec.family == "id1"
        self.region_text = rc.region_name if page is None else f"{rc.region_name} · {page}"
        """The region, and on a poster of two pages which page this is ("1/2")."""
        self.title_text = rc.short_title if pocket else rc.title
        self.subtitle_text = None if pocket else rc.subtitle
        self._w = -1.0

    def _layout(self, width: float) -> None:
        if width == self._w:
            return
        st = self.st
        where = f"card {self.rc.card_id}, title"
        region = self.region_text
        self.region_size = st.subtitle.fontSize if self.rc.spec.family != "id1" else st.body_pt
        region_w = text_width(region, fonts.BOLD, self.region_size)
        inner = width - 2 * st.pad
        title_w = inner - region_w - st.body_pt
        options: list[tuple[tuple[bool, int, bool], Paragraph]] = []
        for below, w in ((False, title_w), (True, inner)):
            if not below and title_w < inner * 0.5:
                continue
            para = paragraph(self.title_text, st.title, font=fonts.BOLD, where=where)
            try:
                para = _no_lone_last_word(para, self.title_text, st.title, w, where)
            except NoRoom:
                continue
            # no lone last word first, then fewest lines (the region below costs one), beside
            options.append(((last_line_words(para) < 2, line_count(para) + below, below), para))
        if not options:
            raise NoRoom("a word of the title is wider than the title band")
        key, self.title = min(options, key=lambda o: o[0])
        self.region_below = key[2]
        th = self.title.height
        h = th
        self.sub = None
        if self.subtitle_text:
            self.sub = paragraph(self.subtitle_text, st.subtitle, where=where)
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
        return float(self._h)

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
        c.setFillColor(palette.text_colour(palette.TITLE_ACCENT))
        if not self.region_below:
            draw_text(
                c,
                x + width - st.pad,
                first_base,
                self.region_text,
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
            c.setFillColor(palette.text_colour(palette.TITLE_ACCENT))
            draw_text(
                c,
                x + st.pad,
                y - self.region_size * 1.1,
                self.region_text,
                fonts.BOLD,
                self.region_size,
            )


def _no_lone_last_word(
    p: Paragraph, text: str, style: ParagraphStyle, width: float, where: str
) -> Paragraph:
    """The title balanced at ``width``; when its last line still holds one word, the line
    is broken before the last two words instead (if that costs no line)."""
    balance(p, width)
    words = text.split()
    if line_count(p) < 2 or last_line_words(p) >= 2 or len(words) < 3:
        return p
    head = fonts.markup(" ".join(words[:-2]), fonts.BOLD, where)
    tail = fonts.markup(" ".join(words[-2:]), fonts.BOLD, where)
    forced = WholeWordParagraph(f"{head}<br/>{tail}", style)
    try:
        forced.wrap(width, 10_000)
    except NoRoom:
        return p
    if line_count(forced) == line_count(p) and last_line_words(forced) >= 2:
        return forced
    return p


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
        if lines and self.rc.spec.family == "id1":
            # One paragraph wraps tighter than two on the smallest card (7 pt floor).
            lines = [" · ".join(lines)]
        beside = width - self.qr - (self.st.pad if self.qr else 0)
        # Too narrow for text beside the code: put the text under it.
        self.stacked = bool(self.qr and lines and beside < 30 * MM)
        text_w = width if self.stacked else beside
        self.paras = [paragraph(t, self.st.meta, where=where) for t in lines]
        self.text_h = sum(p.wrap(text_w, 10_000)[1] for p in self.paras)
        if self.stacked:
            self._h = self.qr + self.st.pad + self.text_h
        else:
            self._h = max(self.qr, self.text_h)
        self._w = width

    def measure(self, width: float) -> float:
        self._layout(width)
        return float(self._h)

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

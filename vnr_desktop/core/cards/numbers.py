"""Number tables: labels and phone numbers in columns, the numbers the largest, boldest text
on a card (and the rule that sets a group of numbers apart)."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from vnr_desktop.core.cards import fonts, palette
from vnr_desktop.core.cards.layout import Styles, _NoRoom, _para, draw_text, text_width
from vnr_desktop.core.cards.resolve import NumberLine


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
        self.extra = 0.0
        """Added to every gap between rows when the panel is given more height (see stretch)."""
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

    @property
    def stretch_points(self) -> int:
        return max(0, len(self._rows) - 1)

    def stretched_height(self) -> float:
        return self.height + self.extra * self.stretch_points

    def draw(self) -> None:
        c = self.canv
        cols = self.columns
        top = self.stretched_height()
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
                gap = self.row_gap + self.extra / 2
                c.setStrokeColor(rule)
                c.setLineWidth(0.35)
                c.line(0, top - gap, self.width, top - gap)
                top -= gap * 2


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

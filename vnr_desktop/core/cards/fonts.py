"""The fonts cards print with, registered with ReportLab on first use (never at app start).

Atkinson Hyperlegible (OFL, designed for readers with low vision) sets all text; DejaVu Sans
fills in symbols Atkinson lacks (arrows, ☎, ✓) and sets phone numbers (see NUMBER). Both ship in resources/fonts/ and are embedded
(subset) in every PDF. Any character neither font has is an error, not an empty box.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from vnr_desktop.core.cards.errors import GlyphError
from vnr_desktop.core.resources import font_path

REGULAR = "Atkinson"
BOLD = "Atkinson-Bold"
ITALIC = "Atkinson-Italic"
SYMBOL = "DejaVuSans"
SYMBOL_BOLD = "DejaVuSans-Bold"
NUMBER = "DejaVuSansCondensed-Bold"
"""Phone numbers print in DejaVu Sans Condensed Bold: its zero is a plain oval. Atkinson's slashed zero
reads as the letter Ø to Norwegian eyes ("02800" as "Ø2800"), which a phone number must never
invite."""

_FILES = {
    REGULAR: "AtkinsonHyperlegible-Regular.ttf",
    BOLD: "AtkinsonHyperlegible-Bold.ttf",
    ITALIC: "AtkinsonHyperlegible-Italic.ttf",
    SYMBOL: "DejaVuSans.ttf",
    SYMBOL_BOLD: "DejaVuSans-Bold.ttf",
    NUMBER: "DejaVuSansCondensed-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def ensure_fonts() -> None:
    """Register the card fonts with ReportLab (once per process, thread-safe)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
        )
        pdfmetrics.registerFontFamily(
            SYMBOL, normal=SYMBOL, bold=SYMBOL_BOLD, italic=SYMBOL, boldItalic=SYMBOL_BOLD
        )
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True


@lru_cache(maxsize=8)
def _charset(name: str) -> frozenset[int]:
    ensure_fonts()
    return frozenset(pdfmetrics.getFont(name).face.charToGlyph)


def covers(font: str, text: str) -> bool:
    chars = _charset(font)
    return all(ord(ch) in chars or ch in "\n\t" for ch in text)


def symbol_for(font: str) -> str:
    return SYMBOL_BOLD if font == BOLD else SYMBOL


def check_text(text: str, font: str = REGULAR, where: str = "") -> None:
    """Raise GlyphError naming every character neither the font nor DejaVu can print."""
    main = _charset(font)
    backup = _charset(symbol_for(font))
    missing = sorted(
        {ch for ch in text if ord(ch) not in main and ord(ch) not in backup and ch not in "\n\t"}
    )
    if missing:
        shown = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in missing)
        place = f" in {where}" if where else ""
        item = text if len(text) <= 80 else text[:77] + "..."
        raise GlyphError(f"no shipped font can print {shown}{place}, in the text {item!r}")


def markup(text: str, font: str = REGULAR, where: str = "") -> str:
    """Paragraph markup for plain text: XML-escaped, symbols switched to DejaVu Sans."""
    check_text(text, font, where)
    main = _charset(font)
    out: list[str] = []
    run: list[str] = []
    in_symbol = False
    symbol = symbol_for(font)

    def flush() -> None:
        if not run:
            return
        chunk = escape("".join(run))
        out.append(f'<font name="{symbol}">{chunk}</font>' if in_symbol else chunk)
        run.clear()

    for ch in text:
        needs_symbol = ord(ch) not in main and ch not in "\n\t"
        if needs_symbol != in_symbol:
            flush()
            in_symbol = needs_symbol
        run.append(ch)
    flush()
    return "".join(out)

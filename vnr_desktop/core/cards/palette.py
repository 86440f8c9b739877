"""Card colours and the WCAG contrast check every text/background pair must pass (4.5:1)."""

from __future__ import annotations

from reportlab.lib.colors import CMYKColor, Color, HexColor, toColor

INK = "#1a1a1a"
MUTED = "#474747"
PAPER = "#ffffff"
TITLE_BG = "#123456"
TITLE_FG = "#ffffff"
TITLE_ACCENT = "#d6e4f2"
RULE = "#9aa5b1"
NUMBERS_BG = "#eaf0f6"
BLANK_LINE = "#1a1a1a"

TONES: dict[str, str] = {
    "se": "#1f4e79",
    "spor": "#1b6447",
    "avklar": "#7a4100",
    "handle": "#a11d1d",
    "numbers": "#123456",
    "info": "#3c3c3c",
    "alert": "#a11d1d",
    "plain": "#3c3c3c",
}
"""Heading band colours; headings are white on these, block headings these on white."""

MIN_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(fg: str, bg: str) -> float:
    a, b = luminance(fg), luminance(bg)
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)


def text_pairs() -> list[tuple[str, str, str]]:
    """Every (what, foreground, background) pair the renderer prints text with."""
    pairs = [
        ("body", INK, PAPER),
        ("muted", MUTED, PAPER),
        ("title", TITLE_FG, TITLE_BG),
        ("title accent", TITLE_ACCENT, TITLE_BG),
        ("numbers", INK, NUMBERS_BG),
        ("numbers muted", MUTED, NUMBERS_BG),
    ]
    for tone, colour in TONES.items():
        pairs.append((f"{tone} heading band", PAPER, colour))
        pairs.append((f"{tone} block heading", colour, PAPER))
        pairs.append((f"{tone} block heading on numbers", colour, NUMBERS_BG))
    return pairs


# --------------------------------------------------------------------------- print shop

PRINT_CMYK: dict[str, tuple[int, int, int, int]] = {
    # Chromatic colours: sRGB converted to resources/icc/VNR-FOGRA39L-coated.icc (relative
    # colorimetric, LittleCMS through Pillow's ImageCms; test_cards_printshop re-derives them).
    TITLE_BG: (87, 56, 9, 64),
    TITLE_ACCENT: (12, 5, 4, 8),
    RULE: (27, 16, 11, 27),
    NUMBERS_BG: (5, 3, 2, 5),
    TONES["se"]: (87, 51, 3, 44),
    TONES["spor"]: (79, 2, 66, 57),
    TONES["avklar"]: (2, 56, 96, 61),
    TONES["handle"]: (0, 90, 80, 35),
}
"""CMYK (per cent) of every colour the cards print that is not a grey."""

SOLID_K_FROM = 0.85
"""A grey at least this dark prints as 100 % black ink: text ink is solid K, never a tint."""


def print_k(grey: float) -> float:
    """Black ink (0–1) for an RGB grey level (0 black – 1 white): greys print in K only."""
    k = 1.0 - grey
    return 1.0 if k >= SOLID_K_FROM else round(k, 4)


TEXT_KNOCKOUT_FROM = 0.5
"""Coloured text at least this light (relative luminance) is set on a dark band: in a print-shop
PDF it prints as paper white (no ink), darker coloured text as 100 % black ink."""


class TextColour(Color):
    """A text colour: the colour itself on screen and office printers; in a print-shop PDF
    (``print_colour``) black ink only or paper white, because small text in three or four
    inks blurs on the slightest misregister."""

    def __init__(self, hex_colour: str) -> None:
        super().__init__(*HexColor(hex_colour).rgb())
        self.hex_colour = hex_colour


def text_colour(hex_colour: str) -> TextColour:
    return TextColour(hex_colour)


def print_colour(colour: object) -> object:
    """The CMYK colour a print-shop PDF uses for ``colour`` (ReportLab's enforceColorSpace
    hook: every fill and stroke the canvas sets passes through here). Greys, text ink and
    the QR code print in black ink only; any other colour must be in PRINT_CMYK."""
    if isinstance(colour, CMYKColor):
        return colour
    if isinstance(colour, TextColour):
        text_hex = colour.hex_colour
        h = text_hex.lstrip("#")
        if not (h[0:2] == h[2:4] == h[4:6]):  # coloured text: black ink or knocked out
            return CMYKColor(0, 0, 0, 0 if luminance(text_hex) >= TEXT_KNOCKOUT_FROM else 1)
    if isinstance(colour, (tuple, list)):
        colour = Color(*colour) if len(colour) == 3 else CMYKColor(*colour)
        if isinstance(colour, CMYKColor):
            return colour
    tc = toColor(colour)
    r, g, b = (round(v * 255) for v in (tc.red, tc.green, tc.blue))
    if r == g == b:
        return CMYKColor(0, 0, 0, print_k(r / 255))
    key = f"#{r:02x}{g:02x}{b:02x}"
    try:
        c, m, y, k = PRINT_CMYK[key]
    except KeyError:
        raise ValueError(
            f"no print-shop CMYK value for colour {key} (add it to PRINT_CMYK)"
        ) from None
    return CMYKColor(c / 100, m / 100, y / 100, k / 100)

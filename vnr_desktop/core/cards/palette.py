"""Card colours and the WCAG contrast check every text/background pair must pass (4.5:1)."""

from __future__ import annotations

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

"""QR codes on cards: an ASCII-only payload (percent-encoded URL) and crisp drawing.

ReportLab writes QR data as UTF-8 without an ECI marker, and readers then misdecode
non-ASCII text, so payloads are kept to printable ASCII: a non-ASCII host is IDNA-encoded and
everything else percent-encoded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from urllib.parse import quote, urlsplit, urlunsplit

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from vnr_desktop.core.cards.errors import QrPayloadError
from vnr_desktop.core.site.addresses import card_page_url

QUIET_MODULES = 4
"""Quiet zone in modules, drawn white inside the code's square (ISO/IEC 18004 asks for 4)."""

MIN_MODULE_MM = 0.4
"""Smallest module printed: a phone camera reads 0.4 mm modules at arm's length."""


def ascii_url(url: str) -> str:
    """``url`` as printable ASCII: IDNA host, percent-encoded path, query and fragment."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise QrPayloadError(f"the QR address must be an http(s) URL, not {url!r}")
    host = parts.hostname or ""
    try:
        host_ascii = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise QrPayloadError(f"the QR address has an invalid host {host!r}: {exc}") from None
    netloc = host_ascii + (f":{parts.port}" if parts.port else "")
    safe = "/:@!$&'()*+,;=-._~%"
    out = urlunsplit(
        (
            parts.scheme,
            netloc,
            quote(parts.path, safe=safe),
            quote(parts.query, safe=safe + "?"),
            quote(parts.fragment, safe=safe + "?"),
        )
    )
    if not out.isascii() or any(ord(ch) < 33 or ord(ch) > 126 for ch in out):
        raise QrPayloadError(f"the QR payload is not printable ASCII: {out!r}")
    return out


def card_payload(
    publish_url: str | None, region: str, card_id: str, fmt: str, bundles: list[tuple[str, int]]
) -> str:
    """The address of this card's page for the printed version, or "" (no code) when the
    card's bundle names no ``publish_url``: a code must only lead to a page that exists."""
    if not publish_url:
        return ""
    return ascii_url(card_page_url(publish_url, region, card_id, fmt, bundles))


def code_size_mm(payload: str, preferred_mm: float) -> float:
    """Side of the code's square (quiet zone included), mm: the format's preferred size, or
    larger when the payload needs more modules than fit at ``MIN_MODULE_MM``."""
    if not payload:
        return 0.0
    n = len(qr_modules(payload)) + 2 * QUIET_MODULES
    return max(preferred_mm, round(n * MIN_MODULE_MM + 0.05, 1))


_FINDER_LIKE = "10111010000"


_RUN = re.compile(r"0{5,}|1{5,}")


def _runs_score(lines: list[str]) -> int:
    """Rule 1 of the mask penalty: runs of five or more same-colour modules, (run - 2) each."""
    return sum(m.end() - m.start() - 2 for line in lines for m in _RUN.finditer(line))


def _blocks_score(rows: list[str]) -> int:
    """Rule 2: every 2 × 2 block of one colour, 3 each (rows as bit masks)."""
    n = len(rows)
    full = (1 << (n - 1)) - 1
    ints = [int(row, 2) for row in rows]
    score = 0
    for upper, lower in pairwise(ints):
        same = ~(upper ^ lower)
        pairs = same & (same >> 1) & ~(upper ^ (upper >> 1)) & full
        score += 3 * bin(pairs).count("1")
    return score


def _finder_score(lines: list[str]) -> int:
    """Rule 3 as ReportLab scans it: non-overlapping 1011101 0000, left to right, 40 each."""
    score = 0
    n = len(_FINDER_LIKE)
    for line in lines:
        limit = len(line) - n
        j = 0
        while True:
            pos = line.find(_FINDER_LIKE, j)
            if pos == -1 or pos >= limit:
                break
            score += 40
            j = pos + n
    return score


def _lost_points(rows: list[str]) -> int:
    """ReportLab's QRUtil.getLostPoint, computed on strings (same result, faster).

    ReportLab compares column slices (tuples) with a list in rule 3, which never matches, so
    only rows count for rule 3; this keeps that, so the chosen mask is ReportLab's own.
    """
    cols = ["".join(col) for col in zip(*rows, strict=True)]
    dark = sum(row.count("1") for row in rows)
    cells = len(rows) ** 2
    return (
        _runs_score(cols)
        + _runs_score(rows)
        + _blocks_score(rows)
        + _finder_score(rows)
        + 10 * (abs(100 * dark // cells - 50) // 5)
    )


def best_mask(code: qrencoder.QRCode) -> int:
    """The mask ReportLab's getBestMaskPattern chooses, without rebuilding the code 8 times."""
    code.makeImpl(True, 0)
    base = [list(row) for row in code.modules]
    bits = list(code.dataBitIterator(code.dataCache))
    positions = code.dataPosIterator()
    data = [
        (row, col, bits[i] if i < len(bits) else False) for i, (col, row) in enumerate(positions)
    ]
    best, best_score = 0, -1
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        grid = [row[:] for row in base]
        for row, col, dark in data:
            grid[row][col] = dark ^ mask(row, col)
        rows = ["".join("1" if m else "0" for m in row) for row in grid]
        score = _lost_points(rows)
        if best_score < 0 or score < best_score:
            best, best_score = pattern, score
    return best


@lru_cache(maxsize=256)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The code's modules (cached per payload: formats of one card share their payload)."""
    if not payload.isascii():
        raise QrPayloadError("QR payloads must be ASCII")
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.version = code.calculate_version()
    code.makeImpl(False, best_mask(code))
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


def draw_qr(c: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code with its quiet zone inside the square (x, y, size) in points."""
    modules = qr_modules(payload)
    n = len(modules)
    cell = size / (n + 2 * QUIET_MODULES)
    c.saveState()
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, size, size, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    path = c.beginPath()
    for r, row in enumerate(modules):
        col = 0
        while col < n:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            px = x + (start + QUIET_MODULES) * cell
            py = y + size - (r + 1 + QUIET_MODULES) * cell
            # a hair of overlap between rows avoids white seams in some renderers
            path.rect(px, py - 0.02, (col - start) * cell, cell + 0.04)
    c.drawPath(path, stroke=0, fill=1)
    c.restoreState()

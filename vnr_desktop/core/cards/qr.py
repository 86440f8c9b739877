"""QR codes on cards: an ASCII-only payload (percent-encoded URL) and crisp drawing.

ReportLab writes QR data as UTF-8 without an ECI marker, and readers then misdecode
non-ASCII text, so payloads are kept to printable ASCII: a non-ASCII host is IDNA-encoded and
everything else percent-encoded.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET_MODULES = 2
"""Quiet zone in modules; the card around the code is white, which adds to it."""


class QrPayloadError(ValueError):
    pass


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


def card_payload(base_url: str, card_id: str, region: str, version_token: str) -> str:
    """The address of the current version of this card for this region."""
    base = base_url.rstrip("/")
    return ascii_url(f"{base}/{quote(card_id)}/{quote(region)}?v={quote(version_token)}")


def version_token(bundles: list[tuple[str, int]]) -> str:
    """``[("gjovik", 3), ("nasjonal", 1)]`` -> ``gjovik-3.nasjonal-1`` (URL-safe)."""
    return ".".join(f"{b}-{v}" for b, v in bundles)


def qr_modules(payload: str) -> list[list[bool]]:
    if not payload.isascii():
        raise QrPayloadError("QR payloads must be ASCII")
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


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

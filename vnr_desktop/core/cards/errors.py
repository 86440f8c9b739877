"""The card errors every part of core/cards raises (a leaf module: it imports nothing)."""

from __future__ import annotations


class CardError(Exception):
    """A card cannot be rendered as asked (unknown card, region, language; invalid definition)."""


class CardRequestError(CardError):
    """The request names something that does not exist: card, region, format, language, sheet."""


class GlyphError(ValueError):
    """A character that no shipped font can print."""


class QrPayloadError(ValueError):
    """A QR code's address that cannot be printed as one."""

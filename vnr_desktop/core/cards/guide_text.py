"""Guide text as a card prints it: source notes left out."""

from __future__ import annotations

import re

from vnr_desktop.core.cards.resolved import GuideBlock

_SOURCE_NOTE = re.compile(
    r"\s*\((?=[^()]*(?:-planen|[Vv]edlegg\s+\d|[Kk]ilde))[^()]*\)",
)
"""A parenthesised source note in guide text ("(Hallingdal-planen, Vedlegg 2)", "(Gjøvik-
planen)"): it tells a reader of the app where a fact came from, never the reader of a card."""


def strip_source_notes(text: str) -> str:
    """Guide text as a card prints it: without source notes."""
    return _SOURCE_NOTE.sub("", text)


def without_source_notes(block: GuideBlock) -> GuideBlock:
    return GuideBlock(
        heading=strip_source_notes(block.heading) if block.heading else block.heading,
        text=strip_source_notes(block.text) if block.text else block.text,
        items=tuple(strip_source_notes(i) for i in block.items),
        inline=block.inline,
    )

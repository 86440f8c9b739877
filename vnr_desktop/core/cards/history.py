"""Recording renders in the user's print history (the sync issue uses it to find stale cards)."""

from __future__ import annotations

from pathlib import Path

from vnr_desktop.core.cards.render import RenderedCard
from vnr_desktop.core.userdata import UserData


def record_render(
    userdata: UserData,
    rendered: RenderedCard,
    output: Path | str | None = None,
    *,
    printed_at: str | None = None,
) -> int:
    """Add one print-history row for ``rendered``; returns its id.

    The row keeps card, region, format, language, content version and content hash; the hash
    is of what the card prints, so re-resolving the card later and comparing hashes tells
    whether the laminated copy is out of date.
    """
    return userdata.record_print(
        card_id=rendered.card_id,
        region=rendered.region,
        format=rendered.format,
        language=rendered.language,
        content_version=rendered.content_version,
        content_hash=rendered.content_hash,
        output=str(output) if output is not None else None,
        printed_at=printed_at,
    )

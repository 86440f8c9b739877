"""Recording renders in the user's print history (the sync issue uses it to find stale cards)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vnr_desktop.core.cards.errors import CardError
from vnr_desktop.core.cards.loader import CardCatalog, shipped_catalog
from vnr_desktop.core.cards.resolve import resolve_card
from vnr_desktop.core.cards.resolved import includes_own_numbers
from vnr_desktop.core.userdata import PrintRecord, UserData

if TYPE_CHECKING:
    from vnr_desktop.core.cards.render import RenderedCard
    from vnr_desktop.core.library import Library
    from vnr_desktop.core.models import Contact


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


def current_content_hash(
    library: Library,
    card_id: str,
    region: str,
    fmt: str,
    language: str,
    catalog: CardCatalog | None = None,
    own_contacts: Sequence[Contact] = (),
) -> str | None:
    """The content hash the card would print today, or None when it can no longer be made
    (card, region or language gone). No PDF is written: this only resolves the content.

    ``own_contacts``: the user's own contacts, for a card printed with them."""
    try:
        rc = resolve_card(
            library, catalog or shipped_catalog(), card_id, region, fmt, language, own_contacts
        )
    except CardError:
        return None
    return rc.content_hash


def is_stale(
    library: Library,
    record: PrintRecord,
    catalog: CardCatalog | None = None,
    own_contacts: Sequence[Contact] = (),
) -> bool:
    """True when a printed card no longer matches what it would print now.

    A card printed with the user's own numbers (its content version says so) is compared with
    the card made with ``own_contacts`` (``UserData.own_contacts()`` today): a changed, added
    or deleted own number makes it stale too. Own contacts are ignored for cards printed
    without them.
    """
    own = own_contacts if includes_own_numbers(record.content_version) else ()
    current = current_content_hash(
        library, record.card_id, record.region, record.format, record.language, catalog, own
    )
    return current != record.content_hash

"""Where things live on a feed's website: one module owns every page address.

A printed card's QR code and the site generator both call :func:`card_page_url`, so the
address on the card and the page the publisher writes cannot drift apart.

Card pages::

    <region>/                                 the region's contacts, measures and guides
    <region>/veiledere/<guide>.html           a guide
    <region>/<card>/<format>/                 the current card (PDF, PNG, version, date)
    <region>/<card>/<format>/v<versions>/     "is my printed card current?" for one printed
                                              version, e.g. v3-1 = gjovik v3 + nasjonal v1

Addresses are short on purpose: a shorter address makes a smaller QR code on a pocket card.

Directory addresses (ending in ``/``) are served as ``index.html`` by nginx, Apache, Python's
http.server and every other static server, so no rewrite rules are needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin

GUIDES_DIR = "veiledere"
SITE_MANIFEST = "site.json"
STYLESHEET = "site.css"

_SEGMENT = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def _segment(value: str, what: str) -> str:
    if not _SEGMENT.match(value):
        raise ValueError(f"{what} {value!r} cannot be part of a page address")
    return value


def printed_version(bundles: Sequence[tuple[str, int]]) -> str:
    """``[("gjovik", 3), ("nasjonal", 1)]`` -> ``v3-1``: the versions in the card's bundle
    order (the region's bundle first, as the card's footer prints them)."""
    if not bundles:
        raise ValueError("a card uses at least one bundle")
    return "v" + "-".join(str(int(v)) for _, v in bundles)


RESERVED = frozenset({"bundles", "keys", GUIDES_DIR})
"""Folder names the feed itself uses: no region (bundle id) may take them."""


def region_dir(region: str) -> str:
    if region in RESERVED:
        raise ValueError(f"a bundle called {region!r} clashes with the feed's {region}/ folder")
    return _segment(region, "region") + "/"


def guide_page(region: str, guide_id: str) -> str:
    return f"{region_dir(region)}{GUIDES_DIR}/{_segment(guide_id.replace('.', '-'), 'guide')}.html"


def card_dir(region: str, card_id: str, fmt: str) -> str:
    """``gjovik/akutt/id1/``: the card's current page (relative to the site root)."""
    if card_id == GUIDES_DIR:
        raise ValueError(f"a card cannot be called {GUIDES_DIR!r} (the guides' folder)")
    return f"{region_dir(region)}{_segment(card_id, 'card')}/{_segment(fmt, 'format')}/"


def card_version_dir(region: str, card_id: str, fmt: str, version: str) -> str:
    """``gjovik/akutt/id1/v3-1/``: the page a printed card's QR code opens."""
    if not re.match(r"^v[0-9]+(-[0-9]+)*$", version):
        raise ValueError(f"printed version {version!r} is not like v3-1")
    return card_dir(region, card_id, fmt) + version + "/"


def card_page_url(
    publish_url: str, region: str, card_id: str, fmt: str, bundles: Sequence[tuple[str, int]]
) -> str:
    """The absolute address a card printed from ``bundles`` carries in its QR code."""
    base = publish_url if publish_url.endswith("/") else publish_url + "/"
    return urljoin(base, card_version_dir(region, card_id, fmt, printed_version(bundles)))

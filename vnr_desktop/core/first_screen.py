"""What the first screen shows, kept ready in the library so the window shows it at once.

A person opening the app wants the numbers. The strip and the home page need only a few dozen
strings (the emergency numbers for the user's municipality, the installed bundles), but reading
them through the content models means loading pydantic and every item first. So the library
stores this summary in its own table, in the same transaction as every install, update and
rollback (:meth:`vnr_desktop.core.library.Library`), computed by the same rules the rest of
the app uses (:mod:`vnr_desktop.core.emergency`, :mod:`vnr_desktop.core.phones`). The window
reads it with :func:`read` (the standard library only: sqlite3 and json) and shows it while
the rest of the content loads.

The summary is keyed by the content it was computed from; :func:`read` gives None when it is
missing, unreadable or from another schema, and the window then waits for the full content.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from pathlib import Path

from vnr_desktop.core.emergency import StripEntry

FORMAT = 1
TABLE_SQL = (
    "CREATE TABLE IF NOT EXISTS first_screen("
    " id INTEGER PRIMARY KEY CHECK (id = 1), format INTEGER NOT NULL, json TEXT NOT NULL)"
)


@dataclass(frozen=True)
class BundleSummary:
    id: str
    title: str
    version: int
    issued: str
    """ISO date."""
    items: int
    is_national: bool


@dataclass(frozen=True)
class FirstScreen:
    """The home page and the strip for one user (their region and municipality)."""

    bundles: tuple[BundleSummary, ...]
    region: str | None
    region_title: str | None
    municipality_name: str | None
    strip: tuple[StripEntry, ...]


def strip_key(region: str | None, municipality: str | None) -> str:
    return f"{region or ''}|{municipality or ''}"


def encode(
    bundles: list[BundleSummary],
    municipalities: list[tuple[str, str, str]],
    strips: dict[str, list[StripEntry]],
) -> str:
    """The stored form: bundles, (number, name, bundle) per municipality, strips by key."""
    return json.dumps(
        {
            "bundles": [asdict(b) for b in bundles],
            "municipalities": municipalities,
            "strips": {k: [e.to_dict() for e in v] for k, v in sorted(strips.items())},
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def store(conn: sqlite3.Connection, payload: str) -> None:
    """Write the summary (inside the caller's transaction)."""
    conn.execute(TABLE_SQL)
    conn.execute(
        "INSERT OR REPLACE INTO first_screen(id, format, json) VALUES(1, ?, ?)", (FORMAT, payload)
    )


def stored_format(conn: sqlite3.Connection) -> int | None:
    """The stored summary's format, or None when there is none."""
    try:
        row = conn.execute("SELECT format FROM first_screen WHERE id = 1").fetchone()
    except sqlite3.OperationalError:  # no such table: a library from before the summary
        return None
    return None if row is None else int(row[0])


def decode(payload: str, region: str | None, municipality: str | None) -> FirstScreen | None:
    data = json.loads(payload)
    bundles = tuple(BundleSummary(**b) for b in data["bundles"])
    names = {num: (name, bundle) for num, name, bundle in data["municipalities"]}
    if municipality and municipality not in names:
        return None
    if region is None and municipality:
        region = names[municipality][1]
    titles = {b.id: b.title for b in bundles}
    if region is not None and region not in titles:
        region = None
    strip = data["strips"].get(strip_key(region, municipality))
    if strip is None:
        return None
    return FirstScreen(
        bundles=bundles,
        region=region,
        region_title=titles.get(region) if region else None,
        municipality_name=names[municipality][0] if municipality else None,
        strip=tuple(StripEntry.from_dict(e) for e in strip),
    )


def read(library_path: Path, *, region: str | None, municipality: str | None) -> FirstScreen | None:
    """The first screen for this user, or None (no library yet, no summary, any trouble)."""
    if not library_path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{library_path.as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT format, json FROM first_screen WHERE id = 1").fetchone()
        finally:
            conn.close()
        if row is None or row[0] != FORMAT:
            return None
        return decode(row[1], region, municipality)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None

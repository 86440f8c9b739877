"""The first screen's summary: stored with every install, the same as the full content says.

What the window shows before the content models load must be what it shows after: the same
emergency numbers (core/emergency.py over the library's contacts) and the same bundles.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from vnr_desktop.core import first_screen
from vnr_desktop.core.dates import as_of_text
from vnr_desktop.core.emergency import strip_entries
from vnr_desktop.core.library import Library, open_library


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    lib = open_library(tmp_path_factory.mktemp("data"))
    yield lib
    lib.close()


def _full_strip(lib: Library, region: str | None, municipality: str | None) -> list:
    titles = {b.id: {s.id: s.title for s in b.manifest.sources} for b in lib.bundles()}
    contacts = [(r.ref, r.item) for r in lib.items("contact")]
    return strip_entries(
        contacts,
        region=region,
        municipality=municipality,
        source_title=lambda b, s: titles[b].get(s, s),
        as_of_text=lambda c: as_of_text(c.provenance),
    )


def test_every_municipality_sees_the_strip_the_full_content_gives(library: Library) -> None:
    path = library.path
    municipalities = library.municipalities()
    assert len(municipalities) >= 20
    for number, name, bundle_id in municipalities:
        shown = first_screen.read(path, region=None, municipality=number)
        assert shown is not None, number
        assert shown.municipality_name == name
        assert shown.region == bundle_id
        assert list(shown.strip) == _full_strip(library, bundle_id, number)
        assert len(shown.strip) >= 5  # the five national numbers at least
    national = first_screen.read(path, region=None, municipality=None)
    assert national is not None and national.region is None
    assert [e.number for e in national.strip] == ["112", "113", "02800", "116 117", "116 111"]


def test_the_bundles_listed_are_the_installed_ones(library: Library) -> None:
    shown = first_screen.read(library.path, region="gjovik", municipality="3407")
    assert shown is not None and shown.region_title
    installed = {b.id: b for b in library.bundles()}
    assert {b.id for b in shown.bundles} == set(installed)
    for b in shown.bundles:
        assert (b.version, b.title) == (installed[b.id].version, installed[b.id].title)
        assert b.items == len(library.items(region=b.id))


def test_an_update_rewrites_the_summary_in_the_same_transaction(tmp_path: Path) -> None:
    lib = open_library(tmp_path)
    try:
        before = first_screen.read(lib.path, region=None, municipality="3407")
        lib.conn.execute("DELETE FROM first_screen")
        assert first_screen.read(lib.path, region=None, municipality="3407") is None
        lib.refresh_first_screen()
        assert first_screen.read(lib.path, region=None, municipality="3407") == before
    finally:
        lib.close()


def test_a_missing_damaged_or_unknown_summary_means_wait_for_the_content(tmp_path: Path) -> None:
    assert first_screen.read(tmp_path / "none.db", region=None, municipality=None) is None
    db = tmp_path / "library.db"
    conn = sqlite3.connect(db)
    conn.execute(first_screen.TABLE_SQL)
    conn.execute("INSERT INTO first_screen VALUES(1, 1, '{not json')")
    conn.commit()
    assert first_screen.read(db, region=None, municipality=None) is None
    conn.execute("UPDATE first_screen SET format = 99, json = '{}'")
    conn.commit()
    conn.close()
    assert first_screen.read(db, region=None, municipality=None) is None
    lib = open_library(tmp_path / "fresh")
    lib.close()
    assert first_screen.read(lib.path, region=None, municipality="9999") is None


def test_reading_the_summary_loads_no_content_models(library: Library) -> None:
    import subprocess

    code = (
        "import sys, pathlib\n"
        "from vnr_desktop.core import first_screen\n"
        f"s = first_screen.read(pathlib.Path({str(library.path)!r}), region=None,"
        " municipality='3407')\n"
        "assert s is not None and s.strip\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'vnr_desktop.core.models',"
        " 'vnr_desktop.core.library') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

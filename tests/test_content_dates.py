"""Source dates read as exactly as the source states them, never more.

No source prints a day for the Hallingdal or Hamar plans; the app shows "2021, kilden er
udatert", not "01.01.2021". Month-only dates show the month; dated sources keep their day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from vnr_desktop.cli import main as cli_main
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.dates import as_of_text, date_text
from vnr_desktop.core.models import Provenance
from vnr_desktop.core.resources import builtin_bundle_dir

BUNDLES = ("nasjonal", "hallingdal", "hamar", "gjovik")
# What each source states about its own date (seeds README and the documents themselves).
PRECISION = {
    "hallingdal-plan-2021-2024": "year",  # no date anywhere; plan period 2021–2024
    "hamar-plan-2023-2026": "year",  # no date; cites a study "publisert 28.2.2023"
    "veileder-kommunale-planer-2008": "month",  # "Oslo, desember 2008"
    "nasjonal-handlingsplan-2014-2017-rapport": "month",  # "Sluttrapportering august 2018"
    "gjovik-plan-2024-2027": "day",  # contact list "oppdatert per 1.12.2023"
}


def test_dates_read_as_precisely_as_stated() -> None:
    day = dt.date(2021, 1, 1)
    assert date_text(day, "year") == "2021 (kilden er udatert)"
    assert date_text(dt.date(2008, 12, 1), "month") == "desember 2008"
    assert date_text(dt.date(2023, 12, 1)) == "01.12.2023"
    prov = Provenance(source="s", section="x", as_of=day, as_of_precision="year")
    assert as_of_text(prov) == "2021 (kilden er udatert)"


@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_every_fact_carries_its_sources_precision(bundle_id: str) -> None:
    bundle = load_bundle_dir(builtin_bundle_dir(bundle_id)).bundle
    assert bundle is not None
    sources = {s.id: s for s in bundle.manifest.sources}
    for doc in sources.values():
        assert doc.date_precision == PRECISION[doc.id], doc.id
    for item in bundle.items():
        prov = item.provenance
        doc = sources.get(prov.source)
        if doc is None:
            continue
        if prov.as_of == doc.date:
            assert prov.as_of_precision == doc.date_precision, (item.id, prov.source)
        text = as_of_text(prov)
        if doc.date_precision != "day":
            # The stand-in day never reaches the reader.
            assert doc.date.strftime("%d.%m.%Y") not in text, item.id


def test_cli_show_prints_the_year_and_says_undated(library, data_dir, capsys) -> None:
    args = ["--data-dir", str(data_dir), "show"]
    assert cli_main([*args, "hallingdal:barnevern"]) == 0
    out = capsys.readouterr().out
    assert "per 2021 (kilden er udatert)" in out
    assert "01.01.2021" not in out
    assert cli_main([*args, "gjovik:legevakt"]) == 0
    assert "per 01.12.2023" in capsys.readouterr().out


def test_update_notes_show_the_date_as_precisely_as_the_source(data_dir) -> None:
    from vnr_desktop.core.sync.changes import diff_items

    old = load_bundle_dir(builtin_bundle_dir("hallingdal")).bundle
    assert old is not None
    contact = next(c for c in old.contacts if c.id == "barnevern")
    newer = contact.model_copy(
        update={"provenance": Provenance(source="x", section="y", as_of=dt.date(2024, 3, 1))}
    )
    change = diff_items("hallingdal", contact, newer)
    assert change is not None
    assert "kilde per 2021 (kilden er udatert) -> 01.03.2024" in change.details

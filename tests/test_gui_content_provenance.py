"""What the GUI pages and the CLI show about provenance: undated sources as their year, legal
references labelled by kind, municipality names and numbers from general knowledge.

The content rules themselves are tested Qt-free in tests/test_content_dates.py and
tests/test_content_provenance.py.
"""

from __future__ import annotations

import re

from vnr_desktop.cli import main as cli_main


def test_gui_pages_show_the_year_and_say_undated(qapp, library, userdata) -> None:
    from vnr_desktop.gui.content import load_snapshot
    from vnr_desktop.gui.html_render import item_html
    from vnr_desktop.gui.theme import CALM

    snapshot = load_snapshot(library, userdata)
    for ref in ("hallingdal:barnevern", "hallingdal:hallingdal.kort-barn", "hamar:tiltak.1"):
        assert snapshot.item(ref) is not None, ref
        html = item_html(snapshot, ref, CALM)
        assert "2021 (kilden er udatert)" in html or "2023 (kilden er udatert)" in html, ref
        assert "01.01.2021" not in html and "28.02.2023" not in html, ref
    assert "Per 01.12.2023" in item_html(snapshot, "gjovik:legevakt", CALM)


def test_gui_guide_page_and_cli_show_label_each_kind(qapp, library, userdata, data_dir, capsys):
    from vnr_desktop.gui.content import load_snapshot
    from vnr_desktop.gui.html_render import item_html
    from vnr_desktop.gui.theme import CALM

    html = item_html(load_snapshot(library, userdata), "nasjonal:veileder.plikter", CALM)
    current = re.search(r"straffeloven § 284</b>[^<]*<i[^>]*>\(([^)]*)\)", html)
    assert current and "allmenn kunnskap" in current.group(1)
    old = re.search(r"kjønnslemlestelse § 2</b>[^<]*<i[^>]*>\(([^)]*)\)", html)
    assert old and "utdatert" in old.group(1)
    assert cli_main(["--data-dir", str(data_dir), "show", "nasjonal:veileder.plikter"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"straffeloven § 284 .*allmenn kunnskap", out)
    assert re.search(r"barnevernsloven § 13-2 .*allmenn kunnskap", out)
    assert re.search(r"kjønnslemlestelse § 2 .*utdatert", out)


def test_reader_is_told_in_gui_and_cli(qapp, library, userdata, data_dir, capsys) -> None:
    from vnr_desktop.gui.content import load_snapshot
    from vnr_desktop.gui.html_render import item_html
    from vnr_desktop.gui.theme import CALM

    html = item_html(load_snapshot(library, userdata), "hallingdal:plan-2021-2024", CALM)
    assert "Nesbyen (3322)" in html
    assert "Kommunenavnene og kommunenumrene står ikke i kildedokumentet" in html
    assert cli_main(["--data-dir", str(data_dir), "library", "status"]) == 0
    out = capsys.readouterr().out
    assert "Nesbyen (3322)" in out
    assert out.count("står ikke i kildedokumentet") == 3  # hallingdal, hamar, gjovik

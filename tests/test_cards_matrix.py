"""The full matrix: every shipped card, in every format and language, for every built-in
region, renders; every number it references is in the PDF's text; boxes and fonts are right."""

from __future__ import annotations

import io

import pikepdf
import pytest
from cards_helpers import MM, all_text

from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.loader import shipped_catalog
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.cards.resolve import card_regions

REGIONS = {"nasjonal", "hallingdal", "hamar", "gjovik"}


def _text(pdf: bytes) -> str:
    """pdftotext when poppler is installed (fast), else pypdf."""
    import re
    import shutil
    import subprocess

    tool = shutil.which("pdftotext")
    if tool is None:
        return all_text(pdf)
    out = subprocess.run([tool, "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return re.sub(r"\s+", " ", out.decode("utf-8"))


def _fonts_embedded(doc: pikepdf.Pdf) -> list[str]:
    bad = []
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font":
            name = str(obj.get("/BaseFont", ""))
            descendants = obj.get("/DescendantFonts", [])
            descs = [d.get("/FontDescriptor") for d in descendants] or [obj.get("/FontDescriptor")]
            if not any(d is not None and "/FontFile2" in d for d in descs):
                bad.append(name)
    return bad


@pytest.mark.slow
def test_every_card_every_format_every_region(library):
    catalog = shipped_catalog()
    regions = card_regions(library)
    assert set(regions) >= REGIONS
    count = 0
    for card_id, card in catalog.cards.items():
        for region in regions:
            for fmt in FORMAT_IDS:
                for lang in card.languages:
                    rendered = render_card(library, card_id, region, fmt, lang=lang)
                    count += 1
                    where = f"{card_id}/{region}/{fmt}/{lang}"
                    text = _text(rendered.pdf)
                    assert rendered.printed_numbers, where
                    for number in rendered.printed_numbers:
                        assert number in text, f"{where}: {number} not in the PDF text"
                    assert rendered.content_version.split(" ")[0] == region, where
                    # numbers the sources print wrongly (halves swapped, typo) are never printed
                    assert not {"117 116", "111 006"} & set(rendered.printed_numbers), where
                    with pikepdf.open(io.BytesIO(rendered.pdf)) as doc:
                        assert _fonts_embedded(doc) == [], where
                        for page in doc.pages:
                            trim = [float(v) / MM for v in page.obj["/TrimBox"]]
                            bleed = [float(v) / MM for v in page.obj["/BleedBox"]]
                            assert trim[0] - bleed[0] == pytest.approx(3.0, abs=0.05), where
    assert count >= 8 * 5 * len(REGIONS)


@pytest.mark.slow
def test_cli_validate_lays_out_every_card(library, data_dir, capsys):
    """`vnr-desktop cards validate` checks definitions against the content and lays out the
    whole matrix; the shipped cards pass, and the gaps (Hamar's missing numbers) are listed."""
    import json

    from vnr_desktop.cli import main

    assert main(["--data-dir", str(data_dir), "cards", "validate", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    gaps = [p["message"] for p in report["problems"] if p["code"] == "gap"]
    assert any("(hamar)" in g and "krisesenter" in g for g in gaps)
    assert all(p["severity"] == "warning" for p in report["problems"])

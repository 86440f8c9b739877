"""Rendering: PDFs read back for boxes, fonts, text, QR codes, determinism and type floors."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys

import pikepdf
import pytest
from cards_helpers import (
    MM,
    TEST_DEFS,
    all_text,
    boxes_mm,
    font_report,
    install_test_bundles,
    load_test_catalog,
    page_text,
    pdffonts,
    publish_fjordby,
)
from testutil import require_tool

from vnr_desktop.core.cards.formats import BLEED_MM, FORMATS
from vnr_desktop.core.cards.layout import CardOverflowError
from vnr_desktop.core.cards.loader import load_catalog
from vnr_desktop.core.cards.render import render_card

TOL = 0.05  # mm


@pytest.fixture
def lib(empty_library):
    install_test_bundles(empty_library)
    return empty_library


@pytest.fixture(scope="module")
def catalog():
    return load_test_catalog()


TRIM = {
    "id1": (85.6, 53.98),
    "a7": (74.0, 105.0),
    "a6-fold": (148.0, 105.0),
    "a4-poster": (210.0, 297.0),
    "a3-poster": (297.0, 420.0),
}


@pytest.mark.parametrize("fmt", list(TRIM))
def test_page_trim_and_bleed_boxes(lib, catalog, fmt):
    rendered = render_card(lib, "prove", "fjordby", fmt, catalog=catalog)
    boxes = boxes_mm(rendered.pdf)
    assert len(boxes) == (1 if "poster" in fmt else 2)
    w, h = TRIM[fmt]
    b = BLEED_MM
    for page in boxes:
        x0, y0, x1, y1 = page["MediaBox"]
        assert (x0, y0) == pytest.approx((0, 0), abs=TOL)
        assert (x1, y1) == pytest.approx((w + 2 * b, h + 2 * b), abs=TOL)
        assert page["BleedBox"] == pytest.approx(page["MediaBox"], abs=TOL)
        assert page["TrimBox"] == pytest.approx((b, b, b + w, b + h), abs=TOL)


def test_every_font_is_embedded_and_there_is_no_helvetica(lib, catalog):
    rendered = render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    fonts = font_report(rendered.pdf)
    assert fonts, "no fonts found"
    for name, _subtype, embedded in fonts:
        assert embedded, f"{name} is not embedded"
        assert "Helvetica" not in name and "Times" not in name and "Courier" not in name
    assert any("Atkinson" in name for name, _, _ in fonts)


def test_pdffonts_agrees(lib, catalog, tmp_path):
    require_tool("pdffonts")
    path = tmp_path / "card.pdf"
    path.write_bytes(render_card(lib, "prove", "fjordby", "a7", catalog=catalog).pdf)
    rows = pdffonts(path)
    assert rows
    for row in rows:
        assert "Helvetica" not in row[0]
        # columns from the right: object id (2 fields), uni, sub, emb
        assert row[-5] == "yes", row


def test_every_printed_number_is_in_the_extracted_text(lib, catalog):
    for fmt in TRIM:
        rendered = render_card(lib, "prove", "fjordby", fmt, catalog=catalog)
        text = all_text(rendered.pdf)
        assert rendered.printed_numbers
        for number in rendered.printed_numbers:
            assert number in text, f"{number} missing from {fmt}"
        assert "Fjordby" in text
        assert "fjordby v2 + nasjonal v3, 01.03.2024" in text
        for never in ("99 11 00 04", "800 33 444", "22 00 00 99", "99 11 00 50", "117 116"):
            assert never not in text


def test_blank_local_line_is_printed(lib, catalog):
    rendered = render_card(lib, "prove", "nasjonal", "a7", catalog=catalog)
    text = all_text(rendered.pdf)
    assert "Lokalt nummer:" in text
    assert "Testlinja 800 11 222" in text
    assert any("blank line" in w for w in rendered.warnings)


def test_english_version(lib, catalog):
    rendered = render_card(lib, "prove", "fjordby", "a7", lang="en", catalog=catalog)
    text = all_text(rendered.pdf)
    assert "Test card" in text and "Emergency" in text
    assert rendered.language == "en"


def test_output_is_deterministic_within_and_across_processes(lib, catalog, data_dir):
    first = render_card(lib, "prove", "fjordby", "id1", catalog=catalog, sheet="a4").pdf
    second = render_card(lib, "prove", "fjordby", "id1", catalog=catalog, sheet="a4").pdf
    assert first == second
    script = (
        "import sys; sys.path.insert(0, 'tests');"
        "from pathlib import Path;"
        "from vnr_desktop.core.library import Library;"
        "from cards_helpers import load_test_catalog;"
        "from vnr_desktop.core.cards.render import render_card;"
        f"lib = Library(Path({str(data_dir / 'library.db')!r}));"
        "pdf = render_card(lib, 'prove', 'fjordby', 'id1', catalog=load_test_catalog(), sheet='a4').pdf;"
        "sys.stdout.buffer.write(pdf)"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert other == first


def test_creation_date_comes_from_the_content(lib, catalog):
    rendered = render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20240301")
        assert "Prøvekort" in str(pdf.docinfo["/Title"])


def _decode_qr(pdf: bytes, tmp_path, dpi: int = 150) -> list[str]:
    zbarimg = require_tool("zbarimg")
    pdftoppm = require_tool("pdftoppm")
    path = tmp_path / "card.pdf"
    path.write_bytes(pdf)
    subprocess.run([pdftoppm, "-r", str(dpi), "-png", str(path), str(tmp_path / "p")], check=True)
    found: list[str] = []
    for png in sorted(tmp_path.glob("p-*.png")):
        out = subprocess.run(
            [zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True
        )
        found += out.stdout.split()
        png.unlink()
    return found


def test_qr_opens_the_card_page_of_the_printed_version_and_decodes_at_150_dpi(
    lib, catalog, tmp_path
):
    publish_fjordby(lib, tmp_path, "https://kort.eksempel.no/vnr-innhold")
    for fmt in ("id1", "a7", "a6-fold", "a4-poster"):
        rendered = render_card(lib, "prove", "fjordby", fmt, catalog=catalog)
        assert rendered.qr_payload == (
            f"https://kort.eksempel.no/vnr-innhold/fjordby/prove/{fmt}/v3-3/"
        )
        assert _decode_qr(rendered.pdf, tmp_path) == [rendered.qr_payload], fmt


def test_qr_modules_are_at_least_0_4_mm_with_a_4_module_quiet_zone():
    from vnr_desktop.core.cards.qr import MIN_MODULE_MM, QUIET_MODULES, code_size_mm, qr_modules

    assert QUIET_MODULES == 4
    for payload in (
        "http://127.0.0.1:8080/fjordby/prove/id1/v3-3/",
        "https://vnr.hallingdal.kommune.no/hallingdal/utovere/a6-fold/v12-3/",
    ):
        n = len(qr_modules(payload)) + 2 * QUIET_MODULES
        for fmt in ("id1", "a7", "a6-fold"):
            assert code_size_mm(payload, FORMATS[fmt].qr_mm) / n >= MIN_MODULE_MM >= 0.4


def test_card_without_publish_url_has_no_qr_but_prints_version_and_date(lib, catalog, tmp_path):
    rendered = render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    assert rendered.qr_payload == ""
    assert _decode_qr(rendered.pdf, tmp_path) == []
    text = all_text(rendered.pdf)
    assert "fjordby v2 + nasjonal v3, 01.03.2024" in text
    assert "Skann" not in text


def test_non_ascii_qr_address_is_encoded(lib, catalog, tmp_path):
    publish_fjordby(lib, tmp_path, "https://kommune-ø.no/kort")
    rendered = render_card(lib, "prove", "fjordby", "a7", catalog=catalog)
    assert rendered.qr_payload.startswith("https://xn--kommune--")
    assert rendered.qr_payload.isascii()


def test_type_never_goes_below_the_floors(lib, catalog):
    for fmt, spec in FORMATS.items():
        rendered = render_card(lib, "prove", "fjordby", fmt, catalog=catalog)
        assert rendered.body_pt >= spec.sizes.body_min
        assert rendered.number_pt >= spec.sizes.number_min
    assert FORMATS["id1"].sizes.body_min >= 7 and FORMATS["id1"].sizes.number_min >= 9
    assert FORMATS["a4-poster"].sizes.number_min >= 28


def _prove_text() -> str:
    return (TEST_DEFS / "prove.yaml").read_text("utf-8")


def test_text_that_does_not_fit_is_an_error_naming_card_side_and_panel(lib, tmp_path):
    long_text = " ".join(["Dette er en altfor lang setning for et lommekort."] * 30)
    text = _prove_text().replace(
        "      - guide:\n          section: se\n",
        f"      - text: {{nb: {long_text}, en: {long_text}}}\n"
        "      - guide:\n          section: se\n",
        1,
    )
    catalog = load_test_catalog(tmp_path, extra={"prove.yaml": text})
    with pytest.raises(CardOverflowError) as err:
        render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    assert err.value.card == "prove" and err.value.side == "front" and err.value.panel == "se"
    assert "prove" in str(err.value) and "'front'" in str(err.value) and "'se'" in str(err.value)
    assert err.value.needed_mm > err.value.available_mm


def test_a_character_no_font_has_is_an_error(lib, tmp_path):
    from vnr_desktop.core.cards.errors import GlyphError

    text = _prove_text()
    text = text.replace("short_title: {nb: Prøvekort,", "short_title: {nb: Prøvekort \u6f22,")
    catalog = load_test_catalog(tmp_path, extra={"prove.yaml": text})
    with pytest.raises(GlyphError, match="U\\+6F22"):
        render_card(lib, "prove", "fjordby", "id1", catalog=catalog)


def test_symbols_missing_from_atkinson_use_dejavu(lib, tmp_path):
    text = _prove_text()
    text = text.replace("short_title: {nb: Prøvekort,", "short_title: {nb: Prøvekort ☎ →,")
    catalog = load_test_catalog(tmp_path, extra={"prove.yaml": text})
    rendered = render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    names = [name for name, _, _ in font_report(rendered.pdf)]
    assert any("DejaVu" in n for n in names)
    assert "☎" in all_text(rendered.pdf)


def test_shipped_card_renders_with_real_numbers(library, tmp_path):
    """One real card end to end: Hallingdal's children's card on ID-1."""
    rendered = render_card(library, "barn", "hallingdal", "id1")
    text = all_text(rendered.pdf)
    for number in ("112", "02800", "32 08 53 10", "32 07 52 50"):
        assert number in text
    assert "Hallingdal" in text and "hallingdal v" in text
    assert load_catalog().ok
    assert all(embedded for _, _, embedded in font_report(rendered.pdf))
    boxes = boxes_mm(rendered.pdf)
    assert boxes[0]["TrimBox"][2] - boxes[0]["TrimBox"][0] == pytest.approx(85.6, abs=TOL)
    assert MM > 2.8


def test_phone_numbers_print_in_the_plain_zero_font(lib, catalog):
    """Atkinson's slashed zero reads as the letter Ø in Norwegian: numbers use DejaVu."""
    from pypdf import PdfReader

    from vnr_desktop.core.cards import fonts

    rendered = render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    runs: list[tuple[str, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if font_dict is not None and text.strip():
            runs.append((text.strip(), str(font_dict.get("/BaseFont", ""))))

    for page in PdfReader(io.BytesIO(rendered.pdf)).pages:
        page.extract_text(visitor_text=visit)
    number_fonts = {font for text, font in runs if text in rendered.printed_numbers}
    assert rendered.printed_numbers
    assert number_fonts and all(font.endswith(fonts.NUMBER) for font in number_fonts), number_fonts


def test_fast_mask_choice_matches_reportlab():
    from reportlab.graphics.barcode import qrencoder

    from vnr_desktop.core.cards.qr import qr_modules

    for payload in (
        "https://vnr.example.invalid/innhold/akutt/gjovik?v=gjovik-1.nasjonal-1",
        "https://a.no/" + "x" * 150,
        "https://b.no/kort?q=" + "AbC123-_.~" * 9,
    ):
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        assert qr_modules(payload) == tuple(tuple(bool(m) for m in row) for row in code.modules)


def test_render_to_file_writes_atomically(lib, catalog, tmp_path):
    from vnr_desktop.core.cards.render import render_to_file

    target = tmp_path / "ut" / "kort.pdf"
    rendered = render_to_file(target, lib, "prove", "fjordby", "a7", catalog=catalog)
    assert target.read_bytes() == rendered.pdf
    assert [p.name for p in target.parent.iterdir()] == ["kort.pdf"]  # no .part left behind


_ONE_PAGE = """      page:
        - {panels: [title], height: fit}
        - {panels: [se], height: fit}
        - {panels: [numbers], height: rest}
        - {panels: [footer], height: fit}"""
_TWO_PAGES = """      page:
        - {panels: [title], height: fit}
        - {panels: [se], height: rest}
      page2:
        - {panels: [title], height: fit}
        - {panels: [numbers], height: rest}
        - {panels: [footer], height: fit}"""


@pytest.mark.parametrize("fmt", ["a4-poster", "a3-poster"])
def test_a_poster_of_two_pages_prints_two_trimmed_sheets_marked_1_2_and_2_2(lib, tmp_path, fmt):
    root = tmp_path / "defs"
    shutil.copytree(TEST_DEFS, root)
    text = (root / "prove.yaml").read_text(encoding="utf-8")
    assert _ONE_PAGE in text
    (root / "prove.yaml").write_text(text.replace(_ONE_PAGE, _TWO_PAGES), encoding="utf-8")
    result = load_catalog(root)
    assert result.ok, [str(d) for d in result.diagnostics]
    rendered = render_card(lib, "prove", "fjordby", fmt, catalog=result.catalog)
    boxes = boxes_mm(rendered.pdf)
    assert len(boxes) == 2
    w, h = TRIM[fmt]
    for page in boxes:
        assert page["TrimBox"] == pytest.approx((BLEED_MM, BLEED_MM, BLEED_MM + w, BLEED_MM + h))
    first, second = page_text(rendered.pdf)
    assert "· 1/2" in first and "2/2" not in first
    assert "· 2/2" in second and "1/2" not in second
    # each page is set at its own size: the short first page larger than the floor
    assert rendered.body_pt >= FORMATS[fmt].sizes.body_min


def test_a_poster_has_at_most_two_pages(tmp_path):
    root = tmp_path / "defs"
    shutil.copytree(TEST_DEFS, root)
    text = (root / "prove.yaml").read_text(encoding="utf-8")
    three = _TWO_PAGES.replace("      page2:", "      page3:")
    (root / "prove.yaml").write_text(text.replace(_ONE_PAGE, three), encoding="utf-8")
    result = load_catalog(root)
    assert any("may have page2" in d.message for d in result.errors)

"""Print-shop PDFs (PDF/X-1a:2003) checked from the file itself: output intent and profile,
CMYK only (no RGB or unmanaged colour in any content stream), text and QR in black ink only,
boxes, embedded fonts, no transparency; and Ghostscript renders them without a warning."""

from __future__ import annotations

import io
import subprocess

import pikepdf
import pytest
from cards_helpers import MM, font_report, install_test_bundles, load_test_catalog, publish_fjordby
from cards_pdf_scan import scan
from testutil import require_tool

from vnr_desktop.core.cards import palette, printshop
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.resources import resource_path

CASES = [
    ("id1", None),
    ("a7", None),
    ("a6-fold", None),
    ("a4-poster", None),
    ("a3-poster", None),
    ("id1", "a4"),
    ("a6-fold", "a4"),
]
CMYK_VALUES = {tuple(round(v / 100, 4) for v in cmyk) for cmyk in palette.PRINT_CMYK.values()}


@pytest.fixture
def lib(empty_library, tmp_path_factory):
    install_test_bundles(empty_library)
    # a published bundle, so its cards carry the QR code a print shop must print in black
    publish_fjordby(empty_library, tmp_path_factory.mktemp("pub"), "https://kort.eksempel.no/vnr")
    return empty_library


@pytest.fixture(scope="module")
def catalog():
    return load_test_catalog()


def _render(lib, catalog, fmt, sheet, card="prove", region="fjordby"):
    return render_card(lib, card, region, fmt, sheet=sheet, catalog=catalog, print_shop=True)


@pytest.mark.parametrize(("fmt", "sheet"), CASES)
def test_output_intent_info_and_boxes(lib, catalog, fmt, sheet):
    rendered = _render(lib, catalog, fmt, sheet)
    assert rendered.print_shop
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        assert pdf.pdf_version <= "1.4"  # PDF/X-1a:2003 is based on PDF 1.4
        assert not pdf.is_encrypted
        [intent] = pdf.Root.OutputIntents
        assert intent.Type == "/OutputIntent" and intent.S == "/GTS_PDFX"
        assert str(intent.OutputConditionIdentifier) == "FOGRA39"
        assert str(intent.RegistryName) == "http://www.color.org"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 4
        icc = profile.read_bytes()
        assert icc == resource_path(printshop.PROFILE).read_bytes()
        # a valid ICC output profile for CMYK: size, class, colour space, signature
        assert int.from_bytes(icc[0:4], "big") == len(icc)
        assert icc[12:16] == b"prtr" and icc[16:20] == b"CMYK" and icc[36:40] == b"acsp"
        info = pdf.docinfo
        assert str(info["/GTS_PDFXVersion"]) == "PDF/X-1a:2003"
        assert info["/Trapped"] == "/False"
        assert str(info["/Title"]) and str(info["/CreationDate"]) and str(info["/ModDate"])
        assert len(pdf.trailer.ID) == 2
        for page in pdf.pages:
            media = [float(v) for v in page.obj.MediaBox]
            bleed = [float(v) for v in page.obj.BleedBox]
            trim = [float(v) for v in page.obj.TrimBox]
            assert "/ArtBox" not in page.obj  # PDF/X: TrimBox alone
            assert media[0] <= bleed[0] <= trim[0] and trim[2] <= bleed[2] <= media[2]
            assert media[1] <= bleed[1] <= trim[1] and trim[3] <= bleed[3] <= media[3]
            if sheet is None:
                assert (trim[0] - bleed[0]) / MM == pytest.approx(3.0, abs=0.01)


def _resources(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every resource dictionary: the pages' and those of the form XObjects they draw."""
    out, seen = [], set()
    todo = [page.obj.get("/Resources") for page in pdf.pages]
    while todo:
        res = todo.pop()
        if res is None:
            continue
        key = res.objgen if res.is_indirect else id(res)
        if key in seen:
            continue
        seen.add(key)
        out.append(res)
        for xobj in res.get("/XObject", {}).values():
            assert xobj.get("/Subtype") == "/Form", "images are not expected on cards"
            assert "/Group" not in xobj, "transparency group in a form"
            todo.append(xobj.get("/Resources"))
    return out


@pytest.mark.parametrize(("fmt", "sheet"), CASES)
def test_cmyk_only_and_no_transparency(lib, catalog, fmt, sheet):
    rendered = _render(lib, catalog, fmt, sheet)
    pages = scan(rendered.pdf)
    ops = {op for page in pages for op, _ in page.colour_ops}
    assert ops <= {"k", "K", "g", "G"}, ops  # no rg/RG, no cs/sc/scn (no other colour space)
    for page in pages:
        for op, vals in page.colour_ops:
            if op in ("k", "K") and any(vals[:3]):
                assert tuple(round(v, 4) for v in vals) in CMYK_VALUES, vals
    with pikepdf.open(io.BytesIO(rendered.pdf)) as pdf:
        for page in pdf.pages:
            assert "/Group" not in page.obj
        for res in _resources(pdf):
            assert "/ColorSpace" not in res, "no colour space but DeviceCMYK/DeviceGray"
            assert "/Pattern" not in res and "/Shading" not in res
            for gs in res.get("/ExtGState", {}).values():
                assert "/SMask" not in gs or gs.SMask == "/None"
                assert float(gs.get("/CA", 1)) == 1 and float(gs.get("/ca", 1)) == 1
                assert gs.get("/BM", "/Normal") in ("/Normal", "/Compatible")


def _pure_k(fill: tuple[str, tuple[float, ...]]) -> bool:
    op, vals = fill
    return op == "k" and vals[:3] == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("fmt", ["id1", "a7", "a6-fold", "a4-poster"])
def test_text_and_qr_in_black_ink_only(lib, catalog, fmt):
    rendered = _render(lib, catalog, fmt, None)
    pages = scan(rendered.pdf)
    runs = [run for page in pages for run in page.text]
    assert runs
    # every glyph in black ink alone (a tint for muted text), or knocked out of a colour
    # band (paper white): coloured headings too, small text in three inks would blur
    bad = [run for run in runs if not _pure_k(run.fill)]
    assert not bad, bad[:3]
    # every phone number: solid black
    numbers = [run for run in runs if "DejaVuSansCondensed-Bold" in run.font]
    assert numbers and all(run.fill == ("k", (0.0, 0.0, 0.0, 1.0)) for run in numbers)
    # the QR code: the path with the most parts, filled with 100 % black only
    qr = max((s for page in pages for s in page.shapes), key=lambda s: s.parts)
    assert qr.parts > 50 and qr.fill == ("k", (0.0, 0.0, 0.0, 1.0))


def test_print_colours_come_from_the_profile():
    """Each chromatic colour's CMYK is what LittleCMS makes of it with the shipped profile
    (sRGB to the output profile, relative colorimetric), to a per cent."""
    from PIL import Image, ImageCms

    profile = ImageCms.getOpenProfile(str(resource_path(printshop.PROFILE)))
    transform = ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"),
        profile,
        "RGB",
        "CMYK",
        renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
    )
    for hex_colour, cmyk in palette.PRINT_CMYK.items():
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        image = ImageCms.applyTransform(Image.new("RGB", (1, 1), rgb), transform)
        got = [round(v / 255 * 100) for v in image.getpixel((0, 0))]
        assert all(abs(a - b) <= 1 for a, b in zip(got, cmyk, strict=True)), (hex_colour, got)
    # coloured text: dark prints in black ink, light (on a dark band) as paper white
    assert palette.print_colour(palette.text_colour(palette.TONES["handle"])).cmyk() == (0, 0, 0, 1)
    assert palette.print_colour(palette.text_colour(palette.TITLE_ACCENT)).cmyk() == (0, 0, 0, 0)
    # every colour the cards print has a print value: greys go to black ink alone
    used = [palette.INK, palette.MUTED, palette.PAPER, palette.TITLE_BG, palette.TITLE_FG]
    used += [palette.TITLE_ACCENT, palette.RULE, palette.NUMBERS_BG, palette.BLANK_LINE]
    used += list(palette.TONES.values())
    for colour in used:
        palette.print_colour(colour)
    assert palette.print_colour(palette.INK).cmyk() == (0, 0, 0, 1)
    with pytest.raises(ValueError, match="PRINT_CMYK"):
        palette.print_colour("#12ab34")


def test_profile_ships_with_its_licence():
    folder = resource_path("icc")
    text = (folder / "README.md").read_text("utf-8")
    assert "Zlib" in text and "FOGRA39L" in text and "colprof" in text
    assert (folder / "LICENSE-Zlib.txt").is_file()


@pytest.mark.parametrize(("fmt", "sheet"), [("id1", None), ("a4-poster", None), ("id1", "a4")])
def test_ghostscript_renders_without_warnings(lib, catalog, tmp_path, fmt, sheet):
    gs = require_tool("gs")
    path = tmp_path / "kort.pdf"
    path.write_bytes(_render(lib, catalog, fmt, sheet).pdf)
    out = subprocess.run(
        [gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "" and out.stderr.strip() == "", (out.stdout, out.stderr)


def test_print_shop_is_deterministic_and_keeps_fonts(lib, catalog):
    a = _render(lib, catalog, "id1", None).pdf
    b = _render(lib, catalog, "id1", None).pdf
    assert a == b
    fonts = font_report(a)
    assert fonts and all(embedded for _, _, embedded in fonts)
    plain = render_card(lib, "prove", "fjordby", "id1", catalog=catalog).pdf
    assert b"GTS_PDFX" not in plain and b"OutputIntent" not in plain


def test_cli_print_shop(library, data_dir, tmp_path, capsys):
    from vnr_desktop.cli import main

    out = tmp_path / "trykk.pdf"
    code = main(
        [
            "--data-dir",
            str(data_dir),
            "cards",
            "render",
            "akutt",
            "--region",
            "gjovik",
            "--format",
            "id1",
            "--sheet",
            "a4-10",
            "--print-shop",
            "-o",
            str(out),
        ]
    )
    assert code == 0, capsys.readouterr().err
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-1a:2003"
        assert len(pdf.pages) == 2


def test_card_studio_adapter_passes_print_shop(library, data_dir):
    """The studio's checkbox ends in RenderRequest.print_shop; the adapter renders PDF/X."""
    from vnr_desktop.gui.adapters import cards as adapter

    state: dict[str, object] = {}
    try:
        request = adapter.RenderRequest("akutt", "gjovik", "id1", "nb", print_shop=True)
        rendered = adapter.render(state, data_dir, request)
    finally:
        adapter.close(state)
    assert b"GTS_PDFXVersion" in rendered.pdf
    assert rendered.file_name.endswith("-trykkeri.pdf")

"""Imposed sheets (positions, mirrored backs, crop marks), the duplex test page, print history
and the CLI."""

from __future__ import annotations

import io
import itertools
import json

import pikepdf
import pytest
from cards_helpers import MM, all_text, boxes_mm, install_test_bundles, load_test_catalog

from vnr_desktop.core.cards import duplex_test
from vnr_desktop.core.cards.errors import CardRequestError
from vnr_desktop.core.cards.history import record_render
from vnr_desktop.core.cards.imposition import back_position, sheet_grid
from vnr_desktop.core.cards.render import render_card

TOL = 0.05  # mm


@pytest.fixture
def lib(empty_library):
    install_test_bundles(empty_library)
    return empty_library


@pytest.fixture(scope="module")
def catalog():
    return load_test_catalog()


def _mul(m: list[float], n: list[float]) -> list[float]:
    """PDF matrix product m × n (m applied first)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def placements(pdf: bytes) -> list[list[tuple[str, list[float]]]]:
    """Per page: (form name, CTM in mm units for e/f) of every form XObject drawn."""
    out = []
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            ctm = [1.0, 0, 0, 1.0, 0, 0]
            stack: list[list[float]] = []
            found = []
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name == "q":
                    stack.append(ctm)
                elif name == "Q":
                    ctm = stack.pop()
                elif name == "cm":
                    ctm = _mul([float(v) for v in operands], ctm)
                elif name == "Do":
                    m = list(ctm)
                    found.append((str(operands[0]), [m[0], m[1], m[2], m[3], m[4] / MM, m[5] / MM]))
            out.append(found)
    return out


def segments(pdf: bytes, page_index: int) -> list[tuple[float, float, float, float]]:
    """Top-level straight lines (m ... l) on a page, in mm (the crop marks)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[page_index]
        ctm = [1.0, 0, 0, 1.0, 0, 0]
        stack: list[list[float]] = []
        start = None
        lines = []
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name == "q":
                stack.append(ctm)
            elif name == "Q":
                ctm = stack.pop()
            elif name == "cm":
                ctm = _mul([float(v) for v in operands], ctm)
            elif name == "m":
                start = (float(operands[0]), float(operands[1]))
            elif name == "l" and start is not None:
                x, y = float(operands[0]), float(operands[1])
                a, b, c, d, e, f = ctm
                p0 = (a * start[0] + c * start[1] + e, b * start[0] + d * start[1] + f)
                p1 = (a * x + c * y + e, b * x + d * y + f)
                lines.append((p0[0] / MM, p0[1] / MM, p1[0] / MM, p1[1] / MM))
                start = (x, y)
        return lines


@pytest.mark.parametrize("duplex", ["long", "short"])
def test_id1_sheet_front_and_back_line_up(lib, catalog, duplex):
    rendered = render_card(
        lib, "prove", "fjordby", "id1", sheet="a4", duplex=duplex, catalog=catalog
    )
    front, back = placements(rendered.pdf)
    assert len(front) == len(back) == 8  # 2 × 4 with gutters
    w, h = 85.6, 53.98
    fronts = sorted((round(m[4], 3), round(m[5], 3)) for _, m in front)
    backs = []
    for _, m in back:
        if duplex == "long":
            assert m[0] == pytest.approx(1) and m[3] == pytest.approx(1)
            x0, y0 = m[4], m[5]
        else:  # turned 180°: the origin is the far corner
            assert m[0] == pytest.approx(-1) and m[3] == pytest.approx(-1)
            x0, y0 = m[4] - w, m[5] - h
        backs.append((x0, y0))
    # held against the light, every back sits exactly behind a front
    for x0, y0 in backs:
        seen = (210.0 - x0 - w, y0) if duplex == "long" else (x0, 297.0 - y0 - h)
        assert any(abs(seen[0] - fx) < TOL and abs(seen[1] - fy) < TOL for fx, fy in fronts), seen
    # 6 mm gutters: neighbouring trim boxes are 2 × 3 mm bleed apart
    xs = sorted({x for x, _ in fronts})
    assert xs[1] - xs[0] == pytest.approx(w + 6.0, abs=TOL)


SHEET_SIZES = {"a4": (210.0, 297.0), "a4-10": (210.0, 297.0), "a3": (297.0, 420.0)}


def _trim_origin(m: list[float], w: float, h: float) -> tuple[float, float, bool]:
    """Trim origin (mm) of a placed form and whether it is turned 180°."""
    if m[0] == pytest.approx(1) and m[3] == pytest.approx(1):
        return m[4], m[5], False
    assert m[0] == pytest.approx(-1) and m[3] == pytest.approx(-1)
    return m[4] - w, m[5] - h, True


def _check_backs_behind_fronts(pdf: bytes, sheet: str, duplex: str, w: float, h: float) -> None:
    """Held against the light, each back sits exactly behind the front of the same card."""
    sw, sh = SHEET_SIZES[sheet]
    front, back = placements(pdf)
    assert len(front) == len(back)
    fronts = {}
    for name, m in front:
        x, y, turned = _trim_origin(m, w, h)
        assert not turned
        fronts[(round(x, 2), round(y, 2))] = name.rsplit("_", 1)[0]
    for name, m in back:
        x, y, turned = _trim_origin(m, w, h)
        assert turned == (duplex == "short")
        seen = (sw - x - w, y) if duplex == "long" else (x, sh - y - h)
        match = [
            card
            for (fx, fy), card in fronts.items()
            if abs(seen[0] - fx) < TOL and abs(seen[1] - fy) < TOL
        ]
        assert match == [name.rsplit("_", 1)[0]], (name, seen)


@pytest.mark.parametrize("duplex", ["long", "short"])
def test_id1_ten_up_without_gutters_shares_cut_lines(lib, catalog, duplex):
    rendered = render_card(
        lib, "prove", "fjordby", "id1", sheet="a4-10", duplex=duplex, catalog=catalog
    )
    w, h = 85.6, 53.98
    front, back = placements(rendered.pdf)
    assert len(front) == len(back) == 10
    xs = sorted({round(m[4], 3) for _, m in front})
    ys = sorted({round(m[5], 3) for _, m in front})
    assert len(xs) == 2 and len(ys) == 5
    # neighbours touch: one cut line between them, no gutter
    assert xs[1] - xs[0] == pytest.approx(w, abs=TOL)
    for a, b in itertools.pairwise(ys):
        assert b - a == pytest.approx(h, abs=TOL)
    # centred on the sheet, with room for the marks
    assert xs[0] == pytest.approx((210 - 2 * w) / 2, abs=TOL)
    assert ys[0] == pytest.approx((297 - 5 * h) / 2, abs=TOL)
    _check_backs_behind_fronts(rendered.pdf, "a4-10", duplex, w, h)
    # one mark above and below each of the 3 vertical cut lines, one left and right of each
    # of the 6 horizontal ones; none of them on a card (outer bleed included)
    marks = segments(rendered.pdf, 0)
    grid_box = (xs[0] - 3, ys[0] - 3, xs[1] + w + 3, ys[-1] + h + 3)
    for x0, y0, x1, y1 in marks:
        inside = (
            min(x0, x1) < grid_box[2]
            and max(x0, x1) > grid_box[0]
            and min(y0, y1) < grid_box[3]
            and max(y0, y1) > grid_box[1]
        )
        assert not inside, (x0, y0, x1, y1)
    vertical = {round(x0, 2) for x0, y0, x1, y1 in marks if abs(x0 - x1) < TOL}
    horizontal = {round(y0, 2) for x0, y0, x1, y1 in marks if abs(y0 - y1) < TOL}
    assert vertical == {round(x, 2) for x in (xs[0], xs[0] + w, xs[0] + 2 * w)}
    assert len(horizontal) == 6


def test_ten_up_is_for_id1_only(lib, catalog):
    with pytest.raises(CardRequestError, match="a4-10"):
        render_card(lib, "prove", "fjordby", "a7", sheet="a4-10", catalog=catalog)


@pytest.mark.parametrize("duplex", ["long", "short"])
@pytest.mark.parametrize(("fmt", "count", "w", "h"), [("id1", 18, 85.6, 53.98), ("a7", 9, 74, 105)])
def test_a3_sheets(lib, catalog, duplex, fmt, count, w, h):
    rendered = render_card(lib, "prove", "fjordby", fmt, sheet="a3", duplex=duplex, catalog=catalog)
    boxes = boxes_mm(rendered.pdf)
    assert boxes[0]["MediaBox"] == pytest.approx((0, 0, 297, 420), abs=TOL)
    front, back = placements(rendered.pdf)
    assert len(front) == len(back) == count
    xs = sorted({round(m[4], 3) for _, m in front})
    assert xs[1] - xs[0] == pytest.approx(w + 6, abs=TOL)  # 6 mm gutters keep the bleed
    _check_backs_behind_fronts(rendered.pdf, "a3", duplex, w, h)


@pytest.mark.parametrize("duplex", ["long", "short"])
def test_mixed_sheet_has_every_card_once_and_its_back_behind_it(library, duplex):
    from vnr_desktop.core.cards.loader import shipped_catalog
    from vnr_desktop.core.cards.render import render_mixed

    sheet = render_mixed(library, "gjovik", "id1", sheet="a4", duplex=duplex)
    cards = list(shipped_catalog().cards)
    assert list(sheet.cards) == cards and len(cards) == 8
    front, back = placements(sheet.pdf)
    assert len(front) == len(back) == 8  # 8-up, each card once
    assert sorted(n.split(".")[-1].rsplit("_", 2)[0] for n, _ in front) == sorted(cards)
    _check_backs_behind_fronts(sheet.pdf, "a4", duplex, 85.6, 53.98)
    text = all_text(sheet.pdf)
    assert "61 18 95 44" in text and "8 kort" in text


def test_cli_mixed_sheet(library, data_dir, tmp_path, capsys):
    from vnr_desktop.cli import main
    from vnr_desktop.cli.cards_cmd import SHEET_IDS
    from vnr_desktop.core.cards.imposition import SHEETS

    assert list(SHEETS) == SHEET_IDS
    out = tmp_path / "alle.pdf"
    args = ["--data-dir", str(data_dir), "cards", "sheet", "--region", "hamar"]
    assert main([*args, "--sheet", "a4-10", "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["cards"]) == 8 and report["sheet"] == "a4-10"
    front, back = placements(out.read_bytes())
    assert len(front) == len(back) == 8  # 10 cells, 8 cards
    assert main([*args, "--format", "a7", "--sheet", "a4-10", "-o", str(out)]) == 2
    assert "a4-10" in capsys.readouterr().err


def test_fold_cards_carry_fold_marks_outside_the_trim(lib, catalog):
    """The A6 fold: a mark at the fold in the top and the bottom bleed margin of both pages,
    ending before the trim; the cover's colour band starts clear of the fold."""
    from cards_pdf_scan import scan

    from vnr_desktop.core.cards.pdfcanvas import FOLD_CLEAR_MM

    rendered = render_card(lib, "prove", "fjordby", "a6-fold", catalog=catalog)
    b, fold = 3.0, 3.0 + 74.0
    for page in range(2):
        marks = segments(rendered.pdf, page)
        at_fold = [s for s in marks if abs(s[0] - fold) < TOL and abs(s[2] - fold) < TOL]
        below = [s for s in at_fold if max(s[1], s[3]) <= b - 0.5 and min(s[1], s[3]) >= 0]
        above = [s for s in at_fold if min(s[1], s[3]) >= b + 105 + 0.5]
        assert below and above, at_fold
    # the title band on the cover (right panel of the outside page) starts clear of the fold
    outside = scan(rendered.pdf)[0]
    bands = [
        s
        for s in outside.shapes
        if s.filled
        and s.fill[1] != (1.0, 1.0, 1.0)
        and s.x0 / MM >= fold - 0.01
        and s.y1 / MM > b + 105  # reaches into the top bleed: the title band
    ]
    assert bands
    for s in bands:
        assert s.x0 / MM >= fold + FOLD_CLEAR_MM - TOL


def test_duplex_offset_shifts_only_the_backs(lib, catalog):
    plain = render_card(lib, "prove", "fjordby", "id1", sheet="a4", catalog=catalog)
    shifted = render_card(
        lib, "prove", "fjordby", "id1", sheet="a4", catalog=catalog, duplex_offset=(1.5, -0.5)
    )
    (f0, b0), (f1, b1) = placements(plain.pdf), placements(shifted.pdf)
    assert [m for _, m in f0] == [m for _, m in f1]
    for (_, m0), (_, m1) in zip(b0, b1, strict=True):
        assert m1[4] - m0[4] == pytest.approx(1.5, abs=TOL)
        assert m1[5] - m0[5] == pytest.approx(-0.5, abs=TOL)


def test_crop_marks_stay_in_the_margin(lib, catalog):
    rendered = render_card(lib, "prove", "fjordby", "id1", sheet="a4", catalog=catalog)
    grid = sheet_grid(85.6, 53.98)
    marks = segments(rendered.pdf, 0)
    assert len(marks) >= 2 * (2 * grid.cols) + 2 * (2 * grid.rows)
    cards = []
    for col in range(grid.cols):
        for row in range(grid.rows):
            x, y = grid.cell_origin(col, row)
            cards.append((x - 3, y - 3, x + 85.6 + 3, y + 53.98 + 3))
    for x0, y0, x1, y1 in marks:
        for cx0, cy0, cx1, cy1 in cards:
            inside = (
                min(x0, x1) < cx1 and max(x0, x1) > cx0 and min(y0, y1) < cy1 and max(y0, y1) > cy0
            )
            assert not inside, f"crop mark {(x0, y0, x1, y1)} touches a card"
    # every vertical trim line has a mark above the grid
    top = grid.y0 + grid.rows * grid.cell_h
    for col in range(grid.cols):
        x, _ = grid.cell_origin(col, 0)
        for edge in (x, x + 85.6):
            assert any(
                abs(a - edge) < TOL and abs(c - edge) < TOL and min(b, d) > top
                for a, b, c, d in marks
            )


def test_other_sheets(lib, catalog):
    a7 = render_card(lib, "prove", "fjordby", "a7", sheet="a4", catalog=catalog)
    assert [len(p) for p in placements(a7.pdf)] == [4, 4]
    fold = render_card(lib, "prove", "fjordby", "a6-fold", sheet="a4", catalog=catalog)
    # two folded cards per sheet, two panels each per side
    assert [len(p) for p in placements(fold.pdf)] == [4, 4]
    with pytest.raises(CardRequestError, match="posters"):
        render_card(lib, "prove", "fjordby", "a4-poster", sheet="a4", catalog=catalog)


def test_back_position_mirrors():
    grid = sheet_grid(85.6, 53.98)
    assert (grid.cols, grid.rows) == (2, 4)
    assert back_position(grid, 0, 1, "long") == (1, 1, False)
    assert back_position(grid, 0, 1, "short") == (0, 2, True)


# --------------------------------------------------------------------------- duplex test page


@pytest.mark.parametrize("duplex", ["long", "short"])
@pytest.mark.parametrize("error", [(0.0, 0.0), (1.5, -2.0), (-3.0, 0.5), (3.0, 3.5)])
@pytest.mark.parametrize("current", [(0.0, 0.0), (1.0, -1.0)])
def test_vernier_reading_gives_the_correction(duplex, error, current):
    """Simulate a printer that shifts the back by `error`: the tick where the scales meet
    carries the value that, stored, cancels the error."""
    xs, ys = duplex_test.corrections(duplex, current)
    residual = (error[0] + current[0], error[1] + current[1])
    w, h = duplex_test.PAGE_MM

    def seen(xb: float, yb: float) -> tuple[float, float]:
        # back-page point shifted by the residual, seen from the front
        xb, yb = xb + residual[0], yb + residual[1]
        return (w - xb, yb) if duplex == "long" else (xb, h - yb)

    cx = cy = 100.0
    best_x = min(
        range(-duplex_test.TICKS, duplex_test.TICKS + 1),
        key=lambda j: abs(
            seen(*duplex_test.to_back(duplex, cx + j * duplex_test.VERNIER_STEP, cy))[0]
            - (cx + j * duplex_test.MAIN_STEP)
        ),
    )
    best_y = min(
        range(-duplex_test.TICKS, duplex_test.TICKS + 1),
        key=lambda j: abs(
            seen(*duplex_test.to_back(duplex, cx, cy + j * duplex_test.VERNIER_STEP))[1]
            - (cy + j * duplex_test.MAIN_STEP)
        ),
    )
    new = (xs[best_x + duplex_test.TICKS], ys[best_y + duplex_test.TICKS])
    # with the stored value, the printer's error is cancelled
    assert new[0] + error[0] == pytest.approx(0, abs=0.01)
    assert new[1] + error[1] == pytest.approx(0, abs=0.01)


def test_duplex_test_page_renders_two_pages_deterministically():
    a = duplex_test.render_duplex_test(duplex="long", offset_mm=(0.5, -1.0))
    b = duplex_test.render_duplex_test(duplex="long", offset_mm=(0.5, -1.0))
    assert a == b
    text = all_text(a)
    assert "Testside for tosidig utskrift" in text and "+0,5" in text
    with pikepdf.open(io.BytesIO(a)) as pdf:
        assert len(pdf.pages) == 2


# --------------------------------------------------------------------------- history and CLI


def test_render_is_recorded_in_print_history(lib, catalog, userdata):
    rendered = render_card(lib, "prove", "fjordby", "a7", catalog=catalog)
    row_id = record_render(userdata, rendered, "/tmp/kort.pdf")
    [record] = userdata.print_history()
    assert record.id == row_id
    assert (record.card_id, record.region, record.format, record.language) == (
        "prove",
        "fjordby",
        "a7",
        "nb",
    )
    assert record.content_version == "fjordby v2 + nasjonal v3"
    assert record.content_hash == rendered.content_hash and len(record.content_hash) == 64
    assert record.output == "/tmp/kort.pdf"


def test_staleness_follows_the_content(lib, catalog, userdata, tmp_path):
    import shutil

    from cards_helpers import TEST_BUNDLES

    from vnr_desktop.core.cards.history import is_stale

    rendered = render_card(lib, "prove", "fjordby", "id1", catalog=catalog)
    record_render(userdata, rendered)
    [record] = userdata.print_history()
    assert not is_stale(lib, record, catalog)
    # a new fjordby version with another krisesenter number makes the printed card stale
    changed = tmp_path / "fjordby"
    shutil.copytree(TEST_BUNDLES / "fjordby", changed)
    contacts = changed / "contacts.yaml"
    contacts.write_text(contacts.read_text("utf-8").replace("99 11 00 01", "99 11 00 08"), "utf-8")
    manifest = changed / "manifest.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("version: 2", "version: 3"), "utf-8")
    lib.install_dir(changed)
    assert is_stale(lib, record, catalog)


def test_cli_list_render_validate_and_offset(library, data_dir, tmp_path, capsys):
    from vnr_desktop.cli import main
    from vnr_desktop.core.userdata import open_userdata

    assert main(["--data-dir", str(data_dir), "cards", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {c["id"] for c in listed} >= {"akutt", "barn", "english"}

    out = tmp_path / "akutt.pdf"
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
            "a4",
            "--duplex",
            "short",
            "-o",
            str(out),
            "--json",
        ]
    )
    assert code == 0
    [written] = json.loads(capsys.readouterr().out)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert written["content_version"].startswith("gjovik v")
    assert "61 18 95 44" in written["numbers"]
    assert "61 18 95 44" in all_text(out.read_bytes())

    folder = tmp_path / "alle"
    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "cards",
                "render",
                "--all",
                "--region",
                "hamar",
                "--format",
                "a7",
                "-o",
                str(folder),
            ]
        )
        == 0
    )
    captured = capsys.readouterr()
    assert len(list(folder.glob("*.pdf"))) == len(listed)
    assert "warning" in captured.err and "hamar" in captured.err  # Hamar's missing numbers

    assert (
        main(
            [
                "--data-dir",
                str(data_dir),
                "cards",
                "render",
                "nope",
                "--region",
                "hamar",
                "--format",
                "a7",
                "-o",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert "unknown card" in capsys.readouterr().err

    assert main(["--data-dir", str(data_dir), "cards", "duplex-offset", "1.5", "-0.5"]) == 0
    ud = open_userdata(data_dir)
    try:
        assert (ud.settings().duplex_offset.x_mm, ud.settings().duplex_offset.y_mm) == (1.5, -0.5)
        history = ud.print_history()
    finally:
        ud.close()
    assert len(history) == 1 + len(listed)
    assert history[0].card_id == "akutt" and history[0].region == "gjovik"

    test_page = tmp_path / "duplex.pdf"
    assert main(["--data-dir", str(data_dir), "cards", "duplex-test", "-o", str(test_page)]) == 0
    assert "+1,5" in all_text(test_page.read_bytes())

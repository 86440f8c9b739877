"""What the printer gets: a pocket card at 100 % (85.6 x 53.98 mm) on A4 and on Letter, centred
with crop marks; a poster scaled to the paper with its proportions kept; never stretched.

Printed through the card studio's own buttons and print dialog into a QPrinter with PDF output;
the drawn card is measured from the PDF's content stream (the images' transformation matrices).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, STUDIO_REGION
from pypdf import PdfReader
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)

MM = 72 / 25.4
ID1 = (85.6, 53.98)
PAPERS = {
    "A4": (QPageSize.PageSizeId.A4, (210.0, 297.0)),
    "Letter": (QPageSize.PageSizeId.Letter, (215.9, 279.4)),
}
REGION = STUDIO_REGION


def _multiply(a: list[float], b: list[float]) -> list[float]:
    """PDF matrices [a b c d e f]: a applied first, then b."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def drawn_images(page) -> list[tuple[float, float, float, float]]:
    """Every image drawn on ``page`` as (x0, y0, x1, y1) in points (its unit square mapped by
    the current transformation matrix at the ``Do``)."""
    from pypdf.generic import ContentStream

    boxes = []

    def walk(content, resources, ctm):
        stack = []
        for operands, op in ContentStream(content, page.pdf).operations:
            if op == b"q":
                stack.append(ctm)
            elif op == b"Q":
                ctm = stack.pop()
            elif op == b"cm":
                ctm = _multiply([float(v) for v in operands], ctm)
            elif op == b"Do":
                xobj = resources["/XObject"][operands[0]].get_object()
                if xobj["/Subtype"] == "/Image":
                    xs, ys = [], []
                    for u, v in ((0, 0), (1, 0), (0, 1), (1, 1)):
                        xs.append(u * ctm[0] + v * ctm[2] + ctm[4])
                        ys.append(u * ctm[1] + v * ctm[3] + ctm[5])
                    boxes.append((min(xs), min(ys), max(xs), max(ys)))
                elif xobj["/Subtype"] == "/Form":
                    matrix = [float(v) for v in xobj.get("/Matrix", [1, 0, 0, 1, 0, 0])]
                    walk(xobj, xobj.get("/Resources", resources), _multiply(matrix, ctm))

    walk(page.get_contents(), page["/Resources"], [1.0, 0, 0, 1.0, 0, 0])
    return boxes


def union(boxes):
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _pdf_printer(path: Path, paper: QPageSize.PageSizeId) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(paper))
    return printer


def _print_with_button(window, studio, qtbot, monkeypatch, target: Path, paper) -> PdfReader:
    monkeypatch.setattr(window, "new_printer", lambda: _pdf_printer(target, paper))
    studio.print_button.click()
    dialog = window._print_dialog
    assert dialog.isVisible()
    with qtbot.waitSignal(window.print_done, timeout=60_000):
        dialog.accept()
    return PdfReader(target)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_pocket_card_prints_at_100_percent_centred_on_the_chosen_paper(
    window, studio, qtbot, monkeypatch, tmp_path, paper
):
    paper_id, (paper_w, paper_h) = PAPERS[paper]
    assert studio.current.rendered.request.fmt == "id1"
    printed = _print_with_button(
        window, studio, qtbot, monkeypatch, tmp_path / "card.pdf", paper_id
    )
    assert len(printed.pages) == 2  # front and back
    for page in printed.pages:
        assert float(page.mediabox.width) / MM == pytest.approx(paper_w, abs=0.5)
        assert float(page.mediabox.height) / MM == pytest.approx(paper_h, abs=0.5)
        x0, y0, x1, y1 = union(drawn_images(page))
        width, height = (x1 - x0) / MM, (y1 - y0) / MM
        assert width == pytest.approx(ID1[0], abs=0.3)
        assert height == pytest.approx(ID1[1], abs=0.3)
        assert width / height == pytest.approx(ID1[0] / ID1[1], rel=0.005)
        # centred on the sheet
        assert (x0 + x1) / 2 / MM == pytest.approx(paper_w / 2, abs=0.5)
        assert (y0 + y1) / 2 / MM == pytest.approx(paper_h / 2, abs=0.5)


def test_crop_marks_are_drawn_outside_the_card(window, studio, qtbot, monkeypatch, tmp_path):
    import subprocess

    from PySide6.QtGui import QImage

    target = tmp_path / "card.pdf"
    _print_with_button(window, studio, qtbot, monkeypatch, target, QPageSize.PageSizeId.A4)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-f", "1", "-l", "1", "-png", str(target), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    dots = 300 / 25.4
    left = (210 - ID1[0]) / 2
    top = (297 - ID1[1]) / 2

    def darkest(x_mm: float, y_mm: float) -> int:
        """The darkest pixel within 0.5 mm of a point."""
        cx, cy, r = round(x_mm * dots), round(y_mm * dots), round(0.5 * dots)
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(cx - r, cx + r + 1)
            for y in range(cy - r, cy + r + 1)
        )

    # the vertical mark above the top-left corner, 3 to 9 mm out on the trim line
    for mm in (4.0, 6.0, 8.0):
        assert darkest(left, top - mm) < 128, mm
    # the horizontal mark left of the bottom-right corner's mirror: right of the card
    assert darkest(left + ID1[0] + 6.0, top + ID1[1]) < 128
    # the gap between card and mark stays clean, as does the paper's corner
    assert darkest(left, top - 1.5) > 200
    assert darkest(10, 10) > 250


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_a_poster_keeps_its_proportions_on_the_chosen_paper(
    window, studio, qtbot, monkeypatch, tmp_path, paper
):
    paper_id, (paper_w, paper_h) = PAPERS[paper]
    with qtbot.waitSignal(window.preview_shown, timeout=60_000):
        studio.format.setCurrentIndex(studio.format.findData("a4-poster"))
    printed = _print_with_button(
        window, studio, qtbot, monkeypatch, tmp_path / "poster.pdf", paper_id
    )
    # a poster too full for one page at 16 pt comes on two sheets: each prints the same way
    poster = PdfReader(io.BytesIO(studio.current.rendered.pdf))
    assert studio.current.rendered.request.card_id == "barn"
    assert len(printed.pages) == len(poster.pages) == 2
    for page in printed.pages:
        x0, y0, x1, y1 = union(drawn_images(page))
        width, height = (x1 - x0) / MM, (y1 - y0) / MM
        assert width / height == pytest.approx(210 / 297, rel=0.005)
        # as large as the paper allows, and on it
        assert width <= paper_w + 0.3 and height <= paper_h + 0.3
        assert width == pytest.approx(paper_w, abs=0.5) or height == pytest.approx(paper_h, abs=0.5)
        if paper == "A4":
            assert (width, height) == (pytest.approx(210, abs=0.3), pytest.approx(297, abs=0.3))


def test_the_printer_starts_on_a4_in_a_norwegian_locale(qapp):
    from PySide6.QtCore import QLocale

    from vnr_desktop.gui.pdf_pages import new_printer

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway))
    try:
        printer = new_printer()
        assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
        assert printer.outputFileName() == ""  # a printer, not a file
    finally:
        QLocale.setDefault(before)


def test_print_preview_shows_the_same_pages(window, studio, qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    studio.print_preview_button.click()
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(window, "_print_dialog", None), QPrintPreviewDialog)
            and window._print_dialog.isVisible()
        ),
        timeout=30_000,
    )
    dialog = window._print_dialog
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == 2, timeout=10_000)
    dialog.reject()


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_cards_imposed_on_an_a4_sheet(window, studio, qtbot, monkeypatch, tmp_path, paper):
    """A sheet prints at 100 % on A4; on Letter it must shrink to fit, and the user is told."""
    paper_id, (_paper_w, paper_h) = PAPERS[paper]
    with qtbot.waitSignal(window.preview_shown, timeout=60_000):
        studio.sheet.setCurrentIndex(studio.sheet.findData("a4"))
    assert studio.current.rendered.request.sheet == "a4"
    printed = _print_with_button(
        window, studio, qtbot, monkeypatch, tmp_path / "sheet.pdf", paper_id
    )
    x0, y0, x1, y1 = union(drawn_images(printed.pages[0]))
    width, height = (x1 - x0) / MM, (y1 - y0) / MM
    assert width / height == pytest.approx(210 / 297, rel=0.005)
    if paper == "A4":
        assert (width, height) == (pytest.approx(210, abs=0.3), pytest.approx(297, abs=0.3))
        assert "forminsket" not in window.message_bar.label.text()
    else:
        assert height == pytest.approx(paper_h, abs=0.3)
        assert "forminsket til 94 %" in window.message_bar.label.text()

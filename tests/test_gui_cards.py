"""Card studio: live preview rendered by core in the background, print through QPrinter, save
PDF, batch all cards for a region with progress and cancel, the duplex test page."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import OFFSCREEN_DIALOG_NOISE, STUDIO_REGION, wait_idle
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)

REGION = STUDIO_REGION
"""A built-in region: its cards resolve every slot."""


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _history(window):
    from vnr_desktop.core.userdata import open_userdata

    ud = open_userdata(window.session.paths.data)
    try:
        return ud.print_history()
    finally:
        ud.close()


def test_preview_shows_front_and_back_of_the_pocket_card(window, studio):
    preview = studio.current
    assert preview.rendered.request.fmt == "id1"
    assert [label.accessibleName() for label in studio.page_labels] == ["Forside", "Bakside"]
    for label in studio.page_labels:
        assert not label.pixmap().isNull()
        assert label.pixmap().width() > 200
    # landscape pocket cards stack; the page images keep the card's shape (85.6 x 54 + bleed)
    assert preview.stacked
    image = preview.images[0]
    assert image.width() / image.height() == pytest.approx((85.6 + 6) / (54 + 6), rel=0.03)
    assert (
        "hallingdal" in studio.preview_info.text().casefold()
        or "Hallingdal" in studio.preview_info.text()
    )
    assert studio.print_button.isEnabled() and studio.save_button.isEnabled()


def test_changing_format_renders_again_in_the_background(window, studio, qtbot):
    with qtbot.waitSignal(window.preview_shown, timeout=30_000):
        studio.format.setCurrentIndex(studio.format.findData("a4-poster"))
    assert studio.current.rendered.request.fmt == "a4-poster"
    assert not studio.current.stacked
    assert not studio.sheet.isEnabled()  # posters are not imposed on sheets


def test_save_pdf_writes_the_card_and_records_it(window, studio, qtbot, tmp_path):
    target = tmp_path / "kort.pdf"
    with qtbot.waitSignal(window.print_done, timeout=20_000):
        studio.save_requested.emit(studio.current.rendered, target)
    wait_idle(qtbot, window)
    reader = PdfReader(target)
    assert len(reader.pages) == 2
    assert target.read_bytes() == studio.current.rendered.pdf
    history = _history(window)
    assert len(history) == 1
    assert history[0].card_id == studio.current.rendered.request.card_id
    assert history[0].region == REGION
    assert history[0].output == str(target)


def test_printing_through_qprinter_prints_every_page_on_the_printers_paper(
    window, studio, qtbot, tmp_path
):
    # the card's printed size is measured in test_gui_printing.py
    from PySide6.QtGui import QPageSize

    from vnr_desktop.gui.pdf_pages import prepare_printer

    rendered = studio.current.rendered
    source = PdfReader(__import__("io").BytesIO(rendered.pdf))
    target = tmp_path / "printed.pdf"
    printer = _pdf_printer(target)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    prepare_printer(printer, rendered.pdf)
    with qtbot.waitSignal(window.print_done, timeout=30_000) as blocker:
        window.print_to(printer, rendered)
    assert blocker.args == ["print"]
    printed = PdfReader(target)
    assert len(printed.pages) == len(source.pages) == 2
    for got in printed.pages:
        assert float(got.mediabox.width) == pytest.approx(595.3, abs=1.0)
        assert float(got.mediabox.height) == pytest.approx(841.9, abs=1.0)
    wait_idle(qtbot, window)
    assert _history(window)[-1].output == str(target)


def test_print_button_opens_the_system_dialog_and_prints(
    window, studio, qtbot, tmp_path, monkeypatch
):
    from PySide6.QtPrintSupport import QPrintDialog

    # The machine has no printer: the dialog opens on "print to PDF file", as a user would pick.
    target = tmp_path / "via-dialog.pdf"
    monkeypatch.setattr(window, "new_printer", lambda: _pdf_printer(target))
    studio.print_button.click()
    dialog = window._print_dialog
    assert isinstance(dialog, QPrintDialog) and dialog.isVisible()
    with qtbot.waitSignal(window.print_done, timeout=30_000):
        dialog.accept()
    assert len(PdfReader(target).pages) == 2


@pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE, r"QPainter::begin\(\): Returned false")
def test_a_printer_that_cannot_start_is_a_plain_message(window, studio, qtbot, tmp_path):
    printer = _pdf_printer(tmp_path / "no-such-folder" / "x.pdf")
    window.print_to(printer, studio.current.rendered)
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert "Skriveren" in window.message_bar.label.text()
    assert window.session.errors.unexpected_count == 0


def test_batch_saves_every_card_for_the_region(window, studio, qtbot, tmp_path):
    progress: list[int] = []
    studio.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(window.print_done, timeout=60_000) as blocker:
        window.run_batch(studio.request(), folder=tmp_path)
    assert blocker.args == ["batch-save"]
    files = sorted(tmp_path.glob("*.pdf"))
    cards = studio.cards_model.rowCount()
    assert len(files) == cards >= 8
    assert all(len(PdfReader(f).pages) >= 1 for f in files)
    assert progress[-1] == cards
    assert not studio.progress.isVisible()
    wait_idle(qtbot, window)
    assert len(_history(window)) == cards


def test_batch_print_to_one_job_and_cancel(window, studio, qtbot, tmp_path):
    target = tmp_path / "alle.pdf"
    with qtbot.waitSignal(window.print_done, timeout=120_000) as blocker:
        window.run_batch(studio.request(), printer=_pdf_printer(target))
    assert blocker.args == ["batch-print"]
    assert len(PdfReader(target).pages) >= 2 * 8 - 2  # fronts and backs (a few are one-sided)

    # cancel while it runs: stops between cards, nothing more is recorded
    wait_idle(qtbot, window)  # the first batch's history is written by jobs after print_done
    before = len(_history(window))
    assert before == studio.cards_model.rowCount()
    with qtbot.waitSignal(window.print_done, timeout=120_000) as blocker:
        handle = window.run_batch(studio.request(), folder=tmp_path / "avbrutt")
        studio.cancel_button.click()
    assert blocker.args == ["batch-cancelled"]
    assert handle.token.cancelled
    assert len(list((tmp_path / "avbrutt").glob("*.pdf"))) < studio.cards_model.rowCount()
    wait_idle(qtbot, window)
    assert len(_history(window)) == before
    assert not studio.progress.isVisible()


def test_duplex_test_page(window, studio, qtbot):
    studio.duplex_test_button.click()
    qtbot.waitUntil(lambda: window.duplex_test_pdf is not None, timeout=20_000)
    assert len(PdfReader(__import__("io").BytesIO(window.duplex_test_pdf)).pages) == 2
    dialog = window._print_dialog
    assert dialog.isVisible()
    dialog.reject()


def test_a_card_that_cannot_render_is_a_plain_message(window, studio, qtbot):
    from vnr_desktop.gui.adapters.cards import RenderRequest

    with qtbot.waitSignal(window.preview_shown, timeout=5_000, raising=False):
        window._render_preview(
            (RenderRequest("finnes-ikke", REGION, "id1", "nb"), studio.preview_box())
        )
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert window.session.errors.unexpected_count == 0

"""PDF pages as images (QtPdf) and PDF printing through QPrinter, for worker threads.

QPdfDocument, QImage and QPainter on a QPrinter are all usable outside the GUI thread. The
QPdfDocument made here is a short-lived worker-thread object: it cannot have a main-thread
parent, so it is closed and deleted before the function returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from vnr_desktop.gui.errors import UserError

PRINT_DPI = 300
"""Pages go to the printer as 300 dpi images: sharp on paper, bounded memory for A3 posters."""


class PdfError(Exception):
    """The PDF could not be opened (should not happen with PDFs the app made)."""


class PrinterError(UserError):
    """The printer refused the job: a plain message for the user."""


def _printer_error() -> PrinterError:
    return PrinterError(
        QCoreApplication.translate(
            "Printing",
            "Skriveren kunne ikke starte utskriften. Sjekk at skriveren er slått på og koblet "
            "til, og prøv igjen.",
        )
    )


@contextmanager
def open_pdf(data: bytes) -> Iterator[QPdfDocument]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(None)
    try:
        doc.load(buffer)
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
            raise PdfError(f"the PDF could not be read ({doc.error().name})")
        yield doc
    finally:
        doc.close()
        shiboken6.delete(doc)
        buffer.close()
        shiboken6.delete(buffer)


TILE_PIXELS = 250_000
"""QtPdf holds Python's GIL while it draws: pages are drawn in strips of at most this many
pixels, so a worker drawing a 300 dpi A3 poster never stops the UI thread for long."""


def _render(doc: QPdfDocument, page: int, size: QSize) -> QImage:
    """The page at ``size`` on white paper, drawn strip by strip."""
    paper = QImage(size, QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    try:
        rows = max(1, TILE_PIXELS // max(size.width(), 1))
        for y in range(0, size.height(), rows):
            height = min(rows, size.height() - y)
            options = QPdfDocumentRenderOptions()
            options.setScaledSize(size)
            options.setScaledClipRect(QRect(0, y, size.width(), height))
            strip = doc.render(page, QSize(size.width(), height), options)
            if strip.isNull():
                raise PdfError(f"page {page + 1} could not be drawn")
            painter.drawImage(0, y, strip)
    finally:
        painter.end()
    return paper


def preview_layout(pages: list[QSizeF], box: QSize, gap: int = 24) -> tuple[bool, float]:
    """How to lay pages out in ``box`` (pixels): (stacked vertically?, pixels per point).

    Landscape pages (pocket cards) stack, portrait pages (posters, A7) sit side by side; the
    scale is the largest at which every page fits.
    """
    if not pages:
        return False, 1.0
    n = len(pages)
    stacked = pages[0].width() > pages[0].height()
    max_w = max(p.width() for p in pages)
    max_h = max(p.height() for p in pages)
    if stacked:
        scale = min((box.width()) / max_w, (box.height() - gap * (n - 1)) / (n * max_h))
    else:
        scale = min((box.width() - gap * (n - 1)) / (n * max_w), box.height() / max_h)
    return stacked, max(scale, 0.05)


def page_images(data: bytes, box: QSize, max_pages: int = 4) -> tuple[bool, list[QImage]]:
    """The first pages as images that together fit ``box`` (preview); and whether stacked."""
    out: list[QImage] = []
    with open_pdf(data) as doc:
        count = min(doc.pageCount(), max_pages)
        sizes = [doc.pagePointSize(page) for page in range(count)]
        stacked, scale = preview_layout(sizes, box)
        for page, points in enumerate(sizes):
            size = QSize(
                max(1, round(points.width() * scale)), max(1, round(points.height() * scale))
            )
            out.append(_render(doc, page, size))
    return stacked, out


def page_count(data: bytes) -> int:
    with open_pdf(data) as doc:
        return doc.pageCount()


def page_size_points(data: bytes) -> QSizeF:
    with open_pdf(data) as doc:
        return doc.pagePointSize(0)


def prepare_printer(printer: QPrinter, data: bytes) -> None:
    """Set the printer's page to the PDF's page size, no margins: cards print at 100 %."""
    size = page_size_points(data)
    layout = QPageLayout(
        QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setFullPage(True)
    printer.setPageLayout(layout)


def print_documents(
    printer: QPrinter,
    documents: Iterable[bytes],
    *,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Print every page of every PDF to ``printer`` as one job; returns the pages printed.

    Each page is drawn as a 300 dpi image filling the printer's full page (the page size was
    set from the PDF, so scale is 100 %). Stops between pages when ``cancelled()``.
    """
    painter = QPainter()
    pages = 0
    started = False
    try:
        for n, data in enumerate(documents):
            if cancelled is not None and cancelled():
                printer.abort()
                break
            with open_pdf(data) as doc:
                for page in range(doc.pageCount()):
                    if cancelled is not None and cancelled():
                        break
                    points = doc.pagePointSize(page)
                    px = QSize(
                        max(1, round(points.width() / 72 * PRINT_DPI)),
                        max(1, round(points.height() / 72 * PRINT_DPI)),
                    )
                    image = _render(doc, page, px)
                    if not started:
                        if not painter.begin(printer):
                            raise _printer_error()
                        started = True
                    elif not printer.newPage():
                        raise _printer_error()
                    target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                    target.moveTo(0, 0)
                    painter.drawImage(target, image)
                    pages += 1
            if progress is not None:
                progress(n + 1, total)
    finally:
        if started:
            painter.end()
    return pages

"""PDF pages as images (QtPdf) and PDF printing through QPrinter, for worker threads.

QPdfDocument, QImage and QPainter on a QPrinter are all usable outside the GUI thread. The
QPdfDocument made here is a short-lived worker-thread object: it cannot have a main-thread
parent, so it is closed and deleted before the function returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLineF,
    QLocale,
    QRect,
    QRectF,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPen
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from vnr_desktop.gui.errors import UserError

PRINT_DPI = 600
"""Pages go to the printer as 600 dpi images (QtPdf draws no vectors onto a QPainter)."""
MAX_PAGE_PIXELS = 36_000_000
"""An A4 page at 600 dpi; larger pages (A3 posters) are drawn with fewer dots per inch, and
then print reduced to the paper, where they are 600 dpi again."""


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
    doc = QPdfDocument()
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


MM = 72.0 / 25.4
"""Points per millimetre."""
MARK_GAP_MM = 3.0
MARK_LENGTH_MM = 6.0
MARK_ROOM_MM = MARK_GAP_MM + MARK_LENGTH_MM
"""Crop marks sit this far outside the trim: a card is centred with marks only if they fit."""


@dataclass(frozen=True)
class Placement:
    """Where one page goes on the paper, in points from the paper's top-left corner."""

    target: QRectF
    scale: float
    crop_marks: bool


def default_page_size() -> QPageSize:
    """The default printer's own paper, else A4 (Letter only where the locale measures in
    inches): a Norwegian user never meets Letter by accident."""

    info = QPrinterInfo.defaultPrinter()
    if not info.isNull() and info.defaultPageSize().isValid():
        return info.defaultPageSize()
    if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def new_printer() -> QPrinter:
    """A printer on the system's default destination (not a file) with its default paper."""

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    info = QPrinterInfo.defaultPrinter()
    if not info.isNull():
        printer.setPrinterName(info.printerName())
        printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    printer.setPageSize(default_page_size())
    return printer


def trim_size(points: QSizeF, inset_mm: float) -> QSizeF:
    """The page without its bleed (``inset_mm`` on each side)."""
    inset = inset_mm * MM
    return QSizeF(points.width() - 2 * inset, points.height() - 2 * inset)


def place(paper: QSizeF, printable: QRectF, trim: QSizeF) -> Placement:
    """A page of ``trim`` size (points) on ``paper``: at 100 % centred, with crop marks when
    they fit; else scaled down to the printable area with its proportions kept."""
    room = 2 * MARK_ROOM_MM * MM
    full = QRectF(
        (paper.width() - trim.width()) / 2,
        (paper.height() - trim.height()) / 2,
        trim.width(),
        trim.height(),
    )
    if printable.contains(full.adjusted(-room / 2, -room / 2, room / 2, room / 2)):
        return Placement(full, 1.0, True)
    if printable.contains(full):
        return Placement(full, 1.0, False)
    scale = min(printable.width() / trim.width(), printable.height() / trim.height())
    target = QRectF(0, 0, trim.width() * scale, trim.height() * scale)
    target.moveCenter(printable.center())
    return Placement(target, scale, False)


def prepare_printer(printer: QPrinter, data: bytes, inset_mm: float = 0.0) -> None:
    """Keep the paper the printer has (the user's choice); a page too large for it upright is
    turned if that prints it larger (a landscape poster); draw from the paper's corner."""
    trim = trim_size(page_size_points(data), inset_mm)
    printer.setFullPage(True)
    layout = printer.pageLayout()
    paper = layout.pageSize().size(QPageSize.Unit.Point)
    portrait = min(paper.width() / trim.width(), paper.height() / trim.height())
    landscape = min(paper.height() / trim.width(), paper.width() / trim.height())
    wanted = (
        QPageLayout.Orientation.Landscape
        if portrait < 1.0 and landscape > portrait + 1e-6
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(wanted)


@dataclass
class PrintPage:
    """One page rasterised for the printer: the trim area only, in horizontal strips."""

    trim: QSizeF
    """Trim size in points."""
    pixels: QSize
    strips: list[tuple[int, QImage]]


def _dpi_for(trim: QSizeF) -> float:
    """PRINT_DPI, less for pages so large their image would not fit in memory."""
    pixels = trim.width() / 72 * PRINT_DPI * trim.height() / 72 * PRINT_DPI
    if pixels <= MAX_PAGE_PIXELS:
        return PRINT_DPI
    scale: float = (MAX_PAGE_PIXELS / pixels) ** 0.5
    return PRINT_DPI * scale


def _raster_strips(doc: QPdfDocument, page: int, inset_mm: float) -> PrintPage:
    points = doc.pagePointSize(page)
    trim = trim_size(points, inset_mm)
    dpi = _dpi_for(trim)
    full = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    inset = round(inset_mm * MM / 72 * dpi)
    size = QSize(max(1, full.width() - 2 * inset), max(1, full.height() - 2 * inset))
    rows = max(1, TILE_PIXELS // size.width())
    strips: list[tuple[int, QImage]] = []
    for y in range(0, size.height(), rows):
        height = min(rows, size.height() - y)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(full)
        options.setScaledClipRect(QRect(inset, inset + y, size.width(), height))
        strip = doc.render(page, QSize(size.width(), height), options)
        if strip.isNull():
            raise PdfError(f"page {page + 1} could not be drawn")
        on_white = QImage(strip.size(), QImage.Format.Format_RGB32)
        on_white.fill(QColor("white"))
        painter = QPainter(on_white)
        painter.drawImage(0, 0, strip)
        painter.end()
        strips.append((y, on_white))
    return PrintPage(trim, size, strips)


def rasterise(data: bytes, inset_mm: float = 0.0) -> list[PrintPage]:
    """Every page of a PDF ready for ``paint_page`` (worker thread: the print preview)."""
    with open_pdf(data) as doc:
        return [_raster_strips(doc, page, inset_mm) for page in range(doc.pageCount())]


def paint_page(painter: QPainter, printer: QPrinter, page: PrintPage) -> Placement:
    """Draw ``page`` on the printer's current sheet where ``place`` puts it, with crop marks.

    The one drawing of a printed page: the print job and the print preview both call it, so
    the preview shows what comes out."""
    layout = printer.pageLayout()
    paper = layout.fullRect(QPageLayout.Unit.Point).size()
    # the printer's unprintable edge (none for PDF); the dialog's margins do not apply to a
    # full-page job
    to_points = QPageLayout(layout)
    to_points.setUnits(QPageLayout.Unit.Point)
    edge = to_points.minimumMargins()
    printable = QRectF(0, 0, paper.width(), paper.height()).adjusted(
        edge.left(), edge.top(), -edge.right(), -edge.bottom()
    )
    placed = place(paper, printable, page.trim)
    per_point = printer.resolution() / 72
    target = placed.target
    x_scale = target.width() * per_point / page.pixels.width()
    y_scale = target.height() * per_point / page.pixels.height()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    for y, strip in page.strips:
        painter.drawImage(
            QRectF(
                target.x() * per_point,
                target.y() * per_point + y * y_scale,
                strip.width() * x_scale,
                strip.height() * y_scale,
            ),
            strip,
        )
    if placed.crop_marks:
        _crop_marks(painter, target, per_point)
    painter.restore()
    return placed


def _crop_marks(painter: QPainter, trim: QRectF, per_point: float) -> None:
    pen = QPen(QColor("black"))
    pen.setWidthF(0.3 * per_point)
    painter.setPen(pen)
    gap, length = MARK_GAP_MM * MM, MARK_LENGTH_MM * MM
    lines = []
    for x in (trim.left(), trim.right()):
        for y, out in ((trim.top(), -1), (trim.bottom(), 1)):
            lines.append(QLineF(x, y + out * gap, x, y + out * (gap + length)))
    for y in (trim.top(), trim.bottom()):
        for x, out in ((trim.left(), -1), (trim.right(), 1)):
            lines.append(QLineF(x + out * gap, y, x + out * (gap + length), y))
    for line in lines:
        painter.drawLine(QLineF(line.p1() * per_point, line.p2() * per_point))


def print_documents(
    printer: QPrinter,
    documents: Iterable[bytes | tuple[bytes, float]],
    *,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Print every page of every PDF to ``printer`` as one job; returns the pages printed.

    A document is its bytes, or (bytes, bleed in mm to leave off). Each page is rasterised at
    PRINT_DPI (Qt cannot draw a PDF page as vectors) and drawn by ``paint_page``: a card at
    100 % centred with crop marks, a poster scaled to the paper, never stretched. One page is
    held in memory at a time, so a batch of many cards runs on a worker thread (QPainter on
    a QPrinter is allowed there); one card or poster is rasterised by ``rasterise`` on a worker
    and painted on the UI thread by ``paint_preview``. Stops between pages when
    ``cancelled()``.
    """
    painter = QPainter()
    pages = 0
    started = False
    try:
        for n, item in enumerate(documents):
            data, inset_mm = item if isinstance(item, tuple) else (item, 0.0)
            if cancelled is not None and cancelled():
                printer.abort()
                break
            with open_pdf(data) as doc:
                for page in range(doc.pageCount()):
                    if cancelled is not None and cancelled():
                        break
                    raster = _raster_strips(doc, page, inset_mm)
                    if not started:
                        if not painter.begin(printer):
                            raise _printer_error()
                        started = True
                    elif not printer.newPage():
                        raise _printer_error()
                    paint_page(painter, printer, raster)
                    pages += 1
            if progress is not None:
                progress(n + 1, total)
    finally:
        if started:
            painter.end()
    return pages


def paint_preview(printer: QPrinter, pages: list[PrintPage]) -> list[Placement]:
    """Paint rasterised pages on ``printer`` as one job (UI thread): a print, and
    QPrintPreviewDialog.paintRequested, so the preview is what comes out. Returns where each
    page went (its scale says whether it had to be reduced to fit the paper)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise _printer_error()
    placed: list[Placement] = []
    try:
        for i, page in enumerate(pages):
            if i:
                printer.newPage()
            placed.append(paint_page(painter, printer, page))
    finally:
        painter.end()
    return placed


def smallest_scale(placements: list[Placement]) -> float:
    """1.0 when every page printed at full size, else the smallest reduction."""
    return min((p.scale for p in placements), default=1.0)

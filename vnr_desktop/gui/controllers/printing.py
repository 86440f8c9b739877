"""Cards: the studio's preview, printing (dialog, preview, one card, all cards), saving PDFs,
the duplex test page. PDF work runs on the render lane; the printer is painted on the UI thread
(one card) or, for a batch of many, on a worker (see pdf_pages.print_documents)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSize

from vnr_desktop.gui import late
from vnr_desktop.gui.controllers.host import as_widget
from vnr_desktop.gui.errors import UserError, plain_message
from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.cards import Rendered, RenderRequest
    from vnr_desktop.gui.controllers.host import Host
    from vnr_desktop.gui.jobs import JobContext, JobHandle
    from vnr_desktop.gui.pages.card_studio import CardStudio


class PrintingController(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(as_widget(window))
        self.w = window
        self._batch_handle: JobHandle | None = None

    def connect_studio(self, studio: CardStudio) -> None:
        """The card studio's requests (called when the studio is first built)."""
        studio.preview_requested.connect(self._render_preview)
        studio.print_requested.connect(self._print_card)
        studio.preview_print_requested.connect(self._preview_card)
        studio.save_requested.connect(self._save_card)
        studio.batch_requested.connect(self._batch)
        studio.batch_cancel.connect(self._cancel_batch)
        studio.duplex_test_button.clicked.connect(self._duplex_test)
        self._load_card_list(studio)

    def shutdown(self) -> None:
        if self._batch_handle is not None:
            self._batch_handle.cancel()

    def _load_card_list(self, studio: CardStudio) -> None:
        lang = self.w.session.snapshot.settings.language if self.w.session.snapshot else "nb"
        self.w.session.jobs.submit(
            "render", lambda _ctx: late.cards_adapter.list_cards(lang), studio.set_cards
        )

    def _render_preview(self, wanted: tuple[RenderRequest, QSize]) -> None:
        """Render the card with core and its pages with QtPdf, both on the render lane."""
        paths = self.w.session.paths
        if paths is None:
            return
        request, box = wanted
        data_dir = paths.data

        def work(ctx: JobContext) -> late.card_studio.Preview:
            rendered = late.cards_adapter.render(ctx.state, data_dir, request)
            ctx.check()
            stacked, images = late.pdf_pages.page_images(rendered.pdf, box)
            return late.card_studio.Preview(rendered, images, stacked, (box.width(), box.height()))

        def done(preview: late.card_studio.Preview) -> None:
            self.w.card_studio.show_preview(preview)
            self.w.preview_shown.emit()

        def failed(exc: BaseException) -> None:
            self.w.card_studio.preview_failed(
                self.tr("Kortet kunne ikke lages: {0}").format(plain_message(exc))
            )
            self.w.session.errors.report(exc)

        self.w.session.jobs.submit("render", work, done, failed, key="preview")

    def _open_print_dialog(
        self, pdf: bytes, title: str, accepted: Any, inset_mm: float = 0.0
    ) -> None:
        """The system print dialog (non-blocking) on the default printer and its paper."""

        printer = self.w.new_printer()
        late.pdf_pages.prepare_printer(printer, pdf, inset_mm)
        dialog = late.print_support.QPrintDialog(printer, as_widget(self.w))
        dialog.setWindowTitle(title)
        dialog.accepted.connect(lambda: accepted(printer))
        dialog.finished.connect(dialog.deleteLater)
        self.w._print_dialog = dialog
        # QPrintDialog.open(receiver, member) hides QDialog.open() in PySide: do what it does.
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _print_card(self, rendered: Rendered) -> None:
        self._open_print_dialog(
            rendered.pdf,
            self.tr("Skriv ut kortet"),
            lambda printer: self.print_to(printer, rendered),
            late.cards_adapter.trim_inset_mm(rendered.request),
        )

    def _preview_card(self, rendered: Rendered) -> None:
        """Rasterise the card on the render lane, then show Qt's print preview of it."""
        inset = late.cards_adapter.trim_inset_mm(rendered.request)
        self.w.session.jobs.submit(
            "render",
            lambda _ctx: late.pdf_pages.rasterise(rendered.pdf, inset),
            lambda pages: self._show_print_preview(rendered, pages, inset),
            key="print-preview",
        )

    def _show_print_preview(self, rendered: Rendered, pages: list[Any], inset: float) -> None:
        printer = self.w.new_printer()
        late.pdf_pages.prepare_printer(printer, rendered.pdf, inset)
        dialog = late.print_support.QPrintPreviewDialog(printer, as_widget(self.w))
        dialog.setWindowTitle(self.tr("Forhåndsvisning av utskriften"))
        dialog.paintRequested.connect(lambda p: late.pdf_pages.paint_preview(p, pages))
        dialog.accepted.connect(lambda: self._printed_from_preview(rendered, printer))
        dialog.finished.connect(dialog.deleteLater)
        self.w._print_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.resize(self.w.size() * 0.9)
        dialog.show()

    def _printed_from_preview(self, rendered: Rendered, printer: Any) -> None:
        output = printer.outputFileName() or printer.printerName() or "printer"
        self.w.session.run_db(
            lambda _lib, ud: late.cards_adapter.record_print(ud, rendered, output)
        )
        self.w.session.errors.show_info(self.tr("Kortet er sendt til skriveren."))
        self.w.print_done.emit("print")

    def print_to(self, printer: Any, rendered: Rendered) -> JobHandle:
        """Print a card and record it in the print history."""

        def record(output: str) -> None:
            self.w.session.run_db(
                lambda _lib, ud: late.cards_adapter.record_print(ud, rendered, output)
            )

        inset = late.cards_adapter.trim_inset_mm(rendered.request)
        return self.print_pdf(printer, rendered.pdf, "print", record, inset)

    def print_pdf(
        self,
        printer: Any,
        pdf: bytes,
        what: str,
        then: Any = None,
        inset_mm: float = 0.0,
    ) -> JobHandle:
        """Rasterise the pages on the render lane, then paint them on the printer here, on the
        UI thread, with the same drawing as the print preview."""

        def done(pages: list[Any]) -> None:
            try:
                scale = late.pdf_pages.smallest_scale(late.pdf_pages.paint_preview(printer, pages))
            except UserError as exc:
                self.w.session.errors.report(exc)
                return
            if then is not None:
                then(printer.outputFileName() or printer.printerName() or "printer")
            sent = self.tr("%n sider er sendt til skriveren.", "", len(pages))
            if scale < 0.999:
                # a reduced card is no longer its real size: say so
                sent += " " + self.tr(
                    "Utskriften er forminsket til {0} % for å få plass på papiret."
                ).format(round(scale * 100))
            self.w.session.errors.show_info(sent)
            self.w.print_done.emit(what)

        return self.w.session.jobs.submit(
            "render", lambda _ctx: late.pdf_pages.rasterise(pdf, inset_mm), done
        )

    def _duplex_test(self) -> None:
        """Render the duplex alignment test page with the current correction, then print it."""
        snapshot = self.w.session.snapshot
        studio = self.w.card_studio
        if snapshot is None:
            return
        offset = (snapshot.settings.duplex_offset.x_mm, snapshot.settings.duplex_offset.y_mm)
        duplex = studio.duplex.currentData() or "long"
        lang = snapshot.settings.language

        def ready(pdf: bytes) -> None:
            self.w.duplex_test_pdf = pdf
            self._open_print_dialog(
                pdf,
                self.tr("Skriv ut testsiden for tosidig utskrift"),
                lambda printer: self.print_pdf(printer, pdf, "duplex-test"),
            )

        self.w.session.jobs.submit(
            "render", lambda _ctx: late.cards_adapter.duplex_test_page(duplex, offset, lang), ready
        )

    def _save_card(self, rendered: Rendered, path: Path) -> None:
        def work(_ctx: JobContext) -> Path:
            late.atomic.write_bytes(Path(path), rendered.pdf)
            return Path(path)

        def done(written: Path) -> None:
            self.w.session.run_db(
                lambda _lib, ud: late.cards_adapter.record_print(ud, rendered, str(written))
            )
            self.w.session.errors.show_info(self.tr("Kortet er lagret i {0}.").format(written))
            self.w.print_done.emit("save")

        self.w.session.jobs.submit("io", work, done)

    def _batch(self, mode: str, folder: Path | None) -> None:
        studio = self.w.card_studio
        template = studio.request()
        if template is None:
            return
        if mode == "print":
            printer = self.w.new_printer()
            dialog = late.print_support.QPrintDialog(printer, as_widget(self.w))
            dialog.setWindowTitle(self.tr("Skriv ut alle kort for regionen"))
            dialog.accepted.connect(lambda: self.run_batch(template, printer=printer))
            dialog.finished.connect(dialog.deleteLater)
            self.w._print_dialog = dialog
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.show()
        elif folder is not None:
            self.run_batch(template, folder=folder)

    def run_batch(
        self, template: RenderRequest, *, printer: Any = None, folder: Path | None = None
    ) -> JobHandle:
        """Render every card for the template's region and format; print them or save them."""

        studio = self.w.card_studio
        cards = [studio.cards_model.row_at(i) for i in range(studio.cards_model.rowCount())]
        paths = self.w.session.paths
        assert paths is not None
        batch = _Batch(template, cards, paths.data, printer, folder)
        studio.set_busy(True)

        def finished(done: list[tuple[Rendered, str]]) -> None:
            studio.set_busy(False)
            self._batch_handle = None

            def record(_lib: object, ud: Any) -> None:
                for rendered, output in done:
                    late.cards_adapter.record_print(ud, rendered, output)

            self.w.session.run_db(record)
            if printer is not None:
                self.w.session.errors.show_info(
                    self.tr("%n kort er sendt til skriveren.", "", len(done))
                )
            else:
                self.w.session.errors.show_info(
                    self.tr("%n kort er lagret i {0}.", "", len(done)).format(folder)
                )
            self.w.print_done.emit("batch-print" if printer is not None else "batch-save")

        def failed(exc: BaseException) -> None:
            studio.set_busy(False)
            self._batch_handle = None
            self.w.session.errors.report(exc)

        def cancelled() -> None:
            studio.set_busy(False)
            self._batch_handle = None
            self.w.session.errors.show_info(self.tr("Utskriften av alle kort ble avbrutt."))
            self.w.print_done.emit("batch-cancelled")

        self._batch_handle = self.w.session.jobs.submit(
            "render",
            batch.run,
            finished,
            failed,
            on_progress=lambda n, t, _text: studio.set_progress(n, t),
            on_cancelled=cancelled,
        )
        return self._batch_handle

    def _cancel_batch(self) -> None:
        if self._batch_handle is not None:
            self._batch_handle.cancel()


class _Batch:
    """All cards of a region in one format, rendered on the render lane and printed as one job
    (painted on the worker: one page in memory at a time) or saved one PDF each."""

    def __init__(
        self,
        template: RenderRequest,
        cards: list[Any],
        data_dir: Path,
        printer: Any,
        folder: Path | None,
    ) -> None:
        self.template = template
        self.cards = cards
        self.data_dir = data_dir
        self.printer = printer
        self.folder = folder

    def _rendered(self, state: dict[str, Any]) -> Iterator[Rendered]:
        """Every card of the batch, rendered by core one at a time (render_cards)."""
        return late.cards_adapter.render_many(
            state, self.data_dir, self.template, [card.id for card in self.cards]
        )

    def run(self, ctx: JobContext) -> list[tuple[Rendered, str]]:
        if self.printer is not None:
            return self._print(ctx)
        return self._save(ctx)

    def _print(self, ctx: JobContext) -> list[tuple[Rendered, str]]:
        printer = self.printer
        done: list[tuple[Rendered, str]] = []

        def documents() -> Any:
            for rendered in self._rendered(ctx.state):
                ctx.check()
                inset = late.cards_adapter.trim_inset_mm(rendered.request)
                if not done:
                    late.pdf_pages.prepare_printer(printer, rendered.pdf, inset)
                done.append((rendered, printer.outputFileName() or printer.printerName()))
                yield rendered.pdf, inset

        late.pdf_pages.print_documents(
            printer,
            documents(),
            total=len(self.cards),
            progress=lambda n, t: ctx.progress(n, t),
            cancelled=lambda: ctx.cancelled,
        )
        ctx.check()
        return done

    def _save(self, ctx: JobContext) -> list[tuple[Rendered, str]]:
        assert self.folder is not None
        done: list[tuple[Rendered, str]] = []
        for n, rendered in enumerate(self._rendered(ctx.state)):
            ctx.check()
            target = Path(self.folder) / rendered.file_name
            late.atomic.write_bytes(target, rendered.pdf)
            done.append((rendered, str(target)))
            ctx.progress(n + 1, len(self.cards))
        return done

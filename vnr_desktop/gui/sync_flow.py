"""Content updates in the window: check by hand or in the background, import from a folder,
show what changed and which printed cards to reprint. The work runs on the ``io`` lane."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.adapters import sync as sync_adapter
from vnr_desktop.gui.controllers.host import as_widget
from vnr_desktop.gui.errors import plain_message
from vnr_desktop.gui.reading_view import ReadingView

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from vnr_desktop.gui.adapters.sync import SyncOutcome
    from vnr_desktop.gui.controllers.host import Host as MainWindow
    from vnr_desktop.gui.jobs import JobContext


class UpdateReport(QDialog):
    """What an update changed, item by item, and which printed cards to print again."""

    def __init__(self, parent: QWidget, outcome: SyncOutcome) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Innholdet er oppdatert"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        self.view = ReadingView(self, self.tr("Endringer i innholdet"))

        parts = [f"<p>{escape(outcome.message)}</p>"]
        if outcome.changes:
            heading = self.tr("Dette er endret")
            parts.append(f"<h2>{escape(heading)}</h2><ul>")
            parts += [f"<li>{escape(line.strip())}</li>" for line in outcome.changes]
            parts.append("</ul>")
        if outcome.stale_prints:
            heading = self.tr("Kort du bør skrive ut på nytt")
            parts.append(f"<h2>{escape(heading)}</h2><ul>")
            parts += [f"<li>{escape(line)}</li>" for line in outcome.stale_prints]
            parts.append("</ul>")
        self.view.setHtml("".join(parts))
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(self)
        close = named(
            buttons.addButton(self.tr("Lukk"), QDialogButtonBox.ButtonRole.AcceptRole),
            self.tr("Lukk"),
        )
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)


def _run(window: MainWindow, what: str, path: Path | None = None) -> None:
    session = window.session
    snapshot, paths = session.snapshot, session.paths
    if snapshot is None or paths is None:
        return
    settings = snapshot.settings
    token = sync_adapter.new_cancel_token()
    page = window.settings_page if what != "background" else None
    if page is not None:
        page.set_busy(True)
        page.sync_status.setText(translate("SyncFlow", "Ser etter oppdateringer …"))

    def work(ctx: JobContext) -> SyncOutcome:
        if what == "import":
            assert path is not None
            return sync_adapter.import_path(ctx.state, paths, settings, path, ctx.progress, token)
        if what == "background":
            return sync_adapter.check(ctx.state, paths, settings, ctx.progress, token)
        return sync_adapter.sync(ctx.state, paths, settings, ctx.progress, token)

    def finish() -> None:
        window._sync_handle = None
        if page is not None:
            page.set_busy(False)

    def done(outcome: SyncOutcome) -> None:
        finish()
        if page is not None:
            page.sync_status.setText(outcome.message)
        if what == "background":
            if outcome.updates_available:
                session.errors.show_info(
                    translate(
                        "SyncFlow", "Nytt innhold er klart: {0}. Installer det under Innstillinger."
                    ).format(", ".join(outcome.updates_available))
                )
            return
        window.refresh_feed_status()
        if outcome.changed:
            session.reload()
            report = UpdateReport(as_widget(window), outcome)
            report.finished.connect(report.deleteLater)
            window.update_report = report
            report.open()
        window.sync_finished.emit(outcome.message)

    def failed(exc: BaseException) -> None:
        finish()

        message = plain_message(exc)
        if page is not None:
            page.sync_status.setText(message)
        if what == "background":
            return  # a background check never nags; the next one tries again
        if getattr(exc, "code", "") == "cancelled":
            session.errors.show_info(message)
        else:
            session.errors.report(exc)
        window.sync_finished.emit(message)

    def progress(done_n: int, total: int, text: str) -> None:
        if page is not None:
            page.set_progress(done_n, total, text)

    handle = session.jobs.submit("io", work, done, failed, on_progress=progress)
    handle.also_cancel(token.cancel)
    window._sync_handle = handle


def check_updates(window: MainWindow) -> None:
    _run(window, "sync")


def import_folder(window: MainWindow, path: Path) -> None:
    _run(window, "import", path)


def choose_import_folder(window: MainWindow) -> None:
    dialog = QFileDialog(
        as_widget(window), translate("SyncFlow", "Velg mappen med innholdet som skal importeres")
    )
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(lambda p: import_folder(window, Path(p)))
    dialog.finished.connect(dialog.deleteLater)
    window.import_dialog = dialog
    dialog.open()


def start_background_checks(window: MainWindow) -> QTimer:
    """Check by itself at start (after a short random delay) and every 24 hours with jitter
    (the core's schedule, from the last successful check); never when no feed is set up."""

    timer = QTimer(as_widget(window))
    timer.setSingleShot(True)

    def plan() -> None:
        session = window.session
        snapshot, paths = session.snapshot, session.paths
        if snapshot is None or paths is None:
            return
        settings = snapshot.settings

        def scheduled(seconds: float | None) -> None:
            if seconds is not None:
                timer.start(int(min(seconds, 7 * 24 * 3600) * 1000))

        session.jobs.submit(
            "io",
            lambda ctx: sync_adapter.next_check_seconds(ctx.state, paths, settings),
            scheduled,
            lambda exc: None,  # no schedule, no nagging: the user can still check by hand
        )

    def tick() -> None:
        if window._sync_handle is None:
            _run(window, "background")
        plan()

    timer.timeout.connect(tick)
    plan()
    return timer

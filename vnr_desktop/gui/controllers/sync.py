"""Updates: check, import from a folder, cancel, go back a version, the feed status on the
start page (the work itself is in sync_flow and adapters/sync)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from vnr_desktop.gui import late
from vnr_desktop.gui.controllers.host import as_widget

if TYPE_CHECKING:
    from vnr_desktop.gui.controllers.host import Host


class SyncController(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(as_widget(window))
        self.w = window

    def _rollback(self, bundle_id: str) -> None:
        self.w.session.rollback(
            bundle_id,
            lambda text: self.w.session.errors.show_info(
                self.tr("Gikk tilbake til forrige versjon: {0}").format(text)
            ),
        )

    def refresh_feed_status(self) -> None:
        """Show on the start page when the signed content was last confirmed (io lane)."""
        snapshot, paths = self.w.session.snapshot, self.w.session.paths
        if snapshot is None or paths is None:
            return
        settings = snapshot.settings
        self.w.session.jobs.submit(
            "io",
            lambda ctx: late.sync_adapter.feed_statuses(ctx.state, paths, settings),
            self.w.home.set_feed_status,
            lambda exc: None,  # no feed state yet: nothing to say
        )

    def check_updates(self) -> None:
        late.sync_flow.check_updates(self.w)

    def _choose_import_folder(self) -> None:
        late.sync_flow.choose_import_folder(self.w)

    def _cancel_sync(self) -> None:
        if self.w._sync_handle is not None:
            self.w._sync_handle.cancel()

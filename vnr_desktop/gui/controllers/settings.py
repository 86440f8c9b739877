"""Content and settings: the snapshot applied to the window and its pages, settings changed,
the first start, messages, own contacts saved, measures exported, search history cleared."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from vnr_desktop.core.ids import OWN_CONTACTS_BUNDLE as OWN_BUNDLE
from vnr_desktop.gui import late, theme
from vnr_desktop.gui.controllers.host import as_widget

if TYPE_CHECKING:
    from vnr_desktop.core.first_screen import FirstScreen
    from vnr_desktop.core.models import Contact
    from vnr_desktop.gui.content import Snapshot
    from vnr_desktop.gui.controllers.host import Host

FEED_STATUS_DELAY_MS = 5_000


class _ShowsSnapshot(Protocol):
    def set_snapshot(self, snapshot: Snapshot) -> None: ...


class _ShowsSnapshotInColours(Protocol):
    def set_snapshot(self, snapshot: Snapshot, colors: theme.Colors) -> None: ...


class SettingsController(QObject):
    def __init__(self, window: Host) -> None:
        super().__init__(as_widget(window))
        self.w = window
        self._applied_theme: tuple[float, bool] | None = None
        self._first_shown = False

    @property
    def colors(self) -> theme.Colors:
        snapshot = self.w.session.snapshot
        return theme.colors(bool(snapshot and snapshot.settings.high_contrast))

    def _show_first_screen(self, summary: FirstScreen) -> None:
        """The numbers and the home page from the library's summary (core/first_screen.py),
        painted at once; then the full content loads (one place, after the first screen)."""
        self.w.strip.set_entries(summary.strip)
        home = self.w.nav_ctl.page("home")
        home.set_summary(summary)  # type: ignore[attr-defined]
        self.w.stack.setCurrentWidget(home)
        as_widget(self.w).repaint()
        self._first_shown = True
        self.w.first_content_shown.emit()
        QTimer.singleShot(0, self, self.w.session.open_content)

    def _on_ready(self) -> None:
        snapshot = self.w.session.snapshot
        assert snapshot is not None
        self.w.nav_ctl._nav_enabled(True)
        if snapshot.read_only_reason:
            self.w.session.errors.show_error(
                self.tr(
                    "Disken er full eller feiler. Innholdet og numrene vises, men ingenting kan "
                    "lagres før du frigjør plass og starter appen på nytt."
                )
            )
        self.w.search_ctl._index_own_contacts()
        # The sync stack (cryptography, TLS) is not needed for the first minutes: load it later.
        QTimer.singleShot(FEED_STATUS_DELAY_MS, self, self.w.sync_ctl.refresh_feed_status)
        if self.w.background_checks is None and self.w._background_updates:
            self.w.background_checks = late.sync_flow.start_background_checks(self.w)
        if not snapshot.settings.first_run_done:
            self.w.stack.setCurrentWidget(self.w.first_run_page)
            self.w.nav_ctl._history.append("first_run")
            self.w.first_run_page.chooser.filter.setFocus()
        else:
            self.w.nav_ctl.go("home")
        if not self._first_shown:
            as_widget(self.w).repaint()
            self._first_shown = True
            self.w.first_content_shown.emit()
        self.w.content_ready.emit()

    def _open_failed(self, message: str) -> None:
        self.w.loading.setWordWrap(True)
        self.w.loading.setText(
            self.tr(
                "Innholdet kunne ikke åpnes: {0}\n\nEr noen i fare nå, ring politiets nødnummer."
            ).format(message)
        )

    def _apply_snapshot(self, snapshot: Snapshot) -> None:
        s = snapshot.settings
        wanted = (s.text_scale, s.high_contrast)
        app = QApplication.instance()
        if wanted != self._applied_theme and isinstance(app, QApplication):
            theme.apply_theme(app, scale=s.text_scale, high_contrast=s.high_contrast)
            self._applied_theme = wanted
            self.w.nav_ctl._fit_nav(s.text_scale)
        self.w.strip.set_snapshot(snapshot)
        self.w.nav_ctl._visual_tab_order()
        for key, page in self.w.nav_ctl._pages.items():
            self._apply_to_page(key, page, snapshot)
        current = self.w.nav_ctl.current_key()
        entry = self.w.nav_ctl.situation(current)
        if "guide" in self.w.nav_ctl._pages and (entry is not None or current == "guide"):
            self.w.guide_page.show_situation(
                snapshot, entry, self.colors, self.w.guide_page.current_ref()
            )
        if "search" in self.w.nav_ctl._pages:
            self.w.search_page.model.region_titles = self.w.search_ctl._region_titles(snapshot)

    def _apply_to_page(self, key: str, page: QWidget, snapshot: Snapshot) -> None:
        colors = self.colors
        # The pages navigation.PAGES builds for these keys (a QWidget each) show a snapshot so.
        if key in ("home", "cards", "settings", "first_run"):
            cast("_ShowsSnapshot", page).set_snapshot(snapshot)
        elif key in ("contacts", "own", "measures"):
            cast("_ShowsSnapshotInColours", page).set_snapshot(snapshot, colors)

    def change_settings(self, changes: dict[str, Any]) -> None:
        snapshot = self.w.session.snapshot
        if snapshot is None:
            return
        new_language = changes.get("language")
        if new_language == snapshot.settings.language:
            new_language = None
        if changes.get("municipality") is not None and not changes.get("region"):
            number = changes["municipality"]
            changes["region"] = next(
                (b for n, _name, b in snapshot.municipalities if n == number), None
            )
        try:
            self.w.session.update_settings(**changes)
        except ValueError as exc:
            self.w.session.errors.show_error(
                self.tr("Innstillingen kunne ikke lagres: {0}").format(exc)
            )
            return
        if new_language:
            late.language.switch(self.w, new_language)
        if "municipality" in changes:
            name = self.w.session.snapshot.municipality_name if self.w.session.snapshot else None
            self.w.session.errors.show_info(
                self.tr("Du ser nå innholdet for {0}.").format(name)
                if name
                else self.tr("Du ser nå bare det nasjonale innholdet.")
            )

    def _first_run_chosen(self, number: str | None) -> None:
        self.change_settings({"municipality": number, "region": None, "first_run_done": True})
        self.w.nav_ctl.go("home")

    def _show_message(self, level: str, text: str) -> None:
        self.w.message_bar.show_message(level, text)

    def _copied(self, number: str, name: str) -> None:
        self.w.session.errors.show_info(self.tr("{0} ({1}) er kopiert.").format(number, name))

    def copy_number(self, number: str) -> None:
        QGuiApplication.clipboard().setText(number)
        self.w.strip.last_copied = number
        self.w.session.errors.show_info(self.tr("{0} er kopiert.").format(number))

    def _save_own_contact(self, contact: Contact) -> None:
        ref = f"{OWN_BUNDLE}:{contact.id}"

        def then() -> None:
            self.w.own_page.select(ref)
            self.w.session.errors.show_info(self.tr("Kontakten er lagret."))

        self.w.session.save_own_contact(contact, then)

    def _export_csv(self, path: Path, header: list[str], rows: list[list[str]]) -> None:
        self.w.session.jobs.submit(
            "io",
            lambda _ctx: late.measures_page.write_csv(Path(path), header, rows),
            lambda written: self.w.session.errors.show_info(
                self.tr("%n tiltak er eksportert til {0}.", "", len(rows)).format(written)
            ),
        )

    def _clear_history(self) -> None:
        self.w.session.run_db(
            lambda _lib, ud: ud.clear_search_history(),
            lambda _r: self.w.session.errors.show_info(self.tr("Søkehistorikken er slettet.")),
        )

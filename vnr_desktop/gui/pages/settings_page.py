"""Settings: municipality, language, text size, high contrast, duplex offset, updates, privacy,
and the publisher keys the app trusts (each with a scope; the key id and fingerprint are shown
before the administrator confirms)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.core.settings import PublisherKey
from vnr_desktop.core.sync.errors import KeyFileError, SyncError
from vnr_desktop.core.sync.keyring import check_scope
from vnr_desktop.core.sync.minisign import load_public_key, parse_public_key
from vnr_desktop.core.sync.trust import fingerprint
from vnr_desktop.gui.a11y import named
from vnr_desktop.gui.flow_layout import FlowLayout
from vnr_desktop.gui.html_render import short_date
from vnr_desktop.gui.i18n import core_message
from vnr_desktop.gui.municipality_chooser import MunicipalityChooser

if TYPE_CHECKING:
    from vnr_desktop.core.sync.minisign import PublicKey
    from vnr_desktop.gui.content import Snapshot

TEXT_SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


def _section(parent: QWidget, title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    heading = QLabel(title, frame)
    heading.setProperty("role", "h2")
    heading.setWordWrap(True)
    layout.addWidget(heading)
    return frame, layout


class TrustKeyDialog(QDialog):
    """Confirm a publisher key: its id and fingerprint, the regions it may publish, its role."""

    def __init__(self, parent: QWidget, key: PublicKey, region: str | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stol på utgivernøkkel"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Sammenlign nøkkel-ID og fingeravtrykk med det utgiveren har gitt deg (på papir "
                "eller i telefon) før du stoler på nøkkelen."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.key_id = QLabel(key.id_hex, self)
        self.fingerprint = QLabel(fingerprint(key), self)
        for label in (self.key_id, self.fingerprint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Nøkkel-ID"), self.key_id)
        form.addRow(self.tr("Fingeravtrykk"), self.fingerprint)
        self.scope = named(
            QLineEdit(region or "", self), self.tr("Regioner nøkkelen får publisere")
        )
        self.scope.setPlaceholderText(self.tr("for eksempel gjovik, nasjonal"))
        form.addRow(self.tr("Får publisere"), self.scope)
        layout.addLayout(form)
        self.root = named(
            QCheckBox(
                self.tr("Rotnøkkel (godkjenner og trekker tilbake nøkler, signerer aldri innhold)"),
                self,
            ),
            self.tr("Rotnøkkel"),
        )
        layout.addWidget(self.root)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "muted")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.scope.textChanged.connect(self._check)
        self._check()

    def scopes(self) -> list[str]:
        """The regions typed, checked; raises KeyFileError with a plain message."""

        return check_scope(self.scope.text().replace(",", " ").split())

    def _check(self) -> None:
        try:
            self.scopes()
            ok, text = True, ""
        except KeyFileError:
            ok = False
            text = self.tr(
                "Skriv regionene nøkkelen får publisere, med komma mellom (for eksempel gjovik, "
                "hamar, eller nasjonal for nasjonalt innhold)."
            )
        self.problem.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class SettingsPage(QScrollArea):
    changed = Signal(dict)
    """Settings fields to change, e.g. {"text_scale": 1.3}."""
    check_updates = Signal()
    import_folder = Signal()
    rollback = Signal(str)
    cancel_sync = Signal()
    clear_history = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)
        outer = QHBoxLayout(body)
        outer.setContentsMargins(16, 12, 16, 12)
        holder = QWidget(body)
        holder.setMaximumWidth(860)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        outer.addWidget(holder, 1)
        outer.addStretch(0)
        heading = QLabel(self.tr("Innstillinger"), holder)
        heading.setProperty("role", "h1")
        column.addWidget(heading)

        self._municipality_section(holder, column)
        self._display_section(holder, column)
        self._printing_section(holder, column)
        self._privacy_section(holder, column)
        self._updates_section(holder, column)
        column.addStretch(1)
        self._snapshot: Snapshot | None = None

    def _municipality_section(self, holder: QWidget, column: QVBoxLayout) -> None:
        frame, layout = _section(holder, self.tr("Din kommune"))
        self.current_municipality = QLabel(frame)
        self.current_municipality.setWordWrap(True)
        layout.addWidget(self.current_municipality)
        self.chooser = MunicipalityChooser(frame)
        self.chooser.setMinimumHeight(180)
        self.chooser.chosen.connect(
            lambda n: self.changed.emit({"municipality": n, "region": None})
        )
        layout.addWidget(self.chooser)
        row = QHBoxLayout()
        self.use_chosen = named(
            QPushButton(self.tr("Bruk valgt kommune"), frame), self.tr("Bruk valgt kommune")
        )
        self.use_chosen.clicked.connect(self._use_chosen)
        self.national_only = named(
            QPushButton(self.tr("Bare nasjonalt innhold"), frame),
            self.tr("Bruk bare nasjonalt innhold"),
        )
        self.national_only.clicked.connect(
            lambda: self.changed.emit({"municipality": None, "region": None})
        )
        row.addWidget(self.use_chosen)
        row.addWidget(self.national_only)
        row.addStretch(1)
        layout.addLayout(row)
        column.addWidget(frame)

    def _display_section(self, holder: QWidget, column: QVBoxLayout) -> None:
        frame, layout = _section(holder, self.tr("Visning"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.language = named(QComboBox(frame), self.tr("Språk"))
        self.language.setMaximumWidth(320)
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.language.activated.connect(
            lambda _i: self.changed.emit({"language": self.language.currentData()})
        )
        form.addRow(self.tr("Språk"), self.language)
        self.text_scale = named(QComboBox(frame), self.tr("Tekststørrelse"))
        self.text_scale.setMaximumWidth(320)
        for scale in TEXT_SCALES:
            self.text_scale.addItem(f"{round(scale * 100)} %", scale)
        self.text_scale.activated.connect(
            lambda _i: self.changed.emit({"text_scale": self.text_scale.currentData()})
        )
        form.addRow(self.tr("Tekststørrelse"), self.text_scale)
        self.high_contrast = named(
            QCheckBox(self.tr("Høy kontrast"), frame), self.tr("Høy kontrast")
        )
        self.high_contrast.clicked.connect(lambda on: self.changed.emit({"high_contrast": on}))
        form.addRow("", self.high_contrast)
        layout.addLayout(form)
        column.addWidget(frame)

    def _printing_section(self, holder: QWidget, column: QVBoxLayout) -> None:
        frame, layout = _section(holder, self.tr("Utskrift"))
        text = QLabel(
            self.tr(
                "Hvis baksiden havner litt skjevt i forhold til forsiden når du skriver ut "
                "tosidig, kan du rette det her. Skriv ut testsiden i Kortstudio og mål hvor mye "
                "baksiden er forskjøvet."
            ),
            frame,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.offset_x = named(
            QDoubleSpinBox(frame), self.tr("Forskyv baksiden sidelengs, millimeter")
        )
        self.offset_y = named(
            QDoubleSpinBox(frame), self.tr("Forskyv baksiden i høyden, millimeter")
        )
        for spin in (self.offset_x, self.offset_y):
            spin.setRange(-10.0, 10.0)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
            spin.setMaximumWidth(180)
            spin.editingFinished.connect(self._offset_changed)
        form.addRow(self.tr("Sidelengs"), self.offset_x)
        form.addRow(self.tr("I høyden"), self.offset_y)
        layout.addLayout(form)
        column.addWidget(frame)

    def _privacy_section(self, holder: QWidget, column: QVBoxLayout) -> None:
        frame, layout = _section(holder, self.tr("Varsler og personvern"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.age_months = named(
            QSpinBox(frame), self.tr("Varsle når opplysningene er eldre enn, måneder")
        )
        self.age_months.setRange(1, 120)
        self.age_months.setMaximumWidth(180)
        self.age_months.setSuffix(self.tr(" måneder"))
        self.age_months.editingFinished.connect(
            lambda: self.changed.emit({"age_warning_months": self.age_months.value()})
        )
        form.addRow(self.tr("Varsle når opplysninger er eldre enn"), self.age_months)
        layout.addLayout(form)
        self.keep_history = named(
            QCheckBox(self.tr("Husk det jeg søker etter på denne maskinen"), frame),
            self.tr("Husk søkehistorikk"),
        )
        self.keep_history.clicked.connect(lambda on: self.changed.emit({"keep_search_history": on}))
        layout.addWidget(self.keep_history)
        note = QLabel(self.tr("Søk lagres ikke med mindre du slår dette på."), frame)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.clear_history_button = named(
            QPushButton(self.tr("Slett søkehistorikken"), frame), self.tr("Slett søkehistorikken")
        )
        self.clear_history_button.clicked.connect(self.clear_history)
        row.addWidget(self.clear_history_button)
        row.addStretch(1)
        layout.addLayout(row)
        column.addWidget(frame)

    def _updates_section(self, holder: QWidget, column: QVBoxLayout) -> None:
        frame, layout = _section(holder, self.tr("Innhold og oppdateringer"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.update_source = named(
            QLineEdit(frame), self.tr("Oppdateringskilde, nettadresse eller mappe")
        )
        self.update_source.setPlaceholderText(self.tr("https://… eller en mappe"))
        self.update_source.editingFinished.connect(
            lambda: self.changed.emit({"update_source": self.update_source.text().strip() or None})
        )
        form.addRow(self.tr("Oppdateringskilde"), self.update_source)
        layout.addLayout(form)
        keys_label = QLabel(self.tr("Utgivernøkler appen stoler på"), frame)
        layout.addWidget(keys_label)
        self.keys = named(QListWidget(frame), self.tr("Utgivernøkler appen stoler på"))
        keys_label.setBuddy(self.keys)
        self.keys.setMinimumHeight(50)
        self.keys.setMaximumHeight(90)
        layout.addWidget(self.keys)
        row = QHBoxLayout()
        self.trust_button = named(
            QPushButton(self.tr("Stol på nøkkel …"), frame),
            self.tr("Stol på en utgivers offentlige nøkkel"),
        )
        self.trust_button.clicked.connect(self._choose_key_file)
        self.untrust_button = named(
            QPushButton(self.tr("Fjern valgt nøkkel"), frame),
            self.tr("Slutt å stole på valgt nøkkel"),
        )
        self.untrust_button.clicked.connect(self._untrust_selected)
        row.addWidget(self.trust_button)
        row.addWidget(self.untrust_button)
        row.addStretch(1)
        layout.addLayout(row)
        self._bundle_rows(frame, layout)
        column.addWidget(frame)

    def _bundle_rows(self, frame: QFrame, layout: QVBoxLayout) -> None:
        """Installed content, its buttons and the update progress."""
        self.bundles = named(QListWidget(frame), self.tr("Installert innhold"))
        self.bundles.setMinimumHeight(90)
        self.bundles.setMaximumHeight(150)
        self.bundles.currentItemChanged.connect(lambda *_a: self._update_rollback())
        layout.addWidget(self.bundles)
        buttons = QWidget(frame)
        row = FlowLayout(buttons)  # wraps on a narrow window or with large text
        row.setContentsMargins(0, 0, 0, 0)
        self.check_button = named(
            QPushButton(self.tr("Se etter oppdateringer"), frame), self.tr("Se etter oppdateringer")
        )
        self.check_button.clicked.connect(self.check_updates)
        self.import_button = named(
            QPushButton(self.tr("Importer fra mappe …"), frame),
            self.tr("Importer innhold fra en mappe"),
        )
        self.import_button.clicked.connect(self.import_folder)
        self.rollback_button = named(
            QPushButton(self.tr("Gå tilbake til forrige versjon"), frame),
            self.tr("Gå tilbake til forrige versjon av valgt innhold"),
        )
        self.rollback_button.clicked.connect(self._rollback)
        for button in (self.check_button, self.import_button, self.rollback_button):
            row.addWidget(button)
        layout.addWidget(buttons)
        progress_row = QHBoxLayout()
        self.progress = named(QProgressBar(frame), self.tr("Fremdrift"))
        self.progress.hide()
        self.cancel_button = named(
            QPushButton(self.tr("Avbryt"), frame), self.tr("Avbryt oppdateringen")
        )
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_sync)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        self.sync_status = QLabel(frame)
        self.sync_status.setWordWrap(True)
        layout.addWidget(self.sync_status)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        s = snapshot.settings
        name = snapshot.municipality_name
        region = snapshot.bundle(snapshot.region) if snapshot.region else None
        if name and region:
            self.current_municipality.setText(
                self.tr("Valgt: {0} ({1})").format(name, region.title)
            )
        else:
            self.current_municipality.setText(self.tr("Valgt: bare nasjonalt innhold"))
        self.chooser.set_municipalities(list(snapshot.municipalities), s.municipality)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        nearest = min(range(len(TEXT_SCALES)), key=lambda i: abs(TEXT_SCALES[i] - s.text_scale))
        self.text_scale.setCurrentIndex(nearest)
        self.high_contrast.setChecked(s.high_contrast)
        self.offset_x.setValue(s.duplex_offset.x_mm)
        self.offset_y.setValue(s.duplex_offset.y_mm)
        self.age_months.setValue(s.age_warning_months)
        self.keep_history.setChecked(s.keep_search_history)
        if not self.update_source.hasFocus():
            self.update_source.setText(s.update_source or "")
        self._show_keys()
        current = self.bundles.currentItem()
        current_id = current.data(256) if current else None
        self.bundles.clear()
        for bundle in snapshot.bundles:
            item = QListWidgetItem(
                self.tr("{0} – versjon {1}, {2}").format(
                    bundle.title, bundle.version, short_date(bundle.issued)
                )
            )
            item.setData(256, bundle.id)
            self.bundles.addItem(item)
            if bundle.id == current_id:
                self.bundles.setCurrentItem(item)
        self._update_rollback()

    # ------------------------------------------------------------------ publisher keys

    def _show_keys(self) -> None:
        self.keys.clear()
        entries = self._snapshot.settings.publisher_keys if self._snapshot else []
        for entry in entries:
            try:
                key_id = parse_public_key(entry.key).id_hex
            except KeyFileError:
                key_id = "?"
            role = self.tr("rotnøkkel") if entry.role == "root" else self.tr("utgiver")
            item = QListWidgetItem(
                self.tr("{0} ({1}): {2}").format(key_id, role, ", ".join(entry.scope))
            )
            item.setData(256, entry.key)
            self.keys.addItem(item)
        self.untrust_button.setEnabled(bool(entries))

    def _choose_key_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Velg utgiverens offentlige nøkkel"), "", self.tr("Nøkler (*.pub)")
        )
        if path:
            self.trust_key_file(Path(path))

    def trust_key_file(
        self, path: Path, confirm: Callable[[TrustKeyDialog], bool] | None = None
    ) -> None:
        """Read a .pub file (4 KiB at most), ask for confirmation and a scope, then save."""

        try:
            key = load_public_key(path)
        except SyncError as exc:
            self.sync_status.setText(core_message(exc))
            return
        dialog = TrustKeyDialog(self, key, self._snapshot.region if self._snapshot else None)
        accepted = confirm(dialog) if confirm else dialog.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            return
        line = key.to_base64()
        entry = PublisherKey(
            key=line, scope=dialog.scopes(), role="root" if dialog.root.isChecked() else "publisher"
        )
        current = self._snapshot.settings.publisher_keys if self._snapshot else []
        keep = [e.model_dump() for e in current if e.key.strip() != line]
        self.changed.emit({"publisher_keys": [*keep, entry.model_dump()]})

    def _untrust_selected(self) -> None:
        item = self.keys.currentItem()
        if item is None or self._snapshot is None:
            return
        line = item.data(256)
        keep = [e.model_dump() for e in self._snapshot.settings.publisher_keys if e.key != line]
        self.changed.emit({"publisher_keys": keep})

    def _use_chosen(self) -> None:
        number = self.chooser.current()
        if number:
            self.changed.emit({"municipality": number, "region": None})

    def _offset_changed(self) -> None:
        self.changed.emit(
            {"duplex_offset": {"x_mm": self.offset_x.value(), "y_mm": self.offset_y.value()}}
        )

    def selected_bundle(self) -> str | None:
        item = self.bundles.currentItem()
        return item.data(256) if item else None

    def _update_rollback(self) -> None:
        bundle_id = self.selected_bundle()
        versions = (
            self._snapshot.versions.get(bundle_id, ()) if self._snapshot and bundle_id else ()
        )
        self.rollback_button.setEnabled(len(versions) > 1)

    def _rollback(self) -> None:
        bundle_id = self.selected_bundle()
        if bundle_id:
            self.rollback.emit(bundle_id)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.check_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        if busy:
            self.progress.setRange(0, 0)
        else:
            self._update_rollback()

    def set_progress(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if text:
            self.sync_status.setText(text)

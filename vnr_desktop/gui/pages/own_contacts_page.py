"""Own contacts: local entries (your leader, the nearest legevakt) kept in user data.

They are never touched by a content update; search finds them and cards can include them.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vnr_desktop.core.ids import USER_SOURCE_ID
from vnr_desktop.core.models import Contact, Phone, Provenance
from vnr_desktop.core.phones import PhoneFormatError, normalise_phone
from vnr_desktop.gui import labels
from vnr_desktop.gui.a11y import name_inner_parts, named
from vnr_desktop.gui.delegates import TwoLineDelegate
from vnr_desktop.gui.html_render import contact_html
from vnr_desktop.gui.item_models import REF_ROLE, ContactListModel
from vnr_desktop.gui.reading_view import ReadingView
from vnr_desktop.gui.responsive import ResponsiveSplitter
from vnr_desktop.gui.theme import CALM, Colors

if TYPE_CHECKING:
    from vnr_desktop.core.models import Audience, Contact
    from vnr_desktop.gui.content import Snapshot

OWN_CATEGORIES = (
    "municipal_service",
    "legevakt",
    "police",
    "barnevern",
    "barnevernvakt",
    "krisesenter",
    "familievern",
    "health_service",
    "helpline",
    "support_organisation",
    "other",
)


def new_contact_id(name: str) -> str:
    slug = re.sub(
        r"[^a-z0-9]+", "-", name.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    )
    slug = slug.strip("-")[:40] or "kontakt"
    return f"{slug}-{uuid.uuid4().hex[:6]}"


class OwnContactDialog(QDialog):
    """Add or change one own contact. Checks the phone number's form before saving."""

    saved = Signal(object)
    """The validated Contact."""

    def __init__(self, parent: QWidget, contact: Contact | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Endre egen kontakt") if contact else self.tr("Ny egen kontakt")
        )
        self.setModal(True)
        self._existing = contact
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = named(QLineEdit(self), self.tr("Navn"))
        form.addRow(self.tr("Navn"), self.name)
        self.category = named(QComboBox(self), self.tr("Kategori"))
        names = labels.category_labels()
        for code in OWN_CATEGORIES:
            self.category.addItem(names[code], code)
        form.addRow(self.tr("Kategori"), self.category)
        self.phone = named(QLineEdit(self), self.tr("Telefonnummer"))
        self.phone.setPlaceholderText(self.tr("for eksempel 12 34 56 78"))
        form.addRow(self.tr("Telefonnummer"), self.phone)
        self.phone_label = named(QLineEdit(self), self.tr("Hva nummeret er til"))
        form.addRow(self.tr("Hva nummeret er til"), self.phone_label)
        self.hours = named(QLineEdit(self), self.tr("Åpningstider"))
        self.hours.setPlaceholderText(self.tr("for eksempel man–fre 08–15.30"))
        form.addRow(self.tr("Åpningstider"), self.hours)
        self.sms = named(QCheckBox(self.tr("Tar imot SMS"), self), self.tr("Tar imot SMS"))
        form.addRow("", self.sms)
        self.email = named(QLineEdit(self), self.tr("E-post"))
        form.addRow(self.tr("E-post"), self.email)
        self.address = named(QLineEdit(self), self.tr("Adresse"))
        form.addRow(self.tr("Adresse"), self.address)
        self.description = named(QPlainTextEdit(self), self.tr("Notat"))
        self.description.setFixedHeight(80)
        form.addRow(self.tr("Notat"), self.description)
        serves = QWidget(self)
        grid = QGridLayout(serves)
        grid.setContentsMargins(0, 0, 0, 0)
        self.serves: dict[Audience, QCheckBox] = {}
        for i, (code, text) in enumerate(labels.audience_labels().items()):
            box = named(QCheckBox(text, serves), self.tr("Hjelper {0}").format(text))
            grid.addWidget(box, i // 3, i % 3)
            self.serves[code] = box
        form.addRow(self.tr("Hjelper"), serves)
        layout.addLayout(form)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("formProblem")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(self)
        self.save_button = named(
            self.buttons.addButton(self.tr("Lagre"), QDialogButtonBox.ButtonRole.AcceptRole),
            self.tr("Lagre kontakten"),
        )
        self.cancel_button = named(
            self.buttons.addButton(self.tr("Avbryt"), QDialogButtonBox.ButtonRole.RejectRole),
            self.tr("Avbryt"),
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        name_inner_parts(self)
        self._fill(contact)

    def _fill(self, contact: Contact | None) -> None:
        if contact is None:
            self.serves["everyone"].setChecked(True)
            return
        self.name.setText(contact.name)
        self.category.setCurrentIndex(max(0, self.category.findData(contact.category)))
        if contact.phones:
            phone = contact.phones[0]
            self.phone.setText(phone.number)
            self.phone_label.setText(phone.label or "")
            self.hours.setText(phone.hours or "")
            self.sms.setChecked(phone.sms)
        self.email.setText(contact.email or "")
        self.address.setText(contact.address or "")
        self.description.setPlainText(contact.description or "")
        for code, box in self.serves.items():
            box.setChecked(code in contact.serves)

    def build(self) -> Contact:
        """The contact the form describes; raises ValueError with a plain message."""

        name = self.name.text().strip()
        if not name:
            raise ValueError(self.tr("Skriv inn et navn."))
        number = self.phone.text().strip()
        if not number:
            raise ValueError(self.tr("Skriv inn et telefonnummer."))
        try:
            normalise_phone(number)
        except PhoneFormatError:
            raise ValueError(
                self.tr(
                    "«{0}» er ikke et telefonnummer vi kan bruke. Skriv sifre og mellomrom, for "
                    "eksempel 12 34 56 78, eller et kortnummer."
                ).format(number)
            ) from None
        serves = [code for code, box in self.serves.items() if box.isChecked()]
        if not serves:
            raise ValueError(self.tr("Kryss av for hvem kontakten hjelper."))

        def opt(text: str) -> str | None:
            return text.strip() or None

        phone = Phone(
            number=number,
            label=opt(self.phone_label.text()),
            hours=opt(self.hours.text()),
            sms=self.sms.isChecked(),
        )
        existing = self._existing
        return Contact(
            id=existing.id if existing else new_contact_id(name),
            name=name,
            category=self.category.currentData(),
            description=opt(self.description.toPlainText()),
            phones=[phone],
            email=opt(self.email.text()),
            address=opt(self.address.text()),
            serves=serves,
            provenance=Provenance(
                source=USER_SOURCE_ID,
                section=self.tr("Lagt inn av brukeren"),
                as_of=dt.date.today(),
            ),
            tags=["own"],
        )

    def try_save(self) -> None:
        try:
            contact = self.build()
        except ValueError as exc:
            self.problem.setText(str(exc).splitlines()[0] if str(exc) else "")
            self.problem.show()
            return
        self.saved.emit(contact)
        self.accept()


class OwnContactsPage(QWidget):
    save_contact = Signal(object)
    delete_contact = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        heading = QLabel(self.tr("Egne kontakter"), self)
        heading.setProperty("role", "h1")
        outer.addWidget(heading)
        intro = QLabel(
            self.tr(
                "Legg inn lokale kontakter, for eksempel lederen din eller nærmeste legevakt. "
                "De lagres bare på denne maskinen, søket finner dem, og de blir med når innholdet "
                "oppdateres."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        outer.addWidget(intro)
        buttons = QHBoxLayout()
        self.add_button = named(
            QPushButton(self.tr("Ny kontakt …"), self), self.tr("Ny egen kontakt")
        )
        self.add_button.setProperty("role", "primary")
        self.edit_button = named(
            QPushButton(self.tr("Endre …"), self), self.tr("Endre valgt kontakt")
        )
        self.delete_button = named(
            QPushButton(self.tr("Slett"), self), self.tr("Slett valgt kontakt")
        )
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        splitter = ResponsiveSplitter(self)
        self.model = ContactListModel(self)
        self.view = named(QListView(splitter), self.tr("Egne kontakter"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(TwoLineDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(lambda _i: self.edit_selected())
        self.detail = ReadingView(splitter, self.tr("Detaljer om egen kontakt"))
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setSizes([360, 640])
        outer.addWidget(splitter, 1)
        self.empty = QLabel(self.tr("Du har ingen egne kontakter ennå."), self)
        self.empty.setProperty("role", "muted")
        outer.addWidget(self.empty)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.dialog: OwnContactDialog | None = None
        self.confirm: QMessageBox | None = None
        self._snapshot: Snapshot | None = None
        self._colors: Colors = CALM

    def set_snapshot(self, snapshot: Snapshot, colors: Colors) -> None:
        self._snapshot = snapshot
        self._colors = colors
        selected = self.selected_ref()
        rows = snapshot.own_contacts()
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        row = self.model.row_of_ref(selected or "")
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        else:
            self.detail.clear()
        self._update_buttons()

    def selected_ref(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

    def select(self, ref: str) -> None:
        row = self.model.row_of_ref(ref)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        has = self.selected_ref() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        self._update_buttons()
        ref = self.selected_ref()
        if ref and self._snapshot is not None:
            contact = self._snapshot.item(ref)
            if contact is not None and contact.kind == "contact":
                self.detail.setHtml(contact_html(self._snapshot, ref, contact, self._colors))
                return
        self.detail.clear()

    def _open_dialog(self, contact: Contact | None) -> None:
        dialog = OwnContactDialog(self, contact)
        dialog.saved.connect(self.save_contact)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def add(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        ref = self.selected_ref()
        if ref and self._snapshot is not None:
            item = self._snapshot.item(ref)
            self._open_dialog(item if item is not None and item.kind == "contact" else None)

    def delete_selected(self) -> None:
        ref = self.selected_ref()
        if not ref or self._snapshot is None:
            return
        contact = self._snapshot.item(ref)
        name = contact.name if contact is not None and contact.kind == "contact" else ref
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Slett egen kontakt"),
            self.tr("Vil du slette «{0}»? Dette kan ikke angres.").format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Slett"))
        named(yes, self.tr("Slett kontakten"))
        no = box.button(QMessageBox.StandardButton.No)
        no.setText(self.tr("Ikke slett"))
        named(no, self.tr("Ikke slett"))

        def done(_result: int) -> None:
            if box.clickedButton() is yes:
                self.delete_contact.emit(ref.partition(":")[2])
            box.deleteLater()

        box.finished.connect(done)
        self.confirm = box
        box.open()

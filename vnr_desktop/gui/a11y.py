"""Accessible names: every interactive control gets one (a test walks the widget tree)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from vnr_desktop.gui.lazy_qt import Qt  # start-up path: see lazy_qt.py

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, description: str = "") -> W:
    """Give ``widget`` an accessible name (and description) and return it."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def name_inner_parts(root: QWidget) -> None:
    """Name the controls Qt builds inside composite widgets (a line edit's clear button, a
    combo box's pop-up list, a table's header), which have no name of their own."""

    translate = QCoreApplication.translate
    for edit in [root, *root.findChildren(QLineEdit)]:
        if not isinstance(edit, QLineEdit):
            continue
        for button in edit.findChildren(QAbstractButton):
            if not button.accessibleName():
                button.setAccessibleName(
                    translate("Accessibility", "Tøm feltet {0}")
                    .format(edit.accessibleName())
                    .strip()
                )
    for combo in [root, *root.findChildren(QComboBox)]:
        if isinstance(combo, QComboBox) and not combo.view().accessibleName():
            combo.view().setAccessibleName(
                translate("Accessibility", "Valg for {0}").format(combo.accessibleName())
            )
    for header in root.findChildren(QHeaderView):
        if not header.accessibleName():
            header.setAccessibleName(translate("Accessibility", "Kolonneoverskrifter"))
    for corner in root.findChildren(QAbstractButton, "qt_tableview_cornerbutton"):
        corner.setAccessibleName(translate("Accessibility", "Velg alle rader"))


class EnterPressesButtons(QObject):
    """Application-wide: Enter (Return) on a focused button presses it, as Space does.

    Qt presses a focused button with Space only (and with Enter only for a dialog's default
    button); people expect both. A tool button with a menu opens the menu.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QPushButton | QToolButton)
            and watched is QApplication.focusWidget()
            and watched.isEnabled()
        ):
            if isinstance(watched, QToolButton) and watched.menu() is not None:
                watched.showMenu()
            else:
                watched.click()
            return True
        return False

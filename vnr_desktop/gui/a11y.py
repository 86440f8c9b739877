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
from vnr_desktop.gui.window_keys import WindowKeyFilter

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


class EnterPressesButtons(WindowKeyFilter):
    """In every window: Enter (Return) on a focused button presses it, as Space does.

    Qt presses a focused button with Space only (and with Enter only for a dialog's default
    button); people expect both. A tool button with a menu opens the menu. An open popup (a
    menu, a list) keeps its own Enter.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        button = QApplication.focusWidget()
        if (
            not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(button, QPushButton | QToolButton)
            and button.isEnabled()
            and QApplication.activePopupWidget() is None
            and button.window().windowHandle() is watched
        ):
            if isinstance(button, QToolButton) and button.menu() is not None:
                button.showMenu()
            else:
                button.click()
            return True
        return False

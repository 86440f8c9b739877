"""The app's icon (shown in the title bar and task bar; hidden with the content)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from vnr_desktop.core.resources import ResourceError, resource_path

APP_ICON = "icons/vnr-desktop.svg"


def app_icon() -> QIcon:
    try:
        return QIcon(str(resource_path(APP_ICON)))
    except ResourceError:
        return QIcon()

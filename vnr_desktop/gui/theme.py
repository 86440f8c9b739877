"""Look and feel: text size, a calm theme and a high-contrast theme.

The interface uses the platform's own UI font (Segoe UI, San Francisco, Cantarell/DejaVu...):
users know it, and it has a plain zero. (The bundled Atkinson Hyperlegible, used on the cards,
draws a slashed zero that Norwegian readers can take for Ø in a phone number.) Everything scales
from one base point size times the user's text-size setting; the style sheet is regenerated
when the setting changes. Focus is always visible (a thick outline).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from vnr_desktop.core.resources import ResourceError, resource_path

BASE_POINT_SIZE = 10.5
_platform_font: QFont | None = None


@dataclass(frozen=True)
class Colors:
    window: str
    surface: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    focus: str
    link: str
    strip_bg: str
    strip_button: str
    strip_number: str
    warning_bg: str
    warning_text: str
    error_bg: str
    error_text: str
    se: str
    spor: str
    avklar: str
    handle: str
    overdue_bg: str
    overdue_text: str


CALM = Colors(
    window="#f6f5f1",
    surface="#ffffff",
    text="#1d2327",
    muted="#4d5a62",
    border="#c9cfd3",
    accent="#1f5a7a",
    accent_text="#ffffff",
    focus="#d9822b",
    link="#1a5276",
    strip_bg="#f3e3e0",
    strip_button="#ffffff",
    strip_number="#8a1c1c",
    warning_bg="#fff1d6",
    warning_text="#5c3b00",
    error_bg="#fbe3e3",
    error_text="#7a1212",
    se="#e6f0f8",
    spor="#e7f3ea",
    avklar="#fbf1dd",
    handle="#f8e4e4",
    overdue_bg="#fbe3e3",
    overdue_text="#7a1212",
)

HIGH_CONTRAST = Colors(
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    border="#ffffff",
    accent="#ffff00",
    accent_text="#000000",
    focus="#00ffff",
    link="#ffff00",
    strip_bg="#000000",
    strip_button="#000000",
    strip_number="#ffff00",
    warning_bg="#000000",
    warning_text="#ffff00",
    error_bg="#000000",
    error_text="#ffff00",
    se="#000000",
    spor="#000000",
    avklar="#000000",
    handle="#000000",
    overdue_bg="#000000",
    overdue_text="#ffff00",
)


def colors(high_contrast: bool) -> Colors:
    return HIGH_CONTRAST if high_contrast else CALM


def platform_font() -> QFont:
    """The platform's UI font, remembered before the app changes its size."""
    global _platform_font
    if _platform_font is None:
        _platform_font = QFont(QApplication.font())
    return QFont(_platform_font)


def pt(scale: float, factor: float = 1.0) -> str:
    return f"{BASE_POINT_SIZE * scale * factor:.1f}pt"


def apply_theme(app: QApplication, *, scale: float = 1.0, high_contrast: bool = False) -> None:
    font = platform_font()
    font.setPointSizeF(BASE_POINT_SIZE * scale)
    app.setFont(font)
    c = colors(high_contrast)
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, c.window),
        (QPalette.ColorRole.Base, c.surface),
        (QPalette.ColorRole.AlternateBase, c.window),
        (QPalette.ColorRole.Text, c.text),
        (QPalette.ColorRole.WindowText, c.text),
        (QPalette.ColorRole.Button, c.surface),
        (QPalette.ColorRole.ButtonText, c.text),
        (QPalette.ColorRole.Highlight, c.accent),
        (QPalette.ColorRole.HighlightedText, c.accent_text),
        (QPalette.ColorRole.Link, c.link),
        (QPalette.ColorRole.ToolTipBase, c.surface),
        (QPalette.ColorRole.ToolTipText, c.text),
        (QPalette.ColorRole.PlaceholderText, c.muted),
    ):
        palette.setColor(role, QColor(value))
    app.setPalette(palette)
    app.setStyleSheet(style_sheet(scale, c))
    app.setProperty("vnr_high_contrast", high_contrast)
    app.setProperty("vnr_text_scale", scale)


def _icon_url(stem: str, high_contrast: bool) -> str:
    name = f"icons/{stem}{'-light' if high_contrast else ''}.svg"
    try:
        return resource_path(name).as_posix()
    except ResourceError:
        return ""


def _arrow_url(high_contrast: bool, direction: str = "down") -> str:
    return _icon_url(f"arrow-{direction}", high_contrast)


def style_sheet(scale: float, c: Colors) -> str:
    return "\n" + _control_rules(scale, c) + _input_rules(c) + _view_rules(scale, c)


def _control_rules(scale: float, c: Colors) -> str:
    """Text, headings, buttons, focus frames and check boxes."""
    thick = "3px" if c is HIGH_CONTRAST else "2px"
    check = _icon_url("check", c is HIGH_CONTRAST)
    box = f"{round(16 * scale)}px"
    return f"""QWidget {{ color: {c.text}; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {c.window}; }}
QToolTip {{ color: {c.text}; background: {c.surface}; border: 1px solid {c.border};
    padding: 6px; font-size: {pt(scale)}; }}
QLabel[role="h1"] {{ font-size: {pt(scale, 1.7)}; font-weight: bold; }}
QLabel[role="h2"] {{ font-size: {pt(scale, 1.3)}; font-weight: bold; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QPushButton, QToolButton {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 6px; padding: 6px 12px; }}
QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
QPushButton[role="primary"] {{ background: {c.accent}; color: {c.accent_text};
    border-color: {c.accent}; font-weight: bold; }}
QPushButton:disabled {{ color: {c.muted}; border-style: dashed; }}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus,
QListView:focus, QTableView:focus, QTextBrowser:focus, QCheckBox:focus, QSlider:focus,
QTabBar:focus, QPlainTextEdit:focus {{ border: {thick} solid {c.focus}; }}
QCheckBox:focus {{ padding: 2px; }}
QCheckBox::indicator {{ width: {box}; height: {box}; border: 2px solid {c.text};
    border-radius: 3px; background: {c.surface}; }}
QCheckBox::indicator:checked {{ background: {c.accent}; border-color: {c.accent};
    image: url({check}); }}
QCheckBox::indicator:disabled {{ border-style: dashed; border-color: {c.muted}; }}
QListView#navigation:focus {{ border: {thick} solid {c.focus}; border-radius: 6px; }}
QListView#navigation::item:focus {{ border: {thick} solid {c.focus}; }}
"""


def _input_rules(c: Colors) -> str:
    """Line edits, combo boxes and spin boxes, with their arrows."""
    arrow = _arrow_url(c is HIGH_CONTRAST)
    up = _arrow_url(c is HIGH_CONTRAST, "up")
    return f"""QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit {{ background: {c.surface};
    border: 1px solid {c.border}; border-radius: 6px; padding: 5px 8px; }}
QComboBox {{ padding-right: 24px; }}
QComboBox QLineEdit {{ padding: 0px; border: none; background: transparent; }}
QToolBar QComboBox {{ padding-top: 1px; padding-bottom: 1px; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right;
    width: 22px; border: none; }}
QComboBox::down-arrow {{ image: url({arrow}); width: 12px; height: 12px; }}
QComboBox::down-arrow:disabled {{ image: none; }}
QComboBox:disabled, QLineEdit:disabled, QAbstractSpinBox:disabled {{ color: {c.muted};
    background: {c.window}; border-style: dashed; }}
QAbstractSpinBox {{ padding-right: 24px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ subcontrol-origin: border;
    width: 22px; border: none; border-left: 1px solid {c.border}; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({up}); width: 10px; height: 10px; }}
QAbstractSpinBox::down-arrow {{ image: url({arrow}); width: 10px; height: 10px; }}
"""


def _view_rules(scale: float, c: Colors) -> str:
    """Lists, the navigation, the emergency strip, message bars, cards, progress and tabs."""
    return f"""QLabel#previewPage {{ border: 1px solid {c.border}; background: #ffffff; }}
QLineEdit#searchField {{ font-size: {pt(scale, 1.15)}; padding: 8px 12px; border-radius: 8px; }}
QListView, QTableView, QTextBrowser, QScrollArea#pagesArea {{ background: {c.surface};
    border: 1px solid {c.border}; border-radius: 6px; }}
QListView::item:selected, QTableView::item:selected {{ background: {c.accent};
    color: {c.accent_text}; }}
QHeaderView::section {{ background: {c.window}; color: {c.text}; padding: 6px;
    border: none; border-bottom: 1px solid {c.border}; font-weight: bold; }}
QListView#navigation {{ background: {c.window}; border: none; font-size: {pt(scale, 1.05)};
    qproperty-textElideMode: ElideNone; qproperty-horizontalScrollBarPolicy: ScrollBarAlwaysOff; }}
QLabel#loading {{ qproperty-alignment: AlignCenter; }}
QListView#navigation::item {{ padding: 9px 10px; border-radius: 6px; }}
QFrame#emergencyStrip {{ background: {c.strip_bg}; border-bottom: 1px solid {c.border}; }}
QLabel#stripTitle {{ font-weight: bold; color: {c.strip_number}; }}
QPushButton[role="strip"] {{ background: {c.strip_button}; border: 1px solid {c.border};
    border-radius: 8px; padding: 4px 10px; text-align: left; }}
QPushButton[role="hide"] {{ font-weight: bold; }}
QToolButton[role="stripMore"] {{ background: {c.strip_button}; border: 1px solid {c.border};
    border-radius: 8px; padding: 6px 10px; font-weight: bold; }}
QFrame#messageBar[level="error"], QFrame#messageBar[level="unexpected"] {{
    background: {c.error_bg}; border: 1px solid {c.error_text}; border-radius: 6px; }}
QFrame#messageBar[level="info"] {{ background: {c.se}; border: 1px solid {c.border};
    border-radius: 6px; }}
QFrame#messageBar QLabel {{ color: {c.text}; }}
QLabel#feedStatus[level="warning"] {{ background: {c.warning_bg}; color: {c.warning_text};
    border: 1px solid {c.warning_text}; border-radius: 6px; padding: 8px; font-weight: bold; }}
QFrame#neutralScreen {{ background: #ffffff; }}
QFrame#neutralScreen QLabel {{ color: #555555; }}
QFrame[role="card"] {{ background: {c.surface}; border: 1px solid {c.border};
    border-radius: 8px; }}
QProgressBar {{ border: 1px solid {c.border}; border-radius: 4px; text-align: center;
    background: {c.surface}; }}
QProgressBar::chunk {{ background: {c.accent}; }}
QTabBar::tab {{ padding: 6px 14px; border: 1px solid {c.border}; border-bottom: none;
    border-top-left-radius: 6px; border-top-right-radius: 6px; background: {c.window}; }}
QTabBar::tab:selected {{ background: {c.surface}; font-weight: bold; }}
"""

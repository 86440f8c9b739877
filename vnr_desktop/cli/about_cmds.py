"""CLI: `vnr-desktop about`: version, how the app is installed and where it keeps its files.

For support ("where is my data?") and for scripts/check-frozen, which uses it to prove that a
frozen app reads its bundled files from its own folder and writes only to the platform's
standard folders.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

from vnr_desktop import APP_NAME, __version__
from vnr_desktop.cli.common import Context, print_json
from vnr_desktop.core.resources import CARDS_PACKAGE, resource_path

QT_CATALOGUES = ("qtbase_nn.qm", "qtbase_en.qm")
"""Qt's own catalogues the interface loads (vnr_desktop.gui.i18n: nynorsk serves bokmål)."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    about = sub.add_parser("about", help="version, installation and the app's folders")
    about.add_argument("--json", action="store_true")
    about.add_argument(
        "--qt", action="store_true", help="also report Qt's version and translation folder"
    )
    about.set_defaults(handler=cmd_about)


def _qt_info() -> dict[str, object]:
    # Qt only when asked for (--qt): plain commands never load it.
    from PySide6.QtCore import QLibraryInfo, qVersion

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return {
        "qt_version": qVersion(),
        "qt_translations": str(folder),
        "qt_catalogues_found": [name for name in QT_CATALOGUES if (folder / name).is_file()],
    }


def about_info(ctx: Context, with_qt: bool = False) -> dict[str, object]:
    info: dict[str, object] = {
        "name": APP_NAME,
        "version": __version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "data_dir": str(ctx.paths.data),
        "log_dir": str(ctx.paths.logs),
        "cache_dir": str(ctx.paths.cache),
        "resources_dir": str(resource_path("")),
        "card_definitions_dir": str(resource_path("", CARDS_PACKAGE)),
    }
    if with_qt:
        info.update(_qt_info())
    return info


def cmd_about(ctx: Context, args: argparse.Namespace) -> int:
    info = about_info(ctx, with_qt=args.qt)
    if args.json:
        print_json(info)
        return 0
    labels = {
        "version": "Versjon",
        "frozen": "Ferdigbygd app",
        "data_dir": "Data (bibliotek, innstillinger)",
        "log_dir": "Logger",
        "cache_dir": "Mellomlager",
        "resources_dir": "Innebygde filer",
        "card_definitions_dir": "Kortdefinisjoner",
        "qt_version": "Qt",
        "qt_translations": "Qts oversettelser",
    }
    print(f"{APP_NAME} {__version__} (Python {info['python']}, {info['platform']})")
    for key, label in labels.items():
        if key in info and key != "version":
            value = info[key]
            if isinstance(value, bool):
                value = "ja" if value else "nei"
            print(f"  {label + ':':<34}{value}")
    return 0

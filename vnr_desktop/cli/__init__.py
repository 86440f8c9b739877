"""`vnr-desktop <command>`: the core, for scripts, tests and headless machines.

Each command group lives in its own module with a ``register(subparsers)`` function; the module
names are listed in COMMAND_MODULES. Commands return an exit code: 0 success, 1 the input has
problems (listed on stderr), 2 wrong usage, 3 something failed (message on stderr).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sqlite3
import sys
from collections.abc import Sequence

from vnr_desktop import __version__
from vnr_desktop.cli.common import CliError, Context

COMMAND_MODULES: tuple[str, ...] = (
    "vnr_desktop.cli.library_cmds",
    "vnr_desktop.cli.about_cmds",
    "vnr_desktop.cli.keys_cmds",
    "vnr_desktop.cli.feed_cmds",
    "vnr_desktop.cli.sync_cmds",
    "vnr_desktop.cli.cards_cmd",
    "vnr_desktop.cli.search_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vnr-desktop",
        description="VNR Desktop: veileder, kontakter og tiltakskort mot vold i nære relasjoner.",
    )
    parser.add_argument("--version", action="version", version=f"vnr-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the library and user data in DIR (default: the platform's folders; "
        "also VNR_DATA_DIR)",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the app offscreen, wait for the main window with content, exit 0",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def storage_failure_message(exc: sqlite3.Error | OSError) -> str:
    """Plain words for a failed read or write of the app's files."""
    text = str(exc)
    full = (
        isinstance(exc, OSError) and exc.errno in {errno.ENOSPC, errno.EDQUOT}
    ) or "full" in text.lower()
    if full:
        return (
            "the disk is full: the change was not saved and the content you had is unchanged. "
            "Free some space and try again."
        )
    return (
        f"could not read or write the app's files ({text}). If the disk is full, free some "
        "space and try again; the content you had is unchanged."
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke:
        # The GUI only when asked for: plain commands never load Qt. The collector pauses
        # before the GUI's imports, as in gui/launch.py.
        from vnr_desktop.gui import startup_gc

        startup_gc.pause()
        # after the pause, on purpose (gui/startup_gc.py)
        from vnr_desktop.gui.app import run_smoke

        return run_smoke(args.data_dir)
    if not getattr(args, "handler", None):
        if args.command is None and argv is None and sys.stdin is not None:
            parser.print_help()
            return 0
        parser.print_help()
        return 0
    ctx = Context(args.data_dir)
    try:
        return int(args.handler(ctx, args) or 0)
    except CliError as exc:
        print(f"vnr-desktop: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("vnr-desktop: interrupted", file=sys.stderr)
        return 130
    except (sqlite3.Error, OSError) as exc:
        # A full disk or an unwritable data folder: one plain line, never a traceback.
        print(f"vnr-desktop: {storage_failure_message(exc)}", file=sys.stderr)
        return 3
    finally:
        ctx.close()

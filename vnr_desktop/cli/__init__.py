"""`vnr-desktop <command>`: the core, for scripts, tests and headless machines.

Each command group lives in its own module with a ``register(subparsers)`` function; the module
names are listed in COMMAND_MODULES. Commands return an exit code: 0 success, 1 the input has
problems (listed on stderr), 2 wrong usage, 3 something failed (message on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from vnr_desktop import __version__
from vnr_desktop.cli.common import CliError, Context

COMMAND_MODULES: tuple[str, ...] = (
    "vnr_desktop.cli.library_cmds",
    "vnr_desktop.cli.about_cmds",
    "vnr_desktop.cli.sync_cmds",
    "vnr_desktop.cli.cards_cmd",
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.smoke:
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
    finally:
        ctx.close()

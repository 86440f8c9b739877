"""CLI: cards list, render, validate, duplex-test, duplex-offset."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from pydantic import ValidationError

from vnr_desktop.cli.common import CliError, Context
from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.settings import DuplexOffset

Handler = Callable[[Context, argparse.Namespace], int]

SHEET_IDS = ["a4", "a4-10", "a3"]
"""The sheets of core.cards.imposition.SHEETS (kept here so the CLI starts without ReportLab)."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cards = sub.add_parser("cards", help="tiltakskort: list, render to PDF, validate")
    cs = cards.add_subparsers(dest="cards_command", metavar="SUBCOMMAND", required=True)

    lst = cs.add_parser("list", help="the cards the app can print")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--lang", choices=["nb", "en"], default="nb")
    lst.set_defaults(handler=_drawing("cmd_list"))

    render = cs.add_parser("render", help="render a card (or --all cards) to PDF")
    render.add_argument("card", nargs="?", help="card id (see 'cards list')")
    render.add_argument("--all", action="store_true", help="every card; -o is then a folder")
    render.add_argument("--region", required=True, metavar="ID", help="e.g. gjovik, hamar")
    render.add_argument("--format", required=True, choices=FORMAT_IDS, dest="fmt")
    render.add_argument(
        "--sheet",
        choices=SHEET_IDS,
        help="impose pocket cards on a sheet: a4 (gutters, 8-up ID-1), a4-10 (ID-1 10-up, "
        "shared cut lines), a3",
    )
    render.add_argument(
        "--duplex",
        choices=["long", "short"],
        default="long",
        help="how the sheet turns for the back (default: long edge)",
    )
    render.add_argument("--lang", choices=["nb", "en"], help="default: the card's own language")
    render.add_argument(
        "--own-contacts",
        action="store_true",
        help="include your own contacts (user.db in the data folder) under their own heading",
    )
    render.add_argument(
        "--print-shop",
        action="store_true",
        help="PDF/X-1a for a print shop: CMYK, text and QR in black ink only, FOGRA39 intent",
    )
    render.add_argument("-o", "--output", required=True, metavar="PATH")
    render.add_argument("--json", action="store_true", help="print what was written as JSON")
    render.set_defaults(handler=_drawing("cmd_render"))

    mixed = cs.add_parser(
        "sheet", help="every card of a region once on one sheet (ID-1 on A4: the 8 cards 8-up)"
    )
    mixed.add_argument("--region", required=True, metavar="ID")
    mixed.add_argument("--format", choices=["id1", "a7", "a6-fold"], default="id1", dest="fmt")
    mixed.add_argument("--sheet", choices=SHEET_IDS, default="a4")
    mixed.add_argument("--duplex", choices=["long", "short"], default="long")
    mixed.add_argument("--lang", choices=["nb", "en"], default="nb")
    mixed.add_argument("--print-shop", action="store_true", help="PDF/X-1a (see render)")
    mixed.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    mixed.add_argument("--json", action="store_true")
    mixed.set_defaults(handler=_drawing("cmd_sheet"))

    validate = cs.add_parser(
        "validate",
        help="check every card definition against the installed content and lay "
        "out every card, format and region (no PDFs written)",
    )
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(handler=_drawing("cmd_validate"))

    test = cs.add_parser("duplex-test", help="a test page to measure a printer's duplex shift")
    test.add_argument("--duplex", choices=["long", "short"], default="long")
    test.add_argument("--lang", choices=["nb", "en"], default="nb")
    test.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    test.set_defaults(handler=_drawing("cmd_duplex_test"))

    offset = cs.add_parser("duplex-offset", help="show or store the duplex correction (mm)")
    offset.add_argument(
        "x", nargs="?", type=float, help="horizontal, mm (as read on the test page)"
    )
    offset.add_argument("y", nargs="?", type=float, help="vertical, mm")
    offset.set_defaults(handler=cmd_duplex_offset)


def _drawing(name: str) -> Handler:
    """The handler ``name`` of cli.cards_draw, imported when the command runs."""

    def handler(ctx: Context, args: argparse.Namespace) -> int:
        # The CLI's one deferred import: ReportLab (about 150 ms and 11 MB) loads when a card
        # is drawn, not for every command (this module is imported by all of them).
        from vnr_desktop.cli import cards_draw

        run: Handler = getattr(cards_draw, name)
        return run(ctx, args)

    return handler


def cmd_duplex_offset(ctx: Context, args: argparse.Namespace) -> int:
    settings = ctx.userdata.settings()
    if args.x is None and args.y is None:
        o = settings.duplex_offset
        print(f"X {o.x_mm:+.1f} mm, Y {o.y_mm:+.1f} mm")
        return 0
    if args.x is None or args.y is None:
        raise CliError("give both X and Y (mm)", exit_code=2)
    try:
        settings.duplex_offset = DuplexOffset(x_mm=args.x, y_mm=args.y)
    except ValidationError:
        raise CliError("the correction must be between -10 and 10 mm", exit_code=2) from None
    ctx.userdata.save_settings(settings)
    print(f"X {args.x:+.1f} mm, Y {args.y:+.1f} mm")
    return 0

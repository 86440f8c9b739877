"""CLI: cards list, render, validate, duplex-test, duplex-offset."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vnr_desktop.cli.common import CliError, Context, print_json
from vnr_desktop.core.cards.definitions import FORMAT_IDS

SHEET_IDS = ["a4", "a4-10", "a3"]
"""The sheets of core.cards.imposition.SHEETS (kept here so the CLI starts without ReportLab)."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cards = sub.add_parser("cards", help="tiltakskort: list, render to PDF, validate")
    cs = cards.add_subparsers(dest="cards_command", metavar="SUBCOMMAND", required=True)

    lst = cs.add_parser("list", help="the cards the app can print")
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--lang", choices=["nb", "en"], default="nb")
    lst.set_defaults(handler=cmd_list)

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
    render.set_defaults(handler=cmd_render)

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
    mixed.set_defaults(handler=cmd_sheet)

    validate = cs.add_parser(
        "validate",
        help="check every card definition against the installed content and lay "
        "out every card, format and region (no PDFs written)",
    )
    validate.add_argument("--json", action="store_true")
    validate.set_defaults(handler=cmd_validate)

    test = cs.add_parser("duplex-test", help="a test page to measure a printer's duplex shift")
    test.add_argument("--duplex", choices=["long", "short"], default="long")
    test.add_argument("--lang", choices=["nb", "en"], default="nb")
    test.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    test.set_defaults(handler=cmd_duplex_test)

    offset = cs.add_parser("duplex-offset", help="show or store the duplex correction (mm)")
    offset.add_argument(
        "x", nargs="?", type=float, help="horizontal, mm (as read on the test page)"
    )
    offset.add_argument("y", nargs="?", type=float, help="vertical, mm")
    offset.set_defaults(handler=cmd_duplex_offset)


def _card_errors() -> tuple[type[Exception], ...]:
    from vnr_desktop.core.cards.errors import CardError
    from vnr_desktop.core.cards.fonts import GlyphError
    from vnr_desktop.core.cards.qr import QrPayloadError

    return CardError, QrPayloadError, GlyphError


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core.cards.render import list_cards

    cards = list_cards(lang=args.lang)
    if args.json:
        print_json([c.as_dict() for c in cards])
        return 0
    for c in cards:
        langs = "/".join(c.languages)
        print(f"{c.id:<10} {c.short_title}  [{langs}]")
    return 0


def cmd_render(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core import atomic
    from vnr_desktop.core.cards.history import record_render
    from vnr_desktop.core.cards.layout import CardOverflowError
    from vnr_desktop.core.cards.render import output_name, render_cards

    if bool(args.card) == bool(args.all):
        raise CliError("give a CARD or --all (not both)", exit_code=2)
    if args.sheet and args.fmt in ("a4-poster", "a3-poster"):
        raise CliError("posters are one per page: --sheet is for id1, a7 and a6-fold", 2)
    settings = ctx.userdata.settings()
    offset = (settings.duplex_offset.x_mm, settings.duplex_offset.y_mm)
    own = ctx.userdata.own_contacts() if args.own_contacts else []
    if args.own_contacts and not own:
        print("vnr-desktop: warning: you have no own contacts to include", file=sys.stderr)
    library = ctx.library
    from vnr_desktop.core.cards.errors import CardRequestError
    from vnr_desktop.core.cards.loader import shipped_catalog

    errors = _card_errors()
    try:
        catalog = shipped_catalog()
        card_ids = None if args.all else [args.card]
        out = Path(args.output)
        if args.all and out.exists() and not out.is_dir():
            raise CliError(f"{out} is not a folder (--all writes one PDF per card)", 2)
        written = []
        for rendered in render_cards(
            library,
            card_ids,
            args.region,
            args.fmt,
            lang=args.lang,
            strict_language=not args.all,
            catalog=catalog,
            sheet=args.sheet,
            duplex=args.duplex,
            duplex_offset=offset,
            own_contacts=own,
            print_shop=args.print_shop,
        ):
            path = (
                out
                / output_name(
                    rendered.card_id,
                    args.region,
                    args.fmt,
                    rendered.language,
                    args.sheet,
                    args.print_shop,
                )
                if args.all
                else out
            )
            atomic.write_bytes(path, rendered.pdf)
            record_render(ctx.userdata, rendered, path)
            for warning in rendered.warnings:
                print(f"vnr-desktop: warning: {warning}", file=sys.stderr)
            written.append((path, rendered))
    except CardOverflowError as exc:
        raise CliError(str(exc), exit_code=1) from None
    except CardRequestError as exc:
        raise CliError(str(exc), exit_code=2) from None
    except errors as exc:
        raise CliError(str(exc), exit_code=3) from None
    _report_written(written, args.json)
    return 0


def _report_written(written: list[tuple[Path, Any]], as_json: bool) -> None:
    """What ``cards render`` wrote: JSON, or one line per file."""
    if as_json:
        print_json(
            [
                {
                    "path": str(p),
                    "card": r.card_id,
                    "region": r.region,
                    "format": r.format,
                    "sheet": r.sheet,
                    "language": r.language,
                    "content_version": r.content_version,
                    "content_hash": r.content_hash,
                    "numbers": list(r.printed_numbers),
                    "own_numbers": list(r.own_numbers),
                    "warnings": list(r.warnings),
                    "qr": r.qr_payload,
                    "print_shop": r.print_shop,
                }
                for p, r in written
            ]
        )
    else:
        for p, r in written:
            print(f"{p}  ({r.card_id}, {r.region}, {r.format}, innhold {r.content_version})")


def cmd_sheet(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core import atomic
    from vnr_desktop.core.cards.errors import CardRequestError
    from vnr_desktop.core.cards.layout import CardOverflowError
    from vnr_desktop.core.cards.render import render_mixed

    settings = ctx.userdata.settings()
    offset = (settings.duplex_offset.x_mm, settings.duplex_offset.y_mm)
    try:
        sheet = render_mixed(
            ctx.library,
            args.region,
            args.fmt,
            sheet=args.sheet,
            duplex=args.duplex,
            lang=args.lang,
            duplex_offset=offset,
            print_shop=args.print_shop,
        )
    except CardOverflowError as exc:
        raise CliError(str(exc), exit_code=1) from None
    except CardRequestError as exc:
        raise CliError(str(exc), exit_code=2) from None
    except _card_errors() as exc:
        raise CliError(str(exc), exit_code=3) from None
    atomic.write_bytes(Path(args.output), sheet.pdf)
    for warning in sheet.warnings:
        print(f"vnr-desktop: warning: {warning}", file=sys.stderr)
    if args.json:
        print_json(
            {
                "path": args.output,
                "region": sheet.region,
                "format": sheet.format,
                "sheet": sheet.sheet,
                "cards": list(sheet.cards),
                "content_versions": list(sheet.content_versions),
                "print_shop": sheet.print_shop,
            }
        )
    else:
        print(f"{args.output}  ({len(sheet.cards)} kort, {sheet.region}, {sheet.format})")
    return 0


def cmd_validate(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core.cards.layout import CardOverflowError
    from vnr_desktop.core.cards.loader import check_against_library, load_catalog
    from vnr_desktop.core.cards.render import prepare
    from vnr_desktop.core.cards.resolve import card_regions

    result = load_catalog()
    problems: list[dict[str, object]] = [d.as_dict() for d in result.diagnostics]
    warnings: set[str] = set()
    if result.catalog is not None:
        catalog = result.catalog
        problems += [d.as_dict() for d in check_against_library(catalog, ctx.library)]
        for card_id, card in catalog.cards.items():
            for region in card_regions(ctx.library):
                for fmt in FORMAT_IDS:
                    for lang in card.languages:
                        try:
                            rc, _, _ = prepare(
                                ctx.library, card_id, region, fmt, lang=lang, catalog=catalog
                            )
                            warnings.update(rc.warnings)
                        except CardOverflowError as exc:
                            problems.append(
                                {
                                    "severity": "error",
                                    "file": catalog.files[card_id],
                                    "code": "overflow",
                                    "message": str(exc),
                                }
                            )
                        except _card_errors() as exc:
                            problems.append(
                                {
                                    "severity": "error",
                                    "file": catalog.files[card_id],
                                    "code": "render",
                                    "message": str(exc),
                                }
                            )
    problems += [
        {"severity": "warning", "file": "", "code": "gap", "message": w} for w in sorted(warnings)
    ]
    errors = [p for p in problems if p["severity"] == "error"]
    if args.json:
        print_json({"ok": not errors, "problems": problems})
    else:
        for p in problems:
            where = f"{p['file']}: " if p.get("file") else ""
            line = f":{p['line']}" if p.get("line") else ""
            print(
                f"{where.rstrip(': ')}{line}{': ' if where else ''}{p['severity']}: {p['message']}",
                file=sys.stderr,
            )
        print("ok" if not errors else f"{len(errors)} error(s)")
    return 0 if not errors else 1


def cmd_duplex_test(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core import atomic
    from vnr_desktop.core.cards.duplex_test import render_duplex_test

    settings = ctx.userdata.settings()
    offset = (settings.duplex_offset.x_mm, settings.duplex_offset.y_mm)
    pdf = render_duplex_test(duplex=args.duplex, offset_mm=offset, lang=args.lang)
    atomic.write_bytes(Path(args.output), pdf)
    print(f"{args.output}  (korreksjon nå: X {offset[0]:+.1f} mm, Y {offset[1]:+.1f} mm)")
    return 0


def cmd_duplex_offset(ctx: Context, args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from vnr_desktop.core.settings import DuplexOffset

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

"""CLI: the card commands that draw (list, render, sheet, validate, duplex-test).

Imported by cli.cards_cmd only when one of them runs, so ReportLab loads for these commands
and not for every command of the CLI (``vnr-desktop --version`` included).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from vnr_desktop.cli.common import CliError, Context, print_json
from vnr_desktop.core import atomic
from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.duplex_test import render_duplex_test
from vnr_desktop.core.cards.errors import CardError, CardRequestError, GlyphError, QrPayloadError
from vnr_desktop.core.cards.history import record_render
from vnr_desktop.core.cards.layout import CardOverflowError
from vnr_desktop.core.cards.loader import check_against_library, load_catalog, shipped_catalog
from vnr_desktop.core.cards.render import (
    list_cards,
    output_name,
    prepare,
    render_cards,
    render_mixed,
)
from vnr_desktop.core.cards.resolve import card_regions

CARD_ERRORS: tuple[type[Exception], ...] = (CardError, QrPayloadError, GlyphError)
"""What a card command reports as "something failed" (exit code 3)."""


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    cards = list_cards(lang=args.lang)
    if args.json:
        print_json([c.as_dict() for c in cards])
        return 0
    for c in cards:
        langs = "/".join(c.languages)
        print(f"{c.id:<10} {c.short_title}  [{langs}]")
    return 0


def cmd_render(ctx: Context, args: argparse.Namespace) -> int:
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
    except CARD_ERRORS as exc:
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
    except CARD_ERRORS as exc:
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
                        except CARD_ERRORS as exc:  # an overflow is a CardError too
                            overflow = isinstance(exc, CardOverflowError)
                            problems.append(
                                {
                                    "severity": "error",
                                    "file": catalog.files[card_id],
                                    "code": "overflow" if overflow else "render",
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
    settings = ctx.userdata.settings()
    offset = (settings.duplex_offset.x_mm, settings.duplex_offset.y_mm)
    pdf = render_duplex_test(duplex=args.duplex, offset_mm=offset, lang=args.lang)
    atomic.write_bytes(Path(args.output), pdf)
    print(f"{args.output}  (korreksjon nå: X {offset[0]:+.1f} mm, Y {offset[1]:+.1f} mm)")
    return 0

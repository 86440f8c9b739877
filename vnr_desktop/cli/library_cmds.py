"""CLI: library status, list, show, bundle validate, bundle install, bundle rollback."""

from __future__ import annotations

import argparse
import sys

from vnr_desktop.cli.common import CliError, Context, existing_path, print_json
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.dates import as_of_text
from vnr_desktop.core.library import LibraryError
from vnr_desktop.core.models import ITEM_KINDS, Contact, Guide, Plan
from vnr_desktop.core.phones import phones_to_show
from vnr_desktop.core.provenance import coverage_note, legal_ref_line, municipalities_line


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    lib = sub.add_parser("library", help="the installed content")
    lib_sub = lib.add_subparsers(dest="library_command", metavar="SUBCOMMAND", required=True)
    status = lib_sub.add_parser("status", help="installed bundles and their versions")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_library_status)

    lst = sub.add_parser("list", help="list items")
    lst.add_argument("--kind", choices=ITEM_KINDS)
    lst.add_argument("--region", metavar="ID", help="bundle/region id, e.g. gjovik")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="show one item (ID or BUNDLE:ID)")
    show.add_argument("ref")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    bundle = sub.add_parser("bundle", help="validate, build, sign, install bundles")
    bundle_sub = bundle.add_subparsers(dest="bundle_command", metavar="SUBCOMMAND", required=True)
    validate = bundle_sub.add_parser("validate", help="check a bundle source folder")
    validate.add_argument("path")
    validate.add_argument("--json", action="store_true")
    validate.add_argument(
        "--strict", action="store_true", help="treat unresolved conflicts as errors (as build does)"
    )
    validate.set_defaults(handler=cmd_bundle_validate)
    install = bundle_sub.add_parser(
        "install", help="install a bundle source folder (unsigned, local)"
    )
    install.add_argument("path")
    install.set_defaults(handler=cmd_bundle_install)
    rollback = bundle_sub.add_parser("rollback", help="go back to the previous version of a bundle")
    rollback.add_argument("bundle_id")
    rollback.set_defaults(handler=cmd_bundle_rollback)
    # bundle build / bundle sign are registered by vnr_desktop.cli.feed_cmds
    bundle.set_defaults(bundle_sub=bundle_sub)


def cmd_library_status(ctx: Context, args: argparse.Namespace) -> int:
    bundles = ctx.library.bundles()
    if args.json:
        counts = {b.id: len(ctx.library.items(region=b.id)) for b in bundles}
        print_json(
            {
                "data_dir": str(ctx.paths.data),
                "bundles": [{**b.as_dict(), "items": counts[b.id]} for b in bundles],
            }
        )
        return 0
    print(f"Bibliotek: {ctx.paths.library_db}")
    for b in bundles:
        n = len(ctx.library.items(region=b.id))
        print(f"  {b.id:<12} v{b.version:<4} {b.issued.isoformat()}  {n:>4} elementer  {b.title}")
        if not b.manifest.is_national:
            print(f"  {'':<12} Kommuner: {municipalities_line(b.manifest)}")
        note = coverage_note(b.manifest)
        if note:
            print(f"  {'':<12} {note}")
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    if args.region and ctx.library.bundle(args.region) is None:
        known = ", ".join(b.id for b in ctx.library.bundles())
        raise CliError(f"unknown region {args.region!r} (installed: {known})", exit_code=2)
    records = ctx.library.items(kind=args.kind, region=args.region)
    if args.json:
        print_json(
            [
                {
                    "ref": r.ref,
                    "id": r.item_id,
                    "kind": r.kind,
                    "title": r.title,
                    "region": r.bundle_id,
                }
                for r in records
            ]
        )
        return 0
    for r in records:
        print(f"{r.ref:<40} {r.kind:<9} {r.title}")
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    try:
        record = ctx.library.get(args.ref)
    except LibraryError as exc:
        raise CliError(str(exc), exit_code=2) from None
    if record is None:
        raise CliError(f"no item {args.ref!r} in the library", exit_code=1)
    if args.json:
        print_json(record.as_dict())
        return 0
    item = record.item
    print(f"{record.title}  [{record.kind}, {record.ref}]")
    if isinstance(item, Contact):
        shown = phones_to_show(item)
        for phone in shown.shown:
            extra = ", ".join(
                x for x in (phone.label, phone.hours, "SMS" if phone.sms else None) if x
            )
            print(f"  tlf {phone.display}" + (f"  ({extra})" if extra else ""))
        for held in shown.withheld:
            print(f"  (et nummer vises ikke / a number is withheld: {held.reason})")
        if not item.phones:
            print(f"  (ingen telefonnummer i kilden: {item.no_phone_reason})")
    bundle = ctx.library.bundle(record.bundle_id)
    if isinstance(item, Plan) and bundle is not None:
        print(f"  Kommuner: {municipalities_line(bundle.manifest)}")
        note = coverage_note(bundle.manifest)
        if note:
            print(f"  {note}")
    if isinstance(item, Guide):
        for section in item.sections:
            for ref in section.legal_refs:
                print(f"  {legal_ref_line(ref)}")
    prov = item.provenance
    print(f"  Kilde: {prov.source}, {prov.section}, per {as_of_text(prov)}")
    return 0


def cmd_bundle_validate(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.path)
    try:
        external = ctx.library.item_ids_of
    except CliError as exc:
        # Validation must work even when the local library cannot be opened.
        print(f"note: cross-bundle references not checked: {exc}", file=sys.stderr)
        external = None
    result = load_bundle_dir(path, strict=args.strict, external_ids=external)
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "bundle": result.bundle.id if result.bundle else None,
                "version": result.bundle.version if result.bundle else None,
                "items": sum(1 for _ in result.bundle.items()) if result.bundle else 0,
                "diagnostics": [d.as_dict() for d in result.diagnostics],
            }
        )
    else:
        for d in result.diagnostics:
            print(str(d), file=sys.stderr)
        if result.ok and result.bundle is not None:
            n = sum(1 for _ in result.bundle.items())
            print(
                f"{path}: OK: {result.bundle.id} v{result.bundle.version}, {n} items, "
                f"{len(result.warnings)} warnings"
            )
        else:
            print(
                f"{path}: {len(result.errors)} errors, {len(result.warnings)} warnings",
                file=sys.stderr,
            )
    return 0 if result.ok else 1


def cmd_bundle_install(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.path)
    try:
        result = ctx.library.install_dir(path)
    except LibraryError as exc:
        raise CliError(str(exc), exit_code=1) from None
    print(str(result))
    return 0


def cmd_bundle_rollback(ctx: Context, args: argparse.Namespace) -> int:
    try:
        result = ctx.library.rollback(args.bundle_id)
    except LibraryError as exc:
        raise CliError(str(exc), exit_code=1) from None
    print(str(result))
    return 0

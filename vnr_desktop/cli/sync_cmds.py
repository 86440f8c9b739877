"""CLI: the client's side of signed content updates.

    vnr-desktop sync [--source URL|DIR] [--check]
    vnr-desktop import PATH                      # bundle file (+ .minisig) or feed folder
    vnr-desktop export --region gjovik -o DIR

Publishing lives in keys_cmds (keys) and feed_cmds (bundle build/sign/verify, feed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vnr_desktop.cli.common import Context, existing_path, print_json
from vnr_desktop.cli.sync_common import (
    deadline_args,
    http_client,
    make_updater,
    progress_printer,
    sync_failure,
)
from vnr_desktop.core.sync.errors import SyncError
from vnr_desktop.core.sync.updater import DEFAULT_FEED_URL, UpdateResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sync = sub.add_parser("sync", help="check for and install signed content updates")
    sync.add_argument(
        "--source", metavar="URL|DIR", help="feed address or folder (default: settings)"
    )
    sync.add_argument("--check", action="store_true", help="only check, install nothing")
    sync.add_argument("--bundle", action="append", metavar="ID", help="only this bundle")
    sync.add_argument("--status", action="store_true", help="show how fresh each feed is")
    sync.add_argument("--json", action="store_true")
    deadline_args(sync)
    sync.set_defaults(handler=cmd_sync)

    imp = sub.add_parser("import", help="import a bundle file (+ .minisig) or a feed folder")
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--json", action="store_true")
    deadline_args(imp)
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser("export", help="write a region's signed content as a feed folder")
    exp.add_argument("--region", required=True, metavar="ID")
    exp.add_argument("-o", "--output", required=True, metavar="DIR")
    exp.set_defaults(handler=cmd_export)


def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    updater = make_updater(ctx, http_client(args))
    if args.status:
        statuses = updater.feed_statuses()
        if args.json:
            print_json(
                [
                    {
                        "feed": s.feed_id,
                        "sequence": s.sequence,
                        "issued": s.issued.isoformat(),
                        "expires": s.expires.isoformat(),
                        "expired": s.expired,
                        "message": s.message,
                    }
                    for s in statuses
                ]
            )
        else:
            for s in statuses:
                print(f"{s.feed_id}: {s.message}")
            if not statuses:
                print("Ingen oppdateringer er hentet ennå.")
        return 0
    source = args.source or ctx.userdata.settings().update_source or DEFAULT_FEED_URL
    progress = progress_printer(not args.json)
    try:
        check = updater.check(source, progress=progress)  # type: ignore[arg-type]
        if args.check:
            if args.json:
                print_json(check.as_dict())
            else:
                print(check.message)
                for skipped in check.skipped:
                    print(f"  {skipped.reason}")
            return 0
        result = updater.apply(check, only=args.bundle, progress=progress)  # type: ignore[arg-type]
    except SyncError as exc:
        if args.json:
            print_json({"ok": False, **exc.as_dict()})
        raise sync_failure(exc) from None
    return _print_update(result, args.json)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.path)
    updater = make_updater(ctx, http_client(args))
    try:
        result = updater.import_path(path, progress=progress_printer(not args.json))  # type: ignore[arg-type]
    except SyncError as exc:
        if args.json:
            print_json({"ok": False, **exc.as_dict()})
        raise sync_failure(exc) from None
    return _print_update(result, args.json)


def _print_update(result: UpdateResult, as_json: bool) -> int:
    if as_json:
        print_json({"ok": not result.failed, **result.as_dict()})
        return 0 if not result.failed else 3
    print(result.message)
    for line in result.change_lines():
        print(line)
    if result.stale_prints:
        print("Trykte kort som bør skrives ut på nytt:")
        for s in result.stale_prints:
            r = s.record
            print(f"  {r.card_id} ({r.region}, {r.format}, trykt {r.printed_at[:10]}): {s.reason}")
    for skipped in result.skipped:
        print(f"Hoppet over: {skipped.reason}")
    return 0 if not result.failed else 3


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    updater = make_updater(ctx)
    try:
        result = updater.export_region(args.region, Path(args.output))
    except SyncError as exc:
        raise sync_failure(exc) from None
    print(result.message)
    return 0

"""CLI: bundle build/sign/verify and feed publish/serve (the municipality's content editor).

vnr-desktop bundle build SRC -o gjovik-4.vnrb
vnr-desktop bundle sign gjovik-4.vnrb --key kommune.key
vnr-desktop feed publish gjovik-4.vnrb --key kommune.key -o FEED_DIR --feed-id gjovik
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vnr_desktop.cli.common import CliError, Context, existing_path
from vnr_desktop.cli.sync_common import load_secret, passphrase_args, sync_failure
from vnr_desktop.core.library import LibraryError
from vnr_desktop.core.site.serve import serve_folder
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.archive import build_bundle
from vnr_desktop.core.sync.catalog import DEFAULT_VALID_DAYS, publish_feed
from vnr_desktop.core.sync.errors import ContentInvalid, SyncError
from vnr_desktop.core.sync.keyring import trusted_keys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    bundle_parser = sub.choices["bundle"]
    bundle_sub = bundle_parser.get_default("bundle_sub")
    build = bundle_sub.add_parser("build", help="validate a bundle source folder and pack it")
    build.add_argument("src", metavar="SRC")
    build.add_argument("-o", "--output", required=True, metavar="FILE")
    build.set_defaults(handler=cmd_bundle_build)
    sign = bundle_sub.add_parser("sign", help="sign a bundle file: writes FILE.minisig")
    sign.add_argument("file", metavar="FILE")
    sign.add_argument("--key", required=True, metavar="KEY")
    sign.add_argument("--comment", help="trusted comment (default: time, file name)")
    passphrase_args(sign)
    sign.set_defaults(handler=cmd_bundle_sign)
    verify = bundle_sub.add_parser("verify", help="check FILE.minisig against trusted keys")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--key", metavar="KEY.pub", help="check against this public key only")
    verify.set_defaults(handler=cmd_bundle_verify)

    feed = sub.add_parser("feed", help="static update feeds")
    feed_sub = feed.add_subparsers(dest="feed_command", metavar="SUBCOMMAND", required=True)
    pub = feed_sub.add_parser("publish", help="write a signed feed folder from bundle files")
    pub.add_argument("bundles", nargs="+", metavar="BUNDLE")
    pub.add_argument("--key", required=True, metavar="KEY")
    pub.add_argument("-o", "--output", required=True, metavar="FEED_DIR")
    pub.add_argument("--feed-id", help="the feed's name (default: the folder's name)")
    pub.add_argument("--publisher", default="", help="who publishes (shown to users)")
    pub.add_argument("--valid-days", type=int, default=DEFAULT_VALID_DAYS)
    pub.add_argument("--sequence", type=int, help="catalog number (default: grows automatically)")
    pub.add_argument(
        "--endorsement",
        metavar="KEY.pub",
        help="the signing key's .pub with its root endorsement (.pub.minisig) to include",
    )
    pub.add_argument(
        "--changelog",
        action="append",
        default=[],
        metavar="[ID=]TEXT",
        help="short change note for all bundles, or ID=TEXT for one",
    )
    pub.add_argument(
        "--no-site", action="store_true", help="do not write the website (index.html, cards)"
    )
    pub.add_argument(
        "--revocations",
        metavar="revoked.json",
        help="a root-signed revocation list (+ .minisig) to include in the feed",
    )
    passphrase_args(pub)
    pub.set_defaults(handler=cmd_feed_publish)
    serve = feed_sub.add_parser("serve", help="serve a feed folder and its website locally")
    serve.add_argument("folder", metavar="DIR")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--bind", default="127.0.0.1", help="address (default: 127.0.0.1 only)")
    serve.set_defaults(handler=cmd_feed_serve)


def cmd_bundle_build(ctx: Context, args: argparse.Namespace) -> int:
    src = existing_path(args.src)
    try:
        result = build_bundle(src, Path(args.output), external_ids=ctx.library.item_ids_of)
    except ContentInvalid as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        raise CliError(exc.message, exit_code=1) from None
    except SyncError as exc:
        raise sync_failure(exc) from None
    for d in result.warnings:
        print(str(d), file=sys.stderr)
    h = result.header
    print(f"{result.path}: {h.id} v{h.version}, {h.items} elementer, {result.size:,} byte")
    return 0


def cmd_bundle_sign(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.file)
    secret = load_secret(args)
    out = minisign.sign_file(secret, path, args.comment)
    print(f"{out} (nøkkel-ID {secret.id_hex})")
    return 0


def cmd_bundle_verify(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.file)
    try:
        if args.key:
            key = minisign.load_public_key(existing_path(args.key))
            keys = {key.key_id: key}
        else:
            keys = {
                k.key.key_id: k.key for k in trusted_keys(ctx.userdata.settings()).keys.values()
            }
        sig = minisign.verify_file(path, path.with_name(path.name + ".minisig"), keys)
    except SyncError as exc:
        raise sync_failure(exc) from None
    print(f"{path}: signaturen er gyldig (nøkkel-ID {sig.key_id_hex})")
    print(f"Betrodd kommentar: {sig.trusted_comment}")
    return 0


def cmd_feed_publish(ctx: Context, args: argparse.Namespace) -> int:
    files = [existing_path(b) for b in args.bundles]
    out = Path(args.output)
    changelog: dict[str, str] = {}
    for note in args.changelog:
        key, sep, text = note.partition("=")
        if sep and key and " " not in key:
            changelog[key] = text
        else:
            changelog["*"] = note
    secret = load_secret(args)
    feed_id = args.feed_id or out.resolve().name.lower()
    try:
        result = publish_feed(
            files,
            secret,
            out,
            feed_id=feed_id,
            publisher=args.publisher or feed_id,
            sequence=args.sequence,
            valid_days=args.valid_days,
            changelog=changelog,
            endorsement=Path(args.endorsement) if args.endorsement else None,
            revocations=Path(args.revocations) if args.revocations else None,
        )
    except SyncError as exc:
        raise sync_failure(exc) from None
    except ValueError as exc:
        raise CliError(f"invalid feed: {exc}", exit_code=2) from None
    except OSError as exc:
        raise CliError(f"{exc.filename}: {exc.strerror}", exit_code=2) from None
    c = result.catalog
    print(f"{out}: kanal {c.feed}, nummer {c.sequence}, gyldig til {c.expires:%d.%m.%Y}")
    for b in c.bundles:
        print(f"  {b.id} v{b.version}  {b.size:,} byte  {b.path}")
    if not args.no_site:
        # ReportLab (the site's card PDFs) only for this rarely used editor's command: every
        # CLI command, --version too, imports this module.
        from vnr_desktop.core.site.publish import write_site

        try:
            site = write_site(out, c, secret)
        except SyncError as exc:
            raise sync_failure(exc) from None
        except (LibraryError, ValueError) as exc:
            raise CliError(f"the feed's website was not written: {exc}", exit_code=2) from None
        print(site.message)
        for warning in site.warnings:
            print(f"  {warning}", file=sys.stderr)
    return 0


def cmd_feed_serve(ctx: Context, args: argparse.Namespace) -> int:
    return serve_folder(existing_path(args.folder), args.bind, args.port)

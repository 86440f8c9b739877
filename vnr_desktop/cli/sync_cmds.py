"""CLI: keys, bundle build/sign/verify, feed publish, sync, import, export.

Publishing (the municipality's content editor)::

    vnr-desktop keys generate kommune            # kommune.key (passphrase) + kommune.pub
    vnr-desktop bundle build SRC -o gjovik-4.vnrb
    vnr-desktop bundle sign gjovik-4.vnrb --key kommune.key
    vnr-desktop feed publish gjovik-4.vnrb --key kommune.key -o FEED_DIR --feed-id gjovik

Client::

    vnr-desktop keys trust kommune.pub --scope gjovik   # administrator: trust a publisher
    vnr-desktop sync [--source URL|DIR] [--check]
    vnr-desktop import PATH                      # bundle file (+ .minisig) or feed folder
    vnr-desktop export --region gjovik -o DIR
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from vnr_desktop.cli.common import CliError, Context, existing_path, print_json
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.archive import build_bundle
from vnr_desktop.core.sync.catalog import DEFAULT_VALID_DAYS, publish_feed
from vnr_desktop.core.sync.errors import ContentInvalid, SyncError, WrongPassphrase
from vnr_desktop.core.sync.http import HttpClient, HttpConfig, Progress
from vnr_desktop.core.sync.keyring import trusted_keys
from vnr_desktop.core.sync.updater import DEFAULT_FEED_URL, Updater

ENV_PASSPHRASE = "VNR_KEY_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    keys = sub.add_parser("keys", help="publisher keys (minisign format)")
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="SUBCOMMAND", required=True)
    gen = keys_sub.add_parser(
        "generate", help="make a key pair: PREFIX.key (secret) and PREFIX.pub"
    )
    gen.add_argument("prefix", metavar="PREFIX")
    gen.add_argument("--force", action="store_true", help="overwrite existing files")
    gen.add_argument(
        "--kdf",
        choices=["sensitive", "interactive"],
        default="sensitive",
        help="passphrase hardening: sensitive (minisign's default, 1 GiB) or interactive (16 MiB)",
    )
    _passphrase_args(gen)
    gen.set_defaults(handler=cmd_keys_generate)
    trust = keys_sub.add_parser(
        "trust", help="trust a publisher's public key for some regions (administrators)"
    )
    trust.add_argument("public_key", metavar="KEY.pub")
    trust.add_argument(
        "--scope",
        action="append",
        default=[],
        metavar="ID",
        help="a region (bundle id) the key may publish, e.g. gjovik or nasjonal; repeat for more",
    )
    trust.add_argument(
        "--root",
        action="store_true",
        help="an offline root key: may only endorse signing keys and sign revocation lists",
    )
    trust.add_argument("--name", default="", help="who holds the key (shown in lists)")
    trust.set_defaults(handler=cmd_keys_trust)
    untrust = keys_sub.add_parser("untrust", help="stop trusting a key (administrators)")
    untrust.add_argument("key_id", metavar="KEY_ID")
    untrust.set_defaults(handler=cmd_keys_untrust)
    endorse = keys_sub.add_parser(
        "endorse", help="root key: endorse a signing key for regions until a date"
    )
    endorse.add_argument("public_key", metavar="KEY.pub")
    endorse.add_argument("--key", required=True, metavar="ROOT.key")
    endorse.add_argument("--scope", action="append", default=[], metavar="ID")
    endorse.add_argument("--valid-days", type=int, default=730)
    _passphrase_args(endorse)
    endorse.set_defaults(handler=cmd_keys_endorse)
    revoke = keys_sub.add_parser(
        "revoke", help="root key: add keys to a signed revocation list (revoked.json)"
    )
    revoke.add_argument("key_ids", nargs="+", metavar="KEY_ID")
    revoke.add_argument("--key", required=True, metavar="ROOT.key")
    revoke.add_argument("--reason", required=True)
    revoke.add_argument(
        "-o", "--output", required=True, metavar="revoked.json", help="list to write or extend"
    )
    _passphrase_args(revoke)
    revoke.set_defaults(handler=cmd_keys_revoke)
    lst = keys_sub.add_parser("list", help="the publisher keys this app trusts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_keys_list)

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
    _passphrase_args(sign)
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
    _passphrase_args(pub)
    pub.set_defaults(handler=cmd_feed_publish)
    serve = feed_sub.add_parser("serve", help="serve a feed folder and its website locally")
    serve.add_argument("folder", metavar="DIR")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--bind", default="127.0.0.1", help="address (default: 127.0.0.1 only)")
    serve.set_defaults(handler=cmd_feed_serve)

    sync = sub.add_parser("sync", help="check for and install signed content updates")
    sync.add_argument(
        "--source", metavar="URL|DIR", help="feed address or folder (default: settings)"
    )
    sync.add_argument("--check", action="store_true", help="only check, install nothing")
    sync.add_argument("--bundle", action="append", metavar="ID", help="only this bundle")
    sync.add_argument("--status", action="store_true", help="show how fresh each feed is")
    sync.add_argument("--json", action="store_true")
    _deadline_args(sync)
    sync.set_defaults(handler=cmd_sync)

    imp = sub.add_parser("import", help="import a bundle file (+ .minisig) or a feed folder")
    imp.add_argument("path", metavar="PATH")
    imp.add_argument("--json", action="store_true")
    _deadline_args(imp)
    imp.set_defaults(handler=cmd_import)

    exp = sub.add_parser("export", help="write a region's signed content as a feed folder")
    exp.add_argument("--region", required=True, metavar="ID")
    exp.add_argument("-o", "--output", required=True, metavar="DIR")
    exp.set_defaults(handler=cmd_export)


# --------------------------------------------------------------------------- helpers


def _deadline_args(parser: argparse.ArgumentParser) -> None:
    defaults = HttpConfig()
    parser.add_argument(
        "--catalog-deadline",
        type=float,
        default=defaults.small_fetch_deadline,
        metavar="SECONDS",
        help="one time limit for each catalog, signature or key request, from connect to "
        f"last byte (default {defaults.small_fetch_deadline:g})",
    )
    parser.add_argument(
        "--bundle-deadline",
        type=float,
        default=defaults.bundle_deadline_floor,
        metavar="SECONDS",
        help="the least time a bundle download gets; larger bundles get more, in proportion "
        f"to their size (default {defaults.bundle_deadline_floor:g})",
    )


def _http(args: argparse.Namespace) -> HttpClient:
    for name in ("catalog_deadline", "bundle_deadline"):
        if not 1 <= getattr(args, name) <= 86_400:
            raise CliError(f"--{name.replace('_', '-')} must be 1–86400 seconds", exit_code=2)
    return HttpClient(
        HttpConfig(
            small_fetch_deadline=args.catalog_deadline,
            bundle_deadline_floor=args.bundle_deadline,
        )
    )


def _passphrase_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    group.add_argument(
        "--passphrase-stdin", action="store_true", help="read the passphrase from standard input"
    )


def _passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    if args.passphrase_file:
        return existing_path(args.passphrase_file).read_text("utf-8").rstrip("\r\n")
    if args.passphrase_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(
            f"give the passphrase with --passphrase-file, --passphrase-stdin or ${ENV_PASSPHRASE}",
            exit_code=2,
        )
    first = getpass.getpass("Passord for nøkkelen: ")
    if confirm and getpass.getpass("Gjenta passordet: ") != first:
        raise CliError("the passphrases differ", exit_code=2)
    return first


def _fail(exc: SyncError) -> CliError:
    message = exc.message
    if exc.detail:
        message += "\n" + exc.detail
    return CliError(message, exit_code=1 if isinstance(exc, ContentInvalid) else 3)


def _load_secret(args: argparse.Namespace) -> minisign.SecretKey:
    path = existing_path(args.key)
    try:
        try:
            # An unencrypted key (minisign -G -W) needs no passphrase.
            return minisign.load_secret_key(path, None)
        except WrongPassphrase:
            return minisign.load_secret_key(path, _passphrase(args))
    except SyncError as exc:
        raise _fail(exc) from None


def _updater(ctx: Context, http: HttpClient | None = None) -> Updater:
    settings = ctx.userdata.settings()
    try:
        keys = trusted_keys(settings)
    except SyncError as exc:
        raise _fail(exc) from None
    return Updater(ctx.library, ctx.paths, keys=keys, userdata=ctx.userdata, http=http)


def _progress_printer(enabled: bool) -> object:
    last: list[str] = [""]

    def show(p: Progress) -> None:
        if not enabled or p.message == last[0] or p.phase == "download":
            return
        last[0] = p.message
        print(p.message, file=sys.stderr)

    return show


# --------------------------------------------------------------------------- keys


def cmd_keys_generate(ctx: Context, args: argparse.Namespace) -> int:
    prefix = Path(args.prefix)
    sec, pub = prefix.with_name(prefix.name + ".key"), prefix.with_name(prefix.name + ".pub")
    for path in (sec, pub):
        if path.exists() and not args.force:
            raise CliError(f"{path} exists (use --force to overwrite)", exit_code=2)
    passphrase = _passphrase(args, confirm=True)
    if not passphrase:
        raise CliError("the passphrase cannot be empty", exit_code=2)
    ops, mem = (
        (minisign.OPSLIMIT_SENSITIVE, minisign.MEMLIMIT_SENSITIVE)
        if args.kdf == "sensitive"
        else (minisign.OPSLIMIT_INTERACTIVE, minisign.MEMLIMIT_INTERACTIVE)
    )
    secret = minisign.generate_keypair()
    sec.parent.mkdir(parents=True, exist_ok=True)
    text = minisign.secret_key_file_text(secret, passphrase, opslimit=ops, memlimit=mem)
    fd = os.open(sec, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    pub.write_text(secret.public_key.to_file_text(), encoding="utf-8")
    print(f"Hemmelig nøkkel: {sec} (hold den hemmelig, ta sikkerhetskopi)")
    print(f"Offentlig nøkkel: {pub} (nøkkel-ID {secret.id_hex})")
    print(f"Sjekk en fil med: minisign -Vm FIL -P {secret.public_key.to_base64()}")
    return 0


def _read_pub(text: str) -> tuple[minisign.PublicKey, bytes]:
    path = existing_path(text)
    try:
        key = minisign.load_public_key(path)
        return key, path.read_bytes()
    except SyncError as exc:
        raise _fail(exc) from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}", exit_code=2) from None


def cmd_keys_trust(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core.settings import PublisherKey
    from vnr_desktop.core.sync.keyring import check_scope
    from vnr_desktop.core.sync.trust import fingerprint

    key, _ = _read_pub(args.public_key)
    try:
        scope = check_scope(args.scope)
    except SyncError as exc:
        raise CliError(
            f"{exc.message}\n{exc.message_en}\n"
            f"(nøkkel-ID {key.id_hex}, fingeravtrykk {fingerprint(key)})",
            exit_code=2,
        ) from None
    role = "root" if args.root else "publisher"
    settings = ctx.userdata.settings()
    line = key.to_base64()
    keep = [e for e in settings.publisher_keys if e.key.strip() != line]
    entry = PublisherKey(key=line, scope=scope, role=role, name=args.name)
    settings.publisher_keys = [*keep, entry]
    settings.extra_public_keys = [t for t in settings.extra_public_keys if line not in t]
    ctx.userdata.save_settings(settings)
    what = "rotnøkkel (godkjenner nøkler, signerer aldri innhold)" if args.root else "utgivernøkkel"
    print(f"Stoler nå på nøkkel {key.id_hex} som {what} for: {', '.join(scope)}")
    print(f"Fingeravtrykk: {fingerprint(key)} (sammenlign med utgiverens)")
    return 0


def cmd_keys_untrust(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core.sync.endorsement import same_key_id

    settings = ctx.userdata.settings()
    keep = []
    for e in settings.publisher_keys:
        try:
            key_id = minisign.parse_public_key(e.key).key_id
        except SyncError:
            keep.append(e)
            continue
        if not same_key_id(args.key_id, key_id):
            keep.append(e)
    if len(keep) == len(settings.publisher_keys):
        raise CliError(f"ingen betrodd nøkkel har ID {args.key_id}", exit_code=2)
    settings.publisher_keys = keep
    ctx.userdata.save_settings(settings)
    print(f"Stoler ikke lenger på nøkkel {args.key_id.upper()}")
    return 0


def cmd_keys_endorse(ctx: Context, args: argparse.Namespace) -> int:
    import datetime as _dt

    from vnr_desktop.core.sync.endorsement import endorse
    from vnr_desktop.core.sync.keyring import check_scope

    key, pub_text = _read_pub(args.public_key)
    try:
        scope = check_scope(args.scope)
    except SyncError as exc:
        raise CliError(f"{exc.message}\n{exc.message_en}", exit_code=2) from None
    if not 1 <= args.valid_days <= 3650:
        raise CliError("--valid-days must be between 1 and 3650", exit_code=2)
    root = _load_secret(args)
    until = _dt.date.today() + _dt.timedelta(days=args.valid_days)
    # The exact bytes of the .pub file are signed: feed publish copies that same file.
    sig = endorse(root, pub_text, until, scope)
    out = Path(args.public_key + ".minisig")
    out.write_bytes(sig)
    print(
        f"{out}: {key.id_hex} godkjent av {root.id_hex} for {', '.join(scope)} til {until:%d.%m.%Y}"
    )
    print(f"Sjekk: minisign -Vm {args.public_key} -p ROT.pub")
    return 0


def cmd_keys_revoke(ctx: Context, args: argparse.Namespace) -> int:
    import datetime as _dt

    from vnr_desktop.core.sync import revocation

    try:
        ids = [revocation.normalise_key_id(k) for k in args.key_ids]
    except ValueError as exc:
        raise CliError(str(exc), exit_code=2) from None
    out = Path(args.output)
    previous = None
    if out.is_file():
        try:
            previous = revocation.parse(out.read_bytes())
        except SyncError as exc:
            raise _fail(exc) from None
    root = _load_secret(args)
    today = _dt.date.today()
    entries = [revocation.RevokedKey(key=i, reason=args.reason, date=today) for i in ids]
    raw, sig = revocation.build(root, entries, previous, today)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.with_name(out.name + ".minisig").write_bytes(sig)
    out.write_bytes(raw)
    print(f"{out}: {', '.join(ids)} trukket tilbake av {root.id_hex}")
    print(f"Sjekk: minisign -Vm {out} -p ROT.pub")
    return 0


def cmd_keys_list(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core.sync.keyring import unscoped_keys
    from vnr_desktop.core.sync.trust import fingerprint

    settings = ctx.userdata.settings()
    updater = _updater(ctx)
    rows: list[dict[str, object]] = []
    for tk in updater.trust.all_keys():
        row = tk.as_dict()
        revoked = updater.trust.revoked(tk)
        row["revoked"] = (
            {"reason": revoked.reason, "date": revoked.date.isoformat(), "by": revoked.by.id_hex}
            if revoked
            else None
        )
        rows.append(row)
    listed = {str(r["id"]) for r in rows}
    for rev in updater.trust.revocations:
        if rev.key_hex in listed:
            continue
        listed.add(rev.key_hex)
        rows.append(
            {
                "id": rev.key_hex,
                "role": None,
                "scope": [],
                "origin": "revoked",
                "expiry": None,
                "revoked": {
                    "reason": rev.reason,
                    "date": rev.date.isoformat(),
                    "by": rev.by.id_hex,
                },
            }
        )
    for key in unscoped_keys(settings):
        rows.append(
            {
                "id": key.id_hex,
                "fingerprint": fingerprint(key),
                "role": None,
                "scope": [],
                "origin": "settings-unscoped",
                "expiry": None,
                "revoked": None,
                "note": "not trusted: trust again with keys trust KEY.pub --scope ID",
            }
        )
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("Appen stoler ikke på noen utgivernøkler ennå (vnr-desktop keys trust --scope).")
    for r in rows:
        scope = ", ".join(r["scope"]) or "—"  # type: ignore[arg-type]
        until = f", til {r['expiry']}" if r.get("expiry") else ""
        status = " TRUKKET TILBAKE" if r.get("revoked") else ""
        if r["origin"] == "settings-unscoped":
            status = " IKKE I BRUK: mangler omfang, stol på den igjen med --scope"
        print(f"{r['id']}  {r['role'] or '-'}  {scope}  ({r['origin']}{until}){status}")
    return 0


# --------------------------------------------------------------------------- bundles and feeds


def cmd_bundle_build(ctx: Context, args: argparse.Namespace) -> int:
    src = existing_path(args.src)
    try:
        result = build_bundle(src, Path(args.output), external_ids=ctx.library.item_ids_of)
    except ContentInvalid as exc:
        for line in exc.problems:
            print(line, file=sys.stderr)
        raise CliError(exc.message, exit_code=1) from None
    except SyncError as exc:
        raise _fail(exc) from None
    for d in result.warnings:
        print(str(d), file=sys.stderr)
    h = result.header
    print(f"{result.path}: {h.id} v{h.version}, {h.items} elementer, {result.size:,} byte")
    return 0


def cmd_bundle_sign(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.file)
    secret = _load_secret(args)
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
        raise _fail(exc) from None
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
    secret = _load_secret(args)
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
        raise _fail(exc) from None
    except ValueError as exc:
        raise CliError(f"invalid feed: {exc}", exit_code=2) from None
    except OSError as exc:
        raise CliError(f"{exc.filename}: {exc.strerror}", exit_code=2) from None
    c = result.catalog
    print(f"{out}: kanal {c.feed}, nummer {c.sequence}, gyldig til {c.expires:%d.%m.%Y}")
    for b in c.bundles:
        print(f"  {b.id} v{b.version}  {b.size:,} byte  {b.path}")
    if not args.no_site:
        from vnr_desktop.core.library import LibraryError
        from vnr_desktop.core.site.publish import write_site

        try:
            site = write_site(out, c, secret)
        except SyncError as exc:
            raise _fail(exc) from None
        except (LibraryError, ValueError) as exc:
            raise CliError(f"the feed's website was not written: {exc}", exit_code=2) from None
        print(site.message)
        for warning in site.warnings:
            print(f"  {warning}", file=sys.stderr)
    return 0


def cmd_feed_serve(ctx: Context, args: argparse.Namespace) -> int:
    from vnr_desktop.core.site.serve import serve_folder

    return serve_folder(existing_path(args.folder), args.bind, args.port)


# --------------------------------------------------------------------------- client


def cmd_sync(ctx: Context, args: argparse.Namespace) -> int:
    updater = _updater(ctx, _http(args))
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
    progress = _progress_printer(not args.json)
    try:
        check = updater.check(source, progress=progress)  # type: ignore[arg-type]
        if args.check:
            if args.json:
                print_json(check.as_dict())
            else:
                print(check.message)
                for s in check.skipped:
                    print(f"  {s.reason}")
            return 0
        result = updater.apply(check, only=args.bundle, progress=progress)  # type: ignore[arg-type]
    except SyncError as exc:
        if args.json:
            print_json({"ok": False, **exc.as_dict()})
        raise _fail(exc) from None
    return _print_update(result, args.json)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    path = existing_path(args.path)
    updater = _updater(ctx, _http(args))
    try:
        result = updater.import_path(path, progress=_progress_printer(not args.json))  # type: ignore[arg-type]
    except SyncError as exc:
        if args.json:
            print_json({"ok": False, **exc.as_dict()})
        raise _fail(exc) from None
    return _print_update(result, args.json)


def _print_update(result: object, as_json: bool) -> int:
    from vnr_desktop.core.sync.updater import UpdateResult

    assert isinstance(result, UpdateResult)
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
    for s in result.skipped:
        print(f"Hoppet over: {s.reason}")
    return 0 if not result.failed else 3


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    updater = _updater(ctx)
    try:
        result = updater.export_region(args.region, Path(args.output))
    except SyncError as exc:
        raise _fail(exc) from None
    print(result.message)
    return 0

"""CLI: publisher keys (minisign format).

vnr-desktop keys generate kommune            # kommune.key (passphrase) + kommune.pub
vnr-desktop keys trust kommune.pub --scope gjovik   # administrator: trust a publisher
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
from pathlib import Path

from vnr_desktop.cli.common import CliError, Context, existing_path, print_json
from vnr_desktop.cli.sync_common import (
    load_secret,
    make_updater,
    passphrase_args,
    read_passphrase,
    sync_failure,
)
from vnr_desktop.core.settings import PublisherKey
from vnr_desktop.core.sync import minisign, revocation
from vnr_desktop.core.sync.endorsement import endorse, same_key_id
from vnr_desktop.core.sync.errors import SyncError
from vnr_desktop.core.sync.keyring import check_scope, unscoped_keys
from vnr_desktop.core.sync.trust import fingerprint


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
    passphrase_args(gen)
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
    passphrase_args(endorse)
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
    passphrase_args(revoke)
    revoke.set_defaults(handler=cmd_keys_revoke)
    lst = keys_sub.add_parser("list", help="the publisher keys this app trusts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_keys_list)


def cmd_keys_generate(ctx: Context, args: argparse.Namespace) -> int:
    prefix = Path(args.prefix)
    sec, pub = prefix.with_name(prefix.name + ".key"), prefix.with_name(prefix.name + ".pub")
    for path in (sec, pub):
        if path.exists() and not args.force:
            raise CliError(f"{path} exists (use --force to overwrite)", exit_code=2)
    passphrase = read_passphrase(args, confirm=True)
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
        raise sync_failure(exc) from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror}", exit_code=2) from None


def cmd_keys_trust(ctx: Context, args: argparse.Namespace) -> int:
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
    key, pub_text = _read_pub(args.public_key)
    try:
        scope = check_scope(args.scope)
    except SyncError as exc:
        raise CliError(f"{exc.message}\n{exc.message_en}", exit_code=2) from None
    if not 1 <= args.valid_days <= 3650:
        raise CliError("--valid-days must be between 1 and 3650", exit_code=2)
    root = load_secret(args)
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
            raise sync_failure(exc) from None
    root = load_secret(args)
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
    settings = ctx.userdata.settings()
    updater = make_updater(ctx)
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

"""Shared pieces of the signing and sync commands: passphrases, secret keys, time limits,
the updater and how sync failures become CLI errors."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from vnr_desktop.cli.common import CliError, Context, existing_path
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.errors import ContentInvalid, SyncError, WrongPassphrase
from vnr_desktop.core.sync.http import HttpClient, HttpConfig, Progress
from vnr_desktop.core.sync.keyring import trusted_keys
from vnr_desktop.core.sync.updater import Updater

ENV_PASSPHRASE = "VNR_KEY_PASSPHRASE"


def deadline_args(parser: argparse.ArgumentParser) -> None:
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


def http_client(args: argparse.Namespace) -> HttpClient:
    for name in ("catalog_deadline", "bundle_deadline"):
        if not 1 <= getattr(args, name) <= 86_400:
            raise CliError(f"--{name.replace('_', '-')} must be 1–86400 seconds", exit_code=2)
    return HttpClient(
        HttpConfig(
            small_fetch_deadline=args.catalog_deadline,
            bundle_deadline_floor=args.bundle_deadline,
        )
    )


def passphrase_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    group.add_argument(
        "--passphrase-stdin", action="store_true", help="read the passphrase from standard input"
    )


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
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


def sync_failure(exc: SyncError) -> CliError:
    message = exc.message
    if exc.detail:
        message += "\n" + exc.detail
    return CliError(message, exit_code=1 if isinstance(exc, ContentInvalid) else 3)


def load_secret(args: argparse.Namespace) -> minisign.SecretKey:
    path = existing_path(args.key)
    try:
        try:
            # An unencrypted key (minisign -G -W) needs no passphrase.
            return minisign.load_secret_key(path, None)
        except WrongPassphrase:
            return minisign.load_secret_key(path, read_passphrase(args))
    except SyncError as exc:
        raise sync_failure(exc) from None


def make_updater(ctx: Context, http: HttpClient | None = None) -> Updater:
    settings = ctx.userdata.settings()
    try:
        keys = trusted_keys(settings)
    except SyncError as exc:
        raise sync_failure(exc) from None
    return Updater(ctx.library, ctx.paths, keys=keys, userdata=ctx.userdata, http=http)


def progress_printer(enabled: bool) -> object:
    last: list[str] = [""]

    def show(p: Progress) -> None:
        if not enabled or p.message == last[0] or p.phase == "download":
            return
        last[0] = p.message
        print(p.message, file=sys.stderr)

    return show

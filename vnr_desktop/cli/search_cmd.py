"""CLI: search the local library (`vnr-desktop search QUERY`)."""

from __future__ import annotations

import argparse

from vnr_desktop.cli.common import CliError, Context, print_json
from vnr_desktop.core.models import ITEM_KINDS
from vnr_desktop.core.search import (
    OWN_CONTACTS_BUNDLE,
    Hit,
    SearchFilters,
    index_own_contacts,
    search,
)

KIND_LABELS = {
    "contact": "kontakt",
    "guide": "veileder",
    "plan": "plan",
    "measure": "tiltak",
    "resource": "ressurs",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cmd = sub.add_parser(
        "search",
        help="search contacts, guides and measures",
        description=(
            "Search the installed content. Any text works: parts of words, typos, no æøå "
            "(gjovik finds Gjøvik), phone numbers with or without spaces or +47. Hits print "
            "with the matching words in [brackets]."
        ),
    )
    cmd.add_argument("query", nargs="+", help="what to look for (several words are joined)")
    cmd.add_argument(
        "--kind", choices=ITEM_KINDS, action="append", help="only this kind (repeatable)"
    )
    cmd.add_argument("--region", metavar="ID", help="only this region's items (bundle id, or egne)")
    cmd.add_argument(
        "--home", metavar="ID", help="rank this region first (default: the region in settings)"
    )
    cmd.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (20)")
    cmd.add_argument(
        "--lang",
        choices=("nb", "en"),
        help="interface language (default: settings); en searches English words in Norwegian",
    )
    cmd.add_argument("--json", action="store_true", help="print JSON")
    cmd.set_defaults(handler=cmd_search)


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise CliError("--limit must be 1 or more", exit_code=2)
    library = ctx.library
    if args.region and args.region != OWN_CONTACTS_BUNDLE and library.bundle(args.region) is None:
        known = ", ".join(b.id for b in library.bundles())
        raise CliError(f"unknown region {args.region!r} (installed: {known})", exit_code=2)
    # Own contacts are searchable too (a no-op when the index already holds them as they are).
    index_own_contacts(library.conn, ctx.userdata.own_contacts())
    settings = ctx.userdata.settings()
    filters = SearchFilters(
        kinds=tuple(args.kind or ()),
        region=args.region,
        home_region=args.home or settings.region,
        municipality=settings.municipality,
    )
    language = args.lang or settings.language
    hits = search(library, " ".join(args.query), filters, limit=args.limit, language=language)
    if args.json:
        print_json([hit.as_dict() for hit in hits])
        return 0
    if not hits:
        print("Ingen treff.")
        return 0
    translations = dict.fromkeys(h.translation for h in hits if h.translation)
    for note in translations:
        print(f"Oversatt fra engelsk / translated from English: {note}")
    for hit in hits:
        phones = f"  tlf {', '.join(hit.phones)}" if hit.phones else ""
        marks = [KIND_LABELS.get(hit.kind, hit.kind), hit.ref, *_marks(hit)]
        print(f"{hit.title}  [{', '.join(marks)}]{phones}")
        if hit.snippet:
            print(f"    {hit.snippet}")
    return 0


def _marks(hit: Hit) -> list[str]:
    """What the reader must know besides the title: another region, outdated, no number."""
    marks: list[str] = []
    if hit.group in ("other", "nonumber"):
        marks.append("ANNEN REGION / other region")
    if hit.outdated:
        marks.append(f"UTDATERT / outdated: {hit.outdated}")
    if hit.kind == "contact" and not hit.phones:
        marks.append("intet brukbart nummer / no usable number")
    return marks

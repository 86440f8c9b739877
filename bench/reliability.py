"""Reliability figures: ONE table of cases tried, refused, crashed and data lost.

    .venv/bin/python bench/reliability.py [--examples N] [--random-kills N] [--quick]

Runs, outside pytest and with more cases than CI, the same machinery as tests/reliability/:

- fuzzing (hypothesis): content validation (mutated bundles, arbitrary YAML trees, text,
  bytes), phone numbers, search queries and typed phone numbers, card layout with random text;
- SIGKILL crash harness: every step of a bundle install, update, rollback and first start
  (all 28 points), every step of ``vnr-desktop sync`` over HTTP (each .part write, each file
  rename, each library step), and random-time kills during an update and a sync;
- the attack matrix (attacks.py: signatures, catalogs, mix-and-match, archives, content,
  oversize, YAML, network faults), with the trust model in a row of its own: out-of-scope
  bundles, catalog entries and endorsements, root-signed content, endorsements by a non-root,
  revoked keys (feed, USB folder, single file, cached endorsement), a revocation list signed
  by a publisher, and a server that drips its headers (the one-deadline-per-request rule);
- a full disk: a real small tmpfs (when user namespaces allow) and SQLite's page limit;
- a long session in the real window (gui_soak.py), in a process of its own so that a hard abort
  counts: thousands of random actions (pages, searches typed key by key, guides, quick hide,
  resizes, dialogs, text size, language), then no unexpected error, the numbers still there,
  None/True/False reference counts kept (PySide6 6.12 on Python 3.11 aborted the interpreter
  after a few minutes) and no pile-up of widgets.

Columns: *tried* cases; *refused* with a clear message (or, for crash kills, not applicable);
*accepted*: an attack whose content got in (must be 0);
*crashed*: a traceback escaped, a contract broke (an unlocated error, a number not found, text
cut off) or the app could not recover after a kill; *data lost*: the library showed a mix of
versions, failed an integrity or index check, user data changed, or a file was planted.
The goal: crashed 0, data lost 0. Everything runs in temporary folders; nothing touches the
user's own data.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests" / "reliability"), str(ROOT / "tests")]

_TMP = Path(tempfile.mkdtemp(prefix="vnr-reliability-"))
for var, sub in (
    ("HOME", "home"),
    ("XDG_DATA_HOME", "xdg-data"),
    ("XDG_CONFIG_HOME", "xdg-config"),
    ("XDG_CACHE_HOME", "xdg-cache"),
    ("VNR_DATA_DIR", "unused-data"),
):
    os.environ[var] = str(_TMP / sub)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Row:
    area: str
    tried: int = 0
    refused: int | None = 0
    crashed: int = 0
    lost: int = 0
    seconds: float = 0.0
    accepted: int = 0
    notes: str = ""


ROWS: list[Row] = []
FAILURES: list[str] = []


def timed(area: str, fn: Callable[[Row], None]) -> None:
    row = Row(area)
    start = time.monotonic()
    try:
        fn(row)
    except Exception as exc:  # the bench itself broke: count it, say so, go on
        row.crashed += 1
        FAILURES.append(f"{area}: bench error {exc!r}")
    row.seconds = time.monotonic() - start
    ROWS.append(row)
    print(f"  {area}: {row.tried} tried, {row.seconds:.1f}s", file=sys.stderr)


# --------------------------------------------------------------------------- fuzzing


def fuzz_content(n: int) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st
        from reliability_support import (
            assert_valid_or_located,
            dump_yaml,
            fixture_documents,
            write_bundle,
        )
        from test_reliability_fuzz_content import (
            _accepted_content_installs,
            _mutate,
            any_text,
            trees,
            yaml_syntax,
        )

        from vnr_desktop.core.bundle_source import load_bundle_dir

        folder = _TMP / "fuzz-content"

        def check(documents: dict) -> None:
            row.tried += 1
            try:
                write_bundle(folder, documents)
                result = load_bundle_dir(folder)
                assert_valid_or_located(result)
                if result.ok:
                    _accepted_content_installs(result.bundle)
                else:
                    row.refused += 1
            except Exception as exc:
                row.crashed += 1
                FAILURES.append(f"content fuzz: {exc!r}"[:300])

        cfg = settings(
            max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )

        @cfg
        @given(st.data())
        def mutated(data: st.DataObject) -> None:
            docs = fixture_documents()
            for _ in range(data.draw(st.integers(1, 3))):
                name = data.draw(st.sampled_from(sorted(docs)))
                docs[name] = _mutate(data, docs[name])
            check(docs)

        @cfg
        @given(trees, trees)
        def arbitrary(manifest: object, content: object) -> None:
            check({"manifest.yaml": manifest, "contacts.yaml": content})

        @cfg
        @given(any_text | st.text(max_size=300) | yaml_syntax)
        def text(t: str) -> None:
            check({**fixture_documents(), "contacts.yaml": t})

        @cfg
        @given(st.binary(max_size=64), st.binary(min_size=1, max_size=8))
        def raw(prefix: bytes, junk: bytes) -> None:
            docs = fixture_documents()
            check(
                {**docs, "contacts.yaml": dump_yaml(docs["contacts.yaml"]).encode() + prefix + junk}
            )

        for fn in (mutated, arbitrary, text, raw):
            fn()

    return run


def fuzz_phones(n: int) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        from hypothesis import HealthCheck, given, settings
        from test_reliability_fuzz_phones import NORMALISED, any_text

        from vnr_desktop.core.phones import PhoneFormatError, normalise_phone, phone_query_digits

        @settings(
            max_examples=n * 4,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(any_text)
        def one(text: str) -> None:
            row.tried += 1
            try:
                try:
                    result = normalise_phone(text)
                except PhoneFormatError as exc:
                    assert repr(text) in str(exc)
                    row.refused += 1
                    return
                assert NORMALISED.match(result) and normalise_phone(result) == result
                phone_query_digits(text)
            except Exception as exc:
                row.crashed += 1
                FAILURES.append(f"phone fuzz {text!r}: {exc!r}"[:300])

        one()

    return run


def fuzz_search(n: int, template: Path) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st
        from test_reliability_fuzz_search import queries

        from vnr_desktop.core.library import Library
        from vnr_desktop.core.search import SearchFilters, search

        folder = _TMP / "fuzz-search"
        folder.mkdir(exist_ok=True)
        shutil.copy(template, folder / "library.db")
        lib = Library(folder / "library.db")
        refs = {r.ref for r in lib.items()}
        phones = [
            (r.ref, r.bundle_id, p.number) for r in lib.items(kind="contact") for p in r.item.phones
        ]
        cfg = settings(
            max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )

        @cfg
        @given(queries, st.sampled_from([None, "nasjonal", "gjovik"]))
        def any_query(query: str, region: str | None) -> None:
            row.tried += 1
            try:
                hits = search(lib, query, SearchFilters(region=region), limit=20)
                assert len(hits) <= 20 and all(h.ref in refs for h in hits)
                assert len({h.ref for h in hits}) == len(hits)
            except Exception as exc:
                row.crashed += 1
                FAILURES.append(f"search {query!r}: {exc!r}"[:300])

        @cfg
        @given(st.data())
        def typed_number(data: st.DataObject) -> None:
            row.tried += 1
            ref, region, number = data.draw(st.sampled_from(phones))
            digits = "".join(c for c in number if c.isdigit())
            groups, rest = [], digits
            while rest:
                size = data.draw(st.integers(2, 4)) if len(rest) > 3 else len(rest)
                groups.append(rest[:size])
                rest = rest[size:]
            typed = data.draw(st.sampled_from([" ", "", "  ", "-"])).join(groups)
            if len(digits) != 8:  # short numbers are typed as printed or as plain digits
                typed = data.draw(st.sampled_from([number, digits]))
            try:
                hits = search(lib, typed, SearchFilters(region=region), limit=50)
                assert ref in [h.ref for h in hits], f"{typed!r} did not find {ref}"
            except Exception as exc:
                row.crashed += 1
                FAILURES.append(f"search number: {exc!r}"[:300])

        try:
            any_query()
            typed_number()
        finally:
            lib.close()
        row.refused = None

    return run


def fuzz_cards(n: int) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        import re

        from cards_helpers import all_text, install_test_bundles
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st
        from test_reliability_fuzz_cards import _catalog_with, texts

        from vnr_desktop.core.cards.formats import FORMATS
        from vnr_desktop.core.cards.layout import CardOverflowError
        from vnr_desktop.core.cards.render import render_card
        from vnr_desktop.core.library import Library

        folder = _TMP / "fuzz-cards"
        folder.mkdir(exist_ok=True)
        lib = Library(folder / "library.db")
        install_test_bundles(lib)

        @settings(
            max_examples=n, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(texts, st.sampled_from(sorted(FORMATS)))
        def one(text: str, fmt: str) -> None:
            row.tried += 1
            defs = folder / f"defs{row.tried}"
            try:
                catalog = _catalog_with(text, defs)
                try:
                    rendered = render_card(lib, "prove", "fjordby", fmt, catalog=catalog)
                except CardOverflowError as err:
                    assert err.needed_mm > err.available_mm and repr(err.panel) in str(err)
                    row.refused += 1
                    return
                sizes = FORMATS[fmt].sizes
                assert rendered.body_pt >= sizes.body_min and rendered.number_pt >= sizes.number_min
                printed = set(re.findall(r"\w+", all_text(rendered.pdf)))
                assert all(w in printed for w in text.split()), "text cut off"
            except Exception as exc:
                row.crashed += 1
                FAILURES.append(f"card layout {fmt}: {exc!r}"[:300])
            finally:
                shutil.rmtree(defs, ignore_errors=True)

        try:
            one()
        finally:
            lib.close()

    return run


# --------------------------------------------------------------------------- crash harness


def crash_points(
    zygote: object, prep: object, points: list[tuple[str, int]]
) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        from crash_scenarios import kill_and_check

        for n, (step, nth) in enumerate(points):
            outcome = kill_and_check(
                zygote, prep, step, nth, _TMP / "kills" / f"{prep.scenario.name}-{n}"
            )  # type: ignore[arg-type]
            _count_kill(row, outcome)
        row.refused = None

    return run


def random_kills(zygote: object, prep: object, count: int, seconds: float) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        from crash_scenarios import kill_and_check

        rng = random.Random(20240101)
        for n in range(count):
            delay = rng.uniform(0.0, seconds)
            outcome = kill_and_check(
                zygote,
                prep,
                None,
                1,
                _TMP / "rkills" / f"{prep.scenario.name}-{n}",
                kill_after=delay,  # type: ignore[arg-type]
            )
            row.tried += 1
            if outcome.data_lost:
                row.lost += 1
                FAILURES.append("random kill: " + outcome.describe()[:400])
            elif not outcome.recovered:
                row.crashed += 1
                FAILURES.append("random kill, no recovery: " + outcome.describe()[:400])
        row.refused = None

    return run


def _count_kill(row: Row, outcome: object) -> None:
    row.tried += 1
    if not outcome.killed:  # type: ignore[attr-defined]
        row.crashed += 1
        FAILURES.append("kill point not reached: " + outcome.describe()[:300])  # type: ignore[attr-defined]
    elif outcome.data_lost or outcome.wrong_side:  # type: ignore[attr-defined]
        row.lost += 1
        FAILURES.append(outcome.describe()[:600])  # type: ignore[attr-defined]
    elif not outcome.recovered:  # type: ignore[attr-defined]
        row.crashed += 1
        FAILURES.append("no recovery: " + outcome.describe()[:600])  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- attacks and disk


def is_trust_case(attack: object) -> bool:
    """The trust model's cases (scope, roles, revocation) and the header-drip deadline."""
    return attack.group == "trust" or "headers" in attack.name  # type: ignore[attr-defined]


def attack_matrix(base: Path, key: object, trust: bool) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        from attacks import ATTACKS, run_attack

        for n, attack in enumerate(ATTACKS):
            if is_trust_case(attack) != trust:
                continue
            result = run_attack(attack, base, _TMP / "attacks" / f"{n}", key)
            row.tried += 1
            if result.data_lost:
                row.lost += 1
                FAILURES.append(result.describe())
            elif result.outcome == "accepted":
                row.accepted += 1
                FAILURES.append(result.describe())
            elif (
                result.outcome == "crashed"
                or result.outcome not in attack.expect
                or result.problems
            ):
                row.crashed += 1
                FAILURES.append(result.describe())
            else:
                row.refused += 1

    return run


def disk_full(prep: object) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        import sqlite3

        from crash_scenarios import bundle_sources, per_bundle
        from reliability_support import copy_data_dir, library_snapshot, user_snapshot

        from vnr_desktop.core.library import Library

        namespaces = (
            shutil.which("unshare")
            and subprocess.run(
                ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True
            ).returncode
            == 0
        )
        if namespaces:
            from test_reliability_disk_full import _jsonish, _on_small_disk

            for free_kb in (0, 8, 24, 48, 96, 160, 240, 400, 800):
                row.tried += 1
                work = _TMP / "disk" / f"tmpfs-{free_kb}"
                work.mkdir(parents=True)
                report = _on_small_disk(prep, free_kb, work)  # type: ignore[arg-type]
                run_ = report["run"]
                if run_["traceback"]:
                    row.crashed += 1
                    FAILURES.append(f"disk full {free_kb} kB: {run_['traceback'][-300:]}")
                    continue
                expected = _jsonish(prep.new if run_["returncode"] == 0 else prep.old)  # type: ignore[attr-defined]
                if (
                    report["snapshot"] != expected
                    or report["problems"]
                    or report["user"] != _jsonish(prep.user_before)
                ):  # type: ignore[attr-defined]
                    row.lost += 1
                    FAILURES.append(f"disk full {free_kb} kB: state changed")
                elif report["again"]["returncode"] != 0:
                    row.crashed += 1
                    FAILURES.append(f"disk full {free_kb} kB: no recovery")
                elif run_["returncode"] != 0:
                    row.refused += 1
        _, v2 = bundle_sources(_TMP / "disk" / "sources")
        for share in (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99):
            row.tried += 1
            data = copy_data_dir(prep.old_dir, _TMP / "disk" / f"pages-{share}")  # type: ignore[attr-defined]
            lib = Library(data / "library.db")
            try:
                lib.conn.execute("VACUUM")
                (pages,) = lib.conn.execute("PRAGMA page_count").fetchone()
                lib.conn.execute(f"PRAGMA max_page_count = {pages + int(8 * share)}")
                try:
                    lib.install_dir(v2)
                except sqlite3.OperationalError:
                    row.refused += 1
                if {"testregion": library_snapshot(lib.conn, "testregion")} not in (
                    prep.old,
                    prep.new,
                ):  # type: ignore[attr-defined]
                    row.lost += 1
            finally:
                lib.close()
            _, problems = per_bundle(data, ("testregion",))
            if problems or user_snapshot(data / "user.db") != prep.user_before:  # type: ignore[attr-defined]
                row.lost += 1

    return run


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--examples", type=int, default=300, help="hypothesis examples per fuzz target"
    )
    parser.add_argument(
        "--random-kills", type=int, default=40, help="random-time kills per scenario"
    )
    parser.add_argument(
        "--gui-actions", type=int, default=3000, help="random actions in the long GUI session"
    )
    parser.add_argument("--quick", action="store_true", help="few examples and kills (a smoke run)")
    parser.add_argument(
        "--attacks-only", action="store_true", help="only the attack matrix rows (no fuzz, kills)"
    )
    args = parser.parse_args()
    if args.quick:
        args.examples, args.random_kills, args.gui_actions = 20, 5, 200
    started = time.monotonic()

    from crash_harness import Zygote
    from crash_scenarios import bundle_sources, library_scenarios, prepare, sync_feed, sync_scenario
    from reliability_support import fill_user_data
    from servers.faulty import FaultyServer

    from vnr_desktop.core.library import open_library

    print("preparing…", file=sys.stderr)
    base = _TMP / "base"
    base.mkdir()
    lib = open_library(base)
    lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    fill_user_data(base / "user.db")
    template = base / "library.db"

    if not args.attacks_only:
        timed("fuzz: content validation", fuzz_content(args.examples))
        timed("fuzz: phone numbers", fuzz_phones(args.examples))
        timed("fuzz: search (queries, typed numbers)", fuzz_search(args.examples, template))
        timed("fuzz: card layout", fuzz_cards(max(10, args.examples // 5)))

    work = _TMP / "work"
    feed = sync_feed(work / "feed")
    with Zygote() as zygote, FaultyServer(feed.folder) as server:
        feed.url = server.url
        scenarios = library_scenarios(bundle_sources(work / "sources"))
        if args.attacks_only:
            scenarios = {}
        prepared = {name: prepare(zygote, sc, base, work) for name, sc in scenarios.items()}
        prepared["sync"] = prepare(zygote, sync_scenario(feed), base, work)
        for name in ("install", "update", "rollback", "first-start", "sync"):
            if args.attacks_only:
                break
            prep = prepared[name]
            timed(
                f"kill at every step: {name} ({len(prep.points())} points)",
                crash_points(zygote, prep, prep.points()),
            )
        for name in ("update", "sync"):
            if args.attacks_only:
                break
            prep = prepared[name]
            seconds = max(0.05, _duration(zygote, prep, work))
            timed(
                f"kill at random times: {name}",
                random_kills(zygote, prep, args.random_kills, seconds),
            )
        synced = prepared["sync"].old_dir
        timed(
            "attack matrix (signed feeds, archives, YAML, network)",
            attack_matrix(synced, feed.key, trust=False),
        )
        timed(
            "trust: scope, roles, revocation, header drip",
            attack_matrix(synced, feed.key, trust=True),
        )
        if not args.attacks_only:
            timed("full disk during an update", disk_full(prepared["update"]))
    if not args.attacks_only:
        timed(f"long GUI session ({args.gui_actions} actions)", gui_session(base, args.gui_actions))

    total = Row(
        "total",
        sum(r.tried for r in ROWS),
        sum(r.refused or 0 for r in ROWS),
        sum(r.crashed for r in ROWS),
        sum(r.lost for r in ROWS),
        time.monotonic() - started,
        accepted=sum(r.accepted for r in ROWS),
    )
    _print_table([*ROWS, total])
    for failure in FAILURES[:30]:
        print("  ! " + failure.replace("\n", "\n    "))
    shutil.rmtree(_TMP, ignore_errors=True)
    return 0 if total.crashed == 0 and total.lost == 0 and total.accepted == 0 else 1


def gui_session(base: Path, actions: int) -> Callable[[Row], None]:
    def run(row: Row) -> None:
        data = _TMP / "gui-session"
        shutil.copytree(base, data)
        proc = subprocess.run(
            [
                sys.executable,
                str(ROOT / "tests" / "reliability" / "gui_soak.py"),
                str(data),
                str(actions),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=3600,
        )
        row.tried = actions
        row.refused = None
        if proc.returncode != 0:
            row.crashed += 1
            tail = (proc.stdout + proc.stderr).strip().splitlines()[-6:]
            FAILURES.append(f"gui session: exit {proc.returncode}: " + "\n".join(tail))

    return run


def _dry(prep: object, work: Path) -> Path:
    from reliability_support import copy_data_dir

    return copy_data_dir(prep.old_dir, work / f"timing-{prep.scenario.name}")  # type: ignore[attr-defined]


def _duration(zygote: object, prep: object, work: Path) -> float:
    """How long the command runs when nothing kills it (the window for random kills)."""
    d = _dry(prep, work)
    start = time.monotonic()
    zygote.run(["--data-dir", str(d), *prep.scenario.command(d)], patches=prep.scenario.patches)  # type: ignore[attr-defined]
    return time.monotonic() - start


def _print_table(rows: list[Row]) -> None:
    width = max(len(r.area) for r in rows)
    head = (
        f"{'':{width}}  {'tried':>7}  {'refused':>7}  {'accepted':>8}  {'crashed':>7}  "
        f"{'data lost':>9}  {'seconds':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        if r.area == "total":
            print("-" * len(head))
        refused = "-" if r.refused is None else str(r.refused)
        print(
            f"{r.area:{width}}  {r.tried:>7}  {refused:>7}  {r.accepted:>8}  {r.crashed:>7}  "
            f"{r.lost:>9}  {r.seconds:>7.1f}"
        )


if __name__ == "__main__":
    sys.exit(main())

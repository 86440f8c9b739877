"""Search benchmark at national scale (a measurement, not a test).

    .venv/bin/python bench/search.py [--sizes 10000 100000] [--keep DIR]

Builds libraries of 10 000 and 100 000 synthetic items from the vocabulary of the real
built-in content: 356 synthetic municipalities (one regional bundle each, names made of real
Norwegian place-name parts), each with contacts, guides, measures and plans recombined from the
real regional items, plus the real national bundle. Then replays 20 realistic queries typed
character by character (one search per keystroke, as the GUI does) and prints, per size:

- index build time (every bundle through ``index_bundle``, one transaction per bundle, as an
  install does) and the database size;
- p50/p95/max per keystroke for ``search()`` (limit 20, snippets included, a home region set);
- the same keystrokes through a naive Python scan of the same items held in memory (every
  query word must occur in the item's text; title hits first; top 20), and the ratio.

Phone numbers in the synthetic items are made up from a counter (40 00 00 00 upwards). They
only exist in the temporary benchmark database and are never shown to anyone.

Before the sizes, it prints the relevance figures of the built-in content (the cases in
tests/facts/search_relevance.yaml: top-1 and top-3 rate, mean reciprocal rank), so a speed
change that hurts relevance shows beside the latency.

Targets (issue 4): p95 <= 10 ms at 10 000 items, <= 20 ms at 100 000 items, and at 100 000
items at least 5x faster than the naive scan. Relevance (issue 15): top-3 = 100 %, top-1 >= 90 %.
"""

from __future__ import annotations

import argparse
import datetime
import heapq
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import yaml

from vnr_desktop.core import db
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.library import open_library
from vnr_desktop.core.models import (
    Contact,
    Guide,
    Item,
    Manifest,
    Measure,
    Municipality,
    Phone,
    Plan,
    SourceDocument,
)
from vnr_desktop.core.search import SearchFilters, ensure_schema, index_bundle, search
from vnr_desktop.core.search.documents import item_document
from vnr_desktop.core.search.engine import open_search_connection
from vnr_desktop.core.search.relevance import Report, evaluate

RELEVANCE_CASES = Path(__file__).parent.parent / "tests" / "facts" / "search_relevance.yaml"

MUNICIPALITIES = 356
QUERIES = [
    "barnevernvakt gjøv",
    "avverge",
    "krisesenter",
    "krisesentret",
    "vakt",
    "overgrepsmottak",
    "SO-mottak",
    "ATV",
    "61189544",
    "+47 61 18 95 44",
    "politi",
    "legevakt",
    "avvergepligt",
    "tiltak 12",
    "familievernkontor",
    "sinnemestring",
    "opplysningsplikt barnevern",
    "gjovik",
    "vold i nære relasjoner",
    "alarmtelefonen",
]
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


# --------------------------------------------------------------------------- synthetic library


def _real_content() -> tuple[BundleContent, list[BundleContent]]:
    with tempfile.TemporaryDirectory() as tmp:
        lib = open_library(Path(tmp))
        contents = [lib.stored_content(b.id) for b in lib.bundles()]
        lib.close()
    national = next(c for c in contents if c is not None and c.id == "nasjonal")
    regional = [c for c in contents if c is not None and c.id != "nasjonal"]
    return national, regional


def _place_names(regional: list[BundleContent], rng: random.Random) -> list[str]:
    real = sorted({m.name for c in regional for m in c.manifest.municipalities})
    stems = sorted({re.sub(r"[^a-zæøå]", "", n.lower().split()[-1])[:5] for n in real} - {""})
    prefixes = ["", "Nord", "Sør", "Øst", "Vest", "Øvre", "Nedre", "Indre", "Ytre", "Store"]
    suffixes = ["", "vik", "dal", "øy", "stad", "sand", "nes", "berg", "å", "fjord", "land"]
    names: set[str] = set(real)
    while len(names) < MUNICIPALITIES:
        stem = rng.choice(stems) + rng.choice(suffixes)
        prefix = rng.choice(prefixes)
        name = f"{prefix}-{stem}" if prefix and rng.random() < 0.3 else f"{prefix}{stem}"
        names.add(name[:1].upper() + name[1:])
    return sorted(names)[:MUNICIPALITIES]


class _Phones:
    def __init__(self) -> None:
        self.n = 40_000_000

    def next(self) -> str:
        self.n += 7
        d = str(self.n)
        return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"


def _sentences(items: list[Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        text = getattr(item, "description", None) or getattr(item, "summary", None) or ""
        out += [s for s in _SENTENCE.split(text) if len(s) > 20]
    return out


def _localise(text: str, real_names: list[str], name: str) -> str:
    for real in real_names:
        text = text.replace(real, name)
    return text


def _synthetic_bundle(
    index: int,
    name: str,
    per_bundle: int,
    templates: list[Item],
    sentences: list[str],
    real_names: list[str],
    phones: _Phones,
    rng: random.Random,
) -> BundleContent:
    number = f"{9000 + index:04d}"
    bundle_id = "r" + re.sub(r"[^a-z0-9]", "", name.lower().translate(str.maketrans("æøå", "eoa")))
    bundle_id = f"{bundle_id[:24]}{index}"
    manifest = Manifest(
        id=bundle_id,
        title=f"{name} – vold i nære relasjoner",
        version=1,
        issued=datetime.date(2024, 1, 1),
        coverage=[Municipality(number=number, name=name)],
        publisher="benchmark",
        sources=[
            SourceDocument(
                id="bench", title="synthetic", publisher="bench", date=datetime.date(2024, 1, 1)
            )
        ],
        aliases=[name],
    )
    items: dict[str, list[Item]] = {
        "contacts": [],
        "guides": [],
        "plans": [],
        "measures": [],
        "resources": [],
    }
    for n in range(per_bundle):
        template = templates[n % len(templates)]
        update: dict[str, object] = {"id": f"{template.id.split(':')[-1][:60]}.{n}"}
        extra = " ".join(rng.sample(sentences, k=min(3, len(sentences))))
        if isinstance(template, Contact):
            update["name"] = _localise(template.name, real_names, name)
            update["phones"] = [
                Phone(number=phones.next(), label=p.label, hours=p.hours) for p in template.phones
            ] or [Phone(number=phones.next())]
            update["description"] = _localise(
                f"{template.description or ''} {extra}", real_names, name
            )
            update["municipalities"] = []
            items["contacts"].append(template.model_copy(update=update))
        elif isinstance(template, Measure):
            update["description"] = _localise(
                f"{template.description or ''} {extra}", real_names, name
            )
            update["number"] = str(n // 10 + 1) + ("" if n % 10 == 0 else f".{n % 10}")
            items["measures"].append(template.model_copy(update=update))
        elif isinstance(template, Guide):
            update["title"] = _localise(template.title, real_names, name)
            items["guides"].append(template.model_copy(update=update))
        elif isinstance(template, Plan):
            update["title"] = f"{template.title} ({name})"
            update["municipalities"] = []
            items["plans"].append(template.model_copy(update=update))
        else:
            update["description"] = extra
            items["resources"].append(template.model_copy(update=update))
    return BundleContent.model_construct(manifest=manifest, **items)  # type: ignore[arg-type]


def synthetic_bundles(total: int, seed: int = 4) -> Iterator[BundleContent]:
    rng = random.Random(seed)
    national, regional = _real_content()
    yield national
    real_names = sorted(
        {m.name for c in regional for m in c.manifest.municipalities}
        | {a for c in regional for a in c.manifest.aliases},
        key=len,
        reverse=True,
    )
    templates = [i for c in regional for i in c.items()]
    rng.shuffle(templates)
    sentences = _sentences([*templates, *national.items()])
    names = _place_names(regional, rng)
    remaining = total - sum(1 for _ in national.items())
    phones = _Phones()
    for i, name in enumerate(names):
        per_bundle = remaining // (MUNICIPALITIES - i)
        remaining -= per_bundle
        yield _synthetic_bundle(i, name, per_bundle, templates, sentences, real_names, phones, rng)


# --------------------------------------------------------------------------- measurements


def build(path: Path, total: int) -> tuple[float, list[BundleContent]]:
    bundles = list(synthetic_bundles(total))
    conn = db.connect(path)
    started = time.perf_counter()
    with db.transaction(conn):
        ensure_schema(conn)
    for content in bundles:
        with db.transaction(conn):
            index_bundle(conn, content)
    elapsed = time.perf_counter() - started
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return elapsed, bundles


def keystrokes() -> list[str]:
    return [q[:n] for q in QUERIES for n in range(1, len(q) + 1)]


def time_search(conn: sqlite3.Connection, home: str) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per keystroke (CPU time shows what contention for
    the machine's cores adds to the wall clock)."""
    filters = SearchFilters(home_region=home)
    search(conn, "varm opp", filters)  # load the vocabulary (once per index generation)
    wall: list[float] = []
    cpu: list[float] = []
    for text in keystrokes():
        started, started_cpu = time.perf_counter(), time.thread_time()
        search(conn, text, filters, limit=20)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return wall, cpu


class NaiveScan:
    """The straightforward alternative: every item's text in memory, scanned per query."""

    def __init__(self, bundles: list[BundleContent]) -> None:
        self.docs: list[tuple[str, str, str]] = []
        for content in bundles:
            for item in content.items():
                doc = item_document(content.id, item, content.manifest)
                title = " ".join([doc.title, *doc.aliases]).lower()
                text = " ".join([title, doc.body, *doc.phones, *doc.place_names]).lower()
                self.docs.append((doc.ref, title, text))

    def search(self, query: str, limit: int = 20) -> list[str]:
        words = [w for w in re.findall(r"[^\W_]+", query.lower()) if w]
        if not words:
            return []
        scored = (
            (sum(w in title for w in words), ref)
            for ref, title, text in self.docs
            if all(w in text for w in words)
        )
        return [ref for _score, ref in heapq.nlargest(limit, scored)]


def time_naive(naive: NaiveScan) -> tuple[list[float], list[float]]:
    wall: list[float] = []
    cpu: list[float] = []
    for text in keystrokes():
        started, started_cpu = time.perf_counter(), time.thread_time()
        naive.search(text)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
    return wall, cpu


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def relevance() -> Report:
    """The relevance figures on the built-in content."""
    cases = yaml.safe_load(RELEVANCE_CASES.read_text(encoding="utf-8"))["cases"]
    with tempfile.TemporaryDirectory() as tmp:
        lib = open_library(Path(tmp))
        try:
            report = evaluate(lib, cases)
        finally:
            lib.close()
    print(f"relevance (built-in content): {report.summary()}", flush=True)
    for miss in report.misses(1):
        print(f"  rank {miss.rank}: {miss.case['query']!r} expected {miss.case['expect']}")
    return report


def run(total: int, folder: Path) -> dict[str, float]:
    path = folder / f"library-{total}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    build_s, bundles = build(path, total)
    items = sum(1 for c in bundles for _ in c.items())
    size_mb = path.stat().st_size / 1e6
    conn = open_search_connection(path)
    home = bundles[len(bundles) // 2].id
    started = time.perf_counter()
    search(conn, "første søk", SearchFilters(home_region=home))
    first_ms = (time.perf_counter() - started) * 1000
    fts, fts_cpu = time_search(conn, home)
    conn.close()
    naive = NaiveScan(bundles)
    scan, scan_cpu = time_naive(naive)
    result = {
        "items": items,
        "build_s": build_s,
        "size_mb": size_mb,
        "first_ms": first_ms,
        "p50": statistics.median(fts),
        "p95": percentile(fts, 95),
        "max": max(fts),
        "cpu_p50": statistics.median(fts_cpu),
        "cpu_p95": percentile(fts_cpu, 95),
        "naive_p50": statistics.median(scan),
        "naive_p95": percentile(scan, 95),
        "naive_cpu_p50": statistics.median(scan_cpu),
        "naive_cpu_p95": percentile(scan_cpu, 95),
    }
    r = result
    print(
        f"{items:>7} items  index build {build_s:6.1f} s  db {size_mb:6.1f} MB  "
        f"first search {first_ms:6.1f} ms (vocabulary load)\n"
        f"  search, per keystroke ({len(fts)} keystrokes):\n"
        f"    wall p50 {r['p50']:6.2f} ms  p95 {r['p95']:6.2f} ms  max {r['max']:6.2f} ms"
        f"   (cpu p50 {r['cpu_p50']:6.2f}  p95 {r['cpu_p95']:6.2f})\n"
        f"  naive Python scan of the same items:\n"
        f"    wall p50 {r['naive_p50']:6.2f} ms  p95 {r['naive_p95']:6.2f} ms"
        f"                    (cpu p50 {r['naive_cpu_p50']:6.2f}  p95 {r['naive_cpu_p95']:6.2f})\n"
        f"  naive/search: p50 {r['naive_p50'] / r['p50']:5.1f}x  p95 {r['naive_p95'] / r['p95']:5.1f}x"
        f"  (cpu p50 {r['naive_cpu_p50'] / r['cpu_p50']:5.1f}x  p95 "
        f"{r['naive_cpu_p95'] / r['cpu_p95']:5.1f}x)\n"
        f"  load average while running: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs",
        flush=True,
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--keep", metavar="DIR", help="keep the databases in DIR")
    args = parser.parse_args(argv)
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vnr-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )
    relevance()
    try:
        for total in args.sizes:
            run(total, folder)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

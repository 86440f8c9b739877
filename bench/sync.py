"""Sync benchmark (a measurement, not a test).

    .venv/bin/python bench/sync.py [--mb 5] [--keep DIR]

Serves a signed feed with nginx on 127.0.0.1 (and, for the cut download, the test suite's
fault-injecting server) and prints:

1. a no-change check: requests, body bytes, and time (target: one request answered 304);
2. the end-to-end time to apply a ~5 MB bundle update: download, sha256, signature, unpack,
   schema validation, cross-checks, install in one transaction with the search index, the
   item-by-item change report (target: at most 1.5 s);
3. the bytes fetched when resuming a download cut at half (target: the remaining half only).

The bundle is synthetic: the test bundle's made-up data padded with generated contacts and
measures (phone numbers from a counter, 40 00 00 00 upwards; they exist only in the temporary
benchmark folders). Its size is the size of content.json; the .vnrb file (gzip, with the YAML
source inside) is printed too.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from servers.faulty import FaultyServer  # noqa: E402
from servers.feeds import keyring  # noqa: E402
from servers.nginx import NginxServer  # noqa: E402

from vnr_desktop.core.bundle_content import BundleContent  # noqa: E402
from vnr_desktop.core.bundle_source import load_bundle_dir  # noqa: E402
from vnr_desktop.core.library import open_library  # noqa: E402
from vnr_desktop.core.models import Contact, Measure  # noqa: E402
from vnr_desktop.core.paths import resolve_paths  # noqa: E402
from vnr_desktop.core.sync import minisign  # noqa: E402
from vnr_desktop.core.sync.archive import pack  # noqa: E402
from vnr_desktop.core.sync.catalog import parse_catalog, publish_feed  # noqa: E402
from vnr_desktop.core.sync.http import HttpClient, HttpConfig  # noqa: E402
from vnr_desktop.core.sync.updater import Updater  # noqa: E402

WORDS = [
    "vold",
    "nære",
    "relasjoner",
    "barn",
    "unge",
    "familie",
    "hjelp",
    "samtale",
    "trygghet",
    "oppfølging",
    "tiltak",
    "plan",
    "kommune",
    "helsestasjon",
    "skole",
    "barnehage",
    "politi",
    "krisesenter",
    "barnevern",
    "legevakt",
    "samarbeid",
    "kompetanse",
    "opplæring",
    "rutiner",
    "veileder",
    "avdekke",
    "forebygge",
    "beskytte",
    "melde",
    "bekymring",
]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def synthetic_content(target_bytes: int, version: int, seed: int = 7) -> BundleContent:
    base = load_bundle_dir(ROOT / "tests" / "fixtures" / "bundles" / "testregion").bundle
    assert base is not None
    rng = random.Random(seed)
    prov = base.contacts[0].provenance
    contacts: list[Contact] = list(base.contacts)
    measures: list[Measure] = list(base.measures)
    counter = 40_000_000
    i = 0
    while True:
        counter += 1
        number = f"{counter:08d}"
        shown = f"{number[:2]} {number[2:4]} {number[4:6]} {number[6:]}"
        # Version 2 changes every 50th number: the change report has real work to do.
        if version > 1 and i % 50 == 0:
            shown = f"{number[:2]} {number[2:4]} {number[4:6]} {(int(number[6:]) + 1) % 100:02d}"
        contacts.append(
            Contact(
                id=f"kontakt-{i}",
                name=f"Tjeneste {i}",
                category="municipal_service",
                description=_text(rng, 60),
                phones=[{"number": shown, "label": "Sentralbord", "hours": "man–fre 08–15"}],  # type: ignore[list-item]
                serves=["adults"],
                provenance=prov,
            )
        )
        measures.append(
            Measure(
                id=f"tiltak.x{i}",
                plan="plan",
                number=f"x{i}",
                title=_text(rng, 12),
                description=_text(rng, 80),
                status="gjennomfort" if version > 1 and i % 40 == 0 else "i_gang",
                provenance=base.measures[0].provenance,
            )
        )
        i += 1
        if i % 200 == 0:
            draft = base.model_copy(update={"contacts": contacts, "measures": measures})
            if len(draft.to_json()) >= target_bytes:
                break
    manifest = base.manifest.model_copy(update={"version": version})
    return base.model_copy(
        update={"manifest": manifest, "contacts": contacts, "measures": measures}
    )


def source_files(content: BundleContent) -> dict[str, bytes]:
    """The content as YAML source files under 2 MB each (what an editor would keep)."""
    data = content.model_dump(mode="json", exclude_defaults=True)
    files = {"manifest.yaml": yaml.safe_dump(data.pop("manifest"), allow_unicode=True).encode()}
    for key, items in data.items():
        for n in range(0, len(items), 500):
            files[f"{key}-{n // 500:03d}.yaml"] = yaml.safe_dump(
                {key: items[n : n + 500]}, allow_unicode=True
            ).encode()
    return files


def write_bundle(content: BundleContent, path: Path) -> int:
    data, _ = pack(content, source_files(content))
    path.write_bytes(data)
    return len(data)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=5.0, help="content size of the update (MB)")
    parser.add_argument("--keep", type=Path, help="keep the working folder here")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="vnr-bench-sync-")) if not args.keep else args.keep
    work.mkdir(parents=True, exist_ok=True)
    key = minisign.generate_keypair()
    keys = keyring(key)  # trusted for the test bundle's region, as an administrator would
    target = int(args.mb * 1_000_000)
    print(f"Building synthetic bundles of ~{args.mb:g} MB content ...", file=sys.stderr)
    v1, v2 = synthetic_content(target, 1), synthetic_content(target, 2)
    built = work / "built"
    built.mkdir(exist_ok=True)
    size1 = write_bundle(v1, built / "testregion-1.vnrb")
    size2 = write_bundle(v2, built / "testregion-2.vnrb")
    feed = work / "www" / "feed"
    publish_feed([built / "testregion-1.vnrb"], key, feed, feed_id="bench", publisher="bench")

    data_dir = work / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    lib = open_library(data_dir, install_builtin=False)
    paths = resolve_paths(data_dir).ensure()
    rows: list[tuple[str, str, str]] = []
    try:
        with NginxServer(work / "www", work / "nginx") as nginx:
            url = nginx.url + "feed/"
            Updater(lib, paths, keys=keys).sync(url)  # v1 installed, ETag kept

            # 1. no-change check
            http = HttpClient()
            t0 = time.perf_counter()
            check = Updater(lib, paths, keys=keys, http=http).check(url)
            t_check = time.perf_counter() - t0
            last = nginx.wait_for_log(len(nginx.log()))[-1]
            assert check.not_modified
            rows.append(
                (
                    "no-change check",
                    f"{check.requests} request, HTTP {last.status}, {check.bytes_received} body bytes "
                    f"({last.body_bytes} sent by nginx)",
                    f"{t_check * 1000:.1f} ms",
                )
            )

            # 2. apply a ~5 MB update end to end
            publish_feed(
                [built / "testregion-2.vnrb"], key, feed, feed_id="bench", publisher="bench"
            )
            http = HttpClient()
            marks: dict[str, float] = {}
            t0 = time.perf_counter()
            result = Updater(
                lib,
                paths,
                keys=keys,
                http=http,
                step_hook=lambda s: marks.setdefault(s, time.perf_counter()),
            ).sync(url)
            t_apply = time.perf_counter() - t0
            t_install = marks["installed"] - marks["install-begin"]
            t_index = marks["index-written"] - marks["items-written"]
            assert result.installed[0].status == "updated", result.message
            changed = sum(len(c.items) for c in result.changes)
            rows.append(
                (
                    "apply update end to end",
                    f"content.json {len(v2.to_json()) / 1e6:.2f} MB, .vnrb {size2 / 1e6:.2f} MB "
                    f"(v1 {size1 / 1e6:.2f} MB), {sum(1 for _ in v2.items())} items, {changed} changed",
                    f"{t_apply:.2f} s (target <= 1.5 s)",
                )
            )
            rows.append(
                (
                    "  of which Library.install",
                    f"one transaction: items, search index ({t_index:.2f} s), version history",
                    f"{t_install:.2f} s",
                )
            )
            rows.append(
                (
                    "  of which sync's own work",
                    "download, sha256, signature, unpack, validation, cross-checks, change report",
                    f"{t_apply - t_install:.2f} s",
                )
            )
            example = result.changes[0].lines()[0]
            rows.append(("  first change line", example, ""))

        # 3. resume a download cut at half (new process state: a fresh Updater)
        v3 = synthetic_content(target, 3, seed=11)
        write_bundle(v3, built / "testregion-3.vnrb")
        publish_feed([built / "testregion-3.vnrb"], key, feed, feed_id="bench", publisher="bench")
        entry = parse_catalog((feed / "catalog.json").read_bytes()).bundle("testregion")
        assert entry is not None
        half = entry.size // 2
        with FaultyServer(work / "www") as faulty:
            faulty.plan.add("feed/" + entry.path, f"cut:{half}")
            url = faulty.url + "feed/"
            once = HttpClient(HttpConfig(attempts=1))
            try:
                Updater(lib, paths, keys=keys, http=once).sync(url)
                raise SystemExit("the cut download unexpectedly succeeded")
            except Exception as exc:  # the TruncatedDownload we asked for
                first = type(exc).__name__
            http = HttpClient()
            result = Updater(lib, paths, keys=keys, http=http).sync(url)
            assert result.installed[0].status == "updated"
            resumed = faulty.hits_for(".vnrb")[-1]
            rows.append(
                (
                    "resume after a cut at half",
                    f"file {entry.size:,} B; first run stopped ({first}) at {half:,} B; "
                    f"resumed with Range {resumed.range}, fetched {resumed.body_bytes:,} B",
                    f"{resumed.body_bytes / (entry.size - half):.3f} x remaining half",
                )
            )
    finally:
        lib.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':<10}  details")
    for name, details, result in rows:
        print(f"{name:<{width}}  {result:<10}  {details}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""SIGKILL at every step of ``vnr-desktop sync`` over HTTP: fetch, verify, record, download,
stage, validate, install, store. Old or new, never a mix; then the next sync finishes the job
(resuming a cut download with Range rather than starting over)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from crash_harness import Zygote
from crash_scenarios import Prepared, kill_and_check, prepare, sync_feed, sync_scenario
from servers.faulty import FaultyServer

# The points every sync must pass (checked against a real run below); each is a kill point.
SYNC_POINTS = [
    ("sync:catalog-fetch", 1),
    ("sync:catalog-fetched", 1),
    ("sync:catalog-verified", 1),
    ("storage:write:catalog.json.minisig", 1),
    ("fs:replace:catalog.json.minisig", 1),
    ("fs:replace:catalog.json", 1),
    ("sync:sequence-recorded", 1),
    ("sync:download-begin", 1),
    ("download:part-write", 1),
    ("download:part-write", 4),
    ("sync:download-complete", 1),
    ("sync:bundle-verified", 1),
    ("sync:archive-read", 1),
    ("sync:content-validated", 1),
    ("sync:install-begin", 1),
    ("library:begin", 1),
    ("library:old-items-removed", 1),
    ("library:bundle-row-written", 1),
    ("library:items-written", 1),
    ("library:index-written", 1),
    ("library:history-written", 1),
    ("library:committed", 1),
    ("sync:installed", 1),
    ("sync:stored", 1),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FaultyServer, object]]:
    work = tmp_path_factory.mktemp("crash-sync")
    feed = sync_feed(work)
    with FaultyServer(feed.folder) as server:
        feed.url = server.url
        yield server, feed


@pytest.fixture(scope="module")
def prepared_sync(
    zygote: Zygote,
    builtin_data_dir: Path,
    served: tuple[FaultyServer, object],
    tmp_path_factory: pytest.TempPathFactory,
) -> Prepared:
    _, feed = served
    work = tmp_path_factory.mktemp("crash-sync-data")
    return prepare(zygote, sync_scenario(feed), builtin_data_dir, work)  # type: ignore[arg-type]


def test_sync_passes_at_least_twenty_distinct_kill_points(prepared_sync: Prepared) -> None:
    points = prepared_sync.points()
    assert points.count(("download:part-write", 5)) == 1, "the download needs 5+ chunks"
    missing = [p for p in SYNC_POINTS if p not in points]
    assert missing == [], (missing, prepared_sync.steps)
    assert len(set(prepared_sync.steps)) >= 20
    # in order: verify before parse, record before download, validate before install
    order = [points.index(p) for p in SYNC_POINTS if p[0] != "download:part-write"]
    assert order == sorted(order), prepared_sync.steps


@pytest.mark.parametrize(("step", "nth"), SYNC_POINTS, ids=[f"{s}#{n}" for s, n in SYNC_POINTS])
def test_kill_during_sync_leaves_old_or_new_and_the_next_sync_finishes(
    zygote: Zygote,
    prepared_sync: Prepared,
    served: tuple[FaultyServer, object],
    tmp_path: Path,
    step: str,
    nth: int,
) -> None:
    server, _ = served
    before = len(server.hits)
    outcome = kill_and_check(zygote, prepared_sync, step, nth, tmp_path / "data")
    assert outcome.killed, outcome.describe()
    assert not outcome.mixed, outcome.describe()
    assert outcome.problems == [], outcome.describe()
    assert outcome.user_ok, outcome.describe()
    assert not outcome.wrong_side, outcome.describe()
    assert outcome.recovered, outcome.describe()
    if step == "download:part-write":
        # The sync after the crash (from its catalog request on) asked only for the rest of
        # the bundle: a Range request starting where the .part file ended.
        hits = server.hits[before:]
        catalogs = [i for i, h in enumerate(hits) if h.path == "catalog.json"]
        assert len(catalogs) >= 2, [(h.path, h.range) for h in hits]
        again = [h for h in hits[catalogs[1] :] if h.path.endswith(".vnrb")]
        assert again and all(h.range == f"bytes={512 * nth}-" for h in again), [
            (h.path, h.range) for h in hits
        ]

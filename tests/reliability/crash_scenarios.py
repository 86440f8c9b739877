"""Crash scenarios: a data folder before, a CLI command, and the check after a SIGKILL.

Each scenario prepares the "old" data folder, names the command that changes it and the
bundles the command may touch. ``dry_run`` runs the command to completion once (the "new"
state and every step it passes); ``kill_and_check`` copies the old folder, kills the command
at one step and then checks what a user would see when the app starts again:

- every bundle is exactly at its old or its new version (per bundle: no mix), and exactly the
  expected one when the kill point says (before the commit: old; after: new);
- the database passes integrity checks and the search index agrees with the items;
- user.db holds everything the user had saved, including a favourite committed just before;
- the app recovers: running the command again (when the state is old) succeeds and lands on
  the new state, and the library opens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crash_harness import RunResult, Zygote
from reliability_support import (
    consistency_problems,
    copy_data_dir,
    fixture_documents,
    library_snapshot,
    user_snapshot,
    wal_bytes,
    write_bundle,
)

LIBRARY_STEPS = (
    "library:begin",
    "library:old-items-removed",
    "library:bundle-row-written",
    "library:items-written",
    "library:index-written",
    "library:history-written",
    "library:committed",
)
ROLLBACK_STEPS = LIBRARY_STEPS[1:-1]


def bundle_sources(folder: Path) -> tuple[Path, Path]:
    """testregion v1 (the fixture) and v2: a changed number, one contact gone, one new."""
    v1 = write_bundle(folder / "testregion-v1", fixture_documents())
    docs = fixture_documents()
    docs["manifest.yaml"]["version"] = 2
    contacts = docs["contacts.yaml"]["contacts"]
    contacts[0]["phones"][0]["number"] = "99 00 00 11"
    docs["contacts.yaml"]["contacts"] = [c for c in contacts if c["id"] != "familievern"] + [
        {
            "id": "overgrepsmottak",
            "name": "Overgrepsmottaket i Testregion",
            "category": "overgrepsmottak",
            "phones": [{"number": "99 00 00 33", "hours": "hele døgnet"}],
            "serves": ["adults", "children"],
            "provenance": {
                "source": "testkilde",
                "section": "s. 6",
                "as_of": contacts[0]["provenance"]["as_of"],
            },
        }
    ]
    v2 = write_bundle(folder / "testregion-v2", docs)
    return v1, v2


@dataclass
class Scenario:
    name: str
    prepare: Callable[[Path], None]
    """Turn a copy of the base folder into this scenario's "old" state."""
    command: Callable[[Path], list[str]]
    """CLI arguments (after --data-dir) for the change under test."""
    bundles: tuple[str, ...]
    commit_step: str | None = "library:committed"
    """Kills at or after this step must show the new state; before it, the old one."""
    commit_nth: int = 1
    patches: dict[str, Any] = field(default_factory=dict)
    """Module attributes set in every killed process (see crash_harness._apply_patches)."""


@dataclass
class Prepared:
    scenario: Scenario
    old_dir: Path
    old: dict[str, Any]
    new: dict[str, Any]
    steps: list[str]
    user_before: dict[str, Any]

    def points(self) -> list[tuple[str, int]]:
        """Every (step, occurrence) the command passes, in order."""
        seen: dict[str, int] = {}
        out: list[tuple[str, int]] = []
        for s in self.steps:
            seen[s] = seen.get(s, 0) + 1
            out.append((s, seen[s]))
        return out

    def expected(self, step: str, nth: int) -> str | None:
        """ "old" or "new" when the kill point decides it; None for "either, per bundle"."""
        sc = self.scenario
        if sc.commit_step is None:
            return None
        points = self.points()
        if (sc.commit_step, sc.commit_nth) not in points:
            return "old"  # the commit has no step after it: every kill point is before it
        commit = points.index((sc.commit_step, sc.commit_nth))
        return "old" if points.index((step, nth)) < commit else "new"


def per_bundle(data_dir: Path, bundles: tuple[str, ...]) -> tuple[dict[str, Any], list[str]]:
    from vnr_desktop.core.library import Library

    if not (data_dir / "library.db").exists():
        return {b: library_snapshot_empty() for b in bundles}, []
    lib = Library(data_dir / "library.db")
    try:
        snap = {b: library_snapshot(lib.conn, b) for b in bundles}
        return snap, consistency_problems(lib.conn)
    finally:
        lib.close()


def library_snapshot_empty() -> dict[str, list]:
    from reliability_support import LIBRARY_TABLES

    return {t: [] for t in LIBRARY_TABLES}


def argv(data_dir: Path, command: list[str]) -> list[str]:
    return ["--data-dir", str(data_dir), *command]


def prepare(zygote: Zygote, scenario: Scenario, base: Path, work: Path) -> Prepared:
    old_dir = copy_data_dir(base, work / f"{scenario.name}-old")
    scenario.prepare(old_dir)
    old, problems = per_bundle(old_dir, scenario.bundles)
    assert problems == [], problems
    dry = copy_data_dir(old_dir, work / f"{scenario.name}-dry")
    result = zygote.run(argv(dry, scenario.command(dry)), patches=scenario.patches)
    assert result.returncode == 0 and not result.killed, result.output
    new, problems = per_bundle(dry, scenario.bundles)
    assert problems == [], problems
    assert new != old, f"{scenario.name}: the command changed nothing"
    return Prepared(scenario, old_dir, old, new, result.steps, user_snapshot(old_dir / "user.db"))


@dataclass
class Outcome:
    scenario: str
    step: str
    nth: int
    killed: bool
    state: dict[str, str] = field(default_factory=dict)
    expected: str | None = None
    problems: list[str] = field(default_factory=list)
    user_ok: bool = False
    recovered: bool = False
    wal_bytes: int = 0
    output: str = ""

    @property
    def mixed(self) -> bool:
        return "mix" in self.state.values()

    @property
    def wrong_side(self) -> bool:
        return self.expected is not None and any(v != self.expected for v in self.state.values())

    @property
    def data_lost(self) -> bool:
        return self.mixed or bool(self.problems) or not self.user_ok

    @property
    def ok(self) -> bool:
        return self.killed and not self.data_lost and not self.wrong_side and self.recovered

    def describe(self) -> str:
        return (
            f"{self.scenario} @ {self.step}#{self.nth}: killed={self.killed} state={self.state} "
            f"expected={self.expected} problems={self.problems} user_ok={self.user_ok} "
            f"recovered={self.recovered}\n{self.output[-2000:]}"
        )


def _classify(snap: dict[str, Any], prep: Prepared) -> dict[str, str]:
    state: dict[str, str] = {}
    for b in prep.scenario.bundles:
        if snap[b] == prep.old[b]:
            state[b] = "old"
        elif snap[b] == prep.new[b]:
            state[b] = "new"
        else:
            state[b] = "mix"
    return state


def kill_and_check(
    zygote: Zygote,
    prep: Prepared,
    step: str | None,
    nth: int,
    work: Path,
    *,
    kill_after: float | None = None,
    patches: dict[str, Any] | None = None,
) -> Outcome:
    sc = prep.scenario
    d = copy_data_dir(prep.old_dir, work)
    favourite = f"testregion:crash-{step}-{nth}-{kill_after}"
    run: RunResult = zygote.run(
        argv(d, sc.command(d)),
        kill_at=step,
        nth=nth,
        kill_after=kill_after,
        favourite=(str(d / "user.db"), favourite),
        patches={**sc.patches, **(patches or {})},
    )
    label = step if step is not None else f"after {kill_after * 1000:.1f} ms"
    out = Outcome(sc.name, label, nth, run.killed, output=run.output)
    if step is not None:
        out.killed = run.killed and run.killed_at == step
        out.expected = prep.expected(step, nth)
    out.wal_bytes = wal_bytes(d)
    snap, out.problems = per_bundle(d, sc.bundles)
    out.state = _classify(snap, prep)
    user = user_snapshot(d / "user.db")
    want = dict(prep.user_before)
    want["favourites"] = sorted([*prep.user_before["favourites"], favourite])
    user["favourites"] = sorted(user["favourites"])
    out.user_ok = user == want
    # The app recovers: the interrupted change can be made again and lands on the new state.
    # (When the state is already new, opening the library is what must still work.)
    redo = sc.command(d) if "old" in out.state.values() else ["library", "status"]
    again = zygote.run(argv(d, redo))
    snap, problems = per_bundle(d, sc.bundles)
    out.recovered = (
        again.returncode == 0
        and _classify(snap, prep) == dict.fromkeys(sc.bundles, "new")
        and not problems
    )
    if not out.recovered:
        out.output += "\n--- recovery ---\n" + again.output
    return out


# --------------------------------------------------------------------------- library scenarios


def library_scenarios(sources: tuple[Path, Path]) -> dict[str, Scenario]:
    v1, v2 = sources

    def install(folder: Path) -> Callable[[Path], None]:
        def do(data_dir: Path) -> None:
            from vnr_desktop.core.library import Library

            lib = Library(data_dir / "library.db")
            try:
                lib.install_dir(folder)
                lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                lib.close()

        return do

    def both(data_dir: Path) -> None:
        install(v1)(data_dir)
        install(v2)(data_dir)

    def nothing(data_dir: Path) -> None:
        pass

    def no_library(data_dir: Path) -> None:
        for name in ("library.db", "library.db-wal", "library.db-shm"):
            (data_dir / name).unlink(missing_ok=True)

    return {
        "install": Scenario(
            "install", nothing, lambda d: ["bundle", "install", str(v1)], ("testregion",)
        ),
        "update": Scenario(
            "update", install(v1), lambda d: ["bundle", "install", str(v2)], ("testregion",)
        ),
        "rollback": Scenario(
            "rollback",
            both,
            lambda d: ["bundle", "rollback", "testregion"],
            ("testregion",),
            commit_step="rollback-commits-after-its-last-step",
        ),
        "first-start": Scenario(
            "first-start",
            no_library,
            lambda d: ["library", "status"],
            ("gjovik", "hallingdal", "hamar", "nasjonal"),
            commit_step=None,
        ),
    }


# --------------------------------------------------------------------------- sync scenario


@dataclass
class SyncFeed:
    """A signed feed with testregion v1 then v2, served over HTTP on 127.0.0.1."""

    folder: Path
    key: Any
    url: str = ""


def sync_feed(work: Path) -> SyncFeed:
    """Publish v1 (kept as ``v1-feed``) and then v2 into ``feed`` with one key."""
    import shutil

    from servers.feeds import build, make_key, publish

    key = make_key()
    feed = work / "feed"
    publish([build(work, version=1)], key, feed)
    shutil.copytree(feed, work / "v1-feed")
    edits = {"contacts.yaml": ('"99 00 00 01"', '"99 00 00 09"')}
    publish([build(work, version=2, edits=edits)], key, feed)
    return SyncFeed(feed, key)


def sync_scenario(feed: SyncFeed) -> Scenario:
    """Update testregion v1 -> v2 with ``vnr-desktop sync --source URL`` over HTTP."""

    def prepare_old(data_dir: Path) -> None:
        from servers.feeds import fast_http

        from vnr_desktop.core.library import Library
        from vnr_desktop.core.paths import resolve_paths
        from vnr_desktop.core.settings import PublisherKey
        from vnr_desktop.core.sync.keyring import from_entries
        from vnr_desktop.core.sync.updater import Updater
        from vnr_desktop.core.userdata import UserData

        trust = PublisherKey(key=feed.key.public_key.to_base64(), scope=["testregion"])
        ud = UserData(data_dir / "user.db")
        try:
            settings = ud.settings().model_copy(update={"publisher_keys": [trust]})
            ud.save_settings(settings)
        finally:
            ud.close()
        lib = Library(data_dir / "library.db")
        try:
            updater = Updater(
                lib,
                resolve_paths(data_dir).ensure(),
                keys=from_entries([trust]),
                http=fast_http(),
            )
            updater.import_path(feed.folder.parent / "v1-feed")
            lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            lib.close()

    return Scenario(
        "sync",
        prepare_old,
        lambda d: ["sync", "--source", feed.url],
        ("testregion",),
        # Small download chunks, so the ~3 kB download has several .part writes to kill at.
        patches={"vnr_desktop.core.sync.http.CHUNK": 512},
    )

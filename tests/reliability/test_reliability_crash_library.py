"""SIGKILL at every step of a bundle install, update and rollback, and during first start.

After each kill the library opens at the old or the new version (exactly the one the kill
point implies), never a mix; the search index agrees with the items; user.db is intact;
running the command again finishes the job. See crash_scenarios.py for the checks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from crash_harness import Zygote
from crash_scenarios import (
    LIBRARY_STEPS,
    ROLLBACK_STEPS,
    Prepared,
    kill_and_check,
)

EXPECTED_STEPS = {
    "install": list(LIBRARY_STEPS),
    "update": list(LIBRARY_STEPS),
    "rollback": list(ROLLBACK_STEPS),
}
# First start installs four bundles (28 steps, each kill re-reads the built-in content): CI
# covers the begin, middle, commit and last-bundle points; bench/reliability.py does all 28.
FIRST_START_POINTS = [
    ("library:begin", 1),
    ("library:index-written", 2),
    ("library:committed", 3),
    ("library:history-written", 4),
]


@pytest.fixture
def prepared(library_scenarios_prepared: dict[str, Prepared]) -> dict[str, Prepared]:
    return library_scenarios_prepared


@pytest.mark.parametrize("name", sorted(EXPECTED_STEPS))
def test_the_command_passes_every_known_step(prepared: dict[str, Prepared], name: str) -> None:
    library_steps = [s for s in prepared[name].steps if s.startswith("library:")]
    assert library_steps == EXPECTED_STEPS[name]


def test_first_start_passes_each_step_once_per_builtin_bundle(
    prepared: dict[str, Prepared],
) -> None:
    steps = prepared["first-start"].steps
    for step in LIBRARY_STEPS:
        assert steps.count(step) == 4, (step, steps)


@pytest.mark.parametrize(
    ("name", "step", "nth"),
    [(name, step, 1) for name, steps in sorted(EXPECTED_STEPS.items()) for step in steps]
    + [("first-start", step, nth) for step, nth in FIRST_START_POINTS],
)
def test_kill_at_step_leaves_old_or_new_never_a_mix(
    zygote: Zygote, prepared: dict[str, Prepared], tmp_path: Path, name: str, step: str, nth: int
) -> None:
    outcome = kill_and_check(zygote, prepared[name], step, nth, tmp_path / "data")
    assert outcome.killed, outcome.describe()
    assert not outcome.mixed, outcome.describe()
    assert outcome.problems == [], outcome.describe()
    assert outcome.user_ok, outcome.describe()
    assert not outcome.wrong_side, outcome.describe()
    assert outcome.recovered, outcome.describe()
    if name != "first-start" and step == "library:committed":
        # Committed but never checkpointed: the new version lives only in the WAL, and
        # reopening the database (WAL recovery) must find it.
        assert outcome.wal_bytes > 0, outcome.describe()
        assert outcome.state == {"testregion": "new"}


def test_the_harness_catches_a_non_atomic_install(
    zygote: Zygote, prepared: dict[str, Prepared], tmp_path: Path
) -> None:
    """With transactions broken in the killed process, the same checks must see the damage."""
    outcome = kill_and_check(
        zygote,
        prepared["update"],
        "library:items-written",
        1,
        tmp_path / "data",
        patches={"vnr_desktop.core.db.transaction": "object:reliability_support.no_transaction"},
    )
    assert outcome.killed
    assert outcome.mixed or outcome.problems or outcome.wrong_side, outcome.describe()

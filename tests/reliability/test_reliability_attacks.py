"""The attack matrix (attacks.py): each attack is refused (or, for a frozen feed, used with a
warning) with a clear message, in bounded time, and the library and user data are unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from attacks import ATTACKS, Attack, run_attack


def test_the_matrix_covers_every_threat_the_issue_names() -> None:
    groups = {a.group for a in ATTACKS}
    assert groups >= {
        "signature",
        "catalog",
        "mix-and-match",
        "archive",
        "content",
        "oversize",
        "yaml",
        "network",
        "trust",
    }
    names = " ".join(a.name for a in ATTACKS)
    for threat in (
        "rollback",
        "freeze",
        "other-region",
        "endless",
        "tampered",
        "missing",
        "wrong-key",
        "mirror",
        "traversal",
        "symlink",
        "absolute",
        "alias-bomb",
        "oversized",
        "invalid-utf8",
        "wrong-field-types",
        "one-byte-a-second",
        "dns",
        "reset",
        "out-of-scope-bundle",
        "out-of-scope-catalog-entry",
        "out-of-scope-endorsement",
        "root-signed-content",
        "non-root-endorsement",
        "revoked-key-in-the-feed",
        "revoked-key-usb",
        "revoked-key-single-file",
        "revoked-key-with-a-cached-endorsement",
        "dripping-its-headers",
    ):
        assert threat in names, threat
    assert len(ATTACKS) >= 40


@pytest.mark.parametrize("attack", ATTACKS, ids=[f"{a.group}/{a.name}" for a in ATTACKS])
def test_attack_is_refused_and_changes_nothing(
    attack: Attack, synced_data_dir: tuple[Path, object], tmp_path: Path
) -> None:
    base, key = synced_data_dir
    result = run_attack(attack, base, tmp_path / "attack", key)
    assert result.outcome != "crashed", result.describe()
    assert result.data_lost == [], result.describe()
    assert result.outcome in attack.expect, result.describe()
    assert result.problems == [], result.describe()

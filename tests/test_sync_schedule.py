"""The automatic check schedule: soon after start, then every 24 h with jitter."""

from __future__ import annotations

import datetime as _dt
import random

from vnr_desktop.core.sync.schedule import next_check_delay

NOW = _dt.datetime(2025, 5, 1, 12, 0, tzinfo=_dt.UTC)


def test_first_check_is_soon_after_start() -> None:
    delays = [next_check_delay(None, NOW, random.Random(i)) for i in range(50)]
    assert all(10 <= d <= 120 for d in delays) and len(set(delays)) > 40


def test_stale_last_check_is_treated_like_never() -> None:
    assert next_check_delay(NOW - _dt.timedelta(days=3), NOW, random.Random(1)) <= 120


def test_recent_check_waits_a_day_with_jitter() -> None:
    last = NOW - _dt.timedelta(hours=1)
    delays = [next_check_delay(last, NOW, random.Random(i)) for i in range(50)]
    assert all(23 * 3600 <= d <= 25 * 3600 for d in delays)
    assert max(delays) - min(delays) > 3600  # spread over the jitter window

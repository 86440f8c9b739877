"""When the app checks for updates by itself: at start (after a short random delay) and then
every 24 hours with random jitter, so a fleet of laptops does not hit the feed at once."""

from __future__ import annotations

import datetime as _dt
import random

CHECK_INTERVAL = _dt.timedelta(hours=24)
MAX_JITTER = _dt.timedelta(hours=2)
STARTUP_DELAY_SECONDS = (10.0, 120.0)


def next_check_delay(
    last_checked: _dt.datetime | None,
    now: _dt.datetime,
    rng: random.Random | None = None,
) -> float:
    """Seconds until the next automatic check.

    Never checked, or the last check is more than a day old: soon after start (10–120 s, so
    start-up stays quick). Otherwise 24 h after the last check plus 0–2 h of jitter.
    """
    rng = rng or random.Random()
    if last_checked is None or now - last_checked >= CHECK_INTERVAL:
        return rng.uniform(*STARTUP_DELAY_SECONDS)
    due = last_checked + CHECK_INTERVAL + MAX_JITTER * rng.random()
    return max(STARTUP_DELAY_SECONDS[0], (due - now).total_seconds())

"""A long session in the real window (gui_soak.py): 300 random actions, and the app is whole."""

from __future__ import annotations

import pytest
from gui_soak import soak
from gui_support import OFFSCREEN_DIALOG_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_DIALOG_NOISE)


def test_three_hundred_random_actions_leave_the_app_whole(window):
    report = soak(window, actions=300)
    assert report.problems() == [], report
    assert set(report.kinds) >= {"page", "search", "guide", "hide", "resize", "dialog"}

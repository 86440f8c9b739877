"""Helpers for tests (import as `from testutil import require_tool`; never import conftest)."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """Path of an external tool; skip (locally) or fail (under CI) when it is missing.

    .ci/run (scripts/dev test) installs every tool the suite uses, so under CI=true a missing
    tool is a broken setup, never a reason to skip.
    """
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed (.ci/run installs it: see scripts/dev)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)

"""Headless Chromium (the distribution's, driven by Selenium) and axe-core for the feed site.

Nothing is downloaded at test time: Chromium and chromedriver come from apt (scripts/dev),
axe-core from npm into the venv (scripts/dev ensure_axe). Selenium Manager is never asked
for a browser: the service is given the system chromedriver explicitly.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from testutil import require_tool

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def axe_source() -> str:
    """axe.min.js from the venv (scripts/dev installs it), or $VNR_AXE_JS."""
    candidates = [
        Path(os.environ["VNR_AXE_JS"]) if os.environ.get("VNR_AXE_JS") else None,
        Path(sys.prefix) / "node_modules" / "axe-core" / "axe.min.js",
        ROOT / ".venv" / "node_modules" / "axe-core" / "axe.min.js",
    ]
    for path in candidates:
        if path is not None and path.is_file():
            return path.read_text("utf-8")
    import pytest

    message = "axe-core is not installed (scripts/dev test installs it with npm into .venv)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
    raise AssertionError  # unreachable


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[object]:
    """A Selenium WebDriver for headless Chromium with a fresh profile; quits on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser = shutil.which("chromium") or require_tool("chromium")
    driver_path = shutil.which("chromedriver") or require_tool("chromedriver")
    profile = tempfile.mkdtemp(prefix="vnr-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(120)
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def set_viewport(driver: object, width: int, height: int = 800) -> None:
    """Make the page's layout viewport exactly ``width`` CSS px (as a phone of that width)."""
    driver.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def axe_violations(driver: object, axe_js: str) -> list[dict[str, object]]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) in the page; returns its violations."""
    driver.execute_script(axe_js)  # type: ignore[attr-defined]
    result = driver.execute_async_script(  # type: ignore[attr-defined]
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a',
                 'wcag21aa', 'best-practice']}})
           .then(r => done(JSON.stringify(r.violations)))
           .catch(e => done(JSON.stringify([{id: 'axe-error', impact: 'critical',
                                             help: String(e), nodes: []}])));
        """
    )
    return json.loads(result)


def horizontal_overflow(driver: object) -> int:
    """How many CSS px the page is wider than the viewport (0: no horizontal scrolling)."""
    return int(
        driver.execute_script(  # type: ignore[attr-defined]
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
    )


def screenshot(driver: object, url: str, path: Path, width: int) -> None:
    """A full-page PNG of ``url`` at ``width`` CSS px."""
    set_viewport(driver, width)
    driver.get(url)  # type: ignore[attr-defined]
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))  # type: ignore[attr-defined]
    set_viewport(driver, width, min(height, 4000))
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))  # type: ignore[attr-defined]

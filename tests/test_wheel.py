"""The wheel is the product: what ``pip install .`` installs must run.

Builds the wheel and the sdist from this checkout, checks that every module and every bundled
file is in the wheel, installs the wheel into a fresh virtual environment (no editable install,
no source tree on the path) and runs the app from there: ``--version``, ``--smoke`` (the main
window with its content, offscreen) and a card render.

The fresh environment gets its third-party dependencies (PySide6, reportlab, ...) from the
test's own environment through a path entry, so the test needs no network; ``vnr_desktop``
itself comes only from the wheel, which the test checks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from wheel_support import install_wheel_alone

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

# Source folder -> the package path it is installed at (see pyproject.toml package-dir).
MAPPED = {
    "vnr_desktop": "vnr_desktop",
    "resources": "vnr_desktop/resources",
    "cards": "vnr_desktop/card_definitions",
}
SKIP_PARTS = {"__pycache__"}


def _tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", *MAPPED], cwd=REPO, capture_output=True, text=True, check=True
    )
    return [line for line in out.stdout.splitlines() if line]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    wheels = list(out.glob("vnr_desktop-*.whl"))
    assert len(wheels) == 1, wheels
    # The sdist: built with the stdlib-free PEP 517 hook through setuptools, as 'python -m
    # build --sdist' would, but without needing the 'build' package.
    code = "import sys, setuptools.build_meta as b; print(b.build_sdist(sys.argv[1]))"
    subprocess.run(
        [sys.executable, "-c", code, str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=600,
    )
    sdists = list(out.glob("vnr?desktop-*.tar.gz"))
    assert len(sdists) == 1, sdists
    return {"wheel": wheels[0], "sdist": sdists[0]}


def test_the_wheel_holds_every_module_and_every_bundled_file(built: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    missing = []
    for rel in _tracked_files():
        top, _, rest = rel.partition("/")
        if SKIP_PARTS & set(Path(rel).parts):
            continue
        installed = f"{MAPPED[top]}/{rest}"
        if installed not in names:
            missing.append(f"{rel} (expected at {installed})")
    assert missing == []
    # The GUI's sub-packages, which an explicit package list once left out.
    assert "vnr_desktop/gui/pages/home_page.py" in names
    assert "vnr_desktop/gui/adapters/__init__.py" in names


def test_the_sdist_holds_every_tracked_source_file(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    missing = [rel for rel in _tracked_files() if rel not in names]
    assert missing == []
    assert {"pyproject.toml", "setup.py", "README.md"} <= names


@pytest.fixture(scope="module")
def installed(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    env_dir = tmp_path_factory.mktemp("venv")
    install_wheel_alone(built["wheel"], env_dir)
    return env_dir


def _run(
    env_dir: Path, cwd: Path, *args: str, program: str = "vnr-desktop"
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}
    }
    env.update(QT_QPA_PLATFORM="offscreen", VNR_DATA_DIR=str(cwd / "data"))
    return subprocess.run(
        [str(env_dir / "bin" / program), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_installed_app_runs_from_the_wheel_alone(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import vnr_desktop, vnr_desktop.gui.pages as p; print(p.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed), where
    assert not Path(where).is_relative_to(REPO)

    version = _run(installed, tmp_path, "--version")
    assert version.returncode == 0, version.stderr
    assert "0." in version.stdout

    smoke = _run(installed, tmp_path, "--smoke")
    assert smoke.returncode == 0, smoke.stderr
    assert "smoke: ok" in smoke.stdout
    assert "Traceback" not in smoke.stderr
    # the desktop entry point (what the menu entry and a double-click start)
    desktop = _run(installed, tmp_path, "--smoke", program="vnr-desktop-gui")
    assert desktop.returncode == 0, desktop.stderr
    assert "numbers and home page" in desktop.stdout

    pdf = tmp_path / "barn.pdf"
    render = _run(
        installed, tmp_path, "cards", "render", "barn", "--region", "gjovik", "--format", "id1",
        "-o", str(pdf),
    )  # fmt: skip
    assert render.returncode == 0, render.stderr
    assert pdf.read_bytes().startswith(b"%PDF-")

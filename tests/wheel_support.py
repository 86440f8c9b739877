"""The wheel installed alone into a fresh venv (tests/test_wheel.py, bench/startup.py --wheel).

``vnr_desktop`` comes only from the wheel; the third-party dependencies (PySide6, reportlab, ...)
come from the running environment through a path entry appended after the venv's own
site-packages, so no network is needed. The .pth files in those folders (an editable install's
finder) are not run: nothing of the source tree is importable from the venv.
"""

from __future__ import annotations

import site
import subprocess
import sys
import venv
from pathlib import Path


def install_wheel_alone(wheel: Path, env_dir: Path) -> Path:
    """Create a venv at ``env_dir``, install ``wheel`` into it (no deps, no index); its python."""
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    deps = [p for p in site.getsitepackages() if "site-packages" in p]
    Path(purelib, "zz_dependencies.pth").write_text("\n".join(deps) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )  # fmt: skip
    return python

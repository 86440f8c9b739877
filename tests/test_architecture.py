"""The core/GUI split and resource-loading rules, enforced."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import vnr_desktop

PACKAGE = Path(vnr_desktop.__file__).parent
FORBIDDEN_IN_CORE = ("PySide6", "shiboken6", "vnr_desktop.gui", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
    return found


def test_core_never_imports_qt_or_gui_statically():
    offenders = []
    core_files = sorted((PACKAGE / "core").rglob("*.py"))
    assert len(core_files) > 5
    for path in core_files:
        for line, name in _imports(path):
            if name.startswith(FORBIDDEN_IN_CORE):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    assert offenders == []


def test_importing_all_of_core_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts)
        for p in (PACKAGE / "core").rglob("*.py")
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_cli_loads_no_qt_for_plain_commands():
    code = (
        "import sys\n"
        "from vnr_desktop.cli import build_parser\n"
        "build_parser()\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith('PySide6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_module_locates_files_through_dunder_file_or_cwd():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "__file__":
                offenders.append(f"{path.name}:{node.lineno} uses __file__")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"getcwd", "cwd"}
                and not path.name.startswith("cli")
                and "cli" not in path.parts
            ):
                offenders.append(f"{path.name}:{node.lineno} uses the working directory")
    assert offenders == []

"""The start-up boundary (gui/late.py): what loads after the first screen is named in one place,
and none of it loads before the numbers are painted."""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from vnr_desktop.gui import late

GUI = Path(late.__file__).parent


def _type_checking_names(tree: ast.Module) -> set[str]:
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            names = set()
            for stmt in node.body:
                if isinstance(stmt, ast.ImportFrom | ast.Import):
                    names |= {a.asname for a in stmt.names if a.asname == a.name}
                elif isinstance(stmt, ast.Assign):
                    names |= {t.id for t in stmt.targets if isinstance(t, ast.Name)}
            return names
    raise AssertionError("late.py has no TYPE_CHECKING block")


def test_the_table_and_the_type_names_agree():
    tree = ast.parse(Path(late.__file__).read_text(encoding="utf-8"))
    assert _type_checking_names(tree) == set(late.LATE_MODULES)


def test_each_name_is_its_module():
    for name, target in late.LATE_MODULES.items():
        assert getattr(late, name) is importlib.import_module(target), name


def test_no_import_inside_a_gui_function_without_a_reason():
    """Each import left inside a function has a comment just above it saying why."""
    unexplained = []
    for path in sorted(GUI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for fn in ast.walk(ast.parse(text)):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    above = lines[node.lineno - 2].strip()
                    if not above.startswith(("#", "from ", "import ")):
                        unexplained.append(f"{path.relative_to(GUI)}:{node.lineno}")
    assert unexplained == []


def test_none_of_the_late_modules_load_before_the_numbers(gui_data: Path, tmp_path: Path):
    """The smoke start on a set-up data folder: the modules loaded when the numbers and the
    home page are painted include none that gui/late.py names."""
    out = tmp_path / "modules.json"
    code = (
        "import json, sys\n"
        "import vnr_desktop.gui.app as app\n"
        "def report(times):\n"
        f"    open({str(out)!r}, 'w').write(json.dumps(sorted(sys.modules)))\n"
        "app._report_startup = report\n"
        f"sys.exit(app.run({str(gui_data)!r}, smoke=True))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "from the library's first-screen summary" in proc.stdout
    loaded = set(json.loads(out.read_text()))
    assert "vnr_desktop.gui.main_window" in loaded
    assert sorted(set(late.LATE_MODULES.values()) & loaded) == []
    assert "pydantic" not in loaded


def test_no_python_event_filter_on_the_application():
    """An application-wide Python filter sees every event of every object, and makes PySide
    build every Qt class at the first object of a class it does not wrap (gui/window_keys.py):
    key filters go on windows, first-paint watching on the window."""
    pattern = re.compile(r"(\bapp\b|instance\(\)|\bqApp\b)\s*\.\s*installEventFilter\(")
    found = []
    for path in sorted(GUI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.relative_to(GUI)}:{number}: {line.strip()}")
    assert found == []

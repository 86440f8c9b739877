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


# ---------------------------------------------------------------------- the shape of the house

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 400
MAX_FUNCTION_LINES = 80


def _import_graph():  # -> grimp ImportGraph
    """The run-time import graph. Imports under ``if TYPE_CHECKING:`` are left out: they are
    never executed, so they cannot make an import order matter (a Protocol in gui/controllers
    naming the window it is implemented by is not a cycle a reader or Python trips over)."""
    import grimp

    return grimp.build_graph("vnr_desktop", cache_dir=None, exclude_type_checking_imports=True)


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append(
                        (child, iter(sorted(graph.find_modules_directly_imported_by(child))))
                    )
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycles_anywhere():
    graph = _import_graph()
    assert len(graph.modules) > 50
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    class Graph:
        modules = {"a", "b", "c", "d"}
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

        def find_modules_directly_imported_by(self, module: str) -> set[str]:
            return self.edges[module]

    assert _cycles(Graph()) == [["a", "b", "c"]]


def test_no_module_imports_a_private_name_from_another():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("vnr_desktop"):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        rel = path.relative_to(PACKAGE.parent)
                        offenders.append(f"{rel}:{node.lineno} imports {node.module}.{alias.name}")
    assert offenders == []


def _sizes() -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
    modules, classes, functions = [], [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        rel = str(path.relative_to(PACKAGE.parent))
        modules.append((len(text.splitlines()), rel))
        for node in ast.walk(ast.parse(text)):
            size = (
                (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "lineno") else 0
            )
            if isinstance(node, ast.ClassDef):
                classes.append((size, f"{rel}:{node.name}"))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                functions.append((size, f"{rel}:{node.name}"))
    return sorted(modules), sorted(classes), sorted(functions)


def test_rooms_a_person_can_hold_in_their_head(capsys):
    modules, classes, functions = _sizes()
    with capsys.disabled():
        print(f"\nlargest module {modules[-1]}, class {classes[-1]}, function {functions[-1]}")
    assert [m for m in modules if m[0] > MAX_MODULE_LINES] == []
    assert [c for c in classes if c[0] > MAX_CLASS_LINES] == []
    assert [f for f in functions if f[0] > MAX_FUNCTION_LINES] == []


def test_import_contracts_hold():
    """import-linter's contracts in pyproject.toml (core without Qt/GUI/CLI; cli > gui > core)."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run(
        [str(lint), "--no-cache"], capture_output=True, text=True, cwd=PACKAGE.parent
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout

"""Packaging: build.spec, the frozen app's launcher, icons, the Linux desktop entry, `about`,
and (marked slow, 61–91 s here) the real PyInstaller build checked by scripts/check-frozen.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
from testutil import require_tool

import vnr_desktop
from vnr_desktop.cli import COMMAND_MODULES
from vnr_desktop.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
LAUNCHER = ROOT / "packaging" / "launcher.py"
DESKTOP_FILE = ROOT / "packaging" / "linux" / "vnr-desktop.desktop"
INSTALL_SCRIPT = ROOT / "packaging" / "linux" / "install-desktop-entry.sh"
APP_SVG = ROOT / "resources" / "icons" / "vnr-desktop.svg"


# ------------------------------------------------------------------------------- build.spec


class _Recorder:
    """Stands in for one of PyInstaller's spec classes and keeps what the spec passed."""

    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]

    def __init__(self, kind: str, calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]]) -> None:
        self.kind = kind
        self.calls = calls

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        self.calls.append((self.kind, args, kwargs))
        return SimpleNamespace(
            pure=["pure"],
            scripts=["scripts"],
            binaries=list(kwargs.get("binaries", [])),
            datas=list(kwargs.get("datas", [])),
        )


def _run_spec(
    tmp_path: Path,
) -> tuple[dict[str, Any], dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]]:
    calls: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []
    dist = tmp_path / "dist"
    work = tmp_path / "work"
    work.mkdir()

    class Collect(_Recorder):
        def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
            (dist / kwargs["name"]).mkdir(parents=True)
            return super().__call__(*args, **kwargs)

    namespace: dict[str, Any] = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(ROOT),
        "DISTPATH": str(dist),
        "workpath": str(work),
        **{name: _Recorder(name, calls) for name in ("Analysis", "PYZ", "EXE", "BUNDLE")},
        "COLLECT": Collect("COLLECT", calls),
    }
    exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), namespace)
    by_kind: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}
    for kind, args, kwargs in calls:
        by_kind.setdefault(kind, []).append((args, kwargs))
    return namespace, by_kind


@pytest.fixture(scope="module")
def spec_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("spec")
    namespace, calls = _run_spec(tmp)
    return tmp, namespace, calls


def test_spec_maps_the_data_folders_as_pyproject_does(spec_run):
    _, namespace, _ = spec_run
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    package_dir = pyproject["tool"]["setuptools"]["package-dir"]
    expected = {folder: package.replace(".", "/") for package, folder in package_dir.items()}
    assert namespace["DATA_FOLDERS"] == expected


def test_spec_collects_every_bundled_file_at_its_package_path(spec_run):
    _, namespace, calls = spec_run
    [(_, analysis)] = calls["Analysis"]
    datas = set(analysis["datas"])
    for folder, dest in namespace["DATA_FOLDERS"].items():
        files = [
            p
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
        ]
        assert files, folder
        for path in files:
            rel = path.relative_to(ROOT / folder)
            assert (str(path), str(Path(dest, *rel.parts[:-1]))) in datas, rel
    assert not [src for src, _ in datas if "__pycache__" in src or src.endswith(".pyc")]
    # The fonts the cards embed and the content bundles are among them.
    dests = {(Path(src).name, dest) for src, dest in datas}
    assert ("DejaVuSans.ttf", "vnr_desktop/resources/fonts") in dests
    assert ("manifest.yaml", "vnr_desktop/resources/bundles/nasjonal") in dests


def test_spec_entry_imports_excludes_and_no_upx(spec_run):
    _, _, calls = spec_run
    [(args, analysis)] = calls["Analysis"]
    assert args[0] == [str(LAUNCHER)]
    # Command modules are imported by name, so they must be hidden imports.
    assert set(COMMAND_MODULES) <= set(analysis["hiddenimports"])
    assert {"vnr_desktop.gui.app", "vnr_desktop.core.library"} <= set(analysis["hiddenimports"])
    # reportlab's barcode package imports these through exec(); the QR code needs them.
    assert {"reportlab.graphics.barcode.code128", "reportlab.graphics.barcode.qr"} <= set(
        analysis["hiddenimports"]
    )
    assert "reportlab.graphics.barcode.test" not in analysis["hiddenimports"]
    assert {"tkinter", "_tkinter", "PySide6.QtWebEngineCore", "PySide6.QtQml"} <= set(
        analysis["excludes"]
    )
    executables = calls["EXE"]
    assert executables and all(kwargs["upx"] is False for _, kwargs in executables)
    assert executables[0][1]["name"] == "vnr-desktop" and executables[0][1]["console"] is True
    [(_, collect)] = calls["COLLECT"]
    assert collect["upx"] is False and collect["name"] == "vnr-desktop"


def test_spec_drops_the_virtual_keyboard_and_keeps_the_qt_core(spec_run):
    _, namespace, _ = spec_run
    keep = namespace["keep_binary"]
    assert not keep("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert not keep("PySide6/Qt/lib/libQt6Quick.so.6")
    assert not keep("libQt6Qml.so.6")
    for needed in (
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    ):
        assert keep(needed), needed


def test_spec_generates_icons_and_linux_desktop_files(spec_run):
    tmp, _, calls = spec_run
    work_icons = tmp / "work" / "icons"
    assert (work_icons / "vnr-desktop.ico").stat().st_size > 0
    assert (work_icons / "vnr-desktop.icns").stat().st_size > 0
    windows_icon = str(work_icons / "vnr-desktop.ico") if sys.platform == "win32" else None
    assert calls["EXE"][0][1]["icon"] == windows_icon
    if sys.platform.startswith("linux"):
        app = tmp / "dist" / "vnr-desktop"
        assert (app / "vnr-desktop.desktop").read_bytes() == DESKTOP_FILE.read_bytes()
        assert os.access(app / "install-desktop-entry.sh", os.X_OK)
        assert (app / "icons/hicolor/48x48/apps/vnr-desktop.png").is_file()
        assert (
            app / "icons/hicolor/scalable/apps/vnr-desktop.svg"
        ).read_bytes() == APP_SVG.read_bytes()


# ------------------------------------------------------------------------------- launcher


def _load_launcher() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vnr_launcher", LAUNCHER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_launcher_with_arguments_runs_the_cli_without_qt(data_dir):
    code = (
        "import runpy, sys\n"
        f"sys.argv = [{str(LAUNCHER)!r}, 'about', '--json']\n"
        "try:\n"
        f"    runpy.run_path({str(LAUNCHER)!r}, run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'vnr_desktop.gui')))\n"
        "print('QT-MODULES', qt)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    about, _, tail = proc.stdout.rpartition("}\n")
    assert json.loads(about + "}")["data_dir"] == str(data_dir)
    assert tail.strip() == "QT-MODULES []"
    assert proc.stderr == ""


def test_launcher_version_exit_code():
    proc = subprocess.run(
        [sys.executable, str(LAUNCHER), "--version"], capture_output=True, text=True
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, f"vnr-desktop {vnr_desktop.__version__}")
    proc = subprocess.run(
        [sys.executable, str(LAUNCHER), "no-such-command"], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_launcher_without_arguments_opens_the_gui(monkeypatch):
    import vnr_desktop.gui.launch as gui_launch

    launcher = _load_launcher()
    opened: list[str] = []

    def fake_gui_main() -> int:
        opened.append("gui")
        return 7

    def fake_cli_main(argv: list[str]) -> int:
        opened.append(f"cli {argv}")
        return 0

    monkeypatch.setattr(gui_launch, "main", fake_gui_main)
    monkeypatch.setattr("vnr_desktop.cli.main", fake_cli_main)
    assert launcher.main([]) == 7
    assert launcher.main(["-psn_0_4711"]) == 7  # what old macOS Finder adds to a launch
    assert launcher.main(["search", "vold"]) == 0
    assert opened == ["gui", "gui", "cli ['search', 'vold']"]


# ------------------------------------------------------------------------------- icons


def test_make_icons_renders_every_size_from_the_svg(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    from PIL import Image

    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        with Image.open(tmp_path / f"hicolor/{size}x{size}/apps/vnr-desktop.png") as png:
            assert png.size == (size, size)
            alpha = png.convert("RGBA").getchannel("A")
            assert alpha.getextrema()[1] == 255, f"{size} px icon is empty"
    with Image.open(tmp_path / "vnr-desktop.ico") as ico:
        assert {16, 24, 32, 48, 64, 128, 256} == {w for w, _ in ico.info["sizes"]}
    with Image.open(tmp_path / "vnr-desktop.icns") as icns:
        assert icns.size == (1024, 1024)
        assert {16, 32, 128, 256, 512} <= {w for w, _, _ in icns.info["sizes"]}


def test_make_icons_names_a_missing_svg(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "make_icons.py"),
            "--svg",
            str(tmp_path / "x.svg"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "x.svg: no such SVG file" in proc.stderr


# ------------------------------------------------------------------------------- Linux desktop


def _desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_desktop_file_is_valid():
    tool = require_tool("desktop-file-validate")
    proc = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True)
    assert (proc.returncode, proc.stdout + proc.stderr) == (0, "")
    entry = _desktop_entry(DESKTOP_FILE)
    assert entry["Exec"] == entry["Icon"] == vnr_desktop.APP_ID
    assert entry["Name"] == vnr_desktop.APP_NAME
    assert entry["Terminal"] == "false"


def _fake_app_folder(parent: Path) -> Path:
    """The layout build.spec produces on Linux (the executable is a stand-in script)."""
    app = parent / "VNR app" / "vnr-desktop"
    (app / "icons/hicolor/48x48/apps").mkdir(parents=True)
    (app / "icons/hicolor/scalable/apps").mkdir(parents=True)
    (app / "icons/hicolor/48x48/apps/vnr-desktop.png").write_bytes(b"png")
    (app / "icons/hicolor/scalable/apps/vnr-desktop.svg").write_bytes(b"<svg/>")
    exe = app / "vnr-desktop"
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    (app / "vnr-desktop.desktop").write_bytes(DESKTOP_FILE.read_bytes())
    script = app / "install-desktop-entry.sh"
    script.write_bytes(INSTALL_SCRIPT.read_bytes())
    script.chmod(0o755)
    return app


def test_install_desktop_entry_for_the_user_and_remove_it(tmp_path):
    app = _fake_app_folder(tmp_path)
    share = tmp_path / "share"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(share)}
    proc = subprocess.run(
        [str(app / "install-desktop-entry.sh")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    installed = share / "applications" / "vnr-desktop.desktop"
    entry = _desktop_entry(installed)
    assert entry["Exec"] == f'"{app}/vnr-desktop"'  # quoted: the path has a space
    assert entry["TryExec"] == f"{app}/vnr-desktop"
    assert (share / "icons/hicolor/48x48/apps/vnr-desktop.png").read_bytes() == b"png"
    assert (share / "icons/hicolor/scalable/apps/vnr-desktop.svg").is_file()
    tool = require_tool("desktop-file-validate")
    check = subprocess.run([tool, str(installed)], capture_output=True, text=True)
    assert (check.returncode, check.stdout + check.stderr) == (0, "")

    proc = subprocess.run(
        [str(app / "install-desktop-entry.sh"), "--uninstall"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert not installed.exists()
    assert not list((share / "icons").rglob("vnr-desktop.*"))
    assert (app / "vnr-desktop").exists()


def test_install_desktop_entry_refuses_outside_the_app_folder(tmp_path):
    script = tmp_path / "install-desktop-entry.sh"
    script.write_bytes(INSTALL_SCRIPT.read_bytes())
    script.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "share")}
    proc = subprocess.run([str(script)], capture_output=True, text=True, env=env)
    assert proc.returncode == 2
    assert "run me from the VNR Desktop app folder" in proc.stderr
    assert not (tmp_path / "share").exists()


# ------------------------------------------------------------------------------- about


def test_about_reports_the_platform_folders(monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("VNR_DATA_DIR")
    assert cli_main(["about", "--json", "--qt"]) == 0
    info = json.loads(capsys.readouterr().out)
    xdg = Path(os.environ["XDG_DATA_HOME"])
    assert info["data_dir"] == str(xdg / "vnr-desktop")
    assert Path(info["log_dir"]).is_relative_to(Path(os.environ["XDG_STATE_HOME"]))
    assert Path(info["cache_dir"]).is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    assert info["frozen"] is False
    assert Path(info["resources_dir"]) == ROOT / "resources"
    assert Path(info["card_definitions_dir"]) == ROOT / "cards"
    assert info["qt_catalogues_found"] == ["qtbase_nn.qm", "qtbase_en.qm"]


def test_about_honours_the_data_dir(data_dir, capsys):
    assert cli_main(["--data-dir", str(data_dir / "elsewhere"), "about"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{vnr_desktop.APP_NAME} {vnr_desktop.__version__} ")
    assert f"{data_dir / 'elsewhere'}\n" in out
    assert "Ferdigbygd app:" in out and "nei" in out


# ------------------------------------------------------------------------------- the frozen app


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_frozen_app_passes_check_frozen(tmp_path):
    """Build the one-folder app with PyInstaller into tmp and run it as a user would."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed (pip install -e '.[build]'; scripts/dev does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    for tool in ("pdffonts", "pdfinfo", "pdftotext", "ldd"):
        require_tool(tool)
    app = tmp_path / "dist" / "vnr-desktop"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "check-frozen"),
            str(app),
            "--build",
            "--workpath",
            str(tmp_path / "work"),
            "--source-python",
            sys.executable,
        ],
        capture_output=True,
        text=True,
        timeout=850,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert proc.stdout.rstrip().endswith("check-frozen: OK")
    passed = {line.split(":")[0] for line in proc.stdout.splitlines() if line.startswith("PASS ")}
    assert passed == {
        f"PASS {name}"
        for name in (
            "version",
            "about",
            "smoke",
            "gui entry",
            "cards render",
            "search",
            "signed import",
            "libraries",
            "untouched",
        )
    }

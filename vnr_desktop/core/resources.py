"""Access to bundled files through importlib.resources (never __file__ or the working dir).

``vnr_desktop.resources`` is the repository's top-level ``resources/`` folder and
``vnr_desktop.card_definitions`` its ``cards/`` folder (see pyproject.toml); PyInstaller's
build.spec collects both under the same package names.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

RESOURCES_PACKAGE = "vnr_desktop.resources"
CARDS_PACKAGE = "vnr_desktop.card_definitions"


class ResourceError(Exception):
    """A bundled file is missing or the name is not allowed."""


def _safe_parts(name: str) -> list[str]:
    parts = [p for p in name.replace("\\", "/").split("/") if p not in {"", "."}]
    if any(p == ".." for p in parts) or name.startswith(("/", "\\")):
        raise ResourceError(f"resource name {name!r} leaves the resource folder")
    return parts


def resource(name: str, package: str = RESOURCES_PACKAGE) -> Traversable:
    """The bundled file or folder ``name`` (``"fonts/DejaVuSans.ttf"``)."""
    node: Traversable = resources.files(package)
    for part in _safe_parts(name):
        node = node / part
    return node


def resource_path(name: str, package: str = RESOURCES_PACKAGE) -> Path:
    """A real filesystem path for a bundled file or folder.

    Every supported install (editable, wheel, PyInstaller one-folder) keeps resources as real
    files, so the Traversable is a Path; anything else is an install error.
    """
    node = resource(name, package)
    if not isinstance(node, Path):
        raise ResourceError(f"resource {name!r} is not on the file system ({type(node).__name__})")
    if not node.exists():
        raise ResourceError(f"bundled resource {name!r} is missing from this installation")
    return node


def builtin_bundles_dir() -> Path:
    return resource_path("bundles")


def builtin_bundle_ids() -> list[str]:
    root = builtin_bundles_dir()
    return sorted(p.name for p in root.iterdir() if (p / "manifest.yaml").is_file())


def builtin_bundle_dir(bundle_id: str) -> Path:
    return resource_path(f"bundles/{bundle_id}")


def cards_dir() -> Path:
    return resource_path("", CARDS_PACKAGE)


def font_path(filename: str) -> Path:
    return resource_path(f"fonts/{filename}")

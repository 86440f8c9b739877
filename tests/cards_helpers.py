"""Helpers for the card tests: a library with the card test bundles, and PDF readers."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
from pypdf import PdfReader

FIXTURES = Path(__file__).parent / "fixtures" / "cards"
TEST_BUNDLES = FIXTURES / "bundles"
TEST_DEFS = FIXTURES / "defs"
MM = 72 / 25.4


def install_test_bundles(library: object) -> None:
    """nasjonal (test) first, then fjordby, which refers to it."""
    for name in ("nasjonal", "fjordby"):
        library.install_dir(TEST_BUNDLES / name)  # type: ignore[attr-defined]


def load_test_catalog(tmp_path: Path | None = None, extra: dict[str, str] | None = None) -> object:
    """The test card definitions (optionally with extra files written next to them)."""
    from vnr_desktop.core.cards.loader import load_catalog

    root = TEST_DEFS
    if extra:
        assert tmp_path is not None
        root = tmp_path / "defs"
        shutil.copytree(TEST_DEFS, root)
        for name, text in extra.items():
            (root / name).write_text(text, encoding="utf-8")
    result = load_catalog(root)
    assert result.ok, [str(d) for d in result.errors]
    return result.catalog


def page_text(pdf: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return [page.extract_text() or "" for page in reader.pages]


def all_text(pdf: bytes) -> str:
    """Extracted text with whitespace collapsed (numbers keep their single spaces)."""
    return re.sub(r"\s+", " ", " ".join(page_text(pdf)))


def boxes_mm(pdf: bytes) -> list[dict[str, tuple[float, ...]]]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        out = []
        for page in doc.pages:
            entry = {}
            for name in ("/MediaBox", "/TrimBox", "/BleedBox"):
                box = page.obj.get(name)
                entry[name[1:]] = tuple(float(v) / MM for v in box) if box is not None else ()
            out.append(entry)
        return out


def font_report(pdf: bytes) -> list[tuple[str, str, bool]]:
    """(base font, subtype, embedded) for every font resource on every page and form."""
    seen: dict[str, tuple[str, str, bool]] = {}
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if not isinstance(obj, pikepdf.Dictionary) or obj.get("/Type") != "/Font":
                continue
            name = str(obj.get("/BaseFont", ""))
            subtype = str(obj.get("/Subtype", ""))
            embedded = False
            descriptor = obj.get("/FontDescriptor")
            if subtype == "/Type0":
                for desc in obj.get("/DescendantFonts", []):
                    d = desc.get("/FontDescriptor")
                    if d is not None and any(
                        k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")
                    ):
                        embedded = True
            elif descriptor is not None:
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen[name] = (name, subtype, embedded)
    return sorted(seen.values())


def pdffonts(path: Path) -> list[list[str]]:
    """Rows of poppler's pdffonts table (name, type, encoding, emb, sub, uni, ...)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def normalise_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def publish_fjordby(lib, tmp_path: Path, url: str) -> None:
    """fjordby v3 naming ``publish_url`` (a bundle its publisher serves on the web): its
    cards carry a QR code to their page."""
    src = tmp_path / "fjordby"
    shutil.copytree(TEST_BUNDLES / "fjordby", src)
    manifest = src / "manifest.yaml"
    text = manifest.read_text("utf-8").replace("\nversion: 2\n", "\nversion: 3\n")
    manifest.write_text(text + f"publish_url: {url}\n", "utf-8")
    lib.install_dir(src)

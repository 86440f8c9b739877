"""Render the app icon (one SVG in resources/icons/) to what each platform needs.

    python packaging/make_icons.py --out /tmp/vnr-build/icons

writes, from the SVG only:
    hicolor/<N>x<N>/apps/vnr-desktop.png   Linux icon theme sizes (and hicolor/scalable/.../svg)
    vnr-desktop.ico                         Windows, 16 to 256 px in one file
    vnr-desktop.icns                        macOS, 16 to 1024 px
Each size is rendered from the vector drawing by Qt's QSvgRenderer (not scaled down from one
bitmap), so small sizes stay sharp; Pillow only writes the .ico and .icns containers.
build.spec runs this at build time; nothing generated is committed.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from pathlib import Path

APP_ID = "vnr-desktop"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"

HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


class IconError(Exception):
    pass


def find_svg(explicit: Path | None) -> Path:
    if explicit is not None:
        if not explicit.is_file():
            raise IconError(f"{explicit}: no such SVG file")
        return explicit
    if DEFAULT_SVG.is_file():
        return DEFAULT_SVG
    found = sorted((ROOT / "resources" / "icons").glob("*.svg"))
    hint = ", ".join(p.name for p in found) or "none"
    raise IconError(f"app icon {DEFAULT_SVG} is missing (SVG files in resources/icons: {hint})")


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn at size x size pixels (aspect ratio kept, centred), as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise IconError(f"{svg}: Qt cannot read this SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    view = renderer.viewBoxF()
    scale = size / max(view.width(), view.height())
    width, height = view.width() * scale, view.height() * scale
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF((size - width) / 2, (size - height) / 2, width, height))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise IconError(f"could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def make_icons(svg: Path, out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # fonts for SVG text
    sizes = sorted(set(HICOLOR_SIZES) | set(ICO_SIZES) | set(ICNS_SIZES))
    pngs = {size: render_png(svg, size) for size in sizes}
    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in pngs.items()}

    written: list[Path] = []
    for size in HICOLOR_SIZES:
        path = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        written.append(path)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable)
    written.append(scalable)

    ico = out / f"{APP_ID}.ico"
    largest = max(ICO_SIZES)
    images[largest].save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != largest],
    )
    written.append(ico)

    icns = out / f"{APP_ID}.icns"
    largest = max(ICNS_SIZES)
    images[largest].save(
        icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != largest]
    )
    written.append(icns)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--svg", type=Path, help=f"the icon (default: {DEFAULT_SVG})")
    parser.add_argument("--out", type=Path, required=True, help="folder for the generated files")
    args = parser.parse_args(argv)
    try:
        svg = find_svg(args.svg)
        written = make_icons(svg, args.out)
    except IconError as exc:
        print(f"make_icons: {exc}", file=sys.stderr)
        return 1
    print(f"make_icons: {len(written)} files from {svg.name} in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Card rendering benchmark (a measurement, not a test).

    .venv/bin/python bench/cards.py [--runs 20] [--lo-runs 5] [--keep DIR]

Renders from a library with the built-in content (installed into a temporary folder) and
prints:

- a single two-sided ID-1 card (``akutt`` for Gjøvik): median and best of ``--runs``, with
  the QR code encoded afresh each time ("cold": as the first print of a card) and with the QR
  cache warm (as a re-print or another format of the same card);
- the same card imposed on an A4 duplex sheet (8-up, backs mirrored);
- the print-shop variants (PDF/X-1a, CMYK, FOGRA39 output intent): single card, the
  10-up sheet without gutters, and the mixed sheet of a region's eight cards;
- every poster of the region (A4 and A3), median per poster;
- every card, in every format and language, for every region (total and per render);
- LibreOffice (``soffice --headless --convert-to pdf``) converting an equivalent card
  document: the same texts and numbers on two 85.6 × 53.98 mm pages, as flat ODT; one soffice
  process per conversion (as a script would call it), after one warm-up run that creates the
  profile; median of ``--lo-runs``;
- the ratio LibreOffice / in-process, against the targets (issue 5): single card <= 40 ms,
  imposed sheet <= 60 ms, at least 20× faster than LibreOffice.

If soffice is not installed it says so clearly and prints the in-process figures only.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from vnr_desktop.core.cards import qr
from vnr_desktop.core.cards.definitions import FORMAT_IDS
from vnr_desktop.core.cards.loader import shipped_catalog
from vnr_desktop.core.cards.render import prepare, render_card, render_mixed
from vnr_desktop.core.cards.resolve import card_regions
from vnr_desktop.core.library import open_library

CARD, REGION = "akutt", "gjovik"
TARGET_SINGLE_MS = 40.0
TARGET_SHEET_MS = 60.0
TARGET_RATIO = 20.0


class Timing:
    """Wall-clock and CPU milliseconds of repeated runs (CPU time is what the render costs;
    wall time also counts waiting for the CPU on a busy machine)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __str__(self) -> str:
        return (
            f"wall median {statistics.median(self.wall):6.1f} ms, best {min(self.wall):6.1f} ms"
            f" | CPU median {statistics.median(self.cpu):6.1f} ms"
        )


def _timed(fn, runs: int, *, cold_qr: bool = False) -> Timing:
    out = Timing()
    for _ in range(runs):
        if cold_qr:
            qr.qr_modules.cache_clear()
        t, c = time.perf_counter(), time.process_time()
        fn()
        out.cpu.append((time.process_time() - c) * 1000)
        out.wall.append((time.perf_counter() - t) * 1000)
    return out


def _fmt(ms: list[float]) -> str:
    return f"median {statistics.median(ms):6.1f} ms   best {min(ms):6.1f} ms"


def card_fodt(library, card_id: str, region: str) -> str:
    """A flat ODT document with the card's texts on two ID-1 pages (the LibreOffice side)."""
    rc, plan, _ = prepare(library, card_id, region, "id1")
    paragraphs: list[tuple[str, str]] = []
    for side_name, side in plan.sides.items():
        for placed in side.placed:
            if placed.panel_id == "title":
                paragraphs.append(("Title", f"{rc.short_title} – {rc.region_name}"))
                continue
            if placed.panel_id in ("meta", "footer"):
                paragraphs.append(("Meta", f"Innhold: {rc.content_version}"))
                continue
            if placed.panel_id == "qr":
                continue
            panel = rc.panels[placed.panel_id]
            if panel.heading:
                paragraphs.append(("Heading", panel.heading))
            for element in panel.elements:
                if element.text:
                    paragraphs.append(("Body", element.text))
                for bullet in element.bullets:
                    paragraphs.append(("Body", f"• {bullet}"))
                for block in element.blocks:
                    paragraphs.append(("Body", " · ".join(block.items) or block.text or ""))
                for line in element.lines:
                    paragraphs.append(("Number", f"{line.label}\t{line.number or '______'}"))
        paragraphs.append(("Break", side_name))
    body = []
    for style, text in paragraphs:
        if style == "Break":
            body.append('<text:p text:style-name="Break"/>')
        else:
            inner = escape(text).replace("\t", "<text:tab/>")
            body.append(f'<text:p text:style-name="{style}">{inner}</text:p>')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'"
   xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Body" style:family="paragraph">
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="7pt"/></style:style>
  <style:style style:name="Title" style:family="paragraph">
   <style:paragraph-properties fo:background-color="#123456"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="8.5pt"
    fo:font-weight="bold" fo:color="#ffffff"/></style:style>
  <style:style style:name="Heading" style:family="paragraph">
   <style:paragraph-properties fo:background-color="#a11d1d"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="7.5pt"
    fo:font-weight="bold" fo:color="#ffffff"/></style:style>
  <style:style style:name="Number" style:family="paragraph">
   <style:paragraph-properties><style:tab-stops>
    <style:tab-stop style:position="6.5cm" style:type="right"/></style:tab-stops>
   </style:paragraph-properties>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="9pt"
    fo:font-weight="bold"/></style:style>
  <style:style style:name="Meta" style:family="paragraph">
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="5.5pt"/></style:style>
  <style:style style:name="Break" style:family="paragraph">
   <style:paragraph-properties fo:break-after="page"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="Card">
   <style:page-layout-properties fo:page-width="85.6mm" fo:page-height="53.98mm"
    fo:margin-top="3mm" fo:margin-bottom="3mm" fo:margin-left="3mm" fo:margin-right="3mm"/>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Card"/>
 </office:master-styles>
 <office:body><office:text>
 {chr(10).join(body)}
 </office:text></office:body>
</office:document>
"""


def libreoffice_ms(soffice: str, document: Path, runs: int, work: Path) -> list[float]:
    profile = work / "lo-profile"
    out = work / "lo-out"
    out.mkdir(exist_ok=True)
    cmd = [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(document),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)  # warm-up: profile
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        times.append((time.perf_counter() - t) * 1000)
    produced = out / (document.stem + ".pdf")
    if not produced.is_file() or produced.stat().st_size < 500:
        raise RuntimeError("LibreOffice did not produce the PDF")
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lo-runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="keep the library and PDFs in DIR")
    args = parser.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="vnr-bench-cards-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t = time.perf_counter()
        library = open_library(work / "data")
        print(f"library with built-in content: {(time.perf_counter() - t):.1f} s (setup)")
        catalog = shipped_catalog()

        t = time.perf_counter()
        first = render_card(library, CARD, REGION, "id1")
        print(
            f"first render in this process (font registration included): "
            f"{(time.perf_counter() - t) * 1000:.0f} ms"
        )
        (work / "akutt-id1.pdf").write_bytes(first.pdf)

        single_cold = _timed(
            lambda: render_card(library, CARD, REGION, "id1"), args.runs, cold_qr=True
        )
        single_warm = _timed(lambda: render_card(library, CARD, REGION, "id1"), args.runs)
        sheet = _timed(
            lambda: render_card(library, CARD, REGION, "id1", sheet="a4", duplex="long"),
            args.runs,
            cold_qr=True,
        )
        print()
        print(f"single two-sided ID-1 card ({CARD}, {REGION})")
        print(f"  QR encoded each time:  {single_cold}")
        print(f"  QR cached:             {single_warm}")
        print(f"imposed A4 duplex sheet, 8-up, QR encoded each time: {sheet}")
        shop_single = _timed(
            lambda: render_card(library, CARD, REGION, "id1", print_shop=True),
            args.runs,
            cold_qr=True,
        )
        shop_sheet = _timed(
            lambda: render_card(library, CARD, REGION, "id1", sheet="a4-10", print_shop=True),
            args.runs,
            cold_qr=True,
        )
        mixed = _timed(
            lambda: render_mixed(library, REGION, "id1", sheet="a4", print_shop=True),
            max(3, args.runs // 4),
        )
        print(f"print shop (PDF/X-1a), single ID-1 card:      {shop_single}")
        print(f"print shop (PDF/X-1a), ID-1 10-up A4 sheet:   {shop_sheet}")
        print(f"print shop (PDF/X-1a), mixed sheet, 8 cards:  {mixed}")
        posters = Timing()
        for card_id in catalog.cards:
            for fmt in ("a4-poster", "a3-poster"):
                t, c = time.perf_counter(), time.process_time()
                render_card(library, card_id, REGION, fmt)
                posters.cpu.append((time.process_time() - c) * 1000)
                posters.wall.append((time.perf_counter() - t) * 1000)
        print(f"posters ({REGION}, every card, A4 and A3):     {posters}")

        t = time.perf_counter()
        count = 0
        for card_id, card in catalog.cards.items():
            for region in card_regions(library):
                for fmt in FORMAT_IDS:
                    for lang in card.languages:
                        render_card(library, card_id, region, fmt, lang=lang)
                        count += 1
        total = time.perf_counter() - t
        print(
            f"all cards × formats × languages × regions: {count} PDFs in {total:.2f} s "
            f"({total / count * 1000:.0f} ms each)"
        )

        # Targets are judged on the CPU time of a render with a freshly encoded QR code (the
        # first print of a card); the wall medians printed above include waiting for the CPU.
        single_ms = statistics.median(single_cold.cpu)
        sheet_ms = statistics.median(sheet.cpu)
        shop_single_ms = statistics.median(shop_single.cpu)
        shop_sheet_ms = statistics.median(shop_sheet.cpu)
        ok_single = single_ms <= TARGET_SINGLE_MS
        ok_sheet = sheet_ms <= TARGET_SHEET_MS
        print()
        print(
            f"target single card <= {TARGET_SINGLE_MS:.0f} ms (CPU median, QR encoded): "
            f"{'met' if ok_single else 'NOT met'} ({single_ms:.1f} ms; wall median "
            f"{statistics.median(single_cold.wall):.1f} ms)"
        )
        print(
            f"target imposed sheet <= {TARGET_SHEET_MS:.0f} ms (CPU median): "
            f"{'met' if ok_sheet else 'NOT met'} ({sheet_ms:.1f} ms; wall median "
            f"{statistics.median(sheet.wall):.1f} ms)"
        )

        print(
            f"print shop: single card {shop_single_ms:.1f} ms "
            f"({'met' if shop_single_ms <= TARGET_SINGLE_MS else 'NOT met'} <= "
            f"{TARGET_SINGLE_MS:.0f} ms), 10-up sheet {shop_sheet_ms:.1f} ms "
            f"({'met' if shop_sheet_ms <= TARGET_SHEET_MS else 'NOT met'} <= "
            f"{TARGET_SHEET_MS:.0f} ms) (CPU medians)"
        )

        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            print()
            print("LibreOffice (soffice) is NOT installed: no comparison was made.")
            print(
                "Install it with: apt-get install -y --no-install-recommends "
                "libreoffice-writer-nogui"
            )
            return 0
        document = work / f"{CARD}-{REGION}.fodt"
        document.write_text(card_fodt(library, CARD, REGION), encoding="utf-8")
        lo = libreoffice_ms(soffice, document, args.lo_runs, work)
        lo_ms = statistics.median(lo)
        ratio = lo_ms / statistics.median(single_cold.wall)  # wall against wall
        print()
        print(f"LibreOffice {soffice} --headless --convert-to pdf, equivalent card document:")
        print(f"  {_fmt(lo)}  ({args.lo_runs} runs, one process each, after a warm-up)")
        print(
            f"  ratio LibreOffice / in-process single card: {ratio:.0f}× "
            f"(target >= {TARGET_RATIO:.0f}×: {'met' if ratio >= TARGET_RATIO else 'NOT met'})"
        )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

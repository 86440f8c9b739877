"""Print-shop PDFs: PDF/X-1a:2003 with CMYK colours and a FOGRA39 output intent.

A print shop converts RGB itself, and then small dark text and the QR code come out as
four-colour black that blurs on the slightest misregister. A print-shop PDF is written in
CMYK from the start (``palette.print_colour`` for every colour the canvas sets: every grey,
all text ink and the QR code in black ink only), carries an output intent for the printing
condition (ISO 12647-2 coated paper, FOGRA39) with an ICC profile, has no ArtBox beside its
TrimBox and no transparency, and says what it is in its document information
(``GTS_PDFXVersion``).

The profile (resources/icc/VNR-FOGRA39L-coated.icc) was built with ArgyllCMS ``colprof``
from Fogra's FOGRA39L characterisation data as shipped in Debian's icc-profiles-free (Zlib
licence); see resources/icc/README.md.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFCatalog,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from vnr_desktop.core.resources import resource_path

PROFILE = "icc/VNR-FOGRA39L-coated.icc"
PDFX_VERSION = "PDF/X-1a:2003"
CONDITION_ID = "FOGRA39"
"""Registered in the ICC characterization data registry (www.color.org)."""
CONDITION = "Offset printing, ISO 12647-2:2004/Amd 1, coated paper (paper type 1 or 2), 115 g/m²"


@lru_cache(maxsize=1)
def profile_bytes() -> bytes:
    return resource_path(PROFILE).read_bytes()


@lru_cache(maxsize=1)
def _compressed_profile() -> bytes:
    return zlib.compress(profile_bytes(), 6)


class _PdfxInfo(PDFInfo):
    """Document information with the PDF/X version key (and Trapped, which PDF/X requires)."""

    def format(self, document: object) -> bytes:
        base: bytes = super().format(document)
        key: bytes = b"/GTS_PDFXVersion " + PDFString(PDFX_VERSION).format(document)
        return base.replace(b"/Trapped", key + b" /Trapped", 1)


def make_print_shop(c: Canvas) -> None:
    """Turn a fresh canvas (created with ``enforceColorSpace=palette.print_colour``) into a
    PDF/X-1a document: output intent with the embedded profile, PDF/X info keys."""
    doc = c._doc
    info = _PdfxInfo()
    info.__dict__.update(doc.info.__dict__)
    doc.info = info
    stream = PDFStream(
        PDFDictionary(
            {
                "N": 4,
                "Filter": PDFName("FlateDecode"),
            }
        ),
        _compressed_profile(),
    )
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFX"),
            "OutputConditionIdentifier": PDFString(CONDITION_ID),
            "OutputCondition": PDFString(CONDITION),
            "RegistryName": PDFString("http://www.color.org"),
            "Info": PDFString("Coated FOGRA39 (ISO 12647-2:2004)"),
            "DestOutputProfile": doc.Reference(stream),
        }
    )
    catalog = doc.Catalog
    catalog.__NoDefault__ = [*PDFCatalog.__NoDefault__, "OutputIntents"]
    catalog.OutputIntents = PDFArray([intent])

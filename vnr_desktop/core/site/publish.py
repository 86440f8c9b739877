"""Write the feed's website beside catalog.json, and sign its manifest.

Called by ``feed publish`` after the catalog is written: the site describes exactly the
bundles the signed catalog lists. Cards are rendered from those bundles (plus the app's
built-in national bundle when the feed has none), so each card's QR code points at a page
this step writes. Output is deterministic: the same bundles, catalog and previous site give
byte-identical files.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from vnr_desktop.core import atomic
from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.cards.definitions import FORMAT_IDS, ltext
from vnr_desktop.core.cards.errors import CardError
from vnr_desktop.core.cards.formats import FORMATS
from vnr_desktop.core.cards.loader import shipped_catalog
from vnr_desktop.core.library import Library
from vnr_desktop.core.resources import builtin_bundle_dir, builtin_bundle_ids
from vnr_desktop.core.site import cards as card_pages
from vnr_desktop.core.site import pages
from vnr_desktop.core.site.addresses import SITE_MANIFEST, STYLESHEET, card_dir
from vnr_desktop.core.site.html import CSS
from vnr_desktop.core.site.manifest import CardHistory, SiteManifest, parse_site_manifest
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.archive import parse_content, read_archive
from vnr_desktop.core.sync.catalog import SIGNATURE_SUFFIX, Catalog


@dataclass
class SiteResult:
    manifest: SiteManifest
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        m = self.manifest
        return (
            f"Nettsted: {len(m.pages)} filer, {len(m.cards)} kortsider "
            f"({len(self.written)} nye eller endret, {len(self.removed)} fjernet)"
        )


def _write_if_changed(path: Path, data: bytes) -> bool:
    """Atomic write; an unchanged file keeps its mtime (and so its ETag on nginx)."""
    if path.is_file() and path.read_bytes() == data:
        return False
    atomic.write_bytes(path, data)
    return True


def _contents(out_dir: Path, catalog: Catalog) -> list[BundleContent]:
    return [parse_content(read_archive((out_dir / b.path).read_bytes())) for b in catalog.bundles]


def _library(folder: Path, contents: list[BundleContent]) -> Library:
    """A throwaway library: the feed's bundles, and built-in ones the feed does not replace
    (a region's card takes national numbers from the national bundle)."""
    lib = Library(folder / "library.db")
    ours = {c.id for c in contents}
    for bundle_id in sorted(builtin_bundle_ids(), key=lambda b: b != "nasjonal"):
        if bundle_id not in ours:
            loaded = load_bundle_dir(builtin_bundle_dir(bundle_id), external_ids=lib.item_ids_of)
            if loaded.bundle is not None:
                lib.install(loaded.bundle, source="builtin")
    for content in sorted(contents, key=lambda c: c.id != "nasjonal"):
        lib.install(content, source="feed", allow_downgrade=True)
    return lib


def _previous(out_dir: Path, feed: str) -> SiteManifest | None:
    path = out_dir / SITE_MANIFEST
    if not path.is_file():
        return None
    previous = parse_site_manifest(path.read_bytes())
    return previous if previous is not None and previous.feed == feed else None


class _Builder:
    def __init__(self, catalog: Catalog, previous: SiteManifest | None) -> None:
        self.catalog = catalog
        self.previous = previous
        self.files: dict[str, bytes] = {STYLESHEET: CSS.encode("utf-8")}
        self.cards: dict[str, CardHistory] = {}
        self.texts: dict[str, list[str]] = dict(previous.texts) if previous else {}
        self.warnings: list[str] = []
        self.notes = {b.id: b.changelog for b in catalog.bundles if b.changelog}
        self.contacts = pages.SiteContacts({}, frozenset())

    def add(self, item: tuple[str, bytes]) -> None:
        self.files[item[0]] = item[1]

    def card(self, library: Library, card_id: str, region: str, fmt: str) -> bool:
        try:
            cs = card_pages.render_for_site(library, card_id, region, fmt)
        except CardError as exc:
            self.warnings.append(f"Kortet ble ikke laget: {card_id} ({region}, {fmt}): {exc}")
            return False
        old = self.previous.cards.get(cs.key) if self.previous else None
        history = card_pages.merge_history(old, cs, self.catalog.sequence, self.notes)
        self.cards[cs.key] = history
        self.texts[history.versions[cs.version].text] = cs.lines
        base = card_dir(region, card_id, fmt)
        stem = f"{card_id}-{region}-{fmt}-{cs.version}"
        names = {"pdf": [f"{stem}.pdf"], "png": []}
        self.files[base + f"{stem}.pdf"] = cs.rendered.pdf
        for i, png in enumerate(card_pages.png_pages(cs.rendered.pdf), start=1):
            names["png"].append(f"{stem}-{i}.png")
            self.files[base + f"{stem}-{i}.png"] = png
        self.add(card_pages.current_page(cs, history, names))
        for version in history.versions:
            self.add(card_pages.version_page(cs, history, version, self.texts))
        return True

    def region(self, library: Library, content: BundleContent) -> None:
        catalog = shipped_catalog()
        links = []
        for card in catalog.cards.values():
            done = [f for f in FORMAT_IDS if self.card(library, card.id, content.id, f)]
            if done:
                title = ltext(card.title, card.default_language)
                labels = tuple((f, FORMATS[f].label) for f in done)
                links.append(pages.CardLink(card.id, title, labels))
        self.add(pages.region_index(content, links))
        for guide in content.guides:
            self.add(pages.guide(content, guide, self.contacts))

    def manifest(self) -> SiteManifest:
        used = {v.text for h in self.cards.values() for v in h.versions.values()}
        return SiteManifest(
            feed=self.catalog.feed,
            sequence=self.catalog.sequence,
            pages={p: hashlib.sha256(d).hexdigest() for p, d in sorted(self.files.items())},
            cards=self.cards,
            texts={k: v for k, v in sorted(self.texts.items()) if k in used},
        )


def write_site(out_dir: Path, catalog: Catalog, secret: minisign.SecretKey) -> SiteResult:
    """Write (or update) the website in the feed folder ``out_dir`` for ``catalog``."""
    out_dir = Path(out_dir)
    previous = _previous(out_dir, catalog.feed)
    contents = _contents(out_dir, catalog)
    builder = _Builder(catalog, previous)
    with tempfile.TemporaryDirectory(prefix="vnr-site-") as tmp:
        library = _library(Path(tmp), contents)
        try:
            builder.contacts = pages.SiteContacts(
                {r.ref: r.item for r in library.items(kind="contact") if r.item.kind == "contact"},
                frozenset(c.id for c in contents),
            )
            for content in contents:
                builder.region(library, content)
        finally:
            library.close()
    builder.add(pages.landing(contents))
    builder.add(pages.not_found(contents))
    manifest = builder.manifest()
    result = SiteResult(manifest, warnings=builder.warnings)
    if shutil.which("pdftoppm") is None:
        result.warnings.append(
            "pdftoppm (poppler-utils) mangler: kortsidene har PDF, men ikke PNG-bilder. "
            "pdftoppm (poppler-utils) is missing: card pages have the PDF but no PNG."
        )
    for rel_path, data in builder.files.items():
        if _write_if_changed(out_dir / rel_path, data):
            result.written.append(out_dir / rel_path)
    if previous is not None:
        for rel_path in sorted(set(previous.pages) - set(manifest.pages)):
            stale = out_dir / rel_path
            if stale.is_file():
                stale.unlink()
                result.removed.append(stale)
    raw = manifest.to_bytes()
    comment = f"file:{SITE_MANIFEST}\tfeed:{catalog.feed}\tsequence:{catalog.sequence}"
    sig = minisign.sign_bytes(secret, raw, comment)
    # Signature first, then the manifest (as the catalog): a reader in between sees a mismatch.
    _write_if_changed(out_dir / (SITE_MANIFEST + SIGNATURE_SUFFIX), sig.to_file_text().encode())
    _write_if_changed(out_dir / SITE_MANIFEST, raw)
    return result

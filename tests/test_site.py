"""The feed is also a website (issue 17): `feed publish` writes it, real nginx serves it with
the documented config, real headless Chromium reads it (axe-core, 360 px, tel: links), and a
printed card's QR code decodes at 150 dpi to a page that says whether that card is current.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from servers.feeds import keyring, make_key
from servers.nginx import _CONF, NginxServer, free_port
from site_support import (
    axe_source,
    axe_violations,
    chromium,
    horizontal_overflow,
    screenshot,
    set_viewport,
)
from testutil import require_tool

from vnr_desktop.cli import main as cli_main
from vnr_desktop.core.library import open_library
from vnr_desktop.core.resources import builtin_bundle_dir
from vnr_desktop.core.site.addresses import SITE_MANIFEST
from vnr_desktop.core.site.manifest import parse_site_manifest
from vnr_desktop.core.site.publish import write_site
from vnr_desktop.core.site.verify import check_folder
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.catalog import parse_catalog
from vnr_desktop.core.sync.errors import BadSignature

PUBLISHED_SCOPE = ("gjovik", "nasjonal")
"""The regions the test publisher's key is trusted for (keys carry a scope, issue 16)."""
ROOT = Path(__file__).resolve().parents[1]
DOCS_CONF = ROOT / "docs" / "examples" / "nginx-vnr-feed.conf"
PASSPHRASE = "site-test"
# A phone number of the Gjøvik bundle, and the made-up one version 3 replaces it with.
OLD_NUMBER, NEW_NUMBER = "61 18 95 44", "61 18 95 99"


class DocsNginx(NginxServer):
    """nginx running the server block from docs/examples/nginx-vnr-feed.conf, unchanged
    except for the three lines the document says to change."""

    def __init__(self, root: Path, tmp: Path) -> None:
        super().__init__(root, tmp)
        block = DOCS_CONF.read_text("utf-8")
        block = re.sub(r"listen 80;.*", "listen 127.0.0.1:{port};", block)
        block = re.sub(r"root /srv/vnr-feed;.*", "root {root};", block)
        block = block.replace("{", "{{").replace("}", "}}")
        block = block.replace("{{port}}", "{port}").replace("{{root}}", "{root}")
        start = _CONF.index("    server {{")
        self.conf_template = _CONF[:start] + block + "}}\n"


def _key_file(tmp: Path) -> tuple[minisign.SecretKey, Path]:
    secret = make_key()
    path = tmp / "kommune.key"
    path.write_text(
        minisign.secret_key_file_text(
            secret,
            PASSPHRASE,
            opslimit=minisign.OPSLIMIT_INTERACTIVE,
            memlimit=minisign.MEMLIMIT_INTERACTIVE,
        )
    )
    return secret, path


def _bundle(tmp: Path, version: int, publish_url: str | None, number: str = OLD_NUMBER) -> Path:
    """The real Gjøvik bundle as version ``version`` naming ``publish_url``, built (.vnrb)."""
    src = tmp / f"gjovik-src-{version}"
    shutil.copytree(builtin_bundle_dir("gjovik"), src)
    manifest = src / "manifest.yaml"
    text = re.sub(r"(?m)^version: \d+$", f"version: {version}", manifest.read_text("utf-8"))
    if publish_url:
        text += f"publish_url: {publish_url}\n"
    manifest.write_text(text, "utf-8")
    contacts = src / "contacts.yaml"
    body = contacts.read_text("utf-8")
    assert OLD_NUMBER in body
    contacts.write_text(body.replace(OLD_NUMBER, number), "utf-8")
    out = tmp / f"gjovik-{version}.vnrb"
    assert cli_main(["bundle", "build", str(src), "-o", str(out)]) == 0
    return out


def _publish(bundle: Path, key_file: Path, feed: Path, *extra: str) -> None:
    os.environ["VNR_KEY_PASSPHRASE"] = PASSPHRASE
    try:
        args = ["feed", "publish", str(bundle), "--key", str(key_file), "-o", str(feed)]
        assert cli_main([*args, "--feed-id", "gjovik", *extra]) == 0
    finally:
        del os.environ["VNR_KEY_PASSPHRASE"]


def _get(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8", "replace"), dict(resp.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace"), dict(exc.headers)


def _decode_qr(pdf: bytes, tmp: Path) -> list[str]:
    """Every QR code zbarimg finds on a 150 dpi render of the PDF's pages."""
    pdftoppm, zbarimg = require_tool("pdftoppm"), require_tool("zbarimg")
    work = tmp / "qr"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    (work / "card.pdf").write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-r", "150", "-png", str(work / "card.pdf"), str(work / "p")], check=True
    )
    found: list[str] = []
    for png in sorted(work.glob("p-*.png")):
        out = subprocess.run(
            [zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True
        )
        found += out.stdout.split()
    return found


@dataclass
class Published:
    tmp: Path
    feed: Path
    key: minisign.SecretKey
    key_file: Path
    server: DocsNginx

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("site")
    key, key_file = _key_file(tmp)
    feed = tmp / "feed"
    feed.mkdir()
    server = DocsNginx(feed, tmp / "nginx")
    with pytest.MonkeyPatch.context() as mp:
        # Module scope runs before conftest's per-test isolation: isolate the CLI here too.
        home = tmp / "home"
        for name, value in (
            ("HOME", home),
            ("XDG_DATA_HOME", home / "share"),
            ("XDG_CONFIG_HOME", home / "config"),
            ("XDG_CACHE_HOME", home / "cache"),
            ("XDG_STATE_HOME", home / "state"),
            ("VNR_DATA_DIR", tmp / "data"),
        ):
            mp.setenv(name, str(value))
        _publish(_bundle(tmp, 2, server.url), key_file, feed, "--changelog", "Første utgave")
    with server:
        yield Published(tmp, feed, key, key_file, server)


# --------------------------------------------------------------------------- the files


def test_publish_url_must_be_a_web_address():
    from pydantic import ValidationError

    from vnr_desktop.core.models import Manifest

    base = {
        "id": "gjovik",
        "title": "T",
        "version": 1,
        "issued": __import__("datetime").date(2026, 1, 1),
        "coverage": "national",
        "publisher": "P",
        "sources": [
            {
                "id": "s",
                "title": "S",
                "publisher": "P",
                "date": __import__("datetime").date(2026, 1, 1),
            }
        ],
    }
    assert Manifest(**base).publish_url is None
    assert Manifest(**base, publish_url="https://vnr.example.no/feed").publish_url == (
        "https://vnr.example.no/feed/"
    )
    for bad in ("ftp://vnr.example.no/", "vnr.example.no", "https://x.no/?a=1", "https://x.no/a b"):
        with pytest.raises(ValidationError):
            Manifest(**base, publish_url=bad)


def test_the_installed_bundle_keeps_its_publish_url_and_built_in_bundles_have_none(
    published, tmp_path
):
    lib = open_library(tmp_path / "data")
    try:
        assert all(b.manifest.publish_url is None for b in lib.bundles())
        from vnr_desktop.core.paths import resolve_paths
        from vnr_desktop.core.sync.updater import Updater

        paths = resolve_paths(tmp_path / "data").ensure()
        Updater(lib, paths, keys=keyring(published.key, scope=PUBLISHED_SCOPE)).import_path(
            published.feed
        )
        installed = lib.bundle("gjovik")
        assert installed is not None and installed.manifest.publish_url == published.url
        assert installed.as_dict()["publish_url"] == published.url
    finally:
        lib.close()


def test_site_manifest_is_signed_and_lists_every_page_with_its_sha256(published):
    feed = published.feed
    raw = (feed / SITE_MANIFEST).read_bytes()
    sig = (feed / (SITE_MANIFEST + ".minisig")).read_bytes()
    keys = {published.key.key_id: published.key.public_key}
    minisign.verify_bytes(raw, sig, keys, "site.json")
    with pytest.raises(BadSignature):
        minisign.verify_bytes(raw.replace(b"gjovik", b"gjovix", 1), sig, keys)
    manifest = parse_site_manifest(raw)
    assert manifest is not None
    catalog = parse_catalog((feed / "catalog.json").read_bytes())
    assert (manifest.feed, manifest.sequence) == (catalog.feed, catalog.sequence)
    on_disk = {
        p.relative_to(feed).as_posix()
        for p in feed.rglob("*")
        if p.is_file()
        and not p.name.startswith(("catalog.json", "site.json"))
        and "bundles" not in p.parts
    }
    assert on_disk == set(manifest.pages)
    assert check_folder(feed, manifest) == []
    for must in (
        "index.html",
        "404.html",
        "site.css",
        "gjovik/index.html",
        "gjovik/akutt/id1/index.html",
        "gjovik/akutt/id1/v2-1/index.html",
        "gjovik/akutt/a4-poster/index.html",
    ):
        assert must in manifest.pages, must
    pdfs = [p for p in manifest.pages if p.startswith("gjovik/akutt/id1/") and p.endswith(".pdf")]
    pngs = [p for p in manifest.pages if p.startswith("gjovik/akutt/id1/") and p.endswith(".png")]
    assert pdfs == ["gjovik/akutt/id1/akutt-gjovik-id1-v2-1.pdf"]
    assert len(pngs) == 2  # front and back
    assert (feed / pngs[0]).read_bytes().startswith(b"\x89PNG")
    # Every page is plain HTML: no script, nothing from another site.
    for path in manifest.pages:
        if path.endswith((".html", ".css")):
            text = (feed / path).read_text("utf-8")
            assert "<script" not in text.lower(), path
            # (links to a service's own website are fine: following one is the reader's choice)
            assert not re.search(r"""(src=|<link[^>]*href=)["']?(https?:)?//""", text), path
            assert "@import" not in text and "url(" not in text, path


def test_output_is_deterministic(published):
    """The same catalog and bundles give byte-identical files: publishing the site again
    changes nothing, and the signature is the same."""
    feed = published.feed
    before = {p: p.read_bytes() for p in feed.rglob("*") if p.is_file()}
    catalog = parse_catalog((feed / "catalog.json").read_bytes())
    result = write_site(feed, catalog, published.key)
    assert result.written == [] and result.removed == []
    after = {p: p.read_bytes() for p in feed.rglob("*") if p.is_file()}
    assert after == before


# --------------------------------------------------------------------------- served


def test_nginx_with_the_documented_config_serves_the_site(published):
    doc = (ROOT / "docs" / "feed-site.md").read_text("utf-8")
    assert DOCS_CONF.read_text("utf-8").strip() in doc  # the document shows the tested file
    status, body, headers = _get(published.url)
    assert status == 200 and "<h1>" in body
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, body, _ = _get(published.url + "gjovik/akutt/id1/v2-1/")
    assert status == 200 and "Ja, kortet ditt er oppdatert" in body
    # A version the site never published: the card's current page, not "not found".
    status, body, _ = _get(published.url + "gjovik/akutt/id1/v2-9/")
    assert status == 200 and "Gjeldende versjon" in body and "gjovik v2 + nasjonal v1" in body
    status, body, _ = _get(published.url + "gjovik/ingen-slik/id1/v2-1/")
    assert status == 404 and "Fant ikke siden" in body
    status, _, headers = _get(published.url + "gjovik/akutt/id1/akutt-gjovik-id1-v2-1.pdf")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    status, _, _ = _get(published.url + "catalog.json")
    assert status == 200


def _assert_page_is_usable(driver, url: str, axe_js: str) -> None:
    set_viewport(driver, 360)
    driver.get(url)
    assert driver.execute_script("return document.documentElement.lang") == "nb"
    assert driver.find_elements("css selector", "main h1"), url
    assert driver.find_elements("css selector", "header, nav, main, footer")
    assert horizontal_overflow(driver) <= 0, f"{url} scrolls sideways at 360 px"
    bad = [
        (v["id"], v["impact"], v["help"])
        for v in axe_violations(driver, axe_js)
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], url
    origins = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => new URL(e.name).origin)"
    )
    own = urlsplit(url)
    assert set(origins) <= {f"{own.scheme}://{own.netloc}"}, origins


def test_pages_in_headless_chromium(published, tmp_path):
    axe_js = axe_source()
    base = published.url
    with chromium() as driver:
        # axe really runs and reports: a page with a serious violation is caught.
        (published.feed / "bad.html").write_text(
            '<!DOCTYPE html><html><body><img src="site.css"><p style="color:#ccc">x</p></body></html>'
        )
        driver.get(base + "bad.html")
        found = {v["id"] for v in axe_violations(driver, axe_js)}
        assert {"image-alt", "html-has-lang"} <= found
        (published.feed / "bad.html").unlink()

        for page in ("", "gjovik/", "gjovik/akutt/id1/", "gjovik/akutt/id1/v2-1/"):
            _assert_page_is_usable(driver, base + page, axe_js)
        guide = next(published.feed.glob("gjovik/veiledere/*.html"))
        _assert_page_is_usable(driver, base + "gjovik/veiledere/" + guide.name, axe_js)

        # A contact: the region index's Barnevernvakt entry, number as a tel: link.
        driver.get(base + "gjovik/")
        links = driver.find_elements("css selector", 'a[href^="tel:"]')
        assert len(links) >= 10
        hrefs = {a.get_attribute("href"): a.text for a in links}
        assert hrefs["tel:+4761189544"] == OLD_NUMBER
        contact = driver.find_element("xpath", "//a[@href='tel:+4761189544']/ancestor::article")
        assert "Kilde:" in contact.text and "Per " in contact.text
        # The card page: current version, date, PDF and PNG that load.
        driver.get(base + "gjovik/akutt/id1/")
        text = driver.find_element("tag name", "main").text
        assert "gjovik v2 + nasjonal v1" in text and "22.11.2026" in text
        pdf = driver.find_element("partial link text", "PDF").get_attribute("href")
        assert _get(pdf)[0] == 200
        widths = driver.execute_script(
            "return [...document.images].map(i => i.complete && i.naturalWidth)"
        )
        assert widths and all(w and w > 500 for w in widths)
        shots = Path(os.environ.get("VNR_SITE_SCREENSHOTS", tmp_path))
        for name, page in (("site-card", "gjovik/akutt/id1/"), ("site-region", "gjovik/")):
            for width in (360, 1280):
                screenshot(driver, base + page, shots / f"{name}-{width}.png", width)
                assert (shots / f"{name}-{width}.png").stat().st_size > 10_000


# --------------------------------------------------------------------------- QR codes


def test_a_printed_cards_qr_opens_its_page_current_then_out_of_date(published, tmp_path):
    """Print a card from the published bundle; its QR decodes at 150 dpi to the card's page,
    which names the printed version current. After version 3 (a changed number) the same
    code's page says the card is out of date and what changed."""
    from vnr_desktop.core.cards.render import render_card

    # A feed of its own (this test publishes version 3 into it), on its own port.
    feed = tmp_path / "feed"
    feed.mkdir()
    server = DocsNginx(feed, tmp_path / "nginx")
    url = server.url
    lib = open_library(tmp_path / "data")
    try:
        v2 = _bundle(tmp_path, 2, url)
        _publish(v2, published.key_file, feed, "--changelog", "Første utgave")
        lib.install_dir(tmp_path / "gjovik-src-2")
        rendered = render_card(lib, "akutt", "gjovik", "id1")
        codes = _decode_qr(rendered.pdf, tmp_path)
        assert codes == [url + "gjovik/akutt/id1/v2-1/"]
        assert rendered.qr_payload == codes[0]
        page = feed / urlsplit(codes[0]).path.lstrip("/") / "index.html"
        assert page.is_file()
        with server:
            status, body, _ = _get(codes[0])
            assert status == 200
            assert "Ja, kortet ditt er oppdatert" in body
            assert "gjovik v2 + nasjonal v1" in body

            v3 = _bundle(tmp_path, 3, url, number=NEW_NUMBER)
            _publish(v3, published.key_file, feed, "--changelog", "Nytt nummer til barnevernvakten")
            status, body, _ = _get(codes[0])
            assert status == 200
            assert "Nei, kortet ditt er utdatert" in body
            assert "gjovik v3 + nasjonal v1" in body
            assert "Nytt nummer til barnevernvakten" in body
            removed = body[body.index("Står ikke lenger") : body.index("Nytt eller endret")]
            added = body[body.index("Nytt eller endret") :]
            assert OLD_NUMBER in removed and NEW_NUMBER in added
            # What a scanner sees, in a real browser: usable, accessible, at phone width.
            with chromium() as driver:
                _assert_page_is_usable(driver, codes[0], axe_source())
                shots = Path(os.environ.get("VNR_SITE_SCREENSHOTS", tmp_path))
                for width in (360, 1280):
                    screenshot(driver, codes[0], shots / f"site-out-of-date-{width}.png", width)
                verdict = driver.find_element("css selector", ".verdict").text
                assert verdict.startswith("Nei, kortet ditt er utdatert")
            # The new version has its own page, and the current card page lists the old one.
            status, body, _ = _get(url + "gjovik/akutt/id1/v3-1/")
            assert status == 200 and "Ja, kortet ditt er oppdatert" in body
            status, body, _ = _get(url + "gjovik/akutt/id1/")
            assert "Tidligere versjoner" in body and "v2-1/" in body
            # The v2 PDF is gone from the site; the v3 one is there.
            assert not (feed / "gjovik/akutt/id1/akutt-gjovik-id1-v2-1.pdf").exists()
            assert (feed / "gjovik/akutt/id1/akutt-gjovik-id1-v3-1.pdf").is_file()
    finally:
        lib.close()


def test_cards_from_built_in_bundles_carry_no_qr_and_still_print_version_and_date(tmp_path):
    from cards_helpers import all_text

    from vnr_desktop.core.cards.render import render_card

    lib = open_library(tmp_path / "data")
    try:
        for fmt in ("id1", "a7", "a4-poster"):
            rendered = render_card(lib, "akutt", "gjovik", fmt)
            assert rendered.qr_payload == ""
            assert _decode_qr(rendered.pdf, tmp_path) == [], fmt
            text = all_text(rendered.pdf)
            assert "gjovik v1 + nasjonal v1, 22.11.2026" in text, fmt
            assert "Skann" not in text
    finally:
        lib.close()


def test_the_app_checks_the_site_when_it_syncs(published, tmp_path):
    from vnr_desktop.core.paths import resolve_paths
    from vnr_desktop.core.sync.updater import Updater

    feed = tmp_path / "feed"
    shutil.copytree(published.feed, feed)
    lib = open_library(tmp_path / "data", install_builtin=False)
    try:
        paths = resolve_paths(tmp_path / "data").ensure()
        updater = Updater(lib, paths, keys=keyring(published.key, scope=PUBLISHED_SCOPE))
        check = updater.check(str(feed))
        assert check.site_problems == []
        page = feed / "gjovik" / "akutt" / "id1" / "v2-1" / "index.html"
        page.write_text(page.read_text("utf-8").replace("Ja, kortet", "Nei, kortet"), "utf-8")
        (feed / "gjovik" / "index.html").unlink()
        check = updater.check(str(feed))
        [problem] = check.site_problems
        assert "gjovik/akutt/id1/v2-1/index.html er endret" in problem
        assert "gjovik/index.html mangler" in problem
        assert problem in check.message
        # A site manifest signed by a key the app does not trust is reported too.
        other = make_key()
        raw = (feed / SITE_MANIFEST).read_bytes()
        sig = minisign.sign_bytes(other, raw, "file:site.json")
        (feed / (SITE_MANIFEST + ".minisig")).write_text(sig.to_file_text())
        check = updater.check(str(feed))
        assert check.site_problems and "nøkkel" in check.site_problems[0].lower()
    finally:
        lib.close()


def test_feed_serve_shows_the_folder_on_127_0_0_1(published):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "vnr_desktop",
            "feed",
            "serve",
            str(published.feed),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # printed once the socket listens
        assert f"http://127.0.0.1:{port}/" in line
        status, body, _ = _get(f"http://127.0.0.1:{port}/gjovik/akutt/id1/v2-1/")
        assert status == 200 and "Ja, kortet ditt er oppdatert" in body
        status, body, _ = _get(f"http://127.0.0.1:{port}/gjovik/akutt/id1/v2-9/")
        assert status == 200 and "Gjeldende versjon" in body
        status, body, _ = _get(f"http://127.0.0.1:{port}/nothing-here/")
        assert status == 404 and "Fant ikke siden" in body
        digest = hashlib.sha256(_get(f"http://127.0.0.1:{port}/site.css")[1].encode()).hexdigest()
        assert (
            digest
            == parse_site_manifest((published.feed / SITE_MANIFEST).read_bytes()).pages[  # type: ignore[union-attr]
                "site.css"
            ]
        )
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()

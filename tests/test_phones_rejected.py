"""A number a conflict decision rejected is never shown, in any spelling (issue 13).

ONE table of spellings drives five checks: bundle validation, a rendered card (PDF text read
back with pypdf), the emergency strip, search and the CLI's ``show``. In each row the test
region's krisesenter lists the rejected number first (spelled one way) and the chosen number
second, and the conflict rejects the number spelled another way. Validation must refuse the
bundle; the other four get the content installed anyway (as if it had slipped past an older
validator) and must show the chosen number and never the rejected one.

All numbers are made up (TEST DATA: 99 11 00 xx).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cards_helpers import TEST_BUNDLES, all_text, load_test_catalog

from vnr_desktop.core.bundle_content import ITEM_LISTS, BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.yaml_safe import load_yaml_file

REJECTED_DIGITS = "99110077"
CHOSEN = "99 11 00 01"
CHOSEN_DISPLAY = "991 10 001"

# (how the contact lists the rejected number, how the conflict spells it)
TABLE = [
    ("plus47-vs-spaced", "99 11 00 77", "+47 99 11 00 77"),
    ("compact-vs-spaced", "99110077", "99 11 00 77"),
    ("dots-vs-0047", "99.11.00.77", "0047 991 10 077"),
    ("plus47-compact-vs-dashes", "+4799110077", "99-11-00-77"),
    ("display-vs-parentheses", "991 10 077", "(+47) 99 11 00 77"),
    ("nbsp-vs-compact", "99\u00a011\u00a000\u00a077", "99110077"),
    ("same-spelling", "99 11 00 77", "99 11 00 77"),
]
"""(id, how the contact lists the rejected number, how the conflict spells it)."""
SPELLINGS = [pytest.param(listed, rejected, id=i) for i, listed, rejected in TABLE]
INSTALLED = [pytest.param((listed, rejected), id=i) for i, listed, rejected in TABLE]

_OLD = '    phones: [{number: "99 11 00 01", hours: hele døgnet}]\n'


def _region(tmp_path: Path, listed: str, rejected: str) -> Path:
    """A copy of the fjordby test bundle whose krisesenter lists a rejected number."""
    folder = tmp_path / "fjordby"
    shutil.copytree(TEST_BUNDLES / "fjordby", folder)
    contacts = folder / "contacts.yaml"
    text = contacts.read_text("utf-8")
    assert _OLD in text
    new = (
        f'    phones: [{{number: "{listed}"}}, {{number: "{CHOSEN}", hours: hele døgnet}}]\n'
        "    conflicts:\n"
        "      - field: phones[0]\n"
        "        values:\n"
        f'          - {{value: "{rejected}", source: testkilde, section: s. 9}}\n'
        f'          - {{value: "{CHOSEN}", source: testkilde, section: s. 1}}\n'
        f'        decision: {{chosen: "{CHOSEN}", reason: s. 9 har en trykkfeil.}}\n'
    )
    contacts.write_text(text.replace(_OLD, new, 1), "utf-8")
    return folder


def _content_without_cross_checks(folder: Path) -> BundleContent:
    """The bundle's content, schema-validated only (what an older validator let through)."""
    data: dict[str, object] = {"manifest": load_yaml_file(folder / "manifest.yaml").data}
    for file in sorted(folder.glob("*.yaml")):
        if file.name == "manifest.yaml":
            continue
        for key, value in load_yaml_file(file).data.items():
            assert key in ITEM_LISTS
            data.setdefault(key, []).extend(value)  # type: ignore[union-attr]
    return BundleContent.model_validate(data)


def _squeezed(text: str) -> str:
    """The text with separators between digits taken out, so any spelling shows as digits."""
    out = []
    for i, ch in enumerate(text):
        between = 0 < i < len(text) - 1 and (text[i - 1].isdigit() or text[i + 1].isdigit())
        if ch in " \u00a0\u202f.-–()/+" and between:
            continue
        out.append(ch)
    return "".join(out)


def _never_shown(text: str, where: str) -> None:
    assert REJECTED_DIGITS not in _squeezed(text), f"{where}: the rejected number is shown"
    assert "4799110077" not in _squeezed(text), where


@pytest.fixture
def installed(empty_library, tmp_path, request):
    listed, rejected = request.param
    folder = _region(tmp_path, listed, rejected)
    empty_library.install_dir(TEST_BUNDLES / "nasjonal")
    empty_library.install(_content_without_cross_checks(folder), source="test")
    return empty_library


@pytest.mark.parametrize(("listed", "rejected"), SPELLINGS)
def test_validation_refuses_a_rejected_number_in_any_spelling(tmp_path, listed, rejected):
    result = load_bundle_dir(_region(tmp_path, listed, rejected), external_ids=lambda _b: None)
    found = [e for e in result.errors if e.code == "rejected-value-shown"]
    assert len(found) == 1, [str(e) for e in result.errors]
    assert found[0].path == "contacts[0].phones[0].number"
    assert found[0].file.endswith("contacts.yaml") and found[0].line == 5
    assert result.bundle is None


@pytest.mark.parametrize("installed", INSTALLED, indirect=True)
def test_a_card_never_prints_a_rejected_number(installed):
    from vnr_desktop.core.cards.render import render_card

    rendered = render_card(installed, "prove", "fjordby", "a7", catalog=load_test_catalog())
    text = all_text(rendered.pdf)
    assert CHOSEN_DISPLAY in rendered.printed_numbers and CHOSEN_DISPLAY in text
    _never_shown(text, "card PDF")
    _never_shown(" ".join(rendered.printed_numbers), "printed numbers")


@pytest.mark.parametrize("installed", INSTALLED, indirect=True)
def test_the_emergency_strip_never_shows_a_rejected_number(installed, userdata):
    from vnr_desktop.core.settings import Settings
    from vnr_desktop.gui.content import load_snapshot, with_settings

    snapshot = with_settings(
        load_snapshot(installed, userdata), Settings(municipality="9911", region="fjordby")
    )
    entries = snapshot.strip_entries()
    krise = [e for e in entries if e.slot == "krisesenter"]
    assert [e.number for e in krise] == [CHOSEN_DISPLAY]
    _never_shown(" ".join(e.number for e in entries), "strip")


@pytest.mark.parametrize("installed", INSTALLED, indirect=True)
def test_search_never_shows_a_rejected_number(installed):
    from vnr_desktop.core.search import search

    for query in ("fjordby krisesenter", REJECTED_DIGITS, "99 11 00 77", CHOSEN):
        hits = search(installed, query)
        for hit in hits:
            shown = " ".join([*hit.phones, hit.snippet, hit.title])
            _never_shown(shown, f"search {query!r}")
    [hit] = [h for h in search(installed, "fjordby krisesenter") if h.ref == "fjordby:krisesenter"]
    assert hit.phones == (CHOSEN_DISPLAY,)


@pytest.fixture
def on_builtin(library, tmp_path, request):
    """The region installed beside the built-in content (what the CLI opens)."""
    listed, rejected = request.param
    library.install(_content_without_cross_checks(_region(tmp_path, listed, rejected)))
    library.close()
    return library


@pytest.mark.parametrize("on_builtin", INSTALLED, indirect=True)
def test_cli_show_never_prints_a_rejected_number(on_builtin, data_dir):
    env = {**os.environ, "VNR_DATA_DIR": str(data_dir)}
    out = subprocess.run(
        [sys.executable, "-m", "vnr_desktop", "show", "fjordby:krisesenter"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert f"tlf {CHOSEN_DISPLAY}" in out.stdout
    assert "rejected in a conflict decision" in out.stdout
    _never_shown(out.stdout + out.stderr, "vnr-desktop show")

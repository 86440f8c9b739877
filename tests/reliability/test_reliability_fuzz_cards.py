"""Fuzzing card layout: text of any length either fits (all of it printed, type never below
the floors) or gives the clear overflow error naming card, side and panel. Never cut off,
never a traceback."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from cards_helpers import TEST_DEFS, all_text, install_test_bundles
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from reliability_support import examples

from vnr_desktop.core.cards.formats import FORMATS
from vnr_desktop.core.cards.layout import CardOverflowError
from vnr_desktop.core.cards.loader import load_catalog
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.library import Library

FUZZ = settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Letters the card fonts cover (Norwegian and other Latin text); no YAML-special characters
# at word starts, so the words can be written into the definition as plain text.
LETTERS = "abcdefghijklmnopqrstuvwxyzæøåéüABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
word = st.text(alphabet=LETTERS, min_size=1, max_size=14) | st.text(
    alphabet=LETTERS, min_size=15, max_size=60
)
texts = st.lists(word, min_size=1, max_size=220).map(" ".join)


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("cards-fuzz")
    library = Library(folder / "library.db")
    install_test_bundles(library)
    yield library
    library.close()


def _catalog_with(text: str, root: Path) -> object:
    definition = (TEST_DEFS / "prove.yaml").read_text("utf-8")
    marker = "      - guide:\n          section: se\n"
    assert marker in definition
    definition = definition.replace(
        marker, f'      - text: {{nb: "{text}", en: "{text}"}}\n' + marker, 1
    )
    shutil.copytree(TEST_DEFS, root)
    (root / "prove.yaml").write_text(definition, "utf-8")
    result = load_catalog(root)
    assert result.ok, [str(d) for d in result.errors]
    return result.catalog


@FUZZ
@given(text=texts, fmt=st.sampled_from(sorted(FORMATS)))
def test_any_text_length_fits_or_is_a_clear_overflow(lib: Library, text: str, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalog = _catalog_with(text, Path(tmp) / "defs")
        try:
            rendered = render_card(lib, "prove", "fjordby", fmt, catalog=catalog)
        except CardOverflowError as err:
            event("overflow")
            message = str(err)
            assert err.card == "prove" and err.side and err.panel
            assert repr(err.side) in message and repr(err.panel) in message
            assert err.needed_mm > err.available_mm
            assert "cards/prove.yaml" in message or "Shorten" in message or "shorten" in message
            return
    event("fits")
    sizes = FORMATS[fmt].sizes
    assert rendered.body_pt >= sizes.body_min
    assert rendered.number_pt >= sizes.number_min
    printed = set(re.findall(r"\w+", all_text(rendered.pdf)))
    missing = [w for w in text.split() if w not in printed]
    assert missing == [], f"text was cut off on {fmt}: {missing[:5]}"

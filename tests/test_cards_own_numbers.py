"""The user's own numbers on cards: under their own heading, validated, in the hash and footer.

Own contacts are made up here (12 34 56 78 and the like are example numbers, not services).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest
from cards_helpers import TEST_DEFS, all_text, install_test_bundles, load_test_catalog

from vnr_desktop.core.cards.errors import CardRequestError
from vnr_desktop.core.cards.history import is_stale, record_render
from vnr_desktop.core.cards.layout import CardOverflowError
from vnr_desktop.core.cards.loader import load_catalog, shipped_catalog
from vnr_desktop.core.cards.render import render_card
from vnr_desktop.core.cards.resolve import includes_own_numbers
from vnr_desktop.core.models import Contact, Phone, Provenance
from vnr_desktop.core.userdata import USER_SOURCE_ID

LEADER = "12 34 56 78"
LEGEVAKT = "987 65 432"
HEADING_NB = "Egne numre (lagt inn av deg)"
HEADING_EN = "Your own numbers (added by you)"


def own(
    contact_id: str,
    name: str,
    number: str,
    *,
    source: str = USER_SOURCE_ID,
    tags: list[str] | None = None,
) -> Contact:
    return Contact(
        id=contact_id,
        name=name,
        category="other",
        phones=[Phone(number=number)],
        serves=["professionals"],
        provenance=Provenance(
            source=source, section="Lagt inn av brukeren", as_of=dt.date(2024, 5, 2)
        ),
        tags=["own", *(tags or [])],
    )


TWO = (own("leder", "Leder Kari", LEADER), own("legevakt", "Nærmeste legevakt", LEGEVAKT))


@pytest.fixture
def lib(empty_library):
    install_test_bundles(empty_library)
    return empty_library


POCKET_CARD = """\
# A pocket card with room on the back for own numbers (the test card "prove" fills its back).
id: lomme
order: 2
title: {nb: Lommekort med egne numre, en: Pocket card with own numbers}
short_title: {nb: Lommekort, en: Pocket card}
audience: [professionals]
languages: [nb, en]
own_numbers: numbers
panels:
  tekst:
    heading: {nb: SE, en: SEE}
    tone: se
    content:
      - text: {nb: Se etter tegn., en: Look for signs.}
  numbers:
    heading: {nb: Numre, en: Numbers}
    tone: numbers
    content:
      - numbers:
          columns: {id1: 2, a7: 1, fold: 1, poster: 2}
          entries:
            - contact: "nasjonal:nodnummer-politi"
              label: {nb: Nød, en: Emergency}
            - slot: krisesenter
layouts:
  id1:
    sides:
      front:
        - {panels: [title], height: fit}
        - {panels: [tekst], height: rest}
      back:
        - {panels: [numbers, qr], widths: [62, 12], height: fit}
        - {panels: [meta], height: rest}
  a7:
    sides:
      front:
        - {panels: [title], height: fit}
        - {panels: [tekst], height: rest}
      back:
        - {panels: [numbers], height: rest}
        - {panels: [footer], height: fit}
  fold:
    sides:
      cover:
        - {panels: [title], height: rest}
      inside_left:
        - {panels: [tekst], height: rest}
      inside_right:
        - {panels: [numbers], height: rest}
      back:
        - {panels: [footer], height: rest}
  poster:
    orientation: portrait
    sides:
      page:
        - {panels: [title], height: fit}
        - {panels: [tekst], height: fit}
        - {panels: [numbers], height: rest}
        - {panels: [footer], height: fit}
"""


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    return load_test_catalog(tmp_path_factory.mktemp("defs"), extra={"lomme.yaml": POCKET_CARD})


def _render(lib, catalog, fmt="a7", card="lomme", **kwargs):
    return render_card(lib, card, "fjordby", fmt, catalog=catalog, **kwargs)


@pytest.mark.parametrize("fmt", ["id1", "a7", "a6-fold", "a4-poster", "a3-poster"])
def test_own_numbers_are_printed_under_their_own_heading(lib, catalog, fmt):
    plain = _render(lib, catalog, fmt)
    rendered = _render(lib, catalog, fmt, own_contacts=TWO)
    text = all_text(rendered.pdf)
    assert rendered.own_numbers == (LEADER, LEGEVAKT)
    assert rendered.printed_numbers == (*plain.printed_numbers, LEADER, LEGEVAKT)
    # the heading comes after every content number and before the own ones: never mixed up
    heading = text.index(HEADING_NB)
    for number in plain.printed_numbers:
        assert text.index(number) < heading, number
    assert heading < text.index("Leder Kari") < text.index(LEADER)
    assert heading < text.index("Nærmeste legevakt") < text.index(LEGEVAKT)
    assert HEADING_NB not in all_text(plain.pdf) and LEADER not in all_text(plain.pdf)
    # the footer says so
    assert "Innhold: fjordby v2 + nasjonal v3 + egne numre, 01.03.2024" in text
    # the same floors as the content's numbers
    assert rendered.number_pt >= {"id1": 9, "a7": 9, "a6-fold": 9}.get(fmt, 28)
    assert rendered.body_pt >= {"id1": 7, "a7": 7, "a6-fold": 7}.get(fmt, 12)


def test_english_card_labels_own_numbers_in_english(lib, catalog):
    rendered = _render(lib, catalog, "a7", lang="en", own_contacts=TWO)
    text = all_text(rendered.pdf)
    assert HEADING_EN in text and HEADING_NB not in text
    assert "Content: fjordby v2 + nasjonal v3 + own numbers, 01.03.2024" in text
    assert LEADER in text and LEGEVAKT in text


def test_own_numbers_on_an_imposed_sheet(lib, catalog):
    rendered = _render(lib, catalog, "id1", sheet="a4", own_contacts=TWO)
    text = all_text(rendered.pdf)
    assert text.count(LEADER) == text.count(LEGEVAKT) >= 8
    assert "egne numre" in rendered.content_version


def test_invalid_numbers_are_never_printed(lib, catalog):
    bad_phone = Phone.model_construct(
        number="12 34 56 7", label=None, hours=None, sms=False, voice=True
    )
    invalid = own("feil", "Feil nummer", LEADER).model_copy(update={"phones": [bad_phone]})
    mixed = own("blandet", "Blandet", LEGEVAKT).model_copy(
        update={"phones": [bad_phone, Phone(number=LEGEVAKT)]}
    )
    no_phone = Contact(
        id="uten",
        name="Uten nummer",
        category="other",
        no_phone_reason="ikke lagt inn",
        serves=["professionals"],
        provenance=Provenance(source=USER_SOURCE_ID, section="x", as_of=dt.date(2024, 5, 2)),
    )
    old = own("gammel", "Gammel leder", "11 22 33 44", tags=["outdated"])
    rendered = _render(lib, catalog, "a7", own_contacts=(invalid, mixed, no_phone, old))
    text = all_text(rendered.pdf)
    assert rendered.own_numbers == (LEGEVAKT,)
    assert "12 34 56 7" not in text  # seven digits: no Norwegian number
    assert "Feil nummer" not in text and "Uten nummer" not in text and "Gammel leder" not in text
    assert "11 22 33 44" not in text
    assert "Blandet" in text and LEGEVAKT in text
    warnings = " ".join(rendered.warnings)
    assert "'12 34 56 7' is not a valid phone number" in warnings
    assert "'Feil nummer' is not printed" in warnings
    assert "'Uten nummer' is not printed" in warnings
    assert "'Gammel leder' is not printed" in warnings


def test_only_invalid_own_contacts_leave_the_card_as_shipped(lib, catalog):
    bad_phone = Phone.model_construct(number="0", label=None, hours=None, sms=False, voice=True)
    invalid = own("feil", "Feil nummer", LEADER).model_copy(update={"phones": [bad_phone]})
    plain = _render(lib, catalog, "a7")
    rendered = _render(lib, catalog, "a7", own_contacts=(invalid,))
    assert rendered.content_hash == plain.content_hash
    assert rendered.content_version == plain.content_version
    assert HEADING_NB not in all_text(rendered.pdf)
    assert rendered.warnings != plain.warnings


def test_hash_and_version_follow_the_own_numbers(lib, catalog):
    plain = _render(lib, catalog)
    first = _render(lib, catalog, own_contacts=TWO)
    again = _render(lib, catalog, own_contacts=TWO)
    changed = _render(
        lib, catalog, own_contacts=(own("leder", "Leder Kari", "12 34 56 79"), TWO[1])
    )
    renamed = _render(lib, catalog, own_contacts=(own("leder", "Leder Ola", LEADER), TWO[1]))
    fewer = _render(lib, catalog, own_contacts=TWO[:1])
    reordered = _render(lib, catalog, own_contacts=TWO[::-1])
    # deterministic
    assert first.pdf == again.pdf and first.content_hash == again.content_hash
    hashes = {r.content_hash for r in (plain, first, changed, renamed, fewer, reordered)}
    versions = {r.content_version for r in (plain, first, changed, renamed, fewer, reordered)}
    assert len(hashes) == 6 and len(versions) == 6
    assert plain.content_version == "fjordby v2 + nasjonal v3"
    assert re.fullmatch(
        r"fjordby v2 \+ nasjonal v3 \+ egne numre [0-9a-f]{8}", first.content_version
    )
    assert includes_own_numbers(first.content_version)
    assert not includes_own_numbers(plain.content_version)


def test_own_numbers_do_not_change_what_the_version_says_about_bundles(lib, catalog):
    from vnr_desktop.core.sync.changes import printed_versions

    rendered = _render(lib, catalog, own_contacts=TWO)
    assert printed_versions(rendered.content_version) == {"fjordby": 2, "nasjonal": 3}


def test_print_history_sees_changed_own_numbers(lib, catalog, userdata):
    with_own = _render(lib, catalog, own_contacts=TWO)
    without = _render(lib, catalog)
    record_render(userdata, with_own, "med.pdf")
    record_render(userdata, without, "uten.pdf")
    rec_own, rec_plain = userdata.print_history()
    assert includes_own_numbers(rec_own.content_version)
    assert not is_stale(lib, rec_own, catalog, own_contacts=TWO)
    changed = (own("leder", "Leder Kari", "12 34 56 79"), TWO[1])
    assert is_stale(lib, rec_own, catalog, own_contacts=changed)
    assert is_stale(lib, rec_own, catalog, own_contacts=TWO[:1])
    assert is_stale(lib, rec_own, catalog, own_contacts=())  # own contacts deleted
    # a card printed without own numbers does not care about them
    assert not is_stale(lib, rec_plain, catalog, own_contacts=changed)
    assert not is_stale(lib, rec_plain, catalog)


def test_too_many_own_numbers_is_an_error_naming_card_side_and_panel(lib, catalog):
    many = tuple(own(f"egen-{i}", f"Kontakt nummer {i}", f"12 34 56 {i:02d}") for i in range(12))
    with pytest.raises(CardOverflowError) as err:
        _render(lib, catalog, "id1", own_contacts=many)
    exc = err.value
    assert (exc.card, exc.side) == ("lomme", "back")
    assert exc.panel in ("numbers", "meta")
    assert exc.own_numbers == 12
    assert "«lomme»" in str(exc) and "«back»" in str(exc) and f"«{exc.panel}»" in str(exc)
    assert "Egne numre får ikke plass" in str(exc) and "større format" in str(exc)
    assert "'lomme'" in exc.message_en and "'back'" in exc.message_en
    assert "Include fewer, or choose a larger format" in exc.message_en
    # at the floors: never printed smaller to make them fit
    assert "7 pt" in str(exc)


def test_a_card_without_own_numbers_keeps_its_author_facing_overflow_message(lib, tmp_path):
    long_text = " ".join(["Dette er en altfor lang setning for et lommekort."] * 30)
    text = (
        (TEST_DEFS / "prove.yaml")
        .read_text("utf-8")
        .replace(
            "      - guide:\n          section: se\n",
            f"      - text: {{nb: {long_text}, en: {long_text}}}\n"
            "      - guide:\n          section: se\n",
            1,
        )
    )
    catalog = load_test_catalog(tmp_path, extra={"prove.yaml": text})
    with pytest.raises(CardOverflowError) as err:
        render_card(lib, "prove", "fjordby", "id1", catalog=catalog, own_contacts=TWO)
    # the own numbers are on the back; the front overflows on its own
    assert err.value.side == "front" and err.value.own_numbers == 0
    assert "cards/prove.yaml" in str(err.value)


def test_contacts_from_the_content_are_refused(lib, catalog):
    borrowed = own("politi", "Politi", LEADER, source="politiet")
    with pytest.raises(CardRequestError, match="not one of the user's own contacts"):
        _render(lib, catalog, own_contacts=(borrowed,))


def test_a_card_without_a_place_for_own_numbers(lib, tmp_path):
    text = (TEST_DEFS / "prove.yaml").read_text("utf-8")
    catalog = load_test_catalog(
        tmp_path, extra={"prove.yaml": text.replace("own_numbers: numbers\n", "")}
    )
    assert _render(lib, catalog, card="prove").own_numbers == ()
    with pytest.raises(CardRequestError, match="no place for own numbers"):
        _render(lib, catalog, card="prove", own_contacts=TWO)


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        ("own_numbers: se\n", "with a numbers element"),
        ("own_numbers: nowhere\n", "with a numbers element"),
    ],
)
def test_own_numbers_must_name_a_numbers_panel(tmp_path, replacement, message):
    root = tmp_path / "defs"
    shutil.copytree(TEST_DEFS, root)
    path = root / "prove.yaml"
    path.write_text(path.read_text("utf-8").replace("own_numbers: numbers\n", replacement), "utf-8")
    result = load_catalog(root)
    [problem] = [d for d in result.errors if "own_numbers" in d.message]
    assert message in problem.message
    assert problem.file.endswith("prove.yaml") and problem.line


def test_own_numbers_panel_must_be_placed_in_every_layout(tmp_path):
    root = tmp_path / "defs"
    shutil.copytree(TEST_DEFS, root)
    path = root / "prove.yaml"
    text = path.read_text("utf-8")
    # the poster without the numbers panel
    text = text.replace(
        "        - {panels: [numbers], height: rest}\n        - {panels: [footer], height: fit}",
        "        - {panels: [footer], height: rest}",
    )
    path.write_text(text, "utf-8")
    result = load_catalog(root)
    messages = [d.message for d in result.errors]
    assert any("not placed in the poster layout" in m for m in messages), messages


def test_every_shipped_card_has_a_place_for_own_numbers():
    for card in shipped_catalog().cards.values():
        assert card.own_numbers is not None, card.id
        panel = card.panels[card.own_numbers]
        assert any(e.numbers is not None for e in panel.content), card.id


def test_shipped_numbers_card_takes_two_own_numbers_on_id1_and_posters(library):
    """The numbers card (akutt) has room for two own numbers in every format."""
    for fmt in ("id1", "a7", "a6-fold", "a4-poster", "a3-poster"):
        rendered = render_card(library, "akutt", "gjovik", fmt, own_contacts=TWO)
        text = all_text(rendered.pdf)
        assert LEADER in text and LEGEVAKT in text and HEADING_NB in text, fmt
        assert "+ egne numre" in text, fmt

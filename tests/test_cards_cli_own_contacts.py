"""`vnr-desktop cards render --own-contacts`: the user's own contacts from user.db on the card."""

from __future__ import annotations

import json

from cards_helpers import all_text
from test_cards_own_numbers import HEADING_NB, LEADER, LEGEVAKT, TWO

from vnr_desktop.cli import main
from vnr_desktop.core.cards.history import is_stale
from vnr_desktop.core.userdata import open_userdata


def _render(data_dir, out, *extra):
    args = ["--data-dir", str(data_dir), "cards", "render", "akutt", "--region", "gjovik"]
    return main([*args, "--format", "id1", "-o", str(out), "--json", *extra])


def _save_own(data_dir, contacts=TWO):
    ud = open_userdata(data_dir)
    try:
        for contact in contacts:
            ud.save_own_contact(contact)
    finally:
        ud.close()


def test_render_with_own_contacts(library, data_dir, tmp_path, capsys):
    _save_own(data_dir)
    plain, own = tmp_path / "uten.pdf", tmp_path / "med.pdf"
    assert _render(data_dir, plain) == 0
    [without] = json.loads(capsys.readouterr().out)
    assert _render(data_dir, own, "--own-contacts") == 0
    [with_own] = json.loads(capsys.readouterr().out)

    text = all_text(own.read_bytes())
    assert HEADING_NB in text and LEADER in text and LEGEVAKT in text
    assert "Leder Kari" in text and "+ egne numre" in text
    assert LEADER not in all_text(plain.read_bytes())
    assert with_own["own_numbers"] == [LEADER, LEGEVAKT]
    assert with_own["numbers"] == [*without["numbers"], LEADER, LEGEVAKT]
    assert without["own_numbers"] == []
    assert with_own["content_hash"] != without["content_hash"]
    assert "+ egne numre " in with_own["content_version"]

    # both prints are in the history; changing an own number makes only the one with it stale
    ud = open_userdata(data_dir)
    try:
        rec_plain, rec_own = ud.print_history()
        assert rec_own.content_version == with_own["content_version"]
        assert not is_stale(library, rec_own, own_contacts=ud.own_contacts())
        changed = TWO[0].model_copy(update={"phones": [TWO[1].phones[0]]})
        ud.save_own_contact(changed)
        assert is_stale(library, rec_own, own_contacts=ud.own_contacts())
        assert not is_stale(library, rec_plain, own_contacts=ud.own_contacts())
    finally:
        ud.close()


def test_own_contacts_that_do_not_fit_are_a_plain_error(library, data_dir, tmp_path, capsys):
    """The children's card is full on ID-1: two own numbers do not fit (exit code 1)."""
    _save_own(data_dir)
    args = ["--data-dir", str(data_dir), "cards", "render", "barn", "--region", "hamar"]
    out = tmp_path / "barn.pdf"
    code = main([*args, "--format", "id1", "-o", str(out), "--own-contacts"])
    assert code == 1
    err = capsys.readouterr().err
    assert "Egne numre får ikke plass" in err and "«barn»" in err and "«back»" in err
    assert not out.exists()


def test_no_own_contacts_is_a_warning_and_the_card_as_shipped(library, data_dir, tmp_path, capsys):
    out = tmp_path / "kort.pdf"
    assert _render(data_dir, out, "--own-contacts") == 0
    captured = capsys.readouterr()
    assert "no own contacts" in captured.err
    [rendered] = json.loads(captured.out)
    assert rendered["own_numbers"] == []
    assert HEADING_NB not in all_text(out.read_bytes())

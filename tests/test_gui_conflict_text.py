"""A conflict explained on a contact page names what it is about in words, never the model's
field name, and never repeats a rejected value."""

from __future__ import annotations

import re

from test_content_user_text import FIELD_NAMES, _bundles, _contains_number, _digits

from vnr_desktop.gui.html_render import conflict_text


def test_every_conflict_explanation_is_in_words(qapp):
    seen = 0
    for bundle in _bundles():
        for contact in bundle.contacts:
            for conflict in contact.conflicts:
                text = conflict_text(conflict)
                assert text.startswith("Kildene er uenige om "), text
                assert not FIELD_NAMES.search(text), (contact.id, text)
                assert conflict.field not in text, (contact.id, text)
                chosen = conflict.decision.chosen if conflict.decision else None
                for value in (v.value for v in conflict.values if v.value != chosen):
                    digits = _digits(value)
                    if digits:
                        assert not _contains_number(text, digits), (contact.id, text)
                    else:
                        assert not re.search(rf"(?<!\w){re.escape(value)}(?!\w)", text, re.I)
                seen += 1
    assert seen >= 7  # legevakt (2), VO-linjen, Kompetanseteamet, barnevern, barnevernvakt (2)


def test_field_names_become_words(qapp):
    from vnr_desktop.gui.labels import conflict_subject

    assert conflict_subject("phones[0]") == "telefonnummeret"
    assert conflict_subject("phones[1].hours") == "åpningstiden"
    assert conflict_subject("municipalities") == "hvilke kommuner tjenesten dekker"
    assert conflict_subject("something_new") == "en opplysning"

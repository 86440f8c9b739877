"""Every custom Qt model passes pytest-qt's model tester, filled with real content."""

from __future__ import annotations

from vnr_desktop.gui.adapters.cards import CardChoice
from vnr_desktop.gui.adapters.search import ResultRow
from vnr_desktop.gui.item_models import (
    REF_ROLE,
    SNIPPET_ROLE,
    SUBTITLE_ROLE,
    ContactListModel,
    MunicipalityModel,
    SearchResultsModel,
)
from vnr_desktop.gui.pages.card_studio import CardListModel
from vnr_desktop.gui.pages.guide_page import GuideListModel


def test_search_results_model(window, qtmodeltester):
    model = SearchResultsModel(window)
    model.set_rows(
        [
            ResultRow(
                "testregion:krisesenter",
                "contact",
                "Testregion krisesenter",
                "<b>kris</b>",
                "testregion",
                ("99 00 00 01",),
            ),
            ResultRow(
                "testregion:kort-barn", "guide", "Mistanke om vold mot barn", "", "testregion", ()
            ),
        ]
    )
    model.region_titles = {"testregion": "Testregion"}
    qtmodeltester.check(model)
    first = model.index(0, 0)
    assert first.data(REF_ROLE) == "testregion:krisesenter"
    assert first.data(SUBTITLE_ROLE) == "Kontakt · Testregion · 99 00 00 01"
    assert first.data(SNIPPET_ROLE) == "<b>kris</b>"


def test_contact_list_model(window, qtmodeltester):
    model = ContactListModel(window)
    model.set_rows(window.session.snapshot.contacts())
    assert model.rowCount() > 10
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_municipality_model(window, qtmodeltester):
    model = MunicipalityModel(window)
    model.set_rows(list(window.session.snapshot.municipalities))
    qtmodeltester.check(model)
    texts = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert "Testby (9901)" in texts and "Øvre Åsen (9902)" in texts


def test_guide_list_model(window, qtmodeltester):
    model = GuideListModel(window)
    rows = [(r, g, "undertittel") for r, g in window.session.snapshot.guides_for(["child_exposed"])]
    model.set_rows(rows)
    qtmodeltester.check(model)


def test_card_list_model(window, qtmodeltester):
    model = CardListModel(window)
    model.set_rows([CardChoice("akutt", "Akutt", "Numre", ("nb", "en"), ("id1",))])
    qtmodeltester.check(model)
    assert model.index(0, 0).data(REF_ROLE) == "akutt"

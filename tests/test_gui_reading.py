"""Guides (SE / SPØR / AVKLAR / HANDLE), contact details with provenance and age warning, items."""

from __future__ import annotations

from gui_support import open_window, write_settings
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication


def test_child_situation_lists_the_full_card_first_and_the_regions_guide(window):
    window.go("child")
    page = window.guide_page
    snapshot = window.session.snapshot
    first = snapshot.item(page.current_ref())
    # a guide with all of SE / SPØR / AVKLAR / HANDLE comes first (here the national one: the
    # test region's own guide has only SE and HANDLE)
    assert {"se", "spor", "avklar", "handle"} <= {s.kind for s in first.sections}
    refs = [page.model.row_at(i)[0] for i in range(page.model.rowCount())]
    assert "testregion:kort-barn" in refs
    # general background comes after every guide written for the situation
    specific = [
        snapshot.is_specific(
            snapshot.item(r), ["child_exposed", "child_witness", "child_sexual_abuse"]
        )
        for r in refs
    ]
    assert specific == sorted(specific, reverse=True)
    assert page.select("testregion:kort-barn")
    text = page.view.toPlainText()
    for expected in ("Se", "Blåmerker", "Søvnproblemer", "Handle", "Ring barnevernvakta."):
        assert expected in text
    # linked contacts with their numbers as the content gives them
    assert "Barnevernvakta i Testregion" in text and "990 00 002" in text
    assert "Testregion krisesenter" in text and "990 00 001" in text
    # provenance line
    assert "Testkilde" in text and "Vedlegg 1" in text


def test_guide_html_lays_the_four_fields_out_as_a_grid(window, library):
    from vnr_desktop.gui.html_render import guide_html
    from vnr_desktop.gui.theme import CALM

    snapshot = window.session.snapshot
    ref, guide = next(
        (r, g)
        for r, g in snapshot.guides_for(["child_exposed"])
        if {"se", "spor", "avklar", "handle"} <= {s.kind for s in g.sections}
    )
    html = guide_html(snapshot, ref, guide, CALM)
    # SE and SPØR share the first row, AVKLAR and HANDLE the second, in that order
    positions = [
        html.index(f"bgcolor='{colour}'")
        for colour in (CALM.se, CALM.spor, CALM.avklar, CALM.handle)
    ]
    assert positions == sorted(positions)
    assert html.count("<tr>") >= 2


def test_contact_link_in_a_guide_opens_the_contact(window, qtbot):
    window.go("child")
    window.guide_page.view.anchorClicked.emit(QUrl("item:testregion:barnevernvakt"))
    assert window.stack.currentWidget() is window.contacts_page
    assert window.contacts_page.selected_ref() == "testregion:barnevernvakt"


def test_copy_link_copies_the_number(window, qtbot):
    window.go("child")
    QGuiApplication.clipboard().clear()
    window.guide_page.view.anchorClicked.emit(QUrl("copy:99 00 00 02"))
    assert QGuiApplication.clipboard().text() == "99 00 00 02"


def test_every_situation_has_a_page(window):
    for entry in window.situations:
        window.go(entry.key)
        assert window.guide_page.heading.text() == entry.title


def test_contact_view_shows_every_detail_and_source(window):
    window.go("contacts")
    page = window.contacts_page
    assert page.select("testregion:krisesenter")
    text = page.detail.toPlainText()
    for expected in (
        "Testregion krisesenter",
        "990 00 001",
        "Døgnåpen",
        "hele døgnet",
        "Anonymt",
        "Ja",
        "Testkilde",
        "s. 3",
        "01.01.2024",
        "testregion v1",
    ):
        assert expected in text, expected


def test_contact_without_a_number_says_why(window):
    page = window.contacts_page
    window.go("contacts")
    assert page.select("testregion:familievern")
    assert "Kilden oppgir ikke telefonnummer." in page.detail.toPlainText()


def test_age_warning_follows_the_setting(qtbot, gui_data):
    write_settings(
        gui_data,
        municipality="9901",
        region="testregion",
        first_run_done=True,
        age_warning_months=1,
    )
    window = open_window(qtbot, gui_data)
    page = window.contacts_page
    page.select("testregion:krisesenter")
    assert "kan være utdatert" in page.detail.toPlainText()
    window.change_settings({"age_warning_months": 120})
    page.select("testregion:barnevernvakt")
    page.select("testregion:krisesenter")
    assert "kan være utdatert" not in page.detail.toPlainText()


def test_contact_filter_and_other_regions(window, qtbot):
    window.go("contacts")
    page = window.contacts_page
    refs = {page.model.row_at(i)[0] for i in range(page.model.rowCount())}
    assert "testregion:krisesenter" in refs
    assert all(r.split(":")[0] in {"testregion", "nasjonal", "egne"} for r in refs)
    page.filter.setText("99 00 00 02")
    page.refresh()
    assert [page.model.row_at(i)[0] for i in range(page.model.rowCount())] == [
        "testregion:barnevernvakt"
    ]
    page.filter.clear()
    page.all_regions.setChecked(True)
    regions = {page.model.row_at(i)[0].split(":")[0] for i in range(page.model.rowCount())}
    assert len(regions) > 3


def test_plan_and_resource_items_open(window):
    snapshot = window.session.snapshot
    window.open_ref("testregion:plan")
    assert window.stack.currentWidget() is window.measures_page
    assert window.measures_page.plan.currentData() == "testregion:plan"
    resource = next((r for r, i in snapshot.items.items() if i.kind == "resource"), None)
    assert resource is not None
    window.open_ref(resource)
    assert window.stack.currentWidget() is window.item_page
    assert snapshot.item(resource).name in window.item_page.toPlainText()

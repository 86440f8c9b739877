"""Measures view: sortable, filterable table; overdue measures stand out; CSV export."""

from __future__ import annotations

import csv
import datetime as dt

from gui_support import wait_idle
from PySide6.QtCore import Qt

from vnr_desktop.gui.item_models import (
    OVERDUE_ROLE,
    REF_ROLE,
    MeasuresFilter,
    MeasuresModel,
    number_key,
)
from vnr_desktop.gui.theme import CALM


def _refs(page) -> list[str]:
    return [page.proxy.index(r, 0).data(REF_ROLE) for r in range(page.proxy.rowCount())]


def test_table_shows_the_users_region_and_national_plans(window):
    window.go("measures")
    page = window.measures_page
    refs = _refs(page)
    assert "testregion:tiltak.1" in refs
    assert {r.split(":")[0] for r in refs} <= {"testregion", "nasjonal"}
    headers = [page.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Plan", "Nr.", "Tiltak", "Ansvarlig", "Frist", "Status"]
    assert page.table.selectionModel().hasSelection()


def test_filters_plan_status_text_and_overdue(window):
    page = window.measures_page
    page.plan.setCurrentIndex(page.plan.findData("testregion:plan"))
    assert _refs(page) == ["testregion:tiltak.1"]
    page.status.setCurrentIndex(page.status.findData("gjennomfort"))
    assert _refs(page) == []
    page.status.setCurrentIndex(0)
    page.text.setText("opplæring helsestasjonen")
    page.apply_filters()
    assert _refs(page) == ["testregion:tiltak.1"]
    page.text.setText("finnes ikke")
    page.apply_filters()
    assert _refs(page) == []


def test_overdue_measures_stand_out(window, qtbot):
    snapshot = window.session.snapshot
    rows = [m for m in snapshot.measures() if m[0] == "testregion:tiltak.1"]
    model = MeasuresModel(window, CALM)
    # tiltak.1: deadline 2025-12-31, status "i gang"
    model.set_rows(rows, dt.date(2026, 1, 1))
    index = model.index(0, 5)
    assert index.data(OVERDUE_ROLE) is True
    assert "forsinket" in index.data()
    assert index.data(Qt.ItemDataRole.BackgroundRole).color().name() == CALM.overdue_bg
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    model.set_rows(rows, dt.date(2025, 12, 31))
    assert model.index(0, 5).data(OVERDUE_ROLE) is False
    assert model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is None


def test_overdue_only_filter(window):
    page = window.measures_page
    page.overdue.setChecked(True)
    shown = _refs(page)
    assert all(page.proxy.index(r, 0).data(OVERDUE_ROLE) for r in range(page.proxy.rowCount()))
    today = window.session.snapshot.today
    if today > dt.date(2025, 12, 31):
        assert "testregion:tiltak.1" in shown


def test_numbers_sort_naturally(window):
    assert sorted(["10", "2", "1.10", "1.9", "1"], key=number_key) == [
        "1",
        "1.9",
        "1.10",
        "2",
        "10",
    ]
    page = window.measures_page
    page.plan.setCurrentIndex(
        page.plan.findData(
            next(r for r, _p in window.session.snapshot.of_kind("plan", ["nasjonal"]))
        )
    )
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    numbers = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert len(numbers) > 10
    assert [number_key(n) for n in numbers] == sorted(number_key(n) for n in numbers)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    numbers_desc = [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]
    assert numbers_desc == list(reversed(numbers))


def test_export_csv_writes_what_is_shown(window, qtbot, tmp_path):
    page = window.measures_page
    page.plan.setCurrentIndex(page.plan.findData("testregion:plan"))
    target = tmp_path / "tiltak.csv"
    page.export_to(target)
    wait_idle(qtbot, window)
    assert window.message_bar.isVisible() and "eksportert" in window.message_bar.label.text()
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows æ, ø and å
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Plan", "Nr.", "Tiltak", "Ansvarlig", "Frist", "Status"]
    assert rows[1][1:5] == ["1", "Opplæring i å snakke med barn", "Helsestasjonen", "31.12.2025"]
    assert len(rows) == 2


def test_export_to_an_unwritable_place_is_a_plain_message(window, qtbot, tmp_path):
    page = window.measures_page
    page.export_to(tmp_path / "finnes-ikke" / "tiltak.csv")
    wait_idle(qtbot, window)
    assert window.message_bar.level == "error"
    assert "Fant ikke" in window.message_bar.label.text()
    assert window.session.errors.unexpected_count == 0


def test_filter_model_is_a_valid_qt_model(window, qtmodeltester):
    model = MeasuresModel(window, CALM)
    model.set_rows(window.session.snapshot.measures(), dt.date(2026, 1, 1))
    qtmodeltester.check(model)
    proxy = MeasuresFilter(window)
    proxy.setSourceModel(model)
    proxy.set_filters(text="barn")
    qtmodeltester.check(proxy)


def test_gjovik_in_december_2026_counts_periods_and_shows_the_mix(qapp):
    """Gjøvik's measures give years ("2024"), never dates: the view counts them overdue after
    the year, and a measure of mixed parts shows its least advanced code and the mix."""
    from PySide6.QtCore import QObject

    from vnr_desktop.core.bundle_source import load_bundle_dir
    from vnr_desktop.core.resources import builtin_bundle_dir

    bundle = load_bundle_dir(builtin_bundle_dir("gjovik")).bundle
    assert bundle is not None
    parent = QObject()
    model = MeasuresModel(parent, CALM)
    model.set_rows([(f"gjovik:{m.id}", m, None) for m in bundle.measures], dt.date(2026, 12, 6))
    by_number = {model.index(r, 1).data(): r for r in range(model.rowCount())}
    overdue = [n for n, r in by_number.items() if model.index(r, 0).data(OVERDUE_ROLE)]
    assert len(overdue) == 21
    row = by_number["1"]  # period "2024", parts [I, I, P, P]
    assert model.index(row, 4).data() == "2024"
    assert model.index(row, 5).data() == "Planlagt (deler: i gang, planlagt) – forsinket"
    row = by_number["5"]  # period "2024–2027", parts [I, P, F]
    assert model.index(row, 5).data() == "Foreslått (deler: i gang, planlagt, foreslått)"
    assert model.index(by_number["13"], 0).data(OVERDUE_ROLE) is False  # "løpende"


def test_measure_page_says_overdue_and_shows_the_mix(qapp, library, userdata):
    import dataclasses

    from vnr_desktop.gui.content import load_snapshot
    from vnr_desktop.gui.html_render import item_html

    snapshot = dataclasses.replace(load_snapshot(library, userdata), today=dt.date(2026, 12, 6))
    html = item_html(snapshot, "gjovik:tiltak.2", CALM)
    assert "Foreslått (deler: i gang, planlagt, foreslått) – forsinket" in html
    html = item_html(snapshot, "gjovik:tiltak.3", CALM)  # 2024–2027: still running
    assert "forsinket" not in html

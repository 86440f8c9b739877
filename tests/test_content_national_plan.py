"""The national action plan 2014-2017 in the `nasjonal` bundle, checked against the report.

The facts (numbers, titles, «Ansvarlig», «Gjennomføring», chapters) were extracted once from
the final status report (seed 003) into tests/facts/national_plan_2014_2017.yaml; the bundle's
YAML must carry them exactly. Statuses and their texts are summaries and are checked for
presence and form, not wording.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from vnr_desktop.core.bundle_source import SourceLoadResult, load_bundle_dir
from vnr_desktop.core.models import Measure, Plan
from vnr_desktop.core.resources import builtin_bundle_dir

PLAN_ID = "handlingsplan-2014-2017"
PLAN_FILE = "plan-2014-2017.yaml"
SOURCE_ID = "nasjonal-handlingsplan-2014-2017-rapport"
REPORT_AS_OF = date(2018, 8, 1)
FACTS = yaml.safe_load(
    (Path(__file__).parent / "facts" / "national_plan_2014_2017.yaml").read_text(encoding="utf-8")
)
FACT_MEASURES: list[dict[str, Any]] = FACTS["measures"]
FACT_CHAPTERS: list[dict[str, Any]] = FACTS["chapters"]


@pytest.fixture(scope="module")
def loaded() -> SourceLoadResult:
    return load_bundle_dir(builtin_bundle_dir("nasjonal"))


@pytest.fixture(scope="module")
def plan(loaded: SourceLoadResult) -> Plan:
    assert loaded.bundle is not None, "\n".join(str(d) for d in loaded.errors)
    plans = [p for p in loaded.bundle.plans if p.id == PLAN_ID]
    assert len(plans) == 1
    return plans[0]


@pytest.fixture(scope="module")
def measures(loaded: SourceLoadResult) -> list[Measure]:
    assert loaded.bundle is not None, "\n".join(str(d) for d in loaded.errors)
    return [m for m in loaded.bundle.measures if m.plan == PLAN_ID]


def test_facts_file_is_complete() -> None:
    # Guards against a truncated or edited facts file making the comparisons below vacuous.
    assert [f["number"] for f in FACT_MEASURES] == [str(n) for n in range(1, 46)]
    assert all(f["title"] and f["responsible"] for f in FACT_MEASURES)
    covered = [n for c in FACT_CHAPTERS for n in range(c["first"], c["last"] + 1)]
    assert covered == list(range(1, 46))


def test_nasjonal_bundle_loads_without_errors(loaded: SourceLoadResult) -> None:
    assert loaded.errors == [], "\n".join(str(d) for d in loaded.errors)
    assert loaded.bundle is not None


def test_plan_file_is_clean_on_its_own(tmp_path: Path) -> None:
    """The plan file with only the manifest: no error or warning at all comes from it."""
    src = builtin_bundle_dir("nasjonal")
    shutil.copy(src / "manifest.yaml", tmp_path / "manifest.yaml")
    shutil.copy(src / PLAN_FILE, tmp_path / PLAN_FILE)
    result = load_bundle_dir(tmp_path)
    assert result.diagnostics == [], "\n".join(str(d) for d in result.diagnostics)
    assert result.bundle is not None
    assert len(result.bundle.plans) == 1
    assert len(result.bundle.measures) == 45
    assert SOURCE_ID in {s.id for s in result.bundle.manifest.sources}


def test_plan_metadata(plan: Plan) -> None:
    assert (plan.period_start, plan.period_end) == (2014, 2017)
    assert "Et liv uten vold" in plan.title
    assert plan.owner and plan.summary
    assert [(a.id, a.title) for a in plan.focus_areas] == [
        (f"np2014.{c['key']}", c["title"]) for c in FACT_CHAPTERS
    ]
    assert plan.provenance.source == SOURCE_ID
    assert plan.provenance.as_of == REPORT_AS_OF


def test_exactly_45_measures_numbered_1_to_45(measures: list[Measure]) -> None:
    assert len(measures) == 45
    assert sorted(int(m.number) for m in measures) == list(range(1, 46))
    assert [m.number for m in measures] == [str(n) for n in range(1, 46)], "keep printed order"
    ids = [m.id for m in measures]
    assert len(set(ids)) == 45
    assert ids == [f"np2014.tiltak-{n}" for n in range(1, 46)]


def test_titles_are_exactly_as_printed(measures: list[Measure]) -> None:
    by_number = {m.number: m for m in measures}
    wrong = [
        (f["number"], f["title"], by_number[f["number"]].title)
        for f in FACT_MEASURES
        if by_number[f["number"]].title != f["title"]
    ]
    assert wrong == []


def test_responsible_units_are_as_printed(measures: list[Measure]) -> None:
    by_number = {m.number: m for m in measures}
    wrong = [
        (f["number"], f["responsible"], by_number[f["number"]].responsible)
        for f in FACT_MEASURES
        if by_number[f["number"]].responsible != f["responsible"]
    ]
    assert wrong == []


def test_periods_are_as_printed(measures: list[Measure]) -> None:
    by_number = {m.number: m for m in measures}
    for fact in FACT_MEASURES:
        measure = by_number[fact["number"]]
        periods: list[str] = fact["periods"]
        if not periods:
            assert measure.period is None, f"tiltak {fact['number']}: the report prints no period"
        elif len(periods) == 1:
            assert measure.period == periods[0], f"tiltak {fact['number']}"
        else:
            assert measure.period is not None
            for printed in periods:
                assert printed in measure.period, f"tiltak {fact['number']}: {printed} missing"
        assert measure.deadline is None, "the report gives periods, not dates"


def test_each_measure_sits_in_its_chapter(measures: list[Measure]) -> None:
    by_number = {m.number: m for m in measures}
    for chapter in FACT_CHAPTERS:
        for n in range(chapter["first"], chapter["last"] + 1):
            assert by_number[str(n)].focus_area == f"np2014.{chapter['key']}", f"tiltak {n}"


def test_every_measure_has_status_text_and_provenance(measures: list[Measure]) -> None:
    for m in measures:
        assert m.status in {"gjennomfort", "i_gang", "ukjent"}, m.id
        assert m.status_text is not None and 60 <= len(m.status_text) <= 900, m.id
        assert m.description is not None and len(m.description) >= 40, m.id
        assert m.scope == "national"
        assert m.provenance.source == SOURCE_ID
        assert m.provenance.section == f"Tiltak {m.number}"
        assert m.provenance.as_of == REPORT_AS_OF


def test_both_outcomes_occur(measures: list[Measure]) -> None:
    # The report describes finished and unfinished measures; a bundle with one status for all
    # 45 would mean the statuses were not read from the report.
    statuses = {m.status for m in measures}
    assert {"gjennomfort", "i_gang"} <= statuses


_DIGIT_RUN = re.compile(r"(?<![\d,])\d(?:[\d ]*\d)?(?![\d,])")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_phone_like_number_in_plan_texts(loaded: SourceLoadResult) -> None:
    """The report prints no phone number; none may slip into the plan's texts.

    An eight-digit run (spaces allowed, as in '11 790 000') would be read as a Norwegian
    phone number by search and by a reader; amounts are written as '11,79 millioner'.
    """
    assert loaded.bundle is not None
    items: list[object] = [p for p in loaded.bundle.plans if p.id == PLAN_ID]
    items += [m for m in loaded.bundle.measures if m.plan == PLAN_ID]
    found = [
        run
        for item in items
        for text in _strings(item.model_dump(mode="json"))  # type: ignore[attr-defined]
        for run in _DIGIT_RUN.findall(text)
        if len(run.replace(" ", "")) == 8
    ]
    assert found == []


def test_digit_run_check_catches_a_spaced_number() -> None:
    runs = _DIGIT_RUN.findall("ring 61 18 95 44 eller les 11,79 millioner i 2014-2017")
    assert [r for r in runs if len(r.replace(" ", "")) == 8] == ["61 18 95 44"]

"""Prose in the project's own words: no run of 12+ words shared with a source document.

The same comparison as /work/shared/tools/shared-sentences (lower case, punctuation ignored,
runs of at least 12 words), applied to every string of the built-in bundles. Facts may be
carried over as printed (seeds/README.md): names and titles, lists of signs, questions, forms
of violence and risk factors, and a plan's own measures and goals. Everything else a reader
takes as explanation or advice - guide summaries and intros, running text, the steps of the
AVKLAR and HANDLE sections and the duty lines, descriptions, reasons - must share no run with
a source. ``VERBATIM`` below is the allow-list, each entry with its reason.

The seeds are found at ../shared/seeds relative to the repository root (CI has them beside the
clone); only when that folder is absent is the test skipped, saying so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.models import Contact, Guide, Measure, Plan, Resource
from vnr_desktop.core.resources import builtin_bundle_dir

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
BUNDLES = ("nasjonal", "hallingdal", "hamar", "gjovik")
MIN_RUN = 12
WORD = re.compile(r"[0-9a-zæøåéü]+(?:[-'’][0-9a-zæøåéü]+)*")

# Fields whose text may be the source's words, and why.
VERBATIM = {
    "title": "names and titles are facts",
    "heading": "a heading is a title",
    "items:se": "lists of signs (SE) are facts",
    "items:spor": "the questions to ask (SPØR) are the card's list of questions",
    "items:forms": "lists of forms of violence are facts",
    "items:definitions": "lists in definitions (who counts as a close relation) are facts",
    "items:risk_factors": "lists of risk factors are facts",
    "items:info": "lists of titles (laws, conventions, guides, help lines) are names",
    "measure": "a measure's text is what the plan adopted (number, title, goal, parts, status)",
    "plan.goals": "a plan's goals are what the plan adopted",
    "web": "an address",
}

# Names and titles that sentences may contain as printed (blanked out before comparing).
TITLES = (
    "Helsepersonellets taushetsplikt – rett og plikt til å utlevere pasientopplysninger til politiet",
    "Europarådets konvensjon om forebygging og bekjempelse av vold mot kvinner og vold i nære"
    " relasjoner",
    "Røde Kors-telefonen om negativ sosial kontroll og æresrelatert vold",
    "Kompetanseteamet mot tvangsekteskap, kjønnslemlestelse og negativ sosial kontroll",
    "Statens barnehus",
)
# A definition quoted explicitly, in «guillemets» and with its source, is the source's words
# shown as such (issue 12: "quoted explicitly ... with their source").
QUOTE = re.compile(r"«[^«»]{40,}»\s*\([^)]+\)")


def tokens(text: str) -> list[str]:
    return [m.group(0) for m in WORD.finditer(text.lower())]


@pytest.fixture(scope="module")
def seed_grams() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"source documents not found at {SEEDS} (CI has them beside the clone)")
    grams: set[tuple[str, ...]] = set()
    for f in sorted(SEEDS.glob("*.txt")):
        t = tokens(f.read_text(encoding="utf-8"))
        grams.update(tuple(t[i : i + MIN_RUN]) for i in range(len(t) - MIN_RUN + 1))
    assert len(grams) > 10_000, "the seeds look empty"
    return grams


def shared_runs(text: str, grams: set[tuple[str, ...]]) -> list[str]:
    """Every maximal run of MIN_RUN+ words of ``text`` that a seed also has (explicit quotes
    and listed titles left out)."""
    text = QUOTE.sub(" | ", text)
    for title in TITLES:
        text = re.sub(r"\s+".join(map(re.escape, title.split())), " | ", text, flags=re.I)
    runs: list[str] = []
    for part in text.split("|"):
        runs += _runs(tokens(part), grams)
    return runs


def _runs(words: list[str], grams: set[tuple[str, ...]]) -> list[str]:
    hit = [False] * len(words)
    for i in range(len(words) - MIN_RUN + 1):
        if tuple(words[i : i + MIN_RUN]) in grams:
            hit[i : i + MIN_RUN] = [True] * MIN_RUN
    runs, i = [], 0
    while i < len(words):
        if hit[i]:
            j = i
            while j < len(words) and hit[j]:
                j += 1
            runs.append(" ".join(words[i:j]))
            i = j
        else:
            i += 1
    return runs


def strings(item: object) -> Iterator[tuple[str, str]]:
    """(field kind, text) for every string of an item."""
    if isinstance(item, Guide):
        yield "title", item.title
        yield "summary", item.summary or ""
        for s in item.sections:
            yield "title", s.title
            yield "intro", s.intro or ""
            for b in s.blocks:
                yield "heading", b.heading or ""
                yield "text", b.text or ""
                for x in b.items:
                    yield f"items:{s.kind}", x
            for r in s.legal_refs:
                yield "title", r.title or ""
                yield "legal_ref.summary", r.summary or ""
    elif isinstance(item, Contact):
        yield "title", item.name
        yield "description", item.description or ""
        yield "no_phone_reason", item.no_phone_reason or ""
        yield "web", item.web or ""
        for c in item.conflicts:
            if c.decision:
                yield "conflict.reason", c.decision.reason
    elif isinstance(item, Measure):
        for text in (item.title, item.goal, item.description, item.status_text):
            yield "measure", text or ""
    elif isinstance(item, Plan):
        yield "title", item.title
        yield "plan.summary", item.summary or ""
        for g in item.goals:
            yield "plan.goals", g
    elif isinstance(item, Resource):
        yield "title", item.name
        yield "resource.description", item.description or ""
        yield "web", item.web or ""


def _bundle(bundle_id: str) -> BundleContent:
    result = load_bundle_dir(builtin_bundle_dir(bundle_id))
    assert result.bundle is not None
    return result.bundle


def test_the_comparison_finds_copied_prose(seed_grams: set[tuple[str, ...]]) -> None:
    copied = (
        "Alle har en personlig plikt til å anmelde eller på annen måte avverge og hindre "
        "straffbare forhold"
    )
    assert shared_runs(copied, seed_grams)
    assert not shared_runs("Ring politiet på 112 hvis noen er i fare akkurat nå.", seed_grams)
    quoted = f"Definisjonen: «{copied}» (Hallingdal-planen, Vedlegg 1)."
    assert not shared_runs(quoted, seed_grams)
    assert shared_runs(f"«{copied}»", seed_grams), "a quote needs its source"


@pytest.mark.parametrize("bundle_id", BUNDLES)
def test_prose_shares_no_run_with_a_source(
    bundle_id: str, seed_grams: set[tuple[str, ...]]
) -> None:
    found = []
    for item in _bundle(bundle_id).items():
        for kind, text in strings(item):
            if kind in VERBATIM or not text:
                continue
            for run in shared_runs(text, seed_grams):
                found.append(f"{item.id} [{kind}] {len(run.split())} words: {run}")
    assert not found, "copied prose, rewrite in own words:\n" + "\n".join(found)

"""`vnr-desktop search` on the built-in content."""

from __future__ import annotations

import json
from typing import Any

import pytest

from vnr_desktop.cli import main
from vnr_desktop.core.models import Contact
from vnr_desktop.core.userdata import open_userdata


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["search", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(library: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "61 18 95 44", "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits[0] == {
        "id": "barnevernvakt",
        "ref": "gjovik:barnevernvakt",
        "kind": "contact",
        "title": hits[0]["title"],
        "snippet": hits[0]["snippet"],
        "region": "gjovik",
        "score": hits[0]["score"],
        "group": "regional",
        "phones": ["61 18 95 44"],
    }
    assert "[61 18 95 44]" in hits[0]["snippet"]


def test_kind_region_and_limit(library: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "krisesenter", "--kind", "contact", "--region", "hamar", "--json")
    assert code == 0
    assert [h["ref"] for h in json.loads(out)] == ["hamar:krisesenter"]
    code, out, _ = run(capsys, "vold", "--kind", "measure", "--limit", "4", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 4 and {h["kind"] for h in hits} == {"measure"}
    assert all("phones" not in h for h in hits)


def test_text_output_marks_the_matching_words(
    library: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "barnevernvakt", "gjøv", "--limit", "1")
    assert code == 0
    first, snippet = out.splitlines()[:2]
    assert first.startswith("Barnevernvakt i Gjøvik") and "gjovik:barnevernvakt" in first
    assert "tlf 61 18 95 44" in first
    assert "[Barnevernvakt" in snippet or "[barnevernvakt" in snippet


def test_no_hits_and_wrong_usage(library: Any, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "qqqqzzzz") == (0, "Ingen treff.\n", "")
    code, _, err = run(capsys, "vold", "--region", "atlantis")
    assert code == 2 and "unknown region 'atlantis'" in err
    code, _, err = run(capsys, "vold", "--limit", "0")
    assert code == 2 and "--limit" in err
    code, out, _ = run(capsys, '"((NEAR', "--json")
    assert code == 0 and isinstance(json.loads(out), list)


def test_home_region_comes_from_the_settings(
    library: Any, data_dir: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    ud = open_userdata(data_dir)
    ud.save_settings(ud.settings().model_copy(update={"region": "hamar"}))
    ud.close()
    code, out, _ = run(capsys, "krisesenter", "--kind", "contact", "--json", "--limit", "1")
    assert code == 0 and json.loads(out)[0]["ref"] == "hamar:krisesenter"
    code, out, _ = run(capsys, "krisesenter", "--kind", "contact", "--json", "--home", "gjovik")
    assert json.loads(out)[0]["ref"] == "gjovik:krisesenter"


def test_own_contacts_are_found(
    library: Any, data_dir: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    ud = open_userdata(data_dir)
    ud.save_own_contact(
        Contact.model_validate(
            {
                "id": "helsesykepleier",
                "name": "Helsesykepleier Berit (testdata)",
                "category": "health_service",
                "serves": ["children"],
                "phones": [{"number": "99 00 30 01"}],
                "provenance": {"source": "egen", "section": "egen", "as_of": "2024-01-01"},
            },
            strict=False,
        )
    )
    ud.close()
    code, out, _ = run(capsys, "helsesykepleier berit", "--json")
    assert code == 0 and json.loads(out)[0]["ref"] == "egne:helsesykepleier"
    code, out, _ = run(capsys, "99003001", "--region", "egne", "--json")
    assert [h["ref"] for h in json.loads(out)] == ["egne:helsesykepleier"]


def test_text_output_marks_other_regions_outdated_items_and_translations(
    library: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "krisesenter", "--home", "gjovik", "--kind", "contact")
    assert code == 0
    lines = [line for line in out.splitlines() if not line.startswith("    ")]
    assert lines[0].startswith("Gjøvik krisesenter") and "ANNEN REGION" not in lines[0]
    hamar = next(line for line in lines if "hamar:krisesenter" in line)
    assert "ANNEN REGION / other region" in hamar and "no usable number" in hamar
    code, out, _ = run(capsys, "rvts", "øst", "--kind", "contact")
    assert "UTDATERT / outdated: marked outdated" in out.splitlines()[0]
    code, out, _ = run(capsys, "crisis", "centre", "--home", "gjovik", "--lang", "en")
    first, second = out.splitlines()[:2]
    assert first == "Oversatt fra engelsk / translated from English: crisis centre → krisesenter"
    assert second.startswith("Gjøvik krisesenter")

"""Bundle validation: every bad input gives a located, plain message and a failing exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnr_desktop.cli import main as cli_main
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.yaml_safe import MAX_FILE_BYTES


def _errors(folder: Path, **kw):
    result = load_bundle_dir(folder, **kw)
    assert not result.ok
    assert result.bundle is None
    return result.errors


def _only_error(folder: Path, **kw):
    errors = _errors(folder, **kw)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_the_test_bundle_is_valid(test_bundle_dir):
    result = load_bundle_dir(test_bundle_dir)
    assert result.ok, [str(d) for d in result.errors]
    assert result.bundle.id == "testregion"
    assert {c.id for c in result.bundle.contacts} == {"krisesenter", "barnevernvakt", "familievern"}
    # the contact without a number is a warning that names it, not an error
    (warning,) = [w for w in result.warnings if w.code == "missing-number"]
    assert "Familievernkontoret Testregion" in warning.message
    assert warning.file.endswith("contacts.yaml") and warning.line == 25


def test_yaml_syntax_error_names_file_line_and_column(test_bundle_dir):
    (test_bundle_dir / "contacts.yaml").write_text(
        "contacts:\n  - id: x\n    name: [unclosed\n", encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.file.endswith("contacts.yaml")
    assert err.line == 4 and err.column is not None
    assert err.code == "yaml"


def test_unknown_field_is_located_with_field_path(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    category: barnevernvakt\n", "    category: barnevernvakt\n    telefon: '1'\n"
    )
    (test_bundle_dir / "contacts.yaml").write_text(text, encoding="utf-8")
    err = _only_error(test_bundle_dir)
    assert err.path == "contacts[1].telefon"
    assert "unknown field 'telefon'" in err.message
    assert err.line == 16
    assert str(err).startswith(f"{err.file}:16:")


def test_unquoted_phone_number_says_to_quote_it(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "contacts.yaml").write_text(
        text.replace('"99 00 00 02"', "99000002"), encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.path == "contacts[1].phones[0].number"
    assert "put it in quotes" in err.message
    assert err.line == 17


def test_bad_phone_form_is_rejected(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "contacts.yaml").write_text(
        text.replace('"99 00 00 02"', '"99 00 00 0"'), encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.path == "contacts[1].phones[0].number"
    assert "8 digits" in err.message


def test_missing_provenance_does_not_validate(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    provenance: {source: testkilde, section: s. 4, as_of: 2024-01-01}\n", ""
    )
    (test_bundle_dir / "contacts.yaml").write_text(text, encoding="utf-8")
    err = _only_error(test_bundle_dir)
    assert err.path == "contacts[1].provenance"
    assert "required field 'provenance' is missing" in err.message
    assert err.line == 13  # the item itself


def test_provenance_source_must_be_in_manifest(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "contacts.yaml").write_text(
        text.replace("source: testkilde, section: s. 4", "source: ukjent, section: s. 4"),
        encoding="utf-8",
    )
    err = _only_error(test_bundle_dir)
    assert err.path == "contacts[1].provenance.source"
    assert "'ukjent' is not listed in manifest.yaml sources" in err.message


def test_bad_date_is_located(test_bundle_dir):
    text = (test_bundle_dir / "plan.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "plan.yaml").write_text(
        text.replace("deadline: 2025-12-31", "deadline: 31.12.2025"), encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.path == "measures[0].deadline"
    assert "YYYY-MM-DD" in err.message
    assert err.file.endswith("plan.yaml") and err.line == 16


def test_future_as_of_date_is_an_error(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "contacts.yaml").write_text(
        text.replace("section: s. 4, as_of: 2024-01-01", "section: s. 4, as_of: 2999-01-01"),
        encoding="utf-8",
    )
    err = _only_error(test_bundle_dir)
    assert err.path == "contacts[1].provenance.as_of"
    assert "future" in err.message


def test_duplicate_ids_name_both_places(test_bundle_dir):
    (test_bundle_dir / "more.yaml").write_text(
        "contacts:\n  - id: krisesenter\n    name: Kopi\n    category: krisesenter\n"
        "    phones: [{number: '99 00 00 09'}]\n    serves: [adults]\n"
        "    provenance: {source: testkilde, section: s. 9, as_of: 2024-01-01}\n",
        encoding="utf-8",
    )
    errors = _errors(test_bundle_dir)
    dup = [e for e in errors if e.code == "duplicate-id"]
    assert len(dup) == 1
    assert "contacts.yaml:2" in dup[0].message
    assert dup[0].file.endswith("more.yaml") and dup[0].line == 2


def test_dangling_contact_reference(test_bundle_dir):
    text = (test_bundle_dir / "guides.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "guides.yaml").write_text(
        text.replace("[barnevernvakt, krisesenter]", "[barnevernvakt, finnesikke]"),
        encoding="utf-8",
    )
    err = _only_error(test_bundle_dir)
    assert err.code == "dangling"
    assert err.path == "guides[0].sections[1].contacts[1]"
    assert "'finnesikke' does not exist" in err.message
    assert err.line == 15


def test_dangling_plan_and_focus_area(test_bundle_dir):
    text = (test_bundle_dir / "plan.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "plan.yaml").write_text(
        text.replace("focus_area: barn", "focus_area: voksne"), encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.path == "measures[0].focus_area"
    assert "'voksne' is not one of plan 'plan'" in err.message


def test_cross_bundle_reference_is_checked_when_the_bundle_is_known(test_bundle_dir):
    text = (test_bundle_dir / "guides.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "guides.yaml").write_text(
        text.replace("[barnevernvakt, krisesenter]", "[barnevernvakt, nasjonal:nope]"),
        encoding="utf-8",
    )
    result = load_bundle_dir(test_bundle_dir)
    assert result.ok  # nasjonal unknown here: a warning, not an error
    assert any(w.code == "unchecked-ref" for w in result.warnings)
    err = _only_error(
        test_bundle_dir, external_ids=lambda b: {"alarmtelefonen"} if b == "nasjonal" else None
    )
    assert "'nasjonal:nope' does not exist in bundle 'nasjonal'" in err.message


def test_alias_bomb_is_refused(test_bundle_dir):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    (test_bundle_dir / "bomb.yaml").write_text(bomb, encoding="utf-8")
    err = _only_error(test_bundle_dir)
    assert err.file.endswith("bomb.yaml") and err.line == 1
    assert "anchors and aliases" in err.message


def test_deep_nesting_is_refused(test_bundle_dir):
    (test_bundle_dir / "deep.yaml").write_text(
        "contacts: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.file.endswith("deep.yaml") and err.line == 1
    assert "nested deeper" in err.message


def test_oversize_file_is_refused(test_bundle_dir):
    (test_bundle_dir / "big.yaml").write_bytes(b"# " + b"x" * (MAX_FILE_BYTES + 10) + b"\n")
    err = _only_error(test_bundle_dir)
    assert err.file.endswith("big.yaml")
    assert "at most" in err.message


def test_invalid_utf8_is_located(test_bundle_dir):
    (test_bundle_dir / "latin1.yaml").write_bytes("contacts: []\n# Tromsø\n".encode("latin-1"))
    err = _only_error(test_bundle_dir)
    assert err.file.endswith("latin1.yaml")
    assert (err.line, err.column) == (2, 8)
    assert "not valid UTF-8" in err.message


def test_duplicate_keys_are_refused(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "contacts.yaml").write_text(
        text.replace(
            "    category: barnevernvakt\n", "    category: barnevernvakt\n    category: politi\n"
        ),
        encoding="utf-8",
    )
    err = _only_error(test_bundle_dir)
    assert "appears twice" in err.message and err.line == 16


def test_missing_manifest(test_bundle_dir):
    (test_bundle_dir / "manifest.yaml").unlink()
    err = _only_error(test_bundle_dir)
    assert err.file.endswith("manifest.yaml")
    assert "missing" in err.message


def test_conflict_without_decision_warns_and_blocks_strict(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    conflict = (
        "    conflicts:\n"
        "      - field: phones[0]\n"
        "        values:\n"
        "          - {value: '99 00 00 01', source: testkilde, section: s. 3}\n"
        "          - {value: '00 99 00 01', source: testkilde, section: s. 8}\n"
    )
    text = text.replace(
        "    tags: [primary]\n    provenance: {source: testkilde, section: s. 3",
        conflict + "    tags: [primary]\n    provenance: {source: testkilde, section: s. 3",
    )
    (test_bundle_dir / "contacts.yaml").write_text(text, encoding="utf-8")
    relaxed = load_bundle_dir(test_bundle_dir)
    assert relaxed.ok
    assert any(w.code == "unresolved-conflict" for w in relaxed.warnings)
    err = _only_error(test_bundle_dir, strict=True)
    assert err.code == "unresolved-conflict"
    assert "99 00 00 01 / 00 99 00 01" in err.message


def test_two_primary_contacts_in_one_category(test_bundle_dir):
    text = (test_bundle_dir / "contacts.yaml").read_text(encoding="utf-8")
    (test_bundle_dir / "contacts.yaml").write_text(
        text.replace("category: barnevernvakt", "category: krisesenter"), encoding="utf-8"
    )
    err = _only_error(test_bundle_dir)
    assert err.code == "primary"


@pytest.mark.parametrize("json_flag", [False, True])
def test_cli_validate_exit_codes_and_messages(test_bundle_dir, capsys, json_flag):
    extra = ["--json"] if json_flag else []
    assert cli_main(["bundle", "validate", str(test_bundle_dir), *extra]) == 0
    capsys.readouterr()
    (test_bundle_dir / "contacts.yaml").write_text("contacts:\n  - id: Bad Id\n", encoding="utf-8")
    assert cli_main(["bundle", "validate", str(test_bundle_dir), *extra]) == 1
    out, err = capsys.readouterr()
    text = out if json_flag else err
    assert "contacts.yaml" in text
    assert "not a valid id" in text

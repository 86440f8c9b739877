"""Content text is clean: characters a reader cannot see are refused (issue 13).

Each case puts one invisible character into the test bundle, once through a YAML escape
(``bundle validate`` and ``bundle install``) and once through a signed ``content.json``
(import of a signed bundle file). Each is refused with a message that names the character and
where it is (file, line, column and field for YAML; the field for content.json), and the
installed library is left exactly as it was.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from servers.feeds import build, keyring, make_key, make_updater, snapshot

from vnr_desktop.cli import main as cli_main
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.clean_text import check_clean, find_unclean
from vnr_desktop.core.library import open_library
from vnr_desktop.core.paths import resolve_paths
from vnr_desktop.core.sync import minisign
from vnr_desktop.core.sync.errors import ContentInvalid

NUMBER_LINE = '      - {number: "99 00 00 01", label: Døgnåpen, hours: hele døgnet}'

# (id, YAML replacement for the krisesenter's phone line, field path, character, JSON edit)
CASES = [
    (
        "carriage-return-in-number",
        '      - {number: "99 00\\r00 01", label: Døgnåpen, hours: hele døgnet}',
        "contacts[0].phones[0].number",
        "\r",
        ("number", "99 00\r00 01"),
    ),
    (
        "unit-separator-in-number",
        '      - {number: "99 00\\x1f00 01", label: Døgnåpen, hours: hele døgnet}',
        "contacts[0].phones[0].number",
        "\x1f",
        ("number", "99 00\x1f00 01"),
    ),
    (
        "next-line-in-number",
        '      - {number: "99 00\\N00 01", label: Døgnåpen, hours: hele døgnet}',
        "contacts[0].phones[0].number",
        "\x85",
        ("number", "99 00\x8500 01"),
    ),
    (
        "line-separator-in-number",
        '      - {number: "99 00\\u202800 01", label: Døgnåpen, hours: hele døgnet}',
        "contacts[0].phones[0].number",
        "\u2028",
        ("number", "99 00\u202800 01"),
    ),
    (
        "rtl-override-in-label",
        '      - {number: "99 00 00 01", label: "D\\u202eøgnåpen 10 00", hours: hele døgnet}',
        "contacts[0].phones[0].label",
        "\u202e",
        ("label", "D\u202eøgnåpen 10 00"),
    ),
    (
        "zero-width-space-in-hours",
        '      - {number: "99 00 00 01", label: Døgnåpen, hours: "hele\\u200bdøgnet"}',
        "contacts[0].phones[0].hours",
        "\u200b",
        ("hours", "hele\u200bdøgnet"),
    ),
    (
        "line-separator-in-hours",
        '      - {number: "99 00 00 01", label: Døgnåpen, hours: "hele\\u2028døgnet"}',
        "contacts[0].phones[0].hours",
        "\u2028",
        ("hours", "hele\u2028døgnet"),
    ),
]
YAML_CASES = [pytest.param(c[1], c[2], c[3], id=c[0]) for c in CASES]
JSON_CASES = [pytest.param(c[4], c[2], c[3], id=c[0]) for c in CASES]


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _edit(folder: Path, line: str) -> None:
    path = folder / "contacts.yaml"
    text = path.read_text("utf-8")
    assert NUMBER_LINE in text
    path.write_text(text.replace(NUMBER_LINE, line), "utf-8")


@pytest.mark.parametrize(("line", "field", "char"), YAML_CASES)
def test_yaml_escape_is_refused_with_file_line_column_and_field(test_bundle_dir, line, field, char):
    _edit(test_bundle_dir, line)
    result = load_bundle_dir(test_bundle_dir)
    assert result.bundle is None
    found = [e for e in result.errors if e.path == field]
    assert len(found) == 1, [str(e) for e in result.errors]
    err = found[0]
    assert err.file.endswith("contacts.yaml") and err.line == 7 and err.column is not None
    assert _code(char) in err.message
    assert str(err).startswith(f"{err.file}:7:{err.column}")


@pytest.mark.parametrize(("line", "field", "char"), YAML_CASES)
def test_bundle_validate_and_install_refuse_and_leave_the_library_unchanged(
    library, test_bundle_dir, capsys, line, field, char
):
    library.install_dir(test_bundle_dir)
    before = snapshot(library)
    assert ("testregion", 1) in {b[:2] for b in before.bundles}
    manifest = test_bundle_dir / "manifest.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("version: 1", "version: 2"), "utf-8")
    _edit(test_bundle_dir, line)
    assert cli_main(["bundle", "validate", str(test_bundle_dir)]) != 0
    out = capsys.readouterr()
    printed = out.out + out.err
    assert "contacts.yaml:7:" in printed and field in printed and _code(char) in printed
    assert cli_main(["bundle", "install", str(test_bundle_dir)]) != 0
    out = capsys.readouterr()
    assert _code(char) in out.out + out.err
    assert snapshot(library) == before


def _forged(good: Path, key: minisign.SecretKey, edit: tuple[str, str], out: Path) -> Path:
    """``good`` with one string of content.json changed, re-hashed and signed by ``key``: what
    a publisher whose tools let the character through would ship."""
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(good.read_bytes()))) as tar:
        entries = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]
    content = json.loads(entries["content.json"])
    content["manifest"]["version"] = 2
    content["contacts"][0]["phones"][0][edit[0]] = edit[1]
    content_json = json.dumps(content, ensure_ascii=False).encode("utf-8")
    header = json.loads(entries["bundle.json"])
    header["version"] = 2
    header["content_sha256"] = hashlib.sha256(content_json).hexdigest()
    entries["bundle.json"] = json.dumps(header).encode()
    entries["content.json"] = content_json
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    out.write_bytes(gzip.compress(buf.getvalue()))
    minisign.sign_file(key, out)
    return out


@pytest.mark.parametrize(("edit", "field", "char"), JSON_CASES)
def test_signed_content_json_is_refused_and_the_library_unchanged(
    tmp_path, data_dir, userdata, edit, field, char
):
    key = make_key()
    paths = resolve_paths(data_dir).ensure()
    lib = open_library(data_dir, install_builtin=False)
    try:
        good = build(tmp_path)
        minisign.sign_file(key, good)
        updater = make_updater(lib, paths, keyring(key), userdata=userdata)
        updater.import_path(good)
        before = snapshot(lib)
        assert before.bundles[0][:2] == ("testregion", 1)
        bad = _forged(good, key, edit, tmp_path / "testregion-2.vnrb")
        with pytest.raises(ContentInvalid) as err:
            updater.import_path(bad)
        json_field = field.replace("[", ".").replace("]", "")
        assert any(p.startswith(json_field) and _code(char) in p for p in err.value.problems), (
            err.value.problems
        )
        assert "ikke installert" in str(err.value) or "not installed" in str(err.value)
        assert snapshot(lib) == before
    finally:
        lib.close()


# --------------------------------------------------------------------------- the rule itself


@pytest.mark.parametrize(
    ("text", "multiline", "bad_at"),
    [
        ("Krisesenter", False, None),
        ("Linje 1\nLinje 2\tinnrykk", True, None),
        ("Linje 1\nLinje 2", False, 7),
        ("a\rb", True, 1),
        ("\ufeffTekst", False, 0),
        ("Tekst\u00ad", False, 5),  # soft hyphen (Cf)
        ("\u2066isolert\u2069", False, 0),
        ("ordmed\u200dsammenføyning", False, None),  # ZWJ inside a word
        ("ord \u200d", False, 4),  # ZWJ not between letters
        ("\u200cord", False, 0),
        ("61\u00a018 95 44", False, None),  # no-break space is visible spacing
    ],
)
def test_the_clean_text_rule(text, multiline, bad_at):
    assert find_unclean(text, multiline=multiline) == bad_at
    if bad_at is not None:
        with pytest.raises(ValueError, match=f"U\\+{ord(text[bad_at]):04X}"):
            check_clean(text, multiline=multiline)


def _rule_one_character_at_a_time(text: str, multiline: bool) -> int | None:
    """The rule as the module's docstring states it, with no fast path."""
    for i, ch in enumerate(text):
        category = unicodedata.category(ch)
        if category not in ("Cc", "Cf", "Zl", "Zp"):
            continue
        if multiline and ch in "\n\t":
            continue
        letters = 0 < i < len(text) - 1 and all(
            unicodedata.category(c)[0] in "LM" for c in (text[i - 1], text[i + 1])
        )
        if ch in "\u200c\u200d" and letters:
            continue
        return i
    return None


@settings(max_examples=600, deadline=None)
@given(
    st.text(
        st.one_of(
            st.sampled_from("abcæøå 0123456789-.,"),
            st.sampled_from("\n\t\r\x85\u2028\u200b\u200c\u200d\u00a0\u00ad\u202e\ufeff"),
            st.characters(),
        ),
        max_size=30,
    ),
    st.booleans(),
)
def test_the_fast_path_agrees_with_the_rule_for_any_text(text: str, multiline: bool) -> None:
    assert find_unclean(text, multiline=multiline) == _rule_one_character_at_a_time(text, multiline)


def test_card_definitions_refuse_invisible_characters(tmp_path):
    from cards_helpers import TEST_DEFS

    from vnr_desktop.core.cards.loader import load_catalog

    root = tmp_path / "defs"
    import shutil

    shutil.copytree(TEST_DEFS, root)
    path = root / "prove.yaml"
    text = path.read_text("utf-8")
    first_title = next(line for line in text.splitlines() if line.startswith("title:"))
    path.write_text(text.replace(first_title, 'title: "Pr\\u202eøve"', 1), "utf-8")
    result = load_catalog(root)
    assert not result.ok
    [err] = [e for e in result.errors if "U+202E" in e.message]
    assert err.file.endswith("prove.yaml") and err.line is not None and "title" in err.path


def test_a_content_field_of_any_string_type_is_checked():
    """A field added later as plain ``str`` (or a list or mapping of them) is still checked."""
    from pydantic import ValidationError

    from vnr_desktop.core.models import StrictModel

    class Later(StrictModel):
        note: str = "ok"
        tags: list[str] = []
        extra: dict[str, str] = {}

    Later(note="ren tekst\nover to linjer", tags=["a"], extra={"k": "v"})
    for kwargs in ({"note": "a\u202eb"}, {"tags": ["ok", "a\u200bb"]}, {"extra": {"k\r": "v"}}):
        with pytest.raises(ValidationError, match="U\\+"):
            Later(**kwargs)

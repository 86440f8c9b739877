"""The YAML loader's two engines (core/yaml_safe.py).

The built-in bundles are read with libyaml (C, about 6x faster: a first start shows the content
sooner); folders a person wrote are read with PyYAML's own reader, the strictest, whose messages
name the character at fault. Both run under the same composer and constructor. So every file
the app ships must read the same under both, value for value and position for position, and the
refusals that matter (aliases, duplicate keys, depth, control characters) must be the same.
The two parsers differ in corners of YAML content never uses (libyaml drops a trailing tab that
PyYAML refuses); that is why files a person wrote keep the strict one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vnr_desktop.core.yaml_safe import (
    DEFAULT_ENGINE,
    ENGINES,
    SHIPPED_ENGINE,
    YamlLoadError,
    load_yaml_text,
)

ROOT = Path(__file__).resolve().parent.parent
CONTENT_FILES = sorted((ROOT / "resources" / "bundles").rglob("*.yaml")) + sorted(
    (ROOT / "cards").rglob("*.yaml")
)

pytestmark = pytest.mark.skipif(len(ENGINES) < 2, reason="PyYAML without libyaml: one engine")


def _outcome(text: str, engine: str) -> tuple[object, ...]:
    try:
        loaded = load_yaml_text(text, "f.yaml", engine=engine)
    except YamlLoadError as exc:
        return ("refused", exc.line, exc.column)
    return ("read", loaded.data, loaded.positions)


def test_shipped_content_is_read_with_libyaml_and_folders_people_write_strictly():
    assert yaml.__with_libyaml__
    assert SHIPPED_ENGINE == "libyaml"
    assert DEFAULT_ENGINE == "python"


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_content_file_reads_the_same(path: Path):
    text = path.read_text(encoding="utf-8")
    assert _outcome(text, "libyaml") == _outcome(text, "python")


REFUSED = [
    ("a: &x 1\nb: *x\n", "anchors and aliases (&name) are not allowed in content files"),
    ("a: 1\nb: *x\n", "anchors and aliases (*name) are not allowed in content files"),
    ("a: 1\na: 2\n", "the key 'a' appears twice in the same mapping"),
    ('æøå: "x\x01"\n', None),
    ("a:\n\t- b\n", "found character '\\t' that cannot start any token"),
    ("kontakter:\n  - navn: Krisesenter\n\ttelefon: 1\n", None),
    ("a: [1, 2\n", None),
    ("- a\n- b: c: d\n", None),
    ("a: 'unterminated\n", None),
    ("a: 1\n b: 2\n", None),
    (
        "dato: 2024-13-45\n",
        "'2024-13-45' is not a real date (write YYYY-MM-DD, or quote it if it is text)",
    ),
    ("{[a]: 1}\n", "mapping keys must be plain text"),
    ("a: " + "[" * 60 + "]" * 60 + "\n", "values are nested deeper than 40 levels"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_both_refuse_the_same_files_at_the_same_place(text: str, message: str | None):
    c, py = _outcome(text, "libyaml"), _outcome(text, "python")
    assert c[0] == py[0] == "refused"
    assert c[1] == py[1]  # the line
    if message is not None:
        for engine in ENGINES:
            with pytest.raises(YamlLoadError) as caught:
                load_yaml_text(text, "f.yaml", engine=engine)
            assert caught.value.message == message, engine


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_tree = st.recursive(
    st.one_of(_text, st.integers(-(10**6), 10**6), st.booleans(), st.none()),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(_text, children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_tree, st.booleans())
def test_any_tree_written_as_yaml_reads_the_same(tree: object, flow: bool):
    text = yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    assert _outcome(text, "libyaml") == _outcome(text, "python")

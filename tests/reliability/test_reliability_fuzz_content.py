"""Fuzzing content validation: any YAML tree, text or bytes is valid or a located error.

load_bundle_dir is the gate every bundle passes (CLI validate/build, import, sync). Whatever a
municipal editor or an attacker puts in the files, it must answer with content or with
Diagnostics that name a file and a line, never raise. Content it accepts must also store,
install and index without error.
"""

from __future__ import annotations

import datetime as _dt
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import (
    assert_valid_or_located,
    consistency_problems,
    dump_yaml,
    examples,
    fixture_documents,
    write_bundle,
)

from vnr_desktop.core.bundle_content import BundleContent
from vnr_desktop.core.bundle_source import load_bundle_dir
from vnr_desktop.core.library import Library
from vnr_desktop.core.yaml_safe import YamlLoadError, load_yaml_text

FUZZ = settings(
    max_examples=examples(40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text as a file can hold it (no lone surrogates), including controls, RTL, emoji, NUL.
any_text = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40)
field_names = (
    st.sampled_from(
        [
            "id",
            "name",
            "phones",
            "number",
            "category",
            "serves",
            "provenance",
            "source",
            "section",
            "as_of",
            "tags",
            "kind",
            "title",
            "sections",
            "blocks",
            "items",
            "contacts",
            "plan",
            "version",
            "coverage",
            "issued",
            "sources",
            "focus_area",
            "period_start",
        ]
    )
    | any_text
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates(min_value=_dt.date(1, 1, 1), max_value=_dt.date(9999, 12, 31))
    | any_text
    | st.sampled_from(["99 00 00 01", "+47 99 00 00 01", "112", "0047", "+", "primary", "national"])
)
trees = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(field_names, children, max_size=4)
    ),
    max_leaves=25,
)


def _check(folder: Path, documents: dict[str, Any]) -> None:
    write_bundle(folder, documents)
    result = load_bundle_dir(folder)
    assert_valid_or_located(result)
    if result.ok:
        _accepted_content_installs(result.bundle)


def _accepted_content_installs(bundle: BundleContent) -> None:
    """What validation accepts must round-trip through JSON and install with a sound index."""
    assert BundleContent.from_json(bundle.to_json()) == bundle
    lib = Library(Path(":memory:"))
    try:
        lib.install(bundle)
        assert consistency_problems(lib.conn) == []
    finally:
        lib.close()


def _mutate(data: st.DataObject, node: Any, depth: int = 0) -> Any:
    """Replace, drop or add one thing somewhere in a tree, keeping the rest as it was."""
    action = data.draw(st.sampled_from(["descend", "replace", "drop", "add"]))
    if isinstance(node, dict) and node and (action == "descend" and depth < 8):
        key = data.draw(st.sampled_from(sorted(node, key=str)))
        return {**node, key: _mutate(data, node[key], depth + 1)}
    if isinstance(node, list) and node and (action == "descend" and depth < 8):
        i = data.draw(st.integers(0, len(node) - 1))
        return [*node[:i], _mutate(data, node[i], depth + 1), *node[i + 1 :]]
    if action == "drop" and isinstance(node, dict) and node:
        key = data.draw(st.sampled_from(sorted(node, key=str)))
        return {k: v for k, v in node.items() if k != key}
    if action == "drop" and isinstance(node, list) and node:
        i = data.draw(st.integers(0, len(node) - 1))
        return node[:i] + node[i + 1 :]
    if action == "add" and isinstance(node, dict):
        return {**node, data.draw(field_names): data.draw(trees)}
    if action == "add" and isinstance(node, list):
        return [*node, data.draw(trees | st.just(node[0] if node else None))]
    return data.draw(trees)


@FUZZ
@given(data=st.data())
def test_mutated_fixture_bundle_is_valid_or_located(data: st.DataObject) -> None:
    documents = fixture_documents()
    for _ in range(data.draw(st.integers(1, 3))):
        name = data.draw(st.sampled_from(sorted(documents)))
        documents[name] = _mutate(data, documents[name])
    with tempfile.TemporaryDirectory() as tmp:
        _check(Path(tmp) / "bundle", documents)


@pytest.mark.parametrize("version", [0, 1, 2**31 - 1, 2**31, 2**63, 2**70, -1])
def test_extreme_versions_are_refused_or_install(tmp_path: Path, version: int) -> None:
    documents = fixture_documents()
    documents["manifest.yaml"]["version"] = version
    _check(tmp_path / "bundle", documents)


@FUZZ
@given(manifest=trees, content=trees)
def test_arbitrary_trees_are_valid_or_located(manifest: Any, content: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _check(Path(tmp) / "bundle", {"manifest.yaml": manifest, "contacts.yaml": content})


@FUZZ
@given(
    text=any_text | st.text(max_size=300), name=st.sampled_from(["manifest.yaml", "contacts.yaml"])
)
def test_arbitrary_text_is_valid_or_located(text: str, name: str) -> None:
    documents: dict[str, Any] = fixture_documents()
    documents[name] = text
    with tempfile.TemporaryDirectory() as tmp:
        _check(Path(tmp) / "bundle", documents)


yaml_syntax = st.lists(
    st.sampled_from(
        [
            "- ",
            ": ",
            "\n",
            "  ",
            "{",
            "}",
            "[",
            "]",
            ",",
            "&a ",
            "*a",
            "!!python/object:os.system ",
            "!!binary ",
            "? ",
            "|",
            ">",
            "'",
            '"',
            "#",
            "---\n",
            "...\n",
            "%YAML 1.1\n",
            "<<: ",
            "id",
            "contacts",
            "phones",
            "number",
            "0x1F",
            "1e9",
            "~",
            "yes",
            "2024-13-45",
            "\t",
            "\\",
            "\ufeff",
            "\x00",
            "å",
            "\u202e",
        ]
    ),
    max_size=60,
).map("".join)


@FUZZ
@given(text=yaml_syntax)
def test_yaml_syntax_soup_is_valid_or_located(text: str) -> None:
    documents: dict[str, Any] = fixture_documents()
    documents["contacts.yaml"] = text
    with tempfile.TemporaryDirectory() as tmp:
        _check(Path(tmp) / "bundle", documents)


@FUZZ
@given(prefix=st.binary(max_size=64), junk=st.binary(min_size=1, max_size=8))
def test_arbitrary_bytes_are_valid_or_located(prefix: bytes, junk: bytes) -> None:
    documents: dict[str, Any] = fixture_documents()
    documents["contacts.yaml"] = dump_yaml(documents["contacts.yaml"]).encode() + prefix + junk
    with tempfile.TemporaryDirectory() as tmp:
        _check(Path(tmp) / "bundle", documents)


@FUZZ
@given(text=st.text(max_size=200) | yaml_syntax)
def test_yaml_loader_raises_only_located_load_errors(text: str) -> None:
    try:
        loaded = load_yaml_text(text, "x.yaml")
    except YamlLoadError as exc:
        assert exc.file == "x.yaml"
        assert exc.message.strip()
        if exc.line is not None:
            assert exc.line >= 1 and (exc.column or 1) >= 1
        return
    # Every value it returns has a position, so a later schema error can be located.
    from vnr_desktop.core.yaml_safe import iter_paths

    for path in iter_paths(loaded.data):
        if loaded.data is not None:
            assert loaded.position(path) is not None, path

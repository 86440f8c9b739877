"""Bundle archives: deterministic build, strict validation, and refusal of unsafe archives."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path

import pytest
from servers.feeds import bundle_source

from vnr_desktop.cli import main
from vnr_desktop.core.sync import archive
from vnr_desktop.core.sync.archive import BuildRefused, build_bundle, parse_content, read_archive
from vnr_desktop.core.sync.errors import ArchiveError, ContentInvalid, TooLarge, UnsafeArchive


def test_build_is_deterministic_and_readable(tmp_path: Path) -> None:
    src = bundle_source(tmp_path)
    a = build_bundle(src, tmp_path / "a.vnrb")
    b = build_bundle(bundle_source(tmp_path, "again"), tmp_path / "b.vnrb")
    assert a.path.read_bytes() == b.path.read_bytes()
    with tarfile.open(a.path) as tar:
        names = tar.getnames()
        assert names[:2] == ["bundle.json", "content.json"]
        assert "source/manifest.yaml" in names and "source/contacts.yaml" in names
        assert all(
            m.mtime == tar.getmember("bundle.json").mtime and m.uid == 0 for m in tar.getmembers()
        )
    read = read_archive(a.path.read_bytes())
    content = parse_content(read)
    assert (content.id, content.version) == ("testregion", 1)
    assert read.header.content_sha256 == content.content_hash()
    assert a.header.items == sum(1 for _ in content.items())


def test_build_refuses_invalid_source_and_writes_nothing(tmp_path: Path) -> None:
    src = bundle_source(
        tmp_path, edits={"contacts.yaml": ('number: "99 00 00 02"', 'number: "12"')}
    )
    out = tmp_path / "x.vnrb"
    with pytest.raises(BuildRefused) as err:
        build_bundle(src, out)
    assert "ble ikke bygget" in err.value.message
    assert any("contacts.yaml" in p for p in err.value.problems)
    assert not out.exists()


def test_build_refuses_unresolved_conflict_strictly(tmp_path: Path) -> None:
    conflict = (
        "    tags: [primary]\n    provenance: {source: testkilde, section: s. 3",
        "    tags: [primary]\n    conflicts:\n      - field: phones[0]\n        values:\n"
        "          - {value: '99 00 00 01', source: testkilde, section: s. 3}\n"
        "          - {value: '99 00 00 03', source: testkilde, section: s. 9}\n"
        "    provenance: {source: testkilde, section: s. 3",
    )
    src = bundle_source(tmp_path, edits={"contacts.yaml": conflict})
    with pytest.raises(BuildRefused) as err:
        build_bundle(src, tmp_path / "x.vnrb")
    assert any("unresolved conflict" in p for p in err.value.problems)


def test_yaml_bomb_in_source_is_refused_with_location(
    library: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = bundle_source(tmp_path)
    bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b]\n"
    (src / "bomb.yaml").write_text(bomb)
    out = tmp_path / "x.vnrb"
    assert main(["bundle", "build", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "bomb.yaml:1" in err and "anchors and aliases" in err
    assert not out.exists()


def test_build_refuses_symlinked_source_file(tmp_path: Path) -> None:
    src = bundle_source(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text((src / "plan.yaml").read_text())
    (src / "plan.yaml").unlink()
    (src / "plan.yaml").symlink_to(outside)
    with pytest.raises(BuildRefused, match="symbolsk lenke"):
        build_bundle(src, tmp_path / "x.vnrb")


def test_cli_bundle_build(
    library: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = bundle_source(tmp_path)
    out = tmp_path / "out" / "t.vnrb"
    assert main(["bundle", "build", str(src), "-o", str(out)]) == 0
    assert "testregion v1" in capsys.readouterr().out
    assert read_archive(out.read_bytes()).header.id == "testregion"


# --------------------------------------------------------------------------- hostile archives


def _tar(entries: list[tarfile.TarInfo | tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for e in entries:
            if isinstance(e, tarfile.TarInfo):
                tar.addfile(e)
            else:
                info = tarfile.TarInfo(e[0])
                info.size = len(e[1])
                tar.addfile(info, io.BytesIO(e[1]))
    return gzip.compress(buf.getvalue(), mtime=0)


def _good_entries(tmp_path: Path) -> list[tuple[str, bytes]]:
    built = build_bundle(bundle_source(tmp_path), tmp_path / "g.vnrb")
    with tarfile.open(built.path) as tar:
        return [(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]  # type: ignore[union-attr]


def _link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


@pytest.mark.parametrize(
    ("entry", "error", "text"),
    [
        (("/etc/passwd", b"x"), UnsafeArchive, "farlig navn"),
        (("source/../../evil.yaml", b"x"), UnsafeArchive, "farlig navn"),
        (("../evil.yaml", b"x"), UnsafeArchive, "farlig navn"),
        (("C:/evil.yaml", b"x"), UnsafeArchive, "farlig navn"),
        (("source\\..\\evil.yaml", b"x"), UnsafeArchive, "farlig navn"),
        (_link("source/link.yaml", "/etc/passwd", tarfile.SYMTYPE), UnsafeArchive, "lenke"),
        (_link("source/hard.yaml", "content.json", tarfile.LNKTYPE), UnsafeArchive, "lenke"),
        (_link("source/dev.yaml", "", tarfile.CHRTYPE), UnsafeArchive, "spesialfil"),
        (("source/run.sh", b"rm -rf /"), UnsafeArchive, "uventet fil"),
        (("source/big.yaml", b"x" * (archive.MAX_SOURCE_FILE_BYTES + 1)), TooLarge, "grensen"),
    ],
)
def test_unsafe_entries_are_refused(
    tmp_path: Path, entry: object, error: type[Exception], text: str
) -> None:
    data = _tar([*_good_entries(tmp_path), entry])  # type: ignore[list-item]
    with pytest.raises(error, match=text):
        read_archive(data)


def test_duplicate_entry_is_refused(tmp_path: Path) -> None:
    good = _good_entries(tmp_path)
    with pytest.raises(UnsafeArchive, match="to ganger"):
        read_archive(_tar([*good, ("content.json", b"{}")]))


def test_too_many_entries(tmp_path: Path) -> None:
    entries = [*_good_entries(tmp_path), *[(f"source/f{i}.yaml", b"a: 1\n") for i in range(30)]]
    with pytest.raises(TooLarge, match="mer enn 20 filer"):
        read_archive(_tar(entries), max_entries=20)


def test_decompression_bomb_is_cut_off(tmp_path: Path) -> None:
    # 64 MiB of zeros compresses to ~64 KiB; the unpacked cap stops it while streaming.
    zeros = ("source/zeros.yaml", b"\0" * (2 * 1024 * 1024 - 1))
    data = _tar([*_good_entries(tmp_path), *[(f"source/z{i}.yaml", zeros[1]) for i in range(30)]])
    assert len(data) < 1024 * 1024
    with pytest.raises(TooLarge, match="pakker ut til mer enn 8 MB"):
        read_archive(data, max_unpacked=8 * 1024 * 1024)


@pytest.mark.parametrize(
    "data", [b"", b"not gzip at all", gzip.compress(b"not a tar" * 100), b"\x1f\x8b" + b"\0" * 50]
)
def test_not_an_archive(data: bytes) -> None:
    with pytest.raises(ArchiveError, match="ikke en VNR-innholdspakke"):
        read_archive(data)


def test_truncated_archive(tmp_path: Path) -> None:
    built = build_bundle(bundle_source(tmp_path), tmp_path / "g.vnrb").path.read_bytes()
    with pytest.raises(ArchiveError):
        read_archive(built[: len(built) // 2])


def test_content_json_with_wrong_types_or_deep_nesting(tmp_path: Path) -> None:
    good = dict(_good_entries(tmp_path))
    content = json.loads(good["content.json"])
    content["contacts"][0]["phones"][0]["number"] = 99000001
    bad = {**good, "content.json": json.dumps(content).encode()}
    with pytest.raises(ContentInvalid, match="ugyldig") as err:
        parse_content(read_archive(_tar(list(bad.items()))))
    assert "number" in err.value.detail
    deep = {**good, "content.json": b"[" * 100_000 + b"]" * 100_000}
    with pytest.raises(ContentInvalid):
        parse_content(read_archive(_tar(list(deep.items()))))
    invalid_utf8 = {
        **good,
        "content.json": good["content.json"].replace(b"Testregion", b"Test\xffregion", 1),
    }
    with pytest.raises(ContentInvalid):
        parse_content(read_archive(_tar(list(invalid_utf8.items()))))


def test_header_must_match_content(tmp_path: Path) -> None:
    good = dict(_good_entries(tmp_path))
    header = json.loads(good["bundle.json"])
    header["version"] = 7
    bad = {**good, "bundle.json": json.dumps(header).encode()}
    with pytest.raises(ContentInvalid, match="stemmer ikke"):
        parse_content(read_archive(_tar(list(bad.items()))))
    header["format_version"] = 2
    newer = {**good, "bundle.json": json.dumps(header).encode()}
    with pytest.raises(ArchiveError, match="nyere versjon"):
        read_archive(_tar(list(newer.items())))


def test_duplicate_id_in_parsed_content_names_the_first_item(tmp_path: Path) -> None:
    """Content from an archive has no file positions: the message names the first item instead
    of saying "first used at elsewhere"."""
    from vnr_desktop.core.bundle_source import check_content, load_bundle_dir

    loaded = load_bundle_dir(bundle_source(tmp_path))
    content = loaded.bundle
    assert content is not None
    twin = content.contacts[0].model_copy(update={"name": "Kopi"})
    doubled = content.model_copy(update={"contacts": [*content.contacts, twin]})
    [dup] = [d for d in check_content(doubled) if d.code == "duplicate-id"]
    assert "elsewhere" not in dup.message
    assert f"already used by the contact {content.contacts[0].name!r}" in dup.message

"""core/atomic.py: the one atomic write, checked on a real file system."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vnr_desktop.core import atomic


def test_write_bytes_replaces_the_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "card.pdf"
    atomic.write_bytes(target, b"old")
    atomic.write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert sorted(p.name for p in target.parent.iterdir()) == ["card.pdf"]


def test_text_mode_keeps_the_encoding_and_newlines(tmp_path: Path) -> None:
    target = tmp_path / "tiltak.csv"
    with atomic.atomic_open(target, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write("Tiltak;Ansvar\r\nå;ø\r\n")
    assert target.read_bytes() == "\ufeffTiltak;Ansvar\r\nå;ø\r\n".encode()


def test_a_failed_write_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "catalog.json"
    atomic.write_text(target, "version 1")
    with pytest.raises(RuntimeError), atomic.atomic_open(target) as fh:
        fh.write(b"half of version 2")
        raise RuntimeError("disk gone")
    assert target.read_text() == "version 1"
    assert [p.name for p in tmp_path.iterdir()] == ["catalog.json"]


def test_the_rename_is_made_durable_by_syncing_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    atomic.write_bytes(tmp_path / "x", b"1")
    # the file, then the folder
    assert len(synced) == 2


def test_a_write_into_a_read_only_folder_fails_without_touching_the_old_file(
    tmp_path: Path,
) -> None:
    if os.geteuid() == 0:
        # root writes anyway; use a folder that is a file instead
        target = tmp_path / "a-file" / "x"
        (tmp_path / "a-file").write_text("not a folder")
        with pytest.raises(OSError):
            atomic.write_bytes(target, b"1")
        assert (tmp_path / "a-file").read_text() == "not a folder"
        return
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "x").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(OSError):
            atomic.write_bytes(folder / "x", b"new")
        assert (folder / "x").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)

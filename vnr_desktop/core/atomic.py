"""The one way the app replaces a file: all of the new content or none of it.

Write to a temporary file in the same folder, flush and fsync it, rename it over the target,
then fsync the folder so the rename itself survives a power cut. A crash at any point leaves
either the old file or the new one under the final name, never half of one; a failed write
removes its temporary file and leaves the old file as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, overload

TEMP_SUFFIX = ".part"
"""Temporary files are ``.<name>.<random>.part`` beside the target."""


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (a no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable on NTFS
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@overload
@contextlib.contextmanager
def atomic_open(
    path: Path | str,
    mode: Literal["wb"] = "wb",
    *,
    encoding: None = None,
    newline: None = None,
    make_parents: bool = True,
) -> Iterator[IO[bytes]]: ...


@overload
@contextlib.contextmanager
def atomic_open(
    path: Path | str,
    mode: Literal["w"],
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    make_parents: bool = True,
) -> Iterator[IO[str]]: ...


@contextlib.contextmanager
def atomic_open(
    path: Path | str,
    mode: Literal["wb", "w"] = "wb",
    *,
    encoding: str | None = None,
    newline: str | None = None,
    make_parents: bool = True,
) -> Iterator[IO[bytes]] | Iterator[IO[str]]:
    """Open a temporary file for writing; on a clean exit it replaces ``path`` atomically.
    ``make_parents=False``: a missing folder is an error (a place the user chose)."""
    path = Path(path)
    if make_parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        if mode == "w":
            fh: IO[str] | IO[bytes] = os.fdopen(
                fd, "w", encoding=encoding or "utf-8", newline=newline
            )
        else:
            fh = os.fdopen(fd, "wb")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_bytes(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data``, atomically and durably."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def write_text(path: Path | str, text: str, *, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text``, atomically and durably."""
    write_bytes(path, text.encode(encoding))

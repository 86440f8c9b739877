"""SQLite connections set up the same way everywhere: WAL, full sync, foreign keys."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DISK_TROUBLE = ("disk i/o error", "database or disk is full", "unable to open database file")


def is_disk_trouble(exc: BaseException) -> bool:
    """True for the errors a full or failing disk gives when SQLite opens or writes."""
    if isinstance(exc, OSError):
        return True
    return isinstance(exc, sqlite3.OperationalError) and any(
        text in str(exc).lower() for text in DISK_TROUBLE
    )


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open an existing database for reading only, without creating any file next to it.

    ``immutable=1`` makes SQLite skip locking and the WAL files, so this works on a full disk
    or a read-only medium. It sees what is in the main file: the last checkpoint (the library
    checkpoints on every clean close, and a crash leaves the previous complete version).
    """
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only=ON")
    return conn


def connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed install survives power loss, not only a process crash.
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside lands whole or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        # SQLite may already have rolled back (SQLITE_FULL, SQLITE_IOERR...): a second
        # ROLLBACK would raise "no transaction is active" and hide the real error.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        # COMMIT can fail (a full disk, a busy database). SQLite rolls back by itself for some
        # errors but not all (SQLITE_BUSY keeps the transaction open): never leave this
        # connection reading uncommitted rows as if they were saved.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise

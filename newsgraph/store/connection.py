"""Opening the SQLite file: checks, pragmas, and sqlite3 errors translated into StoreError."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from newsgraph.errors import StoreError

BUSY_TIMEOUT_SECONDS = 30.0


@cache
def fts5_available() -> bool:
    """Whether the SQLite library Python uses was built with FTS5."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5 (text)")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


def _message(error: sqlite3.Error) -> str:
    text = str(error)
    if "file is not a database" in text:
        return "not a newsgraph database (not a SQLite file)"
    if "malformed" in text or "corrupt" in text:
        return f"database is corrupt ({text})"
    if "locked" in text or "busy" in text:
        return f"database is busy: another process holds it ({text})"
    if "unable to open" in text:
        return f"cannot open the database ({text})"
    return f"database error: {text}"


@contextmanager
def translated(path: str) -> Iterator[None]:
    """Turn any sqlite3 error raised inside into a StoreError naming the file."""
    try:
        yield
    except sqlite3.Error as e:
        raise StoreError(_message(e), source=path) from e


def casefold_contains(haystack: str | None, needle: str | None) -> int:
    """SQL ``ng_contains(text, needle)``: 1 when ``needle`` (already case-folded) is in ``text`` ignoring case."""
    return int(haystack is not None and needle is not None and needle in haystack.casefold())


def connect(path: str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, synchronous=NORMAL, foreign keys on."""
    if not fts5_available():
        raise StoreError("this Python's SQLite has no FTS5 full-text search; install a Python built with it",
                         source=path)  # fmt: skip
    if path != ":memory:" and not Path(path).parent.exists():
        raise StoreError(f"cannot create the database: folder {str(Path(path).parent)!r} does not exist", source=path)
    with translated(path):
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            _check_file(conn, path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: index updates stay in memory
            # copy the write-ahead log into the database every 64 MB, not every 4 MB: a page the ingest rewrites
            # often (an index's) is copied once per checkpoint, not once per batch (readers are not slowed)
            conn.execute("PRAGMA wal_autocheckpoint = 16384")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.create_function("ng_contains", 2, casefold_contains, deterministic=True)
        except BaseException:
            conn.close()
            raise
    return conn


def _check_file(conn: sqlite3.Connection, path: str) -> None:
    """Read the schema (this fails on a file that is not SQLite or whose first page is damaged)."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "_migrations" not in tables:
        raise StoreError("not a newsgraph database (it holds other tables and no _migrations)", source=path)

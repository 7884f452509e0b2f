"""Reading the store: events with their cluster, full-text search, statistics and claims (the network: network.py)."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.dates import first_day, last_day

_RECORD = """
SELECT e.record, e.cluster_id, c.num_mentions, c.num_articles, c.num_sources, d.published, d.language
FROM events AS e LEFT JOIN clusters AS c ON c.cluster_id = e.cluster_id LEFT JOIN documents AS d ON d.doc_id = e.doc_id
"""


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    """The stored record, its cluster's fields, and the article's publication date and language (for exports)."""
    record: dict[str, Any] = json.loads(row[0])
    record.update(cluster_id=row[1], num_mentions=row[2], num_articles=row[3], num_sources=row[4])
    record.setdefault("published", row[5])
    record.setdefault("language", row[6])
    return record


@dataclass
class Where:
    """A WHERE clause built from parts, with its parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


_PARTY = """e.id IN (SELECT event_id FROM mentions WHERE role = ? AND (
    kb_id = ? COLLATE NOCASE OR country = ? COLLATE NOCASE OR {words}))"""
# LIKE runs in C but folds ASCII letters only: other words go through Python's casefold
_ASCII_WORDS = _PARTY.format(words="name LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\'")
_OTHER_WORDS = _PARTY.format(words="ng_contains(name, ?) OR ng_contains(text, ?)")


def _add_party(where: Where, role: str, value: str | None) -> None:
    """Events with a ``role`` party whose KB id or country is ``value``, or whose name or text contains it."""
    if value is None or not value.strip():
        return
    value = value.strip()
    if value.isascii():
        pattern = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.add(_ASCII_WORDS, role, value, value, pattern, pattern)
    else:
        where.add(_OTHER_WORDS, role, value, value, value.casefold(), value.casefold())


def bound(value: str | None, *, end: bool) -> str | None:
    """A since/until value as an ISO day: a month or year means its first day (since) or last day (until)."""
    if value is None:
        return None
    day = last_day(value) if end else first_day(value)
    if day is None:
        raise StoreError(f"{'until' if end else 'since'} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    return day.isoformat()


def _add_dates(where: Where, since: str | None, until: str | None) -> None:
    start, stop = bound(since, end=False), bound(until, end=True)
    if start is not None:
        where.add("e.date >= ?", start)
    if stop is not None:
        where.add("e.date <= ?", stop)


def event_filter(actor: str | None = None, recipient: str | None = None, type: str | None = None,  # noqa: A002
                 since: str | None = None, until: str | None = None, min_confidence: float | None = None,
                 include_hypothetical: bool = False) -> Where:  # fmt: skip
    """The WHERE clause of ``events()``."""
    where = Where()
    _add_party(where, "actor", actor)
    _add_party(where, "recipient", recipient)
    if type is not None:
        where.add("e.event = ?", type.strip().upper())
    _add_dates(where, since, until)
    if min_confidence is not None:
        where.add("e.confidence >= ?", float(min_confidence))
    if not include_hypothetical:
        where.add("e.negated = 0 AND e.hypothetical = 0")
    return where


def events(conn: sqlite3.Connection, where: Where, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Event records (plus cluster fields) matching ``where``, by date (undated last), then id."""
    sql = f"{_RECORD}{where.sql} ORDER BY e.date IS NULL, e.date, e.id LIMIT ? OFFSET ?"
    rows = conn.execute(sql, [*where.params, -1 if limit is None else int(limit), int(offset)])
    return [_record(row) for row in rows]


def sentence_events(conn: sqlite3.Connection, doc_id: str, sentence_start: int | None) -> list[dict[str, Any]]:
    """The events coded from one sentence."""
    sql = f"{_RECORD} WHERE e.doc_id = ? AND e.sentence_start = ? ORDER BY e.id"
    return [_record(row) for row in conn.execute(sql, (doc_id, sentence_start))]


_SEARCH = """
SELECT doc_id, sentence_start, text, snippet(sentences, 2, '[', ']', '…', 24) FROM sentences
WHERE sentences MATCH ? ORDER BY rank LIMIT ?
"""


# errors of the file, not of the query (those are translated by the caller)
_NOT_THE_QUERY = ("locked", "busy", "malformed", "corrupt", "disk", "unable to open", "readonly", "no such table")


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Sentences matching an FTS5 query, best first, each with a snippet and its events."""
    if not query or not query.strip():
        raise StoreError("empty search query")
    try:
        rows = conn.execute(_SEARCH, (query, int(limit))).fetchall()
    except sqlite3.OperationalError as e:
        if any(word in str(e) for word in _NOT_THE_QUERY):
            raise
        raise StoreError(
            f"bad search query {query!r} ({e}); put words in double quotes to search them as they are"
        ) from None
    return [_hit(conn, *row) for row in rows]


def _hit(conn: sqlite3.Connection, doc_id: str, start: int | None, text: str, snippet: str) -> dict[str, Any]:
    title = conn.execute("SELECT title FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    return {
        "doc_id": doc_id, "title": title[0] if title else None, "sentence": text, "snippet": snippet,
        "sentence_start": start, "events": sentence_events(conn, doc_id, start) if start is not None else [],
    }  # fmt: skip


def stats(conn: sqlite3.Connection) -> dict[str, Any]:
    """Inputs by status, events by category, and the number of clusters."""
    documents = dict(conn.execute("SELECT status, COUNT(*) FROM inputs GROUP BY status ORDER BY status"))
    by_category = dict(conn.execute("SELECT event, COUNT(*) FROM events GROUP BY event ORDER BY event"))
    (clusters,) = conn.execute("SELECT COUNT(*) FROM clusters").fetchone()
    return {"documents": documents, "events": by_category, "clusters": clusters}


def claims(conn: sqlite3.Connection, until: str | None = None) -> list[dict[str, Any]]:
    """Claim records dated on or before ``until`` (undated ones too), in the order they were stored."""
    if until is None:
        rows = conn.execute("SELECT record FROM claims ORDER BY rowid")
    else:
        rows = conn.execute("SELECT record FROM claims WHERE day IS NULL OR day <= ? ORDER BY rowid", (until,))
    return [json.loads(record) for (record,) in rows]

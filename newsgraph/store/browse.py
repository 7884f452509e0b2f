"""Reading the store for a browser: one event with its provenance, the actors with counts, and the actor graph
(nodes with names, edges aggregated by pair, period and category)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection
from typing import Any

from newsgraph.store.network import network_rows
from newsgraph.store.queries import _RECORD, _record

MAX_REPORTS = 50  # reports of one cluster listed with an event

_DOCUMENT = """SELECT doc_id, source, line, url, title, publisher, published, language, status, ingested_at
FROM documents WHERE doc_id = ?"""
_DOCUMENT_FIELDS = ("doc_id", "source", "line", "url", "title", "publisher", "published", "language", "status",
                    "ingested_at")  # fmt: skip

_REPORTS = """
SELECT e.id, e.doc_id, e.date, e.sentence_start, json_extract(e.record, '$.sentence'), d.title, d.publisher, d.url
FROM events AS e LEFT JOIN documents AS d ON d.doc_id = e.doc_id
WHERE e.cluster_id = ? ORDER BY e.date IS NULL, e.date, e.id LIMIT ?
"""


def event_with_provenance(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """``{"event": record, "article": {...}, "cluster": {..., "reports": [...]}}`` or None when no such event."""
    row = conn.execute(f"{_RECORD} WHERE e.id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    record = _record(row)
    document = conn.execute(_DOCUMENT, (record["doc_id"],)).fetchone()
    article = dict(zip(_DOCUMENT_FIELDS, document, strict=True)) if document else None
    return {"event": record, "article": article, "cluster": _cluster(conn, record)}


def _cluster(conn: sqlite3.Connection, record: dict[str, Any]) -> dict[str, Any] | None:
    cluster_id = record.get("cluster_id")
    if cluster_id is None:
        return None
    reports = [
        {"id": i, "doc_id": d, "date": date, "sentence_start": start, "sentence": sentence, "title": title,
         "publisher": publisher, "url": url}
        for i, d, date, start, sentence, title, publisher, url in conn.execute(_REPORTS, (cluster_id, MAX_REPORTS))
    ]  # fmt: skip
    fields = ("num_mentions", "num_articles", "num_sources")
    return {"cluster_id": cluster_id, **{f: record.get(f) for f in fields}, "reports": reports}


_ACTORS = """
SELECT coalesce(kb_id, country, lower(text)) AS key, max(name), max(country), max(sector), max(entity_type),
       COUNT(DISTINCT event_id) AS n
FROM mentions WHERE role IN ('actor', 'recipient'){words}
GROUP BY key ORDER BY n DESC, key LIMIT ? OFFSET ?
"""


def actors(conn: sqlite3.Connection, query: str | None = None, limit: int = 100,
           offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
    """Actors and recipients by key (KB id, else country, else lower-cased words), most events first."""
    params: list[Any] = []
    words = ""
    if query is not None and query.strip():
        words = " AND (ng_contains(name, ?) OR ng_contains(text, ?) OR kb_id = ? COLLATE NOCASE)"
        needle = query.strip()
        params = [needle.casefold(), needle.casefold(), needle]
    rows = conn.execute(_ACTORS.format(words=words), [*params, int(limit), int(offset)])
    return [
        {"key": key, "name": name, "country": country, "sector": sector, "entity_type": kind, "events": n}
        for key, name, country, sector, kind, n in rows
    ]


_PARTY_FIELDS = ("name", "country", "sector", "entity_type")
_SAMPLES = "SELECT rowid, json_extract(record, '$.actor[0]'), json_extract(record, '$.recipient[0]') FROM events " \
           "WHERE rowid IN ({marks})"  # fmt: skip
_CHUNK = 500


def graph(conn: sqlite3.Connection, since: str | None = None, until: str | None = None, by: str = "month",
          categories: Collection[str] | None = None, max_edges: int | None = None) -> dict[str, Any]:  # fmt: skip
    """The actor network: ``{"nodes": [{id, label, name, country, sector, entity_type, count}], "edges":
    [{source, target, period, event, quad, count, intensity}], "truncated": bool}``, edges as ``network()``
    aggregates them, of the ``categories`` only when given; past ``max_edges``, the edges with most events are
    kept (``truncated``). A node's fields come from the first actor (or recipient) of one of its events and
    ``count`` sums the events of its edges."""
    rows = network_rows(conn, since, until, by, categories=categories, busiest=max_edges)
    truncated = max_edges is not None and len(rows) > max_edges
    if truncated:
        rows = rows[:max_edges]  # the busiest first
    edges, samples, counts = [], {}, {}
    for a, r, period, event, quad, n, mean, rowid in rows:
        edges.append({"source": a, "target": r, "period": period, "event": event, "quad": quad, "count": n,
                      "intensity": mean})  # fmt: skip
        for key, role in ((a, 0), (r, 1)):
            samples.setdefault(key, (rowid, role))
            counts[key] = counts.get(key, 0) + n
    parties = _parties(conn, {rowid for rowid, _ in samples.values()})
    nodes = []
    for key, (rowid, role) in samples.items():
        party = parties.get(rowid, (None, None))[role] or {}
        fields = {f: party.get(f) for f in _PARTY_FIELDS}
        nodes.append({"id": key, "label": fields["name"] or party.get("text") or key, **fields, "count": counts[key]})
    return {"nodes": nodes, "edges": edges, "truncated": truncated}


def _parties(conn: sqlite3.Connection, rowids: set[int]) -> dict[int, tuple[dict[str, Any] | None, ...]]:
    """The first actor and first recipient (as dicts) of the events with these rowids."""
    found: dict[int, tuple[dict[str, Any] | None, ...]] = {}
    ordered = sorted(rowids)
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i : i + _CHUNK]
        sql = _SAMPLES.format(marks=",".join("?" * len(chunk)))
        for rowid, actor, recipient in conn.execute(sql, chunk):
            found[rowid] = tuple(json.loads(p) if p else None for p in (actor, recipient))
    return found

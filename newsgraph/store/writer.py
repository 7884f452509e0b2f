"""Writing DocumentResults: inputs, documents, texts, events, mentions, clusters, sentences, article counts,
claims.

The caller holds the transaction; every function here only adds rows, and adds each row once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Event
from newsgraph.store.clusters import actor_key, assign_cluster, refresh_counts
from newsgraph.store.dates import first_day, precision_of
from newsgraph.store.result import STATUSES, DocumentResult
from newsgraph.system.model import Claim
from newsgraph.system.model import actor_key as claim_key


@dataclass
class WriteContext:
    """One batch's settings and what it touched."""

    cluster_days: int
    now: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    clusters: set[str] = field(default_factory=set)
    statuses: dict[str, int] = field(default_factory=dict)

    def count(self, status: str) -> None:
        self.statuses[status] = self.statuses.get(status, 0) + 1


def write_results(conn: sqlite3.Connection, results: Iterable[DocumentResult], cluster_days: int) -> dict[str, int]:
    """Write a batch (inside the caller's transaction); returns how many inputs got each status (``skipped``:
    already recorded)."""
    context = WriteContext(cluster_days)
    for result in results:
        context.count(write_result(conn, result, context))
    refresh_counts(conn, context.clusters)
    return context.statuses


def write_result(conn: sqlite3.Connection, result: DocumentResult, context: WriteContext) -> str:
    """Write one input; returns the status recorded (``skipped`` when the input was there already)."""
    _check(result)
    if _input_known(conn, result.source, result.line):
        return "skipped"
    if result.status in ("rejected", "duplicate") or result.article is None:
        doc_id = result.article.doc_id if result.article else None
        _insert_input(conn, result, result.status, doc_id, result.code, result.reason)
        return result.status
    article = result.article
    first = _first_input(conn, article.doc_id)
    if first is not None:
        _insert_input(conn, result, "duplicate", article.doc_id, None, f"same text as {first}")
        return "duplicate"
    _insert_document(conn, result, article, context)
    return result.status


def _check(result: DocumentResult) -> None:
    def refuse(message: str) -> StoreError:
        return StoreError(message, source=result.source, line=result.line)

    if result.status not in STATUSES:
        raise refuse(f"unknown status {result.status!r} (one of {', '.join(STATUSES)})")
    if result.status in ("coded", "no_event") and result.article is None:
        raise refuse(f"a {result.status} result needs its article")
    for event in result.events:
        if result.article is not None and event.doc_id != result.article.doc_id:
            raise refuse(f"event {event.id} belongs to {event.doc_id}, not to {result.article.doc_id}")
    for claim in result.claims:
        if result.article is not None and claim.evidence.doc_id != result.article.doc_id:
            raise refuse(f"a {claim.type} claim belongs to {claim.evidence.doc_id}, not to {result.article.doc_id}")


def _input_known(conn: sqlite3.Connection, source: str, line: int | None) -> bool:
    row = conn.execute("SELECT 1 FROM inputs WHERE source = ? AND line IS ?", (source, line)).fetchone()
    return row is not None


def _first_input(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """Where the document was first read from (``source`` or ``source:line``), if it is stored."""
    row = conn.execute("SELECT source, line FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    return row[0] if row[1] is None else f"{row[0]}:{row[1]}"


def _insert_input(conn: sqlite3.Connection, result: DocumentResult, status: str, doc_id: str | None,
                  code: str | None, reason: str | None) -> None:  # fmt: skip
    conn.execute(
        "INSERT INTO inputs (source, line, status, doc_id, code, reason) VALUES (?, ?, ?, ?, ?, ?)",
        (result.source, result.line, status, doc_id, code, reason),
    )


def _insert_document(conn: sqlite3.Connection, result: DocumentResult, article: Article, context: WriteContext) -> None:
    doc_id = article.doc_id
    conn.execute(
        """INSERT INTO documents (doc_id, source, line, url, title, publisher, published, language, status, reason,
               code, n_events, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (doc_id, result.source, result.line, article.url, article.title, article.publisher, article.published,
         article.language, result.status, result.reason, result.code, len({e.id for e in result.events}),
         context.now),
    )  # fmt: skip
    conn.execute("INSERT INTO texts (doc_id, text) VALUES (?, ?)", (doc_id, article.text))
    _insert_input(conn, result, result.status, doc_id, result.code, result.reason)
    source = source_key(article, result.source)
    _count_article(conn, article, source)
    # a new document: none of its events can be stored yet (their ids derive from its doc_id); one row per id
    events = list({event.id: event for event in result.events}.values())
    rows, mentions = [], []
    for event in events:
        cluster_id = assign_cluster(conn, event, context.cluster_days)
        context.clusters.add(cluster_id)
        rows.append(event_row(event, source, cluster_id))
        mentions.extend(mention_rows(event))
    conn.executemany(_INSERT_EVENT, rows)
    conn.executemany(_INSERT_MENTION, mentions)
    _insert_sentences(conn, article, result.events)
    if result.claims:
        conn.executemany(_INSERT_CLAIM, [claim_row(doc_id, n, claim) for n, claim in enumerate(result.claims)])


_INSERT_CLAIM = """INSERT INTO claims (doc_id, position, type, subject_key, object_key, status, day, record)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""


def claim_row(doc_id: str, position: int, claim: Claim) -> tuple[object, ...]:
    """The ``claims`` row of a Claim."""
    day = first_day(claim.date) if claim.date else None
    return (
        doc_id, position, claim.type, claim_key(claim.subject), claim_key(claim.object), claim.status,
        day.isoformat() if day else None, json.dumps(claim.to_dict(), ensure_ascii=False, separators=(",", ":")),
    )  # fmt: skip


def source_key(article: Article, source: str) -> str:
    """Who published the article: its publisher, else its URL's host, else the file it came from."""
    if article.publisher and article.publisher.strip():
        return article.publisher.strip().casefold()
    host = urlsplit(article.url).hostname if article.url else None
    if host:
        return host.removeprefix("www.")
    return source


def _count_article(conn: sqlite3.Connection, article: Article, source: str) -> None:
    day = first_day(article.published[:10]) if article.published else None
    if day is None:
        return  # an undated article counts on no day
    conn.execute(
        """INSERT INTO article_counts (day, source, articles) VALUES (?, ?, 1)
           ON CONFLICT (day, source) DO UPDATE SET articles = articles + 1""",
        (day.isoformat(), source),
    )


_EVENT_COLUMNS = (
    "id", "doc_id", "event", "mode", "quad", "intensity", "cameo", "date", "date_precision", "year_month",
    "confidence", "negated", "hypothetical", "future", "historical", "actor_key", "recipient_key", "source_key",
    "cluster_id", "sentence_start", "record",
)  # fmt: skip
_INSERT_EVENT = (
    f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({', '.join('?' for _ in _EVENT_COLUMNS)})"
)


_INSERT_MENTION = """INSERT INTO mentions (event_id, role, position, text, "start", "end", name, kb_id, country,
    sector, entity_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def event_row(event: Event, source: str | None, cluster_id: str | None) -> tuple[object, ...]:
    """The ``events`` row of an Event, in the order of ``_EVENT_COLUMNS``."""
    day = first_day(event.date)
    modality = set(event.modality)
    return (
        event.id, event.doc_id, event.event, event.mode, event.quad, event.intensity, event.cameo,
        day.isoformat() if day else None, event.date_precision or precision_of(event.date),
        day.isoformat()[:7] if day else None, event.confidence,
        int("negated" in modality), int("hypothetical" in modality), int("future" in modality),
        int("historical" in modality), _first_key(event.actor), _first_key(event.recipient), source, cluster_id,
        event.sentence_start, json.dumps(event.to_dict(), ensure_ascii=False, separators=(",", ":")),
    )  # fmt: skip


def _first_key(actors: tuple[Actor, ...]) -> str | None:
    return actor_key(actors[0]) if actors else None


def mention_rows(event: Event) -> list[tuple[object, ...]]:
    """The ``mentions`` rows of an Event: its actors, recipients and attribution."""
    roles: list[tuple[str, tuple[Actor, ...]]] = [
        ("actor", event.actor), ("recipient", event.recipient),
        ("attribution", (event.attribution,) if event.attribution else ()),
    ]  # fmt: skip
    return [
        (event.id, role, position, a.text, a.start, a.end, a.name, a.kb_id, a.country, a.sector, a.entity_type)
        for role, actors in roles
        for position, a in enumerate(actors)
    ]


def _insert_sentences(conn: sqlite3.Connection, article: Article, events: tuple[Event, ...]) -> None:
    """Index every sentence that states an event, once, and the headline."""
    rows: dict[int | None, str] = {}
    for event in events:
        rows.setdefault(event.sentence_start, event.sentence)
    title = (article.title or "").strip()
    if title and title not in rows.values():
        start = article.text.find(title)
        rows.setdefault(start if start >= 0 else None, title)
    conn.executemany(
        "INSERT INTO sentences (doc_id, sentence_start, text) VALUES (?, ?, ?)",
        [(article.doc_id, start, text) for start, text in rows.items()],
    )

"""``Store``: one SQLite file of documents, events, clusters and sentences; one writer, many readers (WAL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store import browse, queries
from newsgraph.store import network as networks
from newsgraph.store.connection import connect, translated
from newsgraph.store.result import DocumentResult
from newsgraph.store.schema import MIGRATIONS, migrate
from newsgraph.store.writer import write_results

DEFAULT_PATH = "newsgraph.db"
DEFAULT_CLUSTER_DAYS = 2


class Store:
    """The corpus store. Open it with ``Store.open(path)``; close it (or use ``with``) when done."""

    def __init__(self, conn: sqlite3.Connection, path: str, *, cluster_days: int = DEFAULT_CLUSTER_DAYS) -> None:
        self._conn = conn
        self.path = path
        self.cluster_days = cluster_days
        self._wrote = False

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, cluster_days: int = DEFAULT_CLUSTER_DAYS,
             read_only: bool = False) -> Store:  # fmt: skip
        """Open the store at ``path``, creating it or migrating it forward; StoreError (NG600) when the file is
        not a newsgraph database or is corrupt. ``cluster_days``: how many days apart two reports of one event
        may date it. ``read_only``: after migrating, the connection refuses every write (StoreError)."""
        if cluster_days < 0:
            raise StoreError(f"cluster_days must be 0 or more, got {cluster_days}", source=str(path))
        name = str(path)
        conn = connect(name)
        try:
            with translated(name):
                migrate(conn, MIGRATIONS)
                if read_only:
                    conn.execute("PRAGMA query_only = ON")
        except StoreError as e:
            conn.close()
            if e.source is not None:
                raise
            raise StoreError(e.message, source=name) from e
        except BaseException:
            conn.close()
            raise
        return cls(conn, name, cluster_days=cluster_days)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (after letting SQLite refresh its planner statistics if this store wrote)."""
        if self._wrote:
            try:
                self._conn.execute("PRAGMA busy_timeout = 0")  # never wait for another writer to close
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # statistics are an optimisation; a busy or read-only file keeps the old ones
        self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): committed when the block ends, rolled back on any error."""
        with translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            with translated(self.path):
                self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._wrote = True

    def write(self, results: Iterable[DocumentResult]) -> dict[str, int]:
        """Write a batch in one transaction: all of it or, on any error, none of it. An input already recorded
        is skipped; an article whose text is stored already (from another input) is recorded as ``duplicate``.
        Returns how many inputs got each status (``skipped`` for those already recorded)."""
        batch = list(results)
        if not batch:
            return {}
        with self.transaction() as conn, translated(self.path):
            return write_results(conn, batch, self.cluster_days)

    def has_document(self, doc_id: str) -> bool:
        """Whether an article with this ``doc_id`` is stored."""
        with translated(self.path):
            return self._conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def known_inputs(self) -> set[tuple[str, int | None]]:
        """``(source, line)`` of every input recorded, rejected and duplicate ones too."""
        with translated(self.path):
            return {(source, line) for source, line in self._conn.execute("SELECT source, line FROM inputs")}

    def events(self, actor: str | None = None, recipient: str | None = None, type: str | None = None,  # noqa: A002
               since: str | None = None, until: str | None = None, min_confidence: float | None = None,
               include_hypothetical: bool = False, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:  # fmt: skip
        """Event records (``Event.to_dict()``) plus ``cluster_id``, ``num_mentions``, ``num_articles`` and
        ``num_sources``, by date (undated last).

        ``actor``/``recipient``: a KB id or country code (exactly, any case) or words found in the actor's name
        or text (any case); ``type``: a PLOVER category; ``since``/``until``: ``YYYY-MM-DD`` (a month or year
        counts from its first day for ``since``, to its last for ``until``; an event dated only by month or year
        counts as its first day; undated events are left out when either is given). Events told as negated
        ("did not attack") or hypothetical ("could attack") are left out unless ``include_hypothetical`` is
        True, which brings back both."""
        where = queries.event_filter(actor, recipient, type, since, until, min_confidence, include_hypothetical)
        with translated(self.path):
            return queries.events(self._conn, where, limit, offset)

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Sentences (of coded events, and headlines) matching an FTS5 query, best first: ``{doc_id, title,
        sentence, snippet, sentence_start, events}``, hits in the snippet between [ and ]. A query FTS5 cannot
        read (unbalanced quotes, a stray operator) raises StoreError."""
        with translated(self.path):
            return queries.search(self._conn, query, limit)

    def stats(self) -> dict[str, Any]:
        """``{"documents": {status: n}, "events": {category: n}, "clusters": n}``; documents count every input
        recorded (coded, no_event, duplicate, rejected), events every event (negated and hypothetical too)."""
        with translated(self.path):
            return queries.stats(self._conn)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with its provenance, or None: ``{"event": record (as ``events()`` gives it), "article":
        {doc_id, source, line, url, title, publisher, published, language, status, ingested_at}, "cluster":
        {cluster_id, num_mentions, num_articles, num_sources, reports: [{id, doc_id, date, sentence_start,
        sentence, title, publisher, url}]}}`` (the first 50 reports of its cluster, by date)."""
        with translated(self.path):
            return browse.event_with_provenance(self._conn, event_id)

    def actors(self, query: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Actors and recipients of stored events, most events first: ``{key, name, country, sector, entity_type,
        events}``; ``key`` is what ``network()`` names them by; ``query`` keeps those whose name or words
        contain it (any case) or whose KB id it is."""
        with translated(self.path):
            return browse.actors(self._conn, query, limit, offset)

    def graph(self, since: str | None = None, until: str | None = None, by: str = "month",
              categories: Collection[str] | None = None, max_edges: int | None = None) -> dict[str, Any]:  # fmt: skip
        """``network()`` as a graph: ``{"nodes": [{id, label, name, country, sector, entity_type, count}],
        "edges": [{source, target, period, event, quad, count, intensity}], "truncated": bool}``; only the
        ``categories`` given; past ``max_edges`` edges, those with most events (and ``truncated`` is true). A
        node's name, country and sector are those of the first actor (or recipient) of one of its events."""
        with translated(self.path):
            return browse.graph(self._conn, since, until, by, categories, max_edges)

    def network(self, since: str | None = None, until: str | None = None, by: str = "month") -> list[dict[str, Any]]:
        """Events aggregated by (first actor key, first recipient key, period, category): ``{actor, recipient,
        period, event, quad, count, intensity}`` with the mean intensity. ``by``: ``day``, ``month`` or ``year``.
        Keys are KB ids, else countries, else lower-cased words; events without a recipient, negated or
        hypothetical ones are left out; an undated event has period None (left out when since/until is given)."""
        with translated(self.path):
            return networks.network(self._conn, since, until, by)

    def claims(self, until: str | None = None) -> list[dict[str, Any]]:
        """What the stored articles say of relations between actors (``Claim.to_dict()`` records), dated on or
        before ``until`` (``YYYY-MM-DD``; a month or year counts to its last day) and undated ones."""
        with translated(self.path):
            return queries.claims(self._conn, queries.bound(until, end=True))

    def has_claims(self) -> bool:
        """Whether any article's claims about relations are stored (stores filled before 0.1 relations have none)."""
        with translated(self.path):
            return self._conn.execute("SELECT 1 FROM claims LIMIT 1").fetchone() is not None

    def has_documents(self) -> bool:
        """Whether any article is stored."""
        with translated(self.path):
            return self._conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is not None

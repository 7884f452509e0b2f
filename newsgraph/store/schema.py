"""The schema as a list of migrations, applied in order, each recorded in ``_migrations``.

Never edit a migration that has shipped: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from newsgraph.errors import StoreError

CORE = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, line INTEGER, url TEXT, title TEXT, publisher TEXT,
    published TEXT, language TEXT, status TEXT NOT NULL, reason TEXT, code TEXT,
    n_events INTEGER NOT NULL DEFAULT 0, ingested_at TEXT NOT NULL
);
CREATE TABLE texts (doc_id TEXT PRIMARY KEY REFERENCES documents (doc_id), text TEXT NOT NULL);
CREATE TABLE inputs (
    source TEXT NOT NULL, line INTEGER, status TEXT NOT NULL, doc_id TEXT, code TEXT, reason TEXT,
    PRIMARY KEY (source, line)
);
-- NULLs are distinct in a primary key: a file without lines is one input all the same
CREATE UNIQUE INDEX inputs_one ON inputs (source, ifnull(line, -1));
CREATE TABLE clusters (
    cluster_id TEXT PRIMARY KEY, event TEXT NOT NULL, actor_key TEXT NOT NULL, recipient_key TEXT NOT NULL,
    date TEXT, place TEXT, num_mentions INTEGER NOT NULL DEFAULT 0, num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_match ON clusters (event, actor_key, recipient_key, date);
CREATE TABLE events (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents (doc_id), event TEXT NOT NULL, mode TEXT,
    quad INTEGER NOT NULL, intensity REAL NOT NULL, cameo TEXT, date TEXT, date_precision TEXT, year_month TEXT,
    confidence REAL NOT NULL, negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, future INTEGER NOT NULL,
    historical INTEGER NOT NULL, actor_key TEXT, recipient_key TEXT, source_key TEXT,
    cluster_id TEXT REFERENCES clusters (cluster_id), sentence_start INTEGER NOT NULL, record TEXT NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_pair ON events (actor_key, recipient_key, year_month);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_event ON events (event);
CREATE INDEX events_doc ON events (doc_id, sentence_start);
CREATE TABLE mentions (
    event_id TEXT NOT NULL REFERENCES events (id),
    role TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'attribution')),
    position INTEGER NOT NULL, text TEXT NOT NULL, "start" INTEGER, "end" INTEGER, name TEXT, kb_id TEXT,
    country TEXT, sector TEXT, entity_type TEXT,
    PRIMARY KEY (event_id, role, position)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE sentences USING fts5 (
    doc_id UNINDEXED, sentence_start UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2'
);
"""

ARTICLE_COUNTS = """
CREATE TABLE article_counts (
    day TEXT NOT NULL, source TEXT NOT NULL, articles INTEGER NOT NULL, PRIMARY KEY (day, source)
) WITHOUT ROWID;
"""

# network(): every column it reads, in GROUP BY order, so that it scans one index and sorts nothing
NETWORK_INDEX = """
DROP INDEX events_pair;
CREATE INDEX events_pair ON events (
    actor_key, recipient_key, year_month, event, quad, intensity, date, negated, hypothetical
);
"""

# what each article says of relations between actors (newsgraph.system): one JSON record per claim
CLAIMS = """
CREATE TABLE claims (
    doc_id TEXT NOT NULL REFERENCES documents (doc_id), position INTEGER NOT NULL, type TEXT NOT NULL,
    subject_key TEXT, object_key TEXT, status TEXT NOT NULL, day TEXT, record TEXT NOT NULL,
    PRIMARY KEY (doc_id, position)
);
CREATE INDEX claims_day ON claims (day);
"""

# network(): monthly sums per (actor, recipient, category, quad) of asserted events, kept by a trigger, so that a
# window of whole months reads these rows instead of every event; the events_pair index it replaces is dropped
PAIR_MONTHS = """
CREATE TABLE pair_months (
    year_month TEXT NOT NULL, actor_key TEXT NOT NULL, recipient_key TEXT NOT NULL, event TEXT NOT NULL,
    quad INTEGER NOT NULL, n INTEGER NOT NULL, intensity_sum REAL NOT NULL, first_rowid INTEGER NOT NULL,
    PRIMARY KEY (year_month, actor_key, recipient_key, event, quad)
) WITHOUT ROWID;
INSERT INTO pair_months
SELECT year_month, actor_key, recipient_key, event, quad, COUNT(*), SUM(intensity), MIN(rowid) FROM events
WHERE actor_key IS NOT NULL AND recipient_key IS NOT NULL AND negated = 0 AND hypothetical = 0
  AND year_month IS NOT NULL
GROUP BY year_month, actor_key, recipient_key, event, quad;
CREATE TRIGGER events_pair_months AFTER INSERT ON events
WHEN NEW.actor_key IS NOT NULL AND NEW.recipient_key IS NOT NULL AND NEW.negated = 0 AND NEW.hypothetical = 0
  AND NEW.year_month IS NOT NULL
BEGIN
    INSERT INTO pair_months VALUES (NEW.year_month, NEW.actor_key, NEW.recipient_key, NEW.event, NEW.quad, 1,
                                    NEW.intensity, NEW.rowid)
    ON CONFLICT (year_month, actor_key, recipient_key, event, quad)
    DO UPDATE SET n = n + 1, intensity_sum = intensity_sum + excluded.intensity_sum;
END;
DROP INDEX events_pair;
"""

# refresh_counts() recounts a cluster's mentions, articles and sources: from this index alone, without reading the
# events' rows (a cluster reported by hundreds of articles made every write read hundreds of records)
CLUSTER_COUNTS_INDEX = """
DROP INDEX events_cluster;
CREATE INDEX events_cluster ON events (cluster_id, doc_id, source_key);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_core", CORE),
    ("0002_article_counts", ARTICLE_COUNTS),
    ("0003_network_index", NETWORK_INDEX),
    ("0004_cluster_hedged", "ALTER TABLE clusters ADD COLUMN hedged INTEGER NOT NULL DEFAULT 0"),
    ("0005_claims", CLAIMS),
    ("0006_pair_months", PAIR_MONTHS),
    ("0007_cluster_counts_index", CLUSTER_COUNTS_INDEX),
]


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the database (none when it is new)."""
    if not _has_table(conn, "_migrations"):
        return []
    return [name for (name,) in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone()
    return row is not None


def pending(conn: sqlite3.Connection, migrations: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The migrations still to apply; a database from a newer newsgraph is refused."""
    done = applied(conn)
    known = {name for name, _ in migrations}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(f"the database was made by a newer newsgraph (migration {unknown[0]!r} is unknown)")
    return [(name, sql) for name, sql in migrations if name not in done]


def migrate(conn: sqlite3.Connection, migrations: list[tuple[str, str]] | None = None) -> list[str]:
    """Apply what is pending of ``migrations`` (default: all), one transaction each; returns the names applied."""
    migrations = MIGRATIONS if migrations is None else migrations
    if not pending(conn, migrations):
        return []
    names = []
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in pending(conn, migrations):
        if _apply(conn, name, sql):
            names.append(name)
    return names


def _apply(conn: sqlite3.Connection, name: str, sql: str) -> bool:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
            conn.execute("ROLLBACK")  # another process applied it meanwhile
            return False
        for statement in statements(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO _migrations (name, applied_at) VALUES (?, ?)", (name, _now()))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return True


def statements(sql: str) -> list[str]:
    """The SQL statements of a script, one by one (executescript would commit the migration's transaction)."""
    found, buffer = [], ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                found.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n;"):
        found.append(buffer.strip())
    return found


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

"""Events, not reports: the cluster rule of docs/store.md as a pure function, and its use at write time.

Two events are one real event when they have the same category, the same actors (each compared by ``kb_id``,
else country, else lower-cased text; as sets), recipients that agree (one report names none, or they share
one),
the same standing (both told as having happened, or both negated or hypothetical), dates at most
``cluster_days`` apart (a month- or year-precision date only joins dates of the same month or year; an undated
event joins nothing) and, when both name a place with a country, the same country. At write time a new event is compared with each candidate
cluster's own key (category, actor and recipient sets, date, place: its first event's, made finer by later
reports: a day replaces a month or year, a place fills a missing one) and joins the nearest match in date (the
oldest cluster on a tie); otherwise it starts a cluster. Ingesting in the same order gives the same clusters.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.model import Actor, Event
from newsgraph.store.dates import first_day, precision_of, shift

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ClusterKey:
    """What the cluster rule compares of an event."""

    event: str
    actors: frozenset[str]
    recipients: frozenset[str]
    date: str | None
    place: str | None  # the country of the named place
    hedged: bool = False  # negated or hypothetical


def actor_key(actor: Actor) -> str:
    """An actor's identity: its ``kb_id``, else its country, else its words lower-cased."""
    return actor.kb_id or actor.country or _SPACE.sub(" ", actor.text).strip().lower()


def set_key(actors: Iterable[Actor]) -> str:
    """The actors of one role as a set, written canonically (a sorted JSON list)."""
    return json.dumps(sorted({actor_key(a) for a in actors}), ensure_ascii=False)


def cluster_key(event: Event) -> ClusterKey:
    return ClusterKey(
        event=event.event,
        actors=frozenset(actor_key(a) for a in event.actor),
        recipients=frozenset(actor_key(a) for a in event.recipient),
        date=event.date,
        place=event.location.country if event.location else None,
        hedged=bool({"negated", "hypothetical"} & set(event.modality)),
    )


def dates_match(a: str | None, b: str | None, days: int) -> bool:
    """Whether two event dates can be one event's: days at most ``days`` apart, coarse dates the same period."""
    pa, pb = precision_of(a), precision_of(b)
    if a is None or b is None or pa is None or pb is None:
        return False
    if pa == pb == "day":
        return abs((first_day(a) - first_day(b)).days) <= days  # type: ignore[operator]
    width = 4 if "year" in (pa, pb) else 7
    return a[:width] == b[:width]


def same_event(a: ClusterKey, b: ClusterKey, days: int = 2) -> bool:
    """The cluster rule: whether ``a`` and ``b`` report one real event."""
    return (
        a.event == b.event
        and a.actors == b.actors
        and (not a.recipients or not b.recipients or bool(a.recipients & b.recipients))
        and a.hedged == b.hedged
        and dates_match(a.date, b.date, days)
        and (a.place is None or b.place is None or a.place == b.place)
    )


def _distance(a: str | None, b: str | None) -> int:
    da, db = first_day(a), first_day(b)
    return abs((da - db).days) if da and db else 0


def _candidate_range(value: str, days: int) -> tuple[str, str, str, str]:
    """Bounds of the cluster dates that may match ``value`` (string order), plus its month and year."""
    if precision_of(value) == "day":
        day = first_day(value)
        assert day is not None
        return shift(day, -days), shift(day, days), value[:7], value[:4]
    return value, value + "-99", value[:7], value[:4]


_CANDIDATES = """
SELECT cluster_id, date, place, recipient_key, hedged FROM clusters
WHERE event = ? AND actor_key = ? AND (date BETWEEN ? AND ? OR date IN (?, ?))
ORDER BY rowid
"""


@dataclass(frozen=True)
class Found:
    """A cluster an event joins, with the key fields a report may refine."""

    cluster_id: str
    date: str | None
    place: str | None
    recipient_key: str


def find_cluster(conn: sqlite3.Connection, event: Event, days: int) -> Found | None:
    """The existing cluster ``event`` belongs to, or None."""
    key = cluster_key(event)
    if precision_of(key.date) is None:
        return None
    assert key.date is not None
    params = (key.event, set_key(event.actor), *_candidate_range(key.date, days))
    best: tuple[int, Found] | None = None
    for cluster_id, cluster_date, place, recipient_key, hedged in conn.execute(_CANDIDATES, params):
        other = ClusterKey(key.event, key.actors, _recipients(recipient_key), cluster_date, place, bool(hedged))
        if same_event(key, other, days):
            distance = _distance(key.date, cluster_date)
            if best is None or distance < best[0]:
                best = (distance, Found(cluster_id, cluster_date, place, recipient_key))
    return best[1] if best else None


@lru_cache(maxsize=4096)
def _recipients(recipient_key: str) -> frozenset[str]:
    return frozenset(json.loads(recipient_key))


def cluster_id_for(event_id: str) -> str:
    """``cl_`` + 16 hex of sha256 over the id of the cluster's first event: the same corpus, the same ids."""
    return "cl_" + hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:16]


def assign_cluster(conn: sqlite3.Connection, event: Event, days: int) -> str:
    """The cluster of ``event``: an existing one it matches, else a new one it starts."""
    found = find_cluster(conn, event, days)
    if found is not None:
        _refine(conn, found, cluster_key(event))
        return found.cluster_id
    cluster_id = cluster_id_for(event.id)
    key = cluster_key(event)
    conn.execute(
        "INSERT INTO clusters (cluster_id, event, actor_key, recipient_key, date, place, hedged) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (cluster_id, key.event, set_key(event.actor), set_key(event.recipient), key.date, key.place, int(key.hedged)),
    )
    return cluster_id


_RANK = {"year": 1, "month": 2, "day": 3}


def _refine(conn: sqlite3.Connection, found: Found, key: ClusterKey) -> None:
    """A cluster learns from a report that joins it: a place when it had none, a more precise date, recipients
    when it named none (written only when one of them changes)."""
    date, place, recipients = found.date, found.place or key.place, found.recipient_key
    if _RANK.get(precision_of(key.date) or "", 0) > _RANK.get(precision_of(date) or "", 0):
        date = key.date
    if recipients == "[]" and key.recipients:
        recipients = json.dumps(sorted(key.recipients), ensure_ascii=False)
    if (date, place, recipients) != (found.date, found.place, found.recipient_key):
        conn.execute(
            "UPDATE clusters SET date = ?, place = ?, recipient_key = ? WHERE cluster_id = ?",
            (date, place, recipients, found.cluster_id),
        )


def refresh_counts(conn: sqlite3.Connection, cluster_ids: Iterable[str]) -> None:
    """Recount mentions (events), articles (documents) and sources of each cluster from its events."""
    conn.executemany(
        """UPDATE clusters SET (num_mentions, num_articles, num_sources) = (
               SELECT COUNT(*), COUNT(DISTINCT doc_id), COUNT(DISTINCT source_key) FROM events
               WHERE events.cluster_id = clusters.cluster_id)
           WHERE cluster_id = ?""",
        [(c,) for c in sorted(set(cluster_ids))],
    )

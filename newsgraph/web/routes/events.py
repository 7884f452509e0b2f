"""Reading routes: events (filtered, paged), one event with its provenance, actors, full-text search, stats."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from newsgraph.errors import NotFound
from newsgraph.web.routes.params import DEFAULT_LIMIT, MAX_WORDS, Category, Limit, Offset, Party, Since, Until
from newsgraph.web.stores import open_store

router = APIRouter(prefix="/api", tags=["events"])


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of ``items`` (fetched with one more than ``limit`` to know whether another page follows)."""
    more = len(items) > limit
    return {"limit": limit, "offset": offset, "next_offset": offset + limit if more else None, "items": items[:limit]}


@router.get("/events")
def list_events(
    request: Request,
    actor: Party = None,
    recipient: Party = None,
    type: Annotated[Category | None, Query(description="A PLOVER category, e.g. ASSAULT.")] = None,  # noqa: A002
    since: Since = None,
    until: Until = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="Only events this sure.")] = None,
    include_hypothetical: Annotated[bool, Query(description="Also negated and hypothetical events.")] = False,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stored events (as `newsgraph events` lists them), by date, with their cluster's counts; a page at a time:
    `next_offset` is where the next page starts (null on the last)."""
    with open_store(request) as store:
        records = store.events(actor=actor, recipient=recipient, type=type.value if type else None, since=since,
                               until=until, min_confidence=min_confidence,
                               include_hypothetical=include_hypothetical, limit=limit + 1, offset=offset)  # fmt: skip
    return page(records, limit, offset)


@router.get("/events/{event_id}")
def get_event(request: Request, event_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """One event with its provenance: the record (sentence, offsets, trigger), its article and its cluster (the
    other reports of the same real event)."""
    with open_store(request) as store:
        found = store.event(event_id)
    if found is None:
        raise NotFound(f"no event {event_id!r}")
    return found


@router.get("/actors")
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(max_length=MAX_WORDS, description="Words of the name, or a KB id.")] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Actors and recipients of stored events, most events first; `key` is the node id of /api/network."""
    with open_store(request) as store:
        return page(store.actors(q, limit + 1, offset), limit, offset)


@router.get("/search")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=MAX_WORDS, description="SQLite FTS5 query: ceasefire, "
                            "\"hostage deal\", Qatar AND Hamas.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Sentences and headlines matching a full-text query, best first, with their events; hits in `snippet`
    between [ and ]."""
    with open_store(request) as store:
        return {"query": q, "items": store.search(q, limit=limit)}


@router.get("/stats")
def stats(request: Request) -> dict[str, Any]:
    """Documents by status, events by category, clusters."""
    with open_store(request) as store:
        return store.stats()

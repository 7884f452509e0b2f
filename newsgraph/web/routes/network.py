"""The actor network: edges aggregated by actor pair, period and category, and the nodes they join."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from newsgraph.web.routes.params import Category, Since, Until
from newsgraph.web.stores import open_store

router = APIRouter(prefix="/api", tags=["network"])
MAX_EDGES = 20_000


class Period(str, Enum):
    day = "day"
    month = "month"
    year = "year"


@router.get("/network")
def get_network(
    request: Request,
    since: Since = None,
    until: Until = None,
    by: Annotated[Period, Query(description="Period of the edges: day, month or year.")] = Period.year,
    category: Annotated[list[Category] | None, Query(max_length=16, description="Only these PLOVER categories "
                                                     "(repeat the parameter).")] = None,
    max_edges: Annotated[int, Query(ge=1, le=MAX_EDGES, description="Keep the edges with most events.")] = 5_000,
) -> dict[str, Any]:
    """The actor network of events told as having happened (negated and hypothetical ones left out): `edges`
    `{source, target, period, event, quad, count, intensity}` aggregated by actor pair, period and category,
    and `nodes` `{id, label, name, country, sector, entity_type, count}`; a node's id is what /api/events takes
    as `actor` or `recipient`."""
    categories = [c.value for c in category] if category else None
    with open_store(request) as store:
        found = store.graph(since=since, until=until, by=by.value, categories=categories, max_edges=max_edges)
    return {"since": since, "until": until, "by": by.value, **found}

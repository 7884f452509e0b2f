"""The system of relations (#5): who supports, opposes, hosts or mediates between whom, as of a date."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from newsgraph.api import knowledge_base
from newsgraph.system import rank_mediators, system_state
from newsgraph.web.routes.params import MAX_WORDS
from newsgraph.web.stores import open_store

router = APIRouter(prefix="/api", tags=["system"])

AsOf = Annotated[date | None, Query(description="The state on this day (YYYY-MM-DD); default: all that is known.")]
Name = Annotated[str, Query(min_length=1, max_length=MAX_WORDS, description="An actor: KB id, country or name.")]


@router.get("/state")
def get_state(request: Request, as_of: AsOf = None,
              actor: Annotated[str | None, Query(max_length=MAX_WORDS)] = None) -> dict[str, Any]:  # fmt: skip
    """The roles of the actors and the relations between them as of a date (of one actor when `actor` is
    given), each relation with its status and evidence."""
    with open_store(request) as store:
        return system_state(store, as_of=as_of, actor=actor, kb=knowledge_base()).to_dict()


@router.get("/mediators")
def get_mediators(request: Request, a: Name, b: Name, as_of: AsOf = None) -> dict[str, Any]:
    """Who mediates between `a` and `b`, best candidates first, with how acceptable each is to each side and why."""
    with open_store(request) as store:
        return rank_mediators(store, a, b, as_of=as_of, kb=knowledge_base()).to_dict()

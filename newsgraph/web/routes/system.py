"""The system of relations (#5): who supports, opposes, hosts or mediates between whom, as of a date."""

from __future__ import annotations

from datetime import date
from types import ModuleType
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from newsgraph.web.routes.params import MAX_WORDS
from newsgraph.web.stores import open_store

router = APIRouter(prefix="/api", tags=["system"])

AsOf = Annotated[date | None, Query(description="The state on this day (YYYY-MM-DD); default: the latest.")]
Name = Annotated[str, Query(min_length=1, max_length=MAX_WORDS, description="An actor: KB id, country or name.")]


def _system() -> ModuleType:
    try:
        import newsgraph.system as system
    except ImportError as e:
        raise HTTPException(501, "this newsgraph has no system of relations (newsgraph.system)") from e
    return system


@router.get("/state")
def get_state(request: Request, as_of: AsOf = None,
              actor: Annotated[str | None, Query(max_length=MAX_WORDS)] = None) -> dict[str, Any]:  # fmt: skip
    """The roles of the actors and the relations between them as of a date (of one actor when `actor` is
    given), each relation with its status and evidence."""
    system = _system()
    with open_store(request) as store:
        result: dict[str, Any] = system.system_state(store, as_of=as_of, actor=actor).to_dict()
    return result


@router.get("/mediators")
def get_mediators(request: Request, a: Name, b: Name, as_of: AsOf = None) -> dict[str, Any]:
    """Who could mediate between `a` and `b`, best candidates first, with the relations that make them so."""
    system = _system()
    with open_store(request) as store:
        result: dict[str, Any] = system.rank_mediators(store, a, b, as_of=as_of).to_dict()
    return result

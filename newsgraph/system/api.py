"""The system's Python API: the relations standing as of a date, and the mediators between two sides, from a
store or from claims already read."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.errors import QueryError
from newsgraph.model import Actor, parse_iso_date
from newsgraph.store import Store
from newsgraph.system.aggregate import acting_for
from newsgraph.system.mediators import MediatorReport, rank
from newsgraph.system.model import Claim, actor_key
from newsgraph.system.state import SystemState, names, system_state_of

Source = Store | Iterable[Claim | dict[str, Any]]


def as_of_date(value: str | date | datetime | None, name: str = "as_of") -> date | None:
    """The date to stand at; QueryError naming ``name`` (the parameter or option) when it is not a date."""
    try:
        return parse_iso_date(value)
    except ValueError:
        raise QueryError(f"{name} must be a date YYYY-MM-DD, got {value!r}") from None


def claims_of(source: Source, as_of: date | None = None) -> list[Claim]:
    """The claims of a store (those dated up to ``as_of``) or of an iterable of Claims or their dicts."""
    if isinstance(source, Store):
        return [Claim.from_dict(r) for r in source.claims(as_of.isoformat() if as_of else None)]
    return [c if isinstance(c, Claim) else Claim.from_dict(c) for c in source]


def system_state(source: Source, as_of: str | date | datetime | None = None, actor: str | None = None, *,
                 kb: KnowledgeBase | None = None) -> SystemState:  # fmt: skip
    """The relations standing as of ``as_of`` (all that is known when None) among the actors of ``source`` (a
    Store, or Claims). ``actor``: only the relations of this actor (a name, KB id or country code; resolved
    through the knowledge base when no relation names it so)."""
    day = as_of_date(as_of)
    state = system_state_of(claims_of(source, day), day)
    if actor:
        wanted = side(actor, state, kb, day)
        key = actor_key(wanted)
        state.relations = [r for r in state.relations if key is not None and r.involves(key)]
    return state


def rank_mediators(source: Source, a: str, b: str, as_of: str | date | datetime | None = None, *,
                   kb: KnowledgeBase | None = None) -> MediatorReport:  # fmt: skip
    """Who mediates between ``a`` and ``b`` as of ``as_of``, best first, with how acceptable each is to each side
    and why."""
    day = as_of_date(as_of)
    state = system_state_of(claims_of(source, day), day)
    first, second = side(a, state, kb, day), side(b, state, kb, day)
    if actor_key(first) == actor_key(second):
        raise QueryError(f"{a!r} and {b!r} name the same actor")
    return rank(state, first, second)


def side(name: str, state: SystemState, kb: KnowledgeBase | None, day: date | None) -> Actor:
    """The actor a user names, in this order: an actor of the state whose KB id it is; a state whose country code
    it is; what the knowledge base calls so; an actor of the state whose name it is (whole words). QueryError when
    none."""
    if not name or not name.strip():
        raise QueryError("an actor name is empty")
    actors = [a for r in state.relations for a in (r.subject, r.object, *r.parties) if a is not None]
    low = name.strip().casefold()
    for actor in actors:
        if (actor.kb_id or "").casefold() == low:
            return actor
    for actor in actors:  # "PSE" is Palestine, not Hamas (whose country it also is)
        if (actor.country or "").casefold() == low and (actor.kb_id or actor.country) == actor.country:
            return actor
    if kb is not None:
        for entry in kb.lookup(name):
            found = acting_for(Actor(text=name, name=entry.name, kb_id=entry.id, country=entry.country,
                                     sector=entry.sector, entity_type=entry.entity_type), kb, day)  # fmt: skip
            if found is not None:
                return found
    for actor in actors:
        if names(actor, name):
            return actor
    raise QueryError(f"no actor named {name!r} in the relations known" + (f" as of {day}" if day else ""))

"""Actors counted for what they act for: a minister for their government's state, an official for their group.

Relations are between organisations and states. A person in office on the date counts for what the office is of
(the Turkish president for Turkey, a Hamas official for Hamas); a person out of office, or an unnamed official
("Israeli defence officials"), for their country; a state institution for its state. Organisations with an entry
of their own (Hamas, the UN) stay themselves.
"""

from __future__ import annotations

from datetime import date

from newsgraph.actors.kb import Entry, KnowledgeBase, Office
from newsgraph.model import Actor


def _as_actor(actor: Actor, entry: Entry, day: date | None) -> Actor:
    return Actor(
        text=actor.text, start=actor.start, end=actor.end, name=entry.name, kb_id=entry.id,
        country=entry.country_on(day), sector=entry.sector_on(day) or entry.sector, entity_type=entry.entity_type,
    )  # fmt: skip


def office_of(actor: Actor, kb: KnowledgeBase, day: date | None) -> tuple[Entry, Office] | None:
    """The person entry of ``actor`` and the office it holds on ``day``, if it is a person in office."""
    entry = kb.entries.get(actor.kb_id or "")
    if entry is None or entry.kind != "person":
        return None
    office = entry.office_on(day)
    return (entry, office) if office is not None else None


def acting_for(actor: Actor, kb: KnowledgeBase, day: date | None) -> Actor | None:
    """The organisation or state ``actor`` counts for on ``day``; None when it is neither named nor placed."""
    entry = kb.entries.get(actor.kb_id or "")
    if entry is not None and entry.kind == "person":
        held = entry.office_on(day)
        target = kb.entries.get(held.of) if held is not None else None
        if target is None:
            target = kb.entries.get(entry.country or "")
        return _as_actor(actor, target, day) if target is not None else None
    if entry is not None and entry.kind == "state":
        return _as_actor(actor, entry, day)
    if entry is not None:
        return actor if actor.name == entry.name else _as_actor(actor, entry, day)
    if actor.country:
        state = kb.entries.get(actor.country)
        return _as_actor(actor, state, day) if state is not None and state.kind == "state" else None
    return None

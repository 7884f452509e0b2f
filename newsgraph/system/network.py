"""The signed, weighted actor network: events between organisations and states (people counted for what they act
for; every actor and recipient of an event, unlike ``Store.network``, which counts the first of each by its key), each edge signed by whether cooperation or conflict dominates, with the relations standing on it.

Node and edge attributes are those of ``newsgraph.export.network.actor_network`` plus, on edges:

- ``sign``: +1 when cooperation events outnumber conflict ones, -1 the other way; when no event links the pair, the
  sign of its active or suspended relations (supports, mediates, negotiates_with, based_in +1; opposes -1, summed);
  0 when even; a symmetric relation sits on the edge the pair's events already draw, in either direction;
- ``signed_weight``: cooperation minus conflict events;
- self-loops are left out (people counted for their own state: "Israeli officials insist Israel ...");
- ``relations``: the relations standing on the edge as of the date, ``type:status`` joined by ``;`` (a mediator's
  relation sits on its edges to each side).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import networkx as nx

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.export.network import actor_network
from newsgraph.model import Actor
from newsgraph.store.dates import first_day
from newsgraph.system.aggregate import acting_for
from newsgraph.system.model import SYMMETRIC, Relation, actor_key
from newsgraph.system.state import SystemState

POSITIVE = frozenset({"supports", "mediates", "negotiates_with", "based_in"})
SHOWN = frozenset({"supports", "opposes", "mediates", "negotiates_with", "based_in"})


def aggregated_record(record: Mapping[str, Any], kb: KnowledgeBase) -> dict[str, Any]:
    """An event record with its actors and recipients counted for what they act for on its date."""
    day = first_day(record.get("date"))

    def each(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for item in items:
            counted = acting_for(Actor.from_dict(dict(item)), kb, day)
            out.append(counted.to_dict() if counted is not None else dict(item))
        return out

    return {**record, "actor": each(record.get("actor") or ()), "recipient": each(record.get("recipient") or ())}


def _links(relation: Relation) -> list[tuple[Actor, Actor]]:
    if relation.type == "mediates":
        return [(relation.subject, p) for p in relation.parties]
    return [(relation.subject, relation.object)] if relation.object is not None else []


def signed_network(records: Iterable[Mapping[str, Any]], kb: KnowledgeBase, state: SystemState | None = None) -> nx.DiGraph:
    """The network of the event records (asserted ones only), signed, with the relations of ``state`` on it."""
    graph = actor_network(aggregated_record(r, kb) for r in records)
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))  # a minister acting on their own state
    for _, _, data in graph.edges(data=True):
        balance = data["cooperation"] - data["conflict"]
        data.update(sign=(balance > 0) - (balance < 0), signed_weight=balance, relations="")
    if state is None:
        return graph
    signs: dict[tuple[str, str], list[int]] = {}
    for relation in state.relations:
        if relation.type not in SHOWN:
            continue
        for a, b in _links(relation):
            ka, kb_ = actor_key(a), actor_key(b)
            if not ka or not kb_ or ka == kb_:
                continue
            for key, actor in ((ka, a), (kb_, b)):
                if key not in graph:
                    graph.add_node(key, label=actor.name or actor.text, country=actor.country or "",
                                   sector=actor.sector or "", type=actor.entity_type or "", count=0)  # fmt: skip
            if relation.type in SYMMETRIC and not graph.has_edge(ka, kb_) and graph.has_edge(kb_, ka):
                ka, kb_ = kb_, ka  # "Turkey and Israel at odds" sits on the edge their events already draw
            if not graph.has_edge(ka, kb_):
                graph.add_edge(ka, kb_, count=0, weight=0, cooperation=0, conflict=0, reciprocal=0, intensity=0.0,
                               first_date="", last_date="", categories="", events="", sign=0, signed_weight=0,
                               relations="")  # fmt: skip
            data = graph.edges[ka, kb_]
            tag = f"{relation.type}:{relation.status}" + ("?" if "hypothetical" in relation.modality else "")
            data["relations"] = ";".join(filter(None, [data["relations"], tag]))
            if data["count"] == 0 and relation.status in ("active", "suspended"):
                signs.setdefault((ka, kb_), []).append(1 if relation.type in POSITIVE else -1)
    for (ka, kb_), found in signs.items():
        total = sum(found)
        graph.edges[ka, kb_]["sign"] = (total > 0) - (total < 0)
    return graph


def as_of_window(as_of: date | None, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The event window: ``until`` defaults to the as-of date."""
    return since, until or (as_of.isoformat() if as_of else None)

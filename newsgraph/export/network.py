"""``gexf`` and ``graphml``: the actor network, for Gephi, Cytoscape, igraph or networkx.

``actor_network(records)`` builds a ``networkx.DiGraph``:

- Nodes are actors, keyed by the knowledge-base id, else the country code, else the lower-cased words (the key the
  store's cluster rule uses). Attributes: ``label`` (the most frequent resolved name, else the most frequent
  words), ``country``, ``sector``, ``type`` (entity type; each the most frequent value seen, empty when none) and
  ``count`` (events the actor takes part in).
- Edges aggregate the events from an actor to a recipient, one edge per ordered pair of nodes: every actor of an
  event is linked to every recipient. A reciprocal event (no recipient, several actors: talks, clashes) links its
  actors pairwise in both directions. Attributes: ``count`` (events; also as ``weight``, which Gephi draws as
  thickness), ``cooperation`` (quad 1-2), ``conflict`` (quad 3-4), ``reciprocal`` (how many of the events were
  reciprocal), ``intensity`` (mean PLOVER intensity), ``first_date`` / ``last_date`` (ISO, as precise as the
  events' dates), ``categories`` (distinct PLOVER categories, sorted, ``;``-joined) and ``events`` (the event
  ids, ``;``-joined, to go back to the sentences).
- An actor acting on its own node (same key as the recipient) gives a self-loop; a reciprocal event between two
  actors of the same key gives none. An event whose actors have no key (no id, country or words) adds nothing.
- Events marked ``negated`` or ``hypothetical`` (``DEFAULT_EXCLUDED_MODALITY``) did not happen and are left out;
  pass ``exclude_modality=frozenset()`` to keep every record. (The other formats keep every record with its
  modality; a graph edge cannot.)

No attribute is ever None (GraphML and GEXF cannot store it): unknown text is ``""``. Node and edge order follow the
records, so the same records give the same file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from newsgraph.export._io import atomic_path
from newsgraph.export._records import Record, RecordLike, actors, iter_records, text, to_float, to_int

DEFAULT_EXCLUDED_MODALITY = frozenset({"negated", "hypothetical"})
COOPERATION = frozenset({1, 2})
CONFLICT = frozenset({3, 4})


def actor_key(actor: Mapping[str, Any]) -> str | None:
    """The node key of an actor: knowledge-base id, else country, else the lower-cased words."""
    for value in (actor.get("kb_id"), actor.get("country"), text(actor.get("text")).strip().lower()):
        if value:
            return str(value)
    return None


def _most_common(counter: Counter[str]) -> str:
    return counter.most_common(1)[0][0] if counter else ""


@dataclass
class _Node:
    names: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    country: Counter[str] = field(default_factory=Counter)
    sector: Counter[str] = field(default_factory=Counter)
    kind: Counter[str] = field(default_factory=Counter)
    count: int = 0

    def see(self, actor: Mapping[str, Any]) -> None:
        for counter, value in (
            (self.names, actor.get("name")), (self.words, actor.get("text")), (self.country, actor.get("country")),
            (self.sector, actor.get("sector")), (self.kind, actor.get("entity_type")),
        ):  # fmt: skip
            if value:
                counter[str(value)] += 1

    def attributes(self, key: str) -> dict[str, Any]:
        return {
            "label": _most_common(self.names) or _most_common(self.words) or key,
            "country": _most_common(self.country),
            "sector": _most_common(self.sector),
            "type": _most_common(self.kind),
            "count": self.count,
        }


@dataclass
class _Edge:
    count: int = 0
    cooperation: int = 0
    conflict: int = 0
    reciprocal: int = 0
    intensities: list[float] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    categories: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)

    def add(self, record: Record, reciprocal: bool) -> None:
        quad = to_int(record.get("quad"))
        intensity = to_float(record.get("intensity"))
        self.count += 1
        self.cooperation += quad in COOPERATION
        self.conflict += quad in CONFLICT
        self.reciprocal += reciprocal
        if intensity is not None:
            self.intensities.append(intensity)
        if record.get("date"):
            self.dates.append(str(record["date"]))
        if record.get("event"):
            self.categories.add(str(record["event"]))
        if record.get("id"):
            self.events.append(str(record["id"]))

    def attributes(self) -> dict[str, Any]:
        mean = sum(self.intensities) / len(self.intensities) if self.intensities else 0.0
        return {
            "count": self.count,
            "weight": self.count,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "reciprocal": self.reciprocal,
            "intensity": round(mean, 4),
            "first_date": min(self.dates, default=""),
            "last_date": max(self.dates, default=""),
            "categories": ";".join(sorted(self.categories)),
            "events": ";".join(self.events),
        }


def _keyed(record: Record, role: str) -> dict[str, Mapping[str, Any]]:
    """The role's actors by node key (first actor of a key wins), in order."""
    keyed: dict[str, Mapping[str, Any]] = {}
    for actor in actors(record, role):
        key = actor_key(actor)
        if key is not None:
            keyed.setdefault(key, actor)
    return keyed


def _links(sources: list[str], targets: list[str]) -> tuple[list[tuple[str, str]], bool]:
    """The (actor, recipient) pairs of an event and whether it is reciprocal."""
    if targets:
        return [(s, t) for s in sources for t in targets], False
    return list(permutations(sources, 2)), True


def actor_network(
    records: Iterable[RecordLike], *, exclude_modality: frozenset[str] = DEFAULT_EXCLUDED_MODALITY
) -> nx.DiGraph:
    """The actor network of the records (see the module): nodes are actors, edges aggregated events.

    The graph attribute ``events`` is the number of records that entered it (those not excluded).
    """
    nodes: dict[str, _Node] = {}
    edges: dict[tuple[str, str], _Edge] = {}
    used = 0
    for record in iter_records(records):
        if exclude_modality.intersection(record.get("modality") or ()):
            continue
        used += 1
        sources, targets = _keyed(record, "actor"), _keyed(record, "recipient")
        for key in {**sources, **targets}:
            nodes.setdefault(key, _Node()).count += 1
        for key, actor in [*sources.items(), *targets.items()]:
            nodes[key].see(actor)
        pairs, reciprocal = _links(list(sources), list(targets))
        for pair in pairs:
            edges.setdefault(pair, _Edge()).add(record, reciprocal)
    graph = nx.DiGraph(name="newsgraph actor network", events=used)
    for key, node in nodes.items():
        graph.add_node(key, **node.attributes(key))
    for (source, target), edge in edges.items():
        graph.add_edge(source, target, **edge.attributes())
    return graph


def write_gexf(records: Iterable[RecordLike], path: str | os.PathLike[str]) -> int:
    """Write the actor network as GEXF 1.2, whole or not at all; return the number of events in it.

    The ``meta`` element names newsgraph and networkx as creator and has no ``lastmodifieddate``: the file does not
    depend on the day it is written.
    """
    graph = actor_network(records)
    write_graph_gexf(graph, path)
    return int(graph.graph["events"])


def write_graph_gexf(graph: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as GEXF 1.2, whole or not at all, with no date in its ``meta`` element."""
    from newsgraph import __version__

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)
        creator = meta.find("creator")
        if creator is not None:
            creator.text = f"newsgraph {__version__} (NetworkX {nx.__version__})"
    writer.add_graph(graph)
    with atomic_path(path) as temporary, temporary.open("wb") as stream:
        writer.write(stream)


def write_graphml(records: Iterable[RecordLike], path: str | os.PathLike[str]) -> int:
    """Write the actor network as GraphML, whole or not at all; return the number of events in it."""
    graph = actor_network(records)
    write_graph_graphml(graph, path)
    return int(graph.graph["events"])


def write_graph_graphml(graph: nx.Graph, path: str | os.PathLike[str]) -> None:
    """Write a graph as GraphML, whole or not at all."""
    with atomic_path(path) as temporary, temporary.open("wb") as stream:
        nx.write_graphml(graph, stream)

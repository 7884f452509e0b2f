"""PNG pictures with matplotlib: the signed actor network, and one actor's events and relations over time."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.figure import Figure  # a Figure of its own, not pyplot: no backend chosen for the caller
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from newsgraph.export._io import atomic_path
from newsgraph.store.dates import first_day
from newsgraph.system.model import Relation

COOPERATION = "#2e8b57"
CONFLICT = "#c0392b"
NEUTRAL = "#8c8c8c"
SECTOR_COLOURS = {
    "GOV": "#4c72b0", "MIL": "#55a868", "REB": "#c44e52", "IGO": "#8172b2", "NGO": "#ccb974", "JRN": "#64b5cd",
    "ELI": "#937860", "OPP": "#da8bc3", "BUS": "#8c8c8c", "CVL": "#dd8452",
}  # fmt: skip
OTHER_SECTOR = "#b0b0b0"


def _save(figure: Figure, path: str | os.PathLike[str]) -> None:
    with atomic_path(path) as temporary, temporary.open("wb") as stream:
        figure.savefig(stream, format="png", dpi=120, bbox_inches="tight")


def draw_network(graph: nx.DiGraph, path: str | os.PathLike[str], title: str = "Actor network") -> None:
    """Nodes coloured by sector and sized by events, labelled; edges green (cooperation) or red (conflict), as wide
    as their events are many, dashed when only a relation (no event) links them; a legend explains it all."""
    figure = Figure(figsize=(12, 8))
    axes = figure.subplots()
    axes.set_title(title)
    axes.axis("off")
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, "no actors in this window", ha="center", va="center", transform=axes.transAxes)
        _save(figure, path)
        return
    layout = nx.spring_layout(graph.to_undirected(), seed=7, k=2.5 / math.sqrt(graph.number_of_nodes()))
    sizes = [300 + 120 * math.sqrt(graph.nodes[n].get("count", 0)) for n in graph]
    colours = [SECTOR_COLOURS.get(graph.nodes[n].get("sector", ""), OTHER_SECTOR) for n in graph]
    nx.draw_networkx_nodes(graph, layout, node_size=sizes, node_color=colours, alpha=0.9, ax=axes)
    for style in ("solid", "dashed"):  # edges with events, then those only a relation draws
        edges = [(a, b, d) for a, b, d in graph.edges(data=True) if (d.get("count", 0) > 0) == (style == "solid")]
        if not edges:
            continue
        nx.draw_networkx_edges(
            graph, layout, edgelist=[(a, b) for a, b, _ in edges], ax=axes, style=style, arrows=True, arrowsize=12,
            width=[1 + 1.5 * math.log1p(d.get("count", 0)) for _, _, d in edges],
            edge_color=[COOPERATION if d.get("sign", 0) > 0 else CONFLICT if d.get("sign", 0) < 0 else NEUTRAL
                        for _, _, d in edges],
            connectionstyle="arc3,rad=0.08", node_size=sizes,
        )  # fmt: skip
    labels = {n: graph.nodes[n].get("label") or n for n in graph}
    nx.draw_networkx_labels(graph, layout, labels=labels, font_size=9, ax=axes,
                            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.75})  # fmt: skip
    sectors = sorted({graph.nodes[n].get("sector", "") for n in graph} - {""})
    handles = [
        Line2D([0], [0], color=COOPERATION, lw=3, label="more cooperation than conflict"),
        Line2D([0], [0], color=CONFLICT, lw=3, label="more conflict than cooperation"),
        Line2D([0], [0], color=NEUTRAL, lw=3, label="even"),
        Line2D([0], [0], color="black", lw=1.5, ls="--", label="a relation only (no event)"),
        *(Patch(color=SECTOR_COLOURS.get(s, OTHER_SECTOR), label=f"sector {s}") for s in sectors),
    ]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=True,
                title="edge width: events")  # fmt: skip
    _save(figure, path)


def _relation_label(relation: Relation) -> str:
    subject = relation.subject.name or relation.subject.text
    if relation.type == "mediates":
        return f"{subject} mediates {'-'.join(p.name or p.text for p in relation.parties) or '?'}"
    other = relation.object.name or relation.object.text if relation.object is not None else "?"
    return f"{subject} {relation.type.replace('_', ' ')} {other}"


def _draw_relation(axes: Axes, relation: Relation, y: int, start: date, end: date) -> None:
    """A bar while the relation held, dashed while suspended, a cross where it ended, a hollow dot when it was
    only proposed or rejected."""
    colour = CONFLICT if relation.type == "opposes" else COOPERATION
    begin = first_day(relation.valid_from)
    stop = first_day(relation.valid_to)
    if relation.status in ("proposed", "rejected"):
        axes.plot([begin or start], [y], marker="o", ms=9, mfc="white", mec=colour, mew=2, lw=0)
        return
    held_until = stop if relation.status in ("ended", "suspended") and stop else end
    axes.plot([begin or start, held_until], [y, y], color=colour, lw=6, solid_capstyle="butt", alpha=0.85)
    if relation.status == "suspended" and stop:
        axes.plot([stop, end], [y, y], color=colour, lw=2, ls="--")
    if relation.status == "ended" and stop:
        axes.plot([stop], [y], marker="x", color="black", ms=9, mew=2, lw=0)


def draw_timeline(label: str, records: Iterable[Mapping[str, Any]], relations: list[Relation],
                  path: str | os.PathLike[str]) -> int:  # fmt: skip
    """One actor's events (a dot per event, by category, green cooperation, red conflict) and its relations (a bar
    while each held, see ``_draw_relation``). Returns the number of events drawn."""
    events = [(d, r) for r in records if (d := first_day(r.get("date"))) is not None]
    categories = sorted({r["event"] for _, r in events})
    rows = len(categories) + len(relations)
    figure = Figure(figsize=(11, max(3.5, 0.45 * rows + 1.8)))
    axes = figure.subplots()
    axes.set_title(f"{label}: events and relations over time")
    ticks, names = [], []
    for y, category in enumerate(categories):
        ticks.append(y)
        names.append(category)
        dated = [(d, r) for d, r in events if r["event"] == category]
        colours = [COOPERATION if r.get("quad") in (1, 2) else CONFLICT for _, r in dated]
        axes.scatter([d for d, _ in dated], [y] * len(dated), c=colours, s=40, zorder=3)
    all_days = [d for d, _ in events] + [d for r in relations for d in (first_day(r.valid_from), first_day(r.valid_to)) if d]
    start = min(all_days) if all_days else date.today()
    end = max(all_days) if all_days else date.today()
    end = end + max((end - start) * 0.04, timedelta(days=3))  # room to show what still stands
    for n, relation in enumerate(relations):
        y = len(categories) + n
        ticks.append(y)
        names.append(f"{_relation_label(relation)} [{relation.status}]")
        _draw_relation(axes, relation, y, start, end)
    axes.set_yticks(ticks, names, fontsize=8)
    axes.grid(axis="x", alpha=0.3)
    if rows == 0:
        axes.text(0.5, 0.5, "no events or relations for this actor", ha="center", va="center", transform=axes.transAxes)
    handles = [
        Line2D([0], [0], marker="o", color="w", markerfacecolor=COOPERATION, ms=8, label="cooperation event"),
        Line2D([0], [0], marker="o", color="w", markerfacecolor=CONFLICT, ms=8, label="conflict event"),
        Line2D([0], [0], color="black", lw=5, label="relation holds (green: ties, red: at odds)"),
        Line2D([0], [0], color="black", lw=2, ls="--", label="relation suspended since"),
        Line2D([0], [0], marker="x", color="black", lw=0, ms=8, label="relation ended"),
        Line2D([0], [0], marker="o", color="black", markerfacecolor="white", lw=0, ms=8,
               label="proposed or rejected (hypothetical)"),
    ]
    axes.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    figure.autofmt_xdate()
    _save(figure, path)
    return len(events)

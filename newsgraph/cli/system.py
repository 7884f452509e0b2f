"""System commands: ``state`` (the relations as of a date), ``mediators`` (who mediates between two sides),
``network`` (the signed actor network as a file or picture) and ``timeline`` (one actor over time, as a picture).

Each reads either article files (coded on the fly) or a store filled by ``newsgraph ingest`` (``--db``)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.options import KbOption, err, fail, settings_with
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError, OutputError, QueryError
from newsgraph.model import Actor
from newsgraph.store.dates import first_day

PathsArgument = Annotated[
    list[Path] | None, typer.Argument(help="Article files (.txt, .html, .jsonl) to read; or use --db.", show_default=False)
]
FromDb = Annotated[Path | None, typer.Option("--db", help="Read a store filled by newsgraph ingest instead of files.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="The date to stand at, YYYY-MM-DD (default: all known).")]


class StateFormat(str, Enum):
    table = "table"
    json = "json"


class NetworkFormat(str, Enum):
    gexf = "gexf"
    graphml = "graphml"
    json = "json"
    png = "png"


@dataclass
class Sources:
    """Claims and event records, from files or a store; ``rejected``: inputs that could not be read."""

    claims: Any  # a Store, or a list of Claims
    records: list[dict[str, Any]] = field(default_factory=list)
    rejected: int = 0

    def exit_code(self) -> int:
        """1 when some input was rejected (as ``extract``), after the output is written."""
        return 1 if self.rejected else 0


def _as_of(value: str | None) -> date | None:
    from newsgraph.system.api import as_of_date

    return as_of_date(value, "--as-of")


@contextmanager
def sources(paths: list[Path] | None, db: Path | None, settings: Settings, *, since: str | None = None,
            until: str | None = None, records: bool = False) -> Iterator[Sources]:  # fmt: skip
    """Open the store, or read and code the files (bad inputs are reported on standard error, not fatal)."""
    if bool(paths) == (db is not None):
        raise QueryError("give article files or --db FILE (one of the two)")
    if db is not None:
        from newsgraph.store import Store

        if not db.exists():
            raise QueryError(f"no store at {db} (fill one with: newsgraph ingest FILES --db {db})")
        with Store.open(db) as store:
            if not store.has_claims() and store.has_documents():
                err.print(f"warning: {db} was filled before newsgraph stored relations; ingest the articles into a "
                          "new store to see them", markup=False, highlight=False)  # fmt: skip
            found = store.events(since=since, until=until, limit=None) if records else []
            yield Sources(store, found)
        return
    from newsgraph.api import read_articles
    from newsgraph.cli.extract import Tally, read_inputs
    from newsgraph.store.queries import bound

    tally = Tally()
    claims, found = [], []
    start, stop = bound(since, end=False), bound(until, end=True)
    for _, events, article_claims in read_articles(read_inputs(paths or [], None, settings, err, tally), settings=settings):
        claims.extend(article_claims)
        found.extend(e.to_dict() for e in events if _within(e.date, start, stop))
    if not claims and not found and tally.rejected:
        raise QueryError("no input could be read")
    yield Sources(claims, found, len(tally.rejected))


def _within(value: str | None, start: str | None, stop: str | None) -> bool:
    """Whether an event date (a month or year counting from its first day) lies in [start, stop]."""
    if start is None and stop is None:
        return True
    day = first_day(value)
    if day is None:
        return False
    return (start is None or day.isoformat() >= start) and (stop is None or day.isoformat() <= stop)


def _actor_text(actor: dict[str, Any] | None) -> str:
    return (actor.get("name") or actor.get("text") or "?") if actor else "-"


def _print_state(document: dict[str, Any], console: Console) -> None:
    table = Table(title=f"relations as of {document['as_of'] or 'all dates'}", show_lines=False)
    for column in ("relation", "subject", "object / sides", "status", "from", "to", "modality", "said by", "strength", "evidence"):
        table.add_column(column, overflow="fold")
    for r in document["relations"]:
        other = " & ".join(_actor_text(p) for p in r["parties"]) if r["type"] == "mediates" else _actor_text(r["object"])
        latest = r["evidence"][-1]["sentence"].strip() if r["evidence"] else ""
        table.add_row(
            r["type"], _actor_text(r["subject"]), other, r["status"], r["valid_from"] or "", r["valid_to"] or "",
            ",".join(r["modality"]), _actor_text(r["attribution"]) if r["attribution"] else "", f"{r['strength']:.2f} {r['trend']}",
            (latest[:140] + "…" if len(latest) > 140 else latest) + (f" (+{r['evidence_count'] - 1})" if r["evidence_count"] > 1 else ""),
        )  # fmt: skip
    console.print(table)


def state_cmd(
    paths: PathsArgument = None,
    db: FromDb = None,
    as_of: AsOf = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only this actor's relations (name, KB id or country).")] = None,
    fmt: Annotated[StateFormat, typer.Option("--format", "-f", help="table, or json (one document).")] = StateFormat.table,
    kb: KbOption = None,
) -> None:
    """The system as of a date: who supports, opposes, hosts, mediates between and negotiates with whom, with
    status, dates, sources and the sentences behind each relation.

    Example: newsgraph state examples/qatar-turkey-hamas-2024-11-18.txt --as-of 2024-11-18 --format json
    """
    from newsgraph.api import knowledge_base
    from newsgraph.system import system_state

    settings = settings_with(kb)
    try:
        day = _as_of(as_of)
        with sources(paths, db, settings) as found:
            document = system_state(found.claims, day, actor, kb=knowledge_base(settings)).to_dict()
    except NewsgraphError as e:
        raise fail(e) from e
    if fmt is StateFormat.json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        _print_state(document, Console(width=200))
    raise typer.Exit(found.exit_code())


def mediators_cmd(
    side_a: Annotated[str, typer.Argument(metavar="A", help="One side (name, KB id or country code).")],
    side_b: Annotated[str, typer.Argument(metavar="B", help="The other side.")],
    paths: PathsArgument = None,
    db: FromDb = None,
    as_of: AsOf = None,
    fmt: Annotated[StateFormat, typer.Option("--format", "-f", help="table, or json (one document).")] = StateFormat.table,
    kb: KbOption = None,
) -> None:
    """Who mediates between A and B (active, suspended, proposed), ranked by how acceptable each is to both
    sides, with the reasons and the sentences behind them.

    Example: newsgraph mediators Israel Hamas examples/qatar-turkey-hamas-2024-11-18.txt --as-of 2024-11-18
    """
    from newsgraph.api import knowledge_base
    from newsgraph.system import rank_mediators

    settings = settings_with(kb)
    try:
        day = _as_of(as_of)
        with sources(paths, db, settings) as found:
            report = rank_mediators(found.claims, side_a, side_b, day, kb=knowledge_base(settings))
    except NewsgraphError as e:
        raise fail(e) from e
    if fmt is StateFormat.json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
        raise typer.Exit(found.exit_code())
    console = Console(width=200)
    a, b = (x.name or x.text for x in report.between)
    console.print(f"mediators between {a} and {b}" + (f" as of {report.as_of}" if report.as_of else ""), markup=False)
    if not report.candidates:
        console.print("  none known", markup=False)
    for n, c in enumerate(report.candidates, 1):
        accept = ", ".join(f"to {side}: {value:.1f}" for side, value in c.acceptability.items())
        console.print(f"{n}. {c.mediator.name or c.mediator.text}  score {c.score:.2f}  ({c.status}; acceptable {accept})",
                      markup=False, highlight=False)  # fmt: skip
        for reason in c.reasons:
            console.print(f"     - {reason}", markup=False, highlight=False)
    raise typer.Exit(found.exit_code())


def network_cmd(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write (.gexf, .graphml, .json or .png).")],
    paths: PathsArgument = None,
    db: FromDb = None,
    as_of: AsOf = None,
    since: Annotated[str | None, typer.Option("--since", help="Events from this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events until this date (default: --as-of).")] = None,
    fmt: Annotated[NetworkFormat | None, typer.Option("--format", "-f", help="gexf, graphml, json or png (default: from the file name).")] = None,
    kb: KbOption = None,
) -> None:
    """The signed, weighted actor network: events between organisations and states, green where cooperation
    dominates and red where conflict does, with the relations standing as of the date.

    Example: newsgraph network examples/qatar-turkey-hamas-2024-11-18.txt --as-of 2024-11-18 -o network.png
    """
    from newsgraph.api import knowledge_base
    from newsgraph.system import system_state
    from newsgraph.system.network import as_of_window, signed_network

    settings = settings_with(kb)
    try:
        kind = fmt.value if fmt is not None else output.suffix.lower().lstrip(".")
        if kind not in {f.value for f in NetworkFormat}:
            raise OutputError(f"cannot tell the format from {output.name!r}: use --format gexf, graphml, json or png")
        day = _as_of(as_of)
        start, stop = as_of_window(day, since, until)
        knowledge = knowledge_base(settings)
        with sources(paths, db, settings, since=start, until=stop, records=True) as found:
            state = system_state(found.claims, day, kb=knowledge)
            graph = signed_network(found.records, knowledge, state)
        _write_network(graph, output, kind, day)
    except NewsgraphError as e:
        raise fail(e) from e
    err.print(f"wrote {output}: {graph.number_of_nodes()} actors, {graph.number_of_edges()} edges", markup=False, highlight=False)
    raise typer.Exit(found.exit_code())


def _write_network(graph: Any, output: Path, kind: str, day: date | None) -> None:
    import networkx as nx

    from newsgraph.export._io import atomic_path
    from newsgraph.export.network import write_graph_gexf, write_graph_graphml
    from newsgraph.system.pictures import draw_network

    try:
        if kind == "gexf":
            write_graph_gexf(graph, output)
        elif kind == "graphml":
            write_graph_graphml(graph, output)
        elif kind == "json":
            with atomic_path(output) as temporary:
                temporary.write_text(json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, indent=1), encoding="utf-8")
        else:
            draw_network(graph, output, title="Actor network" + (f" as of {day}" if day else ""))
    except OSError as e:
        raise OutputError(f"cannot write there: {e.strerror or e}", source=str(output)) from e


def timeline_cmd(
    actor: Annotated[str, typer.Option("--actor", help="The actor (name, KB id or country code).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The PNG file to write.")],
    paths: PathsArgument = None,
    db: FromDb = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Until this date (YYYY-MM-DD).")] = None,
    kb: KbOption = None,
) -> None:
    """An actor's events and relations over time, as a PNG picture.

    Example: newsgraph timeline --actor Qatar examples/qatar-turkey-hamas-2024-11-18.txt -o qatar.png
    """
    from newsgraph.api import knowledge_base
    from newsgraph.store.queries import bound
    from newsgraph.system import system_state
    from newsgraph.system.api import side
    from newsgraph.system.model import actor_key
    from newsgraph.system.network import aggregated_record
    from newsgraph.system.pictures import draw_timeline

    settings = settings_with(kb)
    try:
        stop = bound(until, end=True)  # checked before any article is read
        bound(since, end=False)
        day = first_day(stop)
        knowledge = knowledge_base(settings)
        with sources(paths, db, settings, since=since, until=until, records=True) as found:
            state = system_state(found.claims, day, kb=knowledge)
            records = [aggregated_record(r, knowledge) for r in found.records]
        key = actor_key(side(actor, state, knowledge, day))
        mine = [r for r in records if any(actor_key(Actor.from_dict(a)) == key for a in (*r["actor"], *r["recipient"]))]
        relations = [r for r in state.relations if r.type not in ("leads", "member_of") and key and r.involves(key)]
        try:
            n = draw_timeline(actor, mine, relations, output)
        except OSError as e:
            raise OutputError(f"cannot write there: {e.strerror or e}", source=str(output)) from e
    except NewsgraphError as e:
        raise fail(e) from e
    err.print(f"wrote {output}: {n} events, {len(relations)} relations", markup=False, highlight=False)
    raise typer.Exit(found.exit_code())

"""Corpus commands: ``ingest`` inputs into the store, query ``events``, ``search`` sentences, ``stats``, ``export``."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsgraph.cli.options import KbOption, ListFormat, err, fail, settings_with
from newsgraph.errors import NewsgraphError

DbOption = Annotated[Path, typer.Option("--db", help="The store: a SQLite file, created if missing.")]
DEFAULT_DB = Path("newsgraph.db")


class Runner(str, Enum):
    local = "local"
    ray = "ray"


class ExportFormat(str, Enum):
    plover_jsonl = "plover-jsonl"
    polecat = "polecat"
    gdelt = "gdelt"
    csv = "csv"
    parquet = "parquet"
    gexf = "gexf"
    graphml = "graphml"


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files and directories (.txt, .html, .jsonl, RSS/Atom .xml).")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option("--workers", help="Worker processes (default: the number of cores).")] = 0,
    runner: Annotated[Runner, typer.Option("--runner", help="local processes, or ray (pip install 'newsgraph[ray]').")] = Runner.local,
    kb: KbOption = None,
) -> None:
    """Code inputs into the store, each once: rerun after a crash, it takes up where it stopped.

    Example: newsgraph ingest news/ --db corpus.db --workers 2
    """
    from newsgraph.runner import ingest

    count = workers or os.cpu_count() or 1
    columns = (TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} articles/s"),
               TimeElapsedColumn())  # fmt: skip
    try:
        with Progress(*columns, console=err, transient=False) as progress:
            task = progress.add_task("ingest", total=None, rate="-")

            def advance(n: int) -> None:
                progress.advance(task, n)
                elapsed = progress.tasks[0].elapsed or 0.0
                done = progress.tasks[0].completed
                progress.update(task, rate=f"{done / elapsed:.1f}" if elapsed else "-")

            report = ingest(paths, db, settings=settings_with(kb), workers=count, runner=runner.value, progress=advance)
    except NewsgraphError as e:
        raise fail(e) from e
    for problem in report.problems:
        err.print(f"rejected: {problem}", markup=False, highlight=False)
    err.print(
        f"coded {report.coded}, no event {report.no_event}, duplicate {report.duplicate}, rejected {report.rejected}, "
        f"already stored {report.skipped}; {report.events} events into {db}",
        markup=False,
    )
    raise typer.Exit(code=1 if report.rejected else 0)


def events_cmd(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor: KB id, country code or name.")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Recipient: KB id, country code or name.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER category, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Until this date (YYYY-MM-DD).")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence", help="Only events at least this sure.")] = None,
    include_hypothetical: Annotated[bool, typer.Option("--include-hypothetical", help="Also negated and hypothetical events.")] = False,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table, jsonl or csv.")] = ListFormat.table,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many events.")] = None,
) -> None:
    """List stored events, with how many mentions, articles and sources report each.

    Example: newsgraph events --actor QAT --type SANCTION --format jsonl
    """
    from newsgraph.store import Store

    try:
        store = Store.open(db)
        try:
            records = store.events(actor=actor, recipient=recipient, type=type_, since=since, until=until,
                                   min_confidence=min_confidence, include_hypothetical=include_hypothetical,
                                   limit=limit)  # fmt: skip
        finally:
            store.close()
    except NewsgraphError as e:
        raise fail(e) from e
    _print_records(records, fmt.value)


def _print_records(records: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        from newsgraph.export import export

        export(records, "csv", sys.stdout)
        return
    table = Table(title=f"{len(records)} events")
    for name in ("date", "event", "actor -> recipient", "modality", "mentions", "articles", "sentence"):
        table.add_column(name, overflow="fold")
    for r in records:
        who = ";".join(a.get("name") or a["text"] for a in r["actor"]) + " -> " + (
            ";".join(a.get("name") or a["text"] for a in r["recipient"]) or "-")  # fmt: skip
        table.add_row(r.get("date") or "", r["event"], who, ",".join(r.get("modality") or []),
                      str(r.get("num_mentions", "")), str(r.get("num_articles", "")), r["sentence"][:80])  # fmt: skip
    Console(width=200 if not sys.stdout.isatty() else None).print(table)


def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (SQLite FTS5 syntax: ceasefire, \"hostage deal\", Qatar AND Hamas).")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", help="At most this many sentences.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Full-text search over stored sentences and headlines, with the events of each sentence.

    Example: newsgraph search "ceasefire" --db corpus.db
    """
    from newsgraph.store import Store

    try:
        store = Store.open(db)
        try:
            hits = store.search(query, limit=limit)
        finally:
            store.close()
    except NewsgraphError as e:
        raise fail(e) from e
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit, ensure_ascii=False) + "\n")
        return
    console = Console(soft_wrap=True)
    for hit in hits:
        console.print(Text(hit.get("title") or hit["doc_id"], style="bold"))
        snippet = Text("  " + hit["snippet"])  # article text: shown as text, the hits highlighted
        snippet.highlight_regex(r"\[[^\]]*\]", "bold yellow")
        console.print(snippet)
        for event in hit.get("events") or []:
            who = ";".join(a.get("name") or a["text"] for a in event["actor"])
            whom = ";".join(a.get("name") or a["text"] for a in event["recipient"]) or "-"
            console.print(f"    {event['event']}: {who} -> {whom}", markup=False)


def stats_cmd(db: DbOption = DEFAULT_DB, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Documents by status and events by category.

    Example: newsgraph stats --db corpus.db
    """
    from newsgraph.store import Store

    try:
        store = Store.open(db)
        try:
            stats = store.stats()
        finally:
            store.close()
    except NewsgraphError as e:
        raise fail(e) from e
    if as_json:
        sys.stdout.write(json.dumps(stats) + "\n")
        return
    console = Console()
    for section, counts in stats.items():
        if isinstance(counts, dict):
            console.print(f"{section}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), markup=False)
        else:
            console.print(f"{section}: {counts}", markup=False)


def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="plover-jsonl, polecat, gdelt, csv, parquet, gexf or graphml.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    db: DbOption = DEFAULT_DB,
    include_hypothetical: Annotated[bool, typer.Option("--include-hypothetical", help="Also negated and hypothetical events.")] = False,
) -> None:
    """Export stored events in a format your tools read (GDELT's Goldstein column holds PLOVER's intensity).

    Example: newsgraph export --format gexf -o network.gexf
    """
    from newsgraph.export import export
    from newsgraph.store import Store

    try:
        store = Store.open(db)
        try:
            records = store.events(include_hypothetical=include_hypothetical)
        finally:
            store.close()
        written = export(records, fmt.value, output)
    except NewsgraphError as e:
        raise fail(e) from e
    err.print(f"wrote {written} events to {output}", markup=False)

"""The ``newsgraph`` command: thin commands that parse options, call the API and render the result."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.cli import corpus, serve, system
from newsgraph.cli.actors import actors_app
from newsgraph.cli.options import KbOption, ListFormat, err, fail, settings_with
from newsgraph.errors import NewsgraphError

app = typer.Typer(
    name="newsgraph",
    help="Turn news articles into sourced PLOVER events: who did what to whom, when, where, and who says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score the coder on labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(actors_app, name="actors")
app.command("ingest")(corpus.ingest_cmd)
app.command("events")(corpus.events_cmd)
app.command("search")(corpus.search_cmd)
app.command("stats")(corpus.stats_cmd)
app.command("export")(corpus.export_cmd)
app.command("state")(system.state_cmd)
app.command("mediators")(system.mediators_cmd)
app.command("network")(system.network_cmd)
app.command("timeline")(system.timeline_cmd)
app.command("serve")(serve.serve_cmd)




@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files: .txt, .html or .jsonl (one article per line); - reads standard input.")
    ],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="table (readable), jsonl (records) or csv.")] = ListFormat.table,
    date: Annotated[str | None, typer.Option("--date", help="Publication date YYYY-MM-DD; overrides the file's.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")] = None,
    kb: KbOption = None,
) -> None:
    """Code the events of articles.

    Example: newsgraph extract examples/qatar-turkey-hamas-2024-11-18.txt --format jsonl
    """
    from newsgraph.cli.extract import run_extract

    settings = settings_with(kb)
    try:
        _report_kb_problems(settings)
        code = run_extract(paths, fmt.value, date, output, settings, err)
    except NewsgraphError as e:
        raise fail(e) from e
    raise typer.Exit(code=code)


@eval_app.command("pairs")
def eval_pairs(
    path: Annotated[Path, typer.Argument(help="JSONL of sentences with <s>actor</s> and <t>recipient</t> marked, and a label.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one compact JSON object with the scores.")] = False,
) -> None:
    """Score the coder on labelled actor-recipient pairs.

    Each line of FILE is a JSON object with `text`, `marked_text` (the actor between <s> and </s>, the recipient
    between <t> and </t>), `label` (a PLOVER category; YIELD stands for CONCEDE or RETREAT) and `quad`. The coder
    names the category of what the actor does to the recipient. Printed: n (every record), accuracy, macro-F1
    over the 15 labels, quad accuracy, and coverage: the share of records where an event the coder extracts on its
    own links the two spans (the rest are coded from the best trigger between them). NONE in the confusion
    matrix means no category was found.

    Example: newsgraph eval pairs pairs_dev.jsonl --json
    """
    from newsgraph.cli.render import print_scores
    from newsgraph.eval.pairs import evaluate_pairs

    try:
        scores = evaluate_pairs(path, settings_with(None))
    except NewsgraphError as e:
        raise fail(e) from e
    except OSError as e:
        err.print(f"[red]error:[/red] {path}: {e.strerror or e}")
        raise typer.Exit(code=1) from e
    if as_json:
        sys.stdout.write(json.dumps(scores.summary(), separators=(",", ":")) + "\n")
        return
    print_scores(scores, Console(width=200))


@eval_app.command("actors")
def eval_actors(
    path: Annotated[Path, typer.Argument(help="YAML list of {text, date, country, sector, person} to resolve.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one compact JSON object with the scores.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="List the strings resolved wrongly.")] = False,
    kb: KbOption = None,
) -> None:
    """Score actor resolution: the share of strings whose country, sector and person all come out as expected.

    Example: newsgraph eval actors tests/data/actor_resolution.yaml --errors
    """
    from newsgraph.eval.actors import evaluate_actors, summary

    try:
        results = evaluate_actors(path, settings_with(kb))
    except NewsgraphError as e:
        raise fail(e) from e
    scores = summary(results)
    if as_json:
        sys.stdout.write(json.dumps(scores, separators=(",", ":")) + "\n")
        return
    console = Console(soft_wrap=True)
    console.print(" ".join(f"{k}={v}" for k, v in scores.items()), markup=False)
    if errors:
        for r in results:
            if not r.ok:
                a = r.resolution.actor
                console.print(
                    f"  {r.case.text!r} {r.case.day}: expected {r.case.country}/{r.case.sector}/{r.case.person or '-'}, "
                    f"got {a.country}/{a.sector}/{a.name or '-'}",
                    markup=False,
                )


@eval_app.command("spans")
def eval_spans(
    path: Annotated[Path, typer.Argument(help="JSONL of sentences with <s>actor</s> and <t>recipient</t> marked, and a label.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one compact JSON object with the figures.")] = False,
    sample: Annotated[int, typer.Option("--sample", help="Also print this many resolved spans at random, as JSON lines, to check by hand.")] = 0,
    seed: Annotated[int, typer.Option("--seed", help="The random sample's seed.")] = 1,
    kb: KbOption = None,
) -> None:
    """What the resolver and the coder make of the marked spans of a pairs file (the format of `eval pairs`).

    Spans: the share of marked actors and recipients that resolve, in their sentence, to a country or an
    organisation code. Sentences: the share of sentences for which the coder, reading the sentence alone, extracts
    an event of the labelled category whose actor and recipient countries are those of the marked spans (the
    record's `actor_countries` and `recipient_countries` lists when it has them, else the countries the resolver
    reads from the spans; a sentence with no country on either side is not scored).

    Example: newsgraph eval spans pairs_dev.jsonl --sample 100 --seed 7
    """
    from newsgraph.eval.spans import evaluate, sample as draw, summary

    try:
        readings, sentences = evaluate(path, settings_with(kb))
    except NewsgraphError as e:
        raise fail(e) from e
    except OSError as e:
        err.print(f"[red]error:[/red] {path}: {e.strerror or e}")
        raise typer.Exit(code=1) from e
    figures = summary(readings, sentences)
    if as_json:
        sys.stdout.write(json.dumps(figures, separators=(",", ":")) + "\n")
    else:
        Console(soft_wrap=True).print(" ".join(f"{k}={v}" for k, v in figures.items()), markup=False)
    for reading in draw(readings, sample, seed) if sample > 0 else []:
        sys.stdout.write(json.dumps(reading.to_dict(), ensure_ascii=False) + "\n")


def _report_kb_problems(settings: object) -> None:
    from newsgraph.api import knowledge_base

    for problem in knowledge_base(settings).problems:  # type: ignore[arg-type]
        err.print(f"kb: {problem}", markup=False, highlight=False)


def main() -> None:
    app()

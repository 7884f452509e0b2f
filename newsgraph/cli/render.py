"""Rendering events and scores for the terminal and for files: table, JSONL, CSV."""

from __future__ import annotations

import csv
import json
from typing import Protocol, TextIO

from rich.console import Console
from rich.table import Table

from newsgraph.model import Actor, Article, Event

CSV_FIELDS = (
    "id", "doc_id", "event", "mode", "context", "quad", "intensity", "cameo", "actor", "actor_country",
    "actor_sector", "recipient", "recipient_country", "recipient_sector", "modality", "attribution", "date",
    "date_precision", "date_raw", "date_source", "location", "sentence", "sentence_start", "sentence_end",
    "trigger", "trigger_start", "trigger_end", "confidence", "rule", "coder", "ontology", "source", "url", "title",
    "publisher",
)  # fmt: skip


class EventWriter(Protocol):
    def write(self, article: Article, events: list[Event]) -> None: ...
    def close(self) -> None: ...


def _names(actors: tuple[Actor, ...]) -> str:
    return ";".join(a.label for a in actors)


def _field(actors: tuple[Actor, ...], attribute: str) -> str:
    return ";".join(getattr(a, attribute) or "" for a in actors)


class JsonlWriter:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, article: Article, events: list[Event]) -> None:
        for event in events:
            self.stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    """One row per event; list fields joined with ``;``."""

    def __init__(self, stream: TextIO) -> None:
        self.writer = csv.writer(stream)
        self.writer.writerow(CSV_FIELDS)
        self.stream = stream

    def write(self, article: Article, events: list[Event]) -> None:
        for e in events:
            self.writer.writerow(
                [
                    e.id, e.doc_id, e.event, e.mode or "", ";".join(e.context), e.quad, e.intensity, e.cameo or "",
                    _names(e.actor), _field(e.actor, "country"), _field(e.actor, "sector"), _names(e.recipient),
                    _field(e.recipient, "country"), _field(e.recipient, "sector"), ";".join(e.modality),
                    e.attribution.label if e.attribution else "", e.date or "", e.date_precision or "",
                    e.date_raw or "", e.date_source or "", e.location.text if e.location else "", e.sentence,
                    e.sentence_start, e.sentence_end, e.trigger.text, e.trigger.start, e.trigger.end, e.confidence,
                    e.rule, e.coder, e.ontology, e.source or "", e.url or "", e.title or "", e.publisher or "",
                ]  # fmt: skip
            )

    def close(self) -> None:
        self.stream.flush()


class TableWriter:
    """A readable table per article: category, actor -> recipient, date, modality, attribution, sentence."""

    def __init__(self, stream: TextIO) -> None:
        self.console = Console(file=stream, width=None if stream.isatty() else 160)

    def write(self, article: Article, events: list[Event]) -> None:
        title = " - ".join(part for part in (article.source, article.title) if part) or article.doc_id
        table = Table(title=f"{title} ({len(events)} events)", show_lines=False, expand=False)
        for name in ("event", "actor -> recipient", "date", "modality", "attribution", "sentence"):
            table.add_column(name, overflow="fold")
        for e in events:
            who = f"{_names(e.actor)} -> {_names(e.recipient) or '-'}"
            event = e.event + (f" ({e.mode})" if e.mode else "")
            snippet = e.sentence if len(e.sentence) <= 90 else e.sentence[:87] + "..."
            table.add_row(
                event, who, e.date or "", ",".join(e.modality), e.attribution.text if e.attribution else "", snippet
            )
        self.console.print(table)

    def close(self) -> None:
        pass


def writer_for(fmt: str, stream: TextIO) -> EventWriter:
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    return TableWriter(stream)


def print_scores(scores: object, console: Console) -> None:
    from newsgraph.eval.pairs import LABELS, Scores

    assert isinstance(scores, Scores)
    summary = scores.summary()
    console.print(
        f"n={summary['n']}  accuracy={summary['accuracy']:.3f}  macro-F1={summary['macro_f1']:.3f}  "
        f"quad accuracy={summary['quad_accuracy']:.3f}  coverage={summary['coverage']:.3f}"
    )
    table = Table(title="confusion (rows: gold, columns: predicted)")
    short = [label[:4] for label in LABELS]
    table.add_column("gold")
    for name in (*short, "NONE", "F1"):
        table.add_column(name, justify="right")
    for label in LABELS:
        row = scores.confusion.get(label)
        cells = [str(row[p]) if row and row[p] else "" for p in (*LABELS, "NONE")]
        table.add_row(label, *cells, f"{scores.per_label[label]['f1']:.2f}")
    console.print(table)

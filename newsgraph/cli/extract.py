"""``newsgraph extract``: read the paths, code their articles, write events; bad inputs are reported, not fatal."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from rich.console import Console

from newsgraph.api import extract_articles
from newsgraph.cli.render import EventWriter, writer_for
from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.ingest import read_path
from newsgraph.model import Article


def _articles(paths: list[Path], date: str | None, settings: Settings, err: Console, failures: list[str]) -> Iterator[Article]:
    for path in paths:
        try:
            result = read_path(path, settings=settings, published=date)
        except InputError as e:
            failures.append(str(e))
            err.print(f"[red]skipped:[/red] {e}", highlight=False)
            continue
        for rejected in result.rejected:
            where = f"{rejected.source}:{rejected.line}" if rejected.line else rejected.source
            failures.append(where)
            err.print(f"[yellow]skipped:[/yellow] {where}: {rejected.reason} [{rejected.code}]", highlight=False)
        yield from result.articles


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file written whole or not at all (a temporary file renamed at the end)."""
    if output is None:
        yield sys.stdout
        return
    directory = output.resolve().parent
    handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".part")
    try:
        with handle:
            yield handle
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def run_extract(paths: list[Path], fmt: str, date: str | None, output: Path | None, settings: Settings, err: Console) -> int:
    """Exit code: 0 when every input was read (with or without events), 1 when some input was rejected."""
    failures: list[str] = []
    articles_read = 0
    with _destination(output) as stream:
        writer: EventWriter = writer_for(fmt, stream)
        for article, events in extract_articles(_articles(paths, date, settings, err, failures), settings=settings):
            articles_read += 1
            writer.write(article, events)
        writer.close()
    if failures and articles_read == 0:
        err.print("[red]error:[/red] no input could be read")
        return 1
    return 1 if failures else 0

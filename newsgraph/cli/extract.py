"""``newsgraph extract``: read the paths, code their articles, write events; bad inputs are reported, not fatal."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rich.console import Console

from newsgraph.api import extract_articles
from newsgraph.cli.render import EventWriter, writer_for
from newsgraph.config import Settings
from newsgraph.errors import ConfigError, InputError, OutputError
from newsgraph.ingest import read_path, read_text
from newsgraph.model import Article, ReadResult

STDIN = Path("-")


@dataclass
class Tally:
    """What happened to the inputs of one run."""

    articles: int = 0
    events: int = 0
    rejected: list[str] = field(default_factory=list)


def _read(path: Path, date: str | None, settings: Settings) -> ReadResult:
    if path == STDIN:
        return ReadResult(articles=[read_text(sys.stdin.read(), source="<stdin>", published=date, settings=settings)])
    return read_path(path, settings=settings, published=date)


def read_inputs(paths: list[Path], date: str | None, settings: Settings, err: Console, tally: Tally) -> Iterator[Article]:
    """The articles of the paths; an input that cannot be read is reported on ``err`` and counted, not fatal."""
    for path in paths:
        try:
            result = _read(path, date, settings)
        except InputError as e:
            tally.rejected.append(str(e))
            err.print(f"skipped: {e}", highlight=False, markup=False)
            continue
        for rejected in result.rejected:
            where = f"{rejected.source}:{rejected.line}" if rejected.line else rejected.source
            tally.rejected.append(where)
            err.print(f"skipped: {where}: {rejected.reason} [{rejected.code}]", highlight=False, markup=False)
        yield from result.articles


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file written whole or not at all (a temporary file renamed at the end)."""
    if output is None:
        yield sys.stdout
        return
    directory = output.resolve().parent
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, delete=False, suffix=".part")
    except OSError as e:
        raise OutputError(f"cannot write there: {e.strerror or e}", source=str(output)) from e
    try:
        with handle:
            yield handle
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(handle.name, 0o666 & ~umask)
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


class _NothingRead(Exception):
    """No input could be read: the output file is not written."""


def run_extract(paths: list[Path], fmt: str, date: str | None, output: Path | None, settings: Settings, err: Console) -> int:
    """Exit code: 0 when every input was read (with or without events), 1 when some input was rejected."""
    if date is not None:
        try:
            read_text("x", published=date)
        except ConfigError as e:
            raise ConfigError(f"--date: {e.message}") from e
    tally = Tally()
    try:
        with _destination(output) as stream:
            writer: EventWriter = writer_for(fmt, stream)
            for article, events in extract_articles(read_inputs(paths, date, settings, err, tally), settings=settings):
                tally.articles += 1
                tally.events += len(events)
                writer.write(article, events)
            writer.close()
            if tally.articles == 0 and output is not None:
                raise _NothingRead
    except _NothingRead:
        pass
    inputs = tally.articles + len(tally.rejected)
    err.print(
        f"coded {tally.articles} of {inputs} inputs: {tally.events} events"
        + (f", {len(tally.rejected)} rejected" if tally.rejected else ""),
        highlight=False,
        markup=False,
    )
    if tally.articles == 0 and tally.rejected:
        return 1
    return 1 if tally.rejected else 0

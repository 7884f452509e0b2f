"""``ingest``: every input of the paths into the store, once; rerun after a crash, it takes up where it stopped.

Files are read in this process (a bad file or line becomes a ``rejected`` result with its reason), articles
already in the store are skipped, the rest are coded in batches by a runner (local processes or Ray), and this
process alone writes each coded batch in one transaction.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.errors import ConfigError, InputError
from newsgraph.ingest import read_path
from newsgraph.model import Article
from newsgraph.runner.discover import discover
from newsgraph.store import DocumentResult, Store

BATCH_SIZE = 16


@dataclass
class IngestReport:
    """What one run did."""

    coded: int = 0
    no_event: int = 0
    rejected: int = 0
    skipped: int = 0  # already in the store
    duplicate: int = 0
    events: int = 0
    problems: list[str] = field(default_factory=list)

    def add(self, results: list[DocumentResult]) -> None:
        for result in results:
            if result.status == "coded":
                self.coded += 1
            elif result.status == "no_event":
                self.no_event += 1
            elif result.status == "duplicate":
                self.duplicate += 1
            else:
                self.rejected += 1
                where = f"{result.source}:{result.line}" if result.line else result.source
                self.problems.append(f"{where}: {result.reason} [{result.code}]")
            self.events += len(result.events)


def _read(paths: Iterable[str | Path], settings: Settings, known: set[tuple[str, int | None]],
          report: IngestReport, rejected: deque[DocumentResult]) -> Iterator[Article]:  # fmt: skip
    for path in discover(paths):
        try:
            found = read_path(path, settings=settings)
        except InputError as e:
            if (str(path), None) not in known:
                rejected.append(DocumentResult(source=str(path), line=None, status="rejected", article=None,
                                               events=(), code=e.code, reason=e.message))  # fmt: skip
            continue
        for bad in found.rejected:
            if (bad.source, bad.line) not in known:
                rejected.append(DocumentResult(source=bad.source, line=bad.line, status="rejected", article=None,
                                               events=(), code=bad.code, reason=bad.reason))  # fmt: skip
        for article in found.articles:
            source, line = _where(article)
            if (source, line) in known:
                report.skipped += 1
                continue
            yield article


def _where(article: Article) -> tuple[str, int | None]:
    source = article.source or article.doc_id
    path, _, line = source.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (source, None)


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == BATCH_SIZE:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: Iterable[str | Path],
    db: str | Path,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    runner: str = "local",
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Code every input of ``paths`` into the store at ``db``; returns what was done."""
    settings = settings or Settings.from_env()
    report = IngestReport()
    store = Store.open(db)
    try:
        known = store.known_inputs()
        # filled while files are read (by the pool's feeder thread, for the local runner): a thread-safe deque
        rejected: deque[DocumentResult] = deque()
        articles = _read(paths, settings, known, report, rejected)
        for results in _run(runner, _batches(articles), settings, workers):
            _write(store, [*_drain(rejected), *results], report, progress)
        _write(store, _drain(rejected), report, progress)
    finally:
        store.close()
    return report


def _drain(rejected: deque[DocumentResult]) -> list[DocumentResult]:
    out = []
    while rejected:
        out.append(rejected.popleft())
    return out


def _write(store: Store, results: list[DocumentResult], report: IngestReport,
           progress: Callable[[int], None] | None) -> None:  # fmt: skip
    if not results:
        return
    store.write(results)
    report.add(results)
    if progress is not None:
        progress(len(results))


def _run(runner: str, batches: Iterator[list[Article]], settings: Settings, workers: int) -> Iterator[list[DocumentResult]]:
    if runner == "local":
        from newsgraph.runner.local import run_local

        return run_local(batches, settings, workers=workers)
    if runner == "ray":
        from newsgraph.runner.ray_runner import run_ray

        return run_ray(batches, settings, workers=workers)
    raise ConfigError(f"unknown runner {runner!r}: choose local or ray")

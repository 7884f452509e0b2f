"""The local runner: worker processes, each loading the model once, coding batches in order."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator

from newsgraph.config import Settings
from newsgraph.model import Article
from newsgraph.runner.work import code_batch
from newsgraph.store import DocumentResult

_SETTINGS: Settings | None = None


def _start(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    from newsgraph.api import knowledge_base
    from newsgraph.nlp import load_pipeline

    load_pipeline(settings)  # once per worker, before the first batch
    knowledge_base(settings)


def _work(batch: list[Article]) -> list[DocumentResult]:
    assert _SETTINGS is not None
    return code_batch(batch, _SETTINGS)


def run_local(batches: Iterable[list[Article]], settings: Settings, *, workers: int) -> Iterator[list[DocumentResult]]:
    """Coded batches, in the order given; with one worker, in this process."""
    if workers <= 1:
        for batch in batches:
            yield code_batch(batch, settings)
        return
    context = multiprocessing.get_context("spawn")  # a clean interpreter per worker: no inherited state
    with context.Pool(workers, initializer=_start, initargs=(settings,)) as pool:
        yield from pool.imap(_work, batches, chunksize=1)

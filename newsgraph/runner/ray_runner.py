"""The Ray runner (``pip install newsgraph[ray]``): the same per-batch function on Ray Data; results come back
to this process, which alone writes the store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.config import Settings
from newsgraph.errors import ConfigError
from newsgraph.model import Article, Event
from newsgraph.runner.work import code_batch
from newsgraph.store import DocumentResult


def run_ray(batches: Iterable[list[Article]], settings: Settings, *, workers: int) -> Iterator[list[DocumentResult]]:
    """Coded batches via Ray Data map_batches, with ``workers`` CPUs (a local Ray started if none runs)."""
    try:
        import ray
    except ImportError as e:
        raise ConfigError("the Ray runner needs the extra: pip install 'newsgraph[ray]'") from e
    if not ray.is_initialized():
        ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    items = [{"batch": [a.to_dict() for a in batch]} for batch in batches]
    if not items:
        return
    dataset = ray.data.from_items(items, override_num_blocks=len(items))

    def apply(rows: dict[str, Any]) -> dict[str, Any]:
        coded = [code_batch([Article.from_dict(a) for a in batch], settings) for batch in rows["batch"]]
        return {"results": [[_to_dict(r) for r in results] for results in coded]}

    mapped = dataset.map_batches(apply, batch_size=1, concurrency=max(1, workers), batch_format="default")
    for row in mapped.iter_rows():
        yield [_from_dict(r) for r in row["results"]]


def _to_dict(result: DocumentResult) -> dict[str, Any]:
    return {
        "source": result.source, "line": result.line, "status": result.status,
        "article": result.article.to_dict() if result.article else None,
        "events": [e.to_dict() for e in result.events], "code": result.code, "reason": result.reason,
    }  # fmt: skip


def _from_dict(data: dict[str, Any]) -> DocumentResult:
    article = Article.from_dict(data["article"]) if data.get("article") else None
    return DocumentResult(
        source=data["source"], line=data.get("line"), status=data["status"], article=article,
        events=tuple(Event.from_dict(e) for e in data.get("events") or ()), code=data.get("code"),
        reason=data.get("reason"),
    )  # fmt: skip

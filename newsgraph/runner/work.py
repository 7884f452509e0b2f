"""The per-batch function every runner applies: articles in, coded results out (no I/O, no store)."""

from __future__ import annotations

from newsgraph.config import Settings
from newsgraph.model import Article
from newsgraph.store import DocumentResult


def code_batch(articles: list[Article], settings: Settings) -> list[DocumentResult]:
    """Code a batch of articles (events and claims); the spaCy pipeline and the KB load once per process and stay loaded."""
    from newsgraph.api import read_articles

    results = []
    for article, events, claims in read_articles(articles, settings=settings):
        status = "coded" if events else "no_event"
        results.append(DocumentResult(source=_source(article), line=_line(article), status=status, article=article,
                                      events=tuple(events), claims=tuple(claims)))  # fmt: skip
    return results


def _source(article: Article) -> str:
    source = article.source or article.doc_id
    path, _, line = source.rpartition(":")
    return path if path and line.isdigit() else source


def _line(article: Article) -> int | None:
    source = article.source or ""
    _, _, line = source.rpartition(":")
    return int(line) if line.isdigit() else None

"""Reading inputs: files (plain text, HTML, JSONL) and strings become checked Articles.

``read_path`` picks the reader by extension: ``.jsonl``/``.ndjson`` JSONL,
``.html``/``.htm`` HTML, anything else plain text. A problem with the whole input
raises the matching ``InputError``; a bad JSONL line is reported in
``ReadResult.rejected`` and the other lines are still read.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.config import Settings
from newsgraph.errors import ConfigError
from newsgraph.ingest.dates import normalise_date
from newsgraph.ingest.jsonl import read_jsonl_file
from newsgraph.ingest.text import article_from_text, read_text_file
from newsgraph.model import Article, ReadResult

__all__ = ["read_path", "read_text"]

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
SUFFIXES = frozenset({".txt", ".text", ".md"}) | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


def read_path(path: str | Path, *, settings: Settings | None = None, published: str | None = None) -> ReadResult:
    """The articles in the file at ``path``; ``published`` (e.g. the CLI's --date) wins over the file's."""
    path = Path(path)
    settings = settings or Settings()
    published = _caller_date(published)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return read_jsonl_file(path, settings, published)
    if suffix in FEED_SUFFIXES:
        from newsgraph.ingest.feeds import read_feed_file  # imports feedparser

        return read_feed_file(path, settings, published)
    if suffix in HTML_SUFFIXES:
        from newsgraph.ingest.html import read_html_file  # imports trafilatura, which is slow

        return ReadResult(articles=[read_html_file(path, settings, published)])
    return ReadResult(articles=[read_text_file(path, settings, published)])


def read_text(
    text: str,
    *,
    source: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
) -> Article:
    """A plain-text article given as a string, checked like a file's text (BOM dropped, CRLF made LF)."""
    return article_from_text(text, settings or Settings(), source=source, published=_caller_date(published))


def _caller_date(published: str | None) -> str | None:
    """The caller's date as an ISO string; ConfigError when it is no date."""
    if published is None:
        return None
    value = normalise_date(published)
    if value is None:
        raise ConfigError(f"published must be a date such as 2024-11-18, got {published!r}")
    return value

"""HTML articles: trafilatura finds the article text, its metadata and htmldate the date.

Nothing is ever fetched: the HTML is parsed into a tree first, so no library is
handed a string it could take for a URL.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from newsgraph.config import Settings
from newsgraph.errors import EmptyInput
from newsgraph.ingest.checks import decode_file, read_file
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article

# htmldate: look at the markup only (no extensive text search), prefer the first publication.
DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def read_html_file(path: Path, settings: Settings, published: str | None) -> Article:
    """An HTML file as one Article (raises an InputError for a bad file or no article text)."""
    source = str(path)
    markup = decode_file(read_file(path, settings), source)
    return article_from_html(markup, settings, source=source, published=published)


def article_from_html(markup: str, settings: Settings, *, source: str | None = None, published: str | None = None) -> Article:
    """The article in ``markup``; EmptyInput when trafilatura finds no article text."""
    import trafilatura  # slow to import; only HTML input pays for it

    tree = trafilatura.load_html(markup)
    if tree is None:  # a bare fragment: trafilatura wants a whole document
        tree = trafilatura.load_html(f"<html><body><div>{markup}</div></body></html>")
    document = None
    if tree is not None:
        document = trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=dict(DATE_PARAMS),
        )
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        raise EmptyInput("no article text found in the HTML", source=source)
    article = article_from_text(
        text,
        settings,
        source=source,
        published=published if published is not None else _iso_date(getattr(document, "date", None)),
        title=_clean(getattr(document, "title", None)),
    )
    return replace(
        article,
        url=_clean(getattr(document, "url", None)),
        publisher=_clean(getattr(document, "sitename", None)),
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _iso_date(value: object) -> str | None:
    """htmldate's ``YYYY-MM-DD``; anything else is dropped."""
    text = _clean(value)
    return text[:10] if text and len(text) >= 10 and text[4] == "-" and text[7] == "-" else None

"""RSS and Atom feed files: each item's text (its content, else its summary, without markup) is an article.

Read from a local file only (feedparser is never given a URL). A bad item (no text, not English, too long) is
reported with its position in the feed, as ``path#N``, and the other items are still read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.config import Settings
from newsgraph.errors import InputError, MalformedRecord
from newsgraph.ingest.checks import check_not_binary, check_not_empty, read_file
from newsgraph.ingest.dates import normalise_date
from newsgraph.ingest.text import article_from_text
from newsgraph.model import ReadResult, Rejected

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})


def _plain(html: str) -> str:
    """The text of an HTML fragment, paragraphs on lines of their own."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, TypeError):
        return html.strip()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n" + (block.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())


def _item_text(item: Any) -> str:
    contents = item.get("content") or []
    for content in contents:
        value = content.get("value") if isinstance(content, dict) else None
        if value and value.strip():
            return _plain(value)
    return _plain(item.get("summary") or item.get("description") or "")


def read_feed_file(path: Path, settings: Settings, published: str | None) -> ReadResult:
    """Every good item of an RSS/Atom file as an Article; a file that is no feed raises MalformedRecord."""
    import feedparser

    data = read_file(path, settings)
    check_not_empty(data, str(path))
    check_not_binary(data, str(path))
    feed = feedparser.parse(data)
    if not feed.entries and (feed.get("bozo") or not feed.get("feed")):
        raise MalformedRecord("not an RSS or Atom feed (no items could be read)", source=str(path))
    publisher = (feed.get("feed") or {}).get("title")
    result = ReadResult()
    for number, item in enumerate(feed.entries, 1):
        source = f"{path}#{number}"
        try:
            text = _item_text(item)
            title = (item.get("title") or "").strip() or None
            body = f"{title}\n\n{text}" if title and text and not text.startswith(title) else text
            article = article_from_text(body, settings, source=source, published=published, title=title)
        except InputError as e:
            result.rejected.append(Rejected(source=source, code=e.code, reason=e.message))
            continue
        stamp = published or normalise_date(item.get("published") or item.get("updated") or "")
        result.articles.append(
            article.__class__(
                text=article.text, title=article.title, url=item.get("link"), publisher=publisher,
                published=stamp or article.published, language=article.language, source=source,
            )  # fmt: skip
        )
    return result

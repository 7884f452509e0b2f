"""The public Python API: ``extract`` a text or articles, ``code_pair`` for one marked actor and recipient."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime

from newsgraph.actors.kb import default_kb
from newsgraph.config import Settings
from newsgraph.events.extract import as_published, events_of_articles, events_of_doc
from newsgraph.model import Article, Event, parse_iso_date
from newsgraph.nlp import clean_for_parse, load_pipeline


def extract(text: str, published: str | date | datetime | None = None, *, settings: Settings | None = None) -> list[Event]:
    """The events a text states, coded in PLOVER; ``published`` anchors relative dates ("last week")."""
    if published is not None:
        parse_iso_date(published)  # fail early on a bad date
    article = Article(text=text, published=as_published(published))
    return extract_article(article, settings=settings)


def extract_article(article: Article, *, settings: Settings | None = None) -> list[Event]:
    """The events of one Article (its ``published`` date anchors relative dates)."""
    nlp = load_pipeline(settings)
    return events_of_doc(nlp(clean_for_parse(article.text)), article, default_kb(), nlp)


def extract_articles(articles: Iterable[Article], *, settings: Settings | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Code many articles, parsed in batches; yields each article with its events."""
    nlp = load_pipeline(settings)
    return events_of_articles(articles, default_kb(), nlp)

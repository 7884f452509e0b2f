"""The public Python API: ``extract`` a text or articles; ``read_articles`` for events and claims about relations;
``lookup`` an actor string on a date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime

from newsgraph.actors.explain import Resolution, resolve_text
from newsgraph.actors.kb import KnowledgeBase, default_kb
from newsgraph.config import Settings
from newsgraph.events.extract import as_published, events_of_articles, events_of_doc
from newsgraph.model import Article, Event, parse_iso_date
from newsgraph.nlp import clean_for_parse, load_pipeline
from newsgraph.system import claims as system_claims
from newsgraph.system.model import Claim


def knowledge_base(settings: Settings | None = None) -> KnowledgeBase:
    """The actor knowledge base: the shipped one plus the user's files in ``settings.kb_files`` (loaded once)."""
    settings = settings or Settings.from_env()
    return default_kb(tuple(settings.kb_files))


def extract(text: str, published: str | date | datetime | None = None, *, settings: Settings | None = None) -> list[Event]:
    """The events a text states, coded in PLOVER; ``published`` anchors relative dates ("last week")."""
    if published is not None:
        parse_iso_date(published)  # fail early on a bad date
    article = Article(text=text, published=as_published(published))
    return extract_article(article, settings=settings)


def extract_text(text: str, published: str | date | datetime | None = None, *, title: str | None = None,
                 source: str | None = None, settings: Settings | None = None) -> tuple[Article, list[Event]]:  # fmt: skip
    """Check ``text`` as a file's text is checked (empty, binary, too large or not English: an InputError; a bad
    ``published``: ConfigError), then code it; returns the Article (to store it) and its events. A headline line
    is recognised as in a file, unless ``title`` is given."""
    from newsgraph.ingest import read_text

    settings = settings or Settings.from_env()
    published_text = as_published(published) if not isinstance(published, datetime) else published.date().isoformat()
    article = read_text(text, source=source, published=published_text, settings=settings)
    if title is not None:
        article = replace(article, title=title)
    return article, extract_article(article, settings=settings)


def extract_article(article: Article, *, settings: Settings | None = None) -> list[Event]:
    """The events of one Article (its ``published`` date anchors relative dates)."""
    settings = settings or Settings.from_env()
    nlp = load_pipeline(settings)
    return events_of_doc(nlp(clean_for_parse(article.text)), article, knowledge_base(settings), nlp)


def extract_articles(articles: Iterable[Article], *, settings: Settings | None = None) -> Iterator[tuple[Article, list[Event]]]:
    """Code many articles, parsed in batches; yields each article with its events."""
    settings = settings or Settings.from_env()
    return events_of_articles(articles, knowledge_base(settings), load_pipeline(settings))


def read_articles(articles: Iterable[Article], *, settings: Settings | None = None) -> Iterator[tuple[Article, list[Event], list[Claim]]]:
    """Code many articles for their events and for what they say of relations between actors (the claims that
    ``newsgraph.system.system_state`` folds into relations as of a date)."""
    settings = settings or Settings.from_env()
    return system_claims.read_articles(articles, knowledge_base(settings), load_pipeline(settings))


def lookup(text: str, on: str | date | datetime | None = None, *, settings: Settings | None = None) -> Resolution:
    """Who ``text`` names on date ``on`` (today's office holders when None), and why."""
    settings = settings or Settings.from_env()
    return resolve_text(text, parse_iso_date(on), knowledge_base(settings), load_pipeline(settings))

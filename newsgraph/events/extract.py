"""An article in, its events out: parse, find actors, code every sentence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.matcher import compiled_for
from newsgraph.actors.resolve import DocActors
from newsgraph.events.coder import CodingContext, code_sentence
from newsgraph.model import Article, Event
from newsgraph.nlp import clean_for_parse


def events_of_doc(doc: Doc, article: Article, kb: KnowledgeBase, nlp: Language) -> list[Event]:
    """The events of an already parsed article."""
    return events_and_actors(doc, article, kb, nlp)[0]


def events_and_actors(doc: Doc, article: Article, kb: KnowledgeBase, nlp: Language) -> tuple[list[Event], DocActors]:
    """The events of an already parsed article, and its actors (to read more from the same parse)."""
    published = article.published_date
    actors = DocActors.build(doc, compiled_for(kb, nlp), published, article.text)
    ctx = CodingContext(article.doc_id, article.text, published, actors, article)
    events: list[Event] = []
    for sentence in body_sentences(doc, article):
        events.extend(code_sentence(sentence, ctx))
    return events, actors


def body_sentences(doc: Doc, article: Article) -> Iterator[Span]:
    """The sentences after the headline (its events are told again, in full, by the body)."""
    body_start = _body_start(article)
    return (s for s in doc.sents if s.start_char >= body_start)


def _body_start(article: Article) -> int:
    """Where the body begins: after the headline line when the text starts with the article's title."""
    title = (article.title or "").strip()
    if not title:
        return 0
    start = article.text.find(title)
    if start < 0 or article.text[:start].strip():
        return 0
    return start + len(title)


def events_of_articles(
    articles: Iterable[Article], kb: KnowledgeBase, nlp: Language, *, batch_size: int = 16
) -> Iterator[tuple[Article, list[Event]]]:
    """Parse articles in batches and code each; yields every article with its events (possibly none)."""
    pairs = ((clean_for_parse(a.text), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, events_of_doc(doc, article, kb, nlp)


def as_published(value: str | date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)

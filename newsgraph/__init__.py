"""newsgraph: news articles in, sourced PLOVER events and the system of actors they reveal out."""

from newsgraph.api import extract, extract_article, extract_articles, knowledge_base, lookup, read_articles
from newsgraph.errors import NewsgraphError
from newsgraph.model import Actor, Article, Event, Location, Trigger

__all__ = [
    "Actor", "Article", "Event", "Location", "NewsgraphError", "Trigger",
    "extract", "extract_article", "extract_articles", "knowledge_base", "lookup", "read_articles",
]  # fmt: skip
__version__ = "0.1.0"

"""newsgraph: news articles in, sourced PLOVER events and the system of actors they reveal out.

The API (``extract``, ``read_articles``, ``lookup`` ...) is imported on first use, so that a process that only
reads or writes a store (the ingest writer, ``newsgraph serve``) does not load spaCy.
"""

from __future__ import annotations

from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.model import Actor, Article, Event, Location, Trigger

__all__ = [
    "Actor", "Article", "Event", "Location", "NewsgraphError", "Trigger",
    "extract", "extract_article", "extract_articles", "knowledge_base", "lookup", "read_articles",
]  # fmt: skip
__version__ = "0.1.0"

_API = frozenset({"extract", "extract_article", "extract_articles", "knowledge_base", "lookup", "read_articles"})


def __getattr__(name: str) -> Any:
    if name in _API:
        from newsgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")

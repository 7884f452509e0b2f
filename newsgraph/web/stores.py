"""The store of one request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import Request

from newsgraph.store import Store
from newsgraph.web.settings import WebSettings


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


@contextmanager
def open_store(request: Request, *, write: bool = False) -> Iterator[Store]:
    """The store for one request, opened and closed in the thread that serves it (SQLite connections stay in
    their thread); read-only unless ``write`` (which only an ``allow_ingest`` server may ask)."""
    settings = settings_of(request)
    store = Store.open(settings.db, read_only=not (write and settings.allow_ingest))
    try:
        yield store
    finally:
        store.close()

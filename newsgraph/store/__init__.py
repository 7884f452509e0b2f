"""The corpus store (docs/store.md): one SQLite file of documents, events, clusters and sentences."""

from __future__ import annotations

from newsgraph.errors import StoreError
from newsgraph.store.result import STATUSES, DocumentResult
from newsgraph.store.store import DEFAULT_PATH, Store

__all__ = ["DEFAULT_PATH", "STATUSES", "DocumentResult", "Store", "StoreError"]

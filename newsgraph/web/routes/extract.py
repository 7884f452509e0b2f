"""POST /api/extract: text in, events out; stored only when asked and the server allows it."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from newsgraph.api import extract_text
from newsgraph.errors import RequestForbidden
from newsgraph.store import DocumentResult
from newsgraph.web.settings import MAX_BODY_BYTES
from newsgraph.web.stores import open_store, settings_of

router = APIRouter(prefix="/api", tags=["extract"])
SOURCE = "web"  # inputs stored from the API are recorded as coming from here
_PIPELINE = threading.Lock()  # one parse at a time: the spaCy pipeline is shared by the server's threads


class ExtractRequest(BaseModel):
    text: str = Field(max_length=MAX_BODY_BYTES, description="The article, plain text (empty or not English: 422).")
    published: date | None = Field(None, description="Publication date: anchors relative dates.")
    title: str | None = Field(None, max_length=1_000, description="Headline (else a first line that reads as one).")
    store: bool = Field(False, description="Also store the article and its events (needs --allow-ingest).")


@router.post("/extract")
def post_extract(request: Request, body: ExtractRequest) -> dict[str, Any]:
    """Code a text into events. Nothing is stored unless `store` is true, which a server started without
    `--allow-ingest` refuses (403). Text that is empty, binary or not English is refused (NG1xx)."""
    if body.store and not settings_of(request).allow_ingest:
        raise RequestForbidden("this server is read-only: start it with --allow-ingest to store articles")
    with _PIPELINE:
        article, events = extract_text(body.text, body.published, title=body.title, source=SOURCE)
    status = None
    if body.store:
        result = DocumentResult(source=f"{SOURCE}/{article.doc_id}", line=None,
                                status="coded" if events else "no_event", article=article, events=tuple(events))  # fmt: skip
        with open_store(request, write=True) as store:
            statuses = store.write([result])
        status = next(iter(statuses))
    return {"doc_id": article.doc_id, "title": article.title, "stored": status, "events": [e.to_dict() for e in events]}

"""``create_app(settings)``: the FastAPI app of ``newsgraph serve``: the API under /api/, the page at /, the
vendored browser libraries under /static/, and the OpenAPI docs at /docs (Swagger UI served from here too)."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newsgraph import __version__
from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.web import errors
from newsgraph.web.limits import Limits
from newsgraph.web.routes import events, extract, network, pages, system
from newsgraph.web.routes.pages import STATIC
from newsgraph.web.settings import WebSettings


def create_app(settings: WebSettings) -> FastAPI:
    """The app over the store at ``settings.db``; StoreError when that is no newsgraph store. Without
    ``allow_ingest`` the file must exist already and every connection is read-only."""
    if not settings.allow_ingest and not Path(settings.db).exists():
        raise StoreError("no store there; create one with newsgraph ingest (or serve with --allow-ingest)",
                         source=str(settings.db))  # fmt: skip
    Store.open(settings.db).close()  # fail now, not at the first request; migrate once
    app = FastAPI(
        title="newsgraph", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="PLOVER-coded events of news articles, each with the sentence that states it. "
        "Read-only unless the server was started with --allow-ingest.",
    )  # fmt: skip
    app.state.settings = settings
    errors.install(app)
    for module in (events, network, system, extract, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts())
    app.add_middleware(Limits, max_body=settings.max_body_bytes, max_query=settings.max_query_bytes)
    return app

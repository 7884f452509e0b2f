"""``serve``: the web UI and HTTP API over a store (newsgraph/web)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.corpus import DEFAULT_DB
from newsgraph.cli.options import err, fail
from newsgraph.errors import NewsgraphError


def serve_cmd(
    db: Annotated[Path, typer.Option("--db", help="The store: a SQLite file made by newsgraph ingest.")] = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but loopback exposes the store to "
                                      "your network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[bool, typer.Option("--allow-ingest", help="Let POST /api/extract store what it codes "
                                               "(read-only without it).")] = False,
) -> None:
    """Explore the store in a browser: the actor network, a timeline, events and their sentences; JSON API at
    /api/, its docs at /docs.

    Example: newsgraph serve --db corpus.db --port 8000
    """
    import uvicorn

    from newsgraph.web import WebSettings, create_app
    from newsgraph.web.settings import is_loopback

    settings = WebSettings(db=db, allow_ingest=allow_ingest, host=host)
    try:
        app = create_app(settings)
    except NewsgraphError as e:
        raise fail(e) from e
    if not is_loopback(host):
        err.print(f"warning: serving {db} to every machine that can reach {host}:{port}", markup=False)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newsgraph: http://{shown}:{port}/ ({'read-write' if allow_ingest else 'read-only'}; Ctrl+C stops)",
              markup=False)  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)

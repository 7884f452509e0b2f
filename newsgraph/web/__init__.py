"""The web layer: a FastAPI app over the store (``/api/...``) and one page that explores it in a browser."""

from newsgraph.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]

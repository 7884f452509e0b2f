"""The one place errors become responses: JSON ``{"error", "code"}`` under /api/, a short HTML page elsewhere.

Library errors keep their NG code; the status says whose fault it is: 404 nothing under that id, 403 not
allowed by how the server was started, 413 too large, 422 a parameter or body of the wrong shape, 400 any other
request the library refuses (a bad date, a bad search query, text that is not English), 503 the database
itself (busy, corrupt).
"""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from newsgraph.errors import (
    InputError,
    NewsgraphError,
    NotFound,
    OversizedInput,
    RequestError,
    RequestForbidden,
    RequestTooLarge,
    StoreError,
)

# StoreError messages that are about the file, not about the request
_DATABASE_TROUBLE = ("database is busy", "database is corrupt", "cannot open the database", "not a newsgraph database")
HTTP_CODES = {403: RequestForbidden.code, 413: RequestTooLarge.code, 414: RequestTooLarge.code}


def status_of(error: NewsgraphError) -> int:
    if isinstance(error, NotFound):
        return 404
    if isinstance(error, RequestForbidden):
        return 403
    if isinstance(error, (RequestTooLarge, OversizedInput)):
        return 413
    if isinstance(error, InputError):
        return 422
    if isinstance(error, StoreError) and error.message.startswith(_DATABASE_TROUBLE):
        return 503
    return 400


def error_response(request: Request, status: int, message: str, code: str, **extra: object) -> Response:
    """JSON for API paths, a small HTML page for the others (the message escaped: it may quote the request)."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": message, "code": code, **extra}, status_code=status)
    body = f"<!doctype html><title>{status}</title><h1>{status}</h1><p>{escape(message)} [{escape(code)}]</p>"
    return HTMLResponse(body, status_code=status)


async def _library_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, NewsgraphError)
    return error_response(request, status_of(error), error.message, error.code)


async def _validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [_problem(item) for item in error.errors()]
    return error_response(request, 422, "; ".join(problems), RequestError.code, detail=problems)


def _problem(item: dict[str, object]) -> str:
    where = [str(part) for part in item.get("loc", ()) if part not in ("query", "body", "path")]  # type: ignore[attr-defined]
    return f"{'.'.join(where) or 'request'}: {item.get('msg')}"


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    code = HTTP_CODES.get(error.status_code, RequestError.code)
    return error_response(request, error.status_code, str(error.detail), code)


def install(app: FastAPI) -> None:
    app.add_exception_handler(NewsgraphError, _library_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)

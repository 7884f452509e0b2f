"""ASGI middleware: bounded request bodies and query strings, and the security headers of every response."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.requests import Request

from newsgraph.errors import RequestTooLarge
from newsgraph.web.errors import error_response

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# the page and the API docs load scripts and styles from this server only; nothing may frame them
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]  # fmt: skip


class Limits:
    """Refuse a query string over ``max_query`` bytes (414) and a body over ``max_body`` bytes (413, by its
    Content-Length or, when sent in chunks, as soon as it grows past); add SECURITY_HEADERS to every response.
    A body is read whole here (it is at most ``max_body``) and handed on to the app."""

    def __init__(self, app: ASGIApp, *, max_body: int, max_query: int) -> None:
        self.app, self.max_body, self.max_query = app, max_body, max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if len(scope.get("query_string", b"")) > self.max_query:
            await self._refuse(request, 414, f"query string longer than {self.max_query} bytes", scope, receive, send)
            return
        length = request.headers.get("content-length", "0")
        too_large = f"request body larger than {self.max_body} bytes"
        if not length.isdigit() or int(length) > self.max_body:
            await self._refuse(request, 413, too_large, scope, receive, send)
            return
        body = await self._body(receive)
        if body is None:
            await self._refuse(request, 413, too_large, scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, replay, with_headers)

    async def _body(self, receive: Receive) -> bytes | None:
        """The whole request body, or None when it grows past ``max_body``."""
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)

    async def _refuse(self, request: Request, status: int, message: str, scope: Scope, receive: Receive,
                      send: Send) -> None:  # fmt: skip
        response = error_response(request, status, message, RequestTooLarge.code)
        response.headers.update({k.decode(): v.decode() for k, v in SECURITY_HEADERS})
        await response(scope, receive, send)

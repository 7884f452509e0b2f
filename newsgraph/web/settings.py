"""What ``newsgraph serve`` is started with, and the bounds every request is held to."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

MAX_BODY_BYTES = 1_000_000  # POST /api/extract: an article, not a corpus
MAX_QUERY_BYTES = 4_096  # the query string of any request
MAX_PAGE = 1_000  # events, actors or hits per page
DEFAULT_PAGE = 100
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class WebSettings:
    """``db``: the store; ``allow_ingest``: whether POST /api/extract may store what it codes (else the store is
    opened read-only); ``host``: the address served (requests naming another host are refused, against DNS
    rebinding, unless it is not a loopback address)."""

    db: Path
    allow_ingest: bool = False
    host: str = "127.0.0.1"
    max_body_bytes: int = MAX_BODY_BYTES
    max_query_bytes: int = MAX_QUERY_BYTES

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    def allowed_hosts(self) -> list[str]:
        """Host header values accepted: the loopback names (and the host served); any when bound elsewhere."""
        if not self.loopback:
            return ["*"]
        return sorted({"127.0.0.1", "localhost", "::1", "[::1]", self.host})


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine."""
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False

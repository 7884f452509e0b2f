"""What a runner hands the store for one input: the article, its status, its events and its claims."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model import Article, Event
from newsgraph.system.model import Claim

STATUSES = ("coded", "no_event", "duplicate", "rejected")


@dataclass(frozen=True)
class DocumentResult:
    """One input after coding: ``article`` is None when it was rejected (then ``code`` and ``reason`` say why)."""

    source: str
    line: int | None
    status: str  # one of STATUSES
    article: Article | None
    events: tuple[Event, ...] = ()
    code: str | None = None
    reason: str | None = None
    claims: tuple[Claim, ...] = ()  # what the article says of relations (newsgraph.system)

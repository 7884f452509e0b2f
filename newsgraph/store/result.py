"""What a runner hands the store for one input: the article, its status and its events."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.model import Article, Event

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

"""Reading event records (``Event.to_dict()`` plus optional cluster and article fields) for the writers.

Every writer takes records as mappings; an ``Event`` is turned into its dict. Missing or null fields are tolerated
everywhere: a writer never fails on a record that lacks an optional field.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any, TypeAlias
from urllib.parse import urlsplit

from newsgraph.model import Event

Record: TypeAlias = Mapping[str, Any]
RecordLike: TypeAlias = Mapping[str, Any] | Event


def iter_records(records: Iterable[RecordLike]) -> Iterator[Record]:
    """The records as mappings (an ``Event`` becomes ``Event.to_dict()``)."""
    for record in records:
        yield record.to_dict() if isinstance(record, Event) else record


def actors(record: Record, role: str) -> list[Mapping[str, Any]]:
    """The actors of a role (``actor`` or ``recipient``), as mappings; an absent role is empty."""
    return [a for a in record.get(role) or () if isinstance(a, Mapping)]


def label(actor: Mapping[str, Any] | None) -> str:
    """The display name of an actor: its resolved name, else its text."""
    if not actor:
        return ""
    return str(actor.get("name") or actor.get("text") or "")


def text(value: object) -> str:
    """A value as text: None is empty."""
    return "" if value is None else str(value)


def event_date(record: Record) -> date | None:
    """The event's date; a month or a year alone gives its first day (``2024-11`` -> 2024-11-01)."""
    value = record.get("date")
    if not value:
        return None
    parts = str(value).strip()[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
        year, month, day = (numbers + [1, 1])[:3]
        return date(year, month, day)
    except ValueError:
        return None


def iso_day(value: date | None) -> str:
    """``YYYY-MM-DD`` or empty."""
    return value.isoformat() if value else ""


def published_at(record: Record) -> datetime | None:
    """The article's publication date and time (UTC when the value has a zone); a bare date is midnight."""
    value = record.get("published")
    if not value:
        return None
    raw = str(value).strip()
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = datetime.fromisoformat(raw[:10])
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def to_int(value: object) -> int | None:
    """A count as an int (None when absent or unreadable)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def to_float(value: object) -> float | None:
    """A number as a float (None when absent or unreadable)."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def source_name(record: Record) -> str:
    """Who published the article: the publisher, else the URL's host, else the input file."""
    if record.get("publisher"):
        return str(record["publisher"])
    if record.get("url"):
        host = urlsplit(str(record["url"])).hostname
        if host:
            return host.removeprefix("www.")
    return text(record.get("source"))

"""The one data model: Article, Actor, Trigger, Location and Event.

Every layer speaks these types. They are frozen dataclasses with ``to_dict`` /
``from_dict`` so that the JSONL record of ``docs/event-record.md`` is exactly
``Event.to_dict()``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from functools import cached_property
from typing import Any

CODER = "newsgraph.rules/1"
ONTOLOGY = "PLOVER-2.0"

_SPACE = re.compile(r"\s+")


def _sha16(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def doc_id_for(text: str) -> str:
    """``doc_`` + 16 hex of sha256 over the NFC text with white space collapsed."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return "doc_" + _sha16(normal)


def event_id_for(doc_id: str, start: int, end: int, event: str) -> str:
    """``ev_`` + 16 hex of sha256 over doc id, trigger offsets and category."""
    return "ev_" + _sha16(f"{doc_id}|{start}|{end}|{event}")


@dataclass(frozen=True)
class Article:
    """One news article as read from a file: the text and what is known about it."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date or datetime string
    language: str | None = None
    source: str | None = None  # file path (and line) it came from

    @cached_property
    def doc_id(self) -> str:
        """Computed once per Article (hashing a long text is not free)."""
        return doc_id_for(self.text)

    @property
    def published_date(self) -> date | None:
        if not self.published:
            return None
        return parse_iso_date(self.published)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "doc_id": self.doc_id}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def parse_iso_date(value: str | date | datetime | None) -> date | None:
    """Read ``YYYY-MM-DD`` (optionally with a time part), a date or a datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return date.fromisoformat(text[:10])


@dataclass(frozen=True)
class Actor:
    """An actor as written in the text and as resolved in the knowledge base."""

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    entity_type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name, "kb_id": self.kb_id,
            "country": self.country, "sector": self.sector, "entity_type": self.entity_type,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @property
    def label(self) -> str:
        """A short display name: the resolved name, else the text."""
        return self.name or self.text


@dataclass(frozen=True)
class Trigger:
    """The words that carry an event."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Location:
    """Where the sentence places the event."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return cls(**data)


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, where, and the words that say so."""

    id: str
    doc_id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    quad: int
    intensity: float
    cameo: str | None
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...]
    modality: tuple[str, ...]
    attribution: Actor | None
    date: str | None
    date_precision: str | None
    date_raw: str | None
    date_source: str | None
    location: Location | None
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: Trigger
    confidence: float
    rule: str
    coder: str = CODER
    ontology: str = ONTOLOGY
    # where the article came from (beyond the record contract; null when coding a bare text)
    source: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record of ``docs/event-record.md``, field for field."""
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event": self.event,
            "mode": self.mode,
            "context": list(self.context),
            "quad": self.quad,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "modality": list(self.modality),
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_raw": self.date_raw,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "trigger": self.trigger.to_dict(),
            "confidence": self.confidence,
            "rule": self.rule,
            "coder": self.coder,
            "ontology": self.ontology,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "publisher": self.publisher,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        attribution = data.get("attribution")
        location = data.get("location")
        return cls(
            id=data["id"],
            doc_id=data["doc_id"],
            event=data["event"],
            mode=data.get("mode"),
            context=tuple(data.get("context") or ()),
            quad=data["quad"],
            intensity=data["intensity"],
            cameo=data.get("cameo"),
            actor=tuple(Actor.from_dict(a) for a in data.get("actor") or ()),
            recipient=tuple(Actor.from_dict(a) for a in data.get("recipient") or ()),
            modality=tuple(data.get("modality") or ()),
            attribution=Actor.from_dict(attribution) if attribution else None,
            date=data.get("date"),
            date_precision=data.get("date_precision"),
            date_raw=data.get("date_raw"),
            date_source=data.get("date_source"),
            location=Location.from_dict(location) if location else None,
            sentence=data["sentence"],
            sentence_start=data["sentence_start"],
            sentence_end=data["sentence_end"],
            trigger=Trigger(**data["trigger"]),
            confidence=data["confidence"],
            rule=data["rule"],
            coder=data.get("coder", CODER),
            ontology=data.get("ontology", ONTOLOGY),
            source=data.get("source"),
            url=data.get("url"),
            title=data.get("title"),
            publisher=data.get("publisher"),
        )


@dataclass(frozen=True)
class Rejected:
    """An input that could not be coded, with where it came from and why."""

    source: str
    code: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ReadResult:
    """What a reader got from one path: the articles and the inputs it rejected."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)

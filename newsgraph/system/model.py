"""The system's data: a Claim (one sentence's word on a relation) and a Relation (the claims on one relation,
folded into its standing as of a date)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from newsgraph.model import Actor

SYMMETRIC = frozenset({"opposes", "negotiates_with"})


def actor_key(actor: Actor | None) -> str | None:
    """The key an actor is counted under: knowledge-base id, else country, else its lower-cased words."""
    if actor is None:
        return None
    return actor.kb_id or actor.country or (actor.text.strip().lower() or None)


@dataclass(frozen=True)
class Evidence:
    """Where a claim is stated: the article, the event coded from it (if any) and the sentence."""

    doc_id: str
    event_id: str | None
    sentence: str
    sentence_start: int
    sentence_end: int
    date: str | None = None
    attribution: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "event_id": self.event_id, "sentence": self.sentence,
            "sentence_start": self.sentence_start, "sentence_end": self.sentence_end, "date": self.date,
            "attribution": self.attribution.to_dict() if self.attribution else None,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        source = data.get("attribution")
        return cls(
            doc_id=data["doc_id"], event_id=data.get("event_id"), sentence=data["sentence"],
            sentence_start=data["sentence_start"], sentence_end=data["sentence_end"], date=data.get("date"),
            attribution=Actor.from_dict(source) if source else None,
        )  # fmt: skip


@dataclass(frozen=True)
class Claim:
    """One sentence's word on a relation: ``subject`` stands in relation ``type`` to ``object`` (or, for
    ``mediates``, between ``parties``) with ``status`` on ``date``.

    ``explicit``: the sentence states the status itself ("suspended its role"), rather than an activity that
    implies the relation is active. ``by``: for a ``rejected`` claim, the party that refuses."""

    type: str
    subject: Actor
    object: Actor | None
    status: str
    date: str | None
    evidence: Evidence
    parties: tuple[Actor, ...] = ()
    modality: tuple[str, ...] = ()
    attribution: Actor | None = None
    weight: float = 0.5
    explicit: bool = False
    by: Actor | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type, "subject": self.subject.to_dict(),
            "object": self.object.to_dict() if self.object else None,
            "parties": [p.to_dict() for p in self.parties], "status": self.status, "date": self.date,
            "modality": list(self.modality), "attribution": self.attribution.to_dict() if self.attribution else None,
            "weight": self.weight, "explicit": self.explicit, "by": self.by.to_dict() if self.by else None,
            "rule": self.rule, "evidence": self.evidence.to_dict(),
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        def actor(value: dict[str, Any] | None) -> Actor | None:
            return Actor.from_dict(value) if value else None

        return cls(
            type=data["type"], subject=Actor.from_dict(data["subject"]), object=actor(data.get("object")),
            status=data["status"], date=data.get("date"), evidence=Evidence.from_dict(data["evidence"]),
            parties=tuple(Actor.from_dict(p) for p in data.get("parties") or ()),
            modality=tuple(data.get("modality") or ()), attribution=actor(data.get("attribution")),
            weight=float(data.get("weight", 0.5)), explicit=bool(data.get("explicit")), by=actor(data.get("by")),
            rule=data.get("rule", ""),
        )  # fmt: skip

    def with_(self, **changes: Any) -> Claim:
        return replace(self, **changes)


@dataclass
class Relation:
    """A relation as of a date: its status, since and until when, how strong, which way it goes, who says so, and
    every sentence behind it."""

    type: str
    subject: Actor
    object: Actor | None
    parties: tuple[Actor, ...]
    status: str
    valid_from: str | None
    valid_to: str | None
    modality: tuple[str, ...]
    attribution: Actor | None
    strength: float
    trend: str
    evidence: list[Evidence] = field(default_factory=list)
    rejected_by: tuple[Actor, ...] = ()

    def involves(self, key: str) -> bool:
        keys = {actor_key(self.subject), actor_key(self.object), *(actor_key(p) for p in self.parties)}
        return key in keys

    def to_dict(self, max_evidence: int | None = None) -> dict[str, Any]:
        evidence = self.evidence if max_evidence is None else self.evidence[len(self.evidence) - max_evidence :]
        return {
            "type": self.type, "subject": self.subject.to_dict(),
            "object": self.object.to_dict() if self.object else None,
            "parties": [p.to_dict() for p in self.parties], "status": self.status,
            "valid_from": self.valid_from, "valid_to": self.valid_to, "modality": list(self.modality),
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "strength": self.strength, "trend": self.trend,
            "rejected_by": [a.to_dict() for a in self.rejected_by],
            "evidence_count": len(self.evidence),
            "evidence": [e.to_dict() for e in evidence],
        }  # fmt: skip

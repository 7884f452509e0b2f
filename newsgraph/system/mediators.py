"""Who mediates between two sides, and how acceptable each candidate is to each side.

Candidates are the actors with a ``mediates`` relation that names either side (or names no sides). Each gets:

- a standing from its mediation's status: active 1.0, suspended 0.5, proposed 0.4, rejected 0.2, ended 0.1;
- an acceptability to each side, from 1.0 down: -0.5 when it backs the other side (``supports``), -0.5 when it is
  at odds with this side (``opposes``), -0.3 when this side has rejected it as a mediator; at least 0;
- a score: standing x the lower acceptability (a mediator both sides must accept).

Every point taken off is given as a reason with the sentences behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsgraph.model import Actor
from newsgraph.system.model import Evidence, Relation, actor_key
from newsgraph.system.state import SystemState, display_name, distinct_evidence

STANDING = {"active": 1.0, "suspended": 0.5, "proposed": 0.4, "rejected": 0.2, "ended": 0.1}
BACKS_OTHER = 0.5
AT_ODDS = 0.5
REJECTED_BY = 0.3


@dataclass
class Candidate:
    mediator: Actor
    status: str
    standing: float
    acceptability: dict[str, float]
    score: float
    reasons: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    modality: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "mediator": self.mediator.to_dict(), "status": self.status, "standing": self.standing,
            "acceptability": self.acceptability, "score": self.score, "modality": list(self.modality),
            "reasons": self.reasons, "evidence": [e.to_dict() for e in self.evidence],
        }  # fmt: skip


@dataclass
class MediatorReport:
    between: tuple[Actor, Actor]
    as_of: str | None
    candidates: list[Candidate]

    def to_dict(self) -> dict[str, Any]:
        return {
            "between": [a.to_dict() for a in self.between], "as_of": self.as_of,
            "candidates": [c.to_dict() for c in self.candidates],
        }  # fmt: skip


def _quote(relation: Relation) -> str:
    return relation.evidence[-1].sentence.strip() if relation.evidence else ""


def _holding(state: SystemState, kind: str, a: str, b: str) -> list[Relation]:
    """Active relations of ``kind`` from ``a`` to ``b`` (either way for symmetric kinds)."""
    found = []
    for r in state.relations:
        if r.type != kind or r.status != "active" or "hypothetical" in r.modality:
            continue
        s, o = actor_key(r.subject), actor_key(r.object)
        if (s, o) == (a, b) or (kind == "opposes" and (o, s) == (a, b)):
            found.append(r)
    return found


def _acceptability(state: SystemState, mediator: Actor, side: Actor, other: Actor, mediation: Relation,
                   reasons: list[str], evidence: list[Evidence]) -> float:  # fmt: skip
    m, s, o = actor_key(mediator) or "", actor_key(side) or "", actor_key(other) or ""
    score = 1.0
    for r in _holding(state, "supports", m, o):
        score -= BACKS_OTHER
        reasons.append(f"{display_name(mediator)} backs {display_name(other)}, so {display_name(side)} is unlikely to accept it: "
                       f"\"{_quote(r)}\"")  # fmt: skip
        evidence.extend(r.evidence)
    for r in _holding(state, "opposes", m, s):
        score -= AT_ODDS
        reasons.append(f"{display_name(mediator)} and {display_name(side)} are at odds: \"{_quote(r)}\"")
        evidence.extend(r.evidence)
    if any(actor_key(by) == s for by in mediation.rejected_by):
        score -= REJECTED_BY
        reasons.append(f"{display_name(side)} has rejected {display_name(mediator)} as a mediator: \"{_quote(mediation)}\"")
    return round(max(score, 0.0), 2)


def rank(state: SystemState, a: Actor, b: Actor) -> MediatorReport:
    """The mediators between ``a`` and ``b`` in ``state``, best first."""
    keys = {actor_key(a), actor_key(b)}
    candidates = []
    for mediation in _one_per_mediator(state, keys):
        reasons = [f"{display_name(mediation.subject)} mediation: {mediation.status}"
                   + (" (hypothetical)" if "hypothetical" in mediation.modality else "")
                   + (f": \"{_quote(mediation)}\"" if mediation.evidence else "")]  # fmt: skip
        evidence = list(mediation.evidence)
        accept = {
            display_name(a): _acceptability(state, mediation.subject, a, b, mediation, reasons, evidence),
            display_name(b): _acceptability(state, mediation.subject, b, a, mediation, reasons, evidence),
        }
        standing = STANDING.get(mediation.status, 0.0)
        candidates.append(Candidate(
            mediator=mediation.subject, status=mediation.status, standing=standing, acceptability=accept,
            score=round(standing * min(accept.values()), 2), reasons=reasons, evidence=distinct_evidence(evidence),
            modality=mediation.modality,
        ))  # fmt: skip
    candidates.sort(key=lambda c: (-c.score, -c.standing, display_name(c.mediator)))
    return MediatorReport((a, b), state.as_of.isoformat() if state.as_of else None, candidates)


def _one_per_mediator(state: SystemState, keys: set[str | None]) -> list[Relation]:
    """For each mediator (not one of the sides) of a mediation naming a side or none: the mediation between
    exactly these sides if there is one, else its best standing one."""
    best: dict[str, Relation] = {}
    for mediation in state.relations:
        mediator = actor_key(mediation.subject) or ""
        sides = {actor_key(p) for p in mediation.parties}
        if mediation.type != "mediates" or mediator in keys or (sides and not sides & keys):
            continue
        rank = (sides == keys, STANDING.get(mediation.status, 0.0))
        held = best.get(mediator)
        if held is None or rank > ({actor_key(p) for p in held.parties} == keys, STANDING.get(held.status, 0.0)):
            best[mediator] = mediation
    return list(best.values())

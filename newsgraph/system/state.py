"""Claims folded into relations as of a date.

- Claims on the same relation (same type and actors; for ``opposes`` and ``negotiates_with`` in either order;
  for ``mediates`` the same mediator and sides) are read in date order, those dated on or before the date only.
- Status: the last claim decides. On the same day a claim that states the status ("suspended its role") outranks
  one that only shows activity ("efforts from Qatar"). ``proposed`` and ``rejected`` only stand for a relation
  that has not been active: once Qatar mediates, a proposal that it might does not change that.
- ``valid_from``: the first day it was active (else its first claim); ``valid_to``: the day it was suspended or
  ended, if it is. ``modality``: ``hypothetical`` when the relation has never been told as real.
- ``strength`` (0-1): 1 - exp(-sum of claim weights), each event weighing its PLOVER intensity / 10.
- ``trend``: claim weight in the 90 days up to the date against the 90 days before: ``rising``, ``falling``,
  ``steady``, or ``new`` when nothing came before.
- ``attribution``: the source of the claim that set the status when it names one, else the first named source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsgraph.model import Actor
from newsgraph.store.dates import first_day
from newsgraph.system.model import SYMMETRIC, Claim, Evidence, Relation, actor_key

WINDOW = timedelta(days=90)
_REAL = ("active", "suspended", "ended")


def relation_key(claim: Claim) -> tuple[Any, ...]:
    if claim.type in SYMMETRIC:
        return claim.type, frozenset({actor_key(claim.subject), actor_key(claim.object)})
    if claim.type == "mediates":
        return claim.type, actor_key(claim.subject), frozenset(actor_key(p) for p in claim.parties)
    return claim.type, actor_key(claim.subject), actor_key(claim.object)


def _day(claim: Claim) -> date | None:
    return first_day(claim.date)


def _order(item: tuple[int, Claim]) -> tuple[Any, ...]:
    n, claim = item
    day = _day(claim)
    return (day or date.min, claim.explicit, n)


def _named(actor: Actor | None) -> bool:
    return actor is not None and bool(actor.name or actor.kb_id)


def fold(claims: list[Claim], as_of: date | None = None) -> Relation:
    """One relation from its claims (all of the same ``relation_key``), as of ``as_of`` (None: all of them)."""
    ordered = [c for _, c in sorted(enumerate(claims), key=_order)]
    status, setter = "", ordered[0]
    valid_from: str | None = None
    valid_to: str | None = None
    rejected_by: dict[str, Actor] = {}
    for claim in ordered:
        if claim.status == "rejected" and claim.by is not None:
            rejected_by[actor_key(claim.by) or ""] = claim.by  # kept even when it does not change the status
        if claim.status not in _REAL and status in _REAL:
            continue
        status, setter = claim.status, claim
        if claim.status == "active":
            valid_from = valid_from or claim.date
            valid_to = None
        elif claim.status in ("suspended", "ended"):
            valid_to = claim.date
    if valid_from is None and status not in ("suspended", "ended"):
        valid_from = ordered[0].date  # proposed or rejected: since it was first put forward
    hypothetical = all(c.status not in _REAL or "hypothetical" in c.modality for c in ordered)
    attribution = setter.attribution if _named(setter.attribution) else next(
        (c.attribution for c in ordered if _named(c.attribution)), setter.attribution
    )
    first = ordered[0]
    return Relation(
        type=first.type, subject=_label(ordered, "subject"), object=_label(ordered, "object"),
        parties=_parties(ordered), status=status, valid_from=valid_from, valid_to=valid_to,
        modality=("hypothetical",) if hypothetical else (), attribution=attribution,
        strength=round(1 - math.exp(-sum(c.weight for c in ordered)), 2), trend=_trend(ordered, as_of),
        evidence=distinct_evidence(c.evidence for c in ordered), rejected_by=tuple(rejected_by.values()),
    )  # fmt: skip


def _label(claims: list[Claim], side: str) -> Actor | None:
    """The side's actor as most claims name it (a symmetric pair keeps the first claim's order)."""
    first = claims[0]
    wanted = actor_key(getattr(first, side))
    seen = [a for c in claims for a in (c.subject, c.object) if a is not None and actor_key(a) == wanted]
    if not seen:
        return None
    names = Counter(a.name or a.text for a in seen)
    best = names.most_common(1)[0][0]
    named = [a for a in seen if (a.name or a.text) == best]
    return next((a for a in named if best.casefold() in a.text.casefold()), named[0])  # "Hamas", not "they"


def _parties(claims: list[Claim]) -> tuple[Actor, ...]:
    seen: dict[str, Actor] = {}
    for claim in claims:
        for party in claim.parties:
            seen.setdefault(actor_key(party) or "", party)
    return tuple(seen.values())


def distinct_evidence(evidence: Iterable[Evidence]) -> list[Evidence]:
    """Each sentence (and event) once, in order."""
    out, seen = [], set()
    for e in evidence:
        key = (e.doc_id, e.sentence_start, e.event_id)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _trend(claims: list[Claim], as_of: date | None) -> str:
    days = [d for d in (_day(c) for c in claims) if d is not None]
    if not days:
        return "steady"
    end = as_of or max(days)
    recent = sum(c.weight for c in claims if (d := _day(c)) is not None and end - WINDOW < d <= end)
    earlier = sum(c.weight for c in claims if (d := _day(c)) is not None and end - 2 * WINDOW < d <= end - WINDOW)
    if earlier == 0 and not any(d <= end - WINDOW for d in days):
        return "new"
    if recent > 1.5 * earlier:
        return "rising"
    if recent * 1.5 < earlier:
        return "falling"
    return "steady"


@dataclass
class SystemState:
    """The relations among actors as of a date, and each actor's roles in them."""

    as_of: date | None
    relations: list[Relation] = field(default_factory=list)

    def actors(self) -> list[dict[str, Any]]:
        """Every actor of a relation once, with its roles ("mediates Israel-Hamas: suspended")."""
        found: dict[str, dict[str, Any]] = {}
        for relation in self.relations:
            for role, actor in _roles(relation):
                key = actor_key(actor) or ""
                item = found.setdefault(key, {"key": key, **actor.to_dict(), "roles": []})
                item["roles"].append(f"{role} ({relation.status})")
        return list(found.values())

    def to_dict(self, max_evidence: int | None = 20) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "actors": self.actors(),
            "relations": [r.to_dict(max_evidence) for r in self.relations],
        }


def display_name(actor: Actor | None) -> str:
    """How an actor is shown: its name, else its words."""
    return (actor.name or actor.text) if actor is not None else "?"


def _roles(relation: Relation) -> list[tuple[str, Actor]]:
    a, b = relation.subject, relation.object
    if relation.type == "mediates":
        between = "-".join(display_name(p) for p in relation.parties) or "unnamed sides"
        return [(f"mediator between {between}", a), *((f"side mediated by {display_name(a)}", p) for p in relation.parties)]
    if b is None:
        return [(relation.type, a)]
    roles = {
        "supports": (f"backs {display_name(b)}", f"backed by {display_name(a)}"),
        "opposes": (f"at odds with {display_name(b)}", f"at odds with {display_name(a)}"),
        "based_in": (f"based in {display_name(b)}", f"hosts {display_name(a)}"),
        "negotiates_with": (f"negotiates with {display_name(b)}", f"negotiates with {display_name(a)}"),
        "leads": (f"leads {display_name(b)}", f"led by {display_name(a)}"),
        "member_of": (f"member of {display_name(b)}", f"has member {display_name(a)}"),
    }[relation.type]
    return [(roles[0], a), (roles[1], b)]


def system_state_of(claims: Iterable[Claim], as_of: date | None = None) -> SystemState:
    """Fold claims into the relations standing as of ``as_of`` (claims dated later are not known yet; undated
    claims always count)."""
    claims = [c for c in claims if as_of is None or (d := _day(c)) is None or d <= as_of]
    claims = _attach_bare_mediation(claims)
    groups: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[relation_key(claim)].append(claim)
    relations = [fold(group, as_of) for group in groups.values()]
    order = {"mediates": 0, "negotiates_with": 1, "supports": 2, "opposes": 3, "based_in": 4, "leads": 5, "member_of": 6}
    relations.sort(key=lambda r: (order.get(r.type, 9), display_name(r.subject), display_name(r.object)))
    return SystemState(as_of, relations)


def _attach_bare_mediation(claims: list[Claim]) -> list[Claim]:
    """A mediation claim that names no sides joins the mediator's mediation that names them most often."""
    counts: dict[str, Counter[frozenset[str]]] = defaultdict(Counter)
    parties: dict[frozenset[str], tuple[Actor, ...]] = {}
    for claim in claims:
        if claim.type == "mediates" and claim.parties:
            key = frozenset(actor_key(p) or "" for p in claim.parties)
            counts[actor_key(claim.subject) or ""][key] += 1
            parties.setdefault(key, claim.parties)
    out = []
    for claim in claims:
        known = counts.get(actor_key(claim.subject) or "")
        if claim.type == "mediates" and not claim.parties and known:
            claim = claim.with_(parties=parties[known.most_common(1)[0][0]])
        out.append(claim)
    return out


def names(actor: Actor | None, wanted: str) -> bool:
    """Whether the words a user gives are the actor's name (or, unnamed, its words): whole words, any case, so
    that "US" is not found in "Russia"."""
    if actor is None or not wanted.strip():
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(wanted.strip().casefold()) + r"(?!\w)")
    return bool(pattern.search((actor.name or actor.text or "").casefold()))

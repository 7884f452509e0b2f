"""Claims read off coded events: SUPPORT and AID say "supports", conflict says "opposes", talks say
"negotiates_with", third-party talks say "mediates"; office holders named say "leads" or "member_of"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.model import Actor, Event, parse_iso_date
from newsgraph.system.aggregate import acting_for, office_of
from newsgraph.system.model import Claim, Evidence, actor_key
from newsgraph.system.vocabulary import Vocabulary, vocabulary

UNREAL = frozenset({"negated", "hypothetical", "future"})


def evidence_of(event: Event) -> Evidence:
    return Evidence(event.doc_id, event.id, event.sentence, event.sentence_start, event.sentence_end, event.date,
                    event.attribution)  # fmt: skip


def _day(event: Event) -> date | None:
    try:
        return parse_iso_date(event.date) if event.date and len(event.date) == 10 else None
    except ValueError:
        return None


def _distinct(actors: Iterable[Actor | None]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for actor in actors:
        key = actor_key(actor)
        if actor is not None and key and key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def _alongside(actor: Actor, event: Event) -> bool:
    if actor.start is None:
        return False
    at = actor.start - event.sentence_start
    before = event.sentence[max(0, at - 12) : at].lower().split()
    return bool(before) and before[-1] in ("alongside", "beside")


def _venue(actor: Actor, event: Event) -> bool:
    """"met in Doha", "signed in Istanbul", "talks at the Kremlin": where it happened, not a party to it."""
    if actor.start is None:
        return False
    at = actor.start - event.sentence_start
    before = event.sentence[max(0, at - 8) : at].lower().split()
    return bool(before) and before[-1] in ("in", "at", "inside") or (len(before) > 1 and before[-2:] == ["in", "the"])


def claims_of_event(event: Event, kb: KnowledgeBase, vocab: Vocabulary | None = None,
                    published: date | None = None) -> list[Claim]:  # fmt: skip
    """The relation claims one event makes (none for most events without a named recipient)."""
    vocab = vocab or vocabulary()
    rule = vocab.event_rule(event.event, event.mode)
    if rule is None or "negated" in event.modality:
        return []
    if event.event == "REJECT" and event.trigger.text.lower().startswith(("deny", "deni")):
        return []  # "Tehran denies arming the Houthis": a denial, not hostility toward the Houthis
    if rule.type == "opposes" and any(_alongside(r, event) for r in event.recipient):
        rule = replace(rule, type="supports")  # "troops fought alongside M23": on the same side
    unreal = bool(UNREAL & set(event.modality))
    if unreal and not rule.proposed:
        return []
    day = _day(event) or published
    actors = _distinct(acting_for(a, kb, day) for a in event.actor if not _venue(a, event))
    recipients = _distinct(acting_for(r, kb, day) for r in event.recipient if not _venue(r, event))
    status = "proposed" if unreal else rule.status
    modality = ("hypothetical",) if unreal or rule.status in ("proposed", "rejected") else ()
    base = dict(status=status, explicit=rule.status != "active", date=event.date, evidence=evidence_of(event), modality=modality,
                attribution=event.attribution, weight=round(abs(event.intensity) / 10, 2),
                rule=f"event:{event.event}")  # fmt: skip
    claims: list[Claim] = []
    if rule.type == "mediates":
        parties = tuple(r for r in recipients if actor_key(r) not in {actor_key(a) for a in actors})
        return [Claim(type="mediates", subject=a, object=None, parties=parties, **base) for a in actors]  # type: ignore[arg-type]
    pairs = [(a, r) for a in actors for r in recipients]
    if not recipients and rule.type in ("negotiates_with", "opposes"):  # "Israel and Hamas held talks"
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1 :]]
    for subject, target in pairs:
        if actor_key(subject) != actor_key(target):
            claims.append(Claim(type=rule.type, subject=subject, object=target, **base))  # type: ignore[arg-type]
    return claims


def office_claims(event: Event, kb: KnowledgeBase, vocab: Vocabulary | None = None,
                  published: date | None = None) -> Iterator[Claim]:  # fmt: skip
    """``leads``/``member_of`` for every office holder an event names ("Turkish President Erdogan")."""
    vocab = vocab or vocabulary()
    day = _day(event) or published
    for actor in (*event.actor, *event.recipient):
        held = office_of(actor, kb, day)
        if held is None:
            continue
        person, office = held
        target = kb.entries.get(office.of)
        if target is None:
            continue
        kind = "leads" if office.office.lower() in vocab.leading_offices else "member_of"
        subject = Actor(text=actor.text, start=actor.start, end=actor.end, name=person.name, kb_id=person.id,
                        country=person.country, sector=office.sector, entity_type=person.entity_type)  # fmt: skip
        group = Actor(text=target.name, name=target.name, kb_id=target.id, country=target.country,
                      sector=target.sector_on(day) or target.sector, entity_type=target.entity_type)  # fmt: skip
        yield Claim(type=kind, subject=subject, object=group, status="active", date=event.date,
                    evidence=evidence_of(event), weight=0.5, rule=f"office:{office.office}")  # fmt: skip

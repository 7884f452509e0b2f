"""Claims read off coded events: SUPPORT and AID say "supports", conflict says "opposes", talks say
"negotiates_with", third-party talks say "mediates"; office holders named say "leads" or "member_of"."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.model import Actor, Event
from newsgraph.store.dates import first_day
from newsgraph.system.aggregate import acting_for, office_of
from newsgraph.system.model import Claim, Evidence, actor_key
from newsgraph.system.vocabulary import Vocabulary, vocabulary

UNREAL = frozenset({"negated", "hypothetical", "future"})


def evidence_of(event: Event) -> Evidence:
    return Evidence(event.doc_id, event.id, event.sentence, event.sentence_start, event.sentence_end, event.date,
                    event.attribution)  # fmt: skip


def _distinct(actors: Iterable[Actor | None]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for actor in actors:
        key = actor_key(actor)
        if actor is not None and key and key not in seen:
            seen.add(key)
            out.append(actor)
    return out


def _words_before(actor: Actor, event: Event) -> list[str]:
    """The word before an actor in its sentence ("the" skipped: "at the Kremlin" gives "at")."""
    if actor.start is None:
        return []
    at = actor.start - event.sentence_start
    words = [w for w in event.sentence[max(0, at - 24) : at].lower().split() if w != "the"]
    return words[-1:]


def _after(actor: Actor, event: Event, words: frozenset[str]) -> bool:
    """"met in Doha", "talks at the Kremlin" (venues), "fought alongside M23": the word before the actor."""
    return any(w in words for w in _words_before(actor, event))


def _trigger_lemma(event: Event) -> str:
    """The trigger's first word, roughly lemmatised ("denies", "denied" -> "deny"; "denial")."""
    word = event.trigger.text.lower().split(" ", 1)[0]
    for ending, base in (("ies", "y"), ("ied", "y"), ("ying", "y"), ("s", ""), ("ed", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + base
    return word


def claims_of_event(event: Event, kb: KnowledgeBase, *, vocab: Vocabulary | None = None,
                    published: date | None = None) -> list[Claim]:  # fmt: skip
    """The relation claims one event makes (none for most events without a named recipient)."""
    vocab = vocab or vocabulary()
    rule = vocab.event_rule(event.event, event.mode)
    if rule is None or "negated" in event.modality:
        return []
    if event.event == "REJECT" and _trigger_lemma(event) in vocab.denial_verbs:
        return []  # "Tehran denies arming the Houthis": a denial, not hostility toward the Houthis
    if rule.type == "opposes" and any(_after(r, event, vocab.alongside_words) for r in event.recipient):
        rule = replace(rule, type="supports")  # "troops fought alongside M23": on the same side
    unreal = bool(UNREAL & set(event.modality))
    if unreal and not rule.proposed:
        return []
    day = first_day(event.date) or published  # a month or year counts from its first day
    venues = vocab.venue_prepositions
    actors = _distinct(acting_for(a, kb, day) for a in event.actor if not _after(a, event, venues))
    recipients = _distinct(acting_for(r, kb, day) for r in event.recipient if not _after(r, event, venues))
    status = "proposed" if unreal else rule.status
    modality = ("hypothetical",) if unreal or rule.status in ("proposed", "rejected") else ()
    evidence = evidence_of(event)

    def claim(kind: str, subject: Actor, target: Actor | None, parties: tuple[Actor, ...] = ()) -> Claim:
        return Claim(type=kind, subject=subject, object=target, parties=parties, status=status, date=event.date,
                     evidence=evidence, modality=modality, attribution=event.attribution,
                     weight=round(abs(event.intensity) / 10, 2), explicit=rule.status != "active",
                     by=subject if status == "rejected" else None, rule=f"event:{event.event}")  # fmt: skip

    if rule.type == "mediates":
        parties = tuple(r for r in recipients if actor_key(r) not in {actor_key(a) for a in actors})
        return [claim("mediates", a, None, parties) for a in actors]
    pairs = [(a, r) for a in actors for r in recipients]
    if not recipients and rule.type in ("negotiates_with", "opposes"):  # "Israel and Hamas held talks"
        pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1 :]]
    return [claim(rule.type, subject, target) for subject, target in pairs if actor_key(subject) != actor_key(target)]


def office_claims(event: Event, kb: KnowledgeBase, *, vocab: Vocabulary | None = None,
                  published: date | None = None) -> Iterator[Claim]:  # fmt: skip
    """``leads``/``member_of`` for every office holder an event names ("Turkish President Erdogan")."""
    vocab = vocab or vocabulary()
    day = first_day(event.date) or published
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
        group = Actor(text=target.name, name=target.name, kb_id=target.id, country=target.country_on(day),
                      sector=target.sector_on(day) or target.sector, entity_type=target.entity_type)  # fmt: skip
        yield Claim(type=kind, subject=subject, object=group, status="active", date=event.date,
                    evidence=evidence_of(event), weight=0.5, rule=f"office:{office.office}")  # fmt: skip

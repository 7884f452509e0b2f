"""What the actor resolver and the event coder make of the marked spans of a labelled pairs file.

Two measures over the same file (the format of ``newsgraph eval pairs``):

- **spans**: each marked actor and recipient resolved in its sentence, as the coder resolves an argument; the share
  that resolve to a country or an organisation code, and a random sample of them to check by hand;
- **sentences**: the share of sentences for which the coder, reading the sentence alone, extracts an event of the
  labelled category whose actor and recipient countries are those of the marked spans (a reciprocal event, with
  all parties as actors and no recipient as the record contract has it, counts when its actors hold both). The
  countries are the
  record's ``actor_countries`` and ``recipient_countries`` when it has them (lists of ISO alpha-3 codes; an empty
  recipient list marks a reciprocal event, right when all the actor countries are among an event's actors), else
  those the resolver reads from the marked spans; a sentence without a country on both sides is not scored.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.actors.resolve import DocActors
from newsgraph.config import Settings
from newsgraph.eval.pairs import PairRecord, read_pairs, to_label
from newsgraph.events.extract import events_and_actors
from newsgraph.model import Actor, Article, Event
from newsgraph.nlp import clean_for_parse, load_pipeline


@dataclass(frozen=True)
class SpanReading:
    """One marked span and the actor it resolves to."""

    record: str
    role: str  # actor | recipient
    span: str
    sentence: str
    actor: Actor  # the first actor the span names (the one its share counts)
    others: tuple[Actor, ...] = ()  # the rest, when it names more ("Italy and Spain")

    @property
    def resolved(self) -> bool:
        return bool(self.actor.country or self.actor.kb_id)

    def to_dict(self) -> dict[str, Any]:
        a = self.actor
        out = {"id": self.record, "role": self.role, "span": self.span, "name": a.name, "kb_id": a.kb_id,
               "country": a.country, "sector": a.sector, "sentence": self.sentence}  # fmt: skip
        if self.others:  # shown for a check by hand: a span of two actors is read as both
            out["others"] = [{"name": o.name, "kb_id": o.kb_id, "country": o.country, "sector": o.sector} for o in self.others]
        return out


@dataclass(frozen=True)
class SentenceResult:
    record: PairRecord
    actor_countries: frozenset[str]
    recipient_countries: frozenset[str]
    events: tuple[Event, ...]

    # the record gives its countries, with no recipient: a reciprocal event ("fighting broke out between X and Y")
    reciprocal: bool = False

    @property
    def scored(self) -> bool:
        if self.reciprocal:
            return bool(self.actor_countries)
        return bool(self.actor_countries and self.recipient_countries)

    @property
    def right(self) -> bool:
        """An event of the labelled category whose actors include a marked actor country and whose recipients a
        marked recipient country; or, for a reciprocal event (two or more actors, no recipient: "Jordan and
        Britain agreed"), whose actors include both."""
        gold = to_label(self.record.label)
        for event in self.events:
            if to_label(event.event) != gold:
                continue
            actors = {a.country for a in event.actor if a.country}
            if self.reciprocal:  # every marked party among the actors
                if self.actor_countries <= actors:
                    return True
                continue
            recipients = {r.country for r in event.recipient if r.country}
            if not self.actor_countries & actors:
                continue
            if self.recipient_countries & recipients:
                return True
            if not event.recipient and len(event.actor) >= 2 and self.recipient_countries & actors:
                return True
        return False


def read_records(path: str | Path, settings: Settings | None = None) -> Iterator[tuple[PairRecord, list[Event], DocActors]]:
    """Each record of a pairs file with the events coded from its sentence alone and its actors."""
    from newsgraph.api import knowledge_base

    records = read_pairs(path)
    nlp = load_pipeline(settings)
    kb = knowledge_base(settings)
    docs = nlp.pipe((clean_for_parse(r.text) for r in records), batch_size=64)
    for doc, record in zip(docs, records, strict=True):
        events, actors = events_and_actors(doc, Article(text=record.text), kb, nlp)
        yield record, events, actors


def _marked(actors: DocActors, span: tuple[int, int] | None) -> list[Actor]:
    """The actors a marked span names, read in its sentence as a look-up reads it."""
    if span is None:
        return []
    marked = actors.doc.char_span(*span, alignment_mode="expand")
    return actors.actors_in(marked) if marked is not None and len(marked) else []


def evaluate(path: str | Path, settings: Settings | None = None) -> tuple[list[SpanReading], list[SentenceResult]]:
    """Both measures over one pairs file, from one parse of each sentence."""
    readings: list[SpanReading] = []
    sentences: list[SentenceResult] = []
    for record, events, actors in read_records(path, settings):
        read: dict[str, frozenset[str]] = {}
        for role, span in (("actor", record.actor), ("recipient", record.recipient)):
            found = _marked(actors, span)
            if span is not None and found:
                readings.append(SpanReading(record.id, role, record.text[span[0] : span[1]], record.text, found[0], tuple(found[1:])))
            read[role] = frozenset(a.country for a in found if a.country)
        given_actor, given_recipient = record.actor_countries, record.recipient_countries
        actor = frozenset(given_actor) if given_actor is not None else read["actor"]
        recipient = frozenset(given_recipient) if given_recipient is not None else read["recipient"]
        reciprocal = given_recipient is not None and not recipient
        sentences.append(SentenceResult(record, actor, recipient, tuple(events), reciprocal))
    return readings, sentences


def summary(readings: list[SpanReading], sentences: list[SentenceResult]) -> dict[str, Any]:
    resolved = sum(r.resolved for r in readings)
    scored = [s for s in sentences if s.scored]
    right = sum(s.right for s in scored)
    return {
        "spans": len(readings),
        "spans_resolved": resolved,
        "spans_resolved_share": round(resolved / len(readings), 4) if readings else 0.0,
        "sentences": len(sentences),
        "sentences_scored": len(scored),
        "sentences_right": right,
        "sentences_right_share": round(right / len(scored), 4) if scored else 0.0,
    }


def sample(readings: list[SpanReading], n: int, seed: int) -> list[SpanReading]:
    """``n`` resolved spans drawn at random (the same ones for the same seed and file)."""
    resolved = [r for r in readings if r.resolved]
    return random.Random(seed).sample(resolved, min(n, len(resolved)))

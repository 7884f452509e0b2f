"""Resolve one actor string on a date and say why: the KB entries it matched and the office that decided."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language

from newsgraph.actors.kb import Entry, KnowledgeBase, Office
from newsgraph.actors.matcher import compiled_for
from newsgraph.actors.resolve import DocActors
from newsgraph.model import Actor


@dataclass(frozen=True)
class Resolution:
    """An actor string resolved: the Actor, its KB entry, the office held on the date, and the reasons."""

    text: str
    day: date | None
    actor: Actor
    entry: Entry | None
    office: Office | None
    why: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        office = self.office
        return {
            "text": self.text,
            "date": self.day.isoformat() if self.day else None,
            "actor": self.actor.to_dict(),
            "office": None
            if office is None
            else {
                "office": office.office,
                "of": office.of,
                "sector": office.sector,
                "start": office.start.isoformat() if office.start else None,
                "end": office.end.isoformat() if office.end else None,
                "source": office.source,
            },
            "why": list(self.why),
        }


def resolve_text(text: str, day: date | None, kb: KnowledgeBase, nlp: Language) -> Resolution:
    """Resolve ``text`` as one actor phrase, as if news had written it on ``day``."""
    doc = nlp(text)
    found = DocActors.build(doc, compiled_for(kb, nlp), day)
    actors = found.actors_in(doc[:]) if len(doc) else [Actor(text=text)]
    actor = actors[0]
    entry = kb.entries.get(actor.kb_id) if actor.kb_id else None
    why = [f"matched {doc[m.start:m.end].text!r} as {_kind(m.kind, m.entry_ids, kb)}" for m in found.matches]
    office = None
    if entry is not None and entry.kind == "person":
        title = next((m.role.office for m in found.matches if m.kind == "role" and m.role is not None and m.role.office), None)
        office = entry.office_on(day, title)
        if office is not None:
            why.append(f"on {day or 'today'} {entry.name} held {office.office} of {office.of} ({office.source or 'no source'})")
        elif entry.offices:
            why.append(f"on {day or 'today'} {entry.name} held no office in the KB: former official, sector ELI")
    own = entry.country if entry is not None else None
    if own is not None and own in kb.independence and kb.country_on(own, day) != own:
        since, _ = kb.independence[own]
        why.append(f"on {day} {own} was not independent yet (it was from {since}): coded as {kb.country_on(own, day)}")
    if actor.kb_id is None:
        why.append("not in the knowledge base: kept as written, with no country" if actor.country is None else
                   "a place or group: country from the gazetteer or the text")  # fmt: skip
    return Resolution(text, day, actor, entry, office, tuple(why))


def _kind(kind: str, ids: tuple[str, ...], kb: KnowledgeBase) -> str:
    if kind != "entry":
        return {"seat": "a seat of power", "role": "a title or institution"}.get(kind, kind)
    names = [f"{kb.entries[i].kind} {kb.entries[i].name} ({i})" for i in ids if i in kb.entries]
    return " or ".join(names) or "an unknown entry"

"""The rule coder: triggers from the lexicon, categories settled by their frames, arguments from the parse."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from newsgraph.actors.resolve import DocActors
from newsgraph.events import arguments as args
from newsgraph.events.attribution import attribution
from newsgraph.events.cues import cues
from newsgraph.events.dates import event_date
from newsgraph.events.lexicon import Entry, Lexicon, lexicon
from newsgraph.events.modality import modality
from newsgraph.events.ontology import ontology
from newsgraph.events.places import location
from newsgraph.model import CODER, Actor, Event, Trigger, event_id_for

# Categories whose verbs keep their own category whatever the clause they govern says.
DOMINANT = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})
# Verbs of acceptance: negated or refused, they are a rejection ("is unlikely to accept Turkey as a mediator").
ACCEPTING = frozenset({"accept", "agree", "approve", "allow", "endorse", "welcome", "recognize", "recognise"})
_REFUSING = frozenset({"unlikely", "refuse", "decline", "reluctant", "reluctance", "unwilling", "refusal", "fail"})


@dataclass(frozen=True)
class Coded:
    """A trigger with its category settled."""

    token: Token
    entry: Entry
    event: str
    mode: str | None
    cameo: str
    rule: str
    absorbed: frozenset[str] = frozenset()
    complement: Token | None = None


def find_triggers(sentence: Span, lex: Lexicon) -> dict[int, Entry]:
    transparent = cues().transparent
    found: dict[int, Entry] = {}
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in transparent or lemma not in lex:
            continue
        entry = lex.match(token)
        if entry is not None:
            found[token.i] = entry
    return found


def _complement_trigger(token: Token, triggers: dict[int, Entry], *, depth: int = 0) -> Token | None:
    """The first trigger inside the clauses ``token`` governs (breadth-first, a few levels down)."""
    frontier = args.complements(token)
    for _ in range(3):
        nxt: list[Token] = []
        for comp in frontier:
            if comp.i in triggers:
                return comp
            for child in comp.children:
                if child.i in triggers and child.dep_ in ("dobj", "xcomp", "ccomp", "pobj", "prep", "attr"):
                    return child
            nxt.extend(args.complements(comp))
            nxt.extend(c for c in comp.children if c.dep_ == "dobj")
        frontier = nxt
    return None


def settle(token: Token, entry: Entry, triggers: dict[int, Entry]) -> Coded:
    """The category of a trigger given its frame: intent verbs follow their clause, refusals of acceptance reject."""
    onto = ontology()
    lemma = token.lemma_.lower()
    if lemma in ACCEPTING and entry.event in ("AGREE", "SUPPORT", "AID", "RETREAT", "CONCEDE"):
        refusing = _refusal_above(token)
        if refusing is not None or any(c.dep_ == "neg" for c in token.children):
            absorbed = frozenset({refusing}) if refusing else frozenset()
            return Coded(token, entry, "REJECT", None, "12", f"{entry.rule}+refused", absorbed)
    if entry.frame == "intent" or entry.event in DOMINANT:
        inner = _complement_trigger(token, triggers)
        if inner is not None:
            inner_entry = triggers[inner.i]
            if entry.event in DOMINANT:
                mode = _request_mode(entry, inner_entry)
                return Coded(token, entry, entry.event, mode, entry.cameo, entry.rule, complement=inner)
            inner_cat = onto[inner_entry.event]
            if inner_entry.event == "SUPPORT":  # "reaffirmed its commitment to supporting X"
                event, cameo = "SUPPORT", inner_entry.cameo
            elif inner_cat.cooperative:  # promised cooperation, retreat included, is AGREE
                event, cameo = "AGREE", "03"
            elif inner_entry.event in ("REJECT",):
                event, cameo = "REJECT", "12"
            elif inner_entry.event in ("REQUEST", "ACCUSE"):
                event, cameo = inner_entry.event, inner_entry.cameo
            else:
                event, cameo = "THREATEN", "13"
            return Coded(token, entry, event, None, cameo, f"{entry.rule}>{inner_entry.rule}", complement=inner)
    return Coded(token, entry, entry.event, entry.mode, entry.cameo, entry.rule)


def _request_mode(entry: Entry, inner: Entry) -> str | None:
    if entry.mode is not None:
        return entry.mode
    if entry.event in ("REQUEST", "REJECT"):
        if inner.event in ("RETREAT", "CONCEDE"):
            return "yield"
        if inner.event == "CONSULT":
            return "meet"
        if inner.event in ("AID", "COOPERATE"):
            return "assist"
    return None


def _refusal_above(token: Token) -> str | None:
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in _REFUSING:
            return str(node.lemma_.lower())
    return None


def finalize(item: Coded) -> tuple[Coded, tuple[str, ...]]:
    """The event's modality, and the category it implies: a refused or negated cooperative act is a rejection
    ("will not lift the ban"), a cooperative act announced for the future is a promise, AGREE ("will meet")."""
    modes = modality(item.token, absorbed=item.absorbed)
    category = ontology()[item.event]
    if not category.cooperative or item.event == "AGREE" and "negated" not in modes:
        return item, modes
    if "negated" in modes:
        rejected = replace(item, event="REJECT", mode=None, cameo="12", rule=item.rule + "+negated")
        return rejected, tuple(m for m in modes if m not in ("negated", "future"))
    if "future" in modes and item.complement is None:
        promised = replace(item, event="AGREE", mode=None, cameo="03", rule=item.rule + "+future")
        return promised, tuple(m for m in modes if m != "future")
    return item, modes


@dataclass
class CodingContext:
    """What coding one article needs besides its sentences."""

    doc_id: str
    text: str
    published: date | None
    actors: DocActors


def code_sentence(sentence: Span, ctx: CodingContext, lex: Lexicon | None = None) -> list[Event]:
    """Every event a sentence states (asserted or not), with actors from the parse and the KB."""
    lex = lex or lexicon()
    triggers = find_triggers(sentence, lex)
    if not triggers:
        return []
    coded = [settle(sentence.doc[i], entry, triggers) for i, entry in triggers.items()]
    inside = {c.complement.i for c in coded if c.complement is not None}
    events = []
    for item in coded:
        if item.token.i in inside:
            continue
        event = _event(*finalize(item), sentence, ctx)
        if event is not None:
            events.append(event)
    return events


def _event(item: Coded, modes: tuple[str, ...], sentence: Span, ctx: CodingContext) -> Event | None:
    token = item.token
    found = args.arguments(token)
    actors = _actors(found.actors, ctx)
    if token.pos_ in ("NOUN", "PROPN"):  # "Turkish support": a modifier is an actor only when the KB knows it
        actors = [a for a, h in zip(actors, _heads_of(found.actors, ctx), strict=False) if a.kb_id or h not in ("amod", "compound")]
    if not actors:
        return None
    recipients = _actors(found.recipients, ctx)
    if not recipients:  # "facilitating talks between Israel and Hamas": the parties of a non-actor object
        inner = [o for r in found.recipients for o in args.prep_objects(r)]
        recipients = _actors(inner, ctx)
    if not recipients and item.complement is not None and item.event in DOMINANT:
        party = args.clause_subject_or_object(item.complement)
        if party is not None:
            recipients = _actors([party], ctx)
    recipients = [r for r in recipients if (r.start, r.end) not in {(a.start, a.end) for a in actors}]
    if found.reciprocal and item.event in ("CONSULT", "COOPERATE", "ASSAULT"):
        recipients = []
    onto = ontology()
    category = onto[item.event]
    sentence_text = ctx.text[sentence.start_char : sentence.end_char]
    trigger = _trigger(token, item)
    when = event_date(sentence_text, trigger.start - sentence.start_char, ctx.published, _clause_offsets(token, sentence))
    if when.source == "text" and ctx.published is not None and _years_before(when.date, ctx.published):
        modes = (*modes, "historical")
    source = attribution(token, sentence, ctx.actors.actors_for)
    confidence = _confidence(item, actors, recipients, modes)
    return Event(
        id=event_id_for(ctx.doc_id, trigger.start, trigger.end, item.event),
        doc_id=ctx.doc_id,
        event=item.event,
        mode=item.mode,
        context=item.entry.context,
        quad=category.quad,
        intensity=category.intensity(item.mode),
        cameo=item.cameo,
        actor=tuple(actors),
        recipient=tuple(recipients),
        modality=modes,
        attribution=source,
        date=when.date,
        date_precision=when.precision,
        date_raw=when.raw,
        date_source=when.source,
        location=location(token, ctx.actors),
        sentence=sentence_text,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        trigger=trigger,
        confidence=confidence,
        rule=item.rule,
        coder=CODER,
    )


def _heads_of(heads: tuple[Token, ...], ctx: CodingContext) -> list[str]:
    deps = []
    for head in heads:
        deps.extend(head.dep_ for _ in ctx.actors.actors_for(head))
    return deps


def _actors(heads: tuple[Token, ...] | list[Token], ctx: CodingContext) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[int | None, int | None]] = set()
    for head in heads:
        for actor in ctx.actors.actors_for(head):
            if (actor.start, actor.end) not in seen:
                seen.add((actor.start, actor.end))
                out.append(actor)
    return out


def _clause_offsets(token: Token, sentence: Span) -> frozenset[int]:
    """Offsets (in the sentence) of the words of the trigger's own clause: where its date may be said."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis") and child.i != token.i:
            if not any(t.i == token.i for t in child.subtree):
                skip.update(t.i for t in child.subtree)
    return frozenset(t.idx - sentence.start_char for t in verb.subtree if t.i not in skip)


def _trigger(token: Token, item: Coded) -> Trigger:
    """The trigger's words: the head word, with a particle or light-verb object the entry required."""
    tokens = [token]
    for child in token.children:
        if child.lemma_.lower() in item.entry.requires and child.dep_ in ("prt", "dobj", "prep", "acomp"):
            tokens.append(child)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    return Trigger(token.doc.text[start:end], start, end)


def _years_before(value: str | None, published: date) -> bool:
    if not value:
        return False
    year = int(value[:4])
    if len(value) == 4:
        return year < published.year - 1
    month = int(value[5:7])
    return (published.year - year) * 12 + (published.month - month) > 12


def _confidence(item: Coded, actors: list[Actor], recipients: list[Actor], modes: tuple[str, ...]) -> float:
    score = 0.55 + 0.05 * min(item.entry.specificity, 3)
    if any(a.kb_id for a in actors):
        score += 0.1
    if recipients:
        score += 0.05 if any(r.kb_id for r in recipients) else 0.02
    if "hypothetical" in modes or "negated" in modes:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)

"""Relation classification for one marked pair: what does the actor span do to the recipient span?

First the events the coder extracts on its own are searched for one linking the two spans (``linked``); failing
that, the best trigger on the dependency path between them is coded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.matcher import compiled_for
from newsgraph.actors.resolve import DocActors
from newsgraph.events.coder import CodingContext, code_sentence, finalize, find_triggers, settle
from newsgraph.events.lexicon import lexicon
from newsgraph.model import Event, doc_id_for
from newsgraph.spans import sentence_start

CharSpan = tuple[int, int]


@dataclass(frozen=True)
class PairResult:
    category: str | None
    linked: bool  # an extracted event itself links the two spans
    event: Event | None = None
    rule: str | None = None


def _overlaps(start: int | None, end: int | None, span: CharSpan | None) -> bool:
    if span is None or start is None or end is None:
        return span is None
    return start < span[1] and span[0] < end


def _links(event: Event, actor: CharSpan | None, recipient: CharSpan | None) -> bool:
    acts = any(_overlaps(a.start, a.end, actor) for a in event.actor)
    if not acts:
        return False
    if recipient is None:
        return True
    others = (*event.recipient, *event.actor)
    return any(_overlaps(r.start, r.end, recipient) and not _overlaps(r.start, r.end, actor) for r in others)


def _char_span(doc: Doc, span: CharSpan | None) -> Span | None:
    if span is None:
        return None
    return doc.char_span(span[0], span[1], alignment_mode="expand")


def code_pair_doc(
    doc: Doc,
    actor: CharSpan | None,
    recipient: CharSpan | None,
    kb: KnowledgeBase,
    nlp: Language,
    published: date | None = None,
) -> PairResult:
    """Code the pair in an already parsed text."""
    actors = DocActors.build(doc, compiled_for(kb, nlp), published, doc.text)
    ctx = CodingContext(doc_id_for(doc.text), doc.text, published, actors)
    for sentence in doc.sents:
        for event in code_sentence(sentence, ctx):
            if _links(event, actor, recipient):
                return PairResult(event.event, True, event, event.rule)
    return _best_on_path(doc, _char_span(doc, actor), _char_span(doc, recipient))


def _head(span: Span) -> Token:
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head.i == token.i:
            return token
    return span[0]


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _distance(a: Token, b: Token) -> int:
    if sentence_start(a) != sentence_start(b):
        return 100 + abs(a.i - b.i)
    up_a = {t.i: n for n, t in enumerate(_ancestors(a))}
    for n, t in enumerate(_ancestors(b)):
        if t.i in up_a:
            return up_a[t.i] + n
    return 100 + abs(a.i - b.i)


def _best_on_path(doc: Doc, actor: Span | None, recipient: Span | None) -> PairResult:
    lex = lexicon()
    triggers = find_triggers(doc[:], lex)
    if actor is not None or recipient is not None:
        marked = {t.i for s in (actor, recipient) if s is not None for t in s}
        triggers = {i: e for i, e in triggers.items() if i not in marked} or triggers
    if not triggers:
        return PairResult(None, False)
    coded = {i: settle(doc[i], entry, triggers) for i, entry in triggers.items()}
    absorbed = {c.complement.i for c in coded.values() if c.complement is not None}
    candidates = [c for i, c in coded.items() if i not in absorbed] or list(coded.values())
    heads = [_head(s) for s in (actor, recipient) if s is not None]
    direct = _distance(heads[0], heads[1]) if len(heads) == 2 else 0

    def cost(item: object) -> tuple[int, int, int]:
        token = item.token  # type: ignore[attr-defined]
        total = sum(_distance(token, h) for h in heads)
        off_path = total - direct
        return (off_path, _distance(token, heads[0]) if heads else 0, -item.entry.specificity)  # type: ignore[attr-defined]

    best, _ = finalize(min(candidates, key=cost))
    return PairResult(best.event, False, None, best.rule)

"""Who says an event happened: "according to KAN", "a senior American source confirmed", "reportedly"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.events.cues import cues
from newsgraph.model import Actor

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def attribution(trigger: Token, sentence: Span, resolve: Callable[[Token], list[Actor]], text: str) -> Actor | None:
    """The source the sentence gives for the event of ``trigger``, or None when it states it in its own voice."""
    c = cues()
    verb = speech_verb(trigger)
    if verb is not None:
        return _one(next(ch for ch in verb.children if ch.dep_ in _SUBJECTS), resolve, text)
    for token in sentence:
        if (token.lower_ in c.speech_prepositions or token.lemma_.lower() in c.speech_prepositions) and token.dep_ in (
            "prep", "advcl"
        ):
            for prep in token.children:
                if prep.lower_ == "to":
                    for source in prep.children:
                        if source.dep_ == "pobj":
                            return _one(source, resolve, text)
    hedge = _hedge(trigger, c.speech_adverbs)
    if hedge is not None:
        return Actor(text=hedge.text, start=hedge.idx, end=hedge.idx + len(hedge.text))
    return None


def speech_verb(trigger: Token) -> Token | None:
    """The verb of saying, with a subject, whose clause states the event of ``trigger`` ("Amnesty *said* ...")."""
    speech = cues().speech_verbs
    token = trigger
    for _ in range(6):
        if token.head.i == token.i or (token.dep_ == "conj" and any(ch.dep_ in _SUBJECTS for ch in token.children)):
            return None  # a clause with a subject of its own is said in its own voice
        link, token = token.dep_, token.head
        if token.lemma_.lower() in speech and link in ("ccomp", "dobj", "xcomp", "advcl", "parataxis"):
            if any(ch.dep_ in _SUBJECTS for ch in token.children):
                return token
    return None


def _hedge(trigger: Token, adverbs: frozenset[str]) -> Token | None:
    """A "reportedly" that modifies the trigger or a verb above it in its own clause chain."""
    node = trigger
    for _ in range(4):
        for child in node.children:
            if child.lower_ in adverbs:
                return child
        if node.head.i == node.i or node.dep_ not in ("xcomp", "dobj", "acomp", "attr", "conj"):
            return None
        node = node.head
    return None



def _one(head: Token, resolve: Callable[[Token], list[Actor]], text: str) -> Actor:
    actors = resolve(head)
    if actors:
        return actors[0]
    subtree = list(head.subtree)
    left = subtree[0]
    right = subtree[-1]
    start, end = left.idx, right.idx + len(right.text)
    return Actor(text=text[start:end], start=start, end=end)

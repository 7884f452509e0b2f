"""Is an event asserted, negated, hypothetical or future? Read from the trigger's own words and its governors."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.events.cues import Cues, cues

# Links along which a governing word still speaks about the trigger's clause.
_UP = frozenset({"xcomp", "ccomp", "acomp", "advcl", "pcomp", "pobj", "prep", "dobj", "acl", "conj", "attr", "relcl"})
_STOP_AT = frozenset({"ROOT"})


def _own_cues(token: Token, c: Cues, found: set[str]) -> None:
    for child in token.children:
        lemma = child.lemma_.lower()
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "preconj") and low in c.neg_adverbs):
            found.add("negated")
        elif child.dep_ == "det" and low in c.neg_determiners:
            found.add("negated")
        elif child.dep_ == "aux":
            if low in c.hyp_auxiliaries or lemma in c.hyp_auxiliaries:
                found.add("hypothetical")
            elif low in c.fut_auxiliaries or lemma in c.fut_auxiliaries:
                found.add("future")
        elif child.dep_ == "mark" and low in c.hyp_marks:
            found.add("hypothetical")
        elif child.dep_ in ("amod", "advmod") and (low in c.hyp_modifiers or lemma in c.hyp_governors):
            if low in c.hyp_modifiers or child.dep_ == "advmod":
                found.add("hypothetical")
        elif child.dep_ == "amod" and low in c.fut_modifiers:
            found.add("future")


def modality(trigger: Token, *, absorbed: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The auxiliary modes of the event carried by ``trigger`` (a subset of negated, hypothetical, future).

    ``absorbed`` names cue lemmas already turned into the event's category (e.g. "refuse" coded as REJECT), which
    then do not also mark it negated.
    """
    c = cues()
    found: set[str] = set()
    _own_cues(trigger, c, found)
    token = trigger
    for _ in range(5):
        if token.dep_ not in _UP or token.head.i == token.i:
            break
        if token.dep_ == "conj" and any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            break  # "Hezbollah did not claim attacks, and the army deployed": the second clause is not negated
        link = token.dep_
        token = token.head
        lemma = token.lemma_.lower()
        if lemma in absorbed and lemma not in c.hyp_governors:
            break
        if lemma in c.speech_verbs and link == "ccomp":
            if "hypothetical" in found and _would(trigger, c):
                found.discard("hypothetical")  # "said it would release": future in reported speech
                found.add("future")
            _own_cues_reported(token, c, found)
            break
        if lemma in c.neg_governors and link in ("xcomp", "prep", "pcomp", "pobj", "dobj"):
            found.add("negated")
        if lemma in c.hyp_governors:
            found.add("hypothetical")
        if lemma in c.fut_governors and link in ("xcomp", "acomp", "pcomp"):
            found.add("future")
        _own_cues(token, c, found)
    if "negated" in found and "hypothetical" in found:
        found.discard("negated") if _weak_negation(trigger) else None
    order = ("negated", "hypothetical", "future")
    return tuple(m for m in order if m in found)


def _would(trigger: Token, c: Cues) -> bool:
    node = trigger
    for _ in range(4):
        auxiliaries = {child.lower_ for child in node.children if child.dep_ == "aux"}
        if auxiliaries & c.hyp_auxiliaries:
            return auxiliaries & c.hyp_auxiliaries == {"would"}
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _own_cues_reported(verb: Token, c: Cues, found: set[str]) -> None:
    """A reporting verb's own negation ("did not confirm that...") makes the report hypothetical, not negated."""
    for child in verb.children:
        if child.dep_ == "neg":
            found.add("hypothetical")
        elif child.dep_ == "aux" and child.lower_ in c.fut_auxiliaries:
            found.add("future")


def _weak_negation(trigger: Token) -> bool:
    return not any(child.dep_ == "neg" for child in trigger.children)

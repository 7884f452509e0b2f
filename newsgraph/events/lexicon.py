"""The trigger lexicon (``data/lexicon.yaml``, format in ``docs/lexicon.md``) and its matching over the parse."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Token

from newsgraph.errors import OntologyError
from newsgraph.events.cues import cues
from newsgraph.events.ontology import CATEGORIES, ontology

_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})
# Children through which a dependent word is reached: "call *for* a ceasefire", "talks *with* Israel".
_THROUGH = frozenset({"prep", "prt", "agent", "dative"})
_TIME_PREPS = frozenset({"on", "in", "at", "during", "by", "until", "since", "before", "after", "over", "through", "for"})
# What a `frame` may say (docs/lexicon.md): "agreed to withdraw", "decided to lift", "... or face air strikes".
FRAMES = ("intent", "enact", "ultimatum")
# What `with` and `without` write for an object that is someone named by name ("handed *Milosevic* over").
PERSON = "@person"
_ALLOWED_KEYS = frozenset({"lemma", "pos", "event", "mode", "cameo", "context", "with", "requires", "without", "frame"})


@dataclass(frozen=True)
class Entry:
    lemma: str
    pos: str
    event: str
    mode: str | None
    cameo: str
    context: tuple[str, ...]
    with_any: frozenset[str]
    requires: frozenset[str]
    without: frozenset[str]
    frame: str | None
    line: int

    @property
    def specificity(self) -> int:
        return 2 * len(self.requires) + (1 if self.with_any else 0) + (1 if self.pos != "any" else 0)

    @property
    def rule(self) -> str:
        parts = [self.lemma, *sorted(self.requires)]
        rule = "lexicon:" + "+".join(parts)
        if self.with_any:
            rule += "(" + "|".join(sorted(self.with_any)) + ")"
        return rule

    def fits(self, token: Token, dependents: frozenset[str]) -> bool:
        if self.pos == "verb" and token.pos_ not in _VERB_POS:
            return False
        if self.pos == "noun" and token.pos_ not in _NOUN_POS:
            return False
        if self.requires and not self.requires <= dependents:
            return False
        if self.with_any and not (self.with_any & dependents):
            return False
        return not (self.without & dependents)


@dataclass(frozen=True)
class Lexicon:
    by_lemma: dict[str, tuple[Entry, ...]]

    def match(self, token: Token, person: Callable[[Token], bool] | None = None) -> Entry | None:
        """The most specific entry for ``token`` in its context, or None.

        Precedence: more ``requires`` lemmas; then a ``with`` lemma met as a direct dependent (object, particle,
        clause) over one met only through a preposition; then ``with`` over bare; then the order of the file.
        ``person`` says whether a word names a person (for ``@person``).
        """
        entries = self.by_lemma.get(token.lemma_.lower())
        if not entries:
            return None
        if person is not None and not any(PERSON in e.with_any or PERSON in e.without for e in entries):
            person = None  # only a few entries ask who the object is (a look-up in the KB)
        direct, dependents = dependent_lemmas(token, person)
        best: Entry | None = None
        best_key: tuple[int, int, int, int] | None = None
        for entry in entries:
            if not entry.fits(token, dependents):
                continue
            key = (len(entry.requires), 1 if entry.with_any & direct else 0, 1 if entry.with_any else 0, -entry.line)
            if best_key is None or key > best_key:
                best, best_key = entry, key
        return best

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.by_lemma


def dependent_lemmas(token: Token, person: Callable[[Token], bool] | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Lemmas of the words that depend on ``token``: (direct ones, all including objects of its prepositions);
    ``PERSON`` among them for an object that ``person`` says names someone."""
    c = cues()
    direct: set[str] = set()
    through: set[str] = set()
    for child in token.children:
        if child.dep_ in _THROUGH and child.i < token.i:
            continue  # "On Nov. 2, X called Y": a preposition before the verb sets the scene
        if child.dep_ == "prep" and (_of_time(child) or _of_terms(child)) or child.lower_ in c.speech_prepositions:
            # so does one of time after it ("called on Friday") or of the terms it is done under ("pulled out of
            # Kosovo under an agreement" leaves no agreement), and "according to" names a source
            continue
        if child.dep_ == "nsubj":  # counts ("troops left"), but below an object: "Thai authorities handed over
            through.add(child.lemma_.lower())  # Hambali" hands over a person, not authority
            continue
        direct.add(child.lemma_.lower())
        if child.dep_ in _THROUGH:
            for grandchild in child.children:
                through.add(grandchild.lemma_.lower())
        elif child.dep_ == "ccomp":  # "allowed inspectors to resume searches", parsed as a clause of its own
            for subject in (s for s in child.children if s.dep_ == "nsubj"):
                direct.add(subject.lemma_.lower())
                direct.update(w.lemma_.lower() for w in subject.children if w.dep_ in ("compound", "amod"))
                if subject.lemma_.lower() in c.measures:  # "allowed a team of U.S. experts to inspect"
                    direct.update(_measured(subject))
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "xcomp"):
            for grandchild in child.children:  # "imposed a trade and financial embargo": objects coordinated
                if grandchild.dep_ in ("compound", "amod", "prt") or (grandchild.dep_ == "conj" and grandchild.pos_ == "NOUN"):
                    direct.add(grandchild.lemma_.lower())
                    if grandchild.dep_ == "conj":  # "flew water purification units, doctors and medical supplies"
                        direct.update(c.lemma_.lower() for c in grandchild.conjuncts if c.pos_ == "NOUN")
            if child.lemma_.lower() in c.measures:  # "shipped a consignment of rice aid": aid is shipped
                direct.update(_measured(child))
            direct.update(_carried(child))  # "sent three navy ships loaded with medicine": medicine is sent
            if person is not None and (person(child) or any(g.dep_ == "appos" and person(g) for g in child.children)):
                direct.add(PERSON)  # "handed over Milosevic", "handed the former president, Milosevic, over"
    if token.dep_ in ("compound", "amod") or token.pos_ in _NOUN_POS:
        head = token.head
        if head.i != token.i:
            direct.add(head.lemma_.lower())
    return frozenset(direct), frozenset(direct | through)


def _carried(thing: Token) -> set[str]:
    """The lemmas of what a thing is loaded with: "ships *loaded with medicine, food and water*"."""
    out: set[str] = set()
    for loaded in thing.children:
        if loaded.dep_ == "acl" and loaded.lemma_.lower() in cues().laden:
            for prep in loaded.children:
                if prep.dep_ == "prep" and prep.lower_ == "with":
                    for cargo in prep.children:
                        if cargo.dep_ == "pobj":
                            out.add(cargo.lemma_.lower())
                            out.update(c.lemma_.lower() for c in cargo.conjuncts)
    return out


def _of_time(prep: Token) -> bool:
    """"on Friday", "in March": not "to weeks of protests"."""
    if prep.lower_ not in _TIME_PREPS:
        return False
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.lemma_.lower() in cues().times and not any(c.dep_ == "prep" for c in o.children) for o in objects)


def _of_terms(prep: Token) -> bool:
    """"under a military-technical agreement", "under pressure": not "under house arrest"."""
    return prep.lower_ == "under" and any(o.dep_ == "pobj" and o.lemma_.lower() in cues().terms for o in prep.children)


def _measured(measure: Token, depth: int = 0) -> set[str]:
    """The lemmas of what a measure holds: "a consignment *of rice aid*" -> aid, rice; "the first *of 500,000 tonnes
    of rice*" -> tonne, rice (a measure of a measure)."""
    out: set[str] = set()
    for prep in measure.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for thing in prep.children:
                if thing.dep_ == "pobj":
                    out.add(thing.lemma_.lower())
                    out.update(c.lemma_.lower() for c in thing.children if c.dep_ in ("compound", "amod", "nmod", "conj"))
                    if depth == 0 and thing.lemma_.lower() in cues().measures:
                        out.update(_measured(thing, depth + 1))
    return out


def _entry(item: dict[str, Any], line: int) -> Entry:
    unknown = set(item) - _ALLOWED_KEYS
    if unknown:
        raise OntologyError(f"unknown keys {sorted(unknown)}", source="lexicon.yaml", line=line)
    event = str(item.get("event", "")).upper()
    if event not in CATEGORIES:
        raise OntologyError(f"unknown category {event!r}", source="lexicon.yaml", line=line)
    if item.get("frame") not in (None, *FRAMES):
        raise OntologyError(f"unknown frame {item.get('frame')!r} (one of {', '.join(FRAMES)})", source="lexicon.yaml", line=line)
    category = ontology()[event]
    mode = item.get("mode")
    if mode is not None and mode not in category.modes:
        raise OntologyError(f"{event} has no mode {mode!r}", source="lexicon.yaml", line=line)
    return Entry(
        lemma=str(item["lemma"]).lower(),
        pos=str(item.get("pos") or "verb"),
        event=event,
        mode=mode,
        cameo=str(item.get("cameo") or category.cameo),
        context=tuple(item.get("context") or ()),
        with_any=frozenset(str(w).lower() for w in item.get("with") or ()),
        requires=frozenset(str(w).lower() for w in item.get("requires") or ()),
        without=frozenset(str(w).lower() for w in item.get("without") or ()),
        frame=item.get("frame"),
        line=line,
    )


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A YAML loader that remembers the line of each mapping (for error messages and rules)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def build_lexicon(items: Sequence[dict[str, Any]]) -> Lexicon:
    grouped: dict[str, list[Entry]] = {}
    for item in items:
        line = int(item.pop("__line__", 0))
        entry = _entry(item, line)
        grouped.setdefault(entry.lemma, []).append(entry)
    return Lexicon({lemma: tuple(es) for lemma, es in grouped.items()})


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once per process."""
    text = resources.files("newsgraph.events").joinpath("data/lexicon.yaml").read_text("utf-8")
    items = yaml.load(text, Loader=_LineLoader) or []  # noqa: S506 - a SafeLoader subclass
    return build_lexicon(items)

"""The words and rules of ``data/relations.yaml``, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from newsgraph.errors import ConfigError


@dataclass(frozen=True)
class Cue:
    """A word that says a relation holds, and where its arguments are."""

    lemma: str
    pos: str
    type: str
    object: str
    status: str = "active"
    from_status: str | None = None  # "moved from A to B": A's relation ends
    host_is_subject: bool = False
    guests_only: bool = False
    only_with: str | None = None
    needs_sides: bool = False  # a mediation only when "between A and B" names the sides
    agent_only: bool = False  # only in the passive, its agent being the subject ("a deal negotiated by X")


@dataclass(frozen=True)
class EventRule:
    type: str
    proposed: bool = False  # a hypothetical or future event proposes the relation
    status: str = "active"  # the status an event told as real gives it


@dataclass(frozen=True)
class Vocabulary:
    events: dict[str, EventRule]
    cues: dict[tuple[str, str], Cue]
    word_sets: dict[str, frozenset[str]]
    status_verbs: dict[str, str]  # lemma -> status
    stalled_nouns: frozenset[str]
    doubt_words: frozenset[str]
    pending_nouns: frozenset[str]
    compounds: dict[str, str]  # participle lemma -> relation type ("Iran-backed")
    compound_needs: dict[str, str]  # participle lemma -> the word set its noun must be in
    going_verbs: frozenset[str]
    conflict_nouns: frozenset[str]
    proposal_verbs: frozenset[str]
    proposal_modifiers: frozenset[str]
    refusal_words: frozenset[str]
    acceptance_verbs: frozenset[str]
    change_nouns: frozenset[str]
    gatherings: frozenset[str]
    leading_offices: frozenset[str]
    word_weight: float

    def event_rule(self, category: str, mode: str | None) -> EventRule | None:
        if mode and f"{category}/{mode}" in self.events:
            return self.events[f"{category}/{mode}"]
        return self.events.get(category)


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _cue(item: dict[str, Any]) -> Cue:
    return Cue(
        lemma=item["lemma"], pos=item["pos"], type=item["type"], object=item["object"],
        status=item.get("status", "active"), from_status=item.get("from"),
        host_is_subject=bool(item.get("host_is_subject")), guests_only=bool(item.get("guests_only")),
        only_with=item.get("only_with"), needs_sides=bool(item.get("needs_sides")),
        agent_only=bool(item.get("agent_only")),
    )  # fmt: skip


def read_vocabulary(data: dict[str, Any], where: str = "relations.yaml") -> Vocabulary:
    """Build the vocabulary from the parsed YAML; ConfigError (with ``where``) when a part is missing or wrong."""
    try:
        types = set(data["types"])
        events = {key: EventRule(value["type"], bool(value.get("proposed")), value.get("status", "active"))
                  for key, value in data["events"].items()}  # fmt: skip
        cues = {(c.lemma, c.pos): c for c in (_cue(item) for item in data["cues"])}
        word_sets = {name: _words(values) for name, values in data["word_sets"].items()}
        status_verbs = {lemma: status for status, lemmas in data["status_verbs"].items() for lemma in lemmas}
    except (KeyError, TypeError, AttributeError) as e:
        raise ConfigError(f"relations vocabulary is malformed ({e!r})", source=where) from None
    for named in [*(r.type for r in events.values()), *(c.type for c in cues.values())]:
        if named not in types:
            raise ConfigError(f"unknown relation type {named!r}", source=where)
    for cue in cues.values():
        if cue.only_with is not None and cue.only_with not in word_sets:
            raise ConfigError(f"cue {cue.lemma!r} names an unknown word set {cue.only_with!r}", source=where)
    return Vocabulary(
        events=events, cues=cues, word_sets=word_sets, status_verbs=status_verbs,
        stalled_nouns=_words(data.get("stalled_nouns")), doubt_words=_words(data.get("doubt_words")),
        pending_nouns=_words(data.get("pending_nouns")), compounds=dict(data.get("compounds") or {}),
        compound_needs=dict(data.get("compound_needs") or {}), going_verbs=_words(data.get("going_verbs")),
        conflict_nouns=_words(data.get("conflict_nouns")),
        proposal_verbs=_words(data.get("proposal_verbs")), proposal_modifiers=_words(data.get("proposal_modifiers")),
        refusal_words=_words(data.get("refusal_words")), acceptance_verbs=_words(data.get("acceptance_verbs")),
        change_nouns=_words(data.get("change_nouns")), gatherings=_words(data.get("gatherings")),
        leading_offices=_words(data.get("leading_offices")),
        word_weight=float(data.get("word_weight", 0.5)),
    )  # fmt: skip


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary."""
    text = resources.files("newsgraph.system").joinpath("data/relations.yaml").read_text(encoding="utf-8")
    return read_vocabulary(yaml.safe_load(text))

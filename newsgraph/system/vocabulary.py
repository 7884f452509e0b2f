"""The words and rules of ``data/relations.yaml``, loaded once."""

from __future__ import annotations

from dataclasses import dataclass, fields
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
    only_with: str | None = None
    needs_sides: bool = False  # a mediation only when "between A and B" names the sides
    agent_only: bool = False  # only in the passive, its agent being the subject ("a deal negotiated by X")


@dataclass(frozen=True)
class EventRule:
    type: str
    proposed: bool = False  # a hypothetical or future event proposes the relation
    status: str = "active"  # the status an event told as real gives it


STATUSES = ("active", "suspended", "ended", "proposed", "rejected")


@dataclass(frozen=True)
class Vocabulary:
    """Every part of relations.yaml; each ``frozenset[str]`` field is the YAML list of the same name."""

    events: dict[str, EventRule]
    cues: dict[tuple[str, str], Cue]
    word_sets: dict[str, frozenset[str]]
    status_verbs: dict[str, str]  # lemma (or "lemma particle") -> status
    compounds: dict[str, str]  # participle lemma -> relation type ("Iran-backed")
    compound_needs: dict[str, str]  # participle lemma -> the word set its noun must be in
    word_weight: float
    stalled_nouns: frozenset[str]
    doubt_words: frozenset[str]
    pending_nouns: frozenset[str]
    going_verbs: frozenset[str]
    conflict_nouns: frozenset[str]
    proposal_verbs: frozenset[str]
    proposal_modifiers: frozenset[str]
    refusal_words: frozenset[str]
    acceptance_verbs: frozenset[str]
    change_nouns: frozenset[str]
    gatherings: frozenset[str]
    leading_offices: frozenset[str]
    guest_words: frozenset[str]
    group_words: frozenset[str]
    modal_auxiliaries: frozenset[str]
    no_longer: frozenset[str]
    venue_prepositions: frozenset[str]
    alongside_words: frozenset[str]
    denial_verbs: frozenset[str]

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
        host_is_subject=bool(item.get("host_is_subject")), only_with=item.get("only_with"), needs_sides=bool(item.get("needs_sides")),
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
        compounds = dict(data.get("compounds") or {})
        compound_needs = dict(data.get("compound_needs") or {})
    except (KeyError, TypeError, AttributeError) as e:
        raise ConfigError(f"relations vocabulary is malformed ({e!r})", source=where) from None
    _check(types, events, cues, word_sets, status_verbs, compounds, compound_needs, where)
    lists = {f.name: _words(data.get(f.name)) for f in fields(Vocabulary) if f.type == "frozenset[str]"}
    return Vocabulary(
        events=events, cues=cues, word_sets=word_sets, status_verbs=status_verbs, compounds=compounds,
        compound_needs=compound_needs, word_weight=float(data.get("word_weight", 0.5)), **lists,
    )  # fmt: skip


def _check(types: set[str], events: dict[str, EventRule], cues: dict[tuple[str, str], Cue],
           word_sets: dict[str, frozenset[str]], status_verbs: dict[str, str], compounds: dict[str, str],
           compound_needs: dict[str, str], where: str) -> None:  # fmt: skip
    """Every relation type, status and word set named is one defined: a typo fails at load, not mid-article."""
    def refuse(message: str) -> ConfigError:
        return ConfigError(message, source=where)

    for named in [*(r.type for r in events.values()), *(c.type for c in cues.values()), *compounds.values()]:
        if named not in types:
            raise refuse(f"unknown relation type {named!r}")
    named_statuses = [*(r.status for r in events.values()), *(c.status for c in cues.values()),
                      *(c.from_status for c in cues.values() if c.from_status), *status_verbs.values()]  # fmt: skip
    for status in named_statuses:
        if status not in STATUSES:
            raise refuse(f"unknown status {status!r} (one of {', '.join(STATUSES)})")
    wanted = [*(c.only_with for c in cues.values() if c.only_with), *compound_needs.values(), "talks_words"]
    for name in wanted:
        if name not in word_sets:
            raise refuse(f"unknown word set {name!r}")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped vocabulary."""
    text = resources.files("newsgraph.system").joinpath("data/relations.yaml").read_text(encoding="utf-8")
    return read_vocabulary(yaml.safe_load(text))

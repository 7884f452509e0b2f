"""Modality and reporting cues (``data/cues.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Cues:
    neg_adverbs: frozenset[str]
    neg_determiners: frozenset[str]
    neg_governors: frozenset[str]
    hyp_auxiliaries: frozenset[str]
    hyp_governors: frozenset[str]
    hyp_modifiers: frozenset[str]
    hyp_marks: frozenset[str]
    fut_auxiliaries: frozenset[str]
    fut_governors: frozenset[str]
    fut_modifiers: frozenset[str]
    speech_verbs: frozenset[str]
    speech_adverbs: frozenset[str]
    speech_prepositions: frozenset[str]
    transparent: frozenset[str]
    peacekeeping: tuple[str, ...]
    keep_open: frozenset[str]
    obligation_auxiliaries: frozenset[str]
    obligation_verbs: frozenset[str]
    documents: frozenset[str]
    sent_away_from: frozenset[str]
    receiving: frozenset[str]
    travelling: frozenset[str]
    movements: frozenset[str]
    forces: frozenset[str]
    measures: frozenset[str]
    handing: frozenset[str]
    addressing: frozenset[str]
    times: frozenset[str]
    weapons: frozenset[str]
    terms: frozenset[str]
    laden: frozenset[str]
    or_else: frozenset[str]
    obstructing: frozenset[str]


def _set(values: list[str] | None) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@cache
def cues() -> Cues:
    text = resources.files("newsgraph.events").joinpath("data/cues.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    neg, hyp, fut, speech = data["negation"], data["hypothetical"], data["future"], data["speech"]
    return Cues(
        neg_adverbs=_set(neg["adverbs"]),
        neg_determiners=_set(neg["determiners"]),
        neg_governors=_set(neg["governors"]),
        hyp_auxiliaries=_set(hyp["auxiliaries"]),
        hyp_governors=_set(hyp["governors"]),
        hyp_modifiers=_set(hyp["modifiers"]),
        hyp_marks=_set(hyp["marks"]),
        fut_auxiliaries=_set(fut["auxiliaries"]),
        fut_governors=_set(fut["governors"]),
        fut_modifiers=_set(fut["modifiers"]),
        speech_verbs=_set(speech["verbs"]),
        speech_adverbs=_set(speech["adverbs"]),
        speech_prepositions=_set(speech["prepositions"]),
        transparent=_set(data["transparent"]),
        keep_open=_set(data["keep_open"]),
        peacekeeping=tuple(sorted(_set(data["peacekeeping"]))),
        obligation_auxiliaries=_set(data["obligation"]["auxiliaries"]),
        obligation_verbs=_set(data["obligation"]["verbs"]),
        documents=_set(data["documents"]),
        sent_away_from=_set(data["sent_away_from"]),
        receiving=_set(data["receiving"]),
        travelling=_set(data["travelling"]),
        movements=_set(data["movements"]),
        forces=_set(data["forces"]),
        measures=_set(data["measures"]),
        handing=_set(data["handing"]),
        addressing=_set(data["addressing"]),
        times=_set(data["times"]),
        weapons=_set(data["weapons"]),
        terms=_set(data["terms"]),
        laden=_set(data["laden"]),
        or_else=_set(data["or_else"]),
        obstructing=_set(data["obstructing"]),
    )

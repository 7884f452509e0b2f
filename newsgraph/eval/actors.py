"""Score actor resolution on a test set: actor strings with a date and the expected country, sector and person.

The file is YAML: a list of ``{text, date, country, sector, person}`` (country null when the actor must stay
unknown). An item is right when the country matches, and the sector and the person too where they are given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from newsgraph.actors.explain import Resolution, resolve_text
from newsgraph.actors.kb import KnowledgeBase, fold
from newsgraph.config import Settings
from newsgraph.errors import EvalDataError
from newsgraph.nlp import load_pipeline


@dataclass(frozen=True)
class ActorCase:
    text: str
    day: date | None
    country: str | None
    sector: str | None
    person: str | None


@dataclass(frozen=True)
class ActorResult:
    case: ActorCase
    resolution: Resolution
    country_ok: bool
    sector_ok: bool
    person_ok: bool

    @property
    def ok(self) -> bool:
        return self.country_ok and self.sector_ok and self.person_ok


def read_cases(path: str | Path) -> list[ActorCase]:
    try:
        items = yaml.safe_load(Path(path).read_text("utf-8")) or []
    except (OSError, yaml.YAMLError) as e:
        raise EvalDataError(f"cannot read actor test set: {e}", source=str(path)) from e
    cases = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or "text" not in item:
            raise EvalDataError(f"item {number} has no text", source=str(path))
        cases.append(ActorCase(str(item["text"]), _day(item.get("date")), item.get("country"), item.get("sector"),
                               item.get("person")))  # fmt: skip
    return cases


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _same_person(expected: str, resolution: Resolution, kb: KnowledgeBase) -> bool:
    entry = resolution.entry
    if entry is None or entry.kind != "person":
        return False
    wanted = fold(expected).lower()
    return wanted in {fold(name).lower() for name in (entry.name, *entry.aliases)}


def check(case: ActorCase, resolution: Resolution, kb: KnowledgeBase) -> ActorResult:
    actor = resolution.actor
    country_ok = actor.country == case.country
    sector_ok = case.country is None or case.sector is None or actor.sector == case.sector
    person_ok = case.person is None or _same_person(case.person, resolution, kb)
    return ActorResult(case, resolution, country_ok, sector_ok, person_ok)


def evaluate_actors(path: str | Path, settings: Settings | None = None, kb: KnowledgeBase | None = None) -> list[ActorResult]:
    from newsgraph.api import knowledge_base

    kb = kb or knowledge_base(settings)
    nlp = load_pipeline(settings)
    return [check(case, resolve_text(case.text, case.day, kb, nlp), kb) for case in read_cases(path)]


def summary(results: list[ActorResult]) -> dict[str, float | int]:
    n = len(results)
    return {
        "n": n,
        "accuracy": round(sum(r.ok for r in results) / n, 4) if n else 0.0,
        "country": round(sum(r.country_ok for r in results) / n, 4) if n else 0.0,
        "sector": round(sum(r.sector_ok for r in results) / n, 4) if n else 0.0,
        "person": round(sum(r.person_ok for r in results) / n, 4) if n else 0.0,
    }

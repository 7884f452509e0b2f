"""PLOVER as data: categories, quads, modes and scores, read from ``data/plover.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from newsgraph.errors import OntologyError

CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class Category:
    name: str
    quad: int
    score: float
    cameo: str
    modes: dict[str, float | None]

    def intensity(self, mode: str | None) -> float:
        """The PLOVER score of this category with that mode."""
        if mode is not None:
            value = self.modes.get(mode)
            if value is not None:
                return float(value)
        return self.score

    @property
    def cooperative(self) -> bool:
        return self.quad in (1, 2)


@dataclass(frozen=True)
class Ontology:
    categories: dict[str, Category]
    aliases: dict[str, str]
    contexts: tuple[str, ...]

    def __getitem__(self, name: str) -> Category:
        return self.categories[name]

    def canonical(self, name: str) -> str:
        """A category name from labelled data, with older names mapped to current ones."""
        upper = name.strip().upper()
        return self.aliases.get(upper, upper)


def _load(data: dict[str, Any]) -> Ontology:
    categories = {}
    for name, spec in data["categories"].items():
        if name not in CATEGORIES:
            raise OntologyError(f"unknown PLOVER category {name!r} in plover.yaml")
        categories[name] = Category(
            name=name,
            quad=int(spec["quad"]),
            score=float(spec["score"]),
            cameo=str(spec["cameo"]),
            modes=dict(spec.get("modes") or {}),
        )
    missing = set(CATEGORIES) - set(categories)
    if missing:
        raise OntologyError(f"plover.yaml lacks categories {sorted(missing)}")
    return Ontology(categories, dict(data.get("aliases") or {}), tuple(data.get("contexts") or ()))


@cache
def ontology() -> Ontology:
    """The shipped PLOVER ontology (loaded once)."""
    text = resources.files("newsgraph.events").joinpath("data/plover.yaml").read_text("utf-8")
    return _load(yaml.safe_load(text))

"""The system of actors: who supports, opposes, hosts, mediates between and negotiates with whom, as of a date.

``system_state(store_or_claims, as_of, actor)`` and ``rank_mediators(store_or_claims, a, b, as_of)``; claims come
from ``newsgraph.read_articles`` or a store filled by ``newsgraph ingest``. See docs/system.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Claim", "MediatorReport", "Relation", "SystemState", "rank_mediators", "system_state"]


def __getattr__(name: str) -> Any:
    # loaded on first use: the store imports this package's model, and the API imports the store
    if name in ("system_state", "rank_mediators"):
        from newsgraph.system import api

        return getattr(api, name)
    if name in ("Claim", "Relation"):
        from newsgraph.system import model

        return getattr(model, name)
    if name == "SystemState":
        from newsgraph.system.state import SystemState

        return SystemState
    if name == "MediatorReport":
        from newsgraph.system.mediators import MediatorReport

        return MediatorReport
    raise AttributeError(name)

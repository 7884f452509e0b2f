"""Which files to read: the paths given, and under directories every file of a kind newsgraph reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.ingest import SUFFIXES


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files given by name, always; files found under directories (recursively, sorted) when of a known kind."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if found.suffix.lower() in SUFFIXES and not found.name.startswith("."):
                    yield found
        else:
            yield path

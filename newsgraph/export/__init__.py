"""Export writers: event records out in the formats users already load.

Every writer takes an iterable of event records (``Event.to_dict()`` mappings, or ``Event`` objects, optionally with
``cluster_id``, ``num_mentions``, ``num_articles``, ``num_sources``, ``published``, ``url``, ``publisher``,
``source``) and a destination, and returns how many records it wrote. A path is written whole or not at all (a
temporary file beside it, renamed at the end); the text formats (``plover-jsonl``, ``polecat``, ``gdelt``, ``csv``)
also accept an open text stream, written as it goes.

Formats (``WRITERS``), one module each:

- ``plover-jsonl`` (``plover_jsonl``): one PLOVER JSON object per line, with PLOVER's field names;
- ``polecat`` (``polecat``): POLECAT's header and columns, tab-separated, one row per event;
- ``gdelt`` (``gdelt``): GDELT 2.0 Events (one row per cluster of reports) and Mentions (one row per record, in
  ``<path>.mentions.tsv``), tab-separated, no header;
- ``csv`` (``csv_table``): one row per event, lists joined with ``;``;
- ``parquet`` (``parquet_table``): the same flat table, typed;
- ``gexf`` and ``graphml`` (``network``): the actor network (``actor_network``), for Gephi and others.

``export(records, fmt, path)`` picks the writer from ``WRITERS``; an unknown format raises ``OutputError``
(NG500), as does a destination that cannot be written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from newsgraph.errors import OutputError
from newsgraph.export._io import TextTarget
from newsgraph.export._records import RecordLike
from newsgraph.export.csv_table import write_csv
from newsgraph.export.gdelt import mentions_path, write_gdelt
from newsgraph.export.network import actor_network, write_gexf, write_graphml
from newsgraph.export.parquet_table import write_parquet
from newsgraph.export.plover_jsonl import write_plover_jsonl
from newsgraph.export.polecat import write_polecat

Writer = Callable[[Iterable[RecordLike], Any], int]

WRITERS: dict[str, Writer] = {
    "plover-jsonl": write_plover_jsonl,
    "polecat": write_polecat,
    "gdelt": write_gdelt,
    "csv": write_csv,
    "parquet": write_parquet,
    "gexf": write_gexf,
    "graphml": write_graphml,
}
TEXT_FORMATS = frozenset({"plover-jsonl", "polecat", "gdelt", "csv"})


def export(records: Iterable[RecordLike], fmt: str, path: TextTarget) -> int:
    """Write the records in format ``fmt`` to ``path`` (a text stream too for the text formats); return the count."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise OutputError(f"unknown export format {fmt!r}; one of: {', '.join(WRITERS)}")
    if fmt not in TEXT_FORMATS and hasattr(path, "write"):
        raise OutputError(f"the {fmt} format is written to a file, not to a stream")
    return writer(records, path)


__all__ = [
    "TEXT_FORMATS", "WRITERS", "Writer", "actor_network", "export", "mentions_path", "write_csv", "write_gdelt",
    "write_gexf", "write_graphml", "write_parquet", "write_plover_jsonl", "write_polecat",
]  # fmt: skip

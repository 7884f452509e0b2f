"""One flat row per event, shared by the CSV and Parquet writers.

The first 35 columns are those of ``newsgraph extract --format csv`` (the CLI's ``CSV_FIELDS``), in the same order,
so an export is a superset of that file; more columns follow: the actors' and recipients' knowledge-base ids, the
place's name, country and coordinates, the publication date and the cluster fields.

- ``actor`` / ``recipient`` are the actors' names (resolved name, else the words of the text); ``actor_country``,
  ``actor_sector`` and ``actor_kb_id`` are aligned with them position by position (an unknown value is empty in
  CSV, null in Parquet).
- ``attribution`` is the name of who says so; ``location`` the words naming the place; ``trigger`` the trigger's
  words, with ``trigger_start`` / ``trigger_end``.
- Cluster fields (``cluster_id``, ``num_mentions``, ``num_articles``, ``num_sources``) are null when the record has
  none; ``cluster_id`` is written as text whatever its type.
"""

from __future__ import annotations

from typing import Any

from newsgraph.export._records import Record, actors, label, to_float, to_int

FLAT_COLUMNS: tuple[str, ...] = (
    "id", "doc_id", "event", "mode", "context", "quad", "intensity", "cameo", "actor", "actor_country",
    "actor_sector", "recipient", "recipient_country", "recipient_sector", "modality", "attribution", "date",
    "date_precision", "date_raw", "date_source", "location", "sentence", "sentence_start", "sentence_end",
    "trigger", "trigger_start", "trigger_end", "confidence", "rule", "coder", "ontology", "source", "url", "title",
    "publisher",
    # beyond the CLI's CSV
    "actor_kb_id", "recipient_kb_id", "location_name", "location_country", "location_lat", "location_lon",
    "published", "cluster_id", "num_mentions", "num_articles", "num_sources",
)  # fmt: skip

LIST_COLUMNS = frozenset(
    {"context", "modality", "actor", "actor_country", "actor_sector", "actor_kb_id", "recipient",
     "recipient_country", "recipient_sector", "recipient_kb_id"}
)  # fmt: skip
INT_COLUMNS = frozenset(
    {"quad", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "num_mentions", "num_articles",
     "num_sources"}
)  # fmt: skip
FLOAT_COLUMNS = frozenset({"intensity", "confidence", "location_lat", "location_lon"})


def _strings(values: Any) -> list[str]:
    return [str(v) for v in values or () if v is not None]


def _optional(value: Any) -> str | None:
    return None if value is None or value == "" else str(value)


def _role_columns(record: Record, role: str) -> dict[str, list[str | None]]:
    people = actors(record, role)
    return {
        role: [label(a) for a in people],
        f"{role}_country": [_optional(a.get("country")) for a in people],
        f"{role}_sector": [_optional(a.get("sector")) for a in people],
        f"{role}_kb_id": [_optional(a.get("kb_id")) for a in people],
    }


def flat_row(record: Record) -> dict[str, Any]:
    """The record as one flat row: lists stay lists, numbers are numbers, absent values are None."""
    trigger = record.get("trigger") or {}
    location = record.get("location") or {}
    attribution = record.get("attribution")
    cluster_id = record.get("cluster_id")
    row: dict[str, Any] = {
        **{name: _optional(record.get(name)) for name in FLAT_COLUMNS},
        **_role_columns(record, "actor"),
        **_role_columns(record, "recipient"),
        "context": _strings(record.get("context")),
        "modality": _strings(record.get("modality")),
        "attribution": label(attribution) or None,
        "location": _optional(location.get("text")),
        "trigger": _optional(trigger.get("text")),
        "trigger_start": to_int(trigger.get("start")),
        "trigger_end": to_int(trigger.get("end")),
        "location_name": _optional(location.get("name")),
        "location_country": _optional(location.get("country")),
        "location_lat": to_float(location.get("lat")),
        "location_lon": to_float(location.get("lon")),
        "cluster_id": None if cluster_id is None else str(cluster_id),
    }
    for name in INT_COLUMNS - {"trigger_start", "trigger_end"}:
        row[name] = to_int(record.get(name))
    for name in FLOAT_COLUMNS - {"location_lat", "location_lon"}:
        row[name] = to_float(record.get(name))
    return row

"""``parquet``: the flat table of ``flat.FLAT_COLUMNS``, one row per event, typed, readable by pandas, R and DuckDB.

Types: lists (context, modality, the actors' names, countries, sectors, ids) are ``list<string>`` (an unknown value
inside a list is null, so positions line up); ``quad``, offsets and cluster counts are ``int64``; ``intensity``,
``confidence`` and the coordinates ``float64``; everything else, dates included (``date`` may be ``YYYY-MM`` or
``YYYY``), is ``string``. Absent values are null. The schema's metadata holds ``newsgraph.schema`` =
``events-flat/1`` (bumped when a column changes meaning; columns are only ever added).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.export._io import atomic_path
from newsgraph.export._records import RecordLike, iter_records
from newsgraph.export.flat import FLAT_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, LIST_COLUMNS, flat_row

SCHEMA_VERSION = "events-flat/1"


def _type(name: str) -> pa.DataType:
    if name in LIST_COLUMNS:
        return pa.list_(pa.string())
    if name in INT_COLUMNS:
        return pa.int64()
    if name in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


SCHEMA = pa.schema(
    [pa.field(name, _type(name)) for name in FLAT_COLUMNS], metadata={"newsgraph.schema": SCHEMA_VERSION}
)


def events_table(records: Iterable[RecordLike]) -> pa.Table:
    """The records as an Arrow table with ``SCHEMA``."""
    rows = [flat_row(record) for record in iter_records(records)]
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def write_parquet(records: Iterable[RecordLike], path: str | os.PathLike[str]) -> int:
    """Write the records as one Parquet file, whole or not at all; return the number of rows."""
    table = events_table(records)
    with atomic_path(path) as temporary:
        pq.write_table(table, temporary)
    return table.num_rows

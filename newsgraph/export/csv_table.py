"""``csv``: one row per event, a header line, the columns of ``flat.FLAT_COLUMNS``.

Lists (context, modality, the actors' names, countries, sectors and ids) are joined with ``;``, an unknown value in
a list staying empty so that positions line up (``"QAT;"`` = first actor Qatari, second unknown). Empty cells are
absent values. UTF-8, comma-separated, ``\\n`` line ends, quoted where needed (Python's ``csv`` dialect "excel").
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any

from newsgraph.export._io import TextTarget, text_output
from newsgraph.export._records import Record, RecordLike, iter_records
from newsgraph.export.flat import FLAT_COLUMNS, LIST_COLUMNS, flat_row

CSV_COLUMNS = FLAT_COLUMNS


def _cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if name in LIST_COLUMNS:
        return ";".join("" if v is None else str(v) for v in value)
    return value


def csv_row(record: Record) -> list[Any]:
    """The record's cells in ``CSV_COLUMNS`` order."""
    row = flat_row(record)
    return [_cell(name, row[name]) for name in CSV_COLUMNS]


def write_csv(records: Iterable[RecordLike], target: TextTarget) -> int:
    """Write the records as CSV to a path (whole or not at all) or a text stream; return the number of rows."""
    count = 0
    with text_output(target) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for record in iter_records(records):
            writer.writerow(csv_row(record))
            count += 1
    return count

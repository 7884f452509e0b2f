"""JSONL articles: one JSON object per line with ``text`` and optional metadata.

The file is read line by line, so a corpus may be larger than NEWSGRAPH_MAX_BYTES;
the limit applies to each line. A bad line becomes a ``Rejected`` entry with its
line number and the others are still read. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.config import Settings
from newsgraph.errors import EmptyInput, InputError, MalformedRecord
from newsgraph.ingest.checks import (
    BOM,
    HEAD_BYTES,
    check_not_binary,
    decode_utf8,
    oversized,
    stat_file,
    unreadable,
)
from newsgraph.ingest.dates import normalise_date
from newsgraph.ingest.text import article_from_text
from newsgraph.model import Article, ReadResult, Rejected

OPTIONAL_FIELDS = ("title", "url", "published", "publisher")
_CHUNK = 1 << 20


def read_jsonl_file(path: Path, settings: Settings, published: str | None) -> ReadResult:
    """Every good line as an Article, every bad line as a Rejected (InputError for a bad file)."""
    source = str(path)
    stat_file(path)
    result = ReadResult()
    seen_content = False
    try:
        with path.open("rb") as handle:
            check_not_binary(handle.read(HEAD_BYTES), source)
            handle.seek(0)
            for number, offset, raw in _lines(handle, settings.max_bytes):
                if raw is not None and not raw.strip():
                    continue
                seen_content = True
                try:
                    if raw is None:
                        raise oversized(offset, settings, source, number)
                    result.articles.append(_read_line(raw, number, offset, source, settings, published))
                except InputError as e:
                    result.rejected.append(Rejected(source=source, line=number, code=e.code, reason=e.message))
    except OSError as e:
        raise unreadable(path, e) from e
    if not seen_content:
        raise EmptyInput("input holds no JSON lines", source=source)
    return result


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, byte offset of the line, line without its end) for each line.

    A line longer than ``limit`` bytes is skipped over unread and given as None,
    with its length in place of the offset.
    """
    number, offset = 0, 0
    while raw := handle.readline(limit + 1):
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            size = len(raw)
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(_CHUNK)
                size += len(raw)
            yield number, size, None
            offset += size
            continue
        line = raw.rstrip(b"\r\n")
        if number == 1 and line.startswith(BOM):
            yield number, offset + len(BOM), line[len(BOM) :]
        else:
            yield number, offset, line
        offset += len(raw)


def _read_line(raw: bytes, number: int, offset: int, source: str, settings: Settings, published: str | None) -> Article:
    record = _parse(decode_utf8(raw, source, base_offset=offset, base_line=number), number, source)
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecord("the object has no string field 'text'", source=source, line=number)
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise MalformedRecord(f"field {name!r} must be a string, got {type(value).__name__}", source=source, line=number)
        fields[name] = value.strip() or None if isinstance(value, str) else None
    record_date = fields["published"]
    if published is None and record_date is not None:
        published = normalise_date(record_date)
        if published is None:
            raise MalformedRecord(f"field 'published' is not a date: {record_date!r}", source=source, line=number)
    article = article_from_text(text, settings, source=source, line=number, published=published, title=fields["title"])
    return replace(article, source=f"{source}:{number}", url=fields["url"], publisher=fields["publisher"])


def _parse(line: str, number: int, source: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise MalformedRecord(f"not valid JSON: {e.msg} at column {e.colno}", source=source, line=number) from e
    if not isinstance(record, dict):
        raise MalformedRecord(f"not a JSON object (got {type(record).__name__})", source=source, line=number)
    return record

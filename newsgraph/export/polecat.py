"""``polecat``: a tab-separated table shaped like POLECAT's, with POLECAT's header, one row per event.

Columns (``POLECAT_COLUMNS``, the header exactly as POLECAT users' loaders expect) and where they come from:

- ``Event ID`` id; ``Event Date`` the event's date as ``YYYY-MM-DD`` (a month or a year alone gives its first day;
  empty when unknown); ``Event Type`` the PLOVER category; ``Event Mode`` mode; ``Intensity`` PLOVER score;
  ``Quad Code`` quad (1-4); ``Contexts`` the contexts joined with ``;``.
- Actor columns describe the first actor, Recipient columns the first recipient: ``Actor Name`` resolved name
  (else the words), ``Actor Country`` ISO alpha-3 or a non-state code, ``Actor COW`` the Correlates of War state
  number, ``Primary Actor Sector`` its sector, ``Actor Name Raw`` the words of the article, ``Wikipedia Actor ID``
  the knowledge-base id. The plural columns ``Actor Sectors`` / ``Recipient Sectors`` hold the sectors of all
  actors / recipients, distinct, joined with ``;`` (so a compound actor "Egypt and Qatar" is visible there and in
  the full record). ``Actor Title`` / ``Recipient Title`` are empty (newsgraph does not code offices).
- Place: ``Placename`` gazetteer name, ``Raw Placename`` the words, ``Country`` the place's ISO alpha-3,
  ``Latitude`` / ``Longitude``; ``City``, ``District``, ``Province``, ``GeoNames ID``, ``Feature Type`` are empty.
- ``Source`` the publisher (else the URL's host, else the input file); ``Publication Date`` ``YYYY-MM-DD``;
  ``Story People`` / ``Story Organizations`` / ``Story Locations``: the distinct names of the event's own persons,
  organisations (and nationalities) and states (plus the place's name), joined with ``;``: newsgraph records the
  entities of the event, not of the whole story. ``Language`` the record's language when given (else empty);
  ``Version`` the coder (``newsgraph.rules/1``).

COW codes. country_converter 1.3.2 has no COW classification, so the number is its Gleditsch-Ward code
(``coco.convert(names=iso3, src='ISO3', to='GWcode')``), corrected where COW differs (``COW_FROM_ISO3``: Germany
255, Serbia 345, Czechia 316, Vietnam 816, Yemen 679, Kiribati 946, Nauru 970, Tonga 955, Tuvalu 947) and with
Kosovo's ``KOS`` read as ``XKX`` (347). Non-state codes and places COW does not list (Palestine, Hong Kong,
Western Sahara, the Holy See) give an empty cell. Look-ups are cached: the converter is slow.

The file is UTF-8, tab-separated, ``\\n`` line ends; tabs and line breaks inside values become spaces, and a value
holding a double quote is quoted CSV-style (pandas ``read_csv(sep="\\t")`` reads it back unchanged).
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from newsgraph.export._io import TextTarget, clean_cell, text_output
from newsgraph.export._records import (
    Record,
    RecordLike,
    actors,
    event_date,
    iso_day,
    iter_records,
    label,
    published_at,
    source_name,
    text,
)

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
    "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)  # fmt: skip

# Where COW's state number differs from Gleditsch-Ward's (or country_converter lacks it).
COW_FROM_ISO3: dict[str, int] = {
    "DEU": 255, "SRB": 345, "CZE": 316, "VNM": 816, "YEM": 679,
    "KIR": 946, "NRU": 970, "TON": 955, "TUV": 947, "KOS": 347, "XKX": 347,
}  # fmt: skip
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"})


@cache
def cow_code(iso3: str | None) -> str:
    """The COW state number of an ISO alpha-3 code, as text; empty when COW lists no such state."""
    if not iso3 or iso3 in NON_STATE:
        return ""
    if iso3 in COW_FROM_ISO3:
        return str(COW_FROM_ISO3[iso3])
    import country_converter as coco

    log = logging.getLogger("country_converter")
    level = log.level
    log.setLevel(logging.ERROR)  # "not found" warnings are expected here: the answer is an empty cell
    try:
        value = coco.convert(names=iso3, src="ISO3", to="GWcode", not_found=None)
    finally:
        log.setLevel(level)
    try:
        return str(int(value))
    except (TypeError, ValueError):  # None, NaN or a list
        return ""


def _distinct(values: Iterable[Any]) -> str:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(str(value), None)
    return ";".join(seen)


def _party(people: list[Mapping[str, Any]]) -> list[str]:
    """Actor (or Recipient) columns: Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    first = people[0] if people else {}
    return [
        label(first),
        text(first.get("country")),
        cow_code(first.get("country")),
        text(first.get("sector")),
        _distinct(a.get("sector") for a in people),
        "",
        text(first.get("text")),
        text(first.get("kb_id")),
    ]


def _place(location: Mapping[str, Any] | None) -> list[str]:
    """Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type."""
    if not location:
        return [""] * 10
    return [
        text(location.get("name")), "", "", "", text(location.get("country")), text(location.get("lat")),
        text(location.get("lon")), "", text(location.get("text")), "",
    ]  # fmt: skip


def _story(record: Record) -> list[str]:
    """Story People, Story Organizations, Story Locations: the event's own entities."""
    entities = [*actors(record, "actor"), *actors(record, "recipient")]
    if isinstance(record.get("attribution"), Mapping):
        entities.append(record["attribution"])
    location = record.get("location") or {}

    def of(*kinds: str) -> Iterator[str]:
        return (label(e) for e in entities if e.get("entity_type") in kinds and (e.get("name") or e.get("kb_id")))

    return [_distinct(of("PERSON")), _distinct(of("ORG", "NORP")), _distinct([*of("GPE"), location.get("name")])]


def polecat_row(record: Record) -> list[str]:
    """The record's cells in ``POLECAT_COLUMNS`` order."""
    published = published_at(record)
    row = [
        text(record.get("id")), iso_day(event_date(record)), text(record.get("event")), text(record.get("mode")),
        text(record.get("intensity")), text(record.get("quad")), _distinct(record.get("context") or ()),
        *_party(actors(record, "actor")), *_party(actors(record, "recipient")),
        *_place(record.get("location")),
        source_name(record), iso_day(published.date() if published else None), *_story(record),
        text(record.get("language")), text(record.get("coder")),
    ]  # fmt: skip
    return [clean_cell(cell) for cell in row]


def write_polecat(records: Iterable[RecordLike], target: TextTarget) -> int:
    """Write the POLECAT-shaped table (with header) to a path (whole or not at all) or a text stream; return rows."""
    count = 0
    with text_output(target) as stream:
        writer = csv.writer(stream, delimiter="\t", lineterminator="\n")
        writer.writerow(POLECAT_COLUMNS)
        for record in iter_records(records):
            writer.writerow(polecat_row(record))
            count += 1
    return count

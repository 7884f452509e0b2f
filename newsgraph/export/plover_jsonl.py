"""``plover-jsonl``: one JSON object per line and per event, with PLOVER's own field names (plover.md section 6).

Mapping from the newsgraph record (docs/event-record.md):

=================  ===================================================================================
PLOVER field       from
=================  ===================================================================================
``id``             ``id``
``date``           ``date`` as ``YYYY-MM-DD``; a month or a year alone gives its first day (the
                   precision and the words are kept in ``newsgraph.date_precision`` / ``date_raw``);
                   null when the date is unknown
``actor``          ``actor``, a list of entity objects (below)
``recipient``      ``recipient``, a list of entity objects (empty when none)
``event``          ``[event]`` (a list, as PLOVER allows several categories)
``mode``           ``[mode]``, or ``[]`` when the category has none
``context``        ``context`` (a list)
``quad_code``      ``quad`` (1-4)
``event_loc``      ``location`` as a PLOVER location object (below), null when none
``event_text``     ``sentence``: the sentence that states the event
``text_info``      ``{sequence: null, start: sentence_start, end: sentence_end, text_story: doc_id,
                   trigger: {text, start, end}}``: offsets of ``event_text`` in the article
``cite_info``      ``{corpus: source, url, title, language, publication: publisher, published,
                   licence: null, coder, codebook: ontology, version: newsgraph's version}``
``link``           ``cluster_id`` as text: the records of one real event share it; null when none
``coder``          ``coder`` (``newsgraph.rules/1``)
``codebook``       ``ontology`` (``PLOVER-2.0``)
``comment``        ``rule``: which lexicon entry and rules produced the event
=================  ===================================================================================

Entity object: ``code`` = country (ISO alpha-3 or a non-state code such as IGO), ``sector`` = PLOVER sector,
``entity_text`` = the words of the article, ``identifier_id`` = knowledge-base id, ``identifier_text`` =
resolved name, plus ``entity_type``, ``start``, ``end`` (offsets in the article). The entity fields newsgraph does
not code (religion, ethnicity, office, gender, age) are left out rather than written as null.

Location object: ``extracted_place`` = words, ``resolved_place`` = gazetteer name, ``country_code`` = ISO
alpha-3, ``lat``, ``lon``, ``resolution`` = 4 (a place with coordinates) or 1 (a whole country); the Geonames
fields newsgraph does not have are left out.

What PLOVER has no field for goes under ``newsgraph``: ``doc_id``, ``intensity`` (PLOVER score), ``cameo``,
``modality`` (negated, hypothetical, future, historical: PLOVER's auxiliary modes, not applied here: a negated
event is kept and marked), ``attribution`` (an entity object), ``confidence``, ``date_precision``, ``date_raw``,
``date_source``, ``num_mentions``, ``num_articles``, ``num_sources``.

No field depends on the time of the export: the same records give the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from newsgraph.export._io import TextTarget, text_output
from newsgraph.export._records import Record, RecordLike, actors, event_date, iter_records, to_int

COUNTRY_RESOLUTION = 1
PLACE_RESOLUTION = 4


def _version() -> str:
    from newsgraph import __version__

    return __version__


def entity(actor: Mapping[str, Any]) -> dict[str, Any]:
    """A newsgraph Actor as a PLOVER entity object."""
    return {
        "code": actor.get("country"),
        "sector": actor.get("sector"),
        "entity_text": actor.get("text"),
        "identifier_id": actor.get("kb_id"),
        "identifier_text": actor.get("name"),
        "entity_type": actor.get("entity_type"),
        "start": actor.get("start"),
        "end": actor.get("end"),
    }


def event_location(location: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A newsgraph Location as a PLOVER location object."""
    if not location:
        return None
    has_point = location.get("lat") is not None and location.get("lon") is not None
    return {
        "extracted_place": location.get("text"),
        "resolved_place": location.get("name"),
        "country_code": location.get("country"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "resolution": PLACE_RESOLUTION if has_point else COUNTRY_RESOLUTION,
    }


def _text_info(record: Record) -> dict[str, Any]:
    trigger = record.get("trigger") or {}
    return {
        "sequence": None,
        "start": record.get("sentence_start"),
        "end": record.get("sentence_end"),
        "text_story": record.get("doc_id"),
        "trigger": {"text": trigger.get("text"), "start": trigger.get("start"), "end": trigger.get("end")},
    }


def _cite_info(record: Record) -> dict[str, Any]:
    return {
        "corpus": record.get("source"),
        "url": record.get("url"),
        "title": record.get("title"),
        "language": record.get("language"),
        "publication": record.get("publisher"),
        "published": record.get("published"),
        "licence": None,
        "coder": record.get("coder"),
        "codebook": record.get("ontology"),
        "version": _version(),
    }


def _extension(record: Record) -> dict[str, Any]:
    attribution = record.get("attribution")
    return {
        "doc_id": record.get("doc_id"),
        "intensity": record.get("intensity"),
        "cameo": record.get("cameo"),
        "modality": list(record.get("modality") or ()),
        "attribution": entity(attribution) if isinstance(attribution, Mapping) else None,
        "confidence": record.get("confidence"),
        "date_precision": record.get("date_precision"),
        "date_raw": record.get("date_raw"),
        "date_source": record.get("date_source"),
        "num_mentions": to_int(record.get("num_mentions")),
        "num_articles": to_int(record.get("num_articles")),
        "num_sources": to_int(record.get("num_sources")),
    }


def plover_record(record: Record) -> dict[str, Any]:
    """The newsgraph record as a PLOVER JSON object (see the module's mapping)."""
    day = event_date(record)
    cluster_id = record.get("cluster_id")
    return {
        "id": record.get("id"),
        "date": day.isoformat() if day else None,
        "actor": [entity(a) for a in actors(record, "actor")],
        "recipient": [entity(a) for a in actors(record, "recipient")],
        "event": [record["event"]] if record.get("event") else [],
        "mode": [record["mode"]] if record.get("mode") else [],
        "context": list(record.get("context") or ()),
        "quad_code": record.get("quad"),
        "event_loc": event_location(record.get("location")),
        "event_text": record.get("sentence"),
        "text_info": _text_info(record),
        "cite_info": _cite_info(record),
        "link": None if cluster_id is None else str(cluster_id),
        "coder": record.get("coder"),
        "codebook": record.get("ontology"),
        "comment": record.get("rule"),
        "newsgraph": _extension(record),
    }


def write_plover_jsonl(records: Iterable[RecordLike], target: TextTarget) -> int:
    """Write one PLOVER JSON object per line to a path (whole or not at all) or a text stream; return the count."""
    count = 0
    with text_output(target) as stream:
        for record in iter_records(records):
            stream.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
            count += 1
    return count

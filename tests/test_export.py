"""Export writers: every format written from hand-built records and read back with its real client."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest

from newsgraph.errors import OutputError
from newsgraph.export import WRITERS, actor_network, export, mentions_path, write_csv, write_gdelt
from newsgraph.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, actor_columns, cameo_type, global_event_id
from newsgraph.export.polecat import POLECAT_COLUMNS, cow_code
from newsgraph.model import Actor, Event, Location, Trigger

# The POLECAT header as users' loaders expect it (shared/docs/users.md), copied verbatim.
USERS_POLECAT = (
    "Event ID, Event Date, Event Type, Event Mode, Intensity, Quad Code, Contexts, Actor Name, Actor Country, "
    "Actor COW, Primary Actor Sector, Actor Sectors, Actor Title, Actor Name Raw, Wikipedia Actor ID, Recipient Name, "
    "Recipient Country, Recipient COW, Primary Recipient Sector, Recipient Sectors, Recipient Title, "
    "Recipient Name Raw, Wikipedia Recipient ID, Placename, City, District, Province, Country, Latitude, Longitude, "
    "GeoNames ID, Raw Placename, Feature Type, Source, Publication Date, Story People, Story Organizations, "
    "Story Locations, Language, Version"
).split(", ")

QATAR = Actor("Qatar", 0, 5, "Qatar", "QAT", "QAT", "GOV", "GPE")
TURKEY = Actor("Ankara", 10, 16, "Turkey", "TUR", "TUR", "GOV", "GPE")
HAMAS = Actor("Hamas", 20, 25, "Hamas", "Q38600", "PSE", "REB", "ORG")
UN = Actor("the UN", 30, 36, "United Nations", "UN", "UNO", None, "ORG")
CLUSTER = "cl_00112233445566778899"


def _event(
    ident: str, doc: str, category: str, quad: int, intensity: float, cameo: str | None, actor: tuple[Actor, ...],
    recipient: tuple[Actor, ...], date: str | None, precision: str | None, sentence: str, start: int, **extra: Any
) -> Event:  # fmt: skip
    return Event(
        id=ident, doc_id=doc, event=category, mode=extra.pop("mode", None), context=tuple(extra.pop("context", ())),
        quad=quad, intensity=intensity, cameo=cameo, actor=actor, recipient=recipient,
        modality=tuple(extra.pop("modality", ())), attribution=extra.pop("attribution", None), date=date,
        date_precision=precision, date_raw=None, date_source="text" if date else None,
        location=extra.pop("location", None), sentence=sentence, sentence_start=start,
        sentence_end=start + len(sentence), trigger=Trigger("asked", start + 6, start + 11),
        confidence=extra.pop("confidence", 0.8), rule="lexicon:ask", **extra,
    )  # fmt: skip


def _records() -> list[dict[str, Any]]:
    doha = Location("Doha", 40, 44, "Doha", "QAT", 25.2854, 51.531)
    cluster = {"cluster_id": CLUSTER, "num_mentions": 2, "num_articles": 2, "num_sources": 2}
    a = _event("ev_a000000000000001", "doc_1", "REQUEST", 3, -1.0, "1041", (QATAR,), (HAMAS,), "2024-11-09", "day",
               "Qatar asked Hamas to leave Doha.", 0, mode="change", context=("diplomatic",), location=doha,
               confidence=0.9, url="https://www.aljazeera.com/news/1", publisher="Al Jazeera",
               source="news/aj.jsonl:1")  # fmt: skip
    b = _event("ev_b000000000000002", "doc_2", "REQUEST", 3, -1.0, "1041", (QATAR,), (HAMAS,), "2024-11-09", "day",
               "Doha asked \"Hamas\" leaders to leave.", 120, confidence=0.7, url="https://reuters.com/2",
               publisher="Reuters", source="news/r.jsonl:4", location=doha)  # fmt: skip
    c = _event("ev_c000000000000003", "doc_1", "CONSULT", 1, 2.5, "040", (QATAR, TURKEY), (), "2024-11", "month",
               "Qatar and\tTurkey held talks\nin Ankara.", 700, url="https://www.aljazeera.com/news/1",
               publisher="Al Jazeera", source="news/aj.jsonl:1")  # fmt: skip
    d = _event("ev_d000000000000004", "doc_3", "ASSAULT", 4, -9.0, "190", (HAMAS,), (QATAR,), None, None,
               "Hamas did not attack Qatar.", 0, modality=("negated",))  # fmt: skip
    e = _event("ev_e000000000000005", "doc_4", "ACCUSE", 3, -2.0, "112", (UN,), (HAMAS,), "2024", "year",
               "The UN condemned Hamas.", 5, attribution=Actor("reportedly", 0, 10), source="bare.txt")  # fmt: skip
    records = [x.to_dict() for x in (a, b, c, d, e)]
    records[0].update(cluster, published="2024-11-18T09:30:00Z")
    records[1].update(cluster, published="2024-11-18T07:05:09+00:00")
    records[2].update(published="2024-11-18")
    return records


@pytest.fixture
def records() -> list[dict[str, Any]]:
    return _records()


def _tsv_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").split("\n") if line]


# --- csv ---------------------------------------------------------------------------------------------------------


def test_csv_one_row_per_event_with_lists_joined(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.csv"
    assert export(records, "csv", path) == 5
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    consult = rows[2]
    assert consult["actor"] == "Qatar;Turkey" and consult["actor_country"] == "QAT;TUR" and consult["recipient"] == ""
    assert consult["sentence"] == records[2]["sentence"]  # tab and line break survive CSV quoting
    assert rows[4]["actor_sector"] == "" and rows[4]["attribution"] == "reportedly"
    assert rows[0]["cluster_id"] == CLUSTER and rows[0]["num_mentions"] == "2" and rows[3]["cluster_id"] == ""
    frame = pd.read_csv(path)
    assert len(frame) == 5 and frame["quad"].tolist() == [3, 3, 1, 4, 3]
    assert frame.loc[0, "location_lat"] == pytest.approx(25.2854)
    assert list(frame.columns[:4]) == ["id", "doc_id", "event", "mode"]


def test_csv_to_a_stream(records: list[dict[str, Any]]) -> None:
    stream = io.StringIO()
    assert write_csv(records[:2], stream) == 2
    assert len(list(csv.reader(io.StringIO(stream.getvalue())))) == 3


# --- polecat -----------------------------------------------------------------------------------------------------


def test_polecat_header_is_users_list_and_rows_have_40_columns(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.tsv"
    export(records, "polecat", path)
    assert list(POLECAT_COLUMNS) == USERS_POLECAT and len(USERS_POLECAT) == 40
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    assert rows[0] == USERS_POLECAT
    assert len(rows) == 6 and all(len(row) == 40 for row in rows)
    frame = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == USERS_POLECAT
    first = frame.iloc[0]
    assert first["Event Date"] == "2024-11-09" and first["Event Type"] == "REQUEST" and first["Event Mode"] == "change"
    assert first["Actor Name"] == "Qatar" and first["Actor Country"] == "QAT" and first["Actor COW"] == "694"
    assert first["Recipient Name"] == "Hamas" and first["Recipient COW"] == ""  # Palestine: no COW state
    assert first["Wikipedia Recipient ID"] == "Q38600" and first["Primary Recipient Sector"] == "REB"
    assert first["Placename"] == "Doha" and first["Latitude"] == "25.2854"
    assert first["Source"] == "Al Jazeera" and first["Publication Date"] == "2024-11-18"
    assert first["Version"] == "newsgraph.rules/1" and first["Story Organizations"] == "Hamas"
    assert frame.iloc[1]["Actor Name Raw"] == "Qatar"
    consult = frame.iloc[2]
    assert consult["Event Date"] == "2024-11-01" and consult["Actor Sectors"] == "GOV"
    assert consult["Story Locations"] == "Qatar;Turkey"
    assert frame.iloc[3]["Event Date"] == "" and frame.iloc[4]["Actor Country"] == "UNO"
    assert frame.iloc[4]["Actor COW"] == "" and frame.iloc[4]["Source"] == "bare.txt"


def test_polecat_header_matches_the_shared_users_doc() -> None:
    users = Path(__file__).resolve().parents[2] / "shared" / "docs" / "users.md"
    if not users.exists():
        pytest.skip("shared/docs/users.md is not beside the repository")
    match = re.search(r"- POLECAT: `([^`]*)`", users.read_text(encoding="utf-8"))
    assert match is not None
    assert list(POLECAT_COLUMNS) == [name.strip() for name in match.group(1).split(",")]


def test_polecat_cow_codes() -> None:
    assert cow_code("USA") == "2" and cow_code("QAT") == "694"
    assert cow_code("DEU") == "255" and cow_code("KOS") == "347"  # COW, not Gleditsch-Ward
    assert cow_code("IGO") == "" and cow_code(None) == "" and cow_code("ZZZ") == ""


# --- gdelt -------------------------------------------------------------------------------------------------------


def test_gdelt_events_one_row_per_cluster_61_columns_no_header(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.export.tsv"
    assert export(records, "gdelt", path) == 5
    assert len(EVENT_COLUMNS) == 61 and len(set(EVENT_COLUMNS)) == 61
    rows = _tsv_rows(path)
    assert len(rows) == 4 and all(len(row) == 61 for row in rows)  # the two reports of one event are one row
    assert rows[0][0] != "GlobalEventID"
    frame = pd.read_csv(path, sep="\t", header=None, names=list(EVENT_COLUMNS), dtype=str, keep_default_na=False)
    cluster = frame.iloc[0]
    assert cluster["GlobalEventID"] == str(int("00112233445566778899"[:15], 16))
    assert cluster["Day"] == "20241109" and cluster["MonthYear"] == "202411" and cluster["Year"] == "2024"
    assert cluster["FractionDate"] == f"{2024 + (10 * 30 + 9) / 365:.4f}"
    assert cluster["Actor1Code"] == "QATGOV" and cluster["Actor1Name"] == "QATAR"
    assert cluster["Actor1CountryCode"] == "QAT" and cluster["Actor1Type1Code"] == "GOV"
    assert cluster["Actor2Code"] == "PSEREB" and cluster["Actor2Type1Code"] == "REB"
    assert (cluster["EventCode"], cluster["EventBaseCode"], cluster["EventRootCode"]) == ("1041", "104", "10")
    assert cluster["QuadClass"] == "3" and cluster["GoldsteinScale"] == "-1.0" and cluster["AvgTone"] == "0"
    assert (cluster["NumMentions"], cluster["NumSources"], cluster["NumArticles"]) == ("2", "2", "2")
    assert cluster["IsRootEvent"] == "1"
    assert cluster["ActionGeo_Type"] == "4" and cluster["ActionGeo_CountryCode"] == "QA"
    assert cluster["ActionGeo_Lat"] == "25.2854" and cluster["Actor1Geo_Type"] == "0"
    assert cluster["DATEADDED"] == "20241118070509"  # the earliest report
    assert cluster["SOURCEURL"] == "https://www.aljazeera.com/news/1"  # the most confident report
    consult = frame.iloc[1]
    assert consult["GlobalEventID"] == str(int("c00000000000000", 16))
    assert consult["Day"] == "20241101" and consult["Actor2Code"] == "TURGOV"  # reciprocal: second actor
    assert consult["IsRootEvent"] == "0" and consult["NumMentions"] == "1" and consult["DATEADDED"] == "20241118000000"
    negated = frame.iloc[2]
    assert negated["Day"] == "" and negated["DATEADDED"] == "" and negated["SOURCEURL"] == ""
    un = frame.iloc[3]
    assert un["Actor1Code"] == "IGOUNO" and un["Actor1CountryCode"] == "" and un["Actor1KnownGroupCode"] == "UNO"
    assert un["Actor1Type1Code"] == "IGO" and un["Day"] == "20240101" and un["SOURCEURL"] == "bare.txt"


def test_gdelt_mentions_one_row_per_record(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.export.tsv"
    write_gdelt(records, path)
    assert mentions_path(path) == tmp_path / "events.export.tsv.mentions.tsv"
    rows = _tsv_rows(mentions_path(path))
    assert len(MENTION_COLUMNS) == 16 and len(rows) == 5 and all(len(row) == 16 for row in rows)
    frame = pd.read_csv(
        mentions_path(path), sep="\t", header=None, names=list(MENTION_COLUMNS), dtype=str, keep_default_na=False
    )
    events = _tsv_rows(path)
    assert frame["GlobalEventID"].iloc[0] == frame["GlobalEventID"].iloc[1] == events[0][0]
    assert set(frame["GlobalEventID"]) == {row[0] for row in events}
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["EventTimeDate"] == "20241118070509" and first["MentionTimeDate"] == "20241118093000"
    assert first["MentionSourceName"] == "Al Jazeera" and second["MentionIdentifier"] == "https://reuters.com/2"
    assert first["Actor1CharOffset"] == "0" and first["Actor2CharOffset"] == "20" and first["ActionCharOffset"] == "6"
    assert first["Confidence"] == "90" and first["MentionType"] == "1"
    assert "<EVENT_ID>ev_a000000000000001</EVENT_ID>" in first["Extras"]
    assert frame.iloc[3]["MentionSourceName"] == "" and frame.iloc[3]["Actor2CharOffset"] == "0"


def test_gdelt_to_streams_and_codes() -> None:
    events, mentions = io.StringIO(), io.StringIO()
    assert write_gdelt(_records()[2:3], events) == 1  # no mentions target: mentions are not written
    write_gdelt(_records()[2:3], events, mentions=mentions)
    row = events.getvalue().split("\n")[0].split("\t")
    assert len(row) == 61 and "\n" not in row[-1]
    assert len(mentions.getvalue().rstrip("\n").split("\t")) == 16
    assert cameo_type("JRN") == "MED" and cameo_type("MED") == "HLH" and cameo_type("UNK") == ""
    assert actor_columns({"text": "EU", "name": "European Union", "country": "EUR", "sector": "GOV"})[:4] == [
        "IGOEUREECGOV", "EUROPEAN UNION", "", "EEC"
    ]  # fmt: skip
    assert global_event_id("ev_0123456789abcdef") == int("0123456789abcde", 16)
    assert global_event_id(42) == global_event_id("42") < 2**60


# --- parquet -----------------------------------------------------------------------------------------------------


def test_parquet_typed_flat_table(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.parquet"
    assert export(records, "parquet", path) == 5
    table = pq.read_table(path)
    assert table.num_rows == 5
    assert str(table.schema.field("quad").type) == "int64"
    assert str(table.schema.field("intensity").type) == "double"
    assert str(table.schema.field("actor").type) == "list<element: string>"
    assert str(table.schema.field("date").type) == "string"
    assert table.schema.metadata[b"newsgraph.schema"] == b"events-flat/1"
    frame = pd.read_parquet(path)
    assert list(frame.loc[2, "actor"]) == ["Qatar", "Turkey"] and list(frame.loc[2, "recipient"]) == []
    assert list(frame.loc[4, "actor_sector"]) == [None]
    assert frame.loc[2, "date"] == "2024-11" and frame.loc[3, "modality"].tolist() == ["negated"]
    assert frame.loc[0, "num_mentions"] == 2 and pd.isna(frame.loc[3, "num_mentions"])


def test_parquet_with_no_records(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert export([], "parquet", path) == 0
    assert pq.read_table(path).num_rows == 0


# --- graphs ------------------------------------------------------------------------------------------------------


def test_actor_network_aggregates_events(records: list[dict[str, Any]]) -> None:
    graph = actor_network(records)
    assert set(graph.nodes) == {"QAT", "TUR", "Q38600", "UN"}
    assert set(graph.edges) == {("QAT", "Q38600"), ("QAT", "TUR"), ("TUR", "QAT"), ("UN", "Q38600")}
    request = graph.edges["QAT", "Q38600"]
    assert request["count"] == 2 and request["conflict"] == 2 and request["cooperation"] == 0
    assert request["categories"] == "REQUEST" and request["first_date"] == request["last_date"] == "2024-11-09"
    assert request["events"] == "ev_a000000000000001;ev_b000000000000002"
    assert graph.edges["QAT", "TUR"]["reciprocal"] == 1 and graph.edges["TUR", "QAT"]["cooperation"] == 1
    assert graph.nodes["Q38600"]["label"] == "Hamas" and graph.nodes["QAT"]["count"] == 3
    assert graph.nodes["UN"]["sector"] == "" and graph.graph["events"] == 4  # the negated event is left out
    everything = actor_network(records, exclude_modality=frozenset())
    assert ("Q38600", "QAT") in everything.edges and everything.number_of_edges() == 5


def test_gexf_read_back(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "actors.gexf"
    assert export(records, "gexf", path) == 4
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 4
    assert graph.nodes["Q38600"]["label"] == "Hamas" and graph.nodes["QAT"]["sector"] == "GOV"
    edge = graph.edges["QAT", "Q38600"]
    assert edge["count"] == 2 and edge["intensity"] == pytest.approx(-1.0) and edge["first_date"] == "2024-11-09"
    assert "lastmodifieddate" not in path.read_text(encoding="utf-8")


def test_graphml_read_back(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "actors.graphml"
    export(records, "graphml", path)
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 4 and graph.number_of_edges() == 4
    assert graph.nodes["UN"]["country"] == "UNO" and graph.nodes["UN"]["type"] == "ORG"
    edge = graph.edges["UN", "Q38600"]
    assert edge["count"] == 1 and edge["conflict"] == 1 and edge["categories"] == "ACCUSE"
    assert edge["first_date"] == "2024"


# --- plover-jsonl ------------------------------------------------------------------------------------------------


def test_plover_jsonl_uses_plover_field_names(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    path = tmp_path / "events.jsonl"
    assert export(records, "plover-jsonl", path) == 5
    objects = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(objects) == 5
    first = objects[0]
    for name in ("id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "event_text",
                 "text_info", "cite_info", "coder", "codebook"):  # fmt: skip
        assert name in first
    assert first["event"] == ["REQUEST"] and first["mode"] == ["change"] and first["quad_code"] == 3
    assert first["actor"][0]["code"] == "QAT" and first["actor"][0]["sector"] == "GOV"
    assert first["recipient"][0]["identifier_id"] == "Q38600" and first["recipient"][0]["entity_text"] == "Hamas"
    assert first["text_info"]["start"] == 0 and first["event_text"] == "Qatar asked Hamas to leave Doha."
    assert first["cite_info"]["url"] == "https://www.aljazeera.com/news/1" and first["codebook"] == "PLOVER-2.0"
    assert first["event_loc"]["resolved_place"] == "Doha" and first["link"] == CLUSTER
    assert objects[2]["date"] == "2024-11-01" and objects[2]["newsgraph"]["date_precision"] == "month"
    assert objects[2]["recipient"] == [] and len(objects[2]["actor"]) == 2 and objects[2]["mode"] == []
    assert objects[3]["date"] is None and objects[3]["newsgraph"]["modality"] == ["negated"]
    assert objects[4]["newsgraph"]["attribution"]["entity_text"] == "reportedly"


# --- all formats -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_same_records_give_the_same_bytes(tmp_path: Path, fmt: str) -> None:
    first, second = tmp_path / "a.out", tmp_path / "b.out"
    export(_records(), fmt, first)
    export(iter(_records()), fmt, second)  # a one-pass iterator is enough
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_a_failed_export_leaves_the_old_file(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "out"
    path.write_text("old", encoding="utf-8")

    def broken() -> Iterator[dict[str, Any]]:
        yield _records()[0]
        raise RuntimeError("input failed")

    with pytest.raises(RuntimeError):
        export(broken(), fmt, path)
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_unknown_format_and_unwritable_place(tmp_path: Path, records: list[dict[str, Any]]) -> None:
    with pytest.raises(OutputError, match="unknown export format"):
        export(records, "xlsx", tmp_path / "x")
    with pytest.raises(OutputError) as caught:
        export(records, "csv", tmp_path / "missing" / "x.csv")
    assert caught.value.code == "NG500"
    with pytest.raises(OutputError):
        export(records, "parquet", io.StringIO())


def test_event_objects_are_accepted(tmp_path: Path) -> None:
    event = Event.from_dict(_records()[0])
    assert export([event], "csv", tmp_path / "one.csv") == 1

"""The store's reads for a browser: one event with its provenance, actors with counts, the actor graph, and a
read-only store. Events are built by hand (no spaCy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store
from tests.test_store import EGYPT, ERDOGAN, HAMAS, QATAR, TURKEY, article, coded, make_event

TEXT = ("Talks in Doha. Qatar hosted Hamas leaders in Doha. Turkey backed Hamas again. Egypt accused Qatar of delay. "
        "Erdogan praised Hamas.")  # fmt: skip


def fill(store: Store) -> dict[str, str]:
    """Two articles (the second repeats one event of the first); returns event ids by name."""
    first = article(TEXT, title="Talks in Doha", publisher="AP", url="https://example.org/a")
    events = {
        "hosted": make_event(first, "Qatar hosted Hamas leaders in Doha.", category="CONSULT", actor=(QATAR,),
                             recipient=(HAMAS,), date="2024-11-18"),
        "backed": make_event(first, "Turkey backed Hamas again.", category="SUPPORT", actor=(TURKEY,),
                             recipient=(HAMAS,), date="2024-11-18"),
        "accused": make_event(first, "Egypt accused Qatar of delay.", category="ACCUSE", actor=(EGYPT,),
                              recipient=(QATAR,), quad=3, intensity=-2.0, date="2023-05-02"),
        "praised": make_event(first, "Erdogan praised Hamas.", category="SUPPORT", actor=(ERDOGAN,),
                              recipient=(HAMAS,), modality=("hypothetical",), date="2024-11-18"),
    }  # fmt: skip
    second = article("Turkey backed Hamas again. Nothing else.", publisher="Reuters")
    again = make_event(second, "Turkey backed Hamas again.", category="SUPPORT", actor=(TURKEY,), recipient=(HAMAS,),
                       date="2024-11-19")  # fmt: skip
    store.write([coded("a.txt", None, first, *events.values()), coded("b.txt", None, second, again)])
    return {name: event.id for name, event in events.items()} | {"again": again.id}


@pytest.fixture
def filled(tmp_path: Path):
    with Store.open(tmp_path / "corpus.db") as store:
        ids = fill(store)
        yield store, ids


def test_store_event_has_its_article_and_the_reports_of_its_cluster(filled):
    store, ids = filled
    found = store.event(ids["backed"])
    record = found["event"]
    assert record["id"] == ids["backed"] and record["sentence"] == "Turkey backed Hamas again."
    assert TEXT[record["trigger"]["start"] : record["trigger"]["end"]] == record["trigger"]["text"]
    assert found["article"]["title"] == "Talks in Doha" and found["article"]["url"] == "https://example.org/a"
    assert found["article"]["source"] == "a.txt" and found["article"]["publisher"] == "AP"
    cluster = found["cluster"]
    assert (cluster["num_mentions"], cluster["num_articles"], cluster["num_sources"]) == (2, 2, 2)
    assert [r["id"] for r in cluster["reports"]] == [ids["backed"], ids["again"]]  # by date
    assert cluster["reports"][1]["publisher"] == "Reuters" and cluster["reports"][1]["sentence"] == record["sentence"]


def test_store_event_unknown_id_is_none(filled):
    store, _ = filled
    assert store.event("ev_0000000000000000") is None
    assert store.event("' OR 1=1 --") is None  # a parameter, never SQL


def test_store_actors_count_events_by_key_and_filter_by_words(filled):
    store, _ = filled
    actors = {a["key"]: a for a in store.actors()}
    assert actors["Q483658"]["events"] == 4 and actors["Q483658"]["name"] == "Hamas"  # hypothetical ones too
    assert actors["QAT"]["events"] == 2 and actors["QAT"]["country"] == "QAT" and actors["QAT"]["sector"] == "GOV"
    assert [a["key"] for a in store.actors()][0] == "Q483658"  # most events first
    assert [a["key"] for a in store.actors("erdoğan")] == ["Q39723"]  # any case, beyond ASCII
    assert [a["key"] for a in store.actors("q483658")] == ["Q483658"]
    assert len(store.actors(limit=2)) == 2 and store.actors(limit=2, offset=10) == []


def test_store_graph_names_its_nodes_and_filters_edges(filled):
    store, _ = filled
    graph = store.graph(by="year")
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert set(nodes) == {"QAT", "Q483658", "TUR", "EGY"}  # Erdogan's praise is hypothetical: left out
    assert nodes["TUR"]["label"] == "Turkey" and nodes["Q483658"]["sector"] == "REB"
    assert nodes["Q483658"]["count"] == 3 and nodes["QAT"]["count"] == 2
    pairs = {(e["source"], e["target"], e["period"], e["event"]): e["count"] for e in graph["edges"]}
    assert pairs == {("QAT", "Q483658", "2024", "CONSULT"): 1, ("TUR", "Q483658", "2024", "SUPPORT"): 2,
                     ("EGY", "QAT", "2023", "ACCUSE"): 1}  # fmt: skip
    assert graph["truncated"] is False
    window = store.graph(since="2024-01-01", until="2024-12-31", by="month", categories=["support"])
    assert [(e["source"], e["period"]) for e in window["edges"]] == [("TUR", "2024-11")]
    assert {n["id"] for n in window["nodes"]} == {"TUR", "Q483658"}
    busiest = store.graph(by="year", max_edges=1)
    assert busiest["truncated"] is True and [e["count"] for e in busiest["edges"]] == [2]
    with pytest.raises(StoreError, match="since"):
        store.graph(since="last week")


def test_store_read_only_refuses_writes_but_reads(tmp_path: Path):
    path = tmp_path / "corpus.db"
    with Store.open(path) as store:
        fill(store)
    with Store.open(path, read_only=True) as reader:
        assert len(reader.events()) == 4
        art = article("Egypt hosted Turkey. More.")
        with pytest.raises(StoreError, match="readonly|read-only|read only"):
            reader.write([coded("c.txt", None, art, make_event(art, "Egypt hosted Turkey."))])
        assert len(reader.events()) == 4

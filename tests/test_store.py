"""The corpus store: idempotent writes, duplicates, rejects, clusters, filters, search, stats, network,
migrations, bad files and a reader beside a writer. Events are built by hand (no spaCy)."""

from __future__ import annotations

import pickle
import random
import sqlite3
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import Actor, Article, Event, Location, Trigger, event_id_for
from newsgraph.store import DocumentResult, Store
from newsgraph.store import connection, writer
from newsgraph.store.clusters import ClusterKey, dates_match, same_event
from newsgraph.store.network import plan
from newsgraph.store.schema import MIGRATIONS, migrate

QATAR = Actor("Qatar", 0, 5, "Qatar", "QAT", "QAT", "GOV", "GPE")
TURKEY = Actor("Turkey", 0, 6, "Turkey", "TUR", "TUR", "GOV", "GPE")
EGYPT = Actor("Egypt", 0, 5, "Egypt", "EGY", "EGY", "GOV", "GPE")
ERDOGAN = Actor("Turkish President Recep Tayyip Erdoğan", 0, 38, "Recep Tayyip Erdoğan", "Q39723", "TUR", "GOV",
                "PERSON")  # fmt: skip
HAMAS = Actor("Hamas", 0, 5, "Hamas", "Q483658", "PSE", "REB", "ORG")
KAN = Actor("KAN", 0, 3, "KAN", None, "ISR", "MED", "ORG")


def make_event(article: Article, sentence: str, *, category: str = "CONSULT", actor: tuple[Actor, ...] = (QATAR,),
               recipient: tuple[Actor, ...] = (TURKEY,), date: str | None = "2024-11-18", quad: int = 1,
               intensity: float = 1.0, modality: tuple[str, ...] = (), place: str | None = None,
               confidence: float = 0.8) -> Event:  # fmt: skip
    start = article.text.index(sentence)
    precision = {10: "day", 7: "month", 4: "year"}.get(len(date or ""))
    return Event(
        id=event_id_for(article.doc_id, start, start + 4, category), doc_id=article.doc_id, event=category,
        mode=None, context=(), quad=quad, intensity=intensity, cameo=None, actor=actor, recipient=recipient,
        modality=modality, attribution=KAN, date=date, date_precision=precision, date_raw=None,
        date_source="text" if date else None,
        location=Location(place, 0, len(place), place, place[:3].upper()) if place else None,
        sentence=sentence, sentence_start=start, sentence_end=start + len(sentence),
        trigger=Trigger(sentence[:4], start, start + 4), confidence=confidence, rule="test",
        source=article.source, url=article.url, title=article.title, publisher=article.publisher,
    )  # fmt: skip


def article(text: str, *, title: str | None = None, publisher: str | None = None, url: str | None = None,
            published: str | None = "2024-11-18") -> Article:  # fmt: skip
    return Article(text=text, title=title, url=url, publisher=publisher, published=published, language="en")


def coded(source: str, line: int | None, art: Article, *events: Event) -> DocumentResult:
    return DocumentResult(source, line, "coded" if events else "no_event", art, tuple(events))


def talks(text: str, *, source: str, line: int | None = None, publisher: str | None = None,
          date: str | None = "2024-11-18", **kwargs: object) -> DocumentResult:  # fmt: skip
    """An article whose first sentence is one CONSULT Qatar -> Turkey (or as kwargs say)."""
    art = article(text, publisher=publisher)
    return coded(source, line, art, make_event(art, text.split(". ")[0], date=date, **kwargs))  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def store(db: Path):
    with Store.open(db) as opened:
        yield opened


def count(store: Store, table: str) -> int:
    return store._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (but the ingestion time), sorted: two stores with the same dump hold the same."""
    conn = sqlite3.connect(path)
    tables = ["texts", "inputs", "events", "mentions", "clusters", "article_counts", "sentences"]
    out = {t: sorted(conn.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}
    out["documents"] = sorted(conn.execute("SELECT doc_id, source, line, status, n_events FROM documents"))
    conn.close()
    return out


# --- opening, schema, migrations ---------------------------------------------------------------------------------


def test_store_opens_a_new_file_in_wal_mode_with_every_migration_recorded(store: Store):
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    names = [n for (n,) in store._conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [name for name, _ in MIGRATIONS]
    assert store.stats() == {"documents": {}, "events": {}, "clusters": 0}


def test_store_migrates_a_database_of_an_older_schema_forward(db: Path):
    conn = sqlite3.connect(db, isolation_level=None)
    assert migrate(conn, MIGRATIONS[:1]) == ["0001_core"]
    conn.execute("INSERT INTO documents (doc_id, source, status, ingested_at) VALUES ('doc_old', 'old.txt', "
                 "'no_event', '2024-01-01')")  # fmt: skip
    conn.execute("INSERT INTO inputs (source, line, status, doc_id) VALUES ('old.txt', NULL, 'no_event', 'doc_old')")
    conn.close()
    with Store.open(db) as store:
        names = [n for (n,) in store._conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        assert names == [name for name, _ in MIGRATIONS]
        assert store.has_document("doc_old") and store.known_inputs() == {("old.txt", None)}
        store.write([talks("Qatar hosted Turkey. More.", source="new.txt", publisher="AP")])
        assert count(store, "article_counts") == 1  # a table of a later migration
        assert store._conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_pair'").fetchone() is None
        assert count(store, "pair_months") == 1  # the trigger of a later migration summed the new event
    with Store.open(db) as again:  # nothing left to apply
        assert count(again, "_migrations") == len(MIGRATIONS)


def test_store_migration_sums_the_events_already_stored_by_month(db: Path):
    conn = sqlite3.connect(db, isolation_level=None)
    names = [name for name, _ in MIGRATIONS]
    migrate(conn, MIGRATIONS[: names.index("0006_pair_months")])
    art = article("Qatar hosted Turkey. More.")
    conn.execute("INSERT INTO documents (doc_id, source, status, ingested_at) VALUES (?, 'a.txt', 'coded', 'x')",
                 (art.doc_id,))  # fmt: skip
    events = [make_event(art, "Qatar hosted Turkey.", date=day) for day in ("2024-11-18", "2024-11-02")]
    events[1] = Event.from_dict({**events[1].to_dict(), "id": "ev_other"})
    conn.executemany(writer._INSERT_EVENT, [writer.event_row(e, "a", None) for e in events])
    conn.close()
    with Store.open(db) as store:
        rows = store._conn.execute("SELECT year_month, actor_key, recipient_key, event, n FROM pair_months").fetchall()
        assert rows == [("2024-11", "QAT", "TUR", "CONSULT", 2)]
        assert store.network() == [{"actor": "QAT", "recipient": "TUR", "period": "2024-11", "event": "CONSULT",
                                    "quad": 1, "count": 2, "intensity": 1.0}]  # fmt: skip


def test_store_refuses_a_database_of_a_newer_newsgraph(db: Path):
    Store.open(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO _migrations VALUES ('9999_future', '2099-01-01')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer newsgraph") as e:
        Store.open(db)
    assert str(db) in str(e.value) and e.value.code == "NG600"


def test_store_refuses_a_file_that_is_not_sqlite_naming_it(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database. " * 100)
    with pytest.raises(StoreError, match="not a newsgraph database") as e:
        Store.open(path)
    assert str(path) in str(e.value)


def test_store_refuses_a_sqlite_file_of_another_application(tmp_path: Path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.close()
    with pytest.raises(StoreError, match="not a newsgraph database"):
        Store.open(path)


def test_store_reports_a_corrupt_database(db: Path):
    with Store.open(db) as store:
        store.write([talks("Qatar hosted Turkey. More.", source="a.txt")])
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, past the 100-byte file header
    db.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="database is corrupt") as e:
        Store.open(db)
    assert str(db) in str(e.value)


def test_store_needs_fts5(db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(connection, "fts5_available", lambda: False)
    with pytest.raises(StoreError, match="FTS5"):
        Store.open(db)


def test_store_names_a_missing_folder(tmp_path: Path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "nowhere" / "corpus.db")


# --- writing ---------------------------------------------------------------------------------------------------


def test_store_writes_a_result_once_however_often_it_is_written(store: Store):
    batch = [talks("Qatar hosted Turkey in Doha. Talks went on.", source="feed.jsonl", line=1, publisher="AP"),
             talks("Egypt hosted Turkey. Talks.", source="feed.jsonl", line=2, actor=(EGYPT,))]  # fmt: skip
    assert store.write(batch) == {"coded": 2}
    before = {t: count(store, t) for t in ("documents", "events", "mentions", "clusters", "sentences", "inputs")}
    assert store.write(batch) == {"skipped": 2}
    assert store.write(batch[:1]) == {"skipped": 1}
    assert {t: count(store, t) for t in before} == before
    assert before["events"] == 2 and before["mentions"] == 6  # actor, recipient, attribution each
    assert store.known_inputs() == {("feed.jsonl", 1), ("feed.jsonl", 2)}
    assert store.has_document(batch[0].article.doc_id) and not store.has_document("doc_nope")


def test_store_records_the_same_article_from_another_source_as_a_duplicate(store: Store):
    first = talks("Qatar hosted Turkey in Doha. Talks went on.", source="a.txt", publisher="AP")
    again = talks("Qatar  hosted Turkey in Doha. Talks went on.", source="b.jsonl", line=7, publisher="Reuters")
    assert first.article.doc_id == again.article.doc_id
    assert store.write([first, again]) == {"coded": 1, "duplicate": 1}
    assert count(store, "documents") == 1 and count(store, "events") == 1
    row = store._conn.execute("SELECT status, doc_id, reason FROM inputs WHERE source = 'b.jsonl'").fetchone()
    assert row == ("duplicate", first.article.doc_id, "same text as a.txt")
    assert store.stats()["documents"] == {"coded": 1, "duplicate": 1}
    assert store.events()[0]["num_mentions"] == 1


def test_store_records_rejected_inputs_with_their_reason(store: Store):
    bad = DocumentResult("feed.jsonl", 3, "rejected", None, (), "NG107", "line 3 is not a JSON object")
    binary = DocumentResult("photo.txt", None, "rejected", None, (), "NG103", "binary data")
    store.write([bad, binary])
    rows = store._conn.execute("SELECT source, line, status, doc_id, code, reason FROM inputs ORDER BY source")
    assert list(rows) == [("feed.jsonl", 3, "rejected", None, "NG107", "line 3 is not a JSON object"),
                          ("photo.txt", None, "rejected", None, "NG103", "binary data")]  # fmt: skip
    assert store.known_inputs() == {("feed.jsonl", 3), ("photo.txt", None)}
    assert store.write([binary]) == {"skipped": 1}  # a file without lines is one input too
    assert count(store, "documents") == 0 and store.stats()["documents"] == {"rejected": 2}


def test_store_refuses_results_it_cannot_store(store: Store):
    art = article("Qatar hosted Turkey. More.")
    other = article("Egypt hosted Turkey. More.")
    with pytest.raises(StoreError, match="unknown status"):
        store.write([DocumentResult("a.txt", None, "done", art)])
    with pytest.raises(StoreError, match="needs its article"):
        store.write([DocumentResult("a.txt", None, "coded", None)])
    with pytest.raises(StoreError, match="belongs to"):
        store.write([coded("a.txt", None, art, make_event(other, "Egypt hosted Turkey"))])


def test_store_writes_a_batch_all_or_nothing(store: Store):
    good = talks("Qatar hosted Turkey. More.", source="a.txt")
    art = article("Egypt hosted Turkey. More.")
    wrong = coded("b.txt", None, art, make_event(article("Other text. Here."), "Other text"))
    with pytest.raises(StoreError):
        store.write([good, wrong])
    assert store.stats() == {"documents": {}, "events": {}, "clusters": 0}
    assert store.known_inputs() == set()


def test_store_resumed_after_a_crash_holds_exactly_the_rows_of_an_uninterrupted_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    texts = [f"Qatar hosted Turkey for round {i}. Talks went on." for i in range(6)]
    results = [talks(t, source="feed.jsonl", line=i, publisher=f"P{i % 3}") for i, t in enumerate(texts)]
    batches = [results[:3], results[3:]]
    with Store.open(tmp_path / "whole.db") as whole:
        for batch in batches:
            whole.write(batch)

    with Store.open(tmp_path / "crashed.db") as crashed:
        crashed.write(batches[0])
        real, calls = writer.write_result, []

        def crash_on_second(conn, result, context):  # type: ignore[no-untyped-def]
            calls.append(result)
            if len(calls) == 2:
                raise KeyboardInterrupt  # killed half-way through the batch
            return real(conn, result, context)

        monkeypatch.setattr(writer, "write_result", crash_on_second)
        with pytest.raises(KeyboardInterrupt):
            crashed.write(batches[1])
        monkeypatch.setattr(writer, "write_result", real)
        assert len(crashed.known_inputs()) == 3  # nothing of the second batch
    with Store.open(tmp_path / "crashed.db") as resumed:  # the rerun skips what is known
        known = resumed.known_inputs()
        for batch in batches:
            resumed.write([r for r in batch if (r.source, r.line) not in known])
    assert dump(tmp_path / "crashed.db") == dump(tmp_path / "whole.db")


CRASHING_WRITER = """
import os, pickle, sys
from newsgraph.store import Store, writer
batches = pickle.loads(open(sys.argv[2], "rb").read())
store = Store.open(sys.argv[1])
store.write(batches[0])
real, calls = writer.write_result, []
def die_on_second(conn, result, context):
    calls.append(result)
    if len(calls) == 2:
        os._exit(3)  # the process dies: no rollback, no close
    return real(conn, result, context)
writer.write_result = die_on_second
store.write(batches[1])
"""


def test_store_keeps_nothing_of_a_batch_whose_process_died(tmp_path: Path):
    results = [talks(f"Qatar hosted Turkey for round {i}. Talks.", source="feed.jsonl", line=i) for i in range(4)]
    (tmp_path / "batches.pickle").write_bytes(pickle.dumps([results[:2], results[2:]]))
    command = [sys.executable, "-c", CRASHING_WRITER, str(tmp_path / "c.db"), str(tmp_path / "batches.pickle")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3, done.stderr
    with Store.open(tmp_path / "c.db") as store:
        assert store.known_inputs() == {("feed.jsonl", 0), ("feed.jsonl", 1)}
        assert count(store, "events") == 2 and store.events()[0]["num_mentions"] == 2
        assert store._conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_store_counts_articles_per_day_and_source(store: Store):
    store.write([talks("Qatar hosted Turkey. One.", source="a.txt", publisher="AP"),
                 talks("Qatar hosted Turkey. Two.", source="b.txt", publisher=" ap "),
                 talks("Qatar hosted Turkey. Three.", source="c.txt")])  # fmt: skip
    rows = list(store._conn.execute("SELECT day, source, articles FROM article_counts ORDER BY source"))
    assert rows == [("2024-11-18", "ap", 2), ("2024-11-18", "c.txt", 1)]


# --- clusters --------------------------------------------------------------------------------------------------


def test_store_clusters_two_reports_of_one_event_from_two_publishers(store: Store):
    store.write([talks("Qatar hosted Turkey in Doha. AP story.", source="ap.txt", publisher="AP"),
                 talks("Qatar hosted Turkey in Doha. Reuters story.", source="r.txt", publisher="Reuters",
                       date="2024-11-19")])  # fmt: skip
    events = store.events()
    assert len(events) == 2 and len({e["cluster_id"] for e in events}) == 1
    assert {(e["num_mentions"], e["num_articles"], e["num_sources"]) for e in events} == {(2, 2, 2)}
    assert store.stats()["clusters"] == 1


def test_store_sources_are_publishers_else_hosts_else_files(store: Store):
    one = article("Qatar hosted Turkey. First.", url="https://www.aljazeera.com/a")
    two = article("Qatar hosted Turkey. Second.", url="https://aljazeera.com/b")
    three = article("Qatar hosted Turkey. Third.", published="2024-11-18")
    store.write([coded("1.txt", None, one, make_event(one, "Qatar hosted Turkey")),
                 coded("2.txt", None, two, make_event(two, "Qatar hosted Turkey")),
                 coded("3.txt", None, three, make_event(three, "Qatar hosted Turkey"))])  # fmt: skip
    assert {(e["num_mentions"], e["num_articles"], e["num_sources"]) for e in store.events()} == {(3, 3, 2)}


def test_store_keeps_events_apart_beyond_the_window_or_in_another_place(store: Store):
    store.write([talks("A: Qatar hosted Turkey. More.", source="a.txt", date="2024-11-18"),
                 talks("B: Qatar hosted Turkey. More.", source="b.txt", date="2024-11-21"),  # 3 days later
                 talks("C: Qatar hosted Turkey. More.", source="c.txt", date="2024-11-18", category="AGREE"),
                 talks("D: Qatar hosted Turkey. More.", source="d.txt", date="2024-11-18", recipient=(EGYPT,)),
                 talks("E: Qatar hosted Turkey. More.", source="e.txt", date="2024-11-18", place="Doha"),
                 talks("F: Qatar hosted Turkey. More.", source="f.txt", date="2024-11-18", place="Ankara"),
                 talks("G: Qatar hosted Turkey. More.", source="g.txt", date=None),
                 talks("H: Qatar hosted Turkey. More.", source="h.txt", date=None)])  # fmt: skip
    by_text = {e["sentence"][0]: e["cluster_id"] for e in store.events()}
    assert by_text["A"] == by_text["E"]  # no place joins a place
    assert len(set(by_text.values())) == 7  # A+E; B; C; D; F (another country than E's); G; H
    assert by_text["F"] != by_text["E"] and by_text["G"] != by_text["H"]


def test_store_clusters_month_precision_only_with_the_same_month(store: Store):
    store.write([talks("A: Qatar hosted Turkey. More.", source="a.txt", date="2024-11-18"),
                 talks("B: Qatar hosted Turkey. More.", source="b.txt", date="2024-11"),
                 talks("C: Qatar hosted Turkey. More.", source="c.txt", date="2024-10"),
                 talks("D: Qatar hosted Turkey. More.", source="d.txt", date="2024-11-01")])  # fmt: skip
    by_text = {e["sentence"][0]: e["cluster_id"] for e in store.events()}
    assert by_text["A"] == by_text["B"]  # November and 18 November
    assert by_text["C"] != by_text["A"]  # October never joins November
    assert by_text["D"] != by_text["A"]  # 17 days before the cluster's first report
    assert store.events(type="consult", until="2024-10-31")[0]["sentence"].startswith("C:")


def test_store_cluster_learns_a_finer_date_and_a_place_from_later_reports(store: Store):
    store.write([talks("A: Qatar hosted Turkey. More.", source="a.txt", date="2024-11"),
                 talks("B: Qatar hosted Turkey. More.", source="b.txt", date="2024-11-18", place="Doha"),
                 talks("C: Qatar hosted Turkey. More.", source="c.txt", date="2024-11-29"),  # November, not 18th
                 talks("D: Qatar hosted Turkey. More.", source="d.txt", date="2024-11-19", place="Ankara"),
                 talks("E: Qatar hosted Turkey. More.", source="e.txt", date="2024-11-19", place="Doha")])  # fmt: skip
    by_text = {e["sentence"][0]: e["cluster_id"] for e in store.events()}
    assert by_text["A"] == by_text["B"] == by_text["E"]
    assert len({by_text["A"], by_text["C"], by_text["D"]}) == 3
    row = store._conn.execute("SELECT date, place, num_mentions FROM clusters WHERE cluster_id = ?", (by_text["A"],))
    assert row.fetchone() == ("2024-11-18", "DOH", 3)


def test_cluster_rule_as_a_pure_function():
    key = ClusterKey("CONSULT", frozenset({"QAT", "EGY"}), frozenset({"TUR"}), "2024-10-31", None)

    def at(day: str | None, **changes: object) -> ClusterKey:
        return ClusterKey(**{**key.__dict__, "date": day, **changes})  # type: ignore[arg-type]

    assert same_event(key, at("2024-11-02"))  # two days, across a month's end
    assert not same_event(key, at("2024-11-03"))
    assert same_event(key, at("2024-11-03"), days=3)
    assert same_event(key, at("2024-10-31", actors=frozenset({"EGY", "QAT"})))
    assert not same_event(key, at("2024-10-31", actors=frozenset({"QAT"})))
    assert not same_event(key, at("2024-10-31", event="AGREE"))
    assert not same_event(at("2024-10-31", place="QAT"), at("2024-10-31", place="TUR"))
    assert same_event(at("2024-10-31", place="QAT"), key)
    assert dates_match("2024-11", "2024-11-30", 2) and not dates_match("2024-10", "2024-11-01", 2)
    assert dates_match("2024", "2024-06", 2) and not dates_match("2024", "2025-01-01", 2)
    assert not dates_match(None, None, 2) and not dates_match("2024-13-01", "2024-13-01", 2)


# --- queries ---------------------------------------------------------------------------------------------------


@pytest.fixture
def corpus(store: Store) -> Store:
    text = ("Erdogan Meets Hamas Leaders in Ankara. Turkish President Recep Tayyip Erdoğan received Hamas leaders "
            "in Ankara. Qatar threatened to expel Hamas. Egypt did not attack Hamas. Egypt could accuse Qatar.")
    art = article(text, title="Erdogan Meets Hamas Leaders in Ankara", publisher="AP")
    sentences = [s.strip() + "." for s in text.split(".")[1:] if s.strip()]
    events = [
        make_event(art, sentences[0], category="CONSULT", actor=(ERDOGAN,), recipient=(HAMAS,), date="2024-11-18",
                   confidence=0.9),
        make_event(art, sentences[1], category="THREATEN", actor=(QATAR,), recipient=(HAMAS,), date="2024-11",
                   quad=3, intensity=-4.0, confidence=0.6),
        make_event(art, sentences[1], category="SANCTION", actor=(QATAR,), recipient=(HAMAS,), date="2024-11",
                   quad=4, intensity=-5.0, modality=("future",)),
        make_event(art, sentences[2], category="ASSAULT", actor=(EGYPT,), recipient=(HAMAS,), date="2024-11-17",
                   quad=4, intensity=-9.0, modality=("negated",)),
        make_event(art, sentences[3], category="ACCUSE", actor=(EGYPT,), recipient=(QATAR,), date=None, quad=3,
                   intensity=-2.0, modality=("hypothetical",)),
    ]  # fmt: skip
    store.write([coded("news.jsonl", 1, art, *events)])
    return store


def categories(records: list[dict]) -> list[str]:
    return [r["event"] for r in records]


def test_store_events_are_records_with_cluster_fields(corpus: Store):
    records = corpus.events()
    assert set(categories(records[:2])) == {"THREATEN", "SANCTION"} and records[2]["event"] == "CONSULT"
    first = records[0]
    cluster = {k: first.pop(k) for k in ("cluster_id", "num_mentions", "num_articles", "num_sources")}
    assert (first.pop("published"), first.pop("language")) == ("2024-11-18", "en")  # the article's, for exports
    assert Event.from_dict(first).to_dict() == first  # the stored JSON, as written
    assert cluster["cluster_id"].startswith("cl_") and cluster["num_mentions"] == 1
    assert [r["date"] for r in records] == ["2024-11", "2024-11", "2024-11-18"]  # November counts as its 1st


def test_store_filters_events_by_actor_recipient_type_dates_and_confidence(corpus: Store):
    assert categories(corpus.events(actor="q39723")) == ["CONSULT"]  # KB id, any case
    assert categories(corpus.events(actor="tur")) == ["CONSULT"]  # country
    assert categories(corpus.events(actor="ERDOĞAN")) == ["CONSULT"]  # words of the name, any case
    assert categories(corpus.events(actor="recep tayyip")) == ["CONSULT"]
    assert set(categories(corpus.events(actor="QAT"))) == {"THREATEN", "SANCTION"}
    assert corpus.events(actor="%") == [] and corpus.events(actor="_") == []  # words, not patterns
    assert len(corpus.events(recipient="hamas")) == 3 and corpus.events(recipient="Turkey") == []
    assert categories(corpus.events(type="threaten")) == ["THREATEN"]
    assert categories(corpus.events(since="2024-11-02")) == ["CONSULT"]  # "2024-11" is 1 November
    assert set(categories(corpus.events(until="2024-11-01"))) == {"THREATEN", "SANCTION"}
    assert len(corpus.events(since="2024-11", until="2024-11")) == 3
    assert set(categories(corpus.events(min_confidence=0.8))) == {"CONSULT", "SANCTION"}
    assert len(corpus.events(limit=2)) == 2 and categories(corpus.events(offset=2)) == ["CONSULT"]
    with pytest.raises(StoreError, match="since must be a date"):
        corpus.events(since="last week")


def test_store_hides_negated_and_hypothetical_events_unless_asked(corpus: Store):
    assert "ASSAULT" not in categories(corpus.events()) and "ACCUSE" not in categories(corpus.events())
    everything = corpus.events(include_hypothetical=True)
    assert len(everything) == 5 and everything[-1]["event"] == "ACCUSE"  # undated last
    assert categories(corpus.events(actor="EGY", include_hypothetical=True)) == ["ASSAULT", "ACCUSE"]


def test_store_searches_sentences_with_snippets_and_their_events(corpus: Store):
    hits = corpus.search("expel")
    assert len(hits) == 1
    hit = hits[0]
    assert hit["sentence"] == "Qatar threatened to expel Hamas." and "[expel]" in hit["snippet"]
    assert hit["title"] == "Erdogan Meets Hamas Leaders in Ankara" and hit["doc_id"].startswith("doc_")
    assert set(categories(hit["events"])) == {"THREATEN", "SANCTION"}
    assert all("cluster_id" in e for e in hit["events"])
    folded = sorted(hit["snippet"] for hit in corpus.search("erdogan"))  # diacritics folded: ğ is g
    assert folded == ["Turkish President Recep Tayyip [Erdoğan] received Hamas leaders in Ankara.",
                      "[Erdogan] Meets Hamas Leaders in Ankara"]  # fmt: skip
    headline = [h for h in corpus.search('"Hamas Leaders"') if h["sentence"].startswith("Erdogan Meets")]
    assert headline and headline[0]["events"] == [] and headline[0]["sentence_start"] == 0
    assert corpus.search("Qatar OR Egypt", limit=1) and corpus.search("nothingsuch") == []


@pytest.mark.parametrize("query", ['"unbalanced', "Qatar AND", "(Hamas", "nosuchcolumn: x", "  "])
def test_store_refuses_a_bad_search_query_clearly(corpus: Store, query: str):
    with pytest.raises(StoreError) as e:
        corpus.search(query)
    assert e.value.code == "NG600" and ("bad search query" in str(e.value) or "empty" in str(e.value))
    assert not isinstance(e.value, sqlite3.Error)


def test_store_stats_count_documents_by_status_and_events_by_category(corpus: Store):
    corpus.write([DocumentResult("bad.txt", None, "rejected", None, (), "NG102", "empty"),
                  coded("quiet.txt", None, article("Nothing happened. Really."))])  # fmt: skip
    assert corpus.stats() == {
        "documents": {"coded": 1, "no_event": 1, "rejected": 1},
        "events": {"ACCUSE": 1, "ASSAULT": 1, "CONSULT": 1, "SANCTION": 1, "THREATEN": 1},
        "clusters": 5,
    }


# --- network ---------------------------------------------------------------------------------------------------

PARTIES = ["QAT", "TUR", "EGY", "ISR", "PSE", "USA", "IRN"]
TYPES = [("CONSULT", 1, 1.0), ("AID", 2, 7.0), ("ACCUSE", 3, -2.0), ("ASSAULT", 4, -9.0)]


def test_store_network_aggregates_twenty_thousand_events(store: Store):
    rng = random.Random(4)
    art = article("Many events. " * 3, publisher="Bulk")
    store.write([coded("bulk.txt", None, art)])
    expected: dict[tuple, list[float]] = defaultdict(list)
    dated: list[tuple[str, tuple, float]] = []
    rows = []
    for i in range(20_000):
        a, r = rng.sample(PARTIES, 2)
        category, quad, base = rng.choice(TYPES)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        modality = rng.choice([(), (), (), ("negated",), ("hypothetical",), ("future",)])
        recipient = () if i % 50 == 0 else (Actor(r, country=r, kb_id=r),)
        ev = Event(id=f"ev_{i:016x}", doc_id=art.doc_id, event=category, mode=None, context=(), quad=quad,
                   intensity=base + (i % 3), cameo=None, actor=(Actor(a, country=a),), recipient=recipient,
                   modality=modality, attribution=None, date=day, date_precision="day", date_raw=None,
                   date_source="text", location=None, sentence="Many events.", sentence_start=0, sentence_end=12,
                   trigger=Trigger("Many", 0, 4), confidence=0.5, rule="bulk")  # fmt: skip
        rows.append(writer.event_row(ev, "bulk", None))
        if recipient and not {"negated", "hypothetical"} & set(modality):
            expected[(a, r, day[:7], category, quad)].append(ev.intensity)
            dated.append((day, (a, r, day[:7], category, quad), ev.intensity))
    with store.transaction() as conn:
        conn.executemany(writer._INSERT_EVENT, rows)
    got = {(n["actor"], n["recipient"], n["period"], n["event"], n["quad"]): (n["count"], n["intensity"])
           for n in store.network()}  # fmt: skip
    assert got.keys() == expected.keys()
    for key, values in expected.items():
        assert got[key][0] == len(values) and got[key][1] == pytest.approx(sum(values) / len(values))

    by_year = store.network(by="year", since="2024-03-01", until="2024-03-31")
    march = {k: v for k, v in expected.items() if k[2] == "2024-03"}
    assert {n["period"] for n in by_year} == {"2024"}
    assert sum(n["count"] for n in by_year) == sum(len(v) for v in march.values())
    for since, until in [("2024-03-15", "2024-05-10"), ("2024-02-01", "2024-11-30"), ("2024-06-07", "2024-06-09"),
                         ("2024-07-20", None), (None, "2024-02-10")]:  # fmt: skip
        window: dict[tuple, list[float]] = defaultdict(list)
        for day, key, intensity in dated:
            if (since is None or day >= since) and (until is None or day <= until):
                window[key].append(intensity)
        got = {(n["actor"], n["recipient"], n["period"], n["event"], n["quad"]): n["count"]
               for n in store.network(since=since, until=until)}  # fmt: skip
        assert got == {k: len(v) for k, v in window.items()}, (since, until)
    # the monthly sums the trigger keeps are what the events say
    (months,) = store._conn.execute("SELECT SUM(n) FROM pair_months").fetchone()
    assert months == sum(len(v) for v in expected.values())
    with pytest.raises(StoreError, match="choose one of"):
        store.network(by="week")


def test_store_network_window_plan_reads_whole_months_from_sums_and_cut_days_from_events():
    from datetime import date

    assert plan(date(2024, 3, 15), date(2024, 5, 10)) == (("2024-04", "2024-04"), [("2024-03-15", "2024-03-31"),
                                                                                ("2024-05-01", "2024-05-10")])  # fmt: skip
    assert plan(date(2024, 1, 1), date(2024, 12, 31)) == (("2024-01", "2024-12"), [])
    assert plan(date(2024, 3, 5), date(2024, 3, 20)) == (None, [("2024-03-05", "2024-03-20")])
    assert plan(None, date(2024, 2, 10)) == ((None, "2024-01"), [("2024-02-01", "2024-02-10")])
    assert plan(date(2024, 2, 2), None) == (("2024-03", None), [("2024-02-02", "2024-02-29")])
    assert plan(date(2024, 5, 1), date(2024, 4, 1)) == (None, [])


def test_store_network_of_coded_events(corpus: Store):
    assert corpus.network() == [
        {"actor": "Q39723", "recipient": "Q483658", "period": "2024-11", "event": "CONSULT", "quad": 1, "count": 1,
         "intensity": 1.0},
        {"actor": "QAT", "recipient": "Q483658", "period": "2024-11", "event": "SANCTION", "quad": 4, "count": 1,
         "intensity": -5.0},
        {"actor": "QAT", "recipient": "Q483658", "period": "2024-11", "event": "THREATEN", "quad": 3, "count": 1,
         "intensity": -4.0},
    ]  # fmt: skip
    assert [n["period"] for n in corpus.network(by="day")] == ["2024-11-18", "2024-11-01", "2024-11-01"]


# --- a reader beside the writer ----------------------------------------------------------------------------------


def test_store_readers_read_while_a_writer_holds_a_transaction(db: Path):
    writer_store = Store.open(db)
    writer_store.write([talks("Qatar hosted Turkey. First.", source="a.txt")])
    with writer_store.transaction() as conn:
        writer.write_results(conn, [talks("Egypt hosted Turkey. Second.", source="b.txt", actor=(EGYPT,))], 2)
        reader = Store.open(db)  # opening does not wait for the writer
        assert len(reader.events()) == 1  # the committed state, not the half-written batch
        assert reader.stats()["documents"] == {"coded": 1} and reader.search("hosted")
    assert len(reader.events()) == 2  # committed now
    reader.close()
    writer_store.close()


def test_store_recipients_that_share_one_or_are_missing_agree(store: Store):
    store.write([talks("A: Qatar hosted Turkey. More.", source="a.txt", date="2024-11-18"),
                 talks("B: Qatar hosted Turkey. More.", source="b.txt", date="2024-11-18", recipient=(TURKEY, EGYPT)),
                 talks("C: Qatar hosted Turkey. More.", source="c.txt", date="2024-11-18", recipient=())])  # fmt: skip
    by_text = {e["sentence"][0]: e["cluster_id"] for e in store.events()}
    assert by_text["A"] == by_text["B"] == by_text["C"]

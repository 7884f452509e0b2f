"""Ingest, query and export a corpus through the command line (integration: the real model)."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model

ARTICLES = [
    ("doha.txt", "Doha tells Hamas chiefs to go\nMarch 3, 2025\nQatar asked Hamas leaders to leave Doha, two diplomats said.\n"),
    ("ankara.txt", "Ankara backs Hamas\nMarch 4, 2025\nTurkey backed Hamas and Israel rejected Turkey as a mediator.\n"),
    ("strike.txt", "Strikes in Gaza\nMarch 5, 2025\nIsraeli forces killed three Hamas commanders in Gaza on Tuesday.\n"),
]


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, **kwargs)


def _corpus(tmp_path: Path, copies: int = 1) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(copies):
        for name, text in ARTICLES:
            (folder / f"{n}-{name}").write_text(text.replace("\n", f" (#{n})\n", 1), encoding="utf-8")
    (folder / "example.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    return folder


def _rows(db: Path) -> dict[str, list]:
    with sqlite3.connect(db) as connection:
        return {
            table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("events", "clusters", "inputs")
        }  # fmt: skip


def _without_times(rows: dict[str, list]) -> dict[str, list]:
    return {k: [tuple(c for c in r if not (isinstance(c, str) and c[:2] == "20" and "T" in c)) for r in v]
            for k, v in rows.items()}  # fmt: skip


def test_corpus_ingest_is_idempotent_and_records_bad_files(tmp_path):
    folder = _corpus(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    db = tmp_path / "corpus.db"
    first = run("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert first.returncode == 1, first.stderr  # some inputs were rejected
    assert "empty.txt" in first.stderr and "binary.txt" in first.stderr
    rows = _rows(db)
    again = run("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert "already stored 4" in again.stderr
    assert _rows(db) == rows
    stats = json.loads(run("stats", "--db", str(db), "--json").stdout)
    assert stats["documents"]["coded"] == 4 and stats["documents"]["rejected"] == 2


def test_corpus_same_article_twice_is_stored_once(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    (folder / "b.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    db = tmp_path / "corpus.db"
    done = run("ingest", str(folder), "--db", str(db), "--workers", "1")
    assert done.returncode == 0, done.stderr
    stats = json.loads(run("stats", "--db", str(db), "--json").stdout)
    assert stats["documents"].get("coded") == 1 and stats["documents"].get("duplicate") == 1


def test_corpus_killed_ingest_resumes_to_the_same_rows(tmp_path):
    folder = _corpus(tmp_path, copies=8)
    whole = tmp_path / "whole.db"
    assert run("ingest", str(folder), "--db", str(whole), "--workers", "1").returncode == 0
    resumed = tmp_path / "resumed.db"
    process = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(resumed),
                                "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline:  # kill -9 once some batches are in
        time.sleep(0.5)
        if resumed.exists():
            try:
                with sqlite3.connect(resumed) as connection:
                    if connection.execute("SELECT count(*) FROM inputs").fetchone()[0] >= 16:
                        break
            except sqlite3.Error:
                pass
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert run("ingest", str(folder), "--db", str(resumed), "--workers", "1").returncode == 0
    assert _without_times(_rows(resumed)) == _without_times(_rows(whole))


def test_corpus_reader_works_while_ingest_writes(tmp_path):
    folder = _corpus(tmp_path, copies=6)
    db = tmp_path / "corpus.db"
    writer = subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(folder), "--db", str(db),
                               "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    try:
        seen_ok = 0
        deadline = time.time() + 120
        while writer.poll() is None and time.time() < deadline:
            time.sleep(0.3)
            if db.exists():
                done = run("events", "--db", str(db), "--format", "jsonl")
                assert done.returncode == 0, done.stderr
                seen_ok += 1
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0 and seen_ok >= 1


def test_corpus_exports_read_back_with_real_clients(tmp_path):
    import networkx
    import pandas
    import pyarrow.parquet

    folder = _corpus(tmp_path)
    db = tmp_path / "corpus.db"
    run("ingest", str(folder), "--db", str(db), "--workers", "1")
    for fmt, name in (("gexf", "net.gexf"), ("graphml", "net.graphml"), ("parquet", "ev.parquet"),
                      ("csv", "ev.csv"), ("polecat", "ev.tsv"), ("gdelt", "ev.gdelt.tsv"), ("plover-jsonl", "ev.jsonl")):
        done = run("export", "--db", str(db), "--format", fmt, "-o", str(tmp_path / name))
        assert done.returncode == 0, (fmt, done.stderr)
    assert networkx.read_gexf(tmp_path / "net.gexf").number_of_nodes() >= 4
    assert networkx.read_graphml(tmp_path / "net.graphml").number_of_edges() >= 3
    assert pyarrow.parquet.read_table(tmp_path / "ev.parquet").num_rows >= 10
    assert len(pandas.read_csv(tmp_path / "ev.csv")) >= 10
    assert "Actor COW" in pandas.read_csv(tmp_path / "ev.tsv", sep="\t").columns
    rows = (tmp_path / "ev.gdelt.tsv").read_text(encoding="utf-8").splitlines()
    assert rows and all(len(r.split("\t")) == 61 for r in rows)
    assert json.loads((tmp_path / "ev.jsonl").read_text(encoding="utf-8").splitlines()[0])["event"]


def test_corpus_search_and_filters(tmp_path):
    folder = _corpus(tmp_path)
    db = tmp_path / "corpus.db"
    run("ingest", str(folder), "--db", str(db), "--workers", "1")
    hits = [json.loads(line) for line in run("search", "mediator", "--db", str(db), "--json").stdout.splitlines()]
    assert hits and any("[mediator]" in h["snippet"] for h in hits)
    done = run("events", "--db", str(db), "--actor", "QAT", "--type", "REQUEST", "--format", "jsonl")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert records and all(r["event"] == "REQUEST" for r in records)
    assert all({"cluster_id", "num_mentions", "num_articles", "num_sources"} <= set(r) for r in records)
    bad = run("search", '"unbalanced', "--db", str(db))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def test_corpus_corrupt_database_is_a_clear_error(tmp_path):
    db = tmp_path / "broken.db"
    db.write_bytes(b"this is not a database" * 100)
    done = run("stats", "--db", str(db))
    assert done.returncode == 1 and "broken.db" in done.stderr and "Traceback" not in done.stderr

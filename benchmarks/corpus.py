"""Corpus figures: ingest articles/s with 1 and 2 workers, the store's overhead over coding alone, peak memory
summed over all processes, and a dyad-by-month network query over 1,000,000 stored events.

    python benchmarks/corpus.py [--articles 5000] [--events 1000000]

Articles: the model article plus articles built by grouping 20 dev sentences (when the dev file is beside the
repository), each made distinct by a numbered line, so none is a duplicate of another.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEV, build_texts  # noqa: E402


# the same coding as ingest (events and claims, the same reader, batches of 16) with the results written to a JSONL
# file instead of the store: the baseline of the store's overhead
CODE_ONLY = """
import json, sys
from newsgraph.api import read_articles
from newsgraph.ingest import read_path
articles = read_path(sys.argv[1]).articles
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for article, events, claims in read_articles(articles):
        out.write(json.dumps({"events": [e.to_dict() for e in events], "claims": [c.to_dict() for c in claims]}) + "\\n")
"""


def write_corpus(folder: Path, n: int) -> None:
    texts = build_texts(n, DEV)
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"text": f"{text}\nReport {i}.", "published": "2024-11-18",
                                  "publisher": f"outlet{i % 7}"}) + "\n")  # fmt: skip


def timed(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MB summed over the process and its children)."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    seconds = time.perf_counter() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, children


def timed_with_peak(command: list[str]) -> tuple[float, float]:
    """(seconds, peak of the summed resident memory of the command and its descendants, sampled every 0.2 s)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.2)
    return time.perf_counter() - start, peak


def _tree_rss(pid: int) -> float:
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True).stdout
    rows = [tuple(int(x) for x in line.split()) for line in out.splitlines() if line.strip()]
    children: dict[int, list[int]] = {}
    rss = {}
    for p, parent, r in rows:
        children.setdefault(parent, []).append(p)
        rss[p] = r
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total / 1024


def network_query(n_events: int) -> float:
    """Seconds of a dyad-by-month network query for one year, over n generated events in a fresh store; also
    prints the figure for the whole history."""
    from newsgraph.store import Store

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "big.db"
        store = Store.open(db)
        store.close()
        _generate_events(db, n_events)
        store = Store.open(db)
        start = time.perf_counter()
        rows = store.network(since="2023-01-01", until="2023-12-31", by="month")
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        everything = store.network(by="month")
        whole = time.perf_counter() - start
        store.close()
    print(f"network: {len(rows):,} dyad-month-category rows for one year of {n_events:,} events; whole history: "
          f"{len(everything):,} rows in {whole:.2f} s")  # fmt: skip
    return seconds


def _generate_events(db: Path, n: int) -> None:
    import sqlite3

    rng = random.Random(7)
    countries = ["USA", "RUS", "CHN", "ISR", "PSE", "TUR", "QAT", "EGY", "IRN", "UKR", "SYR", "IRQ", "SAU", "GBR",
                 "FRA", "DEU", "IND", "PAK", "AFG", "SDN"]  # fmt: skip
    categories = ["AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "ASSAULT", "COERCE"]
    with sqlite3.connect(db) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(events)")]
        rows = []
        for i in range(n):
            a, b = rng.sample(countries, 2)
            year = rng.choice([2021, 2022, 2023, 2024, 2025])
            day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            values = {
                "id": f"ev_{i:016x}", "doc_id": f"doc_{i // 20:016x}", "event": rng.choice(categories), "mode": None,
                "quad": rng.randint(1, 4), "intensity": rng.uniform(-10, 10), "cameo": "010", "date": day,
                "date_precision": "day", "year_month": day[:7], "confidence": 0.8, "negated": 0, "hypothetical": 0,
                "future": 0, "historical": 0, "actor_key": a, "recipient_key": b, "cluster_id": None, "record": "{}",
                "source_key": "bench", "sentence_start": 0,
            }  # fmt: skip
            rows.append(tuple(values.get(c) for c in columns))
        connection.execute("PRAGMA foreign_keys=OFF")
        marks = ",".join("?" for _ in columns)
        connection.executemany(f"INSERT INTO events VALUES ({marks})", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--skip-ingest", action="store_true")
    options = parser.parse_args()
    newsgraph = str(Path(sys.executable).with_name("newsgraph"))
    if not options.skip_ingest:
        with tempfile.TemporaryDirectory() as folder:
            base = Path(folder)
            write_corpus(base, options.articles)
            corpus = str(base / "corpus.jsonl")
            extract_s, _ = timed([newsgraph, "extract", corpus, "--format", "jsonl", "-o", str(base / "x.jsonl")])
            coded_s, _ = timed([sys.executable, "-c", CODE_ONLY, corpus, str(base / "coded.jsonl")])
            one_s, _ = timed([newsgraph, "ingest", corpus, "--db", str(base / "one.db"), "--workers", "1"])
            two_s, two_peak = timed_with_peak([newsgraph, "ingest", corpus, "--db", str(base / "two.db"), "--workers", "2"])
        n = options.articles
        print(f"articles: {n}")
        print(f"extract only (events), 1 process: {n / extract_s:.1f} articles/s ({extract_s:.0f} s)")
        print(f"coding only (events and claims, what ingest stores), 1 process: {n / coded_s:.1f} articles/s "
              f"({coded_s:.0f} s)")  # fmt: skip
        print(f"ingest, 1 worker: {n / one_s:.1f} articles/s ({one_s:.0f} s); store overhead over coding alone: "
              f"{100 * (one_s - coded_s) / coded_s:.1f}% (over extract of events only: "
              f"{100 * (one_s - extract_s) / extract_s:.1f}%)")  # fmt: skip
        print(f"ingest, 2 workers: {n / two_s:.1f} articles/s ({two_s:.0f} s)")
        print(f"peak memory with 2 workers, all processes summed: {two_peak:.0f} MB")
    print(f"dyad-by-month network query, one year of {options.events:,} events: {network_query(options.events):.2f} s")


if __name__ == "__main__":
    main()

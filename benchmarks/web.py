"""Web figures: /api/network over HTTP for a one-year window of 1,000,000 stored events (the store of
benchmarks/corpus.py), and in Debian's headless Chromium the page's first render with 2,000 actors and the time
from a click to the evidence panel shown. Targets: <= 300 ms, <= 3 s, <= 200 ms.

    python benchmarks/web.py [--events 1000000] [--actors 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from corpus import _generate_events  # noqa: E402

from newsgraph.model import Actor, Article, Event, Trigger, event_id_for  # noqa: E402
from newsgraph.store import DocumentResult, Store  # noqa: E402
from newsgraph.web import WebSettings, create_app  # noqa: E402
from tests.browser import chromium, served, wait_for  # noqa: E402

YEAR = {"since": "2023-01-01", "until": "2023-12-31"}
SECTORS = ["GOV", "MIL", "REB", "PTY", "CVL", "JRN"]
CATEGORIES = [("CONSULT", 1, 1.0), ("SUPPORT", 1, 3.0), ("AID", 2, 7.0), ("ACCUSE", 3, -2.0), ("ASSAULT", 4, -9.0)]


def get_ms(url: str) -> tuple[float, dict]:
    start = time.perf_counter()
    with urllib.request.urlopen(url) as response:  # noqa: S310 (a loopback URL of our own server)
        body = json.loads(response.read())
    return 1000 * (time.perf_counter() - start), body


def network_latency(folder: Path, n_events: int) -> None:
    db = folder / "big.db"
    Store.open(db).close()
    start = time.perf_counter()
    _generate_events(db, n_events)
    Store.open(db).close()
    print(f"store of {n_events:,} events built in {time.perf_counter() - start:.0f} s")
    with served(create_app(WebSettings(db=db))) as url:
        query = f"{url}/api/network?since={YEAR['since']}&until={YEAR['until']}"
        for by in ("year", "month"):
            times = []
            for _ in range(6):
                ms, body = get_ms(f"{query}&by={by}")
                times.append(ms)
            print(f"/api/network one year by {by}: {len(body['edges']):,} edges{' (truncated)' * body['truncated']}, "
                  f"{len(body['nodes'])} nodes: first {times[0]:.0f} ms, median of the next 5 "
                  f"{statistics.median(times[1:]):.0f} ms (target <= 300 ms)")  # fmt: skip


def actor(i: int, text: str, start: int) -> Actor:
    return Actor(text, start, start + len(text), f"Actor {i}", f"A{i:04d}", f"C{i % 150:02d}", SECTORS[i % 6], "ORG")


def graph_results(n_actors: int, rng: random.Random) -> list[DocumentResult]:
    """Articles of 20 sentences, each one event between two of ``n_actors`` actors (every actor in some)."""
    results, sentences = [], []
    pairs = [(i, (i + 1 + rng.randrange(n_actors - 1)) % n_actors) for i in range(n_actors)]
    pairs += [tuple(rng.sample(range(n_actors), 2)) for _ in range(n_actors)]
    for a, b in pairs:
        sentences.append((a, b, f"A{a:04d} met A{b:04d} in the capital."))
    for d in range(0, len(sentences), 20):
        chunk = sentences[d : d + 20]
        text = " ".join(s for _, _, s in chunk) + f" Report {d}."
        art = Article(text=text, title=f"Report {d}", published="2024-06-01", language="en", publisher=f"outlet{d % 9}")
        events, at = [], 0
        for a, b, sentence in chunk:
            category, quad, intensity = rng.choice(CATEGORIES)
            events.append(Event(
                id=event_id_for(art.doc_id, at + 6, at + 9, category), doc_id=art.doc_id, event=category, mode=None,
                context=(), quad=quad, intensity=intensity, cameo=None, actor=(actor(a, f"A{a:04d}", at),),
                recipient=(actor(b, f"A{b:04d}", at + 10),), modality=(), attribution=None,
                date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", date_precision="day", date_raw=None,
                date_source="text", location=None, sentence=sentence, sentence_start=at,
                sentence_end=at + len(sentence), trigger=Trigger("met", at + 6, at + 9), confidence=0.8,
                rule="bench"))  # fmt: skip
            at += len(sentence) + 1
        results.append(DocumentResult(f"bench{d}.txt", None, "coded", art, tuple(events)))
    return results


def page_figures(folder: Path, n_actors: int) -> None:
    db = folder / "graph.db"
    with Store.open(db) as store:
        store.write(graph_results(n_actors, random.Random(11)))
    with served(create_app(WebSettings(db=db))) as url, chromium() as driver:
        renders, clicks = [], []
        for _ in range(3):
            driver.get(url + "/")
            wait_for(driver, "window.newsgraph && window.newsgraph.marks.networkRendered", timeout=60)
            marks = driver.execute_script("return window.newsgraph.marks")
            renders.append(marks["networkRendered"])
            nodes = driver.execute_script("return window.newsgraph.cy.nodes().length")
            clicks.append(_click_ms(driver, "node"))
            clicks.append(_click_ms(driver, "edge"))
    print(f"page with {nodes:,} actors: first render (navigation to the network drawn) "
          f"{', '.join(f'{r / 1000:.2f}' for r in renders)} s (target <= 3 s)")  # fmt: skip
    print(f"click to evidence panel painted: {', '.join(f'{c:.0f}' for c in clicks)} ms; median "
          f"{statistics.median(clicks):.0f} ms (target <= 200 ms)")  # fmt: skip


def _click_ms(driver: object, kind: str) -> float:
    """A real mouse click on the busiest node (or edge); ms from mousedown to the evidence panel painted."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.execute_script("window.newsgraph.marks.evidencePainted = 0")  # type: ignore[attr-defined]
    point = driver.execute_script(  # type: ignore[attr-defined]
        f"const cy = window.newsgraph.cy; const all = cy.{kind}s().sort((a, b) => b.data('count') - a.data('count')); "
        "const one = all[0]; const p = one.isNode() ? one.renderedPosition() : one.renderedMidpoint(); "
        "return [p.x, p.y];")  # fmt: skip
    canvas = driver.find_element(By.ID, "network")  # type: ignore[attr-defined]
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(  # type: ignore[arg-type]
        canvas, int(point[0] - size["width"] / 2), int(point[1] - size["height"] / 2)).click().perform()
    wait_for(driver, "window.newsgraph.marks.evidencePainted", timeout=30)
    marks = driver.execute_script("return window.newsgraph.marks")  # type: ignore[attr-defined]
    return float(marks["evidencePainted"] - marks["mousedown"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=2_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        network_latency(Path(folder), options.events)
        page_figures(Path(folder), options.actors)


if __name__ == "__main__":
    main()

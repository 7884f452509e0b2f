"""Throughput and memory of `newsgraph extract` against spaCy parsing alone, on the same articles.

Prints, from one run: spaCy parse-only words/s (the model's default pipeline, as `spacy.load` gives it),
newsgraph extract words/s (parse + actors + coding), their ratio, articles/s and the peak memory of a process
that runs only extract. Each measurement runs in its own fresh process.

    python benchmarks/throughput.py [--articles N] [--dev PATH]

Articles: the bundled model article plus articles built by grouping 20 sentences of the dev pairs file (when it
is present beside the repository), cycled up to N articles.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qatar-turkey-hamas-2024-11-18.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "pairs_dev.jsonl"


def build_texts(n: int, dev: Path) -> list[str]:
    texts = [EXAMPLE.read_text("utf-8")]
    if dev.is_file():
        sentences = [json.loads(line)["text"] for line in dev.open(encoding="utf-8") if line.strip()]
        texts += [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    return [texts[i % len(texts)] for i in range(n)]


def run_parse(texts: list[str]) -> dict[str, float]:
    import spacy

    from newsgraph.config import Settings

    nlp = spacy.load(Settings.from_env().spacy_model)
    list(nlp.pipe(texts[:2]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"seconds": time.perf_counter() - start}


def run_extract(texts: list[str]) -> dict[str, float]:
    from newsgraph.api import extract_articles
    from newsgraph.model import Article

    articles = [Article(text=t, published="2024-11-18") for t in texts]
    list(extract_articles(articles[:2]))
    start = time.perf_counter()
    events = sum(len(found) for _, found in extract_articles(articles))
    return {"seconds": time.perf_counter() - start, "events": events}


def child(mode: str, n: int, dev: Path) -> None:
    texts = build_texts(n, dev)
    result = run_parse(texts) if mode == "parse" else run_extract(texts)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["words"] = sum(len(t.split()) for t in texts)
    print(json.dumps(result))


def measure(mode: str, n: int, dev: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--articles", str(n), "--dev", str(dev)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--child", choices=["parse", "extract"])
    options = parser.parse_args()
    if options.child:
        child(options.child, options.articles, options.dev)
        return
    parse = measure("parse", options.articles, options.dev)
    extract = measure("extract", options.articles, options.dev)
    parse_wps = parse["words"] / parse["seconds"]
    extract_wps = extract["words"] / extract["seconds"]
    print(f"articles: {options.articles}, words: {int(parse['words'])}")
    print(f"spaCy parse-only words/s: {parse_wps:,.0f}")
    print(f"newsgraph extract words/s: {extract_wps:,.0f}")
    print(f"ratio extract/parse: {extract_wps / parse_wps:.2f}")
    print(f"extract articles/s: {options.articles / extract['seconds']:.1f}  events: {int(extract['events'])}")
    print(f"peak memory, extract process: {extract['peak_mb']:.0f} MB (parse-only process: {parse['peak_mb']:.0f} MB)")


if __name__ == "__main__":
    main()

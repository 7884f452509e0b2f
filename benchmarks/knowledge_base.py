"""Knowledge-base figures: load time (cold, without the parse cache, and warm) and the time resolving actors adds to
extract time, measured in one run on the same articles, on two inputs: the model news article, and the dev
sentences packed 20 to a text (every sentence an event between two named parties: the densest input there is).

    python benchmarks/knowledge_base.py [--articles N] [--passes P]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEV, EXAMPLE, build_texts  # noqa: E402


def load_seconds(cache_dir: str) -> float:
    code = "import time; t=time.perf_counter(); from newsgraph.actors.kb import load_kb; load_kb(); print(time.perf_counter()-t)"
    prelude = "import newsgraph.actors.kb, yaml, pycountry; "  # imports are not the KB's load
    env = {**os.environ, "NEWSGRAPH_CACHE_DIR": cache_dir}
    out = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip())


def resolution_share(texts: list[str], passes: int = 3) -> tuple[float, float]:
    """(seconds in actor resolution, seconds of the whole extract) on the texts, summed over ``passes`` passes
    over them (this machine's timings vary by a few percent from one pass to the next)."""
    from newsgraph.actors import resolve
    from newsgraph.api import extract_articles
    from newsgraph.model import Article

    spent = [0.0]

    def timed(function):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start

        return wrapper

    build, actors_for = resolve.DocActors.build, resolve.DocActors.actors_for
    resolve.DocActors.build = classmethod(timed(build.__func__))  # type: ignore[method-assign]
    resolve.DocActors.actors_for = timed(actors_for)  # type: ignore[method-assign]
    articles = [Article(text=t, published="2024-11-18") for t in texts]
    list(extract_articles(articles[:2]))
    spent[0] = 0.0
    total = 0.0
    for _ in range(passes):
        start = time.perf_counter()
        for _ in extract_articles(articles):
            pass
        total += time.perf_counter() - start
    resolve.DocActors.build, resolve.DocActors.actors_for = build, actors_for  # type: ignore[method-assign]
    return spent[0], total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--passes", type=int, default=3, help="passes over the articles, timings summed")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty:
        cold = load_seconds(empty)
        warm = load_seconds(empty)
    from newsgraph.actors.kb import load_kb

    kb = load_kb()
    print(f"knowledge base: {len(kb.entries)} entries, {sum(len(v) for v in kb.names.values())} names")
    print(f"load, first run (YAML parsed): {cold:.2f} s; later runs (parse cache): {warm:.2f} s")
    example = EXAMPLE.read_text("utf-8")
    inputs = {
        "the model article": [example] * options.articles,
        "dev sentences, 20 to a text": [t for t in build_texts(2 * options.articles, DEV) if t != example][: options.articles],
    }
    for name, texts in inputs.items():
        resolving, total = resolution_share(texts, options.passes)
        print(f"actor resolution on {name}: {resolving:.2f} s of {total:.2f} s extract ({options.articles} texts, "
              f"{options.passes} passes): {100 * resolving / total:.1f}% of extract time, adding "
              f"{100 * resolving / (total - resolving):.1f}% to the rest")  # fmt: skip


if __name__ == "__main__":
    main()

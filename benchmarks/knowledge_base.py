"""Knowledge-base figures: load time (cold, without the parse cache, and warm) and the share of extract time spent
resolving actors, measured in one run on the same articles.

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
from throughput import DEV, build_texts  # noqa: E402


def load_seconds(cache_dir: str) -> float:
    code = "import time; t=time.perf_counter(); from newsgraph.actors.kb import load_kb; load_kb(); print(time.perf_counter()-t)"
    prelude = "import newsgraph.actors.kb, yaml, pycountry; "  # imports are not the KB's load
    env = {**os.environ, "NEWSGRAPH_CACHE_DIR": cache_dir}
    out = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip())


def resolution_share(n: int, passes: int = 3) -> tuple[float, float]:
    """(seconds in actor resolution, seconds of the whole extract) on n articles, summed over ``passes`` passes
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

    resolve.DocActors.build = classmethod(timed(resolve.DocActors.build.__func__))  # type: ignore[method-assign]
    resolve.DocActors.actors_for = timed(resolve.DocActors.actors_for)  # type: ignore[method-assign]
    articles = [Article(text=t, published="2024-11-18") for t in build_texts(n, DEV)]
    list(extract_articles(articles[:2]))
    spent[0] = 0.0
    total = 0.0
    for _ in range(passes):
        start = time.perf_counter()
        for _ in extract_articles(articles):
            pass
        total += time.perf_counter() - start
    return spent[0], total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--passes", type=int, default=3, help="passes over the articles, timings summed")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as empty:
        cold = load_seconds(empty)
        warm = load_seconds(empty)
    resolving, total = resolution_share(options.articles, options.passes)
    from newsgraph.actors.kb import load_kb

    kb = load_kb()
    print(f"knowledge base: {len(kb.entries)} entries, {sum(len(v) for v in kb.names.values())} names")
    print(f"load, first run (YAML parsed): {cold:.2f} s; later runs (parse cache): {warm:.2f} s")
    print(f"actor resolution: {resolving:.2f} s of {total:.2f} s extract on {options.articles} articles, "
          f"{options.passes} passes ({100 * resolving / total:.1f}%)")  # fmt: skip


if __name__ == "__main__":
    main()

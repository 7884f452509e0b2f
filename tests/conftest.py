"""Shared fixtures: hand-built parses (no model needed) and the real pipeline for integration tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qatar-turkey-hamas-2024-11-18.txt"


@pytest.fixture(scope="session")
def blank_nlp():
    return spacy.blank("en")


def make_doc(nlp, rows: str) -> Doc:
    """A parsed Doc from rows "word lemma POS dep head_index [TAG]", one token per line; no model needed."""
    words, lemmas, pos, deps, heads, tags = [], [], [], [], [], []
    for line in rows.strip().splitlines():
        parts = line.split()
        words.append(parts[0])
        lemmas.append(parts[1])
        pos.append(parts[2])
        deps.append(parts[3])
        heads.append(int(parts[4]))
        tags.append(parts[5] if len(parts) > 5 else "")
    return Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, deps=deps, heads=heads, tags=tags)


@pytest.fixture
def doc_from(blank_nlp):
    return lambda rows: make_doc(blank_nlp, rows)


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def example_events():
    from newsgraph.ingest import read_path
    from newsgraph.api import extract_article

    article = read_path(EXAMPLE).articles[0]
    return [e.to_dict() for e in extract_article(article)]

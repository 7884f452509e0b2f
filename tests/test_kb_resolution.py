"""Resolution of actor strings against the knowledge base: the test sets, every alias, user dictionaries."""

from pathlib import Path

import pytest
import spacy

from newsgraph.actors.kb import default_kb, load_kb
from newsgraph.actors.matcher import compile_kb, find_matches

DATA = Path(__file__).parent / "data"


def test_kb_every_alias_is_matched_as_its_entry():
    kb = default_kb()
    nlp = spacy.blank("en")
    compiled = compile_kb(kb, nlp)
    missing = []
    for entry in kb.entries.values():
        for form in (entry.name, *entry.aliases):
            form = form[4:] if form.lower().startswith("the ") else form  # "the" is matched as any other word
            doc = nlp.make_doc(form)
            matches = find_matches(doc, compiled)
            whole = [m for m in matches if m.start == 0 and m.end == len(doc)]
            if not any(entry.id in m.entry_ids for m in whole) and not _is_title_or_seat(whole):
                missing.append((entry.id, form))
    assert not missing, missing[:20]


def _is_title_or_seat(matches):
    return any(m.kind in ("seat", "role") for m in matches)


def test_kb_loads_with_its_main_entries():
    kb = load_kb()
    assert len(kb.entries) > 2500
    assert {"QAT", "HAMAS", "recep_tayyip_erdogan"} <= set(kb.entries)


@pytest.mark.model
@pytest.mark.parametrize("name", ["actor_resolution.yaml", "actor_resolution_unseen.yaml"])
def test_kb_resolution_test_sets_stay_above_95_percent(name):
    from newsgraph.eval.actors import evaluate_actors, summary

    scores = summary(evaluate_actors(DATA / name))
    assert scores["n"] >= 300
    assert scores["accuracy"] >= 0.95, scores


@pytest.mark.model
def test_kb_cameo_dictionary_given_with_kb_resolves_its_actors(tmp_path):
    from newsgraph.actors.explain import resolve_text
    from newsgraph.nlp import load_pipeline

    path = tmp_path / "mine.actors.txt"
    path.write_text(
        "ZORBLAX_QUINTAVIUS_  # a made-up leader\n\t[ABCGOV 100101-151231]\n\t[ABCELI]\n"
        "FREEDOM_FRONT_OF_NOWHERE_ [TCDREB]\n+FFN_\nBROKEN [XYZ\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    assert any("line 6" in p or ":6:" in p for p in kb.problems), kb.problems
    nlp = load_pipeline()
    front = resolve_text("the Freedom Front of Nowhere", None, kb, nlp).actor
    assert (front.country, front.sector) == ("TCD", "REB")

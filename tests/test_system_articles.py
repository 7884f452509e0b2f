"""The system read from real articles with the real model: the model article's state and mediators, a corpus of
dated articles giving different states as of different dates, the commands and the pictures."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.ingest import read_path

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "qatar-turkey-hamas-2024-11-18.txt"
CORPUS = sorted((ROOT / "tests" / "data" / "system").glob("*.txt"))
runner = CliRunner()


def _claims(paths: list[Path]):
    from newsgraph.api import read_articles

    articles = [a for p in paths for a in read_path(p).articles]
    return [c for _, _, claims in read_articles(articles) for c in claims]


@pytest.fixture(scope="module")
def example_claims():
    return _claims([EXAMPLE])


@pytest.fixture(scope="module")
def corpus_claims():
    return _claims(CORPUS)


def _find(relations, kind, subject, other=None, status=None):
    found = []
    for r in relations:
        names = {p["name"] for p in r["parties"]} if r["type"] == "mediates" else {(r["object"] or {}).get("name")}
        if r["type"] == kind and r["subject"]["name"] == subject and (other is None or other in names):
            if status is None or r["status"] == status:
                found.append(r)
    return found


def _pair(relations, kind, a, b):
    return [r for r in relations if r["type"] == kind and {r["subject"]["name"], (r["object"] or {}).get("name")} == {a, b}]


def test_the_model_article_state(example_claims):
    from newsgraph.system import system_state

    relations = system_state(example_claims, "2024-11-18").to_dict()["relations"]
    [turkey_base] = _find(relations, "based_in", "Hamas", "Turkey")
    [qatar_base] = _find(relations, "based_in", "Hamas", "Qatar")
    assert turkey_base["status"] == "active" and qatar_base["status"] == "ended"
    assert "KAN" in qatar_base["attribution"]["text"]
    assert _find(relations, "supports", "Turkey", "Hamas", "active")
    assert _pair(relations, "opposes", "Turkey", "Israel")[0]["status"] == "active"
    [qatar] = _find(relations, "mediates", "Qatar")
    assert qatar["status"] == "suspended" and {p["name"] for p in qatar["parties"]} == {"Israel", "Hamas"}
    for name in ("Egypt", "United States"):
        [mediator] = _find(relations, "mediates", name)
        assert mediator["status"] == "active", name
    [turkey] = _find(relations, "mediates", "Turkey")
    assert turkey["status"] in ("proposed", "rejected") and turkey["modality"] == ["hypothetical"]
    [talks] = _pair(relations, "negotiates_with", "Israel", "Hamas")
    assert talks["status"] == "suspended"
    for relation in relations:
        assert relation["evidence"], relation
        for item in relation["evidence"]:
            text = EXAMPLE.read_text(encoding="utf-8")
            assert text[item["sentence_start"] : item["sentence_end"]] == item["sentence"]


def test_the_model_article_mediators(example_claims):
    from newsgraph.system import rank_mediators

    report = rank_mediators(example_claims, "Israel", "Hamas", "2024-11-18")
    order = [c.mediator.name for c in report.candidates]
    assert order.index("Egypt") < order.index("Turkey") and order.index("United States") < order.index("Turkey")
    turkey = report.candidates[order.index("Turkey")]
    reasons = " ".join(turkey.reasons)
    assert "backs Hamas" in reasons and "at odds" in reasons
    assert turkey.acceptability["Israel"] < turkey.acceptability["Hamas"]


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2011-12-31", {("based_in", "Syria"): "active"}),
        ("2013-01-01", {("based_in", "Syria"): "ended", ("based_in", "Qatar"): "active"}),
        ("2024-12-01", {("based_in", "Syria"): "ended", ("based_in", "Qatar"): "ended", ("based_in", "Turkey"): "active"}),
    ],
)
def test_a_group_relocating_twice(corpus_claims, as_of, expected):
    from newsgraph.system import system_state

    relations = system_state(corpus_claims, as_of, "Hamas").to_dict()["relations"]
    found = {("based_in", r["object"]["name"]): r["status"] for r in relations if r["type"] == "based_in"}
    assert found == expected


@pytest.mark.parametrize(
    ("as_of", "mediation", "talks"),
    [("2018-12-31", None, None), ("2019-02-01", "active", "proposed"), ("2019-04-01", "active", "active"),
     ("2019-07-01", "suspended", "suspended"), ("2019-10-01", "ended", "ended")],
)  # fmt: skip
def test_a_mediator_appointed_active_suspended_then_withdrawing(corpus_claims, as_of, mediation, talks):
    from newsgraph.system import system_state

    relations = system_state(corpus_claims, as_of).to_dict()["relations"]
    norway = _find(relations, "mediates", "Norway")
    assert (norway[0]["status"] if norway else None) == mediation
    sides = _pair(relations, "negotiates_with", "Colombia", "National Liberation Army")
    assert (sides[0]["status"] if sides else None) == talks
    assert not [r for r in relations if r["type"] == "negotiates_with" and "Norway" in json.dumps(r["subject"])]


def test_state_and_mediators_commands_from_files_and_from_a_store(tmp_path):
    result = runner.invoke(app, ["state", str(EXAMPLE), "--as-of", "2024-11-18", "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["as_of"] == "2024-11-18" and len(document["relations"]) >= 8
    db = tmp_path / "corpus.db"
    ingest = runner.invoke(app, ["ingest", *map(str, CORPUS), "--db", str(db), "--workers", "1"])
    assert ingest.exit_code == 0, ingest.output
    stored = runner.invoke(app, ["state", "--db", str(db), "--as-of", "2013-01-01", "--actor", "Hamas", "-f", "json"])
    assert stored.exit_code == 0, stored.output
    statuses = {r["object"]["name"]: r["status"] for r in json.loads(stored.stdout)["relations"] if r["type"] == "based_in"}
    assert statuses == {"Syria": "ended", "Qatar": "active"}
    table = runner.invoke(app, ["mediators", "Israel", "Hamas", str(EXAMPLE), "--as-of", "2024-11-18"])
    assert table.exit_code == 0 and "Turkey backs Hamas" in table.stdout
    both = runner.invoke(app, ["state", str(EXAMPLE), "--db", str(db)])
    assert both.exit_code == 1 and "one of the two" in both.output
    missing = runner.invoke(app, ["state", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no store at" in missing.output
    unknown = runner.invoke(app, ["mediators", "Atlantis", "Hamas", str(EXAMPLE)])
    assert unknown.exit_code == 1 and "NG700" in unknown.output
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    partly = runner.invoke(app, ["state", str(EXAMPLE), str(empty), "--format", "json"])
    assert partly.exit_code == 1 and json.loads(partly.stdout)["relations"]  # the others' output, then exit 1
    early = runner.invoke(app, ["timeline", "--actor", "Qatar", str(EXAMPLE), "--until", "soon", "-o", str(tmp_path / "t.png")])
    assert early.exit_code == 1 and "until" in early.output and not (tmp_path / "t.png").exists()


def test_network_files_open_in_networkx_and_pictures_are_pngs(tmp_path):
    for suffix in ("gexf", "graphml", "json", "png"):
        out = tmp_path / f"network.{suffix}"
        result = runner.invoke(app, ["network", str(EXAMPLE), "--as-of", "2024-11-18", "-o", str(out)])
        assert result.exit_code == 0, result.output
    graph = nx.read_gexf(tmp_path / "network.gexf")
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"Qatar", "Turkey", "Israel", "Hamas"} <= labels
    turkey_hamas = [d for a, b, d in graph.edges(data=True) if (graph.nodes[a]["label"], graph.nodes[b]["label"]) == ("Turkey", "Hamas")]
    assert turkey_hamas and turkey_hamas[0]["sign"] == 1 and "supports:active" in turkey_hamas[0]["relations"]
    assert nx.read_graphml(tmp_path / "network.graphml").number_of_nodes() == graph.number_of_nodes()
    linked = nx.node_link_graph(json.loads((tmp_path / "network.json").read_text()), edges="edges")
    assert linked.number_of_edges() == graph.number_of_edges()
    assert (tmp_path / "network.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    timeline = tmp_path / "qatar.png"
    result = runner.invoke(app, ["timeline", "--actor", "Qatar", *map(str, CORPUS), str(EXAMPLE), "-o", str(timeline)])
    assert result.exit_code == 0, result.output
    assert timeline.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = runner.invoke(app, ["network", str(EXAMPLE), "-o", str(tmp_path / "network.xyz")])
    assert bad.exit_code == 1 and "format" in bad.output

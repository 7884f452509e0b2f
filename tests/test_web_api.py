"""The HTTP API in-process (FastAPI's TestClient) over a store filled by hand: every endpoint, its bounds, its
errors (always a clear 4xx with an NG code, never a 500) and its safety; one test codes the model article."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.model import Actor, Trigger
from newsgraph.store import Store
from newsgraph.web import WebSettings, create_app
from tests.conftest import EXAMPLE
from tests.test_store import HAMAS, QATAR, article, coded, make_event
from tests.test_store_browse import fill

XSS = 'Qatar asked Hamas <script>window.__xss=1</script> to leave <img src=x onerror="window.__xss=2">.'
FRENCH = ("Le gouvernement français a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs touchés par "
          "la sécheresse, après plusieurs semaines de manifestations dans les campagnes et de négociations "
          "difficiles avec les syndicats agricoles du pays.")  # fmt: skip


def xss_result():
    """An article whose sentence, title and URL are markup and script; Qatar -> Hamas keyed as the KB keys them."""
    art = article(XSS, title='<img src=x onerror="window.__xss=3">Doha', url="javascript:alert(1)")
    hamas = replace(HAMAS, start=XSS.index("Hamas"), end=XSS.index("Hamas") + 5, kb_id="HAMAS")
    event = make_event(art, XSS, category="REQUEST", actor=(QATAR,), recipient=(hamas,), quad=3, confidence=0.99)
    return coded("xss.txt", None, art, replace(event, trigger=Trigger("asked", 6, 11)))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.db"
    with Store.open(path) as store:
        fill(store)
        store.write([xss_result()])
    return path


def client_for(db: Path, **settings: object) -> TestClient:
    return TestClient(create_app(WebSettings(db=db, **settings)), base_url="http://127.0.0.1")  # type: ignore[arg-type]


@pytest.fixture
def client(db: Path) -> TestClient:
    return client_for(db)


def ok(response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def refused(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] and body["code"].startswith("NG")
    if code is not None:
        assert body["code"] == code
    return body


# --- events ----------------------------------------------------------------------------------------------------


def test_web_events_filters_and_pages(client: TestClient):
    everything = ok(client.get("/api/events"))
    assert everything["next_offset"] is None and len(everything["items"]) == 5  # the hypothetical one hidden
    assert {"cluster_id", "num_mentions", "sentence", "trigger"} <= set(everything["items"][0])
    turkey = ok(client.get("/api/events", params={"actor": "TUR", "recipient": "Q483658", "type": "SUPPORT"}))
    assert [r["date"] for r in turkey["items"]] == ["2024-11-18", "2024-11-19"]
    first = ok(client.get("/api/events", params={"limit": 2}))
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    rest = ok(client.get("/api/events", params={"limit": 2, "offset": 4}))
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    assert len(ok(client.get("/api/events", params={"include_hypothetical": "true"}))["items"]) == 6
    assert [r["event"] for r in ok(client.get("/api/events", params={"since": "2023", "until": "2023-06"}))["items"]] \
        == ["ACCUSE"]  # fmt: skip
    assert ok(client.get("/api/events", params={"min_confidence": 0.9}))["items"][0]["sentence"] == XSS


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"limit": 0}, 422), ({"limit": -5}, 422), ({"limit": 1001}, 422), ({"limit": 10**12}, 422),
        ({"limit": "many"}, 422), ({"offset": -1}, 422), ({"type": "BOMBARD"}, 422), ({"since": "yesterday"}, 422),
        ({"since": "2024-13-45"}, 400), ({"until": "2024-02-30"}, 400), ({"min_confidence": 2}, 422),
        ({"min_confidence": "nan"}, 422), ({"include_hypothetical": "perhaps"}, 422), ({"actor": "x" * 500}, 422),
    ],
)  # fmt: skip
def test_web_events_bad_parameters_are_clear_4xx(client: TestClient, params: dict, status: int):
    body = refused(client.get("/api/events", params=params), status)
    assert next(iter(params)) in body["error"]


def test_web_event_with_provenance_and_unknown_ids(client: TestClient, db: Path):
    with Store.open(db) as store:
        event_id = store.events(type="SUPPORT")[0]["id"]
    found = ok(client.get(f"/api/events/{event_id}"))
    assert found["event"]["id"] == event_id and found["article"]["title"] == "Talks in Doha"
    assert found["cluster"]["num_articles"] == 2 and len(found["cluster"]["reports"]) == 2
    refused(client.get("/api/events/ev_0000000000000000"), 404, "NG601")
    refused(client.get("/api/events/" + "e" * 65), 422)


def test_web_actors_and_search(client: TestClient):
    actors = ok(client.get("/api/actors"))["items"]
    assert actors[0]["key"] == "Q483658" and actors[0]["events"] == 4
    assert [a["key"] for a in ok(client.get("/api/actors", params={"q": "turk"}))["items"]] == ["TUR", "Q39723"]  # words of the text too
    page = ok(client.get("/api/actors", params={"limit": 1}))
    assert len(page["items"]) == 1 and page["next_offset"] == 1
    refused(client.get("/api/actors", params={"limit": 5000}), 422)
    hits = ok(client.get("/api/search", params={"q": "backed"}))["items"]
    assert hits and hits[0]["snippet"].count("[backed]") == 1 and hits[0]["events"][0]["event"] == "SUPPORT"
    for bad in ('"unbalanced', "AND OR", "*"):
        refused(client.get("/api/search", params={"q": bad}), 400, "NG600")
    refused(client.get("/api/search"), 422)
    refused(client.get("/api/search", params={"q": ""}), 422)
    refused(client.get("/api/search", params={"q": "x", "limit": 101}), 422)


def test_web_stats(client: TestClient):
    assert ok(client.get("/api/stats"))["documents"] == {"coded": 3}


# --- network ---------------------------------------------------------------------------------------------------


def test_web_network_aggregates_by_pair_period_and_category(client: TestClient):
    network = ok(client.get("/api/network"))
    assert network["by"] == "year" and network["truncated"] is False
    edges = {(e["source"], e["target"], e["event"]): e["count"] for e in network["edges"]}
    assert edges[("TUR", "Q483658", "SUPPORT")] == 2 and edges[("QAT", "HAMAS", "REQUEST")] == 1
    labels = {n["id"]: n["label"] for n in network["nodes"]}
    assert labels["TUR"] == "Turkey" and labels["Q483658"] == "Hamas"
    window = ok(client.get("/api/network", params={"since": "2023-01-01", "until": "2023-12-31", "by": "month"}))
    assert [(e["source"], e["period"]) for e in window["edges"]] == [("EGY", "2023-05")]
    only = ok(client.get("/api/network", params=[("category", "SUPPORT"), ("category", "REQUEST")]))
    assert {e["event"] for e in only["edges"]} == {"SUPPORT", "REQUEST"}
    assert ok(client.get("/api/network", params={"max_edges": 1}))["truncated"] is True


@pytest.mark.parametrize(
    ("params", "status"),
    [({"by": "week"}, 422), ({"category": "NOPE"}, 422), ({"since": "2024-99-01"}, 400), ({"max_edges": 0}, 422),
     ({"max_edges": 10**9}, 422), ({"until": "soon"}, 422)],
)  # fmt: skip
def test_web_network_bad_parameters(client: TestClient, params: dict, status: int):
    refused(client.get("/api/network", params=params), status)


# --- system (#5) -----------------------------------------------------------------------------------------------


def _mediation_result():
    """An article stating who mediates between Israel and Hamas, with its claims (as ingest stores them)."""
    from newsgraph.system.model import Claim, Evidence

    text = "Egypt mediates between Israel and Hamas. Turkey backs Hamas. Israel rejected Turkey as a mediator."
    art = article(text, published="2024-11-18")
    egypt, turkey = Actor("Egypt", name="Egypt", kb_id="EGY", country="EGY"), Actor("Turkey", name="Turkey", kb_id="TUR", country="TUR")
    israel, hamas = Actor("Israel", name="Israel", kb_id="ISR", country="ISR"), replace(HAMAS, kb_id="HAMAS")

    def said(sentence: str, **fields: object) -> Claim:
        start = text.index(sentence)
        return Claim(evidence=Evidence(art.doc_id, None, sentence, start, start + len(sentence)), date="2024-11-18",
                     **fields)  # type: ignore[arg-type]

    claims = (
        said("Egypt mediates between Israel and Hamas.", type="mediates", subject=egypt, object=None, parties=(israel, hamas), status="active"),
        said("Turkey backs Hamas.", type="supports", subject=turkey, object=hamas, status="active"),
        said("Israel rejected Turkey as a mediator.", type="mediates", subject=turkey, object=None, parties=(israel, hamas),
             status="rejected", by=israel, modality=("hypothetical",), explicit=True),
    )  # fmt: skip
    return replace(coded("mediation.txt", None, art), claims=claims)


def test_web_state_and_mediators(db: Path):
    with Store.open(db) as store:
        store.write([_mediation_result()])
    client = client_for(db)
    state = ok(client.get("/api/state"))
    assert {(r["type"], r["subject"]["name"], r["status"]) for r in state["relations"]} == {
        ("mediates", "Egypt", "active"), ("supports", "Turkey", "active"), ("mediates", "Turkey", "rejected")}
    turkey = ok(client.get("/api/state", params={"as_of": "2024-11-30", "actor": "Turkey"}))
    assert {r["subject"]["name"] for r in turkey["relations"]} == {"Turkey"}
    assert ok(client.get("/api/state", params={"as_of": "2024-11-17"}))["relations"] == []  # said the next day
    mediators = ok(client.get("/api/mediators", params={"a": "Israel", "b": "Hamas", "as_of": "2024-11-18"}))
    assert [c["mediator"]["name"] for c in mediators["candidates"]] == ["Egypt", "Turkey"]
    assert any("backs Hamas" in reason for reason in mediators["candidates"][1]["reasons"])


def test_web_state_and_mediators_bad_parameters(client: TestClient):
    refused(client.get("/api/state", params={"as_of": "someday"}), 422)
    refused(client.get("/api/mediators", params={"a": "ISR"}), 422)
    refused(client.get("/api/mediators", params={"a": "ISR", "b": "TUR", "as_of": "2024-02-31"}), 422)
    refused(client.get("/api/mediators", params={"a": "Atlantis", "b": "Hamas"}), 400, "NG700")
    refused(client.get("/api/state", params={"actor": "x" * 700}), 422)


# --- extract ---------------------------------------------------------------------------------------------------


def test_web_extract_refuses_bad_bodies_before_coding(client: TestClient):
    refused(client.post("/api/extract", json={"text": "Qatar asked Hamas to leave.", "store": True}), 403, "NG801")
    refused(client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}), 422)
    refused(client.post("/api/extract", json={"published": "2024-11-18"}), 422)
    refused(client.post("/api/extract", json={"text": "Qatar.", "published": "2024-02-30"}), 422)
    big = {"text": "Qatar asked Hamas to leave. " * 40_000}
    assert refused(client.post("/api/extract", json=big), 413, "NG802")["error"].startswith("request body larger")
    refused(client.get("/api/extract"), 405)


def test_web_extract_refuses_a_streamed_body_past_the_bound(client: TestClient):
    def chunks():
        for _ in range(20):
            yield b"x" * 100_000

    refused(client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"}), 413, "NG802")


@pytest.mark.model
def test_web_extract_codes_the_model_article_and_stores_only_when_allowed(db: Path):
    text = EXAMPLE.read_text(encoding="utf-8")
    read_only = client_for(db)
    coded_events = ok(read_only.post("/api/extract", json={"text": text}))
    assert coded_events["stored"] is None and coded_events["title"].startswith("Hamas Leadership Moves")
    support = [e for e in coded_events["events"] if e["event"] == "SUPPORT"]
    assert any("consistent supporter of Hamas" in e["sentence"] for e in support)
    with Store.open(db) as store:
        assert not store.has_document(coded_events["doc_id"])
    refused(read_only.post("/api/extract", json={"text": "   "}), 422, "NG102")
    refused(read_only.post("/api/extract", json={"text": FRENCH}), 422, "NG105")
    writer = client_for(db, allow_ingest=True)
    stored = ok(writer.post("/api/extract", json={"text": text, "published": "2024-11-18", "store": True}))
    assert stored["stored"] == "coded" and stored["doc_id"] == coded_events["doc_id"]
    assert ok(writer.post("/api/extract", json={"text": text, "store": True}))["stored"] == "skipped"
    with Store.open(db) as store:
        assert store.has_document(stored["doc_id"])
    network = ok(read_only.get("/api/network"))
    assert {"QAT", "TUR", "ISR", "HAMAS"} <= {n["id"] for n in network["nodes"]}


# --- safety and the rest ---------------------------------------------------------------------------------------


def test_web_article_markup_comes_back_as_data_never_as_page(client: TestClient):
    found = ok(client.get("/api/events", params={"min_confidence": 0.9}))["items"][0]
    assert found["sentence"] == XSS  # JSON carries the text as it is; the page renders it with textContent
    response = client.get("/api/events")
    assert response.headers["content-type"] == "application/json"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    page = client.get("/")
    assert page.status_code == 200 and "default-src 'self'" in page.headers["content-security-policy"]
    missing = client.get("/no/<script>alert(1)</script>")
    assert missing.status_code == 404 and "<script>" not in missing.text


def test_web_query_strings_and_hosts_are_bounded(client: TestClient, db: Path):
    refused(client.get("/api/events", params={"actor": "x" * 5000}), 414, "NG802")
    other = TestClient(create_app(WebSettings(db=db)), base_url="http://attacker.example")
    assert other.get("/api/stats").status_code == 400  # DNS rebinding: only loopback names are served
    assert TestClient(create_app(WebSettings(db=db, host="0.0.0.0")), base_url="http://box.lan").get(
        "/api/stats").status_code == 200  # fmt: skip


def test_web_read_only_server_needs_an_existing_store(tmp_path: Path):
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError, match="no store there"):
        create_app(WebSettings(db=tmp_path / "missing.db"))
    create_app(WebSettings(db=tmp_path / "new.db", allow_ingest=True))
    assert (tmp_path / "new.db").exists()
    (tmp_path / "notes.db").write_text("not a database " * 100)
    with pytest.raises(StoreError, match="not a newsgraph database"):
        create_app(WebSettings(db=tmp_path / "notes.db"))


def test_web_serves_the_page_docs_and_schema_from_here(client: TestClient):
    assert "newsgraph.js" in client.get("/").text
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-dist-" in docs and "http" not in docs
    schema = ok(client.get("/openapi.json"))
    assert {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/network", "/api/state", "/api/mediators",
            "/api/search", "/api/extract"} <= set(schema["paths"])  # fmt: skip
    assert client.get("/static/vendor/cytoscape-3.34.4/cytoscape.min.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404

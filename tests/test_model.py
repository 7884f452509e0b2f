from newsgraph.model import Actor, Event, Location, Trigger, doc_id_for, event_id_for


def test_model_doc_id_ignores_white_space_runs_and_normalises_unicode():
    assert doc_id_for("Qatar  asked\nHamas") == doc_id_for("Qatar asked Hamas")
    assert doc_id_for("Erdo\u011fan") == doc_id_for("Erdog\u0306an")  # composed and decomposed ğ
    assert doc_id_for("a").startswith("doc_") and len(doc_id_for("a")) == 20
    assert doc_id_for("Qatar asked Hamas") != doc_id_for("Qatar asked Israel")


def test_model_event_id_depends_on_trigger_and_category():
    a = event_id_for("doc_1", 10, 15, "REQUEST")
    assert a == event_id_for("doc_1", 10, 15, "REQUEST")
    assert a != event_id_for("doc_1", 10, 15, "COERCE")
    assert a != event_id_for("doc_1", 11, 15, "REQUEST")
    assert a.startswith("ev_") and len(a) == 19


def test_model_event_round_trips_through_dict():
    qatar = Actor("Qatar", 0, 5, "Qatar", "QAT", "QAT", "GOV", "GPE")
    event = Event(
        id="ev_x", doc_id="doc_y", event="SANCTION", mode="withdraw", context=("diplomatic",), quad=4,
        intensity=-6.0, cameo="165", actor=(qatar,), recipient=(), modality=("future",),
        attribution=Actor("reportedly", 10, 20), date="2024-11", date_precision="month", date_raw="in November",
        date_source="text", location=Location("Doha", 30, 34, "Doha", "QAT", 25.3, 51.5),
        sentence="Qatar suspended its role.", sentence_start=0, sentence_end=25,
        trigger=Trigger("suspended", 6, 15), confidence=0.8, rule="lexicon:suspend",
    )
    record = event.to_dict()
    assert Event.from_dict(record) == event
    assert list(record)[:4] == ["id", "doc_id", "event", "mode"]
    assert record["actor"][0]["kb_id"] == "QAT" and record["recipient"] == []
    assert record["coder"] == "newsgraph.rules/1" and record["ontology"] == "PLOVER-2.0"

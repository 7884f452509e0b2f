"""The system of relations without the model: claims folded into relations as of a date, mediators ranked,
claims read off hand-built events, the vocabulary checked, claims stored and read back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from newsgraph.actors.kb import default_kb
from newsgraph.errors import ConfigError, QueryError
from newsgraph.model import Actor, Article, Event, Trigger, event_id_for
from newsgraph.store import DocumentResult, Store
from newsgraph.system import rank_mediators, system_state
from newsgraph.system.from_events import claims_of_event, office_claims
from newsgraph.system.model import Claim, Evidence
from newsgraph.system.state import fold, system_state_of
from newsgraph.system.vocabulary import read_vocabulary, vocabulary

QATAR = Actor("Qatar", 0, 5, "Qatar", "QAT", "QAT", "GOV", "GPE")
TURKEY = Actor("Turkey", 0, 6, "Turkey", "TUR", "TUR", "GOV", "GPE")
EGYPT = Actor("Egypt", 0, 5, "Egypt", "EGY", "EGY", "GOV", "GPE")
ISRAEL = Actor("Israel", 0, 6, "Israel", "ISR", "ISR", "GOV", "GPE")
HAMAS = Actor("Hamas", 0, 5, "Hamas", "HAMAS", "PSE", "REB", "ORG")
KAN = Actor("Israel's state broadcaster KAN", 0, 30, "Israel", "ISR", "ISR", "JRN", "GPE")


def evidence(sentence: str = "A sentence.", doc: str = "doc_1", start: int = 0) -> Evidence:
    return Evidence(doc, None, sentence, start, start + len(sentence))


def claim(kind: str, subject: Actor, obj: Actor | None, status: str = "active", day: str | None = "2024-11-18", *,
          parties: tuple[Actor, ...] = (), explicit: bool = False, modality: tuple[str, ...] = (),
          sentence: str = "A sentence.", by: Actor | None = None, attribution: Actor | None = None,
          weight: float = 0.5) -> Claim:  # fmt: skip
    return Claim(type=kind, subject=subject, object=obj, status=status, date=day, evidence=evidence(sentence),
                 parties=parties, explicit=explicit, modality=modality, by=by, attribution=attribution,
                 weight=weight)  # fmt: skip


def test_a_stated_suspension_outranks_activity_told_the_same_day():
    relation = fold([
        claim("mediates", QATAR, None, "active", "2024-11", parties=(ISRAEL, HAMAS)),
        claim("mediates", QATAR, None, "suspended", "2024-11-18", parties=(ISRAEL, HAMAS), explicit=True),
        claim("mediates", QATAR, None, "active", "2024-11-18", parties=(ISRAEL, HAMAS)),  # "efforts from Qatar"
    ])  # fmt: skip
    assert relation.status == "suspended"
    assert (relation.valid_from, relation.valid_to) == ("2024-11", "2024-11-18")


def test_activity_reported_later_makes_a_suspended_relation_active_again():
    relation = fold([
        claim("mediates", QATAR, None, "suspended", "2024-11-18", parties=(ISRAEL, HAMAS), explicit=True),
        claim("mediates", QATAR, None, "active", "2024-12-20", parties=(ISRAEL, HAMAS)),
    ])  # fmt: skip
    assert relation.status == "active" and relation.valid_to is None


def test_a_proposal_never_overrides_a_real_status_and_stays_hypothetical_alone():
    real = fold([claim("mediates", EGYPT, None, "active", "2024-01-01"),
                 claim("mediates", EGYPT, None, "proposed", "2024-02-01", modality=("hypothetical",))])  # fmt: skip
    assert real.status == "active" and real.modality == ()
    proposed = fold([
        claim("mediates", TURKEY, None, "proposed", modality=("hypothetical",)),
        claim("mediates", TURKEY, None, "rejected", modality=("hypothetical",), by=ISRAEL, explicit=True),
    ])  # fmt: skip
    assert proposed.status == "rejected" and proposed.modality == ("hypothetical",)
    assert [a.kb_id for a in proposed.rejected_by] == ["ISR"]


def test_an_ended_relation_with_no_known_start_has_no_valid_from():
    relation = fold([claim("based_in", HAMAS, QATAR, "ended", explicit=True)])
    assert (relation.status, relation.valid_from, relation.valid_to) == ("ended", None, "2024-11-18")


def test_attribution_is_the_named_source_of_the_claim_that_set_the_status():
    relation = fold([
        claim("based_in", HAMAS, QATAR, "ended", attribution=Actor("Recent reports")),
        claim("based_in", HAMAS, QATAR, "ended", attribution=KAN),
    ])  # fmt: skip
    assert relation.attribution == KAN


def test_strength_grows_with_evidence_and_trend_compares_windows():
    one = fold([claim("supports", TURKEY, HAMAS, weight=0.4)])
    three = fold([claim("supports", TURKEY, HAMAS, weight=0.4) for _ in range(3)])
    assert 0 < one.strength < three.strength < 1
    assert one.trend == "new"
    rising = [claim("opposes", ISRAEL, TURKEY, day="2024-06-01")] + [claim("opposes", ISRAEL, TURKEY, day="2024-11-01")] * 3
    assert fold(rising, date(2024, 11, 18)).trend == "rising"
    falling = [claim("opposes", ISRAEL, TURKEY, day="2024-06-01")] * 3 + [claim("opposes", ISRAEL, TURKEY, day="2024-11-01")]
    assert fold(falling, date(2024, 11, 18)).trend == "falling"


def test_state_as_of_a_date_ignores_what_was_said_later_and_merges_symmetric_pairs():
    claims = [
        claim("based_in", HAMAS, QATAR, "active", "2012-02-28"),
        claim("based_in", HAMAS, QATAR, "ended", "2024-11-18", explicit=True),
        claim("based_in", HAMAS, TURKEY, "active", "2024-11-18"),
        claim("opposes", ISRAEL, TURKEY, day="2024-11-18"),
        claim("opposes", TURKEY, ISRAEL, day="2024-11-19"),
    ]
    before = system_state_of(claims, date(2020, 1, 1))
    assert [(r.type, r.object.kb_id, r.status) for r in before.relations] == [("based_in", "QAT", "active")]
    after = system_state_of(claims, date(2024, 12, 1))
    statuses = {(r.type, r.object.kb_id): r.status for r in after.relations}
    assert statuses == {("based_in", "QAT"): "ended", ("based_in", "TUR"): "active", ("opposes", "TUR"): "active"}
    assert len([r for r in after.relations if r.type == "opposes"][0].evidence) == 1  # same sentence, once


def test_a_mediation_naming_no_sides_joins_the_mediators_known_sides():
    state = system_state_of([
        claim("mediates", QATAR, None, "active", "2024-10-01", parties=(ISRAEL, HAMAS)),
        claim("mediates", QATAR, None, "suspended", "2024-11-18", explicit=True),
    ])  # fmt: skip
    assert len(state.relations) == 1 and state.relations[0].status == "suspended"


def test_state_document_has_the_contract_fields_and_roles():
    state = system_state_of([claim("mediates", QATAR, None, "suspended", parties=(ISRAEL, HAMAS), explicit=True)])
    document = state.to_dict()
    relation = document["relations"][0]
    for name in ("type", "subject", "object", "parties", "status", "valid_from", "valid_to", "modality",
                 "attribution", "strength", "trend", "evidence"):  # fmt: skip
        assert name in relation
    assert relation["object"] is None and [p["kb_id"] for p in relation["parties"]] == ["ISR", "HAMAS"]
    assert set(relation["evidence"][0]) >= {"doc_id", "event_id", "sentence", "sentence_start", "sentence_end"}
    qatar = next(a for a in document["actors"] if a["key"] == "QAT")
    assert qatar["roles"] == ["mediator between Israel-Hamas (suspended)"]


def test_mediators_rank_by_status_and_acceptability_with_reasons():
    claims = [
        claim("mediates", EGYPT, None, "active", parties=(ISRAEL, HAMAS)),
        claim("mediates", QATAR, None, "suspended", parties=(ISRAEL, HAMAS), explicit=True),
        claim("mediates", TURKEY, None, "rejected", parties=(ISRAEL, HAMAS), explicit=True, by=ISRAEL,
              modality=("hypothetical",)),
        claim("supports", TURKEY, HAMAS, sentence="Turkey firmly backs Hamas."),
        claim("opposes", ISRAEL, TURKEY, sentence="Relations between Israel and Turkey are strained."),
    ]  # fmt: skip
    report = rank_mediators(claims, "ISR", "Hamas")
    names = [c.mediator.name for c in report.candidates]
    assert names == ["Egypt", "Qatar", "Turkey"]
    turkey = report.candidates[-1]
    assert turkey.acceptability == {"Israel": 0.0, "Hamas": 1.0}
    reasons = " ".join(turkey.reasons)
    assert "Turkey firmly backs Hamas." in reasons and "strained" in reasons and "rejected" in reasons


def test_unknown_or_identical_sides_are_query_errors():
    claims = [claim("mediates", EGYPT, None, parties=(ISRAEL, HAMAS))]
    with pytest.raises(QueryError, match="no actor named"):
        rank_mediators(claims, "Atlantis", "Hamas")
    with pytest.raises(QueryError, match="same actor"):
        rank_mediators(claims, "ISR", "Israel")
    with pytest.raises(QueryError, match="as_of"):
        system_state(claims, "yesterday")


def _event(category: str, actors: tuple[Actor, ...], recipients: tuple[Actor, ...], *, mode: str | None = None,
           modality: tuple[str, ...] = (), intensity: float = 3.0) -> Event:  # fmt: skip
    return Event(
        id=event_id_for("doc_1", 0, 4, category), doc_id="doc_1", event=category, mode=mode, context=(), quad=1,
        intensity=intensity, cameo=None, actor=actors, recipient=recipients, modality=modality, attribution=None,
        date="2024-11-18", date_precision="day", date_raw=None, date_source="publication", location=None,
        sentence="Words.", sentence_start=0, sentence_end=6, trigger=Trigger("Word", 0, 4), confidence=0.8, rule="t",
    )  # fmt: skip


@pytest.fixture(scope="module")
def kb():
    return default_kb()


def test_events_make_claims_by_category(kb):
    supports = claims_of_event(_event("SUPPORT", (TURKEY,), (HAMAS,), intensity=3.0), kb)
    assert [(c.type, c.subject.kb_id, c.object.kb_id, c.status, c.weight) for c in supports] == [
        ("supports", "TUR", "HAMAS", "active", 0.3)
    ]
    assert claims_of_event(_event("SUPPORT", (TURKEY,), (HAMAS,), modality=("negated",)), kb) == []
    assert claims_of_event(_event("ASSAULT", (HAMAS,), (ISRAEL,), modality=("hypothetical",)), kb) == []
    mediation = claims_of_event(_event("CONSULT", (QATAR,), (ISRAEL, HAMAS), mode="third-party"), kb)
    assert [(c.type, [p.kb_id for p in c.parties]) for c in mediation] == [("mediates", ["ISR", "HAMAS"])]
    talks = claims_of_event(_event("CONSULT", (ISRAEL, HAMAS), ()), kb)  # "Israel and Hamas held talks"
    assert [(c.type, c.subject.kb_id, c.object.kb_id) for c in talks] == [("negotiates_with", "ISR", "HAMAS")]
    maybe = claims_of_event(_event("CONSULT", (TURKEY,), (ISRAEL,), modality=("hypothetical",)), kb)
    assert [(c.status, c.modality) for c in maybe] == [("proposed", ("hypothetical",))]


def test_people_count_for_what_their_office_is_of(kb):
    erdogan = Actor("Turkish President Recep Tayyip Erdogan", 0, 38, "Recep Tayyip Erdoğan", "recep_tayyip_erdogan",
                    "TUR", "GOV", "PERSON")  # fmt: skip
    naim = Actor("Hamas official Basem Naim", 0, 25, "Basem Naim", "basem_naim", "PSE", "REB", "PERSON")
    event = _event("SUPPORT", (erdogan,), (naim,))
    [supports] = claims_of_event(event, kb)
    assert (supports.subject.kb_id, supports.object.kb_id) == ("TUR", "HAMAS")
    offices = {(c.type, c.subject.name, c.object.kb_id) for c in office_claims(event, kb)}
    assert offices == {("leads", "Recep Tayyip Erdoğan", "TUR"), ("member_of", "Basem Naim", "HAMAS")}


def test_the_vocabulary_loads_and_a_malformed_one_is_a_config_error():
    vocab = vocabulary()
    assert vocab.cues[("mediator", "NOUN")].type == "mediates"
    assert vocab.status_verbs["suspend"] == "suspended"
    with pytest.raises(ConfigError, match="malformed"):
        read_vocabulary({"types": {}})
    broken = {"types": ["supports"], "events": {"SUPPORT": {"type": "hosts"}}, "cues": [],
              "word_sets": {"talks_words": []}, "status_verbs": {}}  # fmt: skip
    with pytest.raises(ConfigError, match="unknown relation type 'hosts'"):
        read_vocabulary(broken)


def test_claims_are_stored_with_their_article_and_read_back_by_date(tmp_path):
    text = "Qatar has suspended its mediation between Israel and Hamas."
    art = Article(text=text, published="2024-11-18", language="en")
    stated = Claim(type="mediates", subject=QATAR, object=None, parties=(ISRAEL, HAMAS), status="suspended",
                   date="2024-11-18", evidence=Evidence(art.doc_id, None, text, 0, len(text)), explicit=True)  # fmt: skip
    with Store.open(tmp_path / "s.db") as store:
        store.write([DocumentResult("a.txt", None, "no_event", art, claims=(stated,))])
        assert [Claim.from_dict(r) for r in store.claims()] == [stated]
        assert store.claims(until="2024-11-17") == []
        state = system_state(store, "2024-11-30")
        assert [(r.type, r.status) for r in state.relations] == [("mediates", "suspended")]
        wrong = Claim(type="supports", subject=TURKEY, object=HAMAS, status="active", date=None,
                      evidence=Evidence("doc_other", None, "x", 0, 1))  # fmt: skip
        other = Article(text="Turkey backs Hamas.", published="2024-11-18")
        with pytest.raises(Exception, match="belongs to doc_other"):
            store.write([DocumentResult("b.txt", None, "no_event", other, claims=(wrong,))])


def test_a_refusal_is_kept_even_when_the_relation_was_real():
    relation = fold([
        claim("mediates", TURKEY, None, "active", "2024-01-01", parties=(ISRAEL, HAMAS)),
        claim("mediates", TURKEY, None, "rejected", "2024-02-01", parties=(ISRAEL, HAMAS), by=ISRAEL, explicit=True),
    ])  # fmt: skip
    assert relation.status == "active" and [a.kb_id for a in relation.rejected_by] == ["ISR"]


def test_a_bare_mediation_joins_the_sides_named_most_often_whatever_their_words():
    egypt_talks = [claim("mediates", QATAR, None, parties=(EGYPT, HAMAS), sentence=f"S{i}.") for i in range(1)]
    israel_talks = [claim("mediates", QATAR, None, parties=(Actor("the Israelis", 0, 12, "Israel", "ISR", "ISR"),
                                                           HAMAS), sentence=f"T{i}.") for i in range(3)]  # fmt: skip
    bare = claim("mediates", QATAR, None, "suspended", "2024-11-19", explicit=True, sentence="Bare.")
    state = system_state_of([*egypt_talks, *israel_talks, bare])
    suspended = [r for r in state.relations if r.status == "suspended"]
    assert [{p.kb_id for p in r.parties} for r in suspended] == [{"ISR", "HAMAS"}]


def test_mediators_lists_each_mediator_once_preferring_its_mediation_between_the_two_sides():
    fatah = Actor("Fatah", 0, 5, "Fatah", "FATAH", "PSE", "PTY", "ORG")
    claims = [
        claim("mediates", EGYPT, None, "active", parties=(HAMAS, fatah)),
        claim("mediates", EGYPT, None, "suspended", parties=(ISRAEL, HAMAS), explicit=True),
    ]
    report = rank_mediators(claims, "ISR", "HAMAS")
    assert [(c.mediator.name, c.status) for c in report.candidates] == [("Egypt", "suspended")]


def test_evidence_can_be_left_out_of_the_document():
    relation = fold([claim("supports", TURKEY, HAMAS).with_(evidence=evidence(f"S{i}.", start=10 * i)) for i in range(3)])
    assert relation.to_dict(max_evidence=0)["evidence"] == [] and relation.to_dict(max_evidence=0)["evidence_count"] == 3
    assert len(relation.to_dict(max_evidence=2)["evidence"]) == 2 and len(relation.to_dict()["evidence"]) == 3


def test_a_user_names_an_actor_by_id_by_country_code_or_by_whole_words(kb):
    palestine = Actor("Palestine", 0, 9, "Palestine", "PSE", "PSE", "GOV", "GPE")
    russia = Actor("Russia", 0, 6, "Russia", "RUS", "RUS", "GOV", "GPE")
    claims = [claim("supports", TURKEY, HAMAS), claim("opposes", ISRAEL, palestine), claim("opposes", russia, TURKEY)]
    assert {r.subject.kb_id for r in system_state(claims, actor="PSE").relations} == {"ISR"}  # Palestine, not Hamas
    with pytest.raises(QueryError):
        system_state(claims, actor="ssia")  # no whole word of any name
    assert {r.type for r in system_state(claims, actor="Russia").relations} == {"opposes"}


def test_a_refused_meeting_is_a_rejected_negotiation_kept_with_who_refused(kb):
    [refused] = claims_of_event(_event("REJECT", (ISRAEL,), (TURKEY,), mode="meet"), kb)
    assert (refused.type, refused.status, refused.by.kb_id, refused.modality) == (
        "negotiates_with", "rejected", "ISR", ("hypothetical",))  # fmt: skip


def test_a_denial_says_nothing_and_fighting_alongside_is_support(kb):
    denial = _event("REJECT", (Actor("Iran", 0, 4, "Iran", "IRN", "IRN", "GOV", "GPE"),), (HAMAS,))
    assert claims_of_event(replace(denial, trigger=Trigger("denies", 0, 6)), kb) == []
    sentence = "Rwandan troops fought alongside M23."
    m23 = Actor("M23", sentence.index("M23"), sentence.index("M23") + 3, "M23", "M23", "COD", "REB", "ORG")
    rwanda = Actor("Rwandan troops", 0, 14, "Rwanda", "RWA", "RWA", "MIL", "GPE")
    fought = replace(_event("ASSAULT", (rwanda,), (m23,)), sentence=sentence, sentence_end=len(sentence))
    assert [(c.type, c.subject.kb_id, c.object.kb_id) for c in claims_of_event(fought, kb)] == [("supports", "RWA", "M23")]


def test_the_vocabulary_refuses_unknown_types_statuses_and_word_sets():
    good = {"types": ["supports", "mediates"], "events": {}, "cues": [], "word_sets": {"talks_words": ["talks"]},
            "status_verbs": {"ended": ["end"]}}  # fmt: skip
    assert read_vocabulary(good).status_verbs == {"end": "ended"}
    with pytest.raises(ConfigError, match="unknown relation type 'hosts'"):
        read_vocabulary({**good, "compounds": {"back": "hosts"}})
    with pytest.raises(ConfigError, match="unknown status 'over'"):
        read_vocabulary({**good, "status_verbs": {"over": ["end"]}})
    with pytest.raises(ConfigError, match="unknown word set 'strained'"):
        read_vocabulary({**good, "compound_needs": {"lead": "strained"}})


def test_a_store_filled_before_relations_were_stored_is_told_apart(tmp_path):
    art = Article(text="Qatar hosted talks.", published="2024-11-18", language="en")
    with Store.open(tmp_path / "s.db") as store:
        assert not store.has_documents() and not store.has_claims()
        store.write([DocumentResult("a.txt", None, "no_event", art)])
        assert store.has_documents() and not store.has_claims()

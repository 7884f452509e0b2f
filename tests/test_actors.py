"""Actor resolution over hand-built parses with the shipped knowledge base (no model)."""

from datetime import date

import pytest

from newsgraph.actors.kb import default_kb, load_kb
from newsgraph.actors.matcher import compile_kb, compiled_for, find_matches
from newsgraph.actors.resolve import DocActors
from newsgraph.errors import KnowledgeBaseError

ERDOGAN = """
Turkish turkish ADJ amod 4
President president PROPN compound 4
Recep Recep PROPN compound 4
Tayyip Tayyip PROPN compound 4
Erdogan Erdogan PROPN ROOT 4
"""

PM = """
the the DET det 3
Israeli israeli ADJ amod 3
prime prime ADJ amod 3
minister minister NOUN ROOT 3
"""


def _actors(doc_from, blank_nlp, rows, day, index):
    doc = doc_from(rows)
    found = DocActors.build(doc, compiled_for(default_kb(), blank_nlp), day)
    return found.actors_for(doc[index])


def test_actors_title_and_name_resolve_to_the_person_in_office(doc_from, blank_nlp):
    (actor,) = _actors(doc_from, blank_nlp, ERDOGAN, date(2024, 11, 18), 4)
    assert actor.kb_id == "recep_tayyip_erdogan" and actor.country == "TUR" and actor.sector == "GOV"
    assert actor.text == "Turkish President Recep Tayyip Erdogan" and actor.entity_type == "PERSON"


def test_actors_person_outside_every_office_is_elite(doc_from, blank_nlp):
    (actor,) = _actors(doc_from, blank_nlp, ERDOGAN, date(1990, 1, 1), 4)
    assert actor.country == "TUR" and actor.sector == "ELI"


@pytest.mark.parametrize(("day", "who"), [(date(2024, 11, 18), "benjamin_netanyahu"), (date(2021, 8, 1), "naftali_bennett")])
def test_actors_title_alone_resolves_by_the_articles_date(doc_from, blank_nlp, day, who):
    (actor,) = _actors(doc_from, blank_nlp, PM, day, 3)
    assert actor.kb_id == who and actor.country == "ISR"


def test_actors_metonym_demonym_and_group(doc_from, blank_nlp):
    (kremlin,) = _actors(doc_from, blank_nlp, "the the DET det 1\nKremlin Kremlin PROPN ROOT 1", None, 1)
    assert (kremlin.country, kremlin.sector, kremlin.name) == ("RUS", "GOV", "Russia")
    (officials,) = _actors(
        doc_from, blank_nlp, "Israeli israeli ADJ amod 2\ndefense defense NOUN compound 2\nofficials official NOUN ROOT 2",
        None, 2,
    )
    assert (officials.country, officials.sector) == ("ISR", "MIL")


def test_actors_coordination_gives_each_actor(doc_from, blank_nlp):
    rows = "Egypt Egypt PROPN ROOT 0\nand and CCONJ cc 0\nQatar Qatar PROPN conj 0"
    actors = _actors(doc_from, blank_nlp, rows, None, 0)
    assert [a.kb_id for a in actors] == ["EGY", "QAT"]


def test_actors_the_group_refers_back_to_the_organisation(doc_from, blank_nlp):
    rows = """
Hamas Hamas PROPN nsubj 1
left leave VERB ROOT 1
Qatar Qatar PROPN dobj 1
. . PUNCT punct 1
the the DET det 5
group group NOUN nsubj 6
moved move VERB ROOT 6
"""
    actors = _actors(doc_from, blank_nlp, rows, None, 5)
    assert [a.kb_id for a in actors] == ["HAMAS"] and actors[0].text == "the group"


def test_actors_the_group_passes_over_nearer_names_that_are_no_group(doc_from, blank_nlp):
    rows = """
the the DET det 3
Palestinian palestinian ADJ amod 3
militant militant ADJ amod 3
group group NOUN compound 4
Hamas Hamas PROPN nsubj 5
met meet VERB ROOT 5
Egypt Egypt PROPN dobj 5
and and CCONJ cc 6
Qatar Qatar PROPN conj 6
. . PUNCT punct 5
Israel Israel PROPN nsubj 11
said say VERB ROOT 11
the the DET det 13
group group NOUN nsubj 14
left leave VERB ccomp 11
"""
    actors = _actors(doc_from, blank_nlp, rows, None, 13)
    assert [a.kb_id for a in actors] == ["HAMAS"] and actors[0].text == "the group"


def test_actors_he_refers_back_to_the_nearest_person(doc_from, blank_nlp):
    rows = """
Erdogan Erdogan PROPN nsubj 1
met meet VERB ROOT 1
Netanyahu Netanyahu PROPN dobj 1
in in ADP prep 1
Ankara Ankara PROPN pobj 3
. . PUNCT punct 1
he he PRON nsubj 7
left leave VERB ROOT 7
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, date(2024, 11, 18), 6)
    assert actor.kb_id == "benjamin_netanyahu" and actor.text == "he"


@pytest.mark.parametrize(("rows", "expected"), [
    ("Georgia Georgia PROPN nsubj 1\nvoted vote VERB ROOT 1\nin in ADP prep 1\nAtlanta Atlanta PROPN pobj 2",
     ("Georgia (US state)", "USA", None)),
    ("Georgia Georgia PROPN nsubj 1\nvoted vote VERB ROOT 1\nin in ADP prep 1\nTbilisi Tbilisi PROPN pobj 2",
     ("Georgia", "GEO", "GEO")),
])  # fmt: skip
def test_actors_a_name_with_two_readings_is_read_by_its_sentence(doc_from, blank_nlp, rows, expected):
    (actor,) = _actors(doc_from, blank_nlp, rows, None, 0)
    assert (actor.name, actor.country, actor.kb_id) == expected


def test_actors_a_court_in_a_city_named_with_its_country_is_of_that_country(doc_from, blank_nlp):
    rows = """
A a DET det 1
court court NOUN nsubj 9
in in ADP prep 1
southern southern ADJ amod 4
Vietnam Vietnam PROPN poss 8
's 's PART case 4
Ho Ho PROPN compound 8
Chi Chi PROPN compound 8
City City PROPN pobj 2
rejected reject VERB ROOT 9
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, None, 1)
    assert (actor.text, actor.country, actor.sector) == ("A court", "VNM", "JUD")


def test_actors_a_spokesman_for_someone_speaks_for_his_side(doc_from, blank_nlp):
    rows = """
A a DET det 1
spokesman spokesman NOUN nsubj 6
for for ADP prep 1
President President PROPN compound 5
Ashraf Ashraf PROPN compound 5
Ghani Ghani PROPN pobj 2
disputed dispute VERB ROOT 6
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, date(2020, 1, 1), 1)
    assert (actor.country, actor.sector) == ("AFG", "GOV")


def test_actors_an_unknown_name_takes_the_country_of_its_description(doc_from, blank_nlp):
    rows = """
Zorblax Zorblax PROPN compound 1
Quintavius Quintavius PROPN nsubj 8
, , PUNCT punct 1
the the DET det 6
first first ADJ amod 6
U.S. U.S. PROPN compound 6
olympian olympian NOUN appos 1
, , PUNCT punct 1
refused refuse VERB ROOT 8
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, None, 1)
    assert (actor.text, actor.country, actor.kb_id) == ("Zorblax Quintavius", "USA", None)


def test_matches_are_leftmost_longest_and_the_same_the_second_time(blank_nlp):
    compiled = compile_kb(default_kb(), blank_nlp)  # nothing looked up yet
    text = "The United Nations Security Council and the United States met the Kremlin and the United Arab talks."
    for _ in range(2):  # the second time from what the first looked up
        doc = blank_nlp.make_doc(text)
        hits = [(doc[m.start : m.end].text, m.kind, m.entry_ids, m.seat) for m in find_matches(doc, compiled)]
        assert hits == [
            ("United Nations Security Council", "entry", ("UNSC",), None),
            ("United States", "entry", ("USA",), None),
            ("Kremlin", "seat", (), ("RUS", "GOV")),
        ]  # "United Arab" begins "United Arab Emirates" only: no hit


def test_actors_unknown_name_stays_an_actor_without_country(doc_from, blank_nlp):
    rows = "Zorblax Zorblax PROPN compound 1\nQuintavius Quintavius PROPN ROOT 1"
    (actor,) = _actors(doc_from, blank_nlp, rows, None, 1)
    assert actor.kb_id is None and actor.country is None and actor.text == "Zorblax Quintavius"
    assert actor.entity_type == "PERSON"


def test_kb_user_file_overrides_and_adds(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "organisations:\n  - {id: HAMAS, name: Hamas, country: PSE, sector: PTY}\n"
        "  - {id: ACME_MILITIA, name: Acme Militia, country: SDN, sector: REB}\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    assert kb.lookup("Hamas")[0].sector == "PTY"
    assert kb.lookup("Acme Militia")[0].country == "SDN"
    assert kb.lookup("Qatar")[0].id == "QAT"


@pytest.mark.parametrize("rows", [
    "the the DET det 2\nlandmark landmark PROPN compound 2\ndeal deal NOUN ROOT 2",  # a lowercase "proper noun"
    "on on ADP ROOT 0\nFeb. Feb. PROPN pobj 0",  # a month
])  # fmt: skip
def test_actors_words_that_are_no_names_name_no_one(doc_from, blank_nlp, rows):
    doc = doc_from(rows)
    found = DocActors.build(doc, compiled_for(default_kb(), blank_nlp), None)
    assert found.actors_for(doc[len(doc) - 1]) == []


def test_actors_a_proper_name_keeps_its_of(doc_from, blank_nlp):
    rows = """
The the DET det 2
Grand Grand PROPN compound 2
Mufti Mufti PROPN nsubj 5
of of ADP prep 2
Egypt Egypt PROPN pobj 3
cancelled cancel VERB ROOT 5
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, None, 2)
    assert (actor.text, actor.country) == ("The Grand Mufti of Egypt", "EGY")


@pytest.mark.parametrize(("rows", "expected"), [
    ("Fighters fighter NOUN ROOT 0\nloyal loyal ADJ amod 0\nto to ADP prep 1\nAlassane Alassane PROPN compound 4\n"
     "Ouattara Ouattara PROPN pobj 2", ("CIV", "REB", None)),
    ("Forces force NOUN ROOT 0\nloyal loyal ADJ amod 0\nto to ADP prep 1\nKhalifa Khalifa PROPN compound 4\n"
     "Haftar Haftar PROPN pobj 2", ("LBY", "MIL", None)),  # his office is the LNA's, an organisation of Libya
])  # fmt: skip
def test_actors_a_group_loyal_to_someone_is_of_his_side(doc_from, blank_nlp, rows, expected):
    (actor,) = _actors(doc_from, blank_nlp, rows, date(2020, 1, 1), 0)
    assert (actor.country, actor.sector, actor.kb_id) == expected


def test_actors_an_envoy_to_a_state_is_of_the_state_that_sends_him(doc_from, blank_nlp):
    rows = """
the the DET det 2
UAE UAE PROPN compound 2
Ambassador ambassador PROPN nsubj 5
to to ADP prep 2
Bahrain Bahrain PROPN pobj 3
met meet VERB ROOT 5
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, None, 2)
    assert (actor.country, actor.sector) == ("ARE", "GOV")


def test_actors_title_nouns_give_their_sector(doc_from, blank_nlp):
    (actor,) = _actors(doc_from, blank_nlp, "Irish irish ADJ amod 1\nbusinessman businessman NOUN ROOT 1", None, 1)
    assert (actor.country, actor.sector) == ("IRL", "BUS")


@pytest.mark.parametrize(("rows", "index", "expected"), [
    # undated, "Bush" is one of two American presidents: American, whichever
    ("Bush Bush PROPN ROOT 0", 0, ("USA", None, None)),
    ("the the DET det 2\nBush Bush PROPN compound 2\nadministration administration NOUN ROOT 2", 2, ("USA", "GOV", None)),
    # the peoples of one state named after their kin, and states by their successors
    ("Bosnian bosnian ADJ amod 2\nSerb Serb PROPN compound 2\nforces force NOUN ROOT 2", 2, ("BIH", "MIL", "REG_BOSNIAN_SERBS")),
    ("Yugoslav yugoslav ADJ amod 1\nauthorities authority NOUN ROOT 1", 1, ("SRB", "GOV", "SRB")),
    ("the the DET det 2\nSoviet Soviet PROPN compound 2\nUnion Union PROPN ROOT 2", 2, ("RUS", "GOV", "RUS")),
])  # fmt: skip
def test_actors_on_no_date_and_in_the_1990s(doc_from, blank_nlp, rows, index, expected):
    (actor,) = _actors(doc_from, blank_nlp, rows, None, index)
    assert (actor.country, actor.sector, actor.kb_id) == expected


def test_actors_a_named_official_the_kb_lacks_is_not_the_office_holder(doc_from, blank_nlp):
    rows = """
Indonesian indonesian ADJ amod 4
Foreign Foreign PROPN compound 2
Minister Minister PROPN compound 4
Ali Ali PROPN compound 4
Alatas Alatas PROPN ROOT 4
"""
    (actor,) = _actors(doc_from, blank_nlp, rows, date(2024, 11, 18), 4)
    assert (actor.country, actor.sector, actor.kb_id) == ("IDN", "GOV", None)


@pytest.mark.parametrize(("rows", "index", "kb_id"), [
    ("Omar Omar PROPN compound 1\nSuleiman Suleiman PROPN ROOT 1", 1, None),  # not Michel Suleiman
    ("Michel Michel PROPN compound 1\nSuleiman Suleiman PROPN ROOT 1", 1, "michel_suleiman"),
    ("Mikhail Mikhail PROPN compound 2\nS. S. PROPN compound 2\nGorbachev Gorbachev PROPN ROOT 2", 2, "mikhail_gorbachev"),
])  # fmt: skip
def test_actors_a_surname_after_another_first_name_is_someone_else(doc_from, blank_nlp, rows, index, kb_id):
    actors = _actors(doc_from, blank_nlp, rows, date(2009, 1, 1), index)
    assert [a.kb_id for a in actors] == [kb_id]


def test_a_town_before_a_group_noun_places_the_group(nlp):
    from newsgraph.actors.explain import resolve_text
    from newsgraph.api import knowledge_base

    kb = knowledge_base()
    assert resolve_text("Milan magistrates", None, kb, nlp).actor.country == "ITA"
    assert resolve_text("Lagos police", None, kb, nlp).actor.country == "NGA"
    assert resolve_text("Federal agents", None, kb, nlp).actor.country is None  # an adjective, not the town


def test_a_name_of_common_words_inside_a_longer_name_is_not_that_body(nlp):
    from newsgraph.actors.explain import resolve_text
    from newsgraph.api import knowledge_base

    kb = knowledge_base()
    council = resolve_text("Iran's Supreme National Security Council", None, kb, nlp).actor
    assert (council.country, council.sector) == ("IRN", "GOV")  # not the UN Security Council
    assert resolve_text("the UN Security Council", None, kb, nlp).actor.kb_id == "UNSC"
    assert resolve_text("Shi'ite Hezbollah", None, kb, nlp).actor.kb_id == "HEZBOLLAH"  # one word is a name
    assert resolve_text("ethnic Albanian guerrillas", None, kb, nlp).actor.country is None  # they live elsewhere


def test_workers_people_abroad_former_ministers_and_places_named_after_people(nlp):
    from newsgraph.actors.explain import resolve_text
    from newsgraph.api import knowledge_base

    kb = knowledge_base()
    drivers = resolve_text("Brazil's truck drivers", None, kb, nlp).actor
    assert (drivers.country, drivers.sector) == ("BRA", "LAB")
    abroad = resolve_text("Guineans overseas", None, kb, nlp).actor
    assert (abroad.country, abroad.sector) == ("GIN", "CVL")
    former = resolve_text("ex-Ecuadorian Foreign Minister Ricardo Patino", None, kb, nlp).actor
    assert (former.country, former.sector) == ("ECU", "ELI")
    airport = resolve_text("Hamid Karzai International Airport", None, kb, nlp).actor
    assert airport.kb_id != "hamid_karzai"
    town = resolve_text("the eastern Kosovan town of Gjilan", None, kb, nlp).actor
    assert (town.country, town.sector) == ("KOS", "CVL")  # a town's people, not its government
    assert resolve_text("the Afghan Mujahideen", None, kb, nlp).actor.sector == "REB"
    assert resolve_text("a Cuban physician", None, kb, nlp).actor.sector == "MED"
    former_minister = resolve_text("a former Rwandan planning minister", None, kb, nlp).actor
    assert (former_minister.country, former_minister.sector) == ("RWA", "ELI")
    assert resolve_text("a Rwandan minister", None, kb, nlp).actor.sector == "GOV"
    from datetime import date as day

    assert resolve_text("Mikhail Gorbachev", None, kb, nlp).actor.sector == "GOV"  # undated: as he was in office
    assert resolve_text("Mikhail Gorbachev", day(1986, 5, 1), kb, nlp).actor.sector == "GOV"
    assert resolve_text("Mikhail Gorbachev", day(2005, 1, 1), kb, nlp).actor.sector == "ELI"


SPLA = """
SPLA SPLA PROPN compound 1
rebels rebel NOUN ROOT 1
"""


def test_actors_of_a_state_not_yet_independent_are_of_the_state_it_was_part_of(doc_from, blank_nlp):
    kb = default_kb()
    assert kb.country_on("SSD", date(1998, 5, 1)) == "SDN"
    assert kb.country_on("SSD", date(2011, 7, 9)) == "SSD"
    assert kb.country_on("SSD", None) == "SSD"  # undated: today's state
    assert kb.country_on("SDN", date(1998, 5, 1)) == "SDN"
    (then,) = _actors(doc_from, blank_nlp, SPLA, date(1998, 5, 1), 1)
    (now,) = _actors(doc_from, blank_nlp, SPLA, date(2015, 5, 1), 1)
    assert (then.kb_id, then.country) == ("SPLA", "SDN")
    assert (now.kb_id, now.country) == ("SPLA", "SSD")


def test_a_seat_of_power_of_a_state_not_yet_independent_is_a_town(doc_from, blank_nlp):
    doc = doc_from("in in ADP ROOT 0\nJuba Juba PROPN pobj 0")
    then = DocActors.build(doc, compiled_for(default_kb(), blank_nlp), date(1998, 5, 1))
    now = DocActors.build(doc, compiled_for(default_kb(), blank_nlp), date(2015, 5, 1))
    assert [m.kind for m in then.matches] == [] and [m.kind for m in now.matches] == ["seat"]
    (town,) = then.actors_for(doc[1])
    assert town.country == "SDN" and town.sector is None and town.kb_id is None
    (seat,) = now.actors_for(doc[1])
    assert seat.country == "SSD" and seat.sector == "GOV"


def test_kb_user_file_independence_needs_a_date_and_a_state(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("countries:\n  - {id: XXA, name: Newland, independent: {since: 2030-01-01}}\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="mine.yaml") as error:
        load_kb([path])
    assert "'from'" in str(error.value)
    path.write_text("countries:\n  - {id: XXA, name: Newland, independent: {since: 2030-01-01, from: SDN}}\n", encoding="utf-8")
    assert load_kb([path]).country_on("XXA", date(2029, 1, 1)) == "SDN"


@pytest.mark.parametrize("rows, person", [
    ("Serb Serb PROPN compound 3\nsuspect suspect NOUN compound 3\nDusko Dusko PROPN compound 3\nTadic Tadic PROPN ROOT 3", True),
    ("Chechen Chechen PROPN compound 4\nrebel rebel NOUN compound 4\ncommander commander NOUN compound 4\n"
     "Salman Salman PROPN compound 4\nRaduyev Raduyev PROPN ROOT 4", True),
    ("the the DET det 3\nIsrael Israel PROPN compound 3\nBoycott Boycott PROPN compound 3\nLaw Law PROPN ROOT 3", False),
    ("the the DET det 3\nTurkish Turkish ADJ amod 3\nRed Red PROPN compound 3\nCrescent Crescent PROPN ROOT 3", False),
])  # fmt: skip
def test_actors_a_state_or_region_before_an_unknown_name_makes_a_person_of_it(doc_from, blank_nlp, rows, person):
    doc = doc_from(rows)
    found = DocActors.build(doc, compiled_for(default_kb(), blank_nlp), date(1997, 1, 1))
    (actor,) = found.actors_for(doc[len(doc) - 1])
    assert (actor.entity_type == "PERSON") == person and actor.country in ("SRB", "RUS", "ISR", "TUR")
    if person:  # someone of the state, not the state
        assert actor.kb_id is None and actor.name is None
    if person and actor.country == "SRB":
        assert actor.sector is None  # a Serb with no title: not the government

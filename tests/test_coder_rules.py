"""The rule coder on hand-built parses: lexicon matching, arguments, frames and modality (no model)."""

from newsgraph.events import arguments as args
from newsgraph.events.coder import find_triggers, settle
from newsgraph.events.lexicon import build_lexicon
from newsgraph.events.modality import modality

LEX = build_lexicon(
    [
        {"lemma": "ask", "event": "REQUEST", "cameo": "10"},
        {"lemma": "call", "event": "CONSULT", "mode": "phone", "cameo": "041"},
        {"lemma": "call", "event": "REQUEST", "with": ["for", "on"], "cameo": "10"},
        {"lemma": "hold", "event": "CONSULT", "requires": ["talk"], "cameo": "043"},
        {"lemma": "release", "event": "RETREAT", "mode": "release", "cameo": "0841"},
        {"lemma": "attack", "event": "ASSAULT", "cameo": "18"},
        {"lemma": "pledge", "event": "AGREE", "frame": "intent", "cameo": "03"},
        {"lemma": "refuse", "event": "REJECT", "cameo": "12"},
        {"lemma": "accept", "event": "AGREE", "cameo": "03"},
        {"lemma": "pressure", "pos": "noun", "event": "COERCE", "cameo": "17"},
    ]
)

QATAR_ASKED = """
Qatar Qatar PROPN nsubj 1
asked ask VERB ROOT 1
Hamas Hamas PROPN dobj 1
to to PART aux 4
leave leave VERB xcomp 1
. . PUNCT punct 1
"""


def test_lexicon_specific_entry_wins_over_bare(doc_from):
    doc = doc_from("""
Egypt Egypt PROPN nsubj 1
called call VERB ROOT 1
for for ADP prep 1
calm calm NOUN pobj 2
""")
    assert LEX.match(doc[1]).event == "REQUEST"
    phone = doc_from("""
Biden Biden PROPN nsubj 1
called call VERB ROOT 1
Netanyahu Netanyahu PROPN dobj 1
""")
    assert LEX.match(phone[1]).event == "CONSULT"


def test_lexicon_light_verb_needs_its_object(doc_from):
    doc = doc_from("""
Israel Israel PROPN nsubj 1
held hold VERB ROOT 1
talks talk NOUN dobj 1
with with ADP prep 2
Egypt Egypt PROPN pobj 3
""")
    assert LEX.match(doc[1]).event == "CONSULT"
    assert LEX.match(doc_from("They they PRON nsubj 1\nheld hold VERB ROOT 1\nhostages hostage NOUN dobj 1")[1]) is None


def test_arguments_object_control_gives_actor_and_recipient(doc_from):
    doc = doc_from(QATAR_ASKED)
    found = args.arguments(doc[1])
    assert [t.text for t in found.actors] == ["Qatar"]
    assert [t.text for t in found.recipients] == ["Hamas"]
    assert args.subject(doc[4]).text == "Hamas"  # who is to leave: the object of "asked"


def test_arguments_passive_voice(doc_from):
    doc = doc_from("""
Hamas Hamas PROPN nsubjpass 2
was be AUX auxpass 2
attacked attack VERB ROOT 2
by by ADP agent 2
Israel Israel PROPN pobj 3
""")
    found = args.arguments(doc[2])
    assert [t.text for t in found.actors] == ["Israel"]
    assert [t.text for t in found.recipients] == ["Hamas"]


def test_arguments_nominalisation_with_possessive(doc_from):
    doc = doc_from("""
Qatar Qatar PROPN poss 2
's 's PART case 0
pressure pressure NOUN ROOT 2
on on ADP prep 2
Hamas Hamas PROPN pobj 3
""")
    found = args.arguments(doc[2])
    assert [t.text for t in found.actors] == ["Qatar"]
    assert [t.text for t in found.recipients] == ["Hamas"]


def test_arguments_coordinated_subject_is_a_compound_actor(doc_from):
    doc = doc_from("""
Egypt Egypt PROPN nsubj 3
and and CCONJ cc 0
Qatar Qatar PROPN conj 0
attacked attack VERB ROOT 3
Hamas Hamas PROPN dobj 3
""")
    assert [t.text for t in args.arguments(doc[3]).actors] == ["Egypt", "Qatar"]


def test_frame_intent_follows_its_clause(doc_from):
    doc = doc_from("""
Hamas Hamas PROPN nsubj 1
pledged pledge VERB ROOT 1
to to PART aux 3
release release VERB xcomp 1
hostages hostage NOUN dobj 3
""")
    triggers = find_triggers(doc[:], LEX)
    coded = settle(doc[1], triggers[1], triggers)
    assert coded.event == "AGREE" and coded.complement.i == 3  # a promise to release is a promise
    threat = doc_from("""
Hamas Hamas PROPN nsubj 1
pledged pledge VERB ROOT 1
to to PART aux 3
attack attack VERB xcomp 1
Israel Israel PROPN dobj 3
""")
    triggers = find_triggers(threat[:], LEX)
    assert settle(threat[1], triggers[1], triggers).event == "THREATEN"


def test_frame_refusal_keeps_its_category(doc_from):
    doc = doc_from("""
Hamas Hamas PROPN nsubj 1
refused refuse VERB ROOT 1
to to PART aux 3
release release VERB xcomp 1
hostages hostage NOUN dobj 3
""")
    triggers = find_triggers(doc[:], LEX)
    assert settle(doc[1], triggers[1], triggers).event == "REJECT"


UNLIKELY = """
Israel Israel PROPN nsubj 1
is be AUX ROOT 1
unlikely unlikely ADJ acomp 1
to to PART aux 4
accept accept VERB xcomp 2
Turkey Turkey PROPN dobj 4
"""


def test_unlikely_to_accept_is_a_hypothetical_rejection(doc_from):
    doc = doc_from(UNLIKELY)
    triggers = find_triggers(doc[:], LEX)
    coded = settle(doc[4], triggers[4], triggers)
    assert coded.event == "REJECT"
    assert modality(doc[4], absorbed=coded.absorbed) == ("hypothetical",)


def test_modality_negation_future_and_hypothetical(doc_from):
    negated = doc_from("""
Israel Israel PROPN nsubj 3
did do AUX aux 3
not not PART neg 3
attack attack VERB ROOT 3
""")
    assert modality(negated[3]) == ("negated",)
    future = doc_from("Israel Israel PROPN nsubj 2\nwill will AUX aux 2\nattack attack VERB ROOT 2")
    assert modality(future[2]) == ("future",)
    could = doc_from("Turkey Turkey PROPN nsubj 2\ncould could AUX aux 2\nattack attack VERB ROOT 2")
    assert modality(could[2]) == ("hypothetical",)
    plain = doc_from(QATAR_ASKED)
    assert modality(plain[1]) == ()


def test_no_determiner_negates_a_noun_trigger(doc_from):
    doc = doc_from("No no DET det 1\npressure pressure NOUN ROOT 1")
    assert modality(doc[1]) == ("negated",)


def test_arguments_two_subjects_from_a_parser_slip_give_the_name(doc_from):
    doc = doc_from("""
The the DET det 1
rebel rebel NOUN nsubj 5
Free Free PROPN compound 4
Syrian Syrian PROPN compound 4
Army Army PROPN nsubj 5
threatened threaten VERB ROOT 5
""")
    assert args.subject(doc[5]).text == "Army"


def test_arguments_an_acronym_taken_for_an_adverb_is_the_subject(doc_from):
    doc = doc_from("""
USAID usaid ADV advmod 1
provided provide VERB ROOT 1
shelter shelter NOUN dobj 1
""")
    assert args.subject(doc[1]).text == "USAID"
    doc = doc_from("Directly directly ADV advmod 1\nleft leave VERB ROOT 1")
    assert args.subject(doc[1]) is None


def test_arguments_expelled_from_a_state_names_the_state_as_actor(doc_from):
    doc = doc_from("""
Inspectors inspector NOUN nsubjpass 2
were be AUX auxpass 2
expelled expel VERB ROOT 2
from from ADP prep 2
Korea Korea PROPN pobj 3
""")
    assert args.subject(doc[2]).text == "Korea"
    doc = doc_from("Inspectors inspector NOUN nsubjpass 2\nwere be AUX auxpass 2\nreleased release VERB ROOT 2\n"
                   "from from ADP prep 2\nprison prison NOUN pobj 3")
    assert args.subject(doc[2]) is None  # "released from prison": prison released no one

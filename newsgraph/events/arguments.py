"""Who did it and to whom: the actor and recipient heads of a trigger, read from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.events.cues import cues

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
# Prepositions that introduce the recipient of a verb ("attacked *on*" is rare; "talks *with*", "pressure *on*").
_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "at", "for", "toward", "towards", "upon", "into", "from", "over", "of", "between",
     "among", "in", "about"}
)  # fmt: skip
# Prepositions that introduce the recipient of a noun trigger ("the assassination *of*", "support *for*").
_NOUN_RECIPIENT_PREPS = frozenset({"of", "on", "against", "for", "with", "to", "toward", "towards", "between", "at"})
_LIGHT_VERBS = frozenset(
    {"hold", "launch", "conduct", "carry", "make", "stage", "express", "show", "voice", "issue", "take", "pay",
     "deliver", "mount", "begin", "start", "continue", "resume", "step", "announce", "lead", "have", "give", "file",
     "level", "lodge", "reach", "sign", "strike", "wage", "commit", "perpetrate", "do", "undertake", "order",
     "authorize", "authorise", "approve", "declare", "intensify", "escalate", "increase", "receive", "get", "complete",
     "finish", "open", "widen", "broaden", "expand", "extend", "deepen", "press", "keep", "maintain", "switch", "shift"}
)  # fmt: skip
# Verbs whose subject takes part in the activity named by their "in" object ("engaged in talks").
_ENGAGING = frozenset({"engage", "participate", "join", "involve", "take", "lead", "continue", "persist", "succeed"})
# Nouns that count or group events: "a round of talks", "a wave of strikes".
_QUANTITY = frozenset({"round", "series", "wave", "spate", "string", "set", "couple", "number", "barrage", "flurry", "day", "week",
                       "hour", "month", "minute"})
_CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "attr", "ccomp", "dobj", "pobj"})


_PLAIN_PRONOUNS = frozenset({"they", "he", "she", "it", "we"})


@dataclass(frozen=True)
class Arguments:
    actors: tuple[Token, ...]
    recipients: tuple[Token, ...]
    reciprocal: bool = False


def is_passive(verb: Token) -> bool:
    """Passive voice, or a participle with "by" describing a noun ("the man arrested by police")."""
    return any(
        c.dep_ in _PASSIVE_SUBJECTS or c.dep_ == "auxpass" or (c.dep_ == "agent" and verb.dep_ in ("acl", "relcl"))
        for c in verb.children
    )


def _children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for token in tokens:
        out.extend(token.conjuncts)
    seen: dict[int, Token] = {t.i: t for t in out}
    return [seen[i] for i in sorted(seen)]


def subject(verb: Token, *, depth: int = 0) -> Token | None:
    """The one who does what ``verb`` says, following control, coordination and relative clauses."""
    if depth > 6:
        return None
    if is_passive(verb):
        for prep in _children(verb, {"agent"}):
            objects = _children(prep, {"pobj"})
            if objects:
                return _firer(objects[0])
        for prep in _children(verb, {"prep"}):  # "a ban was imposed on Lukashenko and 30 officials by EU
            for placed in _with_conjuncts(_children(prep, {"pobj"})):  # ministers", the "by" hung on the officials
                by = [o for b in _children(placed, {"prep"}) if b.lower_ == "by" for o in _children(b, {"pobj"})]
                if by:
                    return _firer(by[0])
        if verb.lemma_.lower() in cues().sent_away_from:  # "were expelled from North Korea": North Korea did it
            for prep in _children(verb, {"prep"}):
                objects = _children(prep, {"pobj"}) if prep.lower_ == "from" else []
                if objects:
                    return objects[0]
        if depth > 0:  # "the US has been involved in pushing for": the passive clause's subject acts below it
            passive = _children(verb, _PASSIVE_SUBJECTS)
            return passive[0] if passive else None
        return None
    if _reduced_relative(verb) is not None:
        return None  # "freed 12 soldiers held captive": who held them is not said
    subjects = _children(verb, _SUBJECTS)
    if subjects:  # two subjects are the parser's slip ("The rebel Free Syrian Army threatened"): the name is it
        found = _firer(next((s for s in subjects if s.pos_ == "PROPN"), subjects[0]))  # "bombs planted by X killed"
        if found.lower_ in _PLAIN_PRONOUNS and verb.dep_ in ("advcl", "conj") and depth < 6:
            # "opposition supporters hurled eggs as they marched through Belgrade": they are the supporters
            above = subject(verb.head, depth=depth + 1)
            if above is not None and above.pos_ != "PRON":
                return above
        return found
    acronym = _acronym_before(verb)
    if acronym is not None:
        return acronym
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "acl" and verb.tag_ != "VBN" and head.lemma_.lower() in cues().documents:
        return _author(head, depth)  # "put out a report accusing the army": who put it out accuses
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and _rootless(head, verb):
        return head  # "Serbian special police sealed off the region": the parser found no verb but this one
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "forces attacking the town": the noun acts; "commanders accused of ...": the noun is acted upon
        return head if verb.tag_ != "VBN" else None
    if verb.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.pos_ in ("VERB", "AUX"):
        objects = _children(head.head, {"dobj"})
        if objects:  # "accused the ELN of committing": the one accused does it
            return objects[0]
    if verb.dep_ == "xcomp":
        objects = [o for o in _children(head, {"dobj"}) if o.i < verb.i]  # one after the clause is the parser's slip
        if objects and head.lemma_ not in ("try", "seek", "want"):
            return objects[0]  # object control: "Qatar asked Hamas to leave"
        return subject(head, depth=depth + 1)
    if verb.dep_ in ("conj", "advcl", "pcomp", "acomp", "prep", "pobj", "attr", "dobj"):
        found = subject(head, depth=depth + 1)
        if found is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "ccomp" and head.head.i != head.i:
            # "the king said parliament would be reinstated, bowing to protests": who said it bows
            return subject(head.head, depth=depth + 1)
        return found
    return None


def _firer(weapon: Token) -> Token:
    """Who fired a weapon named as the doer: "hit by rockets *fired from Israeli helicopter gunships*"."""
    if weapon.lemma_.lower() not in cues().weapons:
        return weapon
    for fired in weapon.children:  # fired, planted, launched, dropped ... by or from someone; blamed on someone
        if fired.dep_ == "acl" and fired.pos_ == "VERB":
            for prep in _children(fired, {"prep", "agent"}):
                if prep.lower_ in ("from", "by") or prep.lower_ == "on" and fired.lemma_.lower() == "blame":
                    objects = _children(prep, {"pobj"})
                    if objects:
                        return objects[0]
    return weapon


def _rootless(noun: Token, verb: Token) -> bool:
    """Whether ``verb``, a participle hung on the sentence's root noun (or on one of a verb's two subjects), is
    the verb the parser missed: it comes right after the noun's own words, and nothing says the noun is acted on."""
    if noun.dep_ != "ROOT" and not (noun.dep_ == "nsubj" and len(_children(noun.head, {"nsubj"})) > 1):
        return False  # the root, or one of two subjects of a verb ("police sealed off ..., witnesses said")
    before = [c for c in noun.children if c.i < noun.i]
    words_end = max([noun.i, *(t.right_edge.i for t in before)])
    return verb.i == words_end + 1 and not any(c.dep_ in ("agent", "auxpass") for c in verb.children)


def _reduced_relative(verb: Token) -> Token | None:
    """The noun a participle describes when the parser made them a clause of the verb before: in "freed 12
    soldiers held captive" it took "soldiers held captive" for a clause with its own subject. Returns the noun."""
    if verb.dep_ != "ccomp" or verb.tag_ not in ("VBD", "VBN") or verb.head.i == verb.i:
        return None
    head = verb.head
    if any(c.dep_ in ("mark", "aux", "auxpass") or (c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")) for c in verb.children):
        return None  # a clause of its own: "said troops killed ten rebels"
    if _children(head, {"dobj"}) or head.lemma_.lower() in cues().speech_verbs | cues().transparent:
        return None
    nouns = _children(verb, {"nsubj"})
    if len(nouns) == 1 and nouns[0].left_edge.i == head.i + 1 and nouns[0].pos_ in ("NOUN", "PROPN"):
        return nouns[0]
    return None


def doers(noun: Token) -> list[Token]:
    """Who did what a noun names, by its "by": "the expulsion of four diplomats by Moscow" (the parser may hang the
    "by" on the diplomats), "the hanging of Ken Saro-Wiwa by Nigeria's military government", "a package offered by
    Britain"."""
    for holder in [noun, *_with_conjuncts(_prep_objects(noun, frozenset({"of"})))]:
        found = _prep_objects(holder, frozenset({"by"})) + [o for a in _children(holder, {"agent"}) for o in _children(a, {"pobj"})]
        # "a package of incentives offered by Britain, France and Germany"
        found += [o for acl in _children(holder, {"acl"}) for a in _children(acl, {"agent"}) for o in _children(a, {"pobj"})]
        if found:
            return found
    return []


def _received(noun: Token, verb: Token, givers: list[Token]) -> Arguments:
    """"Colombia received U.S. aid", "got support from Russia": the giver acts, the receiver is the recipient."""
    if not givers:
        givers = [*_prep_objects(noun, frozenset({"from"})), *_prep_objects(verb, frozenset({"from"}))]
    receiver = subject(verb)
    return Arguments(tuple(_with_conjuncts(givers)), tuple(_with_conjuncts([receiver])) if receiver is not None else (), False)


def _acronym_before(verb: Token) -> Token | None:
    """An all-capitals name before a verb that has no subject is its subject: the parser took "USAID" in "USAID
    provided shelter" for an adverb."""
    for child in verb.lefts:
        if child.dep_ in ("advmod", "npadvmod") and len(child.text) >= 2 and child.text.isupper() and child.text.isalpha():
            return child
    return None


def _author(document: Token, depth: int) -> Token | None:
    """Who speaks through a text: its possessor ("Amnesty's report"), else whoever issued, passed or signed it, else
    the text itself, whose words may name its author ("a UN report")."""
    owners = _children(document, {"poss"})
    if owners:
        return owners[0]
    if document.dep_ == "dobj" and document.head.pos_ in ("VERB", "AUX"):
        issuer = subject(document.head, depth=depth + 1)
        if issuer is not None:
            return issuer
    return document


def verb_arguments(verb: Token) -> Arguments:
    """Actor and recipient heads of a verb trigger, in active or passive voice."""
    actor = subject(verb)
    actors = _with_conjuncts([actor]) if actor is not None else []
    named = [s for s in _children(verb, _SUBJECTS) if s.pos_ == "PROPN"]
    if len(named) >= 2 and any(t.lower_ == "and" for t in verb.doc[named[0].i : named[-1].i]):
        # "President Roh Moo-hyun and North Korean leader Kim Jong Il pledged", parsed as subjects side by side
        actors = [s for s in named if s.i - 1 not in {n.i for n in named}]
    if is_passive(verb):
        recipients = _children(verb, _PASSIVE_SUBJECTS)
        if not recipients and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            recipients = [verb.head]  # "the man arrested by police"
    else:
        recipients = _children(verb, {"dobj", "dative"})
        if not recipients:  # "freed 12 soldiers held captive", parsed as "freed [soldiers held captive]"
            recipients = [n for c in verb.children if (n := _reduced_relative(c)) is not None]
        if not recipients:  # "detained dissident Wang Dan", parsed with the name hung on the verb
            recipients = [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > verb.i
                          and c.lower_ not in cues().times]  # fmt: skip
        if not recipients:  # "allowed inspectors to resume searches", parsed as "allowed [inspectors to resume]"
            recipients = [
                n for c in verb.children if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for n in c.children if n.dep_ == "nsubj"
            ]  # fmt: skip
        if verb.lemma_.lower() in cues().handing:  # "handed Milosevic over to the tribunal": the tribunal receives
            recipients = [o for o in _prep_objects(verb, frozenset({"to"})) if o.i > verb.i] or recipients
        if not recipients:  # a preposition before the verb ("On the Israeli side, X insists") sets a scene
            recipients = [o for o in _prep_objects(verb, _RECIPIENT_PREPS) if o.i > verb.i]
    recipients = _with_conjuncts(recipients)
    reciprocal = False
    if not recipients and len(actors) >= 2:
        reciprocal = True
    return Arguments(tuple(actors), tuple(recipients), reciprocal)


def noun_arguments(noun: Token) -> Arguments:
    """Actor and recipient heads of a noun trigger ("Qatar's pressure on Hamas", "the assassination of X")."""
    actors = _children(noun, {"poss"}) or doers(noun)
    if not actors:
        actors = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ")]
        actors = [c for c in actors if c.text[:1].isupper()]
    place, head = noun, noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _QUANTITY:
        place, head = head.head, head.head.head  # "a new round of joint exercises": the round's place in the clause
    measured = False
    if place.dep_ == "pobj" and head.lower_ == "in" and (head.head.pos_ == "NUM" or head.head.lemma_.lower() in cues().measures):
        place, head = head.head, head.head.head  # "announced $1.6 billion in aid for Russia": the sum's place
        measured = place.dep_ == "dobj" and head.pos_ in ("VERB", "AUX")
        if measured and not actors:
            found = subject(head)
            actors = [found] if found is not None else []
    if place.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ in ("VERB", "AUX") and is_passive(head.head):
        hit = head.head  # "Yugoslavia was hit with an oil embargo by the EU": the EU acts on Yugoslavia
        if not actors:
            found = subject(hit)
            actors = [found] if found is not None else []
        return Arguments(tuple(_with_conjuncts(actors)), tuple(_with_conjuncts(_children(hit, _PASSIVE_SUBJECTS))), False)
    if place.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in cues().receiving:
        return _received(noun, head, actors)
    if place.dep_ == "pobj" and head.lower_ in ("for", "on") and head.head.lemma_.lower() in cues().travelling:
        # ("arrived in Saudi Arabia on the first visit by an Iranian head of state")
        found = subject(head.head)  # "flew to Harare for talks with Mugabe"
        actors = actors or ([found] if found is not None else [])
        if not _prep_objects(noun, _NOUN_RECIPIENT_PREPS):  # "arrived in the Indian capital for a visit": the host
            where = [o for o in _prep_objects(head.head, frozenset({"to", "in", "into"})) if o.i < noun.i]
            if where and actors:
                return Arguments(tuple(_with_conjuncts(actors)), tuple(_with_conjuncts(where)), False)
    light = False
    if not actors and place.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if head.lemma_ in _LIGHT_VERBS or place.dep_ == "attr":
            found = subject(head)
            actors = [found] if found is not None else []
            light = True
    if not actors and place.dep_ == "pobj" and head.lower_ in ("in", "into") and head.head.lemma_ in _ENGAGING:
        found = subject(head.head)
        actors = [found] if found is not None else []
    if not actors and noun.lemma_.lower() in cues().movements:  # "the withdrawal of Israeli troops"
        forces = [o for o in _prep_objects(noun, frozenset({"of"})) if o.lemma_.lower() in cues().forces]
        if forces:
            moved = {f.i for f in forces}
            others = [o for o in _prep_objects(noun, _NOUN_RECIPIENT_PREPS | {"from", "in", "into"}) if o.i not in moved]
            return Arguments(tuple(_with_conjuncts(forces)), tuple(_with_conjuncts(others)), False)
    recipients = _prep_objects(noun, _NOUN_RECIPIENT_PREPS)
    if not recipients and noun.dep_ == "compound" and noun.head.pos_ == "NOUN":  # "an aid package *for Colombia*"
        recipients = _prep_objects(noun.head, _NOUN_RECIPIENT_PREPS)
    if not recipients and measured:  # "$1.6 billion in aid *for Russia*"
        recipients = [o for o in _prep_objects(head, frozenset({"to", "for"})) if o.i > place.i]
    if not recipients and place.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):  # "launched attacks *against X*"
        recipients = [o for o in _prep_objects(head, _RECIPIENT_PREPS - {"in", "from", "over", "about"}) if o.i > place.i]
    between = [p for p in _children(noun, {"prep"}) if p.lower_ in ("between", "among")]
    actors = _with_conjuncts(actors)
    if between and not actors:
        return Arguments(tuple(_with_conjuncts(recipients)), (), True)
    if light and len(actors) >= 2 and not _prep_objects(noun, frozenset({"with", "against", "on", "to"})):
        return Arguments(tuple(actors), (), True)  # "negotiators of both sides opened a new round of peace talks"
    recipients = [r for r in _with_conjuncts(recipients) if r.i not in {a.i for a in actors}]
    return Arguments(tuple(actors), tuple(recipients), False)


def prep_objects(token: Token, *, with_source: bool = False, places: bool = False) -> list[Token]:
    """Objects of a noun's prepositions: the parties in "talks *between Israel and Hamas*"; with ``with_source``
    also who a request or call came from ("a request *from India*"); with ``places`` also where ("aid *in Iraq*")."""
    preps = _NOUN_RECIPIENT_PREPS | {"from"} if with_source else _NOUN_RECIPIENT_PREPS
    if places:
        preps = preps | {"in"}
    else:
        preps = preps - {"at"}
    return _with_conjuncts(_prep_objects(token, preps))


def verb_prep_objects(token: Token) -> list[Token]:
    """Objects of a verb's prepositions that can name its recipient ("withdraw *from Poland*", "sent *into Libya*",
    "met *in Baghdad*")."""
    return _with_conjuncts(_prep_objects(token, _RECIPIENT_PREPS))


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    out: list[Token] = []
    for prep in _children(token, {"prep", "dative"}):
        if prep.lower_ in preps or prep.dep_ == "dative":
            out.extend(_children(prep, {"pobj"}))
            # "an ultimatum from rebel leader Laurent Kabila to resign", parsed "from [Kabila to resign]"
            out.extend(s for c in _children(prep, {"pcomp"}) for s in _children(c, {"nsubj"}))
            if prep.dep_ == "dative" and prep.pos_ in ("NOUN", "PROPN", "PRON"):
                out.append(prep)
        if prep.lower_ in ("out", "away") and "from" in preps:  # "pulled its troops out of Aceh", "away from"
            out.extend(o for inner in _children(prep, {"prep"}) if inner.lower_ in ("of", "from") for o in _children(inner, {"pobj"}))
        elif prep.lower_ in ("by", "over", "via") and "with" in preps:  # "spoke by telephone with Medvedev"
            out.extend(o for means in _children(prep, {"pobj"}) for w in _children(means, {"prep"}) if w.lower_ == "with"
                       for o in _children(w, {"pobj"}))  # fmt: skip
    return out


def arguments(trigger: Token) -> Arguments:
    if trigger.pos_ in ("NOUN", "PROPN"):
        return noun_arguments(trigger)
    return verb_arguments(trigger)


def complements(trigger: Token) -> list[Token]:
    """Clauses a trigger governs ("refused *to engage*", "demanded that Israel *withdraw*", "reluctance to *have*")."""
    out = []
    for child in trigger.children:
        if child.dep_ in ("xcomp", "ccomp", "acl", "advcl") and child.pos_ in ("VERB", "AUX", "ADJ"):
            if child.dep_ == "advcl" and any(m.lower_ in ("if", "unless", "because", "as", "after", "before") for m in child.children):
                continue
            out.append(child)
        elif child.dep_ in ("prep",) and child.lower_ in ("to", "for", "on", "of"):
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "pcomp"):
                    out.append(pobj)
    return out


def clause_subject_or_object(verb: Token) -> Token | None:
    """In "have Turkey mediate" or "that Israel withdraw", the party asked or refused: the clause's subject."""
    subjects = _children(verb, _SUBJECTS | {"nsubjpass"})
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "ccomp" or child.dep_ == "xcomp":
            inner = _children(child, _SUBJECTS)
            if inner:
                return inner[0]
    return None


def addressees(trigger: Token) -> list[Token]:
    """Whom the clause of ``trigger`` is told to: in "X told Albright that they would sign", Albright."""
    clause = trigger
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i or head.lemma_.lower() not in cues().addressing:
        return []
    told = _children(head, {"dobj", "dative"}) or [o for o in _prep_objects(head, frozenset({"to"})) if o.i < clause.i]
    return _with_conjuncts([t for t in told if t.pos_ in ("PROPN", "NOUN")])


def ultimatum(trigger: Token) -> tuple[Token, list[Token]] | None:
    """In "NATO gave the Bosnian Serbs 10 days to pull back or face air strikes", ``trigger`` ("face") is the "or
    else" of a demand: returns the verb that made the demand ("gave") and whom it was made of ("the Bosnian Serbs")."""
    demanded = trigger.head
    if trigger.dep_ != "conj" or not any(c.dep_ == "cc" and c.lower_ == "or" for c in demanded.children):
        return None
    while demanded.dep_ == "conj" and demanded.head.i != demanded.i:  # "told them that time was up and that
        demanded = demanded.head  # they must leave or be removed": the demand is what was told
    if demanded.dep_ not in ("xcomp", "advcl", "ccomp") or demanded.head.pos_ not in ("VERB", "AUX"):
        return None
    giver = demanded.head
    told = _children(giver, {"dative"}) or [
        o for o in _children(giver, {"dobj"}) if o.lemma_.lower() not in cues().times and o.i < demanded.i
    ]
    return giver, _with_conjuncts(told)


def condition_subject(trigger: Token) -> Token | None:
    """Who a threat's condition is about: "threatened to deploy missiles ... *if the United States* pressed ahead"."""
    frontier = [trigger]
    for _ in range(3):
        for clause in frontier:
            for child in clause.children:
                if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                    subjects = _children(child, _SUBJECTS)
                    if subjects:
                        return subjects[0]
        frontier = [c for clause in frontier for c in complements(clause)]
    return None

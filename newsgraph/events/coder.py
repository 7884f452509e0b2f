"""The rule coder: triggers from the lexicon, categories settled by their frames, arguments from the parse."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span, Token

from newsgraph.actors.resolve import DocActors
from newsgraph.events import arguments as args
from newsgraph.events.attribution import attribution, speech_verb
from newsgraph.events.cues import cues
from newsgraph.events.homes import AGAINST_OWN, at_home, fighters_of, in_country, own_leaders, people_of, police_of, rebels_of
from newsgraph.events.dates import event_date
from newsgraph.events.lexicon import Entry, Lexicon, lexicon
from newsgraph.events.modality import modality
from newsgraph.events.ontology import ontology
from newsgraph.events.places import PLACE_NOUNS, location
from newsgraph.model import CODER, Actor, Article, Event, Trigger, event_id_for
from newsgraph.spans import sentence_of

# Categories of words about what someone did: what they are about is done by whom they are directed at.
_JUDGING = frozenset({"ACCUSE", "PROTEST", "REJECT", "SANCTION", "CONCEDE"})
# Categories whose verbs keep their own category whatever the clause they govern says.
DOMINANT = frozenset({"REQUEST", "REJECT", "THREATEN", "ACCUSE"})
# Verbs of acceptance: negated or refused, they are a rejection ("is unlikely to accept Turkey as a mediator").
ACCEPTING = frozenset({"accept", "agree", "approve", "allow", "permit", "let", "endorse", "welcome", "recognize", "recognise"})
_ACCEPTING_NOUNS = frozenset({"agree", "consent", "accept"})
_PROMISING = frozenset({"agree", "promise", "pledge", "vow", "offer", "assure", "reassure"})
_REFUSING = frozenset({"unlikely", "refuse", "decline", "reluctant", "reluctance", "unwilling", "refusal", "fail"})


@dataclass(frozen=True)
class Coded:
    """A trigger with its category settled."""

    token: Token
    entry: Entry
    event: str
    mode: str | None
    cameo: str
    rule: str
    absorbed: frozenset[str] = frozenset()
    complement: Token | None = None
    # for "X said Y must do Z": the verb of saying, whose subject demands Z of Y
    speaker: Token | None = None
    # a negation already turned into the category ("did not accept" coded REJECT)
    negation_absorbed: bool = False


# The "or else" of a demand said in the passive ("or be removed by force"): a threat, whatever the verb.
OR_ELSE = Entry("(or else)", "verb", "THREATEN", None, "139", (), frozenset(), frozenset(), frozenset(), "ultimatum", 0)


def find_triggers(sentence: Span, lex: Lexicon, actors: DocActors | None = None) -> dict[int, Entry]:
    """The trigger words of a sentence and their lexicon entries; ``actors`` tells which objects name a person."""
    transparent, or_else = cues().transparent, cues().or_else
    person = None if actors is None else (lambda t: any(a.entity_type == "PERSON" for a in actors.actors_for(t)))
    found: dict[int, Entry] = {}
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in or_else and args.is_passive(token) and args.ultimatum(token) is not None:
            found[token.i] = OR_ELSE  # "must leave power at once or be removed by force"
            continue
        if lemma not in lex or (lemma in transparent and token.pos_ in ("VERB", "AUX")):
            continue
        entry = lex.match(token, person)
        if entry is not None and (entry.frame != "ultimatum" or args.ultimatum(token) is not None):
            found[token.i] = entry
    return found


def _complement_trigger(token: Token, triggers: dict[int, Entry], *, objects: bool = False) -> Token | None:
    """The first trigger inside the clauses ``token`` governs (breadth-first, a few levels down)."""
    frontier = _governed(token)
    if objects:  # "approved the release of", "authorized the deployment"
        frontier += [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for _ in range(3):
        nxt: list[Token] = []
        for comp in frontier:
            if comp.i in triggers:
                return comp
            for child in comp.children:
                if child.i in triggers and child.dep_ in ("dobj", "xcomp", "ccomp", "pobj", "prep", "attr"):
                    return child
            nxt.extend(_governed(comp))
            nxt.extend(c for c in comp.children if c.dep_ == "dobj")
        frontier = nxt
    return None


def _governed(token: Token) -> list[Token]:
    """The clauses that say what ``token`` is about. A participle beside it says what went with it ("offered to
    extend ..., telling a rally that"), not what was offered."""
    return [c for c in args.complements(token) if not (c.dep_ == "advcl" and c.tag_ == "VBG")]


def settle(token: Token, entry: Entry, triggers: dict[int, Entry]) -> Coded:
    onto = ontology()
    lemma = token.lemma_.lower()
    if lemma in ACCEPTING and entry.event in ("AGREE", "SUPPORT", "AID", "RETREAT", "CONCEDE"):
        refusing = _refusal_above(token)
        if refusing is not None or any(c.dep_ == "neg" for c in token.children):
            absorbed = frozenset({refusing}) if refusing else frozenset()
            return Coded(token, entry, "REJECT", None, "12", f"{entry.rule}+refused", absorbed, negation_absorbed=True)
    if entry.frame == "enact":  # "decided to lift", "approved the release": the act decided on
        inner = _complement_trigger(token, triggers, objects=True)
        if inner is not None:
            done = settle(inner, triggers[inner.i], triggers)
            return replace(done, token=token, entry=entry, rule=f"{entry.rule}>{done.rule}", complement=inner)
        return Coded(token, entry, entry.event, entry.mode, entry.cameo, entry.rule)
    if entry.frame == "intent" or entry.event in DOMINANT:
        inner = _complement_trigger(token, triggers)
        if inner is not None:
            inner_entry = triggers[inner.i]
            if entry.event == "THREATEN" and _obliged(inner):  # "warned that Israel must agree": a demand
                return Coded(token, entry, "REQUEST", None, "10", f"{entry.rule}+must", complement=inner)
            if entry.event == "REQUEST" and inner_entry.event == "ACCUSE":  # "called for an inquiry into X"
                return Coded(token, entry, "ACCUSE", inner_entry.mode, inner_entry.cameo,
                             f"{entry.rule}>{inner_entry.rule}", complement=inner)  # fmt: skip
            if entry.event in DOMINANT:
                mode = _request_mode(entry, inner_entry.event)
                return Coded(token, entry, entry.event, mode, entry.cameo, entry.rule, complement=inner)
            inner_cat = onto[inner_entry.event]
            if lemma in _ACCEPTING_NOUNS and inner.pos_ == "NOUN" or inner_entry.event == "MOBILIZE" and (
                _peacekeeping(inner) or lemma in _OFFERING and not _hostile(inner)
            ):  # ("offered to send 3,000 troops to Sierra Leone": military help offered, not a threat)
                # "agreed to the deployment of a joint force": accepting what others do, or peacekeepers, is a promise
                return Coded(token, entry, "AGREE", None, "03", f"{entry.rule}>{inner_entry.rule}", complement=inner)
            if inner_entry.event == "SUPPORT" and not (lemma in _PROMISING and token.pos_ in ("VERB", "AUX")):
                # "reaffirmed its commitment to supporting X" (but "agreed to recognise each other" is a promise)
                event, cameo = "SUPPORT", inner_entry.cameo
            elif inner_cat.cooperative:  # promised cooperation, retreat included, is AGREE
                event, cameo = "AGREE", "03"
            elif inner_entry.event in ("REJECT",):
                event, cameo = "REJECT", "12"
            elif inner_entry.event in ("REQUEST", "ACCUSE"):
                event, cameo = inner_entry.event, inner_entry.cameo
            else:
                event, cameo = "THREATEN", "13"
            return Coded(token, entry, event, None, cameo, f"{entry.rule}>{inner_entry.rule}", complement=inner)
    if entry.event == "MOBILIZE" and _peacekeeping(token):  # troops sent to keep the peace: CAMEO 074
        return Coded(token, entry, "AID", None, "074", f"{entry.rule}+peacekeeping")
    return Coded(token, entry, entry.event, entry.mode, entry.cameo, entry.rule)


_RULING = frozenset({"GOV", "MIL"})
_RISING = frozenset({"REB", "UAF", "PRM", "OPP"})


def _sides(one: Actor, other: Actor) -> bool:
    """Whether two actors of one state are the two sides of its conflict: its government and its rebels."""
    return one.country is not None and one.country == other.country and (
        one.sector in _RULING and other.sector in _RISING or one.sector in _RISING and other.sector in _RULING
    )


_OFFERING = frozenset({"offer", "volunteer"})  # a deployment offered is help, not a threat (unless _hostile)
# What makes a deployment a threat whoever offers it: a condition ("if it declared independence") or a purpose of
# force ("to crush the rebels").
_CONDITIONS = frozenset({"if", "unless"})
_FORCE = frozenset({"crush", "defeat", "fight", "attack", "hunt", "destroy", "invade", "strike", "punish", "retake",
                    "capture", "occupy", "wipe", "eliminate", "quash", "smash", "annex"})  # fmt: skip


def _hostile(deployment: Token) -> bool:
    """Whether a deployment (or the offer of it) is said with a condition or a purpose of force (not "to reinforce the
    force fighting the rebels")."""
    for verb in (deployment, deployment.head):
        for clause in verb.children:
            if clause.dep_ in ("advcl", "xcomp") and clause.i > verb.i and (
                clause.lemma_.lower() in _FORCE or any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in clause.children)
            ):
                return True
    return False


def _peacekeeping(token: Token) -> bool:
    """Whether the deployment is of peacekeepers: said anywhere in its sentence ("announced the deployment of 230
    troops to Liberia on a peacekeeping mission") but by whoever reports it ("U.N. peacekeepers said Ethiopia moved
    troops")."""
    words = cues().peacekeeping
    said = speech_verb(token)
    reporter = {t.i for t in said.children if t.dep_ in ("nsubj", "nsubjpass") for t in t.subtree} if said is not None else set()
    return any(t.lemma_.lower().startswith(words) for t in sentence_of(token) if t.i not in reporter)


def _obliged(verb: Token) -> bool:
    """Whether a clause says what someone must or should do."""
    c = cues()
    if any(child.dep_ == "aux" and child.lower_ in c.obligation_auxiliaries for child in verb.children):
        return True
    if verb.dep_ in ("acomp", "attr") and verb.head.i != verb.i:  # "must be ready to mediate"
        return _obliged(verb.head)
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in c.obligation_verbs and head.pos_ in ("VERB", "AUX") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in verb.children
    )


def _request_mode(entry: Entry | None, inner: str) -> str | None:
    """The mode of a request or refusal by what is asked or refused."""
    if entry is not None and entry.mode is not None:
        return entry.mode
    if entry is not None and entry.event not in ("REQUEST", "REJECT"):
        return None
    if inner in ("RETREAT", "CONCEDE"):
        return "yield"
    if inner == "CONSULT":
        return "meet"
    if inner in ("AID", "COOPERATE"):
        return "assist"
    return None


def _saying_verb(token: Token) -> Token | None:
    """The verb of saying whose reported clause holds ``token`` and whose subject is someone else."""
    speech = cues().speech_verbs
    node = token
    for _ in range(3):
        if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
            return None
        link, node = node.dep_, node.head
        if link == "ccomp" and node.lemma_.lower() in speech and any(c.dep_ == "nsubj" for c in node.children):
            return node
    return None


def _refusal_above(token: Token) -> str | None:
    node = token
    for _ in range(3):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in _REFUSING:
            return str(node.lemma_.lower())
    return None


def finalize(item: Coded) -> tuple[Coded, tuple[str, ...]]:
    """The event's modality, and the category it implies: a refused or negated cooperative act is a rejection
    ("will not lift the ban"), a cooperative act announced for the future is a promise, AGREE ("will meet")."""
    modes = modality(item.token, absorbed=item.absorbed)
    if item.negation_absorbed:
        modes = tuple(m for m in modes if m not in ("negated", "future"))
    if item.event == "REJECT" and "negated" in modes and item.token.lemma_.lower() in cues().keep_open:
        # "has not ruled out military action": an option kept open, a veiled threat
        kept = replace(item, event="THREATEN", mode=None, cameo="13", rule=item.rule + "+negated")
        return kept, tuple(m for m in modes if m != "negated") + ("hypothetical",)
    if item.event not in DOMINANT and _obliged(item.token):
        saying = _saying_verb(item.token)
        if saying is not None:
            demand = replace(item, event="REQUEST", mode=_request_mode(None, item.event), cameo="10",
                             rule=f"{item.rule}+must", speaker=saying)  # fmt: skip
            return demand, tuple(m for m in modes if m not in ("hypothetical", "future"))
    category = ontology()[item.event]
    if not category.cooperative:
        return _finalize_conflict(item, modes)
    if item.event == "AGREE" and "negated" not in modes:
        return item, modes
    if "negated" in modes:
        rejected = replace(item, event="REJECT", mode=None, cameo="12", rule=item.rule + "+negated")
        return rejected, tuple(m for m in modes if m not in ("negated", "future"))
    if "future" in modes and item.complement is None:
        promised = replace(item, event="AGREE", mode=None, cameo="03", rule=item.rule + "+future")
        return promised, tuple(m for m in modes if m != "future")
    return item, modes


def _finalize_conflict(item: Coded, modes: tuple[str, ...]) -> tuple[Coded, tuple[str, ...]]:
    """A material conflict act announced for the future is a threat ("will extend the curfew")."""
    if ontology()[item.event].quad == 4 and "future" in modes and "negated" not in modes and item.complement is None:
        threat = replace(item, event="THREATEN", mode=None, cameo="13", rule=item.rule + "+future")
        return threat, tuple(m for m in modes if m != "future")
    return item, modes


@dataclass
class CodingContext:
    """What coding one article needs besides its sentences."""

    doc_id: str
    text: str
    published: date | None
    actors: DocActors
    article: Article | None = None


def code_sentence(sentence: Span, ctx: CodingContext, lex: Lexicon | None = None) -> list[Event]:
    """Every event a sentence states (asserted or not), with actors from the parse and the KB."""
    lex = lex or lexicon()
    triggers = find_triggers(sentence, lex, ctx.actors)
    if not triggers:
        return []
    coded = [settle(sentence.doc[i], entry, triggers) for i, entry in triggers.items()]
    inside = {c.complement.i for c in coded if c.complement is not None}
    events: list[tuple[Token, Event]] = []
    for item in coded:
        if item.token.i in inside:
            continue
        event = _event(*finalize(item), sentence, ctx)
        if event is not None:
            events.append((item.token, event))
    found = _same_mentions(_protests_against(_one_per_act(events), events), ctx.actors.home)
    return found + [r for token, e in events if e in found and (r := _reported_abuse(token, e, ctx)) is not None]


def _protests_against(found: list[Event], events: list[tuple[Token, Event]]) -> list[Event]:
    """A protest is against whom it demands or accuses: "Lebanese rallied in Beirut to demand the withdrawal of
    Syrian troops" protests Syria, not Lebanon where it happens (when no one else is named as its target)."""
    tokens = {id(e): t for t, e in events}
    out = []
    for event in found:
        if event.event == "PROTEST" and not ({r.country for r in event.recipient} - {a.country for a in event.actor} - {None}):
            protest = tokens[id(event)]
            for other in found:
                said = tokens[id(other)]
                if other.event in ("REQUEST", "ACCUSE") and _beside(said, protest) and (
                    {(a.start, a.end) for a in other.actor} == {(a.start, a.end) for a in event.actor}
                ) and _named(list(other.recipient)):
                    event = replace(event, recipient=other.recipient)
                    break
        out.append(event)
    return out


def _same_mentions(found: list[Event], home: str | None) -> list[Event]:
    """One mention is one actor in all the events of its sentence: "gunmen stormed a school in Beslan and took
    hundreds hostage" places the gunmen in Russia for both acts, though only the first names the place."""
    placed = {(a.start, a.end): a.country for e in found for a in (*e.actor, *e.recipient) if a.country and a.kb_id is None}
    if not placed:
        return found

    def fill(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
        return tuple(
            replace(a, country=placed[(a.start, a.end)]) if a.country is None and (a.start, a.end) in placed else a
            for a in actors
        )

    out = []
    for e in found:  # who is at home is read again: an actor placed here, or by police_of after the first reading
        actors = fill(e.actor)
        out.append(replace(e, actor=actors, recipient=tuple(at_home(e.event, list(actors), list(fill(e.recipient)), home))))
    return out


def _beside(clause: Token, verb: Token) -> bool:
    """Whether ``clause`` is said alongside ``verb`` ("rallied ... to demand", "marched, waving flags and demanding")."""
    for _ in range(3):
        if clause.dep_ not in ("advcl", "xcomp", "conj") or clause.head.i == clause.i:
            return False
        clause = clause.head
        if clause.i == verb.i:
            return True
    return False


def _reported_abuse(token: Token, event: Event, ctx: CodingContext) -> Event | None:
    """A rights group reporting abuses accuses whoever commits them ("Turkish security forces routinely torture
    detainees, Amnesty International said in a report"), as news coders read it: besides the abuse it reports, the
    report is an accusation (ACCUSE, allege) by the group against the abusers. So is any source's "report"."""
    if event.event not in _ABUSES or event.attribution is None or not _named(list(event.actor)):
        return None
    verb = speech_verb(token)
    if verb is None:
        return None
    in_report = any(
        p.dep_ == "prep" and p.lower_ == "in" and any(o.lemma_.lower() in cues().documents for o in p.children)
        for p in verb.children
    )
    source = event.attribution
    if source.country != "NGO" and not in_report or source.kb_id is None and source.country is None:
        return None
    said = Trigger(ctx.text[verb.idx : verb.idx + len(verb.text)], verb.idx, verb.idx + len(verb.text))
    accuse = ontology()["ACCUSE"]
    return replace(
        event, id=event_id_for(ctx.doc_id, said.start, said.end, "ACCUSE"), event="ACCUSE", mode="allege", context=(),
        quad=accuse.quad, intensity=accuse.intensity("allege"), cameo="112", actor=(source,), recipient=event.actor,
        modality=tuple(m for m in event.modality if m == "historical"), attribution=None, trigger=said,
        rule=f"reported:{event.rule}",
    )  # fmt: skip


# Abuses whose report by a rights group is an accusation.
_ABUSES = frozenset({"ASSAULT", "COERCE"})
# Links between two triggers of the same category that tell one act twice: "held talks" / "talks", "strikes
# killed", "opened fire, killing".
_SAME_ACT = frozenset({"dobj", "nsubj", "nsubjpass", "advcl", "xcomp", "pobj", "compound", "attr", "acl"})


def _one_per_act(events: list[tuple[Token, Event]]) -> list[Event]:
    """Keep one event where two triggers linked in the parse code the same category for the same actors."""
    dropped: set[int] = set()
    for n, (token, event) in enumerate(events):
        for m, (other, governing) in enumerate(events):
            if n == m or n in dropped or m in dropped or event.event != governing.event:
                continue
            linked = (token.head.i == other.i and token.dep_ in _SAME_ACT) or (
                token.dep_ == "pobj" and token.head.head.i == other.i
            )
            if linked:
                dropped.add(n if _richness(governing) >= _richness(event) else m)
    return [event for n, (_, event) in enumerate(events) if n not in dropped]


def _richness(event: Event) -> tuple[int, int, int]:
    return (len(event.recipient), event.mode is not None, len(event.actor))


def _event(item: Coded, modes: tuple[str, ...], sentence: Span, ctx: CodingContext) -> Event | None:
    token = item.token
    found = args.arguments(token)
    if item.entry.frame == "ultimatum":  # "NATO gave the Bosnian Serbs 10 days to pull back or face air strikes"
        giver, told = args.ultimatum(token) or (None, [])
        giver_subject = args.subject(giver) if giver is not None else None
        found = args.Arguments((giver_subject,) if giver_subject is not None else (), tuple(told), False)
    if item.speaker is not None:  # "X said Y must Z": X asks Y
        said_by = args.subject(item.speaker)
        found = args.Arguments((said_by,) if said_by is not None else (), found.actors, False)
    named_by = _actors_by_head(found.actors, ctx)
    actors = [a for a, _ in named_by]
    if token.pos_ in ("NOUN", "PROPN"):  # "Turkish support": a modifier is an actor only when the KB knows it
        actors = [a for a, head in named_by if a.kb_id or head.dep_ not in ("amod", "compound")]
    if not actors:
        return None
    # the actor is not its own recipient (the same words, or the same entry in the same role: "German police
    # investigate a German footballer" has a German recipient, "Israel said Israel would" has none)
    acting = {(a.start, a.end) for a in actors} | {(a.kb_id, a.sector) for a in actors if a.kb_id}

    own_ids = {a.kb_id for a in actors if a.kb_id}

    def others(found: list[Actor]) -> list[Actor]:  # look further when all that is found is the actor
        # (or its own: "India massed troops along its border with Pakistan")
        return [
            r for r in found
            if (r.start, r.end) not in acting and (r.kb_id, r.sector) not in acting
            and not (r.kb_id in own_ids and r.text.split(" ", 1)[0].lower() in _POSSESSIVE)
        ]  # fmt: skip

    recipients = others(_recipients(
        token, found.recipients, ctx, meeting=item.event == "CONSULT", deep=False, aimed=item.event in _ON_SANCTIONS
    ))  # fmt: skip
    policing = any(a.sector in ("COP", "JUD") or item.event == "COERCE" and a.sector == "MIL" and ctx.actors.home in (None, a.country)
                   for a in actors)  # (soldiers abroad: "BAGHDAD - American soldiers detained Mohammed Khalil")
    if item.mode == "release" or any(map(_someone, recipients)) and not _named(recipients) and policing:
        # "Cuban authorities released dozens of political prisoners", "Chinese police detained dissident Wei
        # Jingsheng, weeks after he met a U.S. official": their own people, before looking further for someone named
        recipients = at_home(item.event, actors, recipients, ctx.actors.home)
    pinned = args.is_passive(token) and any(_someone(r) for r in _actors(found.recipients, ctx))
    if pinned:  # "Wei Jingsheng was freed": him, known to the KB or not
        recipients = others(_actors(found.recipients, ctx))

    def unnamed(group: list[Actor]) -> bool:  # look further only when no one is named yet
        return not pinned and not _named(group)

    if item.event in _JUDGING and token.pos_ in ("VERB", "AUX"):
        # "condemned the hanging of Ken Saro-Wiwa by Nigeria's military government": whoever did what is judged;
        # "bowing to weeks of protests by students": whoever did what is yielded to
        if item.event == "CONCEDE":
            objects = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
        else:
            objects = [o for o in token.children if o.dep_ in ("dobj", "nsubjpass")]
        judged = [d for o in objects for d in args.doers(o)]
        doing = others(_actors(judged, ctx)) if judged else []
        if item.event != "CONCEDE" and _named(doing) or not _named(recipients) and any(a.sector for a in doing):
            recipients = doing  # (someone named, or, where no one is, a group: "students")
    if unnamed(recipients) and item.event in DOMINANT:  # "demanded that Israel withdraw": the party asked
        party = args.clause_subject_or_object(item.complement) if item.complement is not None else None
        if party is None:  # "urged rebels still holding out ... to lay down their arms", "charged that Zairean
            # troops were arming militiamen": the subject of the clause it governs
            party = next(filter(None, map(args.clause_subject_or_object, _governed(token))), None)
        parties = others(_actors([party], ctx) if party is not None else [])
        if item.event == "THREATEN" and {p.country for p in parties} <= {a.country for a in actors}:
            parties = []  # "Putin warned that Russia could point missiles at Ukraine": the threat is to Ukraine
        recipients = parties or recipients
    if unnamed(recipients) and item.complement is not None:
        # "agreed to lift a ban on British beef": whom the act promised or refused concerns
        inner = args.arguments(item.complement)
        recipients = others(_recipients(item.complement, inner.recipients, ctx)) or recipients
    if not pinned and item.event in AGAINST_OWN:  # "rallied against the government's decision to import U.S. beef"
        recipients = _own_government(token, found.recipients, actors, ctx) or recipients
    if unnamed(recipients):
        recipients = others(_nearest_named(token, ctx)) or recipients
    if unnamed(recipients) and item.event in _HELPING:  # "approved a $250 million credit to help Ethiopia rebuild"
        recipients = others(_actors(_helped(token), ctx)) or recipients
    if unnamed(recipients):  # "told Albright that they would sign the deal": a promise made to Albright
        recipients = others(_actors(args.addressees(token), ctx)) or recipients
    if unnamed(recipients) and token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        # "China's assistance package consisted of supplies for Yemen": the clause around a noun trigger
        recipients = others(_nearest_named(token.head, ctx, skip=token)) or recipients
    if item.event == "THREATEN" and not ({r.country for r in recipients} - {a.country for a in actors} - {None}):
        # "threatened to deploy missiles in Kaliningrad if the United States pressed ahead": the threat is to the US
        condition = args.condition_subject(token)
        meant = others(_actors([condition], ctx)) if condition is not None else []
        # (another state, or, for a threat made to no one named, the other side of a civil war: "UNITA warned it
        # would return to war if the Luanda government continued its offensive" threatens Angola's government)
        if {m.country for m in meant} - {a.country for a in actors} - {None} or not recipients and any(
            _sides(a, m) for a in actors for m in meant
        ):
            recipients = meant
    if item.event == "MOBILIZE" or item.event == "RETREAT" and item.mode == "withdraw":
        # "deployed soldiers", "massed 60,000 Iraqi troops, including Republican Guard units", "pulled back
        # Republican Guard units": the actor's own, not a recipient (but "units near Kuwait" are sent to Kuwait)
        moved = {  # (not the place left: "the last Israeli soldiers left the Gaza Strip")
            t.idx for o in token.children if o.dep_ == "dobj"
            and (o.lemma_.lower() in cues().forces or not any(a.entity_type == "GPE" for a in _actors([o], ctx)))
            for t in _moved_words(o)
        }  # fmt: skip
        recipients = [r for r in recipients if (r.country or r.kb_id) and r.start not in moved]
        dobj = next((o for o in token.children if o.dep_ == "dobj"), None)
        if not _named(recipients) and dobj is not None:
            # "massed troops, including Republican Guard units, near the Kuwaiti border": where they are sent
            places = [o for p in dobj.subtree if p.dep_ == "prep" and p.lower_ in _DIRECTION_PREPS for o in p.children if o.dep_ == "pobj"]
            places += [o for b in places if b.lemma_ in ("border", "frontier") for w in b.children if w.lower_ == "with" for o in w.children]
            places += [o for b in places if b.lower_ in PLACE_NOUNS for w in b.children if w.lower_ == "of" for o in w.children]
            recipients = [r for r in others(_actors(places, ctx)) if r.country or r.kb_id] or others(
                _nearest_named(token, ctx, skip=dobj)
            ) or recipients
    if found.reciprocal and item.event in ("CONSULT", "COOPERATE", "ASSAULT"):
        recipients = []
    if item.event in ("ASSAULT", "COERCE") and token.lemma_.lower() in cues().obstructing and all(a.sector in _CIVIL for a in actors):
        # "opposition supporters blockaded government buildings", "trade unions shut down banks": a protest
        item = replace(item, event="PROTEST", mode="obstruct", cameo="144", rule=f"{item.rule}+civil")
    if item.event == "ASSAULT" and (item.mode == "abduct" or token.lemma_ == "capture") and all(a.sector == "COP" for a in actors) and not (
        any(o.dep_ == "dobj" and o.lower_ in PLACE_NOUNS for o in token.children)
    ):  # fmt: skip
        # "Peruvian police captured Shining Path leader Abimael Guzman": police who seize someone arrest them
        item = replace(item, event="COERCE", mode="arrest", cameo="173", rule=f"{item.rule}+police")
    onto = ontology()
    category = onto[item.event]
    sentence_text = ctx.text[sentence.start_char : sentence.end_char]
    trigger = _trigger(token, item, ctx.text)
    forward = bool({"future", "hypothetical"} & set(modes)) or item.rule.endswith("+future")
    when = event_date(
        sentence_text, trigger.start - sentence.start_char, ctx.published, clause_offsets(token, sentence), forward=forward
    )
    if when.source == "text" and ctx.published is not None and _years_before(when.date, ctx.published):
        modes = (*modes, "historical")
    source = attribution(token, sentence, ctx.actors.actors_for, ctx.text)
    where = location(token, ctx.actors)
    recipients = rebels_of(actors, recipients, ctx.actors.home)  # (before the dateline: "NAIROBI - Sudan signed a deal with rebels")
    if where is not None and where.country:  # "police arrested protesters in Paris": French police and protesters
        actors = [in_country(a, where.country) for a in actors]
        recipients = [in_country(r, where.country) for r in recipients]
    if ctx.actors.home is not None:  # "KATHMANDU (Reuters) - Maoist rebels stormed an army barracks"
        actors = [in_country(a, ctx.actors.home) for a in actors]
        recipients = [in_country(r, ctx.actors.home) for r in recipients]
    recipients = own_leaders(item.event, actors, at_home(item.event, actors, recipients, ctx.actors.home))
    actors = fighters_of(item.event, police_of(actors, recipients), recipients)
    confidence = _confidence(item, actors, recipients, modes)
    return Event(
        id=event_id_for(ctx.doc_id, trigger.start, trigger.end, item.event),
        doc_id=ctx.doc_id,
        event=item.event,
        mode=item.mode,
        context=item.entry.context,
        quad=category.quad,
        intensity=category.intensity(item.mode),
        cameo=item.cameo,
        actor=tuple(actors),
        recipient=tuple(recipients),
        modality=modes,
        attribution=source,
        date=when.date,
        date_precision=when.precision,
        date_raw=when.raw,
        date_source=when.source,
        location=where,
        sentence=sentence_text,
        sentence_start=sentence.start_char,
        sentence_end=sentence.end_char,
        trigger=trigger,
        confidence=confidence,
        rule=item.rule,
        coder=CODER,
        source=ctx.article.source if ctx.article else None,
        url=ctx.article.url if ctx.article else None,
        title=ctx.article.title if ctx.article else None,
        publisher=ctx.article.publisher if ctx.article else None,
    )


_POSSESSIVE = frozenset({"its", "their", "his", "her", "our", "my", "your"})


def _recipients(
    token: Token, heads: tuple[Token, ...], ctx: CodingContext, *, meeting: bool = False, deep: bool = True,
    aimed: bool = False,
) -> list[Actor]:
    """The recipients among ``heads``; where an object is no actor ("talks between Israel and Hamas", "its troops
    from Poland"), the actors its prepositions, or the trigger's own later prepositions, name; failing those, the
    nearest named actor further down the trigger's clause. As in CAMEO-coded data, the state where an act lands is
    its recipient when no one else is named ("aid in Iraq"). For a meeting, whom it is *with* comes first
    ("discussed Libya with Trump")."""
    generic: list[Actor] = []
    if aimed:
        heads = _aimed_at(heads)
    if meeting:
        partners = [o for p in token.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj"]
        found = [a for a in _actors(partners, ctx) if not _own(a)]
        if _named(found):
            return found
    found = [a for a in _actors(heads, ctx) if not _own(a)]
    if _named(found):
        return found
    generic = generic or found
    frontier = list(heads)
    for _ in range(2):  # "a request from India", "a ban on imports of British beef"
        inner = [o for head in frontier for o in args.prep_objects(head, with_source=True, places=True)]
        found = [a for a in _actors(inner, ctx) if not _own(a)]
        if _named(found):
            return found
        generic = generic or found
        frontier = inner
    if token.pos_ in ("VERB", "AUX"):  # "refused to send peacekeepers to Iraq"
        later = [o for o in args.verb_prep_objects(token) if o.i > token.i]
        found = [a for a in _actors(later, ctx) if not _own(a)]
        if _named(found):
            return _located(generic, later, found, ctx) or found
        generic = generic or found
    deeper = _nearest_named(token, ctx) if deep else []
    return deeper or generic


# Acts whose purpose clause ("to help X") names whom they are for.
_HELPING = frozenset({"AID", "AGREE", "SUPPORT", "COOPERATE"})


def _helped(token: Token) -> list[Token]:
    """Who a purpose clause of the trigger says is helped: "to help Ethiopia rebuild roads", "to help Indonesia"."""
    for clause in token.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in ("help", "assist", "support", "enable"):
            objects = [o for o in clause.children if o.dep_ == "dobj"]
            objects += [s for c in clause.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
            if objects:
                return objects
    return []


# Acts done to a measure itself (lifting, imposing, easing it), which concern whom it is against; words about a
# measure ("condemned the American embargo against Cuba") concern whose it is.
_ON_SANCTIONS = frozenset({"RETREAT", "CONCEDE", "SANCTION"})

# Measures aimed at someone: "lifted most U.S. economic sanctions against South Africa" concerns South Africa, not
# the United States whose sanctions they are.
_SANCTIONS = frozenset({"sanction", "embargo", "ban", "restriction", "blockade", "siege", "curfew", "boycott", "tariff"})


def _aimed_at(heads: tuple[Token, ...]) -> tuple[Token, ...]:
    """The heads, each measure among them replaced by whom it is against, when the phrase says."""
    out: list[Token] = []
    for head in heads:
        targets = [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("against", "on", "over")
                   for o in p.children if o.dep_ == "pobj"] if head.lemma_.lower() in _SANCTIONS else []  # fmt: skip
        out.extend(targets or [head])
    return tuple(out)


# Prepositions that say where an act took place ("detained demonstrators *in* Yerevan").
_WHERE = frozenset({"in", "at", "near", "inside", "across", "throughout", "through", "along"})


# Sectors of people who protest: a blockade or occupation by them is a protest.
_CIVIL = frozenset({"CVL", "OPP", "LAB", "EDU", "REL"})


def _located(groups: list[Actor], objects: list[Token], found: list[Actor], ctx: CodingContext) -> list[Actor]:
    """Groups with no country acted on in one country's place are of that country: "detained dozens of
    demonstrators in Yerevan" (Armenian demonstrators), where the place alone would make Armenia the recipient."""
    if not groups or any(g.country or not g.sector for g in groups):
        return []
    where = [o for o in objects if (o.head if o.dep_ != "conj" else o.head.head).lower_ in _WHERE]
    places = {(a.start, a.end): a.country for a in _actors(where, ctx) if a.country}
    named = [a for a in found if a.country or a.kb_id]
    countries = {places.get((a.start, a.end)) for a in named}
    if len(countries) != 1 or None in countries:  # every name found is a place, all in one country
        return []
    country = countries.pop()
    return [replace(g, country=country) for g in groups]


def _nearest_named(token: Token, ctx: CodingContext, *, skip: Token | None = None) -> list[Actor]:
    """The closest named actor below the trigger in its own clause (not in a clause with a subject of its own)."""
    frontier = [
        c for c in token.children
        if (c.dep_ not in ("nsubj", "nsubjpass", "agent", "poss", "conj", "cc") or _shared_clause(c)) and (skip is None or c.i != skip.i)
    ]  # fmt: skip
    for _ in range(6):
        # (an adjective names someone only with a capital: "Israeli", not "heavy")
        words = [t for t in frontier if t.pos_ in ("PROPN", "NOUN") or t.pos_ == "ADJ" and t.text[:1].isupper()]
        for word in words:  # (in order: the first named is the nearest, and the rest need not be read)
            named = next((a for a in ctx.actors.actors_for(word) if (a.country or a.kb_id) and not _own(a)), None)
            if named is not None:
                return [named]
        frontier = [
            c for t in frontier for c in t.children
            if (c.dep_ not in ("nsubj", "nsubjpass", "relcl", "ccomp", "advcl", "conj", "cc", "appos") or _shared_clause(c))
            # a noun's own words were read with it ("the Central Bank" names no town "Central")
            and not (c.dep_ in _OWN_WORDS and t.pos_ in ("NOUN", "PROPN"))
        ]  # fmt: skip
        if not frontier:
            break
    return []


# Words of a noun's own phrase: resolved with the noun, they name nothing the noun did not (an owner may: "Gaza's main
# hospital" is of Gaza).
_OWN_WORDS = frozenset({"compound", "amod", "nmod", "flat", "nummod", "det", "case", "quantmod", "punct"})


def _shared_clause(token: Token) -> bool:
    """A verb coordinated with no subject of its own shares its head's: "agreed to attend a conference *and to hold
    talks with Israel*"."""
    return token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _someone(actor: Actor) -> bool:
    """A person named by name whom the KB does not know."""
    return actor.kb_id is None and actor.entity_type == "PERSON" and actor.text[:1].isupper()


def _named(actors: list[Actor]) -> bool:
    """Whether some actor has a country or a KB entry (not only a sector, like "peacekeepers")."""
    return any(a.country or a.kb_id for a in actors)


_GOVERNMENT_WORDS = frozenset({"government", "regime", "administration", "authority", "cabinet"})


def _own_government(token: Token, heads: tuple[Token, ...], actors: list[Actor], ctx: CodingContext) -> list[Actor]:
    """The government a state's people, opposition or rebels act against, named only as "the government" ("South
    Koreans rallied against the government's decision", "UNITA rejected a government proposal"): their own."""
    country = people_of(actors)
    if country is None:
        return []
    against = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("against", "at", "over", "to")
               for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    for head in (*heads, *against):
        words = [w for w in (head, *(c for c in head.children if c.dep_ in ("poss", "compound")))
                 if w.lemma_.lower() in _GOVERNMENT_WORDS]  # fmt: skip
        if not words or _named(ctx.actors.actors_for(head)):  # "Sudanese government forces" are named
            continue
        for word in words:
            if _named(ctx.actors.actors_for(word)):
                continue
            start = word.doc[word.left_edge.i].idx if word.left_edge.i <= word.i else word.idx
            end = word.idx + len(word.text)
            return [Actor(ctx.text[start:end], start, end, None, None, country, "GOV", "ORG")]
    return []


def _moved_words(thing: Token) -> list[Token]:
    """The words of what is moved ("troops, including Republican Guard units"), without where it goes ("troops
    near the border with Kuwait")."""
    away = {t.i for p in thing.subtree if p.dep_ == "prep" and p.lower_ in _DIRECTION_PREPS for t in p.subtree}
    return [t for t in thing.subtree if t.i not in away]


_DIRECTION_PREPS = frozenset({"to", "into", "toward", "towards", "near", "along", "on", "at", "in", "across", "inside",
                              "outside", "onto", "from", "out"})  # fmt: skip


def _own(actor: Actor) -> bool:
    """"its troops", "their weapons": the actor's own people or things, not a recipient."""
    first = actor.text.split(" ", 1)[0].lower()
    return actor.kb_id is None and first in _POSSESSIVE


def _actors(heads: tuple[Token, ...] | list[Token], ctx: CodingContext) -> list[Actor]:
    return [actor for actor, _ in _actors_by_head(heads, ctx)]


def _actors_by_head(heads: tuple[Token, ...] | list[Token], ctx: CodingContext) -> list[tuple[Actor, Token]]:
    """The actors the heads name, each with the head that names it; one mention, or one entry named twice in one
    role, is one actor."""
    out: list[tuple[Actor, Token]] = []
    seen: set[tuple[int | None, int | None]] = set()
    known: set[tuple[str, str | None]] = set()
    for head in heads:
        for actor in ctx.actors.actors_for(head):
            if (actor.start, actor.end) in seen or (actor.kb_id is not None and (actor.kb_id, actor.sector) in known):
                continue
            seen.add((actor.start, actor.end))
            if actor.kb_id is not None:
                known.add((actor.kb_id, actor.sector))
            out.append((actor, head))
    return out


def clause_offsets(token: Token, sentence: Span) -> frozenset[int]:
    """Offsets (in the sentence) of the words of the trigger's own clause: where its date may be said."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("conj", "ccomp", "advcl", "relcl", "parataxis") and child.i != token.i:
            if not any(t.i == token.i for t in child.subtree):
                skip.update(t.i for t in child.subtree)
    return frozenset(t.idx - sentence.start_char for t in verb.subtree if t.i not in skip)


def _trigger(token: Token, item: Coded, text: str) -> Trigger:
    """The trigger's words: the head word, with a particle or light-verb object the entry required."""
    tokens = [token]
    for child in token.children:
        near = abs(child.i - token.i) <= 3
        if near and child.lemma_.lower() in item.entry.requires and child.dep_ in ("prt", "dobj", "prep", "acomp"):
            tokens.append(child)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    return Trigger(text[start:end], start, end)


def _years_before(value: str | None, published: date) -> bool:
    if not value:
        return False
    year = int(value[:4])
    if len(value) == 4:
        return year < published.year - 1
    month = int(value[5:7])
    return (published.year - year) * 12 + (published.month - month) > 12


def _confidence(item: Coded, actors: list[Actor], recipients: list[Actor], modes: tuple[str, ...]) -> float:
    score = 0.55 + 0.05 * min(item.entry.specificity, 3)
    if any(a.kb_id for a in actors):
        score += 0.1
    if recipients:
        score += 0.05 if any(r.kb_id for r in recipients) else 0.02
    if "hypothetical" in modes or "negated" in modes:
        score -= 0.1
    return round(max(0.05, min(score, 0.95)), 2)

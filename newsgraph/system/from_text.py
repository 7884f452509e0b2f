"""Claims read off the words of a sentence, where no event is coded: "are now based in Turkey", "the tension
between Ankara and Jerusalem", "Qatar has suspended its role in the discussions", "Israel is unlikely to accept
Turkey as a mediator", "no progress on the hostage negotiations".

Each cue word of ``data/relations.yaml`` names a relation type and where its arguments are; the words around it
give its status (suspended, ended, resumed, proposed, rejected) and the parse gives who. Arguments resolve through
the article's actors and count for what they act for (``aggregate.acting_for``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.resolve import DocActors
from newsgraph.events import arguments as args
from newsgraph.events.attribution import attribution
from newsgraph.events.coder import clause_offsets
from newsgraph.events.dates import event_date
from newsgraph.events.modality import modality
from newsgraph.layout import WIRE_DATELINE
from newsgraph.model import Actor, Article
from newsgraph.system.aggregate import acting_for
from newsgraph.system.model import SYMMETRIC, Claim, Evidence, actor_key
from newsgraph.system.vocabulary import Cue, Vocabulary, vocabulary

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class Reader:
    """One article's sentences being read for claims."""

    doc: Doc
    article: Article
    actors: DocActors
    kb: KnowledgeBase
    vocab: Vocabulary
    # offsets of the cue words that made claims: an event coded from the same word says nothing more
    used: set[int] = field(default_factory=set)

    @property
    def day(self) -> date | None:
        return self.article.published_date

    def resolve(self, token: Token | None) -> list[Actor]:
        """The organisations and states the phrase headed by ``token`` names (with its conjuncts)."""
        if token is None:
            return []
        found: list[Actor] = []
        seen: set[str] = set()
        named = self.actors.actors_for(token)
        if not any(a.kb_id or a.country for a in named):  # "players like Qatar, Egypt and the United States"
            named = [a for t in _examples(token) for a in self.actors.actors_for(t)] or named
        if not any(a.kb_id or a.country for a in named):  # "the group's leaders": the group's
            named = [a for c in token.children if c.dep_ == "poss" for a in self.actors.actors_for(c)] or named
        for actor in named:
            counted = acting_for(actor, self.kb, self.day)
            key = actor_key(counted)
            if counted is not None and key and key not in seen:
                seen.add(key)
                found.append(counted)
        return found


def _examples(token: Token) -> list[Token]:
    """The named examples of a common noun: "players like Qatar", "states such as Egypt", "parties including X"."""
    found = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("like", "including", "as"):
            found.extend(o for o in child.children if o.dep_ == "pobj")
    return found


def _pos(token: Token) -> str:
    return "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ in ("NOUN", "PROPN") else token.pos_


def _prep_objects(token: Token, prep: str) -> list[Token]:
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == prep:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found.extend([obj, *obj.conjuncts])
    return found


def _up(token: Token, steps: int) -> list[Token]:
    """The token's governors, nearest first."""
    chain = []
    while steps > 0 and token.head.i != token.i:
        token = token.head
        chain.append(token)
        steps -= 1
    return chain


def _clause_subject(token: Token) -> Token | None:
    """Who the clause of ``token`` is about: its own subject, else that of the clause it hangs from."""
    node = token
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subjects:
            return subjects[0]
        if node.head.i == node.i:
            return None
        if node.dep_ in ("relcl", "acl") and node.head.pos_ in ("NOUN", "PROPN") and _pos(node) == "VERB":
            return node.head
        node = node.head
    return None


def _noun_subject(noun: Token) -> Token | None:
    """Whose is the relation a noun names: "Qatar's role", "accept Turkey as a mediator", "Egypt, a mediator",
    "efforts from players like Egypt", "Qatar is a mediator"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        verb = head.head
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")]
        if objects and objects[0].pos_ == "PROPN":
            return objects[0]
        if verb.pos_ == "NOUN":
            return _noun_subject(verb)
        return _clause_subject(verb)
    if noun.dep_ == "appos":
        return head
    for prep in ("from", "by", "of"):
        objects = _prep_objects(noun, prep)
        if objects:
            return objects[0]
    if noun.dep_ == "attr":
        return _clause_subject(head)
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        return _clause_subject(noun)
    return None


def _the_sides(token: Token) -> bool:
    """"relayed messages between the sides", "between the two parties": the article's sides, named elsewhere."""
    nodes = [token, token.head] if token.dep_ == "dobj" else [token]
    return any(o.lemma_.lower() in ("side", "party", "belligerent") for n in nodes for o in _prep_objects(n, "between"))


def _listed_players(token: Token) -> bool:
    """"efforts from international players like Qatar, Egypt and the United States": third parties by name."""
    return any(c.dep_ == "prep" and c.lower_ in ("from", "by") for c in token.children)


def _between(token: Token, reader: Reader) -> list[Actor]:
    """The parties of "between A and B" under the cue or the phrase it heads, or of "A's ties with B"."""
    nodes = [token, *[c for c in token.children if c.dep_ in ("dobj", "pobj", "prep")]]
    nodes += [g for c in nodes for g in c.children if c.dep_ == "prep" and g.dep_ == "pobj"]
    for node in nodes:
        objects = _prep_objects(node, "between") or _prep_objects(node, "among")
        if objects:
            parties: list[Actor] = []
            for obj in objects:  # "between the Democratic Republic of Congo and Rwanda": each conjunct
                parties.extend(p for p in reader.resolve(obj) if actor_key(p) not in {actor_key(q) for q in parties})
            if len(parties) >= 2:
                return parties
    if token.pos_ in ("NOUN", "PROPN"):
        owner = [c for c in token.children if c.dep_ == "poss"]
        other = _prep_objects(token, "with")
        if not other and token.dep_ == "dobj":  # "will hold talks with Tusk"
            other = _prep_objects(token.head, "with")
        if not owner and other:  # "May will hold talks with Tusk": the subject of the verb
            subject = _clause_subject(token)
            owner = [subject] if subject is not None else []
        if owner and other:
            sides = reader.resolve(owner[0])[:1] + reader.resolve(other[0])[:1]
            return sides if len({actor_key(a) for a in sides}) == 2 else []
    return []


def _only_with(token: Token, sentence: Span, cue: Cue, vocab: Vocabulary) -> bool:
    if cue.only_with is None:
        return True
    words = vocab.word_sets[cue.only_with]
    if cue.only_with == "strained_words":
        if any(c.lower_ in words or c.lemma_.lower() in words for c in token.children if c.dep_ in ("amod", "compound")):
            return True  # "strained relations"
        verb = token.head
        if token.dep_ not in ("nsubj", "nsubjpass") or verb.i == token.i:
            return False  # "relations ... have been frosty", "ties soured"
        return verb.lemma_.lower() in words or verb.lower_ in words or any(
            c.dep_ in ("acomp", "attr", "advmod", "oprd") and (c.lower_ in words or c.lemma_.lower() in words)
            for c in verb.children
        )
    scope = sentence if cue.only_with == "settlement_words" else token.subtree
    return any(t.lower_ in words or t.lemma_.lower() in words for t in scope if t.i != token.i)


@dataclass(frozen=True)
class Standing:
    status: str
    explicit: bool
    hypothetical: bool = False
    by: Token | None = None
    word: Token | None = None  # the word that states the status ("suspended"): an event coded from it says no more


def _refused(token: Token, vocab: Vocabulary) -> Token | None:
    """"Israel is unlikely to accept Turkey as a mediator", "reluctance to have Turkey mediate": the verb of
    acceptance above the cue, refused or negated; returns the word that refuses."""
    chain = _up(token, 5)
    for i, node in enumerate(chain):
        if node.lemma_.lower() in vocab.acceptance_verbs and node.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "neg" for c in node.children):
                return node
            for above in chain[i + 1 : i + 4]:
                if above.lemma_.lower() in vocab.refusal_words or above.lower_ in vocab.refusal_words:
                    return above
            return None
    return None


def _standing(token: Token, cue: Cue, vocab: Vocabulary) -> Standing | None:
    """The status the sentence gives the relation of cue ``token``; None when it denies it outright."""
    refusing = _refused(token, vocab)
    if refusing is not None:
        return Standing("rejected", True, hypothetical=True, by=_clause_subject(refusing))
    modes = set(modality(token))
    verb = token if _pos(token) == "VERB" else _governing_verb(token)
    status = _status_of(verb, vocab) if verb is not None else None
    if status is None and token.dep_ == "pobj" and token.head.lower_ == "of" and _pos(token.head.head) == "NOUN":
        verb = token.head.head  # "the collapse of the talks", "the resumption of talks"
        status = _status_of(verb, vocab)
    if verb is not None and verb.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        status = None  # "threatened to halt talks": the talks go on
    if verb is not None and verb.i != token.i and status is None and _negated(verb) and \
            verb.lemma_.lower() in vocab.going_verbs:  # fmt: skip
        return Standing("suspended", True)  # "the talks will not go ahead", "did not take place"
    if verb is not None and status is not None and (verb.i != token.i or status != "active"):
        if status == "active" and _doubted(verb, vocab):
            return Standing("suspended", True, word=verb)  # "the prospect of resuming talks is uncertain"
        return Standing(status, True, word=verb)
    if _stalled(token, vocab):
        return Standing("suspended", True)
    if "negated" in modes:
        if any(c.lower_ in vocab.no_longer for t in [token, *_up(token, 2)] for c in t.children) or any(
            c.lower_ in vocab.no_longer for c in token.subtree
        ):
            return Standing("ended", True)  # "are no longer based in Qatar"
        return None
    if _proposed(token, vocab) or modes & {"hypothetical", "future"} or _modal(token, vocab):
        return Standing("proposed", True, hypothetical=True)
    return Standing(cue.status, cue.status != "active")


def _status_of(word: Token, vocab: Vocabulary) -> str | None:
    """The status a verb or noun gives: "suspended", "broke down" (lemma and particle), "the collapse"."""
    particles = [c.lower_ for c in word.children if c.dep_ == "prt"]
    for particle in particles:
        status = vocab.status_verbs.get(f"{word.lemma_.lower()} {particle}")
        if status is not None:
            return status
    return vocab.status_verbs.get(word.lemma_.lower())


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in verb.children)


_NOUN_LINKS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "prep", "compound", "conj", "appos"})


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the subject or object of, through prepositions: "suspended its role in the
    discussions" -> suspended; "talks have stalled" -> stalled."""
    node = noun
    for _ in range(4):
        if node.dep_ not in _NOUN_LINKS or node.head.i == node.i:
            return None
        node = node.head
        if _pos(node) == "VERB":
            return node
    return None


def _doubted(verb: Token, vocab: Vocabulary) -> bool:
    """"the prospect of resuming talks is uncertain", "as a condition for resuming dialogue": not resumed yet."""
    for node in _up(verb, 5):
        if node.lemma_.lower() in vocab.doubt_words or node.lemma_.lower() in vocab.pending_nouns:
            return True
        if any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in vocab.doubt_words for c in node.children):
            return True
    return False


def _stalled(token: Token, vocab: Vocabulary) -> bool:
    """"No progress on hostage negotiations", "a deadlock in the talks"."""
    for node in _up(token, 2):
        if node.lemma_.lower() in vocab.stalled_nouns:
            negative = any(c.lower_ in ("no", "little") for c in node.children)
            return negative or node.lemma_.lower() not in ("progress", "breakthrough")
    return False




def _modal(token: Token, vocab: Vocabulary) -> bool:
    """"Qatar must mediate", "talks should begin": asked for or expected, not yet so."""
    verb = token if _pos(token) == "VERB" else _governing_verb(token)
    for _ in range(3):  # "must be ready to mediate"
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in vocab.modal_auxiliaries for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "acomp", "ccomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _proposed(token: Token, vocab: Vocabulary) -> bool:
    """"could take over Qatar's role as a mediator", "offered to mediate", "Turkey's potential role"."""
    if any(t.lower_ in vocab.proposal_modifiers for t in token.subtree):
        return True
    for node in _up(token, 4):
        if node.lemma_.lower() in vocab.proposal_verbs and _pos(node) == "VERB":
            marks = {c.lower_ for c in node.children}
            if node.lemma_.lower() != "take" or marks & {"could", "might", "would", "whether", "may"}:
                return True
        if any(c.lower_ == "whether" for c in node.children):
            return True
    return False


def _is_guest(subject_token: Token, actor: Actor, reader: Reader) -> bool:
    """A guest is an organisation (not a state) named, or referred to, or the leaders or members of one ("the
    group's leaders"; not "a United Nations climate summit")."""
    vocab = reader.vocab
    words = subject_token.lemma_.lower() in vocab.guest_words or subject_token.lower_ in vocab.guest_words
    entry = reader.kb.entries.get(actor.kb_id or "")
    if entry is not None and entry.kind == "org":
        return words or subject_token.pos_ in ("PROPN", "PRON") or subject_token.lemma_.lower() in vocab.group_words
    return words


def _is_host(actor: Actor, kb: KnowledgeBase) -> bool:
    entry = kb.entries.get(actor.kb_id or "")
    return entry is not None and entry.kind == "state"


def _cue_of(token: Token, vocab: Vocabulary) -> Cue | None:
    return vocab.cues.get((token.lemma_.lower(), _pos(token))) or vocab.cues.get((token.lower_, _pos(token)))


def claims_of_sentence(sentence: Span, reader: Reader) -> list[Claim]:
    """The claims the words of one sentence make."""
    vocab = reader.vocab
    made: list[tuple[Token, Standing, list[Claim]]] = []
    for token in sentence:
        cue = _cue_of(token, vocab)
        if cue is None or not _only_with(token, sentence, cue, vocab):
            continue
        if cue.type == "negotiates_with" and _within_mediation(token, vocab):
            continue  # "suspended its role in the discussions": the mediator's part, not the talks
        standing = _standing(token, cue, vocab)
        if standing is None:
            continue
        claims = _claims_for(token, cue, standing, sentence, reader)
        if claims:
            made.append((token, standing, claims))
    made.extend((token, Standing("active", False), [claim]) for token, claim in _compound_claims(sentence, reader))
    return [claim for token, standing, claims in made for claim in _stamped(token, standing, claims, sentence, reader)]


def _stamped(token: Token, standing: Standing, claims: list[Claim], sentence: Span, reader: Reader) -> list[Claim]:
    """The claims of one cue word with their date, source, evidence and modality."""
    text = reader.article.text
    reader.used.add(token.idx)
    if standing.word is not None:
        reader.used.add(standing.word.idx)
    offset = token.idx - sentence.start_char
    when = event_date(text[sentence.start_char : sentence.end_char], offset, reader.day, clause_offsets(token, sentence))
    source = attribution(token, sentence, reader.actors.actors_for, text)
    evidence = Evidence(reader.article.doc_id, None, text[sentence.start_char : sentence.end_char],
                        sentence.start_char, sentence.end_char, when.date, source)  # fmt: skip
    by = reader.resolve(standing.by)[:1] if standing.by is not None else []
    modality = ("hypothetical",) if standing.hypothetical else ()
    return [claim.with_(date=when.date, evidence=evidence, attribution=source, by=by[0] if by else None,
                        modality=modality) for claim in claims]  # fmt: skip


def _within_mediation(token: Token, vocab: Vocabulary) -> bool:
    for node in _up(token, 3):
        cue = _cue_of(node, vocab)
        if cue is not None and cue.type == "mediates":
            return True
    return False


def _placeholder(token: Token) -> Evidence:
    return Evidence("", None, "", token.idx, token.idx)


def _claims_for(token: Token, cue: Cue, standing: Standing, sentence: Span, reader: Reader) -> list[Claim]:
    weight = reader.vocab.word_weight
    rule = f"words:{cue.lemma}"

    def claim(kind: str, subject: Actor, obj: Actor | None, parties: tuple[Actor, ...] = (), status: str | None = None) -> Claim:
        return Claim(type=kind, subject=subject, object=obj, parties=parties, status=status or standing.status,
                     date=None, evidence=_placeholder(token), weight=weight, explicit=standing.explicit, rule=rule)  # fmt: skip

    if cue.type == "based_in":
        return _based_in(token, cue, standing, reader, claim)
    if cue.type == "supports":
        return _backing(token, reader, claim)
    if cue.type in SYMMETRIC:
        parties = _between(token, reader)
        if len(parties) < 2:
            if cue.type == "negotiates_with" and standing.explicit:
                return [claim(cue.type, Actor(text=""), None)]  # the article's parties, filled in later
            return []
        return [claim(cue.type, parties[0], parties[1])]
    if cue.type == "mediates":
        who = _clause_subject(token) if _pos(token) == "VERB" else _noun_subject(token)
        passive = _pos(token) == "VERB" and (args.is_passive(token) or token.dep_ == "acl" and token.tag_ == "VBN")
        if passive:
            agents = _prep_objects(token, "by")  # "a deal negotiated by Lukashenko", "talks brokered by Qatar"
            who = agents[0] if agents else None
        elif cue.agent_only:
            return []  # "Israel negotiated with Hamas": a side, not a mediator
        mediators = reader.resolve(who)
        parties = tuple(_between(token, reader))
        if not parties and cue.only_with == "settlement_words" and not _listed_players(token):
            return []  # "Seoul's efforts to denuclearise": an effort of one's own, not a mediation
        if not parties and cue.needs_sides and not _the_sides(token):
            return []  # "carried messages", "a channel": a mediation only between sides named
        return [claim("mediates", m, None, parties) for m in mediators if actor_key(m) not in {actor_key(p) for p in parties}]
    return []


def _backing(token: Token, reader: Reader, claim: Callable[..., Claim]) -> list[Claim]:
    """"Tehran arms the group", "Hezbollah, which is armed and funded by Tehran", "Egypt, which backs the army"."""
    if args.is_passive(token) or token.pos_ == "ADJ" or (token.dep_ == "conj" and args.is_passive(token.head)):
        agents = _prep_objects(token, "by") or (_prep_objects(token.head, "by") if token.dep_ == "conj" else [])
        backed = [c for c in (token.head if token.dep_ == "conj" else token).children if c.dep_ == "nsubjpass"]
        backers = reader.resolve(agents[0]) if agents else []
        targets = reader.resolve(backed[0]) if backed else []
    else:
        objects = [c for c in token.children if c.dep_ == "dobj"]
        backers = reader.resolve(args.subject(token) or _clause_subject(token))  # "accused Iran of arming": Iran
        targets = reader.resolve(objects[0]) if objects else []
    return [claim("supports", a, b) for a in backers for b in targets if actor_key(a) != actor_key(b)]


def _compound_claims(sentence: Span, reader: Reader) -> list[tuple[Token, Claim]]:
    """"the Iran-backed group" (supports), "a China-brokered agreement", "AU-led talks" (mediates)."""
    vocab = reader.vocab
    found = []
    for token in sentence:
        kind = vocab.compounds.get(token.lemma_.lower()) or vocab.compounds.get(token.lower_)
        if kind is None or token.dep_ not in ("amod", "compound") or token.head.i == token.i:
            continue
        names = [c for c in token.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.pos_ in ("PROPN", "NOUN")]
        if not names or not any(c.lower_ == "-" for c in token.children) and sentence.doc[token.i - 1].text != "-":
            continue
        noun = token.head
        need = vocab.compound_needs.get(token.lemma_.lower())
        if need is not None and noun.lemma_.lower() not in vocab.word_sets[need] and noun.lower_ not in vocab.word_sets[need]:
            continue
        subjects = reader.resolve(names[0])
        keys = {actor_key(a) for a in subjects}
        evidence = _placeholder(token)
        for subject in subjects:
            if kind == "supports":
                for target in reader.resolve(noun):
                    if actor_key(target) not in keys:
                        found.append((token, Claim(type="supports", subject=subject, object=target, status="active",
                                                   date=None, evidence=evidence, weight=vocab.word_weight,
                                                   rule=f"words:{token.lemma_.lower()}")))  # fmt: skip
            else:
                parties = tuple(p for p in _between(noun, reader) if actor_key(p) not in keys)
                found.append((token, Claim(type="mediates", subject=subject, object=None, parties=parties,
                                           status="active", date=None, evidence=evidence, weight=vocab.word_weight,
                                           rule=f"words:{token.lemma_.lower()}")))  # fmt: skip
    return found


def _based_in(token: Token, cue: Cue, standing: Standing, reader: Reader, claim: Callable[..., Claim]) -> list[Claim]:
    if _pos(token) == "NOUN":
        owners = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        guest_token = owners[0] if owners else None
        hosts = [h for o in _prep_objects(token, "in") for h in reader.resolve(o)]
    elif cue.host_is_subject:
        objects = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() not in reader.vocab.gatherings]
        guest_token = objects[0] if objects else None
        hosts = reader.resolve(_clause_subject(token))
    else:
        guest_token = _clause_subject(token)
        place = cue.object
        targets = [c for c in token.children if c.dep_ == "dobj"] if place == "dobj" else _prep_objects(token, place)
        hosts = [h for t in targets for h in reader.resolve(t)]
        going = _prep_objects(token, "for") if cue.lemma == "leave" else []  # "will leave for Belarus"
        if going and guest_token is not None:
            guests = [g for g in reader.resolve(guest_token) if _is_guest(guest_token, g, reader)]
            new_hosts = [h for t in going for h in reader.resolve(t) if _is_host(h, reader.kb)]
            left = [h for h in hosts if _is_host(h, reader.kb)]
            going_status = "active" if standing.status == "ended" else standing.status  # "will leave for": proposed
            return [claim("based_in", g, h, status=going_status) for g in guests for h in new_hosts if g.country != h.country] + \
                   [claim("based_in", g, h) for g in guests for h in left if g.country != h.country]  # fmt: skip
    if guest_token is None:
        return []
    guests = [g for g in reader.resolve(guest_token) if _is_guest(guest_token, g, reader)]
    hosts = [h for h in hosts if _is_host(h, reader.kb)]
    made = [claim("based_in", g, h) for g in guests for h in hosts if g.country != h.country]
    if cue.from_status:
        left = [h for o in _prep_objects(token, "from") for h in reader.resolve(o) if _is_host(h, reader.kb)]
        made += [claim("based_in", g, h, status=cue.from_status) for g in guests for h in left if g.country != h.country]
    return made


PairWeights = Sequence[tuple[tuple[Actor, Actor], float]]
_PAIR_WEIGHTS = {"negotiates_with": 2.0, "mediates": 1.0, "opposes": 0.5}


def _article_pair(claims: list[Claim], between: PairWeights = ()) -> tuple[Actor, Actor] | None:
    """The two sides of the article's conflict and talks: the pair its claims of talks, mediation and conflict,
    and its "between A and B" phrases, name most."""
    counts: Counter[tuple[str, str]] = Counter()
    actors: dict[str, Actor] = {}
    named = [([c.subject, c.object] if c.type != "mediates" else list(c.parties),
              _PAIR_WEIGHTS[c.type] / (2 if c.rule.startswith("event:") else 1))
             for c in claims if c.type in _PAIR_WEIGHTS]  # fmt: skip
    named += [(list(pair), weight) for pair, weight in between]
    for sides, weight in named:
        keys = [actor_key(s) for s in sides if s is not None and actor_key(s)]
        if len(keys) != 2 or keys[0] == keys[1]:
            continue
        for side in sides:
            actors[actor_key(side)] = side  # type: ignore[index]
        counts[tuple(sorted(keys))] += weight  # type: ignore[index, arg-type]
    if not counts or counts.most_common(1)[0][1] < 1.0:
        return None  # no pair said to talk, fight or be in conflict more than in passing
    a, b = counts.most_common(1)[0][0]
    return actors[a], actors[b]




def named_keys(sentence: Span, reader: Reader) -> set[str]:
    """The keys of the organisations and states a sentence names (knowledge-base hits, not titles)."""
    keys: set[str] = set()
    text = reader.article.text[sentence.start_char : sentence.end_char]
    dateline = WIRE_DATELINE.match(text)
    after = sentence.start_char + (dateline.end() if dateline else 0)  # "GAZA CITY/JERUSALEM - " names no party
    for match in reader.actors.matches:
        if match.kind != "role" and sentence.start <= match.start < sentence.end and reader.doc[match.start].idx >= after:
            head = reader.doc[match.end - 1]
            if head.dep_ == "pobj" and head.head.lower_ in reader.vocab.venue_prepositions:
                continue  # "took hold in the Gaza Strip": a place, not a party
            keys.update(actor_key(a) or "" for a in reader.resolve(head))
    return keys - {""}


def _sentence_pair(claims: list[Claim]) -> tuple[Actor, Actor] | None:
    for claim in claims:
        if claim.type == "negotiates_with" and claim.object is not None and claim.subject.text:
            return claim.subject, claim.object
    return None


def between_pairs(sentence: Span, reader: Reader) -> list[tuple[tuple[Actor, Actor], float]]:  # PairWeights
    """The sides of every "between A and B" of a sentence, weighing 2 after a word of conflict or talks ("the
    conflict between Congo and Rwanda", "a ceasefire between"), else 0.5 ("relations between")."""
    vocab = reader.vocab
    found = []
    for token in sentence:
        if token.lower_ == "between" and token.dep_ == "prep":
            sides = _between(token.head, reader)
            if len(sides) >= 2:
                word = token.head.lemma_.lower()
                weight = 2.0 if word in vocab.conflict_nouns or word in vocab.word_sets["talks_words"] else 0.5
                found.append(((sides[0], sides[1]), weight))
    return found


def complete(per_sentence: list[list[Claim]], keys: list[set[str]], between: PairWeights = ()) -> list[Claim]:
    """Fill in the sides where a claim names none: a mediation's from its sentence's talks, else the article's
    ("Qatar suspended its role in the discussions"); talks' from their sentence, else the article's when the
    sentence names no one else ("no progress on hostage negotiations"). Drop a mediator named as its own side,
    and talks between a mediator and a side of its mediation ("Israel accepted an Egyptian proposal")."""
    pair = _article_pair([c for claims in per_sentence for c in claims], between)
    sides = {actor_key(a) for a in pair} if pair is not None else set()
    mediators = {actor_key(c.subject) for claims in per_sentence for c in claims if c.type == "mediates"}
    filled: list[Claim] = []
    for claims, named in zip(per_sentence, keys, strict=True):
        fits = pair is not None and named <= sides | mediators  # the article's sides and mediators only
        here = _sentence_pair(claims)
        for claim in claims:
            found = here or (pair if claim.type == "mediates" or fits else None)
            if claim.type == "negotiates_with" and claim.object is None:
                if found is None:
                    continue
                claim = claim.with_(subject=found[0], object=found[1])
            if claim.type == "mediates":
                if not claim.parties and found is not None:
                    claim = claim.with_(parties=found)
                if actor_key(claim.subject) in {actor_key(p) for p in claim.parties}:
                    continue
            filled.append(claim)
    mediated: dict[str, set[str]] = {}
    for claim in filled:
        if claim.type == "mediates" and claim.status in ("active", "suspended", "ended"):
            mediated.setdefault(actor_key(claim.subject) or "", set()).update(actor_key(p) or "" for p in claim.parties)
    return [c for c in filled if not (c.type == "negotiates_with" and _mediator_and_side(c, mediated))]


def _mediator_and_side(claim: Claim, mediated: dict[str, set[str]]) -> bool:
    a, b = actor_key(claim.subject) or "", actor_key(claim.object) or ""
    return b in mediated.get(a, ()) or a in mediated.get(b, ())


def refer_back(sentences: list[Span], claims_by_sentence: list[list[Claim]], reader: Reader) -> None:
    """"According to KAN, the shift comes amid ...": the source named beside a noun that refers back to the change
    told in the sentence before is that change's source; the sentence is evidence of it too."""
    vocab = reader.vocab
    for n in range(1, len(sentences)):
        before = [c for c in claims_by_sentence[n - 1] if c.status in ("ended", "active", "suspended")]
        if not before:
            continue
        sentence = sentences[n]
        for token in sentence:
            if token.lemma_.lower() in vocab.change_nouns and token.dep_ in _SUBJECTS and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
            ):
                source = attribution(token.head, sentence, reader.actors.actors_for, reader.article.text)
                if source is None:
                    break
                text = reader.article.text[sentence.start_char : sentence.end_char]
                for claim in before:
                    evidence = Evidence(reader.article.doc_id, None, text, sentence.start_char, sentence.end_char,
                                        claim.date, source)  # fmt: skip
                    claims_by_sentence[n].append(claim.with_(attribution=source, evidence=evidence, rule="refers back"))
                for i, claim in enumerate(claims_by_sentence[n - 1]):
                    if claim.status in ("ended", "active", "suspended") and not (claim.attribution and claim.attribution.name):
                        claims_by_sentence[n - 1][i] = claim.with_(attribution=source)
                break

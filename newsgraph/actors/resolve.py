"""Turn the noun phrase of a syntactic argument into Actors: names, titles, seats, groups and references back."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date

from spacy.strings import StringStore
from spacy.symbols import ADJ, NOUN, PRON, PROPN
from spacy.tokens import Doc, Span, Token

from newsgraph.actors.gazetteer import City, city_in
from newsgraph.actors.kb import Entry, KnowledgeBase, Role, fold
from newsgraph.actors.matcher import CompiledKB, Match, find_matches
from newsgraph.layout import dateline_place
from newsgraph.model import Actor
from newsgraph.spans import sentence_of, sentence_start

# Dependents that belong to the noun phrase of an actor.
_PHRASE_DEPS = frozenset(
    {"compound", "amod", "nmod", "poss", "case", "det", "conj", "cc", "appos", "flat", "nummod", "punct", "quantmod",
     "npadvmod"}
)
_PRONOUNS_PERSON = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_PRONOUNS_GROUP = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
_BOTH = frozenset({"both", "two"})
# words that may refer back to an actor named before (with "the" and a group noun of the text's actors)
_REFERRING = frozenset({*_PRONOUNS_PERSON, *_PRONOUNS_GROUP, *_BOTH, "country"})
# Sectors of groups that act at home: an unnamed one takes the country of the story's dateline (and, in an event,
# of the place where it happens).
DOMESTIC_SECTORS = frozenset({"COP", "JUD", "LEG", "OPP", "CVL", "REL", "LAB", "EDU", "MED"})
# Seats of power whose name is also another state's institution ("Congress" is Peru's or Colombia's in their news):
# the state the text names, when it does not name the seat's own.
_GENERIC_SEATS = frozenset({"congress"})
# How many earlier names "the country" looks through for a state named as a noun, past one named as an adjective.
_COUNTRY_LOOKBACK = 6
# Words that make a title no one in particular: "the first American president to visit", "the next prime minister".
_ANY_HOLDER = frozenset({"first", "next", "future", "successive", "previous", "every", "any"})
# Words that make a named person a former office holder, whatever the date.
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "one-time"})
_HEAD_OF_STATE = frozenset({"president", "prime minister", "king", "queen", "emir", "chancellor", "supreme leader", "sultan"})
_COURTESY = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "president", "minister", "dr", "dr."})
# Words that count people: "tens of thousands of followers".
_COUNTS = frozenset({"tens", "thousands", "hundreds", "dozens", "scores", "millions", "handful", "number"})
# Sectors of groups that stay themselves whatever they are "of" ("critics of Putin" are not his government).
_GROUP_SECTORS = frozenset({"OPP", "CVL", "REB", "REF", "JRN", "BUS", "MED", "EDU", "REL", "LAB", "CRM"})
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
# Names of months and days are no actors ("met in April", "agreed on Wednesday").
_TIME_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
)
# Nouns of things that go by a name that may be a person's: "the reformist daily Salam", "the tanker Karim".
_THING_NOUNS = frozenset({"daily", "newspaper", "weekly", "magazine", "tabloid", "tanker", "freighter", "frigate",
                          "hurricane", "typhoon", "cyclone"})  # fmt: skip
# (not "operation", "channel": "the military operation Netanyahu ordered" is Netanyahu's)

# Words of places and things named after a person: "Hamid Karzai International Airport", "the Kim Il Sung Stadium".
_NAMED_PLACES = frozenset({"airport", "stadium", "university", "hospital", "square", "street", "avenue", "bridge", "dam",
                           "mosque", "school", "academy", "museum", "library", "prize", "award", "institute", "college",
                           "highway", "boulevard", "memorial", "mausoleum", "park", "center", "centre", "port"})  # fmt: skip

# Last words of names of things and events, not people: "the Israel Boycott Law", "the Dayton Peace Accords".
_NOT_A_PERSON = frozenset({"law", "act", "bill", "accord", "accords", "agreement", "treaty", "plan", "resolution",
                           "charter", "declaration", "protocol", "convention", "initiative", "programme", "program",
                           "process", "summit", "conference", "talks", "war", "crisis", "operation", "revolution",
                           "constitution", "code", "order", "decree", "doctrine", "index", "games", "cup", "award",
                           "prize", "day", "week", "airlines", "airways", "news", "times", "post", "herald", "journal",
                           "tribune", "gazette", "daily", "telegraph", "monitor", "review", "television", "radio",
                           "brotherhood", "fleet", "valley", "base", "plant", "temple", "motor", "motors", "holdings",
                           "electronics", "crescent", "tigers", "federation", "guard", "corps", "prix", "missile",
                           "system", "dome", "river", "lake", "mountains", "hills", "desert", "sea", "gulf", "strait"})  # fmt: skip

# Words after a person's name that make something of theirs, not a longer name.
_AFTER_A_NAME = frozenset({"administration", "government", "regime", "cabinet", "camp", "era", "family", "doctrine", "plan",
                           "presidency", "campaign", "clan", "team", "loyalists", "supporters", "jr", "sr"})  # fmt: skip

_ORG_WORDS = frozenset(
    "party ministry council front army brigades brigade movement organisation organization group company inc corp "
    "bank union agency court university association committee forces commission authority institute league "
    "coalition alliance network foundation fund society department office service services".split()
)


@dataclass(frozen=True)
class Labels:
    """Dependency labels and words as the parse stores them (string ids): the phrase walk compares numbers, since a
    Token makes its label and word strings anew on every access."""

    phrase: frozenset[int]
    appos: int
    prep: int
    pobj: int
    referring: frozenset[int]  # lower-case words that may refer back
    cc: int
    punct: int
    case: int
    det: int
    hyphen: int
    separators: frozenset[int]  # the commas and semicolons between the actors of a phrase
    possessive: frozenset[int]  # "'s"
    # words, lower case (a token's ``lower``)
    the: int
    of_word: int
    to_word: int
    country: int
    ethnic: int
    pronouns: frozenset[int]
    owners: frozenset[int]  # "its", "their", "his", "her"
    both: frozenset[int]
    counts: frozenset[int]
    loyal: frozenset[int]
    former: frozenset[int]
    things: frozenset[int]
    places: frozenset[int]  # "town", "village": a place inside a state
    chosen_by: dict[int, str]  # the prepositions a title or group takes into its phrase ("of", "for", "to", "at")

    @staticmethod
    @lru_cache(maxsize=8)
    def of(strings: StringStore) -> Labels:
        def ids(words: Iterable[str]) -> frozenset[int]:
            return frozenset(strings.add(w) for w in words)

        add = strings.add
        return Labels(
            ids(_PHRASE_DEPS), add("appos"), add("prep"), add("pobj"), ids(_REFERRING), add("cc"), add("punct"),
            add("case"), add("det"), add("-"), ids(_SEPARATORS), ids(_POSSESSIVE_MARKS), add("the"), add("of"), add("to"),
            add("country"), add("ethnic"), ids({*_PRONOUNS_PERSON, *_PRONOUNS_GROUP}), ids(_POSSESSIVE), ids(_BOTH),
            ids(_COUNTS), ids(_LOYAL), ids(_FORMER), ids(_THING_NOUNS), ids(_PLACE_WORDS),
            {add(w): w for w in ("of", "for", "to", "at")},
        )  # fmt: skip


@dataclass
class Seen:
    """An actor met earlier in the text, for references back ("the group", "he")."""

    index: int
    actor: Actor
    entry: Entry | None


_RELATIVE = frozenset({"which", "who", "that"})


@dataclass(slots=True)
class DocActors:
    """The actors of one parsed text: KB hits, and resolution of argument phrases by the article's date."""

    doc: Doc
    compiled: CompiledKB
    day: date | None
    # the article's own text (``doc.text`` is rebuilt on every access, and may hold blanked marks)
    text: str = ""
    # resolved phrases by (head token, with references back): every argument is asked for more than once
    memo: dict[tuple[int, bool], list[tuple[Actor, Entry | None]]] = field(default_factory=dict)
    named: dict[int, list[Actor]] = field(default_factory=dict)  # ``actors_for`` by head token
    # start token of a KB hit -> (usual id, cue words, other reading) when its name has two readings, else None
    readings: dict[int, tuple[str, frozenset[str], dict[str, str | None]] | None] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)
    by_token: dict[int, Match] = field(default_factory=dict)
    # the actors each KB hit names (by the hit's place in ``matches``), read when a reference back first needs it
    seen: dict[int, list[Seen]] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)  # start token of each hit, in order
    # the nouns that can refer back to an actor of this text ("the group" only if the text names some group)
    nouns: frozenset[str] = frozenset()
    carriers: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    picked: dict[int, Entry | None] = field(default_factory=dict)  # start token of a hit -> its entry
    labels: Labels = field(init=False)  # the parse's label and word ids the phrase walk compares
    kb: KnowledgeBase = field(init=False)
    noun_ids: frozenset[int] = frozenset()  # ``nouns`` as string ids
    # the country of the story's wire dateline: where unnamed police, courts or protesters act
    home: str | None = None
    states: frozenset[str] = frozenset()  # the states the text names: a town's name is first looked for in them

    def __post_init__(self) -> None:
        self.labels = Labels.of(self.doc.vocab.strings)
        self.kb = self.compiled.kb

    @classmethod
    def build(cls, doc: Doc, compiled: CompiledKB, day: date | None, text: str | None = None) -> DocActors:
        found = cls(doc, compiled, day, text if text is not None else doc.text)
        entries = compiled.kb.entries
        matches, by_token, starts = found.matches, found.by_token, found.starts
        nouns, states = set(compiled.kb.unnamed_ref_nouns), set()
        for m in find_matches(doc, compiled):
            if m.kind == "seat" and m.seat and compiled.kb.country_on(m.seat[0], day) != m.seat[0]:
                continue  # "Juba" in 1998: a town of Sudan, no seat of power yet
            if m.kind == "entry":
                e = entries.get(m.entry_ids[0])
                if e is not None and (e.kind == "state" and _likened(doc, m.end, found.labels) or e.kind == "org" and _inside_a_name(doc, m, compiled)):
                    continue  # "a Soviet-style economy", "Iran's Supreme National Security Council"
                for i in m.entry_ids:
                    if (e := entries.get(i)) is not None:
                        nouns.update(e.nouns)
                        if e.kind == "state":
                            states.add(e.id)
            matches.append(m)
            starts.append(m.start)
            for i in range(m.start, m.end):
                by_token[i] = m
        found.nouns, found.states = frozenset(nouns), frozenset(states)
        found.home = found._home_country()
        found.noun_ids = frozenset(doc.vocab.strings[n] for n in found.nouns)
        return found

    def _seen_before(self, i: int, noun: str | None = None) -> Iterator[Seen]:
        """The actors the KB names before token ``i``, the nearest first. A reference back usually finds its actor a
        few names back, so each hit's phrase is resolved only when the search reaches it (and once). With ``noun``
        ("the group"), only the hits whose phrase holds an organisation known by that noun are read."""
        carriers = None if noun is None or noun in self.kb.unnamed_ref_nouns else self._carriers(noun)
        for at in range(bisect.bisect_left(self.starts, i) - 1, -1, -1):
            seen = self.seen.get(at)
            if seen is None:
                match = self.matches[at]
                if match.kind == "role":  # (a title alone names no one to refer back to)
                    seen = self.seen[at] = []
                    continue
                if carriers is not None and not _holds_one(self.doc[match.start : match.end], carriers):
                    continue
                seen = self.seen[at] = self._seen_at(match)
            for one in reversed(seen):
                if one.index < i:
                    yield one

    def _carriers(self, noun: str) -> tuple[list[int], list[int]]:
        """(starts, ends) of the hits that may name an organisation known by ``noun``."""
        found = self.carriers.get(noun)
        if found is None:
            entries = self.kb.entries
            hits = [m for m in self.matches if any(noun in e.nouns for i in m.entry_ids if (e := entries.get(i)))]
            found = self.carriers[noun] = ([m.start for m in hits], [m.end for m in hits])
        return found

    def _seen_at(self, match: Match) -> list[Seen]:
        head = _span_head(self.doc[match.start : match.end])
        return [Seen(head.i, actor, entry) for actor, entry in self._segments(head, coref=False)]

    def _home_country(self) -> str | None:
        place = dateline_place(self.text[:400])
        if place is None:
            return None
        states = [e for e in self.kb.lookup(place) if e.kind == "state"]
        if states:
            return self.kb.country_on(states[0].id, self.day)
        seat = self.kb.seats.get(fold(place))  # "KIEV (Reuters) -": a seat of power the gazetteer spells otherwise
        if seat is not None:
            return self.kb.country_on(seat[0], self.day)
        city = self.city(place)
        return city.country if city is not None else None

    def city(self, name: str) -> City | None:
        """The city ``name`` names, in a state the text names if one has a city of that name (of the state it was in
        on the text's day: Juba is Sudan's in 1998)."""
        city = city_in(fold(name), self.states)
        if city is None:
            return None
        country = self.kb.country_on(city.country, self.day)
        return city if country == city.country else replace(city, country=country)

    def _dated(self, actor: Actor) -> Actor:
        """``actor`` as of the text's day: of the state it was part of then, if its own was not independent yet ("the
        SPLA" in a story of 1998 is Sudan's)."""
        if actor.country is None:
            return actor
        country = self.kb.country_on(actor.country, self.day)
        return actor if country == actor.country else replace(actor, country=country)

    def actors_for(self, token: Token) -> list[Actor]:
        """The actors named by the argument whose head is ``token`` (several for "X and Y")."""
        found = self.named.get(token.i)
        if found is None:
            found = self.named[token.i] = [actor for actor, _ in self._segments(token, coref=True)]
        return list(found)

    def actors_in(self, span: Span) -> list[Actor]:
        """The actors of a marked span of text (a look-up, an evaluation pair): all its words, split at "and" and
        commas, whatever the parser made of a fragment ("IAEA chief Rafael Grossi")."""
        head = _span_head(span)
        # without the clauses and prepositions hanging off the head ("the UAE ambassador", not "... to Bahrain";
        # "the Saudi-led coalition", not "... fighting Houthi rebels"); when that leaves no one named, the whole
        # span ("a final solution for Syrian refugees" speaks of Syria)
        hanging = {t.i for c in head.children if _hangs(c, head) for t in c.subtree}
        for words in ([t for t in span if t.i not in hanging], list(span)):
            actors: list[Actor] = []
            for segment in self._appositions(_split(words, self.labels)):
                resolved = self._resolve(segment, head, coref=True, loose=True)
                actors.extend(self._dated(self._placed(a, e, head)[0]) for a, e in resolved)
            if any(a.country or a.kb_id for a in actors):
                return actors
        if actors:
            return actors
        return [Actor(text=span.text, start=span.start_char, end=span.end_char)]

    # -- phrase to segments -------------------------------------------------------------------------------

    def _segments(self, head: Token, *, coref: bool) -> list[tuple[Actor, Entry | None]]:
        key = (head.i, coref)
        cached = self.memo.get(key)
        if cached is not None:
            return cached
        if head.pos == PRON and head.lower_ in _RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.i:
            cached = self._segments(head.head.head, coref=coref)  # "Qatar, which brokered the talks": which is Qatar
        else:
            cached = self._segments_of(head, coref=coref)
        self.memo[key] = cached
        return cached

    def _segments_of(self, head: Token, *, coref: bool) -> list[tuple[Actor, Entry | None]]:
        tokens, names, refers = self._naming_phrase(head)
        out: list[tuple[Actor, Entry | None]] = []
        if names or (coref and refers):
            for segment in self._appositions(_split(tokens, self.labels)):
                for actor, entry in self._resolve(segment, head, coref=coref):
                    if entry is None and actor.country is None:  # a group or a name placed by its phrase
                        actor, entry = self._described(*self._placed(actor, entry, head), head)
                    out.append((self._dated(actor), entry))
        if not refers:  # no word that may refer back: the phrase reads the same with references back or without
            self.memo[(head.i, not coref)] = out
        return out

    def _appositions(self, segments: list[list[Token]]) -> list[list[Token]]:
        """A title and the name set beside it after a comma are one person: "Egypt's foreign minister, Ahmed Aboul
        Gheit" (not today's foreign minister and Aboul Gheit), "Bahraini Prime Minister, Prince Khalifa bin Salman"."""
        if len(segments) < 2:
            return segments
        merged = [segments[0]]
        for segment in segments[1:]:
            if self._names_the_title(merged[-1], segment):
                merged[-1] = merged[-1] + segment
            else:
                merged.append(segment)
        return merged

    def _names_the_title(self, title: list[Token], name: list[Token]) -> bool:
        match = self.by_token.get(title[-1].i)
        if match is None or match.kind != "role" or match.role is None or match.role.office is None:
            return False  # the first part ends in no title of an office
        if any(t.pos == PROPN and t.i not in self.by_token for t in title):
            return False  # it names someone already ("President Bush, Prime Minister Blair")
        between = self.doc[title[-1].i + 1 : name[0].i]
        if not between or not all(t.text == "," for t in between):
            return False  # "the president and Ahmed ...", or not side by side
        own = {t.i for t in title}
        return name[0].pos == PROPN and any(t.dep_ == "appos" and t.head.i in own for t in name)

    def _described(self, actor: Actor, entry: Entry | None, head: Token) -> tuple[Actor, Entry | None]:
        """A name the KB does not know takes the country its description names: "Adam Rippon, the first U.S.
        winter olympian" is American (the description is not another actor)."""
        if actor.country is not None or entry is not None or actor.entity_type not in ("PERSON", None):
            return actor, entry
        for child in head.children:
            if child.dep == self.labels.appos and child.pos == NOUN:
                described = self._segments(child, coref=False)
                countries = {a.country for a, _ in described if a.country}
                if len(countries) == 1:
                    # (the sector of a title it holds: "Edgar Millan Gomez, the acting head of Mexico's federal police")
                    roles = [a.sector for a, e in described if a.sector and (e is None or a.entity_type == "PERSON")]
                    return replace(actor, country=countries.pop(), sector=actor.sector or (roles[0] if roles else None)), entry
        return actor, entry

    def _naming_phrase(self, head: Token) -> tuple[list[Token], bool, bool]:
        """The words of the phrase ``head`` heads, whether they can name an actor (a KB hit, a proper noun), and
        whether one may refer back to one ("the talks" names no one; "the group" and "it" may refer back)."""
        by_token, nouns, referring = self.by_token, self.noun_ids, self.labels.referring
        if not (head.n_lefts or head.n_rights):  # a word alone (most often): the phrase is the word
            return [head], head.i in by_token or head.pos == PROPN, (w := head.lower) in referring or w in nouns
        keep = _phrase_words(head, self.labels)
        first = last = head.i
        while first - 1 in keep:
            first -= 1
        while last + 1 in keep:
            last += 1
        tokens = []
        names = refers = False
        for i in range(first, last + 1):
            t = keep[i]
            tokens.append(t)
            if not names and (i in by_token or t.pos == PROPN):
                names = True
            if not refers and ((w := t.lower) in referring or w in nouns):
                refers = True
        return tokens, names, refers

    def _placed(self, actor: Actor, entry: Entry | None, head: Token) -> tuple[Actor, Entry | None]:
        """A group with no country takes the one its place names: "people in northeast Nigeria", "troops from Chad"."""
        if actor.country is not None or actor.sector is None or entry is not None:
            return actor, entry
        if self.home is not None and actor.sector in DOMESTIC_SECTORS:
            actor = replace(actor, country=self.home)
        for prep in head.children:
            if prep.dep != self.labels.prep or prep.lower_ not in ("in", "from", "of"):
                continue
            for place in prep.children:
                if place.dep != self.labels.pobj:
                    continue
                country = self._country_of_place(place)
                if country is not None:
                    return replace(actor, country=country), entry
        return actor, entry

    def _country_of_place(self, token: Token) -> str | None:
        match = self.by_token.get(token.i)
        if match is not None and match.kind == "entry":
            found = self.kb.entries.get(match.entry_ids[0])
            if found is not None and found.kind == "state":
                return found.id
            return None
        if token.pos_ == "PROPN":
            city = self.city(token.text)
            if city is not None:
                return city.country
        # a place named with its country: "in southern Vietnam's Ho Chi Minh City", "in the Turkish capital Ankara"
        for actor, entry in self._segments(token, coref=False):
            if actor.country and actor.entity_type == "GPE" and (entry is None or entry.kind in ("state", "region")):
                return actor.country
        return None

    def _resolve(
        self, segment: list[Token], head: Token, *, coref: bool, loose: bool = False
    ) -> list[tuple[Actor, Entry | None]]:
        """One segment's actor. ``loose``: a phrase given alone, whose capitalised words are names whatever the
        parser tagged them (fragments parse badly)."""
        start, end = segment[0].idx, segment[-1].idx + len(segment[-1])
        text = self.text[start:end]
        hits = _hits(segment, self.by_token)
        people: list[Entry] = []
        orgs: list[Entry] = []
        states: list[Entry] = []
        regions: list[Entry] = []
        seats: list[tuple[str, str]] = []
        roles: list[Role] = []
        if len(hits) > 1:  # "the UAE ambassador to Bahrain": not Bahrain's
            owners = [m for m in hits if not self._destination(m, segment)]
            if owners and len(owners) < len(hits):
                hits = owners
        for m in hits:
            if m.kind == "entry":
                entry = self._pick(m)
                if entry is None:
                    continue
                kind = entry.kind
                if kind == "person":
                    people.append(entry)
                elif kind == "org":
                    orgs.append(entry)
                elif kind == "state":
                    if not (m.start > 0 and self.doc[m.start - 1].lower == self.labels.ethnic):  # "ethnic Albanian guerrillas"
                        states.append(entry)  # live elsewhere: where they act says where
                elif kind == "region":
                    regions.append(entry)
            elif m.kind == "seat" and m.seat:
                seats.append(m.seat)
            elif m.kind == "role" and m.role:
                roles.append(m.role)
        entity_type = _ner_type(segment)
        referred = None  # (read once: the same phrase refers back to the same actor below)
        if coref and not people and not orgs and _is_reference(segment, self.compiled.ref_noun_ids, self.labels.the):
            referred = self._refer_back(segment, head)  # "the Palestinian group": an organisation met before
            if referred and (not states or referred[0][0].country in {s.id for s in states}):
                return referred
        group = self._group_head(segment, head, hits) if roles else None  # (only a group noun heads a group)
        if group is not None and (people or orgs or states):  # "critics of Putin": Russians, in opposition
            owner_entry = people[-1] if people else (orgs[-1] if orgs else states[-1])
            country = owner_entry.country_on(self.day) if owner_entry.kind != "person" else self._country_served(owner_entry)
            return [(Actor(text, start, end, None, None, country, group.sector, entity_type), None)]
        title = next((r for r in roles if r.office), None)
        if not people and (orgs or seats) and _names_a_chief(segment) and not self._has_holder(title, orgs, states, seats):
            title = self._chief_title(orgs, seats) or title
        if people:
            person = people[-1]
            former = any(t.lower in self.labels.former for t in segment)
            known = {o.office for o in person.offices}
            # a title the KB holds no dates of for this person ("Senator X") still says what they were
            said = next((r.sector for r in roles if r.office is None or r.office not in known), None)
            actor = self._person_actor(
                person, text, start, end, title.office if title else None, former=former, title_sector=said
            )
            return [(actor, person)]
        owner = orgs[-1] if orgs else (states[-1] if states else None)
        if owner is None and seats:
            owner = self.kb.entries.get(seats[-1][0])
        if title and owner is not None:
            # "Indonesian Foreign Minister Ali Alatas": him, whom the KB lacks; "a Chinese premier", "the first
            # American president to visit": anyone who was
            if self._unknown_names(segment) or segment[0].lower_ in ("a", "an", "another") or any(
                t.lower_ in _ANY_HOLDER for t in segment
            ):
                country = owner.country_on(self.day) if owner.kind == "org" else owner.id
                # ("ex-Ecuadorian Foreign Minister Ricardo Patino": no longer in office, an elite)
                sector = "ELI" if _former_title(segment, hits) else title.sector
                return [(Actor(text, start, end, None, None, country, sector, "PERSON"), None)]
            holder = self.kb.holder(title.office or "", owner.id, self.day)
            if holder is not None:
                return [(self._person_actor(holder, text, start, end, title.office), holder)]
        if orgs:
            org = orgs[-1]
            sector = org.sector_on(self.day)
            if roles and _head_is_role(segment, hits, head) and roles[-1].sector not in ("GOV", sector) and roles[-1].office is None:
                sector = roles[-1].sector  # "UN peacekeepers", "EU lawmakers": a part of the organisation
            actor = Actor(text, start, end, org.name, org.id, org.country_on(self.day), sector, entity_type or org.entity_type)
            return [(actor, org)]
        other = self._other_reading(hits, segment)
        if other is not None:
            return [(Actor(text, start, end, other.get("name"), None, other.get("country"), other.get("sector"), "GPE"), None)]
        if seats and states and seats[-1][0] == states[-1].id and not roles:
            state = states[-1]  # "the US Congress": the seat says which part of the state
            return [(Actor(text, start, end, state.name, state.id, state.id, seats[-1][1], entity_type or "ORG"), state)]
        if seats and not states:
            state_id, sector = seats[-1]
            if text.lower().removeprefix("the ") in _GENERIC_SEATS and state_id not in self.states:
                # "handed his resignation to Congress" in a story from La Paz: Bolivia's
                if self.home in self.states:
                    state_id = self.home
                elif len(self.states) == 1:
                    state_id = next(iter(self.states))
            if roles and _head_is_role(segment, hits, head):  # "a Copenhagen court judge": the judge's sector
                sector = roles[-1].sector
            state = self.kb.entries.get(state_id)
            name = state.name if state else state_id
            return [(Actor(text, start, end, name, state_id, state_id, sector, entity_type or "GPE"), state)]
        if states:
            state = states[-1]
            sector = _sector_for_state(segment, roles, hits, self.kb.demonyms, self.labels)
            if sector == "GOV" and roles and _head_is_role(segment, hits, head) and _former_title(segment, hits):
                sector = "ELI"  # "a former Rwandan planning minister": no longer in office
            if self._named_person(segment, hits):  # "Serb suspect Dusko Tadic": a Serb, not Serbia
                sector = sector if roles else None
                return [(Actor(text, start, end, None, None, state.id, sector, "PERSON"), None)]
            kind = "PERSON" if title else (entity_type or "GPE")
            return [(Actor(text, start, end, state.name, state.id, state.id, sector, kind), state)]
        if regions:  # "Darfur rebels", "Chechen fighters": the region's state, the group's sector
            region = regions[-1]
            sector = next((r.sector for r in roles if r.sector != "GOV"), roles[-1].sector if roles else None)
            if self._named_person(segment, hits):  # "Chechen rebel commander Salman Raduyev"
                return [(Actor(text, start, end, None, None, region.country, sector, "PERSON"), None)]
            return [(Actor(text, start, end, region.name, region.id, region.country, sector, entity_type or "GPE"), region)]
        if coref:
            referred = self._refer_back(segment, head) if referred is None else referred
            if referred:
                return referred
            if segment[0].lower in self.labels.owners and not roles and len(segment) >= 2 and head.dep_ == "nsubj":
                owner_ref = self._refer_back(segment[:1], head)  # "its aircraft bombed": the army's aircraft
                if owner_ref:
                    actor, entry = owner_ref[0]
                    return [(replace(actor, text=text, start=start, end=end), entry)]
        if roles and _head_is_role(segment, hits, head):  # "rebel forces": the telling word over the generic one
            specific = [r for r in roles if r.sector not in ("GOV", "MIL")] or roles[-1:]
            # "the Bush administration", "Milosevic's forces": the state of the one named
            names = self._unknown_names(segment)
            owner = self._surname_country(segment, names[-1:], roles) if names else None
            owner = owner or self._town_country(segment, head)  # "Milan magistrates", "Lagos police"
            if owner is None and coref and segment[0].lower in self.labels.owners and len(segment) >= 2:
                # "Kostunica said his government would never recognise Kosovo": the government of the one referred to
                owner_ref = self._refer_back(segment[:1], head)
                owner = owner_ref[0][0].country if owner_ref else None
            return [(Actor(text, start, end, None, None, owner, specific[0].sector, entity_type), None)]
        def is_name(t: Token) -> bool:
            return t.pos == PROPN or (loose and t.is_alpha and t.text[:1].isupper())

        # a name is capitalised ("landmark" tagged a proper noun is the parser's slip) and no month ("Feb.")
        if any(is_name(t) and t.text[:1].isupper() and t.lower_.rstrip(".") not in _TIME_WORDS for t in segment):
            # (a word of the name, capitalised or between names: "Osama bin Laden", not "the Quetta suicide attack")
            named = [t for t in segment if is_name(t) or t.dep_ in ("compound", "flat") and t.text[:1].isupper()]
            first, last = named[0], named[-1]
            s, e = first.idx, last.idx + len(last.text)
            name = self.text[s:e]
            if self._names_a_thing(first.i):  # "the daily Salam": a newspaper
                return [(Actor(name, s, e, None, None, None, None, entity_type or "ORG"), None)]
            person = self._by_surname(segment, named, roles)
            if person is not None:  # "Mr. Abbas", "President Clinton": a surname the day and the title decide
                title_office = next((r.office for r in roles if r.office), None)
                return [(self._person_actor(person, text, start, end, title_office), person)]
            country = self._shared_country(segment, named, roles)  # "Bush" on no date: American, not which one
            if country is not None:
                return [(Actor(name, s, e, None, None, country, None, "PERSON"), None)]
            city = self.city(name)
            if len(named) == 1 and named[0].dep_ in ("compound", "amod") and named[0].head.pos_ == "NOUN" and (
                named[0].lower_ in self.compiled.adjectives
            ):
                city = None  # "Federal agents", "the Central Bank": a word of English, not the town of that name
            if city is not None and len(named) <= 3:  # a place: "Gaza", "Odesa", "Omdurman"
                # "Las Delicias in southern Colombia": the state the text puts it in, whatever the table says
                country = self._state_around(head) or city.country
                return [(Actor(name, s, e, city.name, None, country, None, "GPE"), None)]
            return [(Actor(name, s, e, None, None, None, None, entity_type or _guess_type(segment)), None)]
        return []

    def _town_country(self, segment: list[Token], head: Token) -> str | None:
        """The country of a town named before a group's noun: "Milan magistrates", "New Delhi police"."""
        run = [
            t for t in segment
            if t.i < head.i and t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and t.dep_ in ("compound", "nmod", "poss")
        ]  # fmt: skip
        if not run or run[-1].i + 1 != head.i and not (run[-1].i + 2 == head.i and head.doc[head.i - 1].dep_ == "case"):
            return None
        words = [run[-1]]
        for t in reversed(run[:-1]):
            if t.i + 1 != words[0].i:
                break
            words.insert(0, t)
        name = self.text[words[0].idx : words[-1].idx + len(words[-1].text)]
        if len(words) == 1 and words[0].lower_ in self.compiled.adjectives:
            return None
        city = self.city(name)
        return city.country if city is not None else None

    def _state_around(self, place: Token) -> str | None:
        """The state a place's own "in" names: "Las Delicias *in southern Colombia*"."""
        for prep in place.children:
            if prep.dep_ == "prep" and prep.lower_ == "in":
                for state in prep.children:
                    match = self.by_token.get(state.i) if state.dep_ == "pobj" else None
                    if match is not None and match.kind == "entry" and match.entry_ids[0] in self.states:
                        return match.entry_ids[0]
        return None

    def _country_served(self, person: Entry) -> str | None:
        """The state a person's office on the day is of (an organisation's office: the organisation's country)."""
        office = person.office_on(self.day)
        if office is None or not office.of:
            return person.country
        owner = self.kb.entries.get(office.of)
        return owner.country_on(self.day) if owner is not None and owner.kind == "org" else office.of

    def _has_holder(self, title: Role | None, orgs: list[Entry], states: list[Entry], seats: list[tuple[str, str]]) -> bool:
        owner = orgs[-1].id if orgs else (states[-1].id if states else (seats[-1][0] if seats else None))
        return title is not None and owner is not None and self.kb.holder(title.office or "", owner, self.day) is not None

    def _other_reading(self, hits: list[Match], segment: list[Token]) -> dict[str, str | None] | None:
        """"Georgia" in a sentence about Atlanta is the US state: the reading the sentence's words call for."""
        usual = self.compiled.context_ids
        for match in hits:  # a name has its second reading only where the KB matches it as its usual entry
            if not (usual.intersection(match.entry_ids) or (match.seat is not None and match.seat[0] in usual)):
                continue
            found = self._readings(match)
            if found is None:
                continue
            sentence = sentence_of(segment[0])
            words = self.text[sentence.start_char : sentence.end_char]
            if any(cue in words for cue in found[1]):
                return found[2]
        return None

    def _other_first_name(self, match: Match, person: Entry) -> bool:
        """Whether a person matched by a surname alone follows a first name that is not theirs."""
        if match.start == 0 or match.end - match.start > 1:
            return False
        before = self.doc[match.start - 1]
        if before.pos != PROPN or not before.text[:1].isupper():
            return False
        hit = self.by_token.get(before.i)
        if hit is not None and (hit.kind != "entry" or self._pick(hit) is not None):
            return False  # (a title, or a word of a name the KB knows, is no first name; of one it turned down, it may be)
        first = fold(before.text).lower().rstrip(".")
        if len(first) < 3 or first in _COURTESY:  # an initial ("Mikhail S. Gorbachev"), "Mr"
            return False
        words = {fold(w).lower() for n in (person.name, *person.aliases) for w in n.split()}
        return not any(w[:3] == first[:3] for w in words)  # "Hasan Nasrallah" is Hassan Nasrallah

    def _names_a_thing(self, start: int) -> bool:
        """Whether the name at token ``start`` follows a noun of a thing named so ("the daily Salam")."""
        return start > 0 and self.doc[start - 1].lower in self.labels.things

    def _name_goes_on(self, match: Match) -> bool:
        """Whether a person's name runs on into more of a name: "President Gonzalo Sanchez de Lozada" is not
        "President Gonzalo" (Abimael Guzman's nom de guerre)."""
        if match.end >= len(self.doc):
            return False
        last, after = self.doc[match.end - 1], self.doc[match.end]
        if after.pos != PROPN or not after.text[:1].isupper():
            return False
        following = self.doc[match.end : match.end + 3]
        if any(t.lower_ in _NAMED_PLACES for t in following) and all(t.text[:1].isupper() for t in following[:1]):
            return True  # "Hamid Karzai International Airport": a place named after him, not him
        word = after.lower_
        if word in _ORG_WORDS or word in _AFTER_A_NAME or word in self.compiled.adjectives or word.rstrip(".") in _TIME_WORDS:
            return False  # "the Bush Administration"
        return last.head.i == after.i or last.dep_ in ("compound", "flat") and after.head.i == last.head.i

    def _named_person(self, segment: list[Token], hits: list[Match]) -> bool:
        """Whether the segment ends in the name of someone the KB does not know, after a word that says what they are
        ("Chechen rebel commander Salman Raduyev", "Serb suspect Dusko Tadic"): a person of the state or region named
        before. Without that word a name after a state is most often a thing's ("the Turkish Red Crescent", "South
        Korean Samsung Electronics", "Lebanon's Bekaa Valley")."""
        run = 0  # the unknown capitalised names it ends in: a first name and a surname at least, of no body
        for token in reversed(segment):
            if token.pos != PROPN or token.i in self.by_token or not token.is_title:
                break
            if token.lower_ in _NO_PERSON_WORDS:
                return False  # "the Israel Boycott Law", "Saudi Arabian Oil Company", "Vietnam's Ho Chi Minh City"
            run += 1
        if not 2 <= run <= 4 or run == len(segment):
            return False
        before = segment[-run - 1]  # a common noun ("suspect", "journalist") or a title ("Ambassador")
        if not (before.pos in (NOUN, ADJ) and before.is_lower or any(m.kind == "role" and m.start <= before.i < m.end for m in hits)):
            return False
        first, last = segment[-run], segment[-1]
        return self.city(self.text[first.idx : last.idx + len(last)]) is None  # (not "Sri Lanka's Batticaloa Town")

    def _unknown_names(self, segment: list[Token]) -> list[Token]:
        """The words of the segment that name someone the KB has no entry for (capitalised proper nouns outside its
        hits, not a month)."""
        return [
            t for t in segment
            if t.pos == PROPN and t.text[:1].isupper() and t.i not in self.by_token and t.lower_.rstrip(".") not in _TIME_WORDS
        ]  # fmt: skip

    def _destination(self, match: Match, segment: list[Token]) -> bool:
        """A name after "to" within an actor's phrase is where the actor is sent, not whose it is."""
        last = self.doc[match.end - 1]
        if last.dep != self.labels.pobj:
            return False
        to = last.head
        labels = self.labels
        return to.lower == labels.to_word and to.dep == labels.prep and to.head.lower not in labels.loyal and (
            segment[0].i <= to.i <= segment[-1].i
        )

    def _readings(self, match: Match) -> tuple[str, frozenset[str], dict[str, str | None]] | None:
        """The two readings of a hit's name, when it has two ("Georgia"): read once per hit."""
        if match.start not in self.readings:
            first, last = self.doc[match.start], self.doc[match.end - 1]
            self.readings[match.start] = self.kb.contexts.get(fold(self.text[first.idx : last.idx + len(last)]))
        return self.readings[match.start]

    def _surname_candidates(self, segment: list[Token], named: list[Token], roles: list[Role]) -> list[Entry]:
        """The people a surname (with a first name, a courtesy or an office title) may mean, whatever the date."""
        if len(named) > 2:
            return []
        ids = self.kb.surnames.get(_surname_key(named[-1]), [])
        people = [self.kb.entries[i] for i in ids if i in self.kb.entries]
        first = fold(named[0].text).lower()
        if len(named) == 2 and first not in _COURTESY:  # "Cristina Fernandez": the first name must be hers too
            people = [p for p in people if first in fold(p.name).lower().split()]
        courtesy = {t.lower_.rstrip(".") for t in segment}
        if courtesy & {"mrs", "ms", "madam", "miss"}:
            people = [p for p in people if p.gender == "female"]
        elif "mr" in courtesy:
            people = [p for p in people if p.gender == "male"]
        offices = {r.office for r in roles if r.office}
        if offices:
            people = [p for p in people if offices & {o.office for o in p.offices}]
        return people

    def _surname_country(self, segment: list[Token], named: list[Token], roles: list[Role]) -> str | None:
        """The country a surname gives even when the date does not tell which of its people is meant ("Bush",
        undated: one of two American presidents)."""
        if not named or _surname_key(named[-1]) not in self.kb.surnames:
            return None  # no one the KB knows has this name
        person = self._by_surname(segment, named, roles)
        if person is not None:
            return self._country_served(person)
        return self._shared_country(segment, named, roles)

    def _shared_country(self, segment: list[Token], named: list[Token], roles: list[Role]) -> str | None:
        countries = {p.country for p in self._surname_candidates(segment, named, roles)}
        return countries.pop() if len(countries) == 1 else None

    def _by_surname(self, segment: list[Token], named: list[Token], roles: list[Role]) -> Entry | None:
        """The one person with this surname that the courtesy title, the office title and the date allow."""
        people = self._surname_candidates(segment, named, roles)
        if not people:
            return None
        offices = {r.office for r in roles if r.office}
        if len(people) > 1:
            people = [p for p in people if p.office_on(self.day) is not None and (self.day is not None or
                                                                                  any(o.end is None for o in p.offices))]  # fmt: skip
        if len(people) > 1 and offices and self.day is not None:
            people = [p for p in people if any(o.office in offices and o.holds_on(self.day) for o in p.offices)]
        if len(people) > 1:  # two in office: the head of a state or government is who a bare surname means
            heads = [p for p in people if (o := p.office_on(self.day)) is not None and o.office in _HEAD_OF_STATE]
            people = heads if len(heads) == 1 else people
        return people[0] if len(people) == 1 else None

    def _group_head(self, segment: list[Token], head: Token, hits: list[Match]) -> Role | None:
        """A group noun heading the phrase, with what it belongs to after "of" ("rivals of the government"), counted
        or not ("tens of thousands of followers of Moqtada al-Sadr")."""
        labels = self.labels
        while head.lower in labels.counts:
            of = next((c for c in head.children if c.dep == labels.prep and c.lower == labels.of_word), None)
            counted = next((c for c in of.children if c.dep == labels.pobj), None) if of is not None else None
            if counted is None:
                break
            head = counted
        match = self.by_token.get(head.i)
        if match is None or match.kind != "role" or match.role is None or match.role.office is not None:
            return None
        at = head.i
        if at < segment[0].i or at > segment[-1].i or all(t.i != at for t in segment):
            return None
        if any(t.lower in labels.loyal for t in segment) and any(
            c.dep_ == "amod" and c.lower in labels.loyal and any(p.lower == labels.to_word for p in c.children) for c in head.children
        ):
            return match.role  # "troops loyal to Gbagbo": his side's troops
        if match.role.sector not in _GROUP_SECTORS:
            return None
        return match.role if any(c.dep == labels.prep and c.lower == labels.of_word for c in head.children) else None

    def _chief_title(self, orgs: list[Entry], seats: list[tuple[str, str]]) -> Role | None:
        """The head of an organisation or of a seat of power ("the NATO chief", "the Pentagon chief")."""
        owner = orgs[-1].id if orgs else (seats[-1][0] if seats else None)
        if owner is None:
            return None
        if not orgs and seats and seats[-1][1] == "MIL":
            return Role("chief", "MIL", "defence minister")
        for office in _HEAD_OFFICES:
            if (office, owner) in self.kb.holders:
                return Role("chief", "GOV", office)
        return None

    def _pick(self, match: Match) -> Entry | None:
        """One entry for a name several entries share: an office holder on the day first (once per hit). None for
        a surname after someone else's first name ("Omar Suleiman" is not Michel Suleiman)."""
        if match.start in self.picked:
            return self.picked[match.start]
        picked = self._pick_of(match)
        if picked is not None and picked.kind == "person" and (
            self._other_first_name(match, picked) or self._name_goes_on(match)
            or self._names_a_thing(match.start)
        ):
            picked = None  # (also "the reformist daily Salam", "the tanker Salam": a thing named so, not the person)
        self.picked[match.start] = picked
        return picked

    def _pick_of(self, match: Match) -> Entry | None:
        entries = self.kb.entries
        if len(match.entry_ids) == 1:  # (most names: one entry)
            return entries.get(match.entry_ids[0])
        candidates = [entries[i] for i in match.entry_ids if i in entries]
        if not candidates:
            return None
        if len(candidates) > 1 and self.day is not None:
            holding = [c for c in candidates if c.office_on(self.day) is not None]
            if holding:
                return holding[0]
        return candidates[0]

    def _person_actor(
        self, person: Entry, text: str, start: int, end: int, title: str | None = None, *, former: bool = False,
        title_sector: str | None = None,
    ) -> Actor:
        office = None if former else person.office_on(self.day, title)
        if office is None and title_sector is not None and not former:
            # "Senator Hillary Clinton" on a date the KB has no office for: the text's title says what she was
            return Actor(text, start, end, person.name, person.id, person.country, title_sector, "PERSON")
        if office is None:
            sector = person.sector or ("ELI" if person.offices else None)
            return Actor(text, start, end, person.name, person.id, person.country, sector, "PERSON")
        owner = self.kb.entries.get(office.of)
        if owner is not None and owner.kind == "org":  # an office of an organisation: its country and sector
            country = owner.country_on(self.day)
            own = owner.sector_on(self.day)
            sector = own if office.sector in ("GOV", owner.sector) else office.sector
        else:
            country, sector = office.of, office.sector
        return Actor(text, start, end, person.name, person.id, country, sector, "PERSON")

    # -- references back ----------------------------------------------------------------------------------

    def _refer_back(self, segment: list[Token], head: Token) -> list[tuple[Actor, Entry | None]]:
        labels = self.labels
        if _refers_to_no_one(segment, self.noun_ids, labels):
            return []
        words = [t.lower_ for t in segment if t.dep != labels.det and t.lower != labels.the]
        if not words:
            return []
        noun = words[-1]
        first = segment[0].i
        if len(segment) == 1 and (noun in _PRONOUNS_PERSON or noun in _PRONOUNS_GROUP):
            speaker = self._governing_speaker(segment[0])
            if speaker is not None:
                actor, entry = speaker
                return [(self._reference(actor, segment), entry)]
        if len(segment) == 1 and noun in _PRONOUNS_PERSON:
            gender = _PRONOUNS_PERSON[noun]
            for seen in self._seen_before(first):
                if seen.actor.entity_type == "PERSON" and (seen.entry is None or seen.entry.gender in (None, gender)):
                    return [(self._reference(seen.actor, segment), seen.entry)]
            return []
        if len(segment) == 1 and noun in _PRONOUNS_GROUP:
            for seen in self._seen_before(first):
                if seen.actor.entity_type != "PERSON" and seen.actor.kb_id:
                    return [(self._reference(seen.actor, segment), seen.entry)]
            return []
        determiner = segment[0].lower_
        if determiner in _BOTH or (len(words) >= 2 and words[0] in _BOTH):
            if noun in {"sides", "parties", "countries", "groups"}:  # the two met before this sentence
                return self._last_two(self._seen_before(sentence_start(segment[0])), segment)
        if determiner != "the" or (noun not in self.nouns and noun != "country"):
            return []
        for seen in self._seen_before(first, noun):
            entry = seen.entry
            if entry is not None and noun in entry.nouns:
                return [(self._reference(seen.actor, segment), entry)]
        if noun == "country":  # the nearest state named as a noun ("arrived in Vietnam, the first American
            # president to visit the country": Vietnam), else the nearest named at all
            nearest = None
            for looked, seen in enumerate(self._seen_before(first)):
                if nearest is not None and looked > _COUNTRY_LOOKBACK:
                    break
                if seen.entry is None or seen.entry.kind != "state":
                    continue
                if self.doc[seen.index].pos_ != "ADJ":
                    return [(self._reference(seen.actor, segment), seen.entry)]
                nearest = nearest or seen
            if nearest is not None:
                return [(self._reference(nearest.actor, segment), nearest.entry)]
        return []

    def _reference(self, actor: Actor, segment: list[Token]) -> Actor:
        """``actor`` as named again by the words of ``segment``."""
        start, end = segment[0].idx, segment[-1].idx + len(segment[-1])
        return Actor(self.text[start:end], start, end, actor.name, actor.kb_id, actor.country, actor.sector, actor.entity_type)

    def _governing_speaker(self, pronoun: Token) -> tuple[Actor, Entry | None] | None:
        """In "X said that they/he ...", the pronoun is X (or, for "they", X's organisation)."""
        node = pronoun.head
        for _ in range(4):
            if node.dep_ != "ccomp" or node.head.i == node.i:
                return None
            verb = node.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in _PRONOUNS_PERSON and subject.lower_ not in _PRONOUNS_GROUP:
                found = self._segments(subject, coref=False)
                if not found:
                    return None
                actor, entry = found[0]
                person = pronoun.lower_ in _PRONOUNS_PERSON
                if person == (actor.entity_type == "PERSON"):
                    return actor, entry
                return None
            node = verb
        return None

    def _last_two(self, nearest_first: Iterable[Seen], segment: list[Token]) -> list[tuple[Actor, Entry | None]]:
        picked: list[Seen] = []
        for seen in nearest_first:
            if seen.actor.kb_id and all(p.actor.kb_id != seen.actor.kb_id for p in picked):
                picked.append(seen)
            if len(picked) == 2:
                break
        if len(picked) < 2:
            return []
        return [(self._reference(p.actor, segment), p.entry) for p in reversed(picked)]


def _refers_to_no_one(segment: list[Token], nouns: frozenset[int], labels: Labels) -> bool:
    """What surely refers back to no one, told before the full reading: a word that is no pronoun ("Tuesday"), a
    phrase neither "the X" nor about two ("a new plan"), "the X" whose X (``nouns``: ids) no actor of the text is
    known by."""
    first = segment[0].lower
    if len(segment) == 1:
        return first not in labels.pronouns
    if any(t.lower in labels.both for t in segment):
        return False
    if first != labels.the:
        return True
    last = segment[-1]
    return last.dep != labels.det and last.lower not in nouns and last.lower != labels.country


def _former_title(segment: list[Token], hits: list[Match]) -> bool:
    """Whether "former" or "ex-" comes before the title: "a former Rwandan planning minister", not "the foreign
    minister of the former Yugoslav Republic of Macedonia"."""
    title = min((m.start for m in hits if m.kind == "role"), default=None)
    return title is not None and any(t.lower_ in _FORMER for t in segment if t.i < title)


def _hits(segment: list[Token], by_token: dict[int, Match]) -> list[Match]:
    """The KB hits over a segment's words, once each (a hit's words come one after another in the segment)."""
    out: list[Match] = []
    for token in segment:
        match = by_token.get(token.i)
        if match is not None and (not out or out[-1] is not match):
            out.append(match)
    return out


def _surname_key(token: Token) -> str:
    """How the KB keys a surname ("al Assad" as "al-assad")."""
    return fold(token.text).lower().replace("al ", "al-")


def _holds_one(span: Span, hits: tuple[list[int], list[int]]) -> bool:
    """Whether the phrase of ``span``'s head may hold one of ``hits`` (some hit's words lie in the head's subtree)."""
    head = _span_head(span)
    left, right = head.left_edge.i, head.right_edge.i
    starts, ends = hits
    at = bisect.bisect_right(ends, left)  # the first hit ending after ``left``
    return at < len(starts) and starts[at] <= right


def _span_head(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it (the first such one)."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[0]


def _inside_a_name(doc: Doc, match: Match, compiled: CompiledKB) -> bool:
    """Whether an organisation's name of common words is only the end of a longer name the KB lacks: "Iran's Supreme
    National Security Council" is not the UN's."""
    if match.start == 0 or match.end - match.start < 2:  # (one word, even a common one, is a name: "Hamas")
        return False
    before = doc[match.start - 1]
    if before.pos != PROPN or before.dep_ != "compound" or not before.text[:1].isupper() or not match.start <= before.head.i < match.end:
        return False
    return all(w.lower_ in compiled.english for w in doc[match.start : match.end])


# "a Switzerland-sized swathe of jungle", "a Soviet-style economy": a state's name used as a measure names no one;
# nor does one that brokered what is named ("an Egyptian-brokered truce with Israel" is Israel's and Hamas's).
_LIKENING = frozenset({"sized", "size", "style", "like", "shaped", "type", "era", "brokered", "sponsored", "mediated"})


def _likened(doc: Doc, end: int, labels: Labels) -> bool:
    return end + 1 < len(doc) and doc[end].orth == labels.hyphen and doc[end + 1].lower_ in _LIKENING


def _phrase_words(head: Token, labels: Labels) -> dict[int, Token]:
    """The words of the noun phrase headed by ``head``, by index: its name, titles, modifiers and coordinated parts
    (``DocActors._naming_phrase`` takes those that run on unbroken around the head)."""
    keep = {head.i: head}
    stack = [head]
    while stack:
        token = stack.pop()
        if not (token.n_lefts or token.n_rights):
            continue  # a word with nothing hanging from it (most of a phrase)
        for child in token.children:
            dep = child.dep
            if dep in labels.phrase:
                if dep == labels.appos and child.pos == NOUN and token.pos == PROPN:
                    continue  # "the United States, Ukraine's largest backer": a description of the name, not another actor
                if child.i not in keep:
                    keep[child.i] = child
                    stack.append(child)
            elif dep == labels.prep:
                word = labels.chosen_by.get(child.lower)
                if word is not None and (word == "of" and (_is_title(token) or _is_capitalised_name(token)) or word == "for"
                                         and token.lower_ in _SPEAKING_FOR or word == "to" and token.lower_ in _LOYAL
                                         or word == "at" and token.lower_ in _STAFF):  # fmt: skip
                    if child.i not in keep:
                        keep[child.i] = child
                        stack.append(child)
            elif dep == labels.pobj and token.dep == labels.prep:
                keep[child.i] = child
                stack.append(child)
    return keep


def _hangs(child: Token, head: Token) -> bool:
    """A clause or preposition hanging off a phrase's head, not part of the name ("of" after a title is)."""
    if child.i < head.i:
        return False
    if child.dep_ == "prep":
        return not (child.lower_ == "of" and _is_title(head))
    return child.dep_ in ("acl", "relcl", "advcl")


# Who speaks or acts for another: "a spokesman for President Ghani" names Ghani's side.
_SPEAKING_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "envoy", "adviser", "advisor",
                           "lawyer", "attorney", "negotiator", "negotiators", "representatives", "envoys"})  # fmt: skip


# Who works at a body: "prosecutors at the U.N. war crimes tribunal" are the tribunal's.
_STAFF = frozenset({"prosecutor", "prosecutors", "judge", "judges", "staff", "investigator", "investigators", "inspector",
                    "inspectors", "researcher", "researchers"})  # fmt: skip
# (not officials or diplomats: "Iranian diplomats at the United Nations" are Iran's)


# "Forces loyal to Haftar": the group is of the side it is loyal to.
_LOYAL = frozenset({"loyal", "allied", "affiliated", "aligned"})


def _is_capitalised_name(token: Token) -> bool:
    """"The Grand Mufti of Egypt", "the Bank of Ghana": a proper name whose "of" is part of it."""
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _is_title(token: Token) -> bool:
    return token.lower_ in {
        "tens", "thousands", "hundreds", "dozens", "scores", "millions", "number", "crowd", "crowds", "group",
        "members", "delegation", "team", "contingent", "unit", "units", "convoy",
        "president", "minister", "leader", "head", "chief", "secretary", "king", "queen", "prime", "ministry",
        "government", "people", "army", "forces", "parliament", "foreign", "spokesman", "spokesperson",
        "representative", "ambassador", "envoy", "members", "member", "leadership", "chairman", "premier",
        "governor", "mayor", "commander", "chief", "office", "council", "spokesperson", "spokeswoman", "officials",
        "minister", "director", "secretary", "speaker", "chair", "chairwoman", "deputy", "rivals", "critics",
        "opponents", "supporters", "relatives", "families", "allies", "presidents", "ministers", "leaders", "heads",
        "chiefs", "premiers", "governments", "envoys", "ambassadors", "commanders", "delegations", "spokesmen",
        "representatives", "kings", "followers", "loyalists", "partisans", "jets", "planes", "warplanes", "aircraft",
        "helicopters", "gunships", "tanks", "warships", "troops", "soldiers", "fighters", "militiamen", "gunmen",
        "agents", "officers", "units",
    }  # fmt: skip


_SEPARATORS = (",", ";")
_POSSESSIVE_MARKS = ("'s", "\u2019s", "'")


def _split(tokens: list[Token], labels: Labels) -> list[list[Token]]:
    """Split a phrase at "and", "or" and commas into the parts that name one actor each."""
    cc, punct, case, separators, possessive = labels.cc, labels.punct, labels.case, labels.separators, labels.possessive
    segments: list[list[Token]] = [[]]
    for token in tokens:
        dep = token.dep
        if dep == cc or dep == punct and token.orth in separators:
            segments.append([])
        elif dep != case or token.orth not in possessive:
            segments[-1].append(token)
    cleaned = []
    for segment in segments:
        while segment and (segment[-1].is_punct or segment[-1].dep == case):
            segment.pop()
        while segment and segment[0].is_punct:
            segment.pop(0)
        if segment:
            cleaned.append(segment)
    return cleaned


# Nouns of places inside a state: a phrase they head names its people, not its government.
_PLACE_WORDS = frozenset({"town", "towns", "village", "villages", "city", "cities", "hamlet", "district", "province",
                          "region", "neighbourhood", "neighborhood", "suburb", "camp", "settlement"})  # fmt: skip


# Words that end no person's name: of things and events, bodies and places.
_NO_PERSON_WORDS = _NOT_A_PERSON | _ORG_WORDS | _PLACE_WORDS | _NAMED_PLACES


def _sector_for_state(segment: list[Token], roles: list, hits: list[Match], demonyms: frozenset[str], labels: Labels) -> str:
    if roles:  # "Palestinian Christian leaders": the more telling sector than the leaders' GOV
        specific = [r.sector for r in roles if r.sector != "GOV"]
        return str(specific[0] if specific else roles[-1].sector)
    last = segment[-1]
    pos = last.pos
    if pos != NOUN and pos != PROPN:
        nouns = [t for t in segment if t.pos == NOUN or t.pos == PROPN]
        if nouns:
            last = nouns[-1]  # "Guineans overseas": the Guineans
            pos = last.pos
    if last.lower in labels.places and not (pos == PROPN and last.lower_ == "city"):  # (not "Vatican City")
        return "CVL"  # "the eastern Kosovan town of Gjilan", "a village in Cameroon's Far North": its people
    hit = next((m for m in hits if m.kind == "entry" and m.start <= last.i < m.end), None)
    if (pos == NOUN or pos == PROPN) and hit is not None and hit.end - hit.start == 1 and fold(last.text) in demonyms:
        return "CVL"  # "one Ukrainian": a national, not the state
    if last.tag_ in ("NNPS", "NNS") and (
        fold(last.text) in demonyms or hit is not None and fold(last.doc[hit.start : hit.end].text) in demonyms
    ):
        return "CVL"  # "Israelis", "Palestinians", "tens of thousands of South Koreans": the people, not the state
    in_name = hit is not None  # "the Soviet Union": a state
    named = None if in_name else _named_body(segment)
    if named is not None:
        return named
    return "GOV"


# Offices that head an organisation, in the order to try for "the X chief".
_HEAD_OFFICES = ("secretary-general", "director-general", "managing director", "president", "leader", "chair", "head")
_CHIEF_WORDS = frozenset({"chief", "head", "boss", "leader"})


def _names_a_chief(segment: list[Token]) -> bool:
    return segment[-1].lower_ in _CHIEF_WORDS


# The last word of a proper name that makes it a body of its own kind ("All Pakistan Muslim League": a party).
_BODY_WORDS = {
    "party": "PTY", "league": "PTY", "movement": "PTY", "front": "PTY", "alliance": "PTY", "congress": "PTY",
    "bank": "BUS", "airlines": "BUS", "airways": "BUS", "corporation": "BUS", "company": "BUS", "petroleum": "BUS",
    "university": "EDU", "church": "REL", "hospital": "MED", "union": "LAB",
}  # fmt: skip


def _named_body(segment: list[Token]) -> str | None:
    last = segment[-1]
    if last.pos_ == "PROPN" and last.text[:1].isupper():
        return _BODY_WORDS.get(last.lower_)
    return None


def _is_reference(segment: list[Token], nouns: frozenset[int], the: int) -> bool:
    """Whether the segment is "the" and a noun of ``nouns`` (ids): "the group"."""
    return len(segment) >= 2 and segment[0].lower == the and segment[-1].lower in nouns


def _head_is_role(segment: list[Token], hits: list[Match], head: Token) -> bool:
    """Whether the segment's head word is a title or group noun: its last word, or the phrase's head where an
    adjective follows it ("fighters loyal to Ouattara")."""
    word = head.i if segment[-1].pos == ADJ and any(t.i == head.i for t in segment) else segment[-1].i
    return any(m.kind == "role" and m.start <= word < m.end for m in hits)


def _ner_type(segment: list[Token]) -> str | None:
    for token in segment:
        if token.ent_type and token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            return str(token.ent_type_)
    return None


def _guess_type(segment: list[Token]) -> str:
    """An entity type for an unknown name when the parser gives none: by its last word, else by its shape."""
    words = [t for t in segment if t.pos_ == "PROPN"]
    if any(t.lower_ in _ORG_WORDS for t in segment):
        return "ORG"
    if segment[0].head.lower_ in {"in", "at", "from", "near"} and len(words) == 1:
        return "GPE"
    if 2 <= len(words) <= 4 and all(t.is_title for t in words):
        return "PERSON"
    return "ORG"

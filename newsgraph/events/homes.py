"""Whose country an unnamed party is: police, courts and governments act at home, rebels fight at home, and groups
are of the place where they act (rules the coder applies once an event's actors and recipients are read)."""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.actors.resolve import DOMESTIC_SECTORS
from newsgraph.events.ontology import ontology
from newsgraph.model import Actor

# Sectors of a state that act at home.
_STATE_AT_HOME = frozenset({"GOV", "COP", "JUD", "LEG"})


# Groups that act where they are: unnamed, they are of the state where the event happens, else of the story's
# dateline. Rebels, militias, gunmen and soldiers too, though not by the dateline alone in the resolver: where the
# event happens comes first ("rebels attacked a town in Somalia", in a story from Nairobi; "soldiers raided
# monasteries in Yangon").
_LOCAL_SECTORS = DOMESTIC_SECTORS | {"REB", "PRM", "UAF", "MIL"}


def police_of(actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """Unnamed police and courts with nothing else to place them are of the state of the one they act on ("Federal
    agents arrested Raul Salinas de Gortari, brother of former President Carlos Salinas")."""
    countries = {r.country for r in recipients if r.country} - NOT_STATES
    if len(countries) != 1 or not all(a.country is None and a.kb_id is None and a.sector in ("COP", "JUD") for a in actors):
        return actors
    country = countries.pop()
    return [replace(a, country=country) for a in actors]


# Country codes that are not states.
NOT_STATES = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"})


def in_country(actor: Actor, country: str, *, anyone: bool = False) -> Actor:
    """``actor`` of ``country`` if nothing else gives it one and it is a group that acts at home, or someone
    unknown by name ("Moshood Abiola ... arrested in Lagos"), or, with ``anyone``, any party the KB does not know."""
    if actor.country is not None or actor.kb_id is not None:
        return actor
    if actor.sector in _LOCAL_SECTORS or (actor.sector is None and actor.entity_type == "PERSON") or anyone:
        return replace(actor, country=country)
    return actor


def at_home(event: str, actors: list[Actor], recipients: list[Actor], home: str | None = None) -> list[Actor]:
    """A state's government, police and courts act at home, unless something says otherwise. Whoever police or
    courts act on, or a state coerces, is of that state ("Kenyan police raided the printing works of the opposition
    magazine Finance", "Iranian authorities arrested former Vice President Abtahi"); so are the groups that act at
    home (protesters, the opposition) a government yields to or acts on ("Shevardnadze resigned, yielding to
    opposition demonstrators"). Not armies, which act abroad (but soldiers detaining people coerce at home, and
    an army fights at home in a story datelined there), nor words: a state may criticise another's police. Rebels
    and militias fight at home: the villagers they kill and the patrols they ambush are of their country."""
    homes = {a.country for a in actors if a.country and (
        a.sector in _STATE_AT_HOME or event == "COERCE" and a.sector == "MIL"
        or event in ("ASSAULT", "COERCE") and (a.sector in ("REB", "PRM", "UAF") or a.sector == "MIL" and a.country == home)
    )}  # fmt: skip
    # police and courts act on their own people in words too ("placed Craxi under investigation")
    policing = any(a.sector in ("COP", "JUD") for a in actors)
    if len(homes) != 1 or not policing and ontology()[event].quad in (1, 3) and event != "CONCEDE":
        return recipients
    country = homes.pop()
    anyone = event == "COERCE" or policing
    return [in_country(r, country, anyone=anyone) for r in recipients]


# Sectors of the state's own agents at home: whoever fights them, unnamed and unplaced, is an insurgent of that state
# (not soldiers, nor diplomats: "militants killed four American soldiers", "gunmen shot dead a U.S. diplomat" abroad).
_AT_HOME_AGENTS = frozenset({"GOV", "COP", "JUD", "LEG"})
_ABROAD = re.compile(r"\b(diplomat|ambassador|envoy|embassy|consul|consulate|attache)s?\b", re.IGNORECASE)


# Unnamed attackers who fight at home: rebels, militias, gunmen (not gangs: "drug traffickers killed a U.S. agent").
_FIGHTERS = frozenset({"REB", "UAF", "PRM"})


def fighters_of(event: str, actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """Unnamed rebels, militants or gunmen whom neither the place nor the dateline places, attacking a state's own
    officials, police or soldiers, or people of a town, are of that state ("Gunmen shot dead a senior Somali
    government official", "Maoist rebels killed 12 Indian policemen", "shot dead a taxi driver in north Belfast")."""
    if event not in ("ASSAULT", "COERCE", "THREATEN"):
        return actors
    countries = {r.country for r in recipients if r.country and not _ABROAD.search(r.text) and (
        r.sector in _AT_HOME_AGENTS or r.entity_type == "GPE" and r.kb_id is None)} - NOT_STATES  # fmt: skip
    if len(countries) != 1 or any(r.country and r.country not in countries for r in recipients):
        return actors
    country = countries.pop()
    return [
        replace(a, country=country) if a.country is None and a.kb_id is None and a.sector in _FIGHTERS else a
        for a in actors
    ]


def rebels_of(actors: list[Actor], recipients: list[Actor], home: str | None) -> list[Actor]:
    """Unnamed rebels or guerrillas that a state's government deals with are that state's, wherever the story is
    filed ("NAIROBI - Sudan's government signed a peace agreement with southern rebels"). Not the opposition ("the
    United States condemned the arrest of opposition demonstrators" speaks of another state's), nor the insurgents an
    army fights, which may be abroad ("U.S. troops killed ten insurgents")."""
    countries = {a.country for a in actors if a.country}
    if len(countries) != 1 or countries & NOT_STATES or not all(a.sector == "GOV" for a in actors) or home in (None, *countries):
        return recipients  # (only where the dateline would place them elsewhere: else the place of the act decides)
    country = countries.pop()
    return [
        replace(r, country=country) if r.country is None and r.kb_id is None and r.sector == "REB" else r
        for r in recipients
    ]


# Sectors of a people and its organised parts, as distinct from its state.
_PEOPLE = frozenset({"CVL", "OPP", "PTY", "LAB", "EDU", "REL", "MED", "REB", "JRN", "BUS", "AGR"})  # (not refugees)
# Acts a people or its opposition direct at its own government.
AGAINST_OWN = frozenset({"PROTEST", "REJECT", "ACCUSE", "REQUEST", "THREATEN"})


def people_of(actors: list[Actor]) -> str | None:
    """The state whose people, opposition, parties or rebels the actors all are (not its organs, nor refugees abroad:
    "Afghan refugees in Pakistan urged the government" asks Pakistan's)."""
    countries = {a.country for a in actors}
    if len(countries) != 1 or None in countries or countries & NOT_STATES or not all(a.sector in _PEOPLE for a in actors):
        return None
    return countries.pop()


def own_leaders(event: str, actors: list[Actor], recipients: list[Actor]) -> list[Actor]:
    """Officials with no country that a state's people, opposition or parties demand of, reject or protest against are
    their own ("Bangladesh's opposition Awami League demanded that Prime Minister Khaleda Zia resign")."""
    country = people_of(actors) if event in AGAINST_OWN else None
    if country is None:
        return recipients
    return [replace(r, country=country) if r.country is None and r.kb_id is None and r.sector == "GOV" else r for r in recipients]

"""Consistency checks of the actor knowledge base data files (organisations, people, roles).

Fast and self-contained: reads the YAML files directly, needs only PyYAML and pycountry.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).resolve().parents[1] / "newsgraph" / "actors" / "data"

PLOVER_SECTORS = {
    "GOV", "MIL", "REB", "PTY", "COP", "JUD", "LEG", "JRN", "CVL", "ELI", "OPP", "BUS", "EDU", "MED", "REF",
    "REL", "LAB", "SPY", "PRM", "UAF", "CRM", "AGR", "SOC", "UNK",
}
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"}
STATE_CODES = {c.alpha_3 for c in pycountry.countries} | {"PSE", "KOS"}
COUNTRY_CODES = STATE_CODES | NON_STATE_CODES


def _load(name: str):
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def organisations():
    """organisations.yaml and every organisations_*.yaml."""
    return [item for path in [DATA / "organisations.yaml", *sorted(DATA.glob("organisations_*.yaml"))]
            for item in _load(path.name)]  # fmt: skip


def _merged_people() -> list[dict]:
    """people.yaml, then every people_*.yaml: new people, and `extends` items adding offices or aliases."""
    merged: dict[str, dict] = {}
    for path in [DATA / "people.yaml", *sorted(DATA.glob("people_*.yaml"))]:
        for item in _load(path.name) or []:
            if "extends" in item:
                assert item["extends"] in merged, f"{path.name}: extends unknown person {item['extends']!r}"
                target = merged[item["extends"]]
                target["offices"] = [*target.get("offices", []), *item.get("offices", [])]
                target["aliases"] = [*target.get("aliases", []), *item.get("aliases", [])]
                continue
            assert item["id"] not in merged, f"{path.name}: person {item['id']!r} is already defined"
            merged[item["id"]] = dict(item)
    return list(merged.values())


@pytest.fixture(scope="module")
def people():
    return _merged_people()


@pytest.fixture(scope="module")
def roles():
    return _load("roles.yaml")


@pytest.fixture(scope="module")
def regions():
    return _load("regions.yaml")


def _date(value, where: str) -> dt.date | None:
    """A date from YAML: PyYAML gives datetime.date for unquoted ISO dates; a quoted string must parse too."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        raise AssertionError(f"{where}: {value!r} has a time; dates are YYYY-MM-DD")
    if isinstance(value, dt.date):
        return value
    assert isinstance(value, str), f"{where}: {value!r} is not a date"
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise AssertionError(f"{where}: {value!r} is not an ISO date YYYY-MM-DD") from None


def _fold(name: str) -> str:
    """Accents are optional when matching names, so "Erdoğan" and "Erdogan" are the same key."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


# --------------------------------------------------------------------------------------------- loading and shape


def test_files_load(organisations, people, roles):
    assert isinstance(organisations, list) and organisations
    assert isinstance(people, list) and people
    assert isinstance(roles, dict) and roles.get("offices") and roles.get("groups")


def test_organisation_fields(organisations):
    for org in organisations:
        where = org.get("id", org)
        assert isinstance(org.get("id"), str) and org["id"] == org["id"].upper(), f"{where}: id must be upper case"
        assert isinstance(org.get("name"), str) and org["name"].strip(), f"{where}: name"
        assert isinstance(org.get("aliases", []), list), f"{where}: aliases must be a list"
        assert all(isinstance(a, str) and a.strip() for a in org.get("aliases", [])), f"{where}: empty alias"
        assert org.get("type") == "ORG", f"{where}: type"
        nouns = org.get("nouns", [])
        assert isinstance(nouns, list) and all(isinstance(n, str) and n == n.lower() for n in nouns), \
            f"{where}: nouns must be a list of lower-case words"


def test_person_fields(people):
    for person in people:
        where = person.get("id", person)
        assert isinstance(person.get("id"), str) and person["id"] == person["id"].lower(), \
            f"{where}: id must be lower case"
        assert isinstance(person.get("name"), str) and person["name"].strip(), f"{where}: name"
        assert isinstance(person.get("aliases", []), list), f"{where}: aliases must be a list"
        assert all(isinstance(a, str) and a.strip() for a in person.get("aliases", [])), f"{where}: empty alias"
        assert person.get("gender") in {"male", "female"}, f"{where}: gender"
        assert isinstance(person.get("offices"), list) or (
            "offices" not in person and person.get("sector") in PLOVER_SECTORS
        ), f"{where}: offices must be a list (or, for a person who held none, a sector)"
        for office in (person.get("offices") or []):
            assert {"office", "of", "sector", "start", "end", "source"} <= set(office), \
                f"{where}: office {office} lacks a field"
            assert isinstance(office["source"], str) and office["source"].strip(), f"{where}: source"


# --------------------------------------------------------------------------------------------- ids and codes


def test_ids_unique_across_organisations_and_people(organisations, people, regions):
    seen = defaultdict(int)
    for entry in organisations + people + regions:
        seen[entry["id"]] += 1
    assert not [i for i, n in seen.items() if n > 1], "duplicate ids"


def test_organisation_ids_do_not_shadow_country_codes(organisations):
    assert not [o["id"] for o in organisations if o["id"] in COUNTRY_CODES]


def test_organisation_countries_are_known_codes(organisations):
    bad = [(o["id"], o["country"]) for o in organisations if o.get("country") not in COUNTRY_CODES]
    assert not bad


def test_person_countries_are_known_codes(people):
    bad = [(p["id"], p.get("country")) for p in people if p.get("country") not in COUNTRY_CODES]
    assert not bad


def test_office_of_is_a_country_or_an_organisation(organisations, people):
    org_ids = {o["id"] for o in organisations}
    bad = [(p["id"], o["of"]) for p in people for o in (p.get("offices") or [])
           if o["of"] not in COUNTRY_CODES and o["of"] not in org_ids]
    assert not bad


def test_sectors_are_plover(organisations, people, roles):
    bad = [o["id"] for o in organisations if o.get("sector") not in PLOVER_SECTORS]
    bad += [p["id"] for p in people for o in (p.get("offices") or []) if o["sector"] not in PLOVER_SECTORS]
    bad += [o["office"] for o in roles["offices"] if o.get("sector") not in PLOVER_SECTORS]
    bad += [tuple(g["nouns"][:2]) for g in roles["groups"] if g.get("sector") not in PLOVER_SECTORS]
    assert not bad


def test_office_sector_follows_organisation(organisations, people, roles):
    """An office of an organisation takes the organisation's sector, an office of a state the role's sector."""
    org_sector = {o["id"]: o["sector"] for o in organisations}
    role_sector = {o["office"]: o["sector"] for o in roles["offices"]}
    bad = []
    for p in people:
        for o in (p.get("offices") or []):
            expected = org_sector.get(o["of"], role_sector.get(o["office"]))
            if o["sector"] != expected:
                bad.append((p["id"], o["office"], o["of"], o["sector"], expected))
    assert not bad


# --------------------------------------------------------------------------------------------- names


def test_no_name_or_alias_names_two_entries(organisations, people, regions):
    """A name or alias (accents ignored, case kept) must point to one entry only: ambiguous surnames stay out."""
    owners = defaultdict(set)
    for entry in organisations + people + regions:
        for name in [entry["name"], *entry.get("aliases", [])]:
            owners[_fold(name)].add(entry["id"])
    clashes = {name: sorted(ids) for name, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_names_do_not_clash_with_countries(organisations, people):
    """No organisation or person name may equal a state's name, demonym, capital or seat (accents ignored)."""
    path = DATA / "countries.yaml"
    if not path.exists():
        pytest.skip("countries.yaml not there yet")
    countries = _load("countries.yaml")
    state_words = defaultdict(set)
    for state in countries:
        words = [state.get("name"), state.get("capital"), *(state.get("names") or []),
                 *(state.get("demonyms") or []), *(state.get("seats") or {})]
        for word in words:
            if word:
                state_words[_fold(word)].add(state["id"])
    clashes = [(entry["id"], name, sorted(state_words[_fold(name)]))
               for entry in organisations + people
               for name in [entry["name"], *entry.get("aliases", [])]
               if _fold(name) in state_words]
    assert not clashes


# --------------------------------------------------------------------------------------------- roles


def test_roles_shape(roles):
    keys = [o["office"] for o in roles["offices"]]
    assert len(keys) == len(set(keys)), "duplicate office keys"
    titles = [t for o in roles["offices"] for t in o["titles"]]
    nouns = [n for g in roles["groups"] for n in g["nouns"]]
    assert all(t == t.lower() for t in titles), "titles must be lower case"
    assert all(n == n.lower() for n in nouns), "group nouns must be lower case"
    assert len(titles) == len(set(titles)), "a title belongs to two offices"
    assert len(nouns) == len(set(nouns)), "a noun belongs to two groups"
    assert not set(titles) & set(nouns), "a word is both an office title and a group noun"
    for office in roles["offices"]:
        assert isinstance(office.get("shared", False), bool), office["office"]


def test_office_keys_exist_in_roles(people, roles):
    keys = {o["office"] for o in roles["offices"]}
    bad = sorted({o["office"] for p in people for o in (p.get("offices") or []) if o["office"] not in keys})
    assert not bad


# --------------------------------------------------------------------------------------------- dates


def test_dates_parse_and_start_before_end(people):
    bad = []
    for p in people:
        for o in (p.get("offices") or []):
            where = f"{p['id']} {o['office']} of {o['of']}"
            start = _date(o["start"], where)
            end = _date(o["end"], where)
            if start is None:
                bad.append(f"{where}: no start date")
            elif end is not None and end < start:
                bad.append(f"{where}: ends {end} before it starts {start}")
    assert not bad


def test_no_single_holder_office_held_by_two_people_at_once(people, roles):
    """Same office and same `of`, overlapping dates: not allowed unless the office is shared.

    Touching ranges are fine: an outgoing holder's end date may be the incoming holder's start date.
    """
    shared = {o["office"] for o in roles["offices"] if o.get("shared")}
    terms = defaultdict(list)
    for p in people:
        for o in (p.get("offices") or []):
            if o["office"] in shared:
                continue
            start = _date(o["start"], p["id"])
            end = _date(o["end"], p["id"]) or dt.date.max
            terms[(o["office"], o["of"])].append((start, end, p["id"]))
    clashes = []
    for key, spans in terms.items():
        spans.sort()
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            if s2 < e1:
                clashes.append((key, p1, str(s1), str(e1), p2, str(s2), str(e2)))
    assert not clashes


def test_source_marks_precision(people):
    bad = [(p["id"], o["office"]) for p in people for o in (p.get("offices") or [])
           if "precision" not in o["source"]]
    assert not bad

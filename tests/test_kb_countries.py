"""Checks of the states in the actor knowledge base (newsgraph/actors/data/countries.yaml)."""

import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pycountry
import pytest
import yaml

COUNTRIES = Path(__file__).resolve().parents[1] / "newsgraph" / "actors" / "data" / "countries.yaml"

KEYS = {"id", "name", "names", "demonyms", "capital", "seats"}
OPTIONAL_KEYS = {"independent"}  # a state independent within the years news is coded for: since when, from which state
NON_ISO_IDS = {"PSE", "KOS"}  # PSE is also ISO; KOS (Kosovo) is not
SEAT_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP"}

# The 193 member states of the United Nations, by ISO 3166 alpha-3 code.
UN_MEMBERS = frozenset("""
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
    BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
    CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
    FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
    IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
    LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
    NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
    MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
    ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
    UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
UN_OBSERVERS = frozenset({"VAT", "PSE"})


@pytest.fixture(scope="module")
def entries():
    with COUNTRIES.open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    assert isinstance(data, list)
    return data


def _fold(text):
    """The form under which two strings would match the same text: accents, case, curly quotes and a leading "the"
    do not count."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()
    return text[4:] if text.startswith("the ") else text


def _strings(entry):
    yield entry["name"]
    yield from entry["names"]
    yield from entry["demonyms"]
    yield from entry["seats"]


def test_kb_countries_un_member_list_is_complete():
    assert len(UN_MEMBERS) == 193


def test_kb_countries_entries_have_the_keys(entries):
    ids = {entry["id"] for entry in entries}
    for entry in entries:
        assert isinstance(entry, dict), entry
        assert KEYS <= set(entry) <= KEYS | OPTIONAL_KEYS, entry.get("id")
        if "independent" in entry:
            independent = entry["independent"]
            assert isinstance(independent["since"], date) and independent["from"] in ids, entry["id"]
        assert isinstance(entry["name"], str) and entry["name"].strip(), entry["id"]
        assert isinstance(entry["capital"], str) and entry["capital"].strip(), entry["id"]
        for key in ("names", "demonyms"):
            assert isinstance(entry[key], list), (entry["id"], key)
            for value in entry[key]:
                assert isinstance(value, str) and value.strip(), (entry["id"], key, value)
        assert isinstance(entry["seats"], dict), entry["id"]
        for seat in entry["seats"]:
            assert isinstance(seat, str) and seat.strip(), (entry["id"], seat)


def test_kb_countries_ids_unique(entries):
    ids = [entry["id"] for entry in entries]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates


def test_kb_countries_ids_are_codes(entries):
    for entry in entries:
        code = entry["id"]
        assert code in NON_ISO_IDS or pycountry.countries.get(alpha_3=code) is not None, code


def test_kb_countries_all_un_members_and_observers_present(entries):
    ids = {entry["id"] for entry in entries}
    assert not UN_MEMBERS - ids
    assert not UN_OBSERVERS - ids
    assert {"KOS", "TWN"} <= ids


def test_kb_countries_seat_sectors(entries):
    for entry in entries:
        for seat, sector in entry["seats"].items():
            assert sector in SEAT_SECTORS, (entry["id"], seat, sector)


def test_kb_countries_no_string_claimed_twice(entries):
    claims = defaultdict(set)
    for entry in entries:
        for text in _strings(entry):
            claims[_fold(text)].add(entry["id"])
    shared = {text: sorted(ids) for text, ids in claims.items() if len(ids) > 1}
    assert not shared


def test_kb_countries_no_lower_case_us(entries):
    for entry in entries:
        for text in _strings(entry):
            assert text not in {"us", "the us"}, entry["id"]


def test_kb_countries_examples(entries):
    by_id = {entry["id"]: entry for entry in entries}
    assert by_id["TUR"]["name"] == "Turkey" and "Türkiye" in by_id["TUR"]["names"]
    assert {"US", "U.S.", "America"} <= set(by_id["USA"]["names"])
    assert by_id["USA"]["seats"]["the Pentagon"] == "MIL"
    assert by_id["RUS"]["seats"]["the Kremlin"] == "GOV"
    assert by_id["PSE"]["seats"]["Ramallah"] == "GOV"
    assert by_id["ISR"]["seats"]["Jerusalem"] == "GOV"
    assert "Congo" in by_id["COD"]["names"]
    assert "Palestinian Authority" not in by_id["PSE"]["names"]

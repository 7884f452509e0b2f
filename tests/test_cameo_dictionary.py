"""Reading CAMEO / PETRARCH / Phoenix actor dictionaries (newsgraph.actors.cameo). Fast: no spaCy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.actors.cameo import DictionaryProblem, DictionaryRead, read_cameo_dictionary
from newsgraph.actors.kb import Entry, KnowledgeBase
from newsgraph.errors import KnowledgeBaseError

SAMPLE = Path(__file__).resolve().parent / "data" / "sample.actors.txt"
SAMPLE_LINES = SAMPLE.read_text("utf-8").splitlines()


def line_of(marker: str) -> int:
    """The 1-based number of the one sample line holding ``marker``."""
    (number,) = [i for i, text in enumerate(SAMPLE_LINES, start=1) if marker in text]
    return number


@pytest.fixture(scope="module")
def sample() -> DictionaryRead:
    return read_cameo_dictionary(SAMPLE)


@pytest.fixture(scope="module")
def by_id(sample: DictionaryRead) -> dict[str, Entry]:
    return {e.id: e for e in sample.entries}


def read_text(tmp_path: Path, text: str) -> DictionaryRead:
    path = tmp_path / "dict.actors.txt"
    path.write_text(text, encoding="utf-8")
    return read_cameo_dictionary(path)


# ---------------------------------------------------------------------------------------------- good entries


def test_sample_reads_every_good_entry_in_file_order(sample: DictionaryRead) -> None:
    assert [e.id for e in sample.entries] == [
        "cameo:CAMBODIA", "cameo:HUN_SEN", "cameo:NORODOM_SIHAMONI", "cameo:NORODOM_SIHANOUK", "cameo:MAM_BUN_HENG",
        "cameo:ANGELA_MERKEL", "cameo:ION_ILIESCU", "cameo:SHINZO_ABE", "cameo:JOSÉ_RAMOS-HORTA", "cameo:KOFI_ANNAN",
        "cameo:UNITED_NATIONS", "cameo:UN_SECURITY_COUNCIL", "cameo:NATO", "cameo:EUROPEAN_UNION",
        "cameo:KHMER_TIMES", "cameo:PHNOM_PENH_POST", "cameo:CAMBODIAN_PEOPLE'S_PARTY", "cameo:CALMETTE_HOSPITAL",
        "cameo:KHMER_ROUGE",
    ]  # fmt: skip


def test_names_and_synonyms_become_title_case_aliases(by_id: dict[str, Entry]) -> None:
    cambodia = by_id["cameo:CAMBODIA"]
    assert cambodia.name == "Cambodia"
    assert cambodia.aliases == ("Cambodian", "Kingdom of Cambodia", "Phnom Penh")
    assert by_id["cameo:HUN_SEN"].name == "Hun Sen"
    assert by_id["cameo:HUN_SEN"].aliases == ("Samdech Hun Sen",)
    assert by_id["cameo:JOSÉ_RAMOS-HORTA"].name == "José Ramos-Horta"
    assert by_id["cameo:CAMBODIAN_PEOPLE'S_PARTY"].name == "Cambodian People's Party"


def test_short_codes_keep_their_upper_case_form(by_id: dict[str, Entry]) -> None:
    un = by_id["cameo:UNITED_NATIONS"]
    assert un.name == "United Nations"
    assert un.aliases == ("UN", "U.N.")  # no "Un": an organisation's three-letter word is an acronym
    assert "NATO" in by_id["cameo:NATO"].aliases
    assert "North Atlantic Treaty Organization" in by_id["cameo:NATO"].aliases
    assert by_id["cameo:CAMBODIAN_PEOPLE'S_PARTY"].aliases == ("CPP",)
    assert "UN Security Council" in by_id["cameo:UN_SECURITY_COUNCIL"].aliases
    assert {"Abe", "ABE"} <= set(by_id["cameo:SHINZO_ABE"].aliases)  # a person's short surname keeps title case


def test_undated_entries_are_organisations_with_plover_codes(by_id: dict[str, Entry]) -> None:
    expected = {
        "cameo:CAMBODIA": ("KHM", None),
        "cameo:UNITED_NATIONS": ("UNO", None),  # IGOUNO: the UN system
        "cameo:NATO": ("IGO", None),  # IGOWSTNAT: region and organisation codes are not sectors
        "cameo:EUROPEAN_UNION": ("EUR", None),  # IGOEUREEC: the EU
        "cameo:KHMER_TIMES": ("KHM", "JRN"),  # CAMEO MED (media) is PLOVER JRN
        "cameo:CALMETTE_HOSPITAL": ("KHM", "MED"),  # CAMEO HLH (health) is PLOVER MED
        "cameo:CAMBODIAN_PEOPLE'S_PARTY": ("KHM", "PTY"),
        "cameo:KHMER_ROUGE": ("KHM", "REB"),  # CAMEO INS (insurgents) is PLOVER REB
    }
    for entry_id, (country, sector) in expected.items():
        entry = by_id[entry_id]
        assert (entry.kind, entry.entity_type, entry.country, entry.sector, entry.offices) == (
            "org", "ORG", country, sector, ()
        ), entry_id  # fmt: skip


def test_dated_entries_are_people(by_id: dict[str, Entry]) -> None:
    hun_sen = by_id["cameo:HUN_SEN"]
    assert (hun_sen.kind, hun_sen.entity_type, hun_sen.country, hun_sen.sector) == ("person", "PERSON", "KHM", "ELI")
    assert [(o.office, o.of, o.sector, o.start, o.end) for o in hun_sen.offices] == [
        ("role", "KHM", "ELI", date(1970, 1, 1), date(1985, 1, 13)),
        ("role", "KHM", "GOV", date(1985, 1, 14), date(1993, 7, 2)),
        ("role", "KHM", "GOV", date(1993, 9, 24), date(2023, 8, 22)),
    ]
    assert hun_sen.offices[1].source == f"CAMEO dictionary sample.actors.txt:{line_of('[KHMGOV 850114-930702]')}"


def test_office_on_a_date_follows_the_dated_codes(by_id: dict[str, Entry]) -> None:
    hun_sen = by_id["cameo:HUN_SEN"]
    assert hun_sen.office_on(date(1980, 6, 1)).sector == "ELI"  # type: ignore[union-attr]
    assert hun_sen.office_on(date(1990, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert hun_sen.office_on(date(2010, 1, 1)).start == date(1993, 9, 24)  # type: ignore[union-attr]
    merkel = by_id["cameo:ANGELA_MERKEL"]
    assert merkel.office_on(date(2000, 1, 1)).sector == "LEG"  # type: ignore[union-attr]
    assert merkel.office_on(date(2015, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    sihamoni = by_id["cameo:NORODOM_SIHAMONI"]  # >041014: from that day on, with no end
    assert sihamoni.office_on(date(2004, 10, 13)) is None
    assert sihamoni.office_on(date(2004, 10, 14)).sector == "GOV"  # type: ignore[union-attr]
    assert sihamoni.office_on(date(2030, 1, 1)).end is None  # type: ignore[union-attr]
    sihanouk = by_id["cameo:NORODOM_SIHANOUK"]  # <041007: until that day, two codes on one line
    assert sihanouk.office_on(date(1960, 1, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert sihanouk.office_on(date(2004, 10, 7)) is not None
    assert sihanouk.office_on(date(2004, 10, 8)) is None
    abe = by_id["cameo:SHINZO_ABE"]
    assert abe.office_on(date(2007, 1, 1)).of == "JPN"  # type: ignore[union-attr]  # old CAMEO JAP -> JPN


def test_default_code_applies_outside_dated_spans(by_id: dict[str, Entry]) -> None:
    hun_sen = by_id["cameo:HUN_SEN"]
    assert hun_sen.office_on(date(1993, 8, 1)) is None  # between two spans
    assert hun_sen.office_on(date(2024, 1, 1)) is None  # after the last span
    assert (hun_sen.country, hun_sen.sector) == ("KHM", "ELI")
    abe = by_id["cameo:SHINZO_ABE"]
    assert abe.office_on(date(2010, 1, 1)) is None
    assert (abe.country, abe.sector) == ("JPN", "LEG")
    annan = by_id["cameo:KOFI_ANNAN"]  # a UN office; a Ghanaian otherwise
    assert (annan.office_on(date(2000, 1, 1)).of, annan.country) == ("UNO", "GHA")  # type: ignore[union-attr]


def test_old_country_codes_and_secondary_sectors(by_id: dict[str, Entry]) -> None:
    iliescu = by_id["cameo:ION_ILIESCU"]  # ROM -> ROU; two dated codes on the entry's own line; 00 -> 2000
    assert [(o.of, o.start) for o in iliescu.offices] == [("ROU", date(1990, 6, 20)), ("ROU", date(2000, 12, 20))]
    assert iliescu.country == "ROU"
    assert by_id["cameo:JOSÉ_RAMOS-HORTA"].country == "TLS"  # TMP -> TLS
    mam = by_id["cameo:MAM_BUN_HENG"]  # KHMGOVHLH: GOV is the primary sector, HLH a secondary one
    assert mam.office_on(date(2004, 1, 1)).sector == "GOV"  # type: ignore[union-attr]


# ---------------------------------------------------------------------------------------------- problems


def test_each_malformed_line_is_reported_with_its_line_and_reason(sample: DictionaryRead) -> None:
    expected = [
        (line_of("a code line before any entry"), "code with no entry above it"),
        (line_of("a synonym before any entry"), "synonym with no entry above it"),
        (line_of("unclosed bracket"), "unclosed"),
        (line_of("SAM_RAINSY_"), "no readable code"),
        (line_of("[KHMOPP 1999-2000]"), "bad date '1999-2000'"),
        (line_of("991340"), "bad date 991340"),
        (line_of("%%%@@@!!!"), "invalid characters"),
        (line_of("[KHMXYZ]"), "unknown sector code XYZ"),
        (line_of("the same phrase again"), f"HUN_SEN already read at line {line_of('HUN_SEN_  # prime')}"),
    ]
    got = [(p.line, p.reason) for p in sample.problems]
    assert len(got) == len(expected)
    for (line, reason), (want_line, want_reason) in zip(got, expected, strict=True):
        assert line == want_line
        assert want_reason in reason
    for problem in sample.problems:
        assert problem.source == str(SAMPLE)
        assert problem.text == SAMPLE_LINES[problem.line - 1]


def test_entries_around_malformed_lines_still_read(by_id: dict[str, Entry]) -> None:
    mam = by_id["cameo:MAM_BUN_HENG"]  # its unclosed code is dropped, the codes around it are kept
    assert len(mam.offices) == 1 and (mam.country, mam.sector) == ("KHM", "ELI")
    merkel = by_id["cameo:ANGELA_MERKEL"]  # the bad-date code is dropped, the others are kept
    assert len(merkel.offices) == 2 and merkel.sector == "ELI"
    assert "cameo:SAM_RAINSY" not in by_id  # its only code was unreadable
    assert by_id["cameo:EUROPEAN_UNION"].aliases == ()  # the garbage line after it is not read into it
    assert by_id["cameo:KHMER_TIMES"].sector == "JRN"
    post = by_id["cameo:PHNOM_PENH_POST"]  # an unknown primary sector keeps the country
    assert (post.country, post.sector) == ("KHM", None)
    assert by_id["cameo:KHMER_ROUGE"].country == "KHM"
    assert len(by_id["cameo:HUN_SEN"].offices) == 3  # the later duplicate adds nothing


def test_codes_below_an_unreadable_entry_line_go_nowhere(tmp_path: Path) -> None:
    read = read_text(tmp_path, "FIRST_ONE_  [KHM]\nBAD!!_\n\t[USAGOV 900101-910101]\n+ALIAS_\nNEXT_ONE_ [FRA]\n")
    first, after = read.entries
    assert (first.aliases, first.offices, first.kind, after.country) == ((), (), "org", "FRA")
    assert [(p.line, p.reason) for p in read.problems] == [
        (2, "invalid characters in 'BAD!!'"),
        (3, "code with no entry above it"),
        (4, "synonym with no entry above it"),
    ]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("[KHMGOV 850101-840101]", "ends before it starts"),
        ("[KHMGOV 850101-840101 x]", "too many fields"),
        ("[KHgov]", "bad code"),
        ("[]", "empty brackets"),
        ("[XXXGOV]", "unknown country code XXX"),
        ("]KHM[", "unclosed or unbalanced bracket"),
        ("[KHM] junk", "text outside brackets"),
    ],
)
def test_bad_codes(tmp_path: Path, code: str, reason: str) -> None:
    read = read_text(tmp_path, f"FIRST_ [KHM]\nSECOND_\n\t{code}\n\t[KHMGOV 900101-910101]\nTHIRD_ [THA]\n")
    assert [e.id for e in read.entries] == ["cameo:FIRST", "cameo:SECOND", "cameo:THIRD"]
    assert len(read.problems) == 1
    assert (read.problems[0].line, read.problems[0].text) == (3, f"\t{code}")
    assert reason in read.problems[0].reason


def test_second_undated_code_is_reported(tmp_path: Path) -> None:
    read = read_text(tmp_path, "ACME_  [USABUS]\n\t[GBRBUS]\n")
    assert (read.entries[0].country, read.entries[0].sector) == ("USA", "BUS")
    assert [(p.line, p.reason) for p in read.problems] == [
        (2, "second undated code ignored (the default is the one on line 1)")
    ]


def test_latin1_line_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.actors.txt"
    path.write_bytes("JOSÉ_RAMOS-HORTA_\n+RAMOS-HORTA_\n\t[TLSGOV 070520-120520]\n".encode("latin-1"))
    read = read_cameo_dictionary(path)
    assert read.entries[0].name == "José Ramos-Horta"
    assert read.problems == (
        DictionaryProblem(str(path), 1, "not valid UTF-8; read as Latin-1", "JOSÉ_RAMOS-HORTA_"),
    )


def test_date_forms_and_two_digit_year_pivot(tmp_path: Path) -> None:
    text = (
        "A_PERSON_\n"
        "\t[USAGOV 291231-300101]\n"  # 2029-12-31 .. 1930-01-01: a span ending before it starts
        "\t[USAGOV 300101-291231]\n"  # 1930 .. 2029
        "\t[USALEG 19450101-19460101]\n"
        "\t[USAMIL 000101-]\n"
        "\t[USACOP -991231]\n"
        "\t[USA 500101-510101]\n"  # no sector in a dated code: UNK
    )
    read = read_text(tmp_path, text)
    spans = [(o.sector, o.start, o.end) for o in read.entries[0].offices]
    assert spans == [
        ("COP", None, date(1999, 12, 31)),
        ("GOV", date(1930, 1, 1), date(2029, 12, 31)),
        ("LEG", date(1945, 1, 1), date(1946, 1, 1)),
        ("UNK", date(1950, 1, 1), date(1951, 1, 1)),
        ("MIL", date(2000, 1, 1), None),
    ]
    assert [(p.line, p.reason) for p in read.problems] == [(2, "date span 291231-300101 ends before it starts")]
    assert (read.entries[0].country, read.entries[0].sector) == (None, None)  # no default code


def test_names_of_tricky_phrases(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "ABU_BAKR_AL-BAGHDADI_ [IMG]",
            "PATRICK_O'NEILL_ [IRL]",
            "A.Q._KHAN_ [PAK]",
            "PKK_ [TURREB]",
            "ST_PETERSBURG_ [RUS]",
        ]
    )
    read = read_text(tmp_path, "\ufeff" + text)  # a byte-order mark before the first line is ignored
    names = [e.name for e in read.entries]
    assert names == ["Abu Bakr al-Baghdadi", "Patrick O'Neill", "A.Q. Khan", "PKK", "St Petersburg"]
    assert read.problems == ()


def test_missing_file_raises_a_knowledge_base_error(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="cannot read the dictionary"):
        read_cameo_dictionary(tmp_path / "nope.txt")


# ---------------------------------------------------------------------------------------------- the KB


def test_entries_load_into_a_knowledge_base(sample: DictionaryRead) -> None:
    kb = KnowledgeBase()
    for entry in sample.entries:
        kb.add(entry, entry.aliases)
    assert [e.id for e in kb.lookup("Hun Sen")] == ["cameo:HUN_SEN"]
    assert [e.id for e in kb.lookup("Samdech Hun Sen")] == ["cameo:HUN_SEN"]
    assert [e.id for e in kb.lookup("Merkel")] == ["cameo:ANGELA_MERKEL"]
    assert [e.id for e in kb.lookup("UN")] == ["cameo:UNITED_NATIONS"]
    assert [e.id for e in kb.lookup("U.N.")] == ["cameo:UNITED_NATIONS"]
    assert [e.id for e in kb.lookup("NATO")] == ["cameo:NATO"]
    assert [e.id for e in kb.lookup("Jose Ramos-Horta")] == ["cameo:JOSÉ_RAMOS-HORTA"]  # accents optional
    assert kb.lookup("hun sen") == []  # names are case-sensitive
    assert kb.holder("role", "KHM", date(1990, 1, 1)) is not None


# ---------------------------------------------------------------------------------------------- size


def test_a_large_generated_dictionary_reads(tmp_path: Path) -> None:
    lines: list[str] = []
    for i in range(4000):
        name = f"PERSON_{_letters(i)}_"
        lines += [name, f"+{_letters(i)}_SYNONYM_", "\t[USAGOV 900101-951231]", "\t[USAELI]", "# comment"]
    assert len(lines) == 20000
    path = tmp_path / "big.actors.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = read_cameo_dictionary(path)
    assert len(read.entries) == 4000 and read.problems == ()
    assert read.entries[-1].office_on(date(1991, 1, 1)) is not None


def _letters(n: int) -> str:
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out += chr(ord("A") + r)
    return out

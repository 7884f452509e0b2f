"""Read actor dictionaries in the CAMEO / PETRARCH / Phoenix text format into knowledge-base entries.

The format is described in ``docs/cameo-dictionaries.md`` of the shared docs; in short::

    CAMBODIA_  [KHM]            # an entry: a phrase (words joined by "_"), optionally a code on the same line
    +KINGDOM_OF_CAMBODIA_       # a synonym of the entry above
    HUN_SEN_
        [KHMGOV 850114-930702]  # a dated code: YYMMDD-YYMMDD, >YYMMDD (from), <YYMMDD (until), or YYYYMMDD dates
        [KHMELI]                # the undated (default) code

``read_cameo_dictionary`` returns the entries it could read and one ``DictionaryProblem`` per line it could not
(file, 1-based line, reason, text); it never stops at a bad line. The file is read line by line.

Decisions:

- Kind. An entry with at least one dated code is a person (kind ``person``, entity type ``PERSON``); an entry with
  only undated codes is an organisation (kind ``org``, entity type ``ORG``). The format cannot tell a person coded
  only by a default code from an organisation, nor a state from an organisation, so no other kind is produced.
- Persons. Each dated code becomes ``Office(office="role", of=<country>, sector=<PLOVER sector>, start, end,
  source="CAMEO dictionary <file name>:<line>")``; ``<YYMMDD`` and the end of a span are inclusive. A dated code
  without a readable sector gives sector ``UNK``. The first undated code gives the entry's ``country`` and
  ``sector`` (what applies on a day no office covers); a person without one has country and sector None.
- Dates. Two-digit years 00-29 are 2000-2029, 30-99 are 1930-1999 (``700101`` is 1970-01-01, ``041014`` is
  2004-10-14). Eight-digit dates are YYYYMMDD.
- Ids are ``cameo:`` + the upper-case phrase (``cameo:HUN_SEN``), so they never replace a shipped entry; the same
  phrase read from another dictionary replaces the earlier one when added to a KnowledgeBase. A phrase met twice in
  one file is reported and the later entry ignored. An entry left with no readable code is reported and skipped.
- Names. The phrase becomes a title-case name ("HUN_SEN_" -> "Hun Sen", "KINGDOM_OF_CAMBODIA_" -> "Kingdom of
  Cambodia", "A.Q._KHAN_" -> "A.Q. Khan"); words without vowels stay upper case ("PKK"). Aliases (case-sensitive
  forms for the matcher) are the title-case form of every phrase and synonym, plus the upper-case form of a
  single-word phrase of up to six letters ("UN", "NATO") and, for phrases holding two-letter words, a form with
  those words upper case ("UN_SECURITY_COUNCIL_" -> "UN Security Council"). For an organisation, a single word of
  up to three letters gives only the upper-case form (no "Un" for "UN"); its name is upper case too.
- Country codes. ISO 3166 alpha-3 codes (current or withdrawn, e.g. YUG), PSE, KOS and PLOVER's non-state codes
  IGO, UNO, EUR, NGO, IMG, MNC, ISM are kept. Older codes are mapped: ROM -> ROU, ZAR -> COD, TMP -> TLS,
  BUR -> MMR, JAP -> JPN. ``IGOUNO...`` is the UN system (UNO); ``IGOEUREEC...`` is the EU (EUR); any other
  ``IGO...`` is IGO. Note CAMEO's bare ``EUR`` (Europe) is kept as PLOVER's EUR (the EU). An unknown country code
  is reported and the code ignored.
- Sector codes. CAMEO -> PLOVER: MED (media) -> JRN, HLH (health) -> MED, INS (insurgents) -> REB,
  SEP (separatists) -> REB; the PLOVER sectors (GOV MIL REB PTY COP JUD LEG JRN CVL ELI OPP BUS EDU REF REL LAB SPY
  PRM UAF CRM AGR SOC UNK) are kept. RAD and MOD (radical, moderate) are qualifiers, not sectors, and are skipped.
  After a state code the first sector is the primary one: unknown, it is reported and the sector is None;
  further codes are ignored. After a non-state code (IGO, NGO, ...) the first known sector is taken, others
  (organisation and region codes such as ``WSTNAT``) are ignored without a report.
- Encoding. A line that is not valid UTF-8 is read as Latin-1 and reported (it is still parsed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import pycountry

from newsgraph.actors.kb import Entry, Office
from newsgraph.errors import KnowledgeBaseError

__all__ = ["DictionaryProblem", "DictionaryRead", "read_cameo_dictionary"]


@dataclass(frozen=True)
class DictionaryProblem:
    """A line of a dictionary that could not be read (or was read only in part)."""

    source: str
    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class DictionaryRead:
    """What a dictionary file gave: entries ready for ``KnowledgeBase.add(entry, entry.aliases)`` and problems."""

    entries: tuple[Entry, ...]
    problems: tuple[DictionaryProblem, ...]


# ---------------------------------------------------------------------------------------------- codes

_OLD_COUNTRY_CODES = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "BUR": "MMR", "JAP": "JPN"}
_NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"})
_PLOVER_SECTORS = frozenset(
    "GOV MIL REB PTY COP JUD LEG JRN CVL ELI OPP BUS EDU REF REL LAB SPY PRM UAF CRM AGR SOC UNK".split()
)
_CAMEO_SECTORS = {"MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB"}
_QUALIFIERS = frozenset({"RAD", "MOD"})

_CODE = re.compile(r"(?:[A-Z]{3})+")
_DAY = r"(\d{8}|\d{6})"
_SPAN = re.compile(rf"{_DAY}-{_DAY}")
_FROM = re.compile(rf">{_DAY}|{_DAY}-")
_UNTIL = re.compile(rf"<{_DAY}|-{_DAY}")


class _LineError(Exception):
    """A part of a line that cannot be read; the message is the reason reported."""


@dataclass(frozen=True)
class _Code:
    country: str
    sector: str | None
    start: date | None
    end: date | None
    dated: bool
    line: int


@cache
def _known_countries() -> frozenset[str]:
    current = {c.alpha_3 for c in pycountry.countries}
    withdrawn = {c.alpha_3 for c in pycountry.historic_countries if hasattr(c, "alpha_3")}
    return frozenset(current | withdrawn | {"PSE", "KOS"} | _NON_STATE)


def _plover_sector(code: str) -> str | None:
    if code in _CAMEO_SECTORS:
        return _CAMEO_SECTORS[code]
    return code if code in _PLOVER_SECTORS else None


def _country_of(chunks: list[str]) -> tuple[str, list[str]]:
    """The country of a code split into three-letter chunks, and the chunks left for sectors."""
    head, rest = chunks[0], chunks[1:]
    if head == "IGO" and rest[:1] == ["UNO"]:
        return "UNO", rest[1:]
    if head == "IGO" and rest[:2] == ["EUR", "EEC"]:
        return "EUR", rest[2:]
    country = _OLD_COUNTRY_CODES.get(head, head)
    if country not in _known_countries():
        raise _LineError(f"unknown country code {head}")
    return country, rest


def _sector_of(country: str, rest: list[str], notes: list[str]) -> str | None:
    codes = [c for c in rest if c not in _QUALIFIERS]
    if country in _NON_STATE:
        return next((s for s in map(_plover_sector, codes) if s is not None), None)
    if not codes:
        return None
    sector = _plover_sector(codes[0])
    if sector is None:
        notes.append(f"unknown sector code {codes[0]} (sector left empty)")
    return sector


def _to_date(text: str) -> date:
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy < 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError as e:
        raise _LineError(f"bad date {text}") from e


def _dates(spec: str) -> tuple[date | None, date | None]:
    if m := _SPAN.fullmatch(spec):
        start, end = _to_date(m[1]), _to_date(m[2])
        if end < start:
            raise _LineError(f"date span {spec} ends before it starts")
        return start, end
    if m := _FROM.fullmatch(spec):
        return _to_date(m[1] or m[2]), None
    if m := _UNTIL.fullmatch(spec):
        return None, _to_date(m[1] or m[2])
    raise _LineError(f"bad date {spec!r} (expected YYMMDD-YYMMDD, >YYMMDD or <YYMMDD)")


def _parse_code(inside: str, line: int, notes: list[str]) -> _Code:
    """One bracketed code (without its brackets)."""
    fields = inside.split()
    if not fields:
        raise _LineError("empty brackets")
    if len(fields) > 2:
        raise _LineError(f"too many fields in [{inside.strip()}]")
    if not _CODE.fullmatch(fields[0]):
        raise _LineError(f"bad code {fields[0]!r} (expected upper-case three-letter groups)")
    chunks = [fields[0][i : i + 3] for i in range(0, len(fields[0]), 3)]
    country, rest = _country_of(chunks)
    sector = _sector_of(country, rest, notes)
    if len(fields) == 1:
        return _Code(country, sector, None, None, dated=False, line=line)
    start, end = _dates(fields[1])
    return _Code(country, sector, start, end, dated=True, line=line)


# ---------------------------------------------------------------------------------------------- lines

_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
_WORD = re.compile(r"[^\W_][\w.'&/-]*")


def _split_line(text: str) -> tuple[str, list[str], str | None]:
    """A comment-free line as (phrase part, bracket contents, bracket error)."""
    if "[" not in text and "]" not in text:
        return text, [], None
    cut = min((i for i in (text.find("["), text.find("]")) if i >= 0), default=len(text))
    phrase, rest = text[:cut].strip(), text[cut:]
    contents = _BRACKETED.findall(rest)
    leftover = _BRACKETED.sub(" ", rest)
    error = None
    if "[" in leftover or "]" in leftover:
        error = "unclosed or unbalanced bracket"
    elif leftover.strip():
        error = f"text outside brackets: {leftover.strip()!r}"
    return phrase, contents, error


def _phrase_words(phrase: str) -> list[str]:
    """The words of a phrase ("HUN_SEN_" -> ["HUN", "SEN"])."""
    if len(phrase.split(maxsplit=1)) > 1:
        raise _LineError("words of a phrase must be joined by '_'")
    words = [w for w in phrase.split("_") if w]
    if not words:
        raise _LineError("empty phrase")
    bad = [w for w in words if not _WORD.fullmatch(w)]
    if bad:
        raise _LineError(f"invalid characters in {bad[0]!r}")
    return words


def _decode(raw: bytes) -> tuple[str, bool]:
    """A line as text, and whether it had to be read as Latin-1."""
    raw = raw.rstrip(b"\r\n")
    try:
        return raw.decode("utf-8"), False
    except UnicodeDecodeError:
        return raw.decode("latin-1"), True


# ---------------------------------------------------------------------------------------------- names

_LOWER_WORDS = frozenset("of the and for in on at to de del da du des von van der y bin al".split())
_ABBREVIATIONS = frozenset("MR MRS MS DR ST JR SR LT".split())
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")
_VOWELS = frozenset("aeiouyáàâäãåéèêëíìîïóòôöõúùûüý")


def _cap(part: str) -> str:
    low = part.lower()
    if len(low) > 2 and low[1] == "'":  # O'Neill, D'Alema
        return low[0].upper() + "'" + low[2].upper() + low[3:]
    return low[:1].upper() + low[1:]


def _title_word(word: str, first: bool) -> str:
    if _INITIALS.fullmatch(word):
        return word.upper()
    if word.isalpha() and word.upper() not in _ABBREVIATIONS and not _VOWELS & set(word.lower()):
        return word.upper()
    parts = word.split("-")
    out = [_cap(p) for p in parts]
    if not first and parts[0].lower() in _LOWER_WORDS:
        out[0] = parts[0].lower()
    return "-".join(out)


def _title(words: list[str]) -> str:
    return " ".join(_title_word(w, i == 0) for i, w in enumerate(words))


def _forms(words: list[str], org: bool) -> list[str]:
    """Case-sensitive surface forms of a phrase, the preferred name first."""
    title = _title(words)
    if len(words) == 1 and words[0].isalpha() and len(words[0]) <= 6:
        upper = words[0].upper()
        if org and len(upper) <= 3:
            return [upper]
        return [title, upper]
    titled = title.split(" ")
    short = [w.upper() if len(w) == 2 and w.isalpha() and w.lower() not in _LOWER_WORDS else t
             for w, t in zip(words, titled, strict=True)]  # fmt: skip
    return [title, " ".join(short)] if short != titled else [title]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------------- entries


@dataclass
class _Draft:
    key: str
    words: list[str]
    line: int
    synonyms: list[list[str]] = field(default_factory=list)
    codes: list[_Code] = field(default_factory=list)
    texts: dict[int, str] = field(default_factory=dict)  # line number -> text, of the lines read into it


@dataclass
class _Reader:
    source: str
    file_name: str
    drafts: list[_Draft] = field(default_factory=list)
    problems: list[DictionaryProblem] = field(default_factory=list)
    first_line: dict[str, int] = field(default_factory=dict)
    current: _Draft | None = None

    def report(self, line: int, reason: str, text: str) -> None:
        self.problems.append(DictionaryProblem(self.source, line, reason, text))

    def read_line(self, number: int, raw: bytes) -> None:
        text, latin1 = _decode(raw)
        if number == 1:
            text = text.lstrip("\ufeff")
        if latin1:
            self.report(number, "not valid UTF-8; read as Latin-1", text)
        body = text.split("#", 1)[0].strip()
        if not body:
            return
        phrase, contents, bracket_error = _split_line(body)
        try:
            self._read_phrase(number, phrase, text)
        except _LineError as e:
            self.report(number, str(e), text)
            return
        if bracket_error:
            self.report(number, bracket_error, text)
        for inside in contents:
            self._read_code(number, inside, text)

    def _read_phrase(self, number: int, phrase: str, text: str) -> None:
        if phrase.startswith("+"):
            words = _phrase_words(phrase[1:])
            if self.current is None:
                raise _LineError("synonym with no entry above it")
            self.current.synonyms.append(words)
        elif phrase:
            self.current = None  # codes below an unreadable entry line must not go to the entry before it
            self._start_entry(number, _phrase_words(phrase), text)
        elif self.current is None:
            raise _LineError("code with no entry above it")

    def _start_entry(self, number: int, words: list[str], text: str) -> None:
        key = "_".join(words).upper()
        if key in self.first_line:
            raise _LineError(f"phrase {key} already read at line {self.first_line[key]}; this entry is ignored")
        self.first_line[key] = number
        self.current = _Draft(key, words, number, texts={number: text})
        self.drafts.append(self.current)

    def _read_code(self, number: int, inside: str, text: str) -> None:
        assert self.current is not None
        notes: list[str] = []
        self.current.texts[number] = text
        try:
            self.current.codes.append(_parse_code(inside, number, notes))
        except _LineError as e:
            self.report(number, str(e), text)
        for note in notes:
            self.report(number, note, text)

    def entries(self) -> Iterator[Entry]:
        for draft in self.drafts:
            entry = self._build(draft)
            if entry is not None:
                yield entry

    def _build(self, draft: _Draft) -> Entry | None:
        if not draft.codes:
            self.report(draft.line, "entry has no readable code; skipped", draft.texts[draft.line])
            return None
        undated = [c for c in draft.codes if not c.dated]
        for extra in undated[1:]:
            reason = f"second undated code ignored (the default is the one on line {undated[0].line})"
            self.report(extra.line, reason, draft.texts[extra.line])
        default = undated[0] if undated else None
        person = len(undated) < len(draft.codes)
        forms = _unique([f for words in (draft.words, *draft.synonyms) for f in _forms(words, org=not person)])
        return Entry(
            id=f"cameo:{draft.key}", name=forms[0], kind="person" if person else "org",
            country=default.country if default else None, sector=default.sector if default else None,
            entity_type="PERSON" if person else "ORG", aliases=tuple(forms[1:]),
            offices=self._offices(draft) if person else (),
        )  # fmt: skip

    def _offices(self, draft: _Draft) -> tuple[Office, ...]:
        offices = [
            Office(
                office="role", of=c.country, sector=c.sector or "UNK", start=c.start, end=c.end,
                source=f"CAMEO dictionary {self.file_name}:{c.line}",
            )  # fmt: skip
            for c in draft.codes
            if c.dated
        ]
        return tuple(sorted(offices, key=lambda o: o.start or date.min))


def read_cameo_dictionary(path: str | Path) -> DictionaryRead:
    """Read a CAMEO / PETRARCH / Phoenix actor dictionary, line by line.

    Raises KnowledgeBaseError only when the file cannot be opened; every unreadable line becomes a problem.
    """
    path = Path(path)
    reader = _Reader(source=str(path), file_name=path.name)
    try:
        with path.open("rb") as f:
            for number, raw in enumerate(f, start=1):
                reader.read_line(number, raw)
    except OSError as e:
        raise KnowledgeBaseError(f"cannot read the dictionary: {e.strerror or e}", source=str(path)) from e
    entries = tuple(reader.entries())
    problems = tuple(sorted(reader.problems, key=lambda p: p.line))
    return DictionaryRead(entries, problems)

"""The actor knowledge base: states, organisations, people with dated offices, titles and group nouns.

Loaded from the YAML files of ``newsgraph/actors/data`` (format: ``docs/knowledge-base.md``); user files given as
extra paths may add or override entries.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from newsgraph import yaml_events
from newsgraph.errors import KnowledgeBaseError


def fold(text: str) -> str:
    """Text without accents (Erdoğan -> Erdogan) and with straight apostrophes."""
    if text.isascii():  # most words: nothing to fold
        return text
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


@dataclass(frozen=True)
class Office:
    office: str
    of: str
    sector: str
    start: date | None
    end: date | None
    source: str | None = None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One knowledge-base entry: a state, an organisation or a person."""

    id: str
    name: str
    kind: str  # state | org | person
    country: str | None
    sector: str | None
    entity_type: str
    aliases: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()  # common nouns that refer back to it ("the group")
    gender: str | None = None
    offices: tuple[Office, ...] = ()
    # an organisation whose sector changed: (sector, start, end) ("the Taliban": REB, GOV from 2021-08-15)
    periods: tuple[tuple[str, date | None, date | None], ...] = ()
    # an organisation whose state changed: (country, start, end) ("the SPLA": Sudan's rebels, South Sudan's army from
    # its independence on 2011-07-09)
    country_periods: tuple[tuple[str, date | None, date | None], ...] = ()

    def country_on(self, day: date | None) -> str | None:
        """The organisation's country on ``day``; with no date, its lasting country (the SPLA: Sudan)."""
        if day is not None:
            for country, start, end in self.country_periods:
                if (start is None or start <= day) and (end is None or day <= end):
                    return country
        return self.country

    def _last_held(self) -> list[Office]:
        ended = [o for o in self.offices if o.end is not None]
        if not ended:
            return []
        last = max(o.end for o in ended if o.end is not None)
        return [o for o in ended if o.end == last]

    def sector_on(self, day: date | None) -> str | None:
        """The organisation's sector on ``day``; with no date, its lasting sector (the Taliban: REB)."""
        if day is None:
            return self.sector
        for sector, start, end in self.periods:
            if (start is None or start <= day) and (end is None or day <= end):
                return sector
        return self.sector

    def office_on(self, day: date | None, title: str | None = None) -> Office | None:
        """The office held on that day: the one the text's title names, else a state office before a party
        office, else the latest-starting one. With no date, the office the title names (held at any time), else
        the offices held today, else the last one held: an undated text is not taken to speak of a former
        official."""
        if day is None:
            titled = [o for o in self.offices if title is not None and o.office == title]
            if titled:  # "Portuguese Prime Minister Antonio Guterres" on no date: the office the title names
                return max(titled, key=lambda o: o.start or date.min)
            held = [o for o in self.offices if o.end is None] or self._last_held()
        else:
            held = [o for o in self.offices if o.holds_on(day)]
        if not held:
            return None
        named = [o for o in held if title is not None and o.office == title]
        if named:
            return named[-1]
        return max(held, key=lambda o: (o.sector != "PTY", o.start or date.min))


@dataclass(frozen=True)
class Role:
    """A title of one office holder (``office``) or a group noun of an institution (``office`` None)."""

    words: str
    sector: str
    office: str | None = None


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry] = field(default_factory=dict)
    # surface form -> entry ids, case-sensitive names (accents folded)
    names: dict[str, list[str]] = field(default_factory=dict)
    # seat metonym -> (state id, sector)
    seats: dict[str, tuple[str, str]] = field(default_factory=dict)
    # lower-case title/group noun -> Role
    roles: dict[str, Role] = field(default_factory=dict)
    # (office, of) -> person ids holding it at some time
    holders: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # common nouns that refer back to an organisation ("the group")
    ref_nouns: frozenset[str] = frozenset()
    # those of them held by entries other than organisations (a text can name a person or state by title or seat,
    # without the entry's own name)
    unnamed_ref_nouns: frozenset[str] = frozenset()
    # surname (folded, lower case) -> person ids: a fallback for "Mr. Abbas", "President Clinton"
    surnames: dict[str, list[str]] = field(default_factory=dict)
    # demonyms of states, accents folded ("Israelis"): plural, they name a people rather than a state
    demonyms: frozenset[str] = frozenset()
    # names with two readings told apart by the sentence: folded name -> (usual id, cue words, other reading)
    contexts: dict[str, tuple[str, frozenset[str], dict[str, str | None]]] = field(default_factory=dict)
    # states that became independent within the years news is coded for: id -> (day of independence, the state
    # the territory was part of before it): South Sudan's people and places are Sudan's in a story of 1998
    independence: dict[str, tuple[date, str]] = field(default_factory=dict)
    # lines of user dictionaries that could not be read: "file:line: reason"
    problems: list[str] = field(default_factory=list)

    def add(self, entry: Entry, forms: Iterable[str]) -> None:
        old = self.entries.get(entry.id)
        if old is not None:
            self._forget(old.id)
        self.entries[entry.id] = entry
        if entry.nouns:
            self.ref_nouns = self.ref_nouns | frozenset(entry.nouns)
            if entry.kind != "org":
                self.unnamed_ref_nouns = self.unnamed_ref_nouns | frozenset(entry.nouns)
        for form in _variants({entry.name, *forms}):
            if form:
                ids = self.names.setdefault(fold(form), [])
                if entry.id not in ids:
                    ids.append(entry.id)
        for office in entry.offices:
            ids = self.holders.setdefault((office.office, office.of), [])
            if entry.id not in ids:
                ids.append(entry.id)
        if entry.kind == "person":
            for surname in _surnames(entry.name):
                ids = self.surnames.setdefault(surname, [])
                if entry.id not in ids:
                    ids.append(entry.id)

    def _forget(self, entry_id: str) -> None:
        for ids in self.names.values():
            if entry_id in ids:
                ids.remove(entry_id)
        for ids in (*self.holders.values(), *self.surnames.values()):
            if entry_id in ids:
                ids.remove(entry_id)

    def lookup(self, form: str) -> list[Entry]:
        return [self.entries[i] for i in self.names.get(fold(form), [])]

    def country_on(self, country: str, day: date | None) -> str:
        """The state ``country`` was part of on ``day``, if it was not independent yet (else ``country``)."""
        became = self.independence.get(country)
        if became is None or day is None or day >= became[0]:
            return country
        return self.country_on(became[1], day)

    def holder(self, office: str, of: str, day: date | None) -> Entry | None:
        """Who held ``office`` of ``of`` on ``day`` (today's holder when no day is given)."""
        for person_id in self.holders.get((office, of), []):
            person = self.entries[person_id]
            for held in person.offices:
                if held.office != office or held.of != of:
                    continue
                if day is None and held.end is None:
                    return person
                if day is not None and held.holds_on(day):
                    return person
        return None


_PARTICLES = ("al-", "el-", "al ", "el ")


def _surnames(name: str) -> set[str]:
    """"Nouri al-Maliki" -> {"al-maliki", "maliki"}; "Bill Clinton" -> {"clinton"}."""
    words = fold(name).lower().split()
    if len(words) < 2:
        return set()
    last = words[-1]
    out = {last}
    if len(words) >= 3 and words[-2] in ("de", "del", "da", "van", "von") and len(words) >= 4:
        out.add(words[-3])  # "Cristina Fernández de Kirchner": also "Fernández"
    for particle in _PARTICLES:
        if last.startswith(particle.strip()) and len(last) > len(particle) + 2:
            out.add(last[len(particle.strip()) :].lstrip("-"))
    return {s for s in out if len(s) >= 3}


def _variants(forms: Iterable[str]) -> set[str]:
    """The forms, plus each hyphenated one with a space ("al-Qaeda" -> "al Qaeda")."""
    out = set(forms)
    out |= {f.replace("-", " ") for f in out if f and "-" in f and not f.startswith("-")}
    return out


def _as_date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as e:
        raise KnowledgeBaseError(f"bad date {value!r}", source=where) from e


def _list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _add_states(kb: KnowledgeBase, items: Sequence[dict[str, Any]], where: str) -> None:
    for item in items:
        aliases = _list(item.get("names")) + _list(item.get("demonyms"))
        entry = Entry(
            id=item["id"], name=item["name"], kind="state", country=item["id"], sector="GOV",
            entity_type="GPE", aliases=aliases,
        )  # fmt: skip
        kb.add(entry, [_strip_the(a) for a in aliases])
        kb.demonyms = kb.demonyms | {fold(d) for d in _list(item.get("demonyms"))}
        independent = item.get("independent")
        if independent:  # {since: 2011-07-09, from: SDN}
            since = _as_date(independent.get("since"), where)
            if since is None or not independent.get("from"):
                raise KnowledgeBaseError(f"{item['id']}: 'independent' needs 'since' (a date) and 'from' (a state id)", source=where)
            kb.independence[item["id"]] = (since, str(independent["from"]))
        for seat, sector in (item.get("seats") or {}).items():
            kb.seats[fold(_strip_the(seat))] = (item["id"], str(sector))


def _strip_the(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _add_orgs(kb: KnowledgeBase, items: Sequence[dict[str, Any]], where: str) -> None:
    for item in items:
        aliases = _list(item.get("aliases"))
        entry = Entry(
            id=str(item["id"]), name=item["name"], kind="org", country=item.get("country"),
            sector=item.get("sector"), entity_type=item.get("type") or "ORG", aliases=aliases,
            nouns=tuple(n.lower() for n in _list(item.get("nouns"))),
            periods=tuple(
                (str(p["sector"]), _as_date(p.get("start"), where), _as_date(p.get("end"), where))
                for p in item.get("periods") or ()
            ),
            country_periods=tuple(
                (str(p["country"]), _as_date(p.get("start"), where), _as_date(p.get("end"), where))
                for p in item.get("country_periods") or ()
            ),
        )  # fmt: skip
        kb.add(entry, [_strip_the(a) for a in (*aliases, item["name"])])


def _offices(item: dict[str, Any], where: str) -> tuple[Office, ...]:
    return tuple(
        Office(
            office=str(o["office"]), of=str(o["of"]), sector=str(o.get("sector") or "GOV"),
            start=_as_date(o.get("start"), where), end=_as_date(o.get("end"), where), source=o.get("source"),
        )  # fmt: skip
        for o in item.get("offices") or ()
    )


def _extend_person(kb: KnowledgeBase, item: dict[str, Any], where: str) -> None:
    """``{extends: id, offices: [...], aliases: [...]}``: more offices or names for a person already known."""
    person = kb.entries.get(str(item["extends"]))
    if person is None or person.kind != "person":
        raise KnowledgeBaseError(f"extends unknown person {item['extends']!r}", source=where)
    offices = tuple(sorted((*person.offices, *_offices(item, where)), key=lambda o: o.start or date.min))
    aliases = (*person.aliases, *_list(item.get("aliases")))
    sector = item.get("sector", person.sector)
    kb.add(replace(person, offices=offices, aliases=aliases, sector=sector), aliases)


def _add_people(kb: KnowledgeBase, items: Sequence[dict[str, Any]], where: str) -> None:
    for item in items:
        if "extends" in item:
            _extend_person(kb, item, where)
            continue
        offices = _offices(item, where)
        aliases = _list(item.get("aliases"))
        entry = Entry(
            id=str(item["id"]), name=item["name"], kind="person", country=item.get("country"),
            sector=item.get("sector"), entity_type="PERSON", aliases=aliases, gender=item.get("gender"),
            offices=tuple(sorted(offices, key=lambda o: o.start or date.min)),
        )  # fmt: skip
        kb.add(entry, aliases)


def _add_roles(kb: KnowledgeBase, data: dict[str, Any]) -> None:
    for item in data.get("offices") or ():
        # a title many hold at once ("official", "envoy") names a sector, never one person by date
        office = None if item.get("shared") else str(item["office"])
        for title in _list(item.get("titles")):
            kb.roles[title.lower()] = Role(title.lower(), str(item.get("sector") or "GOV"), office)
    for item in data.get("groups") or ():
        for noun in _list(item.get("nouns")):
            kb.roles[noun.lower()] = Role(noun.lower(), str(item["sector"]))


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: five times faster


def _cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsgraph"


def _read_shipped(text: str, where: str) -> Any:
    """A shipped YAML file, parsed once and then read from a cache keyed by its content (YAML is slow to build)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    cached = _cache_dir() / f"kb-{digest}.pickle"
    try:
        with cached.open("rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own cache of our own data
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    try:
        data = yaml_events.load(text)
    except yaml.YAMLError as e:
        raise KnowledgeBaseError(f"not valid YAML: {e}", source=where) from e
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.part")
        with partial.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, cached)
    except OSError:
        pass  # a read-only home: parse every time
    return data


def _read_yaml(text: str, where: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        raise KnowledgeBaseError(f"not valid YAML: {e}", source=where) from e


# Shipped files by kind, in loading order: states, organisations, people (``people.yaml`` first, then the other
# ``people_*.yaml`` files, which may extend people met before), titles, and names told apart by context.
_KINDS = ("countries", "regions", "organisations", "people", "roles", "contexts")


def data_files() -> list[tuple[str, str]]:
    """(kind, file name) of every shipped KB file, in loading order."""
    data_dir = resources.files("newsgraph.actors").joinpath("data")
    names = sorted(r.name for r in data_dir.iterdir() if r.name.endswith(".yaml"))
    out = []
    for kind in _KINDS:
        mine = [n for n in names if n == f"{kind}.yaml" or n.startswith(f"{kind}_")]
        out.extend((kind, n) for n in sorted(mine, key=lambda n: (n != f"{kind}.yaml", n)))
    return out


def load_kb(extra: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus any user files (entries with the same id override)."""
    kb = KnowledgeBase()
    data_dir = resources.files("newsgraph.actors").joinpath("data")
    for kind, name in data_files():
        text = data_dir.joinpath(name).read_text("utf-8")
        _add_file(kb, kind, _read_shipped(text, name) or [], name)
    for path in extra:
        _add_user_path(kb, Path(path))
    kb.ref_nouns = frozenset(n for e in kb.entries.values() for n in e.nouns)
    kb.unnamed_ref_nouns = frozenset(n for e in kb.entries.values() if e.kind != "org" for n in e.nouns)
    return kb


def _add_user_path(kb: KnowledgeBase, path: Path) -> None:
    """A user's file: a YAML overlay (``.yaml``/``.yml``) or a CAMEO/PETRARCH actor dictionary (anything else)."""
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise KnowledgeBaseError(f"cannot read: {e}", source=str(path)) from e
        _add_user_file(kb, _read_yaml(text, str(path)) or {}, str(path))
        return
    from newsgraph.actors.cameo import read_cameo_dictionary  # the reader builds on this module

    read = read_cameo_dictionary(path)
    kb.problems.extend(f"{p.source}:{p.line}: {p.reason}" for p in read.problems)
    for entry in read.entries:
        state = _same_state(kb, entry)
        if state is not None:  # "CAMBODIA_ [KHM]": more names for a state the KB has
            kb.add(replace(state, aliases=(*state.aliases, *entry.aliases)), entry.aliases)
        else:
            kb.add(entry, entry.aliases)


def _same_state(kb: KnowledgeBase, entry: Entry) -> Entry | None:
    if entry.kind != "org" or entry.sector is not None or entry.country is None:
        return None
    state = kb.entries.get(entry.country)
    if state is None or state.kind != "state":
        return None
    names = {fold(n).lower() for n in (state.name, *state.aliases)}
    return state if fold(entry.name).lower() in names or any(fold(a).lower() in names for a in entry.aliases) else None


def _add_file(kb: KnowledgeBase, kind: str, data: Any, where: str) -> None:
    if kind == "countries":
        _add_states(kb, data, where)
    elif kind == "regions":
        for item in data:
            aliases = _list(item.get("aliases"))
            region = Entry(id=str(item["id"]), name=item["name"], kind="region", country=item["country"], sector=None,
                           entity_type="GPE", aliases=aliases)  # fmt: skip
            kb.add(region, aliases)
    elif kind == "organisations":
        _add_orgs(kb, data, where)
    elif kind == "people":
        _add_people(kb, data, where)
    elif kind == "roles":
        _add_roles(kb, data)
    elif kind == "contexts":
        for item in data:
            cues = frozenset(str(w) for w in item.get("when") or ())
            kb.contexts[fold(str(item["name"]))] = (str(item["usual"]), cues, dict(item["means"]))


def _add_user_file(kb: KnowledgeBase, data: Any, where: str) -> None:
    if not isinstance(data, dict):
        raise KnowledgeBaseError("a user KB file maps countries/organisations/people/roles to entries", source=where)
    _add_states(kb, data.get("countries") or [], where)
    _add_orgs(kb, data.get("organisations") or [], where)
    _add_people(kb, data.get("people") or [], where)
    _add_roles(kb, data.get("roles") or {})


@cache
def default_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the user files ``extra``, loaded once per process."""
    return load_kb(extra)

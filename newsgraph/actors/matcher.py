"""Find knowledge-base names, seats and titles in a parsed text: longest match first, no overlaps."""

from __future__ import annotations

from dataclasses import dataclass
from spacy.language import Language
from spacy.attrs import ORTH
from spacy.tokens import Doc

from newsgraph.actors.kb import KnowledgeBase, Role, fold



@dataclass(frozen=True)
class Match:
    """A knowledge-base hit over tokens ``start``..``end`` (exclusive)."""

    start: int
    end: int
    kind: str  # entry | seat | role
    entry_ids: tuple[str, ...] = ()
    seat: tuple[str, str] | None = None  # (state id, sector)
    role: Role | None = None


@dataclass
class CompiledKB:
    """The KB's surface forms split into spaCy tokens, for matching over a Doc."""

    kb: KnowledgeBase
    names: dict[tuple[str, ...], tuple[str, ...]]
    seats: dict[tuple[str, ...], tuple[str, str]]
    roles: dict[tuple[str, ...], Role]
    # first word (as written, and lower case) -> the longest form starting with it, in tokens
    first: dict[str, int]


def compile_kb(kb: KnowledgeBase, nlp: Language) -> CompiledKB:
    tokenizer = nlp.tokenizer

    def key(form: str, lower: bool) -> tuple[str, ...]:
        words = tuple(fold(t.text) for t in tokenizer(form))
        return tuple(w.lower() for w in words) if lower else words

    names = {key(form, False): tuple(ids) for form, ids in kb.names.items() if ids}
    seats = {key(form, False): seat for form, seat in kb.seats.items()}
    roles = {key(words, True): role for words, role in kb.roles.items()}
    first: dict[str, int] = {}
    for key in (*names, *seats, *roles):
        if key:
            first[key[0]] = max(first.get(key[0], 0), len(key))
    return CompiledKB(kb, names, seats, roles, first)


_COMPILED: dict[tuple[int, int], tuple[KnowledgeBase, Language, CompiledKB]] = {}


def compiled_for(kb: KnowledgeBase, nlp: Language) -> CompiledKB:
    """The compiled form of ``kb`` for ``nlp``'s tokenizer, built once per pair (kept alive with them)."""
    key = (id(kb), id(nlp))
    held = _COMPILED.get(key)
    if held is None or held[0] is not kb or held[1] is not nlp:
        held = (kb, nlp, compile_kb(kb, nlp))
        _COMPILED[key] = held
    return held[2]


# ORTH hash -> the folded word: each distinct word is folded once per process, not once per occurrence.
_FOLDED: dict[int, tuple[str, str]] = {}


def _words(doc: Doc) -> tuple[list[str], list[str]]:
    """The folded words of ``doc`` and their lower-case forms, read from the token array (no Token objects)."""
    strings = doc.vocab.strings
    words, lowers = [], []
    for orth in doc.to_array(ORTH).tolist():
        folded = _FOLDED.get(orth)
        if folded is None:
            word = fold(strings[orth])
            folded = _FOLDED[orth] = (word, word.lower())
        words.append(folded[0])
        lowers.append(folded[1])
    return words, lowers


def find_matches(doc: Doc, compiled: CompiledKB) -> list[Match]:
    """All KB hits in ``doc``, leftmost-longest, not overlapping."""
    words, lowers = _words(doc)
    first = compiled.first
    matches: list[Match] = []
    i, n = 0, len(words)
    while i < n:
        longest = max(first.get(words[i], 0), first.get(lowers[i], 0))
        if not longest:
            i += 1
            continue
        found = _longest_at(i, words, lowers, compiled, longest)
        if found is None:
            i += 1
            continue
        matches.append(found)
        i = found.end
    return matches


def _longest_at(i: int, words: list[str], lowers: list[str], compiled: CompiledKB, longest: int) -> Match | None:
    for length in range(min(longest, len(words) - i), 0, -1):
        span = tuple(words[i : i + length])
        ids = compiled.names.get(span)
        if ids:
            return Match(i, i + length, "entry", entry_ids=ids)
        seat = compiled.seats.get(span)
        if seat:
            return Match(i, i + length, "seat", seat=seat)
        role = compiled.roles.get(tuple(lowers[i : i + length]))
        if role:
            return Match(i, i + length, "role", role=role)
    return None

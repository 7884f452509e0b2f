"""Find knowledge-base names, seats and titles in a parsed text: longest match first, no overlaps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.language import Language
from spacy.attrs import ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc

from newsgraph.actors.kb import KnowledgeBase, Role, fold
from newsgraph.memory import keep_for_good


class Match(NamedTuple):
    """A knowledge-base hit over tokens ``start``..``end`` (exclusive). (A tuple: a text has thousands, made fast.)"""

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
    # every form's first words (as written; and lower case, for titles): how far a match may still grow
    prefixes: frozenset[tuple[str, ...]] = frozenset()
    lower_prefixes: frozenset[tuple[str, ...]] = frozenset()
    # the same by a token's ORTH hash (0: no form starts with it), filled as words are met
    longest: dict[int, int] = field(default_factory=dict)
    # ids a name with two readings usually means (kb.contexts): only hits of these may read otherwise
    context_ids: frozenset[str] = frozenset()
    # the ORTH hashes met so far that start some form
    starters: set[int] = field(default_factory=set)
    # words by ORTH hashes (two or more) -> whether some form begins with them
    pairs: dict[tuple[int, ...], bool] = field(default_factory=dict)
    # words by ORTH hashes, as far as some form goes on with them -> the longest hit they begin (None: none)
    hits: dict[tuple[int, ...], Match | None] = field(default_factory=dict)
    # English adjectives, and adjectives and nouns, lower case (from the pipeline's lemmatizer tables)
    adjectives: frozenset[str] = frozenset()
    english: frozenset[str] = frozenset()
    # the nouns that refer back to an organisation ("the group"), as the pipeline's string ids of lower-case words
    ref_noun_ids: frozenset[int] = frozenset()

    def starting(self, orths: list[int], strings: StringStore) -> list[int]:
        """The positions of ``orths`` whose word starts some form (each new word is looked up once)."""
        longest_of = self.longest
        for orth in set(orths).difference(longest_of):
            word, lower = _folded(orth, strings)
            longest = longest_of[orth] = max(self.first.get(word, 0), self.first.get(lower, 0))
            if longest:
                self.starters.add(orth)
        starters = self.starters
        return [i for i, orth in enumerate(orths) if orth in starters]


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
    prefixes = frozenset(k[:n] for k in (*names, *seats) for n in range(1, len(k) + 1))
    lower_prefixes = frozenset(k[:n] for k in roles for n in range(1, len(k) + 1))
    context_ids = frozenset(usual for usual, _, _ in kb.contexts.values())
    adjectives, english = _english(nlp)
    ref_noun_ids = frozenset(nlp.vocab.strings.add(noun) for noun in kb.ref_nouns)
    return CompiledKB(
        kb, names, seats, roles, first, prefixes, lower_prefixes, context_ids=context_ids, adjectives=adjectives,
        english=english, ref_noun_ids=ref_noun_ids,
    )  # fmt: skip


def _english(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The English adjectives, and adjectives and nouns, the pipeline's lemmatizer knows. A town called "Federal" is
    not meant when the word modifies a noun ("Federal agents", "the Central Bank"); an organisation known by common
    words ("Security Council") is not meant inside a longer name ("Iran's Supreme National Security Council")."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return frozenset(), frozenset()
    adjectives = frozenset(index.get("adj", ()))
    return adjectives, adjectives | frozenset(index.get("noun", ()))


_COMPILED: dict[tuple[int, int], tuple[KnowledgeBase, Language, CompiledKB]] = {}


def compiled_for(kb: KnowledgeBase, nlp: Language) -> CompiledKB:
    """The compiled form of ``kb`` for ``nlp``'s tokenizer, built once per pair (kept alive with them)."""
    key = (id(kb), id(nlp))
    held = _COMPILED.get(key)
    if held is None or held[0] is not kb or held[1] is not nlp:
        held = (kb, nlp, compile_kb(kb, nlp))
        _COMPILED[key] = held
        keep_for_good()  # the model, the KB and its compiled form are all loaded now: once, not per loader
    return held[2]


# ORTH hash -> the folded word: each distinct word is folded once per process, not once per occurrence.
_FOLDED: dict[int, tuple[str, str]] = {}


def _folded(orth: int, strings: StringStore) -> tuple[str, str]:
    """The folded word of an ORTH hash and its lower-case form."""
    folded = _FOLDED.get(orth)
    if folded is None:
        word = fold(strings[orth])
        folded = _FOLDED[orth] = (word, word.lower())
    return folded


def find_matches(doc: Doc, compiled: CompiledKB) -> list[Match]:
    """All KB hits in ``doc``, leftmost-longest, not overlapping. Read from the token array (no Token objects): only
    the words that start some form are looked at, and the same words are looked up once per process."""
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    hits, longest, pairs = compiled.hits, compiled.longest, compiled.pairs
    matches: list[Match] = []
    end = 0
    last = len(orths) - 1
    for i in compiled.starting(orths, strings):
        if i < end:
            continue
        orth = orths[i]
        # most often no form goes on with the next word ("the" before most words): the one word is looked up as it is
        words = (orth,)
        if longest[orth] > 1 and i < last:
            pair = (orth, orths[i + 1])
            goes_on = pairs.get(pair)
            if goes_on is None:
                goes_on = pairs[pair] = _is_prefix(pair, compiled, strings)
            if goes_on:
                words = _reach(orths, i, compiled, strings)
        hit = hits.get(words, _UNSEEN)
        if hit is _UNSEEN:
            folded = [_folded(orth, strings) for orth in words]
            hit = hits[words] = _longest_at([w for w, _ in folded], [lw for _, lw in folded], compiled)
        if hit is not None:
            matches.append(Match(i, i + hit.end, hit.kind, hit.entry_ids, hit.seat, hit.role))
            end = i + hit.end
    return matches


_UNSEEN = Match(-1, -1, "")


def _reach(orths: list[int], i: int, compiled: CompiledKB, strings: StringStore) -> tuple[int, ...]:
    """The words from token ``i`` on, as far as some form of the KB begins with them (forms of two words or more
    start there, and a word follows)."""
    longest = compiled.longest[orths[i]]
    n = 1
    while n < longest and i + n < len(orths):
        words = tuple(orths[i : i + n + 1])
        goes_on = compiled.pairs.get(words)
        if goes_on is None:
            goes_on = compiled.pairs[words] = _is_prefix(words, compiled, strings)
        if not goes_on:
            break
        n += 1
    return tuple(orths[i : i + n])


def _is_prefix(orths: tuple[int, ...], compiled: CompiledKB, strings: StringStore) -> bool:
    folded = [_folded(orth, strings) for orth in orths]
    return tuple(w for w, _ in folded) in compiled.prefixes or tuple(lw for _, lw in folded) in compiled.lower_prefixes


def _longest_at(words: list[str], lowers: list[str], compiled: CompiledKB) -> Match | None:
    """The longest form that ``words`` begin (as a hit from token 0)."""
    for length in range(len(words), 0, -1):
        span = tuple(words[:length])
        ids = compiled.names.get(span)
        if ids:
            return Match(0, length, "entry", entry_ids=ids)
        seat = compiled.seats.get(span)
        if seat:
            return Match(0, length, "seat", seat=seat)
        role = compiled.roles.get(tuple(lowers[:length]))
        if role:
            return Match(0, length, "role", role=role)
    return None

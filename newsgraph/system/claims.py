"""An article's claims about relations: those its events make and those its words make, sentence by sentence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.actors.kb import KnowledgeBase
from newsgraph.actors.resolve import DocActors
from newsgraph.events.extract import body_sentences, events_and_actors
from newsgraph.model import Article, Event
from newsgraph.nlp import clean_for_parse
from newsgraph.system.from_events import claims_of_event, office_claims
from newsgraph.system.from_text import Reader, between_pairs, claims_of_sentence, complete, named_keys, refer_back
from newsgraph.system.model import Claim, actor_key
from newsgraph.system.state import relation_key
from newsgraph.system.vocabulary import vocabulary


def claims_of_doc(doc: Doc, article: Article, kb: KnowledgeBase, actors: DocActors, events: list[Event]) -> list[Claim]:
    """Every claim of one parsed article, in the order of its sentences. Where the words of a sentence state a
    relation's status ("suspended its role"), the event coded from the same words says nothing more of it."""
    vocab = vocabulary()
    reader = Reader(doc, article, actors, kb, vocab)
    published = article.published_date
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[event.sentence_start].append(event)
    sentences = list(body_sentences(doc, article))
    per_sentence: list[list[Claim]] = []
    for sentence in sentences:
        worded = claims_of_sentence(sentence, reader)
        stated = {relation_key(c) for c in worded if c.explicit}
        mediators = {actor_key(c.subject) for c in worded if c.type == "mediates"}
        found: list[Claim] = []
        for event in by_sentence.get(sentence.start_char, []):
            if event.trigger.start in reader.used:
                continue  # "Syria has hosted the group's leaders": a host, not a meeting; "Qatar suspended its
                # role": the suspension of a mediation, not a sanction
            for claim in claims_of_event(event, kb, vocab=vocab, published=published):
                if relation_key(claim) in stated:
                    continue
                if claim.type == "negotiates_with" and {actor_key(claim.subject), actor_key(claim.object)} & mediators:
                    continue  # "Norway agreed to mediate between ...": a mediator, not a side
                found.append(claim)
            found.extend(office_claims(event, kb, vocab=vocab, published=published))
        seen = {(relation_key(c), c.status) for c in found}
        for claim in worded:
            if (relation_key(claim), claim.status) not in seen:
                seen.add((relation_key(claim), claim.status))
                found.append(claim)
        per_sentence.append(found)
    refer_back(sentences, per_sentence, reader)
    between = [pair for s in sentences for pair in between_pairs(s, reader)]
    return complete(per_sentence, [named_keys(s, reader) for s in sentences], between)


def read_articles(articles: Iterable[Article], kb: KnowledgeBase, nlp: Language,
                  *, batch_size: int = 16) -> Iterator[tuple[Article, list[Event], list[Claim]]]:  # fmt: skip
    """Parse articles in batches; yields each with its events and its claims."""
    pairs = ((clean_for_parse(a.text), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        events, actors = events_and_actors(doc, article, kb, nlp)
        yield article, events, claims_of_doc(doc, article, kb, actors, events)

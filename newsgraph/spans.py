"""Helpers over parsed texts that spaCy makes slow: a token's sentence (``Token.sent`` walks the whole text)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_KEY = "newsgraph.sentence_starts"


def _starts(doc: Doc) -> list[int]:
    """For each token, the index of the first token of its sentence (computed once per Doc)."""
    cached = doc.user_data.get(_KEY)
    if cached is None or len(cached) != len(doc):
        cached = [0] * len(doc)
        for sentence in doc.sents:
            for i in range(sentence.start, sentence.end):
                cached[i] = sentence.start
        doc.user_data[_KEY] = cached
    return cached


def sentence_start(token: Token) -> int:
    """The index of the first token of ``token``'s sentence."""
    return _starts(token.doc)[token.i]


def sentence_of(token: Token) -> Span:
    """``token.sent``, in constant time after the first call on a Doc."""
    starts = _starts(token.doc)
    start = starts[token.i]
    end = token.i + 1
    while end < len(starts) and starts[end] == start:
        end += 1
    return token.doc[start:end]

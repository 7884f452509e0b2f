"""A pipeline component that starts a sentence at a line break where the text's layout says one ends.

Headlines, datelines and section headings stand on lines of their own without a full stop; without this the
parser reads "Kyiv pleads for air defence / March 3, 2025 / Ukraine asked ..." as one sentence. A blank line
always ends a sentence; a single line break does when the line before it ends with a full stop, or reads as a
heading or a dateline (a few words, or mostly capitalised words), or is followed by such a line (a headline in
sentence case above its dateline), so that hard-wrapped paragraphs stay whole.

A wire dateline opening a paragraph ("KYIV (Reuters) - ", "JERUSALEM (AP) -- ", "KILIS, Turkey -- ") is split off
too: the parser would otherwise take the city or the agency for the subject of the sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.layout import wire_datelines

NAME = "newsgraph_line_breaks"
_SHORT_LINE_WORDS = 6
_BODY_START_WORDS = 3
_TITLE_SHARE = 0.6
_ENDINGS = frozenset(".!?:;\"'\u201d\u2019)")


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after a line break that ends a line of its own."""
    lines = _lines(doc)
    for number, (_, breaker, heading, ended) in enumerate(lines):
        if breaker is None or breaker.i + 1 >= len(doc):
            continue
        following_heading = number + 1 < len(lines) and lines[number + 1][2]
        if breaker.text.count("\n") >= 2 or ended or heading or following_heading:
            doc[breaker.i + 1].is_sent_start = True
    for match in wire_datelines(doc.text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            # and the sentence it opens runs on past its first words ("BAKU, April 4 (Reuters) - Azerbaijan /
            # charged ..." was cut after the subject)
            for token in doc[span.start + 1 : span.start + 1 + _BODY_START_WORDS]:
                if token.is_space or token.is_punct:
                    break
                token.is_sent_start = False
    return doc


def _lines(doc: Doc) -> list[tuple[int, Token | None, bool, bool]]:
    """Each line as (first token index, the line-break token after it, reads as a heading, ends a sentence)."""
    lines: list[tuple[int, Token | None, bool, bool]] = []
    first, words, capitals, last_text = 0, 0, 0, ""
    for token in doc:
        if token.is_space and "\n" in token.text:
            heading = words > 0 and (words <= _SHORT_LINE_WORDS or capitals >= _TITLE_SHARE * words)
            lines.append((first, token, heading, bool(last_text) and last_text[-1] in _ENDINGS))
            first, words, capitals, last_text = token.i + 1, 0, 0, ""
            continue
        if token.is_alpha:
            words += 1
            capitals += token.text[0].isupper()
        if not token.is_space:
            last_text = token.text
    heading = words > 0 and (words <= _SHORT_LINE_WORDS or capitals >= _TITLE_SHARE * words)
    lines.append((first, None, heading, bool(last_text) and last_text[-1] in _ENDINGS))
    return lines

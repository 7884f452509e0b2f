"""Load the spaCy English pipeline named by the settings, once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.config import Settings
from newsgraph.errors import ModelNotFound
from newsgraph.nlp import line_breaks

# Components the rule coder does not need: NER is replaced by the knowledge-base matcher unless asked for.
_NEVER_NEEDED: tuple[str, ...] = ()


@cache
def _load(model: str, use_ner: bool) -> Language:
    disable = list(_NEVER_NEEDED)
    if not use_ner:
        disable.append("ner")
    try:
        nlp = spacy.load(model, exclude=disable)
    except OSError as e:
        raise ModelNotFound(
            f"spaCy pipeline {model!r} is not installed; install it or set NEWSGRAPH_SPACY_MODEL "
            "to an installed English pipeline"
        ) from e
    _split_dotted_compounds(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(line_breaks.NAME, before="parser")
    else:
        nlp.add_pipe(line_breaks.NAME, first=True)
    return nlp


# Abbreviations with full stops that news joins to a participle with a hyphen: the tokenizer keeps "U.S.-led" whole,
# so the state in it would go unread.
_DOTTED = ("U.S.", "U.N.", "U.K.", "E.U.")
# (Not "-sponsored", "-brokered", "-mediated": a third party to what they qualify, left unread as before.)
_JOINED = ("led", "backed", "based", "made", "funded", "trained", "allied", "supported", "run", "controlled",
           "armed", "installed")  # fmt: skip


def _split_dotted_compounds(nlp: Language) -> None:
    """Read "U.S.-led" as "U.S." "-" "led", as "Saudi-led" is read."""
    from spacy.symbols import ORTH

    for dotted in _DOTTED:
        for joined in _JOINED:
            nlp.tokenizer.add_special_case(f"{dotted}-{joined}", [{ORTH: dotted}, {ORTH: "-"}, {ORTH: joined}])


def load_pipeline(settings: Settings | None = None) -> Language:
    """The spaCy pipeline for these settings (cached: loading happens once per process)."""
    settings = settings or Settings.from_env()
    nlp = _load(settings.spacy_model, settings.use_ner)
    nlp.max_length = max(nlp.max_length, settings.max_chars_per_doc)
    return nlp


def parse(text: str, settings: Settings | None = None) -> Doc:
    """Tokenise, tag and parse one text."""
    return load_pipeline(settings)(clean_for_parse(text))


def parse_many(texts: Iterable[str], settings: Settings | None = None, *, batch_size: int = 32) -> Iterator[Doc]:
    """Parse many texts in batches."""
    return load_pipeline(settings).pipe((clean_for_parse(t) for t in texts), batch_size=batch_size)


# Footnote marks and bullets glued to words ("Hamas* executed") derail the parser; they become spaces of the same
# length, so every character offset into the parsed text is still an offset into the article.
_NOISE = re.compile(r"(?<=\w)[*\u2020\u2021^~]+|[*\u2022\u25aa\u25e6\u2020\u2021]+(?=\s)")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def clean_for_parse(text: str) -> str:
    """The text with parser-confusing marks blanked out; same length, same offsets."""
    return _NOISE.sub(_blank, text)

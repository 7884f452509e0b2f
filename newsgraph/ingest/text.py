"""Plain-text articles: the text as read, a headline line and a dateline if there are any.

Article.text is the decoded text exactly as read (BOM dropped, CRLF/CR made LF),
so character offsets computed later point into the file's own text.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.ingest.checks import check_text, decode_file, normalise_newlines, read_file
from newsgraph.ingest.dates import find_date, find_time
from newsgraph.model import Article

MAX_TITLE_WORDS = 25
DATELINE_LINES = 8  # non-empty lines searched for a dateline
MAX_DATELINE_WORDS = 15  # a line this short holding a date is a dateline
MAX_DATE_START = 40  # ...and so is a longer line whose date starts this early
NEAR_DATE_CHARS = 30  # how far after the date a longer line may give the time
MAX_DATE_EXTRA_WORDS = 4  # a first line with no more than this besides a date is no title
MAX_TIME_LINE_WORDS = 6  # a line after the dateline that gives the time is short
_CLOSING = "\"'”’)]»"
_UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.IGNORECASE)
_HEAD_SPLIT = 60  # lines split off the top of the text; the rest is never looked at


def read_text_file(path: Path, settings: Settings, published: str | None) -> Article:
    """A plain-text file as one Article (raises an InputError for a bad file)."""
    source = str(path)
    text = decode_file(read_file(path, settings), source)
    return article_from_text(text, settings, source=source, published=published)


def article_from_text(
    text: str,
    settings: Settings,
    *,
    source: str | None = None,
    published: str | None = None,
    line: int | None = None,
    title: str | None = None,
) -> Article:
    """Check ``text`` and make it an Article; given ``title``/``published`` win over what the text says."""
    text = normalise_newlines(text.removeprefix("\ufeff"))
    language = check_text(text, settings, source=source, line=line)
    head = _head_lines(text)
    found_title = find_title(head)
    return Article(
        text=text,
        title=title if title is not None else found_title,
        published=published if published is not None else find_published(head, skip_title=found_title is not None),
        language=language,
        source=source,
    )


def _head_lines(text: str) -> list[str]:
    """The first lines of the text; the last one is dropped when the split cut it short."""
    lines = text.split("\n", _HEAD_SPLIT)
    return lines[:_HEAD_SPLIT] if len(lines) > _HEAD_SPLIT else lines


def find_title(lines: list[str]) -> str | None:
    """The first non-empty line, when it reads as a headline and more text follows it."""
    for index, line in enumerate(lines):
        if line.strip():
            break
    else:
        return None
    candidate = line.strip()
    if not any(rest.strip() for rest in lines[index + 1 :]):
        return None
    if len(candidate.split()) > MAX_TITLE_WORDS or candidate.rstrip(_CLOSING)[-1:] in (".", "!", "?", ":"):
        return None
    if not re.search(r"[^\W\d_]", candidate):
        return None
    found = find_date(candidate)
    if found is not None and _mostly_date(candidate, found[1]):
        return None
    return candidate


def find_published(lines: list[str], *, skip_title: bool = False) -> str | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` from a dateline in the first lines, else None."""
    filled = [line.strip() for line in lines if line.strip()]
    filled = filled[1 if skip_title else 0 : DATELINE_LINES]
    for index, line in enumerate(filled):
        found = find_date(line)
        if found is None or not _is_dateline(line, found[1]):
            continue
        day, match = found
        short = len(line.split()) <= MAX_DATELINE_WORDS
        after = line[match.end() :] if short else line[match.end() : match.end() + NEAR_DATE_CHARS]
        after = _UPDATED.split(after, maxsplit=1)[0]  # the time of an update is not the publication's
        time = find_time(after) or (find_time(line[: match.start()]) if short else None)
        if time is None and index + 1 < len(filled) and len(filled[index + 1].split()) <= MAX_TIME_LINE_WORDS:
            time = find_time(filled[index + 1], at_start=True)
        return f"{day.isoformat()}T{time}" if time else day.isoformat()
    return None


def _mostly_date(line: str, match: re.Match[str]) -> bool:
    """True when little more than the date is written on the line ("Monday, ... 1:14 PM ET")."""
    return len((line[: match.start()] + " " + line[match.end() :]).split()) <= MAX_DATE_EXTRA_WORDS


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    return len(line.split()) <= MAX_DATELINE_WORDS or match.start() <= MAX_DATE_START

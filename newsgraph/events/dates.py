"""The event's date from the words of its sentence, relative to the publication date.

"in late August" -> 2024-08 (month), "on Friday" -> the Friday before publication (day), "last week", "in recent
months", "in 2004" ... When the sentence says nothing, the publication date is used with ``date_source:
publication``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d{2})\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})\b")),
    ("md", re.compile(r"\b(?:on\s+)?" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d{2})")),
    ("dm", re.compile(r"\bon\s+(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b")),
    ("part_month", re.compile(
        r"\b(?:in|during)\s+(?:the\s+)?(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|"
        r"the\s+start\s+of|the\s+middle\s+of|mid-)?-?\s*" + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d{2}))?\b")),
    ("month_year", re.compile(_MONTH + r"\s+(?P<year>(?:19|20)\d{2})\b")),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
                           r"Saturday|Sunday)\b")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|last\s+week|last\s+month|last\s+year|this\s+week|"
                            r"this\s+month|this\s+year|earlier\s+this\s+(?:week|month|year)|in\s+recent\s+"
                            r"(?:days|weeks|months)|next\s+week|next\s+month|next\s+year|"
                            r"(?:two|three|a\s+few|several)\s+(?:days|weeks)\s+ago)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|by|until|of)\s+(?P<year>(?:19|20)\d{2})\b")),
]


@dataclass(frozen=True)
class EventDate:
    date: str | None
    precision: str | None
    raw: str | None
    source: str | None
    start: int | None = None  # offset of ``raw`` in the sentence


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_for(month: int, published: date, forward: bool = False) -> int:
    """A month named without a year: the last such month not after publication, or for an event still to come
    the next one not before it."""
    if forward:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _resolve(kind: str, m: re.Match[str], published: date | None, forward: bool = False) -> tuple[str, str] | None:
    g = m.groupdict()
    if kind in ("mdy", "dmy"):
        return _ymd(int(g["year"]), _month(g["month"]), int(g["day"]))
    if kind == "iso":
        return _ymd(int(g["year"]), int(g["mon"]), int(g["day"]))
    if kind == "month_year":
        return f"{int(g['year']):04d}-{_month(g['month']):02d}", "month"
    if kind == "year":
        return g["year"], "year"
    if published is None:
        return None
    if kind in ("md", "dm"):
        month = _month(g["month"])
        return _ymd(_year_for(month, published, forward), month, int(g["day"]))
    if kind == "part_month":
        month = _month(g["month"])
        year = int(g["year"]) if g.get("year") else _year_for(month, published, forward)
        return f"{year:04d}-{month:02d}", "month"
    if kind == "weekday":
        weekday = WEEKDAYS[g["weekday"].lower()]
        if forward:  # "will meet on Saturday": the coming one
            ahead = (weekday - published.weekday()) % 7
            return (published + timedelta(days=ahead)).isoformat(), "day"
        back = (published.weekday() - weekday) % 7
        return (published - timedelta(days=back)).isoformat(), "day"
    return _relative(g["rel"].lower(), published)


def _ymd(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _relative(rel: str, published: date) -> tuple[str, str] | None:
    rel = " ".join(rel.split())
    if rel == "yesterday":
        return (published - timedelta(days=1)).isoformat(), "day"
    if rel in ("today", "tonight"):
        return published.isoformat(), "day"
    if rel in ("last week", "this week", "earlier this week") or rel.endswith("days ago") or rel == "in recent days":
        back = 7 if rel == "last week" else 0
        return (published - timedelta(days=back)).isoformat()[:7], "month"
    if rel.endswith("weeks ago") or rel in ("in recent weeks", "this month", "earlier this month", "in recent months"):
        return published.isoformat()[:7], "month"
    if rel == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return first.isoformat()[:7], "month"
    if rel in ("this year", "earlier this year"):
        return str(published.year), "year"
    if rel == "last year":
        return str(published.year - 1), "year"
    if rel == "next week":
        return (published + timedelta(days=7)).isoformat()[:7], "month"
    if rel == "next month":
        nxt = published.replace(day=28) + timedelta(days=4)
        return nxt.isoformat()[:7], "month"
    if rel == "next year":
        return str(published.year + 1), "year"
    return None


def _starts_in(found: EventDate, sentence: str, clause: frozenset[int]) -> bool:
    """Whether a word of the date expression (skipping a leading preposition) is one of the clause's words."""
    start = found.start or 0
    raw = found.raw or ""
    offsets = {start + i for i, ch in enumerate(raw) if i == 0 or (raw[i - 1] == " " and ch != " ")}
    return bool(offsets & clause)


# A date after these words bounds something else (a deadline, a span), not the event itself.
_BOUNDS = re.compile(r"\b(?:to|until|till|by|before|after|since|from|through|deadline of)\s+(?:the\s+)?$", re.I)


def find_dates(sentence: str, published: date | None, *, forward: bool = False) -> list[EventDate]:
    """Every date expression of a sentence, resolved; earlier patterns win where two overlap."""
    found: list[EventDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if _BOUNDS.search(sentence[max(0, m.start() - 20) : m.start()]):
                taken.append((m.start(), m.end()))
                continue
            if kind == "md" and m.group("month").lower().startswith("may") and not m.group(0).lower().startswith("on"):
                continue  # "may 5" is rarely a date without "on"
            resolved = _resolve(kind, m, published, forward)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            value, precision = resolved
            found.append(EventDate(value, precision, m.group(0).strip(), "text", m.start()))
    return found


def event_date(
    sentence: str,
    trigger_offset: int,
    published: date | None,
    clause: frozenset[int] | None = None,
    *,
    forward: bool = False,
) -> EventDate:
    """The date of the event whose trigger starts ``trigger_offset`` characters into ``sentence``.

    ``clause`` holds the offsets of the words of the trigger's clause; a date said elsewhere in the sentence
    belongs to another event.
    """
    found = find_dates(sentence, published, forward=forward)
    if clause is not None:
        found = [d for d in found if d.start is not None and _starts_in(d, sentence, clause)]
    if found:
        return min(found, key=lambda d: abs((d.start or 0) - trigger_offset))
    if published is not None:
        return EventDate(published.isoformat(), "day", None, "publication")
    return EventDate(None, None, None, None)

"""Datelines written the way news pages write them, read with regular expressions.

``find_date`` finds "November 18, 2024", "18 November 2024", "Nov. 18, 2024",
"2024-11-18" (a weekday in front changes nothing); ``find_time`` finds "1:14 PM",
"13:14", "1:14 p.m. ET". ``normalise_date`` turns a date given by a caller or a
record into the ISO string Article.published holds.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
_DATES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE),
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/](?P<num>[01]?\d)[-/](?P<day>[0-3]?\d)(?!\d)"),
)
_TIME = re.compile(
    r"(?<![\d:])(?P<hour>[0-2]?\d)(?::(?P<minute>[0-5]\d))?(?::[0-5]\d)?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?",
    re.IGNORECASE,
)
_TIME_LEADS = frozenset({"", "at", "published", "posted"})


def find_date(line: str) -> tuple[date, re.Match[str]] | None:
    """The first valid calendar date written in ``line``, and where it was found."""
    found: list[tuple[int, date, re.Match[str]]] = []
    for pattern in _DATES:
        for match in pattern.finditer(line):
            value = _to_date(match)
            if value is not None:
                found.append((match.start(), value, match))
                break
    if not found:
        return None
    _, value, match = min(found, key=lambda item: item[0])
    return value, match


def _to_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = int(groups["num"]) if groups.get("num") else _MONTHS[groups["mon"].lower()[:3]]
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def find_time(text: str, *, at_start: bool = False) -> str | None:
    """``HH:MM`` for the first clock time in ``text`` ("1:14 PM", "13:14", "1:14 p.m. ET")."""
    for match in _TIME.finditer(text):
        if at_start and text[: match.start()].strip(" \t,|-–—@").lower() not in _TIME_LEADS:
            return None
        hour_text, minute, ampm = match.group("hour"), match.group("minute"), match.group("ampm")
        if minute is None and ampm is None:
            continue  # a bare number is no time
        hour = int(hour_text)
        if ampm:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        elif hour > 23:
            continue
        return f"{hour:02d}:{int(minute or 0):02d}"
    return None


def normalise_date(value: str) -> str | None:
    """An ISO date or datetime kept as given, a written date made ISO; None if no date."""
    text = value.strip()
    if not text:
        return None
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
        return text
    except ValueError:
        pass
    found = find_date(text)
    if found is None:
        return None
    day, match = found
    time = find_time(text[match.end():])
    return f"{day.isoformat()}T{time}" if time else day.isoformat()

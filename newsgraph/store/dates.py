"""Event dates as the store compares them: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; coarse ones by their first day."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

_SHAPES = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"), "year": re.compile(r"\d{4}")}


@lru_cache(maxsize=8192)  # a corpus names few distinct dates, and every event's is asked for several times
def precision_of(value: str | None) -> str | None:
    """``day``, ``month`` or ``year`` by the shape of ``value``; None when it is missing or not a valid date."""
    if not value:
        return None
    for precision, shape in _SHAPES.items():
        if shape.fullmatch(value):
            return precision if _valid(value, precision) else None
    return None


def _valid(value: str, precision: str) -> bool:
    try:
        _first_day(value, precision)
    except ValueError:
        return False
    return True


def _first_day(value: str, precision: str) -> date:
    if precision == "day":
        return date.fromisoformat(value)
    if precision == "month":
        return date(int(value[:4]), int(value[5:7]), 1)
    return date(int(value[:4]), 1, 1)


@lru_cache(maxsize=8192)
def first_day(value: str | None) -> date | None:
    """The first day of the period ``value`` names (the day itself for a full date); None when not a date."""
    precision = precision_of(value)
    return _first_day(value, precision) if value and precision else None


def last_day(value: str | None) -> date | None:
    """The last day of the period ``value`` names (the day itself for a full date); None when not a date."""
    start = first_day(value)
    if start is None or value is None:
        return None
    precision = precision_of(value)
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


def shift(day: date, days: int) -> str:
    """``day`` moved by ``days`` as an ISO string, clamped to the calendar."""
    try:
        return (day + timedelta(days=days)).isoformat()
    except OverflowError:
        return (date.min if days < 0 else date.max).isoformat()

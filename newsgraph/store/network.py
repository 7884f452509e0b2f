"""The actor network: asserted events with an actor and a recipient, aggregated by (actor, recipient, period,
category, quad).

Whole months come from ``pair_months``, a table of monthly sums that a trigger keeps up to date as events are
inserted (migration 0006), so a year of a million events is read as a few thousand monthly rows; the days of a
window's first and last months that the window cuts, undated events and ``by="day"`` come from the events
themselves (through the ``events_date`` index).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from datetime import date, timedelta
from typing import Any

from newsgraph.errors import StoreError
from newsgraph.store.queries import bound

PERIODS = {"day": "date", "month": "year_month", "year": "substr(year_month, 1, 4)"}
Row = tuple[str, str, str | None, str, int, int, float, int]  # actor, recipient, period, event, quad, n, mean, rowid

_MONTHS = """
SELECT actor_key, recipient_key, {period}, event, quad, SUM(n), SUM(intensity_sum){mean}, MIN(first_rowid)
FROM pair_months WHERE {dates}{events} GROUP BY 1, 2, 3, 4, 5{order}
"""
_EVENTS = """
SELECT actor_key, recipient_key, {period}, event, quad, COUNT(*), SUM(intensity){mean}, MIN(rowid)
FROM events WHERE actor_key IS NOT NULL AND recipient_key IS NOT NULL AND negated = 0 AND hypothetical = 0
AND {dates}{events} GROUP BY 1, 2, 3, 4, 5{order}
"""

_ANY_UNDATED = """SELECT 1 FROM events WHERE date IS NULL AND actor_key IS NOT NULL AND recipient_key IS NOT NULL
AND negated = 0 AND hypothetical = 0 LIMIT 1"""


def _bound(value: str | None, *, end: bool) -> date | None:
    day = bound(value, end=end)
    return date.fromisoformat(day) if day is not None else None


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def plan(start: date | None, stop: date | None) -> tuple[tuple[str | None, str | None] | None, list[tuple[str, str]]]:
    """How to read a window: the whole months (first and last ``YYYY-MM``, None for open ends; None when there is
    no whole month) and the day ranges to read from the events."""
    if start is not None and stop is not None and start > stop:
        return None, []
    try:
        return _plan(start, stop)
    except OverflowError:  # a window at the ends of the calendar (9999-12, 0001-01): read its days from the events
        return None, [((start or date.min).isoformat(), (stop or date.max).isoformat())]


def _plan(start: date | None, stop: date | None) -> tuple[tuple[str | None, str | None] | None, list[tuple[str, str]]]:
    days: list[tuple[str, str]] = []
    first = start
    if start is not None and start != _month_start(start):
        cut = min(_month_end(start), stop) if stop is not None else _month_end(start)
        days.append((start.isoformat(), cut.isoformat()))
        first = cut + timedelta(days=1)
    last = stop
    if stop is not None and stop != _month_end(stop) and (first is None or first <= stop):
        begin = max(_month_start(stop), first) if first is not None else _month_start(stop)
        days.append((begin.isoformat(), stop.isoformat()))
        last = begin - timedelta(days=1)
    if first is not None and last is not None and first > last:
        return None, days
    months = (first.isoformat()[:7] if first else None, last.isoformat()[:7] if last else None)
    return months, days


def network_rows(conn: sqlite3.Connection, since: str | None = None, until: str | None = None, by: str = "month",
                 *, categories: Collection[str] | None = None, busiest: int | None = None) -> list[Row]:  # fmt: skip
    """(actor, recipient, period, event, quad, count, mean intensity, smallest rowid) in key order; events dated
    in [since, until] (a month or year counts from its first day for since, to its last for until); undated events
    (period None) only when neither is given. ``categories``: those PLOVER categories only. ``busiest``: only the
    rows with most events, that many (and one more, to tell that there were more), by count."""
    if by not in PERIODS:
        raise StoreError(f"network by {by!r}: choose one of {', '.join(PERIODS)}")
    start, stop = _bound(since, end=False), _bound(until, end=True)
    parts: list[tuple[str, str, list[Any]]] = []  # (template, its date condition, parameters)
    if by == "day":
        if start is None and stop is None:
            parts.append((_EVENTS, "1", []))
        elif start is None or stop is None or start <= stop:
            parts.append((_EVENTS, *_date_range(start.isoformat() if start else None, stop.isoformat() if stop else None)))
    else:
        months, days = plan(start, stop)
        if months is not None:
            parts.append((_MONTHS, *_month_range(*months)))
        parts.extend((_EVENTS, "date BETWEEN ? AND ?", [first, last]) for first, last in days)
        if start is None and stop is None and conn.execute(_ANY_UNDATED).fetchone() is not None:
            parts.append((_EVENTS, "date IS NULL", []))
    chosen = sorted({c.upper() for c in categories}) if categories is not None else None
    if chosen == []:
        return []
    events = f" AND event IN ({', '.join('?' for _ in chosen)})" if chosen is not None else ""

    def sql(template: str, dates: str, mean: str = "", order: str = "") -> str:
        return template.format(period=PERIODS[by], dates=dates, events=events, mean=mean, order=order)

    if len(parts) == 1:  # one query: SQLite groups, orders and divides in one pass
        template, dates, params = parts[0]
        mean = " / COUNT(*)" if template is _EVENTS else " / SUM(n)"
        order = " ORDER BY 1, 2, 3, 4, 5" if busiest is None else f" ORDER BY 6 DESC, 1, 2, 3, 4, 5 LIMIT {int(busiest) + 1}"
        return list(conn.execute(sql(template, dates, mean, order), [*params, *(chosen or ())]))
    merged: dict[tuple[Any, ...], list[Any]] = {}
    for template, dates, params in parts:
        for a, r, p, event, quad, n, total, rowid in conn.execute(sql(template, dates), [*params, *(chosen or ())]):
            key = (a, r, p, event, quad)
            found = merged.get(key)
            if found is None:
                merged[key] = [n, total, rowid]
            else:
                found[0] += n
                found[1] += total
                found[2] = min(found[2], rowid)
    ordered = sorted(merged.items(), key=lambda item: tuple("" if v is None else v for v in item[0]))
    rows: list[Row] = [(*key, n, total / n, rowid) for key, (n, total, rowid) in ordered]  # type: ignore[misc]
    return rows if busiest is None else sorted(rows, key=lambda row: -row[5])[: busiest + 1]


def _date_range(first: str | None, last: str | None) -> tuple[str, list[str]]:
    if first is not None and last is not None:
        return "date BETWEEN ? AND ?", [first, last]
    if first is not None:
        return "date >= ?", [first]
    return "date <= ?", [last]  # type: ignore[list-item]


def _month_range(first: str | None, last: str | None) -> tuple[str, list[str]]:
    if first is None and last is None:
        return "1", []
    if first is not None and last is not None:
        return "year_month BETWEEN ? AND ?", [first, last]
    if first is not None:
        return "year_month >= ?", [first]
    return "year_month <= ?", [last]  # type: ignore[list-item]


def network(conn: sqlite3.Connection, since: str | None = None, until: str | None = None,
            by: str = "month") -> list[dict[str, Any]]:  # fmt: skip
    """``network_rows`` as dicts: ``{actor, recipient, period, event, quad, count, intensity}``."""
    return [
        {"actor": a, "recipient": r, "period": p, "event": ev, "quad": q, "count": n, "intensity": mean}
        for a, r, p, ev, q, n, mean, _ in network_rows(conn, since, until, by)
    ]

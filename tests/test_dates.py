from datetime import date

from newsgraph.events.dates import event_date, find_dates

PUB = date(2024, 11, 18)  # a Monday


def _one(text):
    found = find_dates(text, PUB)
    assert len(found) == 1, found
    return found[0]


def test_dates_part_of_month_without_year_is_the_last_such_month():
    d = _one("Hamas executed six hostages in late August.")
    assert (d.date, d.precision, d.raw) == ("2024-08", "month", "in late August")
    assert _one("talks resumed in early December").date == "2023-12"


def test_dates_full_and_weekday_and_relative():
    assert _one("on November 3, 2023 the army moved").date == "2023-11-03"
    assert _one("The minister said on Friday that").date == "2024-11-15"
    assert _one("talks collapsed last month").date == "2024-10"
    assert _one("in recent months").precision == "month"
    assert _one("He was elected in 2004.").date == "2004"
    assert _one("yesterday").date == "2024-11-17"


def test_dates_modal_may_is_not_a_month():
    assert find_dates("Israel may strike Iran soon", PUB) == []


def test_dates_fall_back_to_publication():
    d = event_date("Qatar suspended its role.", 6, PUB)
    assert (d.date, d.source, d.raw) == ("2024-11-18", "publication", None)
    assert event_date("Qatar suspended its role.", 6, None).date is None


def test_dates_outside_the_trigger_clause_are_ignored():
    sentence = "He declared support, and in early August, Turkey held a day of mourning."
    clause = frozenset(range(0, 19))
    assert event_date(sentence, 3, PUB, clause).source == "publication"
    assert event_date(sentence, 50, PUB, None).date == "2024-08"


def test_dates_for_events_to_come_look_forward():
    assert find_dates("Hamas will release hostages on Saturday", PUB, forward=True)[0].date == "2024-11-23"
    assert find_dates("talks will resume in early February", PUB, forward=True)[0].date == "2025-02"


def test_dates_that_bound_something_else_are_not_event_dates():
    assert find_dates("agreed to extend the deadline to February 18", PUB) == []
    assert find_dates("fighting continued until March 3, 2023", PUB) == []

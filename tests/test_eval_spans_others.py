"""A span that names two actors is listed with both for a check by hand (no model)."""

from newsgraph.eval.spans import SpanReading
from newsgraph.model import Actor


def test_a_span_of_two_actors_lists_the_second_for_a_check_by_hand():
    italy = Actor("Italy", 0, 5, "Italy", "ITA", "ITA", "GOV", "GPE")
    spain = Actor("Spain", 10, 15, "Spain", "ESP", "ESP", "GOV", "GPE")
    listed = SpanReading("dev-1", "actor", "Italy and Spain", "Italy and Spain refused.", italy, (spain,)).to_dict()
    assert listed["country"] == "ITA"
    assert listed["others"] == [{"name": "Spain", "kb_id": "ESP", "country": "ESP", "sector": "GOV"}]
    alone = SpanReading("dev-2", "actor", "Italy", "Italy refused.", italy).to_dict()
    assert "others" not in alone

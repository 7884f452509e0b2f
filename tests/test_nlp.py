import pytest

from newsgraph.layout import WIRE_DATELINE, dateline_place
from newsgraph.nlp import clean_for_parse


def test_nlp_cleaning_keeps_length_and_offsets():
    text = "after Hamas* executed six hostages \u2022 in late August"
    cleaned = clean_for_parse(text)
    assert len(cleaned) == len(text)
    assert "Hamas executed" in cleaned.replace("  ", " ")
    assert cleaned.index("executed") == text.index("executed")


def test_nlp_cleaning_leaves_ordinary_text_alone():
    text = "Qatar asked Hamas to leave; 3 * 4 = 12 is arithmetic."
    assert clean_for_parse("Qatar asked Hamas to leave.") == "Qatar asked Hamas to leave."
    assert clean_for_parse(text).startswith("Qatar asked Hamas to leave;")


@pytest.mark.parametrize(("text", "dateline", "place"), [
    ("KYIV (Reuters) - Ukraine asked for air defence.", "KYIV (Reuters) - ", "Kyiv"),
    ("KILIS, Turkey -- A Turkish court convicted him.", "KILIS, Turkey -- ", "Turkey"),
    ("ADDIS ABABA, May 15 (Xinhua) -- Ethiopia said.", "ADDIS ABABA, May 15 (Xinhua) -- ", "Addis Ababa"),
    ("KABUL (Pajhwok): President Ghani met them.", "KABUL (Pajhwok): ", "Kabul"),
    ("AGRA, India, July 15 (Reuters) - Vajpayee met him.", "AGRA, India, July 15 (Reuters) - ", "India"),
    ("KABUL (Pajhwok) : The OIC condemned it.", "KABUL (Pajhwok) : ", "Kabul"),
    ("Washington - US President Trump said.", None, None),
])  # fmt: skip
def test_nlp_wire_datelines_in_their_usual_forms(text, dateline, place):
    match = WIRE_DATELINE.match(text)
    assert (match.group(0) if match else None) == dateline
    assert dateline_place(text) == place

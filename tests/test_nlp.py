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

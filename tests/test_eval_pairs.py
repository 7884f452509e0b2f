import json

import pytest

from newsgraph.errors import EvalDataError
from newsgraph.eval.pairs import PairRecord, read_pairs, score, unmark
from newsgraph.events.pairs import PairResult


def test_eval_unmark_gives_text_and_spans():
    text, actor, recipient = unmark("<s>Qatar</s> asked <t>Hamas</t> to leave.")
    assert text == "Qatar asked Hamas to leave."
    assert text[actor[0] : actor[1]] == "Qatar" and text[recipient[0] : recipient[1]] == "Hamas"


def test_eval_unmark_irregular_records():
    text, actor, recipient = unmark("Qatar asked <t>Hamas </t>to leave.")
    assert actor is None and text[recipient[0] : recipient[1]] == "Hamas"
    text, actor, recipient = unmark("<s>Qatar</s> asked <s>Egypt</s> and <t>Hamas</t>.")
    assert text[actor[0] : actor[1]] == "Qatar"
    assert unmark("no marks at all") == ("no marks at all", None, None)


def test_eval_score_counts_yield_and_missing_answers():
    records = [
        PairRecord("1", "t", (0, 1), (2, 3), "YIELD", 2),
        PairRecord("2", "t", (0, 1), (2, 3), "REJECT", 3),
        PairRecord("3", "t", (0, 1), (2, 3), "ASSAULT", 4),
    ]
    results = [PairResult("RETREAT", True), PairResult("REJECT", False), PairResult(None, False)]
    scores = score(records, results)
    assert scores.n == 3
    assert scores.accuracy == pytest.approx(2 / 3)
    assert scores.coverage == pytest.approx(1 / 3)
    assert scores.quad_accuracy == pytest.approx(2 / 3)
    assert scores.confusion["ASSAULT"]["NONE"] == 1
    assert 0 < scores.macro_f1 < 1


def test_eval_reads_old_label_names_and_reports_bad_lines(tmp_path):
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "marked_text": "<s>x</s>", "label": "DEMAND", "quad": 3}) + "\n")
    assert read_pairs(path)[0].label == "REQUEST"
    path.write_text('{"id": "a"}\nnot json\n')
    with pytest.raises(EvalDataError) as info:
        read_pairs(path)
    assert info.value.line == 1

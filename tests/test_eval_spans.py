"""`newsgraph eval spans`: marked spans resolved, and sentences coded with the marked category and countries."""

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli.app import app
from newsgraph.eval.pairs import PairRecord
from newsgraph.eval.spans import SentenceResult
from newsgraph.model import Actor, Event, Trigger


def _actor(country: str) -> Actor:
    return Actor(country, 0, 3, country, country, country, "GOV", "GPE")


def _event(category: str, actors: tuple[str, ...], recipients: tuple[str, ...]) -> Event:
    return Event(
        id="ev_x", doc_id="doc_y", event=category, mode=None, context=(), quad=1, intensity=1.0, cameo=None,
        actor=tuple(_actor(c) for c in actors), recipient=tuple(_actor(c) for c in recipients), modality=(),
        attribution=None, date=None, date_precision=None, date_raw=None, date_source=None, location=None,
        sentence="s", sentence_start=0, sentence_end=1, trigger=Trigger("t", 0, 1), confidence=0.5, rule="test",
    )  # fmt: skip


def _sentence(label: str, actor: str, recipient: str, *events: Event) -> SentenceResult:
    record = PairRecord("1", "text", (0, 1), (2, 3), label, None)
    return SentenceResult(record, frozenset({actor}), frozenset({recipient}), tuple(events))


@pytest.mark.parametrize(("result", "right"), [
    (_sentence("ACCUSE", "EGY", "ISR", _event("ACCUSE", ("EGY",), ("ISR",))), True),
    (_sentence("ACCUSE", "EGY", "ISR", _event("ACCUSE", ("ISR",), ("EGY",))), False),  # the sides swapped
    (_sentence("ACCUSE", "EGY", "ISR", _event("REJECT", ("EGY",), ("ISR",))), False),  # another category
    (_sentence("ACCUSE", "EGY", "ISR", _event("ACCUSE", ("EGY",), ())), False),  # no recipient
    (_sentence("AGREE", "JOR", "GBR", _event("AGREE", ("JOR", "GBR"), ())), True),  # reciprocal: both act
    (_sentence("YIELD", "USA", "AFG", _event("RETREAT", ("USA",), ("AFG",))), True),  # YIELD is CONCEDE or RETREAT
])  # fmt: skip
def test_eval_sentence_counts_the_marked_category_and_countries(result, right):
    assert result.right is right


@pytest.mark.model
def test_eval_spans_command_reports_both_measures_and_a_sample(tmp_path):
    rows = [
        {"id": "a", "marked_text": "<s>Egypt</s> condemned <t>Israel</t> over the strikes on Gaza.", "label": "ACCUSE"},
        {"id": "b", "marked_text": "<s>The Zorblax Front</s> condemned <t>Quintavius</t> on Monday.", "label": "ACCUSE"},
        {"id": "c", "marked_text": "<s>Egypt</s> condemned <t>Israel</t> on Monday.", "label": "ACCUSE",
         "actor_countries": ["QAT"], "recipient_countries": ["ISR"]},
    ]  # fmt: skip
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "spans", str(path), "--json", "--sample", "2", "--seed", "3"])
    assert result.exit_code == 0, result.output
    figures, *sample = [json.loads(line) for line in result.stdout.splitlines()]
    # six spans, of which the two unknown names of record b do not resolve
    assert (figures["spans"], figures["spans_resolved"]) == (6, 4)
    # record b has no country on either side; record c's given countries (Qatar) are not those the coder finds
    assert (figures["sentences_scored"], figures["sentences_right"]) == (2, 1)
    assert len(sample) == 2 and all(s["country"] in ("EGY", "ISR") for s in sample)


def test_eval_sentence_with_no_recipient_given_is_reciprocal():
    record = PairRecord("1", "text", (0, 1), None, "ASSAULT", None)
    both = SentenceResult(record, frozenset({"RWA", "UGA"}), frozenset(), (_event("ASSAULT", ("RWA", "UGA"), ()),), True)
    one = SentenceResult(record, frozenset({"RWA", "UGA"}), frozenset(), (_event("ASSAULT", ("RWA",), ("UGA",)),), True)
    assert both.scored and both.right
    assert one.scored and not one.right

"""Score the coder on labelled pairs: sentences with a marked actor (<s>..</s>) and recipient (<t>..</t>).

Labels use PLOVER's 16 categories with CONCEDE and RETREAT merged as YIELD, as in common labelled sets.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.config import Settings
from newsgraph.errors import EvalDataError
from newsgraph.events.ontology import ontology
from newsgraph.events.pairs import CharSpan, PairResult, code_pair_doc
from newsgraph.nlp import clean_for_parse, load_pipeline

LABELS = (
    "AGREE", "CONSULT", "SUPPORT", "YIELD", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
_MARK = re.compile(r"</?[st]>")


@dataclass(frozen=True)
class PairRecord:
    id: str
    text: str
    actor: CharSpan | None
    recipient: CharSpan | None
    label: str
    quad: int | None
    # the country codes of the actor and the recipient, when the file gives them (an empty recipient list: reciprocal)
    actor_countries: tuple[str, ...] | None = None
    recipient_countries: tuple[str, ...] | None = None


def unmark(marked: str) -> tuple[str, CharSpan | None, CharSpan | None]:
    """The plain text and the first <s> and <t> spans of a marked text (repeated markers: the first pair)."""
    out: list[str] = []
    pos = 0
    length = 0
    opened: dict[str, int] = {}
    spans: dict[str, CharSpan] = {}
    for m in _MARK.finditer(marked):
        piece = marked[pos : m.start()]
        out.append(piece)
        length += len(piece)
        pos = m.end()
        tag = m.group(0)
        kind = tag.strip("</>")
        if tag.startswith("</"):
            if kind in opened and kind not in spans:
                spans[kind] = (opened[kind], length)
        elif kind not in opened:
            opened[kind] = length
    out.append(marked[pos:])
    text = "".join(out)
    return text, _trim(text, spans.get("s")), _trim(text, spans.get("t"))


def _trim(text: str, span: CharSpan | None) -> CharSpan | None:
    if span is None:
        return None
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def read_pairs(path: str | Path) -> list[PairRecord]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                data: dict[str, Any] = json.loads(line)
                marked = data.get("marked_text") or data["text"]
                text, actor, recipient = unmark(marked)
                label = ontology().canonical(str(data["label"]))
            except (ValueError, KeyError, TypeError) as e:
                raise EvalDataError(f"not a labelled pair record: {e}", source=str(path), line=number) from e
            quad = data.get("quad")
            given = [tuple(map(str, v)) if isinstance(v := data.get(k), list) else None
                     for k in ("actor_countries", "recipient_countries")]  # fmt: skip
            records.append(PairRecord(str(data.get("id", number)), text, actor, recipient, label, quad, *given))
    return records


def to_label(category: str | None) -> str | None:
    if category in ("CONCEDE", "RETREAT"):
        return "YIELD"
    return category


@dataclass
class Scores:
    n: int
    accuracy: float
    macro_f1: float
    quad_accuracy: float
    coverage: float
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    per_label: dict[str, dict[str, float]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "quad_accuracy": round(self.quad_accuracy, 4),
            "coverage": round(self.coverage, 4),
        }


def code_records(records: list[PairRecord], settings: Settings | None = None) -> list[PairResult]:
    nlp = load_pipeline(settings)
    from newsgraph.api import knowledge_base

    kb = knowledge_base(settings)
    docs = nlp.pipe((clean_for_parse(r.text) for r in records), batch_size=64)
    return [code_pair_doc(doc, r.actor, r.recipient, kb, nlp) for doc, r in zip(docs, records, strict=True)]


def score(records: list[PairRecord], results: Iterable[PairResult]) -> Scores:
    onto = ontology()
    confusion: dict[str, Counter[str]] = {label: Counter() for label in LABELS}
    right = quad_right = linked = 0
    n = 0
    for record, result in zip(records, results, strict=True):
        n += 1
        predicted = to_label(result.category) or "NONE"
        gold = "YIELD" if record.label in ("CONCEDE", "RETREAT") else record.label
        confusion.setdefault(gold, Counter())[predicted] += 1
        right += predicted == gold
        linked += result.linked
        if result.category is not None and record.quad is not None:
            quad_right += onto[result.category].quad == int(record.quad)
    per_label = {}
    for label in LABELS:
        tp = confusion.get(label, Counter())[label]
        fp = sum(row[label] for gold, row in confusion.items() if gold != label)
        fn = sum(confusion.get(label, Counter()).values()) - tp
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[label] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
    macro = sum(v["f1"] for v in per_label.values()) / len(LABELS)
    return Scores(
        n=n,
        accuracy=right / n if n else 0.0,
        macro_f1=macro,
        quad_accuracy=quad_right / n if n else 0.0,
        coverage=linked / n if n else 0.0,
        confusion=confusion,
        per_label=per_label,
    )


def evaluate_pairs(path: str | Path, settings: Settings | None = None) -> Scores:
    """Read a labelled pairs file, code every record and score it."""
    records = read_pairs(path)
    return score(records, code_records(records, settings))

"""Events, not reports: the model article and two rewrites of it count each reported event once."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model
DATA = Path(__file__).parent / "data"


def test_clusters_model_article_and_two_rewrites_count_each_event_once(tmp_path):
    from newsgraph.runner import ingest

    folder = tmp_path / "news"
    folder.mkdir()
    for path in (EXAMPLE, DATA / "rewrite-1.txt", DATA / "rewrite-2.txt"):
        (folder / path.name).write_text(path.read_text("utf-8"), encoding="utf-8")
    db = tmp_path / "corpus.db"
    report = ingest([folder], db, workers=1)
    assert report.coded == 3
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT record, cluster_id FROM events").fetchall()
        clusters = {cid: (mentions, articles) for cid, mentions, articles in
                    connection.execute("SELECT cluster_id, num_mentions, num_articles FROM clusters")}  # fmt: skip

    def cluster_of(category: str, actor: str, recipient: str | None) -> tuple[int, int]:
        found = set()
        for record, cluster_id in rows:
            event = json.loads(record)
            actors = {a["kb_id"] for a in event["actor"]}
            recipients = {a["kb_id"] for a in event["recipient"]}
            if event["event"] == category and actor in actors and (recipient is None or recipient in recipients):
                found.add(cluster_id)
        assert found, (category, actor, recipient)
        return max(clusters[c] for c in found)

    # the same real event, reported by three articles: one cluster of three articles; as in GDELT, a second
    # sentence of one article telling it again is one more mention (the model article tells Qatar's request
    # twice: "had asked Hamas to leave", and later "Qatar's pressure on Hamas to relocate")
    assert cluster_of("REQUEST", "QAT", "HAMAS") == (4, 3)
    assert cluster_of("SUPPORT", "TUR", "HAMAS")[1] == 3
    assert cluster_of("REJECT", "ISR", "TUR") == (3, 3)
    assert cluster_of("SANCTION", "QAT", None) == (3, 3)
    assert cluster_of("ASSAULT", "HAMAS", None) == (3, 3)

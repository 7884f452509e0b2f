"""The Ray runner codes the same corpus into the same rows as the local runner (Ray started with 2 CPUs)."""

import sqlite3

import pytest

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model
ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def ray_session():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _events(db):
    with sqlite3.connect(db) as connection:
        return sorted(connection.execute("SELECT id, event, cluster_id FROM events").fetchall())


def test_runner_ray_gives_the_rows_of_the_local_runner(tmp_path, ray_session):
    from newsgraph.runner import ingest

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "example.txt").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    (folder / "other.txt").write_text("Egypt condemned the attack on Israeli troops.\n", encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    local = ingest([folder], tmp_path / "local.db", workers=1, runner="local")
    remote = ingest([folder], tmp_path / "ray.db", workers=2, runner="ray")
    assert (remote.coded, remote.rejected, remote.events) == (local.coded, local.rejected, local.events)
    assert _events(tmp_path / "ray.db") == _events(tmp_path / "local.db")

"""The command line, run as users run it (integration: uses the real model)."""

import json
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE

pytestmark = pytest.mark.model


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, cwd=cwd)


def test_cli_extract_jsonl_prints_only_records():
    done = run("extract", str(EXAMPLE), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) >= 10
    records = [json.loads(line) for line in lines]
    assert {"id", "doc_id", "event", "actor", "recipient", "modality", "trigger", "rule"} <= set(records[0])


def test_cli_extract_table_is_the_default():
    done = run("extract", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    assert "REQUEST" in done.stdout and "Qatar" in done.stdout


def test_cli_several_paths_one_stream_and_csv(tmp_path):
    other = tmp_path / "b.txt"
    other.write_text("Egypt condemned the attack on Israeli troops.\n", encoding="utf-8")
    done = run("extract", str(EXAMPLE), str(other), "--format", "jsonl", "--date", "2024-11-18")
    assert done.returncode == 0, done.stderr
    docs = {json.loads(line)["doc_id"] for line in done.stdout.splitlines()}
    assert len(docs) == 2
    out = tmp_path / "events.csv"
    done = run("extract", str(EXAMPLE), "--format", "csv", "-o", str(out))
    assert done.returncode == 0 and done.stdout == ""
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,doc_id,event,mode")


def test_cli_no_events_is_still_success(tmp_path):
    path = tmp_path / "calm.txt"
    path.write_text("The weather was mild on the coast.\n", encoding="utf-8")
    done = run("extract", str(path), "--format", "jsonl")
    assert done.returncode == 0 and done.stdout == ""


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"Qatar asked \xff\xfe Hamas to leave.", "UTF-8"),
        ("Le gouvernement fran\u00e7ais a annonc\u00e9 mardi de nouvelles mesures pour soutenir les agriculteurs "
         "touch\u00e9s par la s\u00e9cheresse, apr\u00e8s plusieurs semaines de manifestations dans les campagnes "
         "et de n\u00e9gociations difficiles avec les syndicats agricoles du pays.".encode(), "language"),
    ],
)
def test_cli_bad_input_is_reported_with_its_file(tmp_path, content, needle):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    done = run("extract", str(path), "--format", "jsonl")
    assert done.returncode == 1
    assert str(path) in done.stderr and needle.lower() in done.stderr.lower()
    assert done.stdout == ""


def test_cli_bad_file_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    done = run("extract", str(bad), str(EXAMPLE), "--format", "jsonl")
    assert done.returncode == 1
    assert done.stdout.strip() and str(bad) in done.stderr


def test_cli_jsonl_input_bad_line_reported_with_line_number(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "Egypt condemned the attack on Israeli troops.", "published": "2024-11-18"})
        + "\nnot json\n"
        + json.dumps({"text": "Qatar asked Hamas to leave Doha."})
        + "\n",
        encoding="utf-8",
    )
    done = run("extract", str(path), "--format", "jsonl")
    assert f"{path}:2" in done.stderr
    assert len({json.loads(line)["doc_id"] for line in done.stdout.splitlines()}) == 2


def test_cli_oversized_input(tmp_path):
    import os

    path = tmp_path / "big.txt"
    path.write_text("Qatar asked Hamas to leave. " * 100, encoding="utf-8")
    env = {**os.environ, "NEWSGRAPH_MAX_BYTES": "1000"}
    done = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", str(path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 1 and "NG106" in done.stderr


def test_cli_output_file_is_not_left_half_written(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    done = run("extract", str(bad), "--format", "jsonl", "-o", str(out))
    assert done.returncode == 1
    assert not list(tmp_path.glob("*.part"))
    assert not out.exists()  # nothing was read: no file, not an empty one


def test_cli_reads_standard_input_and_names_its_source():
    done = subprocess.run(
        [sys.executable, "-m", "newsgraph", "extract", "-", "--format", "jsonl", "--date", "2024-11-18"],
        input="Qatar asked Hamas to leave Doha.", capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout.splitlines()[0])
    assert record["event"] == "REQUEST" and record["source"] == "<stdin>"
    assert "coded 1 of 1 inputs" in done.stderr


def test_cli_records_carry_their_file(tmp_path):
    done = run("extract", str(EXAMPLE), "--format", "jsonl")
    record = json.loads(done.stdout.splitlines()[0])
    assert record["source"] == str(EXAMPLE)
    assert record["title"].startswith("Hamas Leadership Moves")


def test_cli_unwritable_output_and_bad_date_are_clear_errors(tmp_path):
    done = run("extract", str(EXAMPLE), "-o", str(tmp_path / "missing" / "out.jsonl"))
    assert done.returncode == 1 and "cannot write there" in done.stderr and "Traceback" not in done.stderr
    done = run("extract", str(EXAMPLE), "--date", "yesterday")
    assert done.returncode == 1 and "--date" in done.stderr and "Traceback" not in done.stderr


def test_cli_output_file_is_readable_by_others(tmp_path):
    out = tmp_path / "events.jsonl"
    done = run("extract", str(EXAMPLE), "--format", "jsonl", "-o", str(out))
    assert done.returncode == 0
    import os

    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # as any file the user creates, not private to us


def test_cli_actors_lookup_says_who_and_why():
    done = run("actors", "lookup", "the Israeli prime minister", "--date", "2021-08-01", "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["actor"]["kb_id"] == "naftali_bennett" and found["office"]["office"] == "prime minister"
    assert found["why"]


def test_cli_actors_list_filters_by_country_and_sector():
    done = run("actors", "list", "--country", "QAT", "--kind", "state", "--json")
    assert done.returncode == 0
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["QAT"]


def test_cli_eval_actors_reports_scores(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text("- {text: the Kremlin, date: 2022-03-01, country: RUS, sector: GOV}\n"
                    "- {text: Zorblax Quintavius, date: 2020-01-01, country: null}\n", encoding="utf-8")
    done = run("eval", "actors", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"n": 2, "accuracy": 1.0, "country": 1.0, "sector": 1.0, "person": 1.0}

"""Reading inputs: every kind of bad input, titles, datelines, JSONL and HTML (no spaCy)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.config import Settings
from newsgraph.errors import (
    BinaryInput,
    ConfigError,
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    NonEnglishInput,
    OversizedInput,
    UnreadableInput,
)
from newsgraph.ingest import read_path, read_text
from newsgraph.model import Article

EXAMPLE = Path("/work/shared/examples/qatar-turkey-hamas-2024-11-18.txt")

TITLE = "Hamas Leadership Moves from Qatar to Turkey Amid Hostage Negotiations and International Pressure"
BODY = (
    "Recent reports have revealed that senior members of Hamas's leadership have left Qatar "
    "and are now based in Turkey. According to Israel's state broadcaster KAN, the shift comes "
    "amid growing international pressure on Qatar to expel the group from its territory.\n"
    "While it remains unclear whether these reports are directly related, Turkey has been a "
    "consistent supporter of Hamas throughout the Gaza conflict.\n"
    "Turkey\u2019s Continued Support for Hamas\n"
    "Since the beginning of the Gaza war, Erdogan has made statements affirming Turkey's position.\n"
)
# The shape of the example file's first lines: headline, date, time, reading time, body.
SHAPED = f"{TITLE}\nNovember 18, 2024\n1:14 PM\nReading time: 3 minutes\n{BODY}"

GERMAN = (
    "Die Bundesregierung hat am Montag in Berlin neue Maßnahmen zur Unterstützung der "
    "Wirtschaft beschlossen. Nach Angaben des Finanzministeriums sollen vor allem kleine und "
    "mittlere Unternehmen von den Hilfen profitieren, die in den kommenden Wochen ausgezahlt "
    "werden. Die Opposition kritisierte das Paket als unzureichend und forderte weitere "
    "Entlastungen für die Bürgerinnen und Bürger, die unter den hohen Energiepreisen leiden."
)
FRENCH = (
    "Le gouvernement français a annoncé mardi une série de mesures destinées à soutenir les "
    "agriculteurs touchés par la sécheresse. Selon le ministre de l'Agriculture, les aides "
    "seront versées dès le mois prochain aux exploitations les plus durement frappées. Les "
    "syndicats ont salué ces annonces tout en estimant qu'elles restaient insuffisantes face "
    "à l'ampleur de la crise qui frappe les campagnes depuis le début de l'été."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def only_article(path: Path, **kwargs: object) -> Article:
    result = read_path(path, **kwargs)  # type: ignore[arg-type]
    assert result.rejected == []
    assert len(result.articles) == 1
    return result.articles[0]


# --- bad inputs -------------------------------------------------------------------------


def test_ingest_missing_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(UnreadableInput) as info:
        read_path(path)
    assert info.value.source == str(path)
    assert info.value.code == "NG101"


def test_ingest_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput, match="directory"):
        read_path(tmp_path)
    folder = tmp_path / "corpus.jsonl"
    folder.mkdir()
    with pytest.raises(UnreadableInput, match="directory"):
        read_path(folder)


def test_ingest_empty_file(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.html", "empty.jsonl"):
        with pytest.raises(EmptyInput) as info:
            read_path(write(tmp_path, name, b""))
        assert info.value.source == str(tmp_path / name)


def test_ingest_white_space_only(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="white space"):
        read_path(write(tmp_path, "blank.txt", " \n\t\r\n  \n"))
    with pytest.raises(EmptyInput):
        read_path(write(tmp_path, "blank.jsonl", "\n  \n\n"))
    with pytest.raises(EmptyInput):
        read_text("\u00a0\u3000 \n")


def test_ingest_binary_with_nul(tmp_path: Path) -> None:
    with pytest.raises(BinaryInput, match="NUL"):
        read_path(write(tmp_path, "a.txt", b"Some text\x00\x01\x02 more text\n"))
    with pytest.raises(BinaryInput):
        read_text("Some text\x00 more text")


def test_ingest_binary_control_characters(tmp_path: Path) -> None:
    with pytest.raises(BinaryInput, match="control"):
        read_path(write(tmp_path, "a.txt", b"abc\x01\x02\x03\x04\x05\x06defghij\x07\x08\n"))


def test_ingest_pdf_magic(tmp_path: Path) -> None:
    with pytest.raises(BinaryInput, match="PDF"):
        read_path(write(tmp_path, "report.txt", b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"))
    with pytest.raises(BinaryInput, match="PNG"):
        read_path(write(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n....IHDR"))


def test_ingest_invalid_utf8_names_line_and_offset(tmp_path: Path) -> None:
    data = b"First line\nSecond line\nThird caf\xe9 line\n"
    with pytest.raises(EncodingError) as info:
        read_path(write(tmp_path, "latin1.txt", data))
    assert info.value.line == 3
    offset = data.index(b"\xe9")
    assert f"byte {offset}" in info.value.message
    assert info.value.code == "NG104"


def test_ingest_non_english_rejected(tmp_path: Path) -> None:
    assert len(GERMAN) >= 300 and len(FRENCH) >= 300
    with pytest.raises(NonEnglishInput, match="'de'"):
        read_path(write(tmp_path, "de.txt", GERMAN))
    with pytest.raises(NonEnglishInput, match="'fr'"):
        read_text(FRENCH)


def test_ingest_oversized_file(tmp_path: Path) -> None:
    text = "The ministers met in Geneva on Monday. " * 5
    path = write(tmp_path, "big.txt", text)
    with pytest.raises(OversizedInput) as info:
        read_path(path, settings=Settings(max_bytes=100))
    assert "100" in info.value.message
    assert only_article(path, settings=Settings(max_bytes=500)).text == text
    with pytest.raises(OversizedInput):
        read_text(text, settings=Settings(max_bytes=100))


def test_ingest_short_non_english_taken_as_english() -> None:
    article = read_text("Die Regierung hat am Montag neue Maßnahmen beschlossen.")
    assert article.language == "en"
    assert article.text.startswith("Die Regierung")


# --- JSONL ------------------------------------------------------------------------------


def test_ingest_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Officials met in Geneva on Monday.", "title": "Talks", "url": "https://e.com/1",
                    "published": "2024-11-18", "publisher": "Planet"}),
        "{not json",
        "",
        json.dumps({"title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": GERMAN}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Ministers said the talks would continue next week."}),
    ]
    path = write(tmp_path, "corpus.jsonl", "\n".join(lines) + "\n")
    result = read_path(path)

    assert [a.source for a in result.articles] == [f"{path}:1", f"{path}:8"]
    first = result.articles[0]
    assert (first.title, first.url, first.published, first.publisher) == ("Talks", "https://e.com/1", "2024-11-18", "Planet")
    assert result.articles[1].text == "Ministers said the talks would continue next week."

    rejected = {r.line: r for r in result.rejected}
    assert set(rejected) == {2, 4, 5, 6, 7}
    assert rejected[2].code == MalformedRecord.code and "JSON" in rejected[2].reason
    assert rejected[4].code == MalformedRecord.code and "text" in rejected[4].reason
    assert rejected[5].code == MalformedRecord.code and "object" in rejected[5].reason
    assert rejected[6].code == NonEnglishInput.code
    assert rejected[7].code == EmptyInput.code
    assert all(r.source == str(path) for r in result.rejected)


def test_ingest_jsonl_oversized_and_bad_utf8_lines(tmp_path: Path) -> None:
    good = json.dumps({"text": "A short text."}).encode()
    big = json.dumps({"text": "word " * 50}).encode()
    data = b"\xef\xbb\xbf" + good + b"\n" + big + b"\n" + b'{"text": "caf\xe9"}\r\n' + good + b"\r\n"
    result = read_path(write(tmp_path, "c.ndjson", data), settings=Settings(max_bytes=100))
    assert [a.source.rsplit(":", 1)[1] for a in result.articles if a.source] == ["1", "4"]
    assert [(r.line, r.code) for r in result.rejected] == [(2, OversizedInput.code), (3, EncodingError.code)]


def test_ingest_jsonl_published_and_text_dateline(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Talks\nNov. 18, 2024\nOfficials met.", "published": "November 19, 2024"}),
        json.dumps({"text": "Talks\nNov. 18, 2024\nOfficials met."}),
        json.dumps({"text": "Officials met.", "published": "last week"}),
    ]
    path = write(tmp_path, "d.jsonl", "\n".join(lines))
    result = read_path(path)
    assert [a.published for a in result.articles] == ["2024-11-19", "2024-11-18"]
    assert [(r.line, r.code) for r in result.rejected] == [(3, MalformedRecord.code)]

    overridden = read_path(path, published="2025-01-02")
    assert [a.published for a in overridden.articles] == ["2025-01-02"] * 3
    assert overridden.rejected == []


# --- plain text: title, dateline, text kept as read -------------------------------------


def test_ingest_title_and_dateline_like_example(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "qatar.txt", SHAPED))
    assert article.title == TITLE
    assert article.published == "2024-11-18T13:14"
    assert article.language == "en"
    assert article.text == SHAPED
    assert article.source == str(tmp_path / "qatar.txt")


def test_ingest_example_file_text_equals_content() -> None:
    if not EXAMPLE.exists():
        pytest.skip("shared example file not present")
    article = only_article(EXAMPLE)
    assert article.text == EXAMPLE.read_bytes().decode("utf-8").replace("\r\n", "\n")
    assert article.title == TITLE
    assert article.published == "2024-11-18T13:14"


def test_ingest_no_title_when_first_line_is_a_sentence() -> None:
    text = (
        "Senior members of the group have left the country and are now based abroad, "
        "according to reports on Monday.\nThe move comes amid pressure.\n"
    )
    assert read_text(text).title is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Only one line without a break", None),
        ("Talks Resume?\nBody text.\n", None),
        ("Ministers said:\nBody text.\n", None),
        ("\n\n  Talks Resume in Geneva  \nBody text.\n", "Talks Resume in Geneva"),
        ("November 18, 2024\nBody text.\n", None),
    ],
)
def test_ingest_title_rules(text: str, title: str | None) -> None:
    assert read_text(text).title == title


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("November 18, 2024", "2024-11-18"),
        ("18 November 2024", "2024-11-18"),
        ("Nov. 18, 2024", "2024-11-18"),
        ("2024-11-18", "2024-11-18"),
        ("Monday, November 18, 2024", "2024-11-18"),
        ("Sept. 3rd, 2023", "2023-09-03"),
        ("November 18, 2024 1:14 PM", "2024-11-18T13:14"),
        ("18 November 2024 13:14", "2024-11-18T13:14"),
        ("Nov. 18, 2024\n1:14 p.m. ET", "2024-11-18T13:14"),
        ("Monday, November 18, 2024\n12:05 AM", "2024-11-18T00:05"),
        ("2024-11-18T09:30", "2024-11-18T09:30"),
        ("Published: Nov 18, 2024 at 9:05 am", "2024-11-18T09:05"),
        ("Published 3 Sep 2023 | Updated 4 Sep 2023 10:00", "2023-09-03"),
        ("Nov. 18, 2024\nUpdated 2:30 PM", "2024-11-18"),
        ("November 31, 2024", None),
    ],
)
def test_ingest_dateline_formats(dateline: str, published: str | None) -> None:
    article = read_text(f"Ministers Meet in Geneva\n{dateline}\nThe ministers met on Monday.\n")
    assert article.published == published
    assert article.title == "Ministers Meet in Geneva"


def test_ingest_dateline_not_taken_from_body_sentence() -> None:
    text = (
        "Ministers Meet in Geneva\nThe foreign ministers of several countries said that talks held "
        "in the Swiss city on November 18, 2024 had made progress toward a ceasefire agreement.\n"
    )
    assert read_text(text).published is None


def test_ingest_dateline_beyond_first_lines_ignored() -> None:
    text = "Title Line\n" + "Sentence.\n" * 8 + "November 18, 2024\n"
    assert read_text(text).published is None


def test_ingest_published_override(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", SHAPED)
    assert only_article(path, published="2024-12-01").published == "2024-12-01"
    assert read_text(SHAPED, published="2024-12-01T08:00").published == "2024-12-01T08:00"
    assert read_text(SHAPED, published="December 1, 2024").published == "2024-12-01"
    with pytest.raises(ConfigError):
        read_text(SHAPED, published="yesterday")


def test_ingest_crlf_normalised(tmp_path: Path) -> None:
    crlf = SHAPED.replace("\n", "\r\n")
    article = only_article(write(tmp_path, "crlf.txt", crlf))
    assert article.text == SHAPED
    assert article.title == TITLE
    assert article.published == "2024-11-18T13:14"
    assert read_text("Line one\rLine two\r\nLine three").text == "Line one\nLine two\nLine three"


def test_ingest_bom_removed(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + SHAPED.encode("utf-8")))
    assert article.text == SHAPED
    assert article.title == TITLE
    assert read_text("\ufeff" + SHAPED).text == SHAPED
    with pytest.raises(EmptyInput):
        read_path(write(tmp_path, "bom-only.txt", b"\xef\xbb\xbf"))


def test_ingest_text_kept_exactly(tmp_path: Path) -> None:
    text = "  \n\nTitle Here\n\n  Indented body,  with  spaces.\t\n\n\n"
    assert only_article(write(tmp_path, "a.txt", text)).text == text


def test_ingest_errors_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_path(write(tmp_path, "x.txt", b""))
    assert str(info.value).startswith(str(tmp_path / "x.txt"))


# --- HTML -------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ministers Meet in Geneva | Daily Planet</title>
<meta property="og:title" content="Ministers Meet in Geneva to Discuss Ceasefire">
<meta property="article:published_time" content="2024-11-18T13:14:00Z">
<meta property="og:site_name" content="Daily Planet">
<link rel="canonical" href="https://example.com/news/geneva">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport results</a></li></ul></nav>
<div class="menu">Subscribe now | Sign in | Newsletter</div>
<article><h1>Ministers Meet in Geneva to Discuss Ceasefire</h1>
<p>The foreign ministers of several countries met in Geneva on Monday to discuss a possible
ceasefire in the region, officials said after the talks ended late in the evening.</p>
<p>The talks, hosted by the Swiss government, lasted more than six hours. Diplomats described
the atmosphere as constructive but cautioned that significant differences remained.</p>
<p>A further round of negotiations is expected next week, according to a statement released
by the Swiss foreign ministry on Tuesday morning.</p>
</article>
<footer><p>Copyright 2024 Daily Planet. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>
"""


def test_ingest_html_article_without_boilerplate(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "page.html", HTML))
    assert "met in Geneva on Monday" in article.text
    assert "further round of negotiations" in article.text
    assert "Copyright" not in article.text
    assert "Sport results" not in article.text
    assert "Subscribe" not in article.text
    assert article.published == "2024-11-18"
    assert article.title == "Ministers Meet in Geneva to Discuss Ceasefire"
    assert article.url == "https://example.com/news/geneva"
    assert article.publisher == "Daily Planet"
    assert only_article(write(tmp_path, "page.htm", HTML), published="2025-01-01").published == "2025-01-01"


def test_ingest_html_without_article_text(tmp_path: Path) -> None:
    with pytest.raises(EmptyInput, match="no article text found in the HTML"):
        read_path(write(tmp_path, "empty.html", "<html><head><title>x</title></head><body></body></html>"))

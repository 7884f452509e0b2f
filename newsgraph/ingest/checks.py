"""Checks every input goes through before it becomes an Article.

File level, in this order: unreadable, oversized, empty, binary, invalid UTF-8.
Text level: empty, binary characters, oversized, language.
Each failed check raises the matching ``InputError`` subclass.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

from newsgraph.config import Settings
from newsgraph.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    NonEnglishInput,
    OversizedInput,
    UnreadableInput,
)

BOM = b"\xef\xbb\xbf"
HEAD_BYTES = 8192
MAX_CONTROL_SHARE = 0.10
# Characters of text given to language detection; more buys nothing but time.
LANGUAGE_SAMPLE = 2000
# A non-English top guess is let through when English is still this likely (mixed text).
MIN_ENGLISH_SHARE = 0.30

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a GZIP archive"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE (old Office) file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"\x7fELF", "an ELF executable"),
)
# Control bytes other than tab, LF and CR (and DEL).
_CONTROL = frozenset(set(range(32)) - {9, 10, 13}) | {127}

DetectorFactory.seed = 0


def stat_file(path: Path) -> os.stat_result:
    """The file's stat; UnreadableInput if it is missing, not allowed or a directory."""
    try:
        info = path.stat()
    except OSError as e:
        raise unreadable(path, e) from e
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableInput("is a directory, not a file", source=str(path))
    return info


def unreadable(path: Path, error: OSError) -> UnreadableInput:
    return UnreadableInput(f"cannot read file: {error.strerror or error}", source=str(path))


def read_file(path: Path, settings: Settings) -> bytes:
    """Read a file's bytes: UnreadableInput if it cannot be read, OversizedInput if too large."""
    source = str(path)
    info = stat_file(path)
    if stat.S_ISREG(info.st_mode) and info.st_size > settings.max_bytes:
        raise oversized(info.st_size, settings, source)
    try:
        with path.open("rb") as handle:
            data = handle.read(settings.max_bytes + 1)
    except OSError as e:
        raise unreadable(path, e) from e
    if len(data) > settings.max_bytes:
        raise oversized(len(data), settings, source)
    return data


def oversized(size: int, settings: Settings, source: str | None, line: int | None = None) -> OversizedInput:
    return OversizedInput(
        f"input is {size} bytes, more than the limit of {settings.max_bytes} (NEWSGRAPH_MAX_BYTES)",
        source=source,
        line=line,
    )


def check_not_empty(data: bytes, source: str | None) -> None:
    """EmptyInput if the bytes (BOM aside) hold nothing or only white space."""
    body = data.removeprefix(BOM)
    if not body:
        raise EmptyInput("input is empty", source=source)
    if not body.strip():
        raise EmptyInput("input holds only white space", source=source)


def binary_reason(data: bytes) -> str | None:
    """Why these bytes look binary (a known magic, a NUL, many control bytes), else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return f"input is binary data ({kind}), not text"
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"input is binary data (NUL byte at offset {nul}), not text"
    head = data[:HEAD_BYTES]
    if head:
        controls = sum(1 for byte in head if byte in _CONTROL)
        if controls / len(head) > MAX_CONTROL_SHARE:
            share = round(100 * controls / len(head))
            return f"input is binary data ({share}% control characters), not text"
    return None


def check_not_binary(data: bytes, source: str | None) -> None:
    reason = binary_reason(data)
    if reason:
        raise BinaryInput(reason, source=source)


def line_of(data: bytes, offset: int) -> int:
    """1-based line number of the byte at ``offset`` (LF, CRLF and lone CR end lines)."""
    prefix = data[:offset]
    return prefix.count(b"\n") + prefix.count(b"\r") - prefix.count(b"\r\n") + 1


def decode_utf8(data: bytes, source: str | None, *, base_offset: int = 0, base_line: int = 1) -> str:
    """Decode UTF-8, dropping a leading BOM. EncodingError names the first bad byte's offset and line."""
    skip = len(BOM) if data.startswith(BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        offset = skip + e.start
        line = base_line + line_of(data, offset) - 1
        raise EncodingError(
            f"invalid UTF-8 at byte {base_offset + offset} (line {line}): "
            f"byte 0x{data[offset]:02x}, {e.reason}",
            source=source,
            line=line,
        ) from e


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_file(data: bytes, source: str | None) -> str:
    """The file-level checks after reading: empty, binary, UTF-8; returns LF-normalised text."""
    check_not_empty(data, source)
    check_not_binary(data, source)
    return normalise_newlines(decode_utf8(data, source))


def check_text(text: str, settings: Settings, *, source: str | None = None, line: int | None = None) -> str:
    """Text-level checks (empty, binary, oversized, language); returns the language code."""
    if not text.strip():
        raise EmptyInput("input holds no text" if not text else "input holds only white space", source=source, line=line)
    reason = binary_reason(text[:HEAD_BYTES].encode("utf-8"))
    if reason:
        raise BinaryInput(reason, source=source, line=line)
    size = len(text.encode("utf-8"))
    if size > settings.max_bytes:
        raise oversized(size, settings, source, line)
    language = detect_language(text, settings)
    if language != "en":
        raise NonEnglishInput(
            f"text is in language {language!r}, not English", source=source, line=line
        )
    return language


def detect_language(text: str, settings: Settings) -> str:
    """langdetect's code for the text's language; "en" when too short (or too odd) to judge."""
    sample = text[: max(LANGUAGE_SAMPLE, 2 * settings.min_chars_for_language)]
    letters = sum(1 for char in sample if char.isalpha())
    if letters < settings.min_chars_for_language:
        return "en"
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return "en"
    if not guesses:
        return "en"
    top = guesses[0].lang
    if top == "en" or any(g.lang == "en" and g.prob >= MIN_ENGLISH_SHARE for g in guesses):
        return "en"
    return str(top)

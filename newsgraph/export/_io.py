"""Writing files whole or not at all, and text targets that are a path or an open stream.

A file is written to a temporary file in the destination's directory (``.<name>.<random>.part``), which replaces
the destination only once everything was written; on any error the temporary file is removed and the destination
is left as it was. The final file gets the usual permissions (0666 less the umask). An ``OSError`` becomes
``OutputError`` (NG500) naming the path.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO, TypeAlias

from newsgraph.errors import OutputError

FilePath: TypeAlias = "str | os.PathLike[str]"
TextTarget: TypeAlias = "str | os.PathLike[str] | TextIO"


def is_stream(target: object) -> bool:
    """True for an open text stream (anything with ``write``), False for a path."""
    return hasattr(target, "write")


def _reserve(path: Path) -> Path:
    """Create an empty, uniquely named file beside ``path`` (permissions 0666 less the umask)."""
    while True:
        candidate = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate


@contextmanager
def atomic_path(path: FilePath) -> Iterator[Path]:
    """Yield a temporary path to write; it replaces ``path`` when the block ends without an error."""
    final = Path(path)
    try:
        temporary = _reserve(final)
    except OSError as e:
        raise OutputError(f"cannot write there: {e.strerror or e}", source=str(final)) from e
    try:
        yield temporary
        os.replace(temporary, final)
    except OSError as e:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {e.strerror or e}", source=str(final)) from e
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


@contextmanager
def text_output(target: TextTarget) -> Iterator[TextIO]:
    """An open stream as it is (not closed), or a path written whole or not at all (UTF-8, ``\\n`` line ends)."""
    if is_stream(target):
        yield target  # type: ignore[misc]
        return
    with atomic_path(target) as temporary:  # type: ignore[arg-type]
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            yield stream


def clean_cell(value: object) -> str:
    """A value as one tab-separated cell: None is empty; tabs and line breaks become spaces."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\r\n", " ").replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return text

"""Options shared by several commands."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError

# Messages go to standard error, unwrapped so that each stays one line for grep and logs.
err = Console(stderr=True, soft_wrap=True)


class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def fail(error: NewsgraphError) -> typer.Exit:
    """The one place an error becomes a message and exit code 1."""
    err.print(f"error: {error}", markup=False, highlight=False)
    return typer.Exit(code=1)

KbOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--kb",
        help="Your own actors: a YAML file in newsgraph's format, or a CAMEO/PETRARCH actor dictionary "
        "(repeatable). Entries with a shipped id override it.",
    ),
]


def settings_with(kb_files: list[Path] | None) -> Settings:
    """The settings from the environment, with the user's KB files of the command line added."""
    settings = Settings.from_env()
    if kb_files:
        settings = settings.with_(kb_files=(*settings.kb_files, *(str(p) for p in kb_files)))
    return settings

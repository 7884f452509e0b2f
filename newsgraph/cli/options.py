"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.config import Settings

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

"""The docs keep up with the code: every command has help with an example and is shown in the README."""

from pathlib import Path

import typer.main

from newsgraph.cli.app import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix=""):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, f"{prefix}{name} ")
        else:
            yield f"{prefix}{name}", command


def test_docs_every_command_has_help_with_an_example_and_is_in_the_readme():
    click_app = typer.main.get_command(app)
    names = []
    for name, command in _commands(click_app):
        names.append(name)
        assert command.help and "Example:" in command.help, name
        assert f"newsgraph {name}" in README, name
    assert {"extract", "eval pairs", "ingest", "events", "search", "stats", "export", "actors lookup"} <= set(names)

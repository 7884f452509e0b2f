"""``newsgraph actors``: look up who a name or title is on a date; list the knowledge base."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.options import KbOption, err, fail, settings_with
from newsgraph.errors import NewsgraphError

actors_app = typer.Typer(help="Look up actors in the knowledge base.", no_args_is_help=True)


@actors_app.command("lookup")
def lookup_cmd(
    text: Annotated[str, typer.Argument(help="A name, title or phrase as news writes it.")],
    on: Annotated[str | None, typer.Option("--date", help="The date to resolve titles and offices on (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    kb: KbOption = None,
) -> None:
    """Who TEXT names on a date: country, sector, office held then, and why.

    Example: newsgraph actors lookup "the Israeli prime minister" --date 2021-08-01
    """
    from newsgraph.api import lookup

    try:
        found = lookup(text, on, settings=settings_with(kb))
    except NewsgraphError as e:
        raise fail(e) from e
    except ValueError as e:
        err.print(f"error: --date: {e}", markup=False)
        raise typer.Exit(1) from e
    if as_json:
        sys.stdout.write(json.dumps(found.to_dict(), ensure_ascii=False) + "\n")
        return
    actor = found.actor
    console = Console(soft_wrap=True)
    console.print(f"{text!r} on {found.day or 'today'}:", markup=False)
    console.print(f"  name     {actor.name or '(unknown)'}   id {actor.kb_id or '-'}", markup=False)
    console.print(f"  country  {actor.country or '-'}   sector {actor.sector or '-'}   type {actor.entity_type or '-'}",
                  markup=False)  # fmt: skip
    if found.office is not None:
        o = found.office
        console.print(f"  office   {o.office} of {o.of}, {o.start or '?'} to {o.end or 'now'}", markup=False)
    for reason in found.why:
        console.print(f"  why      {reason}", markup=False)


@actors_app.command("list")
def list_cmd(
    country: Annotated[str | None, typer.Option("--country", help="Only entries of this country code (e.g. TUR).")] = None,
    sector: Annotated[str | None, typer.Option("--sector", help="Only entries of this sector (e.g. GOV, REB).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="state, org or person.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    kb: KbOption = None,
) -> None:
    """List knowledge-base entries. A person's country and sector are those of their latest office.

    Example: newsgraph actors list --country TUR --sector GOV
    """
    from newsgraph.api import knowledge_base

    rows = []
    for entry in knowledge_base(settings_with(kb)).entries.values():
        office = entry.office_on(None) or (entry.offices[-1] if entry.offices else None)
        entry_country = office.of if office and len(office.of) == 3 and office.of.isupper() else entry.country
        entry_sector = office.sector if office else entry.sector
        if country and (entry_country or "").upper() != country.upper():
            continue
        if sector and (entry_sector or "").upper() != sector.upper():
            continue
        if kind and entry.kind != kind:
            continue
        rows.append((entry, entry_country, entry_sector, office))
    if as_json:
        for entry, c, s, office in rows:
            record = {"id": entry.id, "name": entry.name, "kind": entry.kind, "country": c, "sector": s,
                      "office": office.office if office else None, "aliases": list(entry.aliases)}  # fmt: skip
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(rows)} entries")
    for name in ("id", "name", "kind", "country", "sector", "office (latest)"):
        table.add_column(name)
    for entry, c, s, office in rows:
        held = f"{office.office} {office.start or ''}-{office.end or 'now'}" if office else ""
        table.add_row(entry.id, entry.name, entry.kind, c or "", s or "", held)
    Console(width=160).print(table)


def load_problems(kb_files: list[Path] | None) -> list[str]:
    from newsgraph.api import knowledge_base

    return knowledge_base(settings_with(kb_files)).problems

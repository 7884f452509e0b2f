"""How news text is laid out: the wire dateline that opens a story ("KYIV (Reuters) - ", "KILIS, Turkey -- ",
"GAZA CITY/JERUSALEM - ", "ADDIS ABABA, May 15 (Xinhua) -- ", "KABUL (Pajhwok): ")."""

from __future__ import annotations

import re
from collections.abc import Iterator

_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2}"  # "May 15", "Feb. 3"
WIRE_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<city>[A-Z][A-Z.'\-/]+(?:[ ][A-Z][A-Z.'\-/]+)*)"
    rf"(?:,[ ](?:{_MONTH_DAY}|(?P<region>[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)))?(?:,[ ]{_MONTH_DAY})?"
    r"(?:[ ]?\([A-Za-z .&/\-]+\))?(?:[ ]?(?:--|-|\u2014|\u2013)|[ ]?:)[ ]+"
)


def wire_datelines(text: str) -> Iterator[re.Match[str]]:
    """Every wire dateline that opens a line of ``text``."""
    return WIRE_DATELINE.finditer(text)


def dateline_place(text: str) -> str | None:
    """The place named by the first wire dateline ("TBILISI" -> "Tbilisi", "KILIS, Turkey" -> "Turkey")."""
    match = next(wire_datelines(text), None)
    if match is None:
        return None
    return match.group("region") or match.group("city").split("/")[0].title()  # "GAZA CITY/JERUSALEM": Gaza City

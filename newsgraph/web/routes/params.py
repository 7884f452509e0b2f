"""Query parameters shared by several routes, with their bounds."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from fastapi import Query

from newsgraph.events.ontology import CATEGORIES
from newsgraph.web.settings import DEFAULT_PAGE, MAX_PAGE

Category = Enum("Category", {name: name for name in CATEGORIES}, type=str)  # type: ignore[misc]

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_OFFSET = 10_000_000
MAX_WORDS = 200

Since = Annotated[str | None, Query(pattern=DATE, description="From this date: YYYY-MM-DD (or YYYY-MM, YYYY).")]
Until = Annotated[str | None, Query(pattern=DATE, description="Until this date: YYYY-MM-DD (or YYYY-MM, YYYY).")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"At most this many (1..{MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many first.")]
Party = Annotated[str | None, Query(max_length=MAX_WORDS, description="KB id, country code or words of the name.")]
DEFAULT_LIMIT = DEFAULT_PAGE

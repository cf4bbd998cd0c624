"""Units and currencies a figure is measured in (:mod:`index.compare.figures` reads them).

Each unit word is folded onto one base unit per dimension ("30 miles" and "48km" meet in km,
"170,000-square-foot" and "15,800-square-metre" in m2, "three-month" and "90-day" in days), so that
two figures of one dimension compare as numbers; each currency word or sign onto its ISO code.
"""

from __future__ import annotations

__all__ = ["CURRENCY", "PER_DAY", "UNIT"]

# --- units and measures ---------------------------------------------------------------------------

# unit word (lower case, as written) -> (dimension, factor onto the dimension's base unit)
UNIT = {
    "km": ("distance", 1.0),
    "kms": ("distance", 1.0),
    "kilometer": ("distance", 1.0),
    "kilometers": ("distance", 1.0),
    "kilometre": ("distance", 1.0),
    "kilometres": ("distance", 1.0),
    "mile": ("distance", 1.609),
    "miles": ("distance", 1.609),
    "nautical mile": ("distance", 1.852),
    "nautical miles": ("distance", 1.852),
    "meter": ("distance", 1e-3),
    "meters": ("distance", 1e-3),
    "metre": ("distance", 1e-3),
    "metres": ("distance", 1e-3),
    "m": ("distance", 1e-3),
    "feet": ("distance", 3.048e-4),
    "foot": ("distance", 3.048e-4),
    "ft": ("distance", 3.048e-4),
    "yards": ("distance", 9.144e-4),
    "square foot": ("area", 0.0929),
    "square feet": ("area", 0.0929),
    "square metre": ("area", 1.0),
    "square metres": ("area", 1.0),
    "square meter": ("area", 1.0),
    "square meters": ("area", 1.0),
    "square kilometers": ("area", 1e6),
    "square kilometres": ("area", 1e6),
    "square km": ("area", 1e6),
    "sq km": ("area", 1e6),
    "square miles": ("area", 2.59e6),
    "square mile": ("area", 2.59e6),
    "hectares": ("area", 1e4),
    "hectare": ("area", 1e4),
    "acres": ("area", 4047.0),
    "acre": ("area", 4047.0),
    "second": ("duration", 1 / 86400),
    "seconds": ("duration", 1 / 86400),
    "minute": ("duration", 1 / 1440),
    "minutes": ("duration", 1 / 1440),
    "hour": ("duration", 1 / 24),
    "hours": ("duration", 1 / 24),
    "day": ("duration", 1.0),
    "days": ("duration", 1.0),
    "week": ("duration", 7.0),
    "weeks": ("duration", 7.0),
    "month": ("duration", 30.4),
    "months": ("duration", 30.4),
    "year": ("duration", 365.0),
    "years": ("duration", 365.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "%": ("percent", 1.0),
    "pc": ("percent", 1.0),
    "pct": ("percent", 1.0),  # Reuters: "7.25 pct"
    "kg": ("mass", 1.0),
    "kilograms": ("mass", 1.0),
    "tons": ("mass", 1000.0),
    "tonnes": ("mass", 1000.0),
    "pounds": ("mass", 0.4536),
    "times": ("times", 1.0),
    "magnitude": ("magnitude", 1.0),
    # oil is counted in barrels, and its output in barrels a day, abbreviated "bpd" or "b/d"
    "barrel": ("barrels", 1.0),
    "barrels": ("barrels", 1.0),
    "bbl": ("barrels", 1.0),
    "bpd": ("barrels", 1.0),
    "caliber": ("calibre", 1.0),
    "calibre": ("calibre", 1.0),
}
# units that are themselves a rate a day: "15.8 mln bpd" is "15.8 mln barrels per day"
PER_DAY = frozenset(["bpd"])
CURRENCY = {
    "$us": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "dlr": "USD",  # Reuters: "5.5 mln dlrs"
    "dlrs": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "rupees": "INR",
}

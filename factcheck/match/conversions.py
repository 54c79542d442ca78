"""Exact conversions between units of measurement, for comparing a draft's "75 mph"
with a source's "120 km/h".

Only conversions that are exact by definition are here (an international foot is
0.3048 m, a pound 0.45359237 kg): a comparison must never depend on a rate that changes.
Currencies are never converted. The names are the number parser's canonical unit names.
"""

from __future__ import annotations

# unit: (dimension, factor to the dimension's base unit, offset added after scaling)
_TABLE: dict[str, tuple[str, float, float]] = {
    "millimetre": ("length", 0.001, 0.0),
    "centimetre": ("length", 0.01, 0.0),
    "metre": ("length", 1.0, 0.0),
    "kilometre": ("length", 1000.0, 0.0),
    "inch": ("length", 0.0254, 0.0),
    "foot": ("length", 0.3048, 0.0),
    "yard": ("length", 0.9144, 0.0),
    "mile": ("length", 1609.344, 0.0),
    "nautical mile": ("length", 1852.0, 0.0),
    "milligram": ("mass", 1e-6, 0.0),
    "gram": ("mass", 0.001, 0.0),
    "kilogram": ("mass", 1.0, 0.0),
    "tonne": ("mass", 1000.0, 0.0),
    "pound": ("mass", 0.45359237, 0.0),
    "ounce": ("mass", 0.028349523125, 0.0),
    "kilometre per hour": ("speed", 1000.0 / 3600.0, 0.0),
    "mile per hour": ("speed", 1609.344 / 3600.0, 0.0),
    "metre per second": ("speed", 1.0, 0.0),
    "knot": ("speed", 1852.0 / 3600.0, 0.0),
    "degree Celsius": ("temperature", 1.0, 273.15),
    "degree Fahrenheit": ("temperature", 5.0 / 9.0, 273.15 - 32.0 * 5.0 / 9.0),
    "kelvin": ("temperature", 1.0, 0.0),
    "hectare": ("area", 10_000.0, 0.0),
    "acre": ("area", 4046.8564224, 0.0),
    "square metre": ("area", 1.0, 0.0),
    "square kilometre": ("area", 1e6, 0.0),
    "square mile": ("area", 1609.344**2, 0.0),
    "square foot": ("area", 0.3048**2, 0.0),
    "litre": ("volume", 0.001, 0.0),
    "millilitre": ("volume", 1e-6, 0.0),
}


def dimension(unit: str | None) -> str | None:
    entry = _TABLE.get(unit or "")
    return entry[0] if entry else None


def convertible(a: str | None, b: str | None) -> bool:
    """Two different units of one dimension ("mile per hour" and "kilometre per hour")."""
    da, db = dimension(a), dimension(b)
    return da is not None and da == db and a != b


def convert(value: float, src: str, dst: str) -> float:
    """`value` in unit `src`, expressed in unit `dst` (they must be convertible)."""
    _, f1, o1 = _TABLE[src]
    _, f2, o2 = _TABLE[dst]
    return (value * f1 + o1 - o2) / f2


def scale(value_step: float, src: str, dst: str) -> float:
    """A difference (a rounding step) in `src` as a difference in `dst`: no offset."""
    return value_step * _TABLE[src][1] / _TABLE[dst][1]

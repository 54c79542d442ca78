"""Clock times in news copy ("6:00 a.m.", "at 10:30 p.m.", "by 14:30 GMT"), valued as ISO 8601
times ("T06:00", "T22:30").

A time is a checkable fact like a date: a source that says the fire started at 5 a.m.
contradicts a draft that says 6 a.m. Only times written in digits whose reading is not in
doubt are taken: with a.m. or p.m., or in 24-hour form ("14:30", "09:15") beside a word
that makes it a time ("at", "by", "until", "GMT", "hours"). "At 9:30" alone could be
morning or evening, and "noon" or "midnight" name no number an editor would misread.
"""

from __future__ import annotations

import functools
import re

# 12-hour: "6 a.m.", "6:30pm", "10.15 PM". A spaced lower-case "am" without minutes could be
# the verb ("aged 6 am I"), so it needs the dots, the minutes or capitals.
_TWELVE = (
    r"(?<![\w.:/$\u00a3\u20ac])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?(?!\d)"
    r"(?:\s?(?P<dots>[aApP]\.\s?[mM]\.)|(?P<tight>[aApP][mM])|\s(?P<spaced>[pP][mM]|AM)"
    r"|(?(m)\s(?P<am>[aA][mM])|(?!)))(?!\w)"
)
# 24-hour: "14:30", "09:15"; whether it is a time is decided by the words around it.
_TWENTY_FOUR = r"(?<![\w.:/$\u00a3\u20ac])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\w:]|[.,]\d)"
_ZONES = (
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "IST", "JST", "AEST", "AEDT",
    "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "local time", "hours", "hrs", "h",
)  # fmt: skip
_TIME_WORDS_BEFORE = frozenset(
    "at by until till before after around about from since approximately roughly shortly between to and".split()
)
_WORD_BEFORE = r"(?i:\b([a-z]+)[ \t]+$)"
_ZONE_AFTER = r"[ \t]*(?:" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")(?!\w)"


@functools.cache
def _pattern(source: str, flags: int = 0) -> re.Pattern:
    return re.compile(source, flags)


def find_times(text: str, start: int) -> list[tuple[int, int, str]]:
    """Each clock time in `text[start:]`: (start, end, "THH:MM")."""
    found = [(m.start(), m.end(), _twelve_hour(m)) for m in _pattern(_TWELVE).finditer(text, start)]
    if ":" in text:
        found.extend(t for m in _pattern(_TWENTY_FOUR).finditer(text, start) if (t := _twenty_four(text, m)))
    found.sort()
    return _without_overlaps(found)


def _twelve_hour(m: re.Match) -> str:
    hour = int(m.group("h")) % 12
    if (m.group("dots") or m.group("tight") or m.group("spaced") or m.group("am"))[0] in "pP":
        hour += 12
    return f"T{hour:02d}:{m.group('m') or '00'}"


def _twenty_four(text: str, m: re.Match) -> tuple[int, int, str] | None:
    """A 24-hour time when it cannot be a 12-hour one (hour past 12, or a leading zero)
    and a time word stands next to it; a zone or "hours" after it is then part of it."""
    raw_hour = m.group("h24")
    zone = _pattern(_ZONE_AFTER).match(text, m.end())
    if not (int(raw_hour) > 12 or raw_hour.startswith("0") or zone and zone.group().strip() in ("hours", "hrs")):
        return None
    before = _pattern(_WORD_BEFORE).search(text, max(0, m.start() - 20), m.start())
    if not (zone or before and before.group(1).lower() in _TIME_WORDS_BEFORE):
        return None
    end = zone.end() if zone else m.end()
    return m.start(), end, f"T{int(raw_hour):02d}:{m.group('m24')}"


def _without_overlaps(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A time both patterns read ("14:30 pm", written in error) is kept once, the first reading."""
    out: list[tuple[int, int, str]] = []
    for item in found:
        if not out or item[0] >= out[-1][1]:
            out.append(item)
    return out

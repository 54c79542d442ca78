"""A figure set written by hand for the project: news sentences in many phrasings, each
figure with the value and unit a checker expects, and the spans that hold no figure.

Unlike `figures-world.json`, which fills a few frames from templates, every sentence here
is written on its own, so the set says how the rules carry to phrasings they were not
written against. Score it with `python -m tests.test_figures_own`.

Gold conventions: money in units of its currency ("$4.5 million" is 4500000), pence and
cents as written ("99p" is 99, unit penny), percentages as the number written (12% is 12), a range as its midpoint, a share
as its fraction ("one in four" is 0.25), a tally or score as its first count, a vague
plural as the scale it names ("hundreds of" is 100), and "the mid-30s" as the middle of
what it covers (early 1-3, mid 4-6, late 7-9).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factcheck.extract import extract_claims

SET = Path(__file__).resolve().parent / "data" / "figures-own.json"


def _close(a, b) -> bool:
    return isinstance(a, (int, float)) and abs(a - b) <= 1e-6 * max(1, abs(b))


def score(cases: list[dict]) -> tuple[dict[str, list[int]], list[str]]:
    """Per category [gold, found, value right, unit right, false figures]; and one line per miss.

    A gold figure is found when a figure claim overlaps it and right when an overlapping
    claim has its value (as the held-out scorer counts); its unit is right when that claim
    also has its unit. A false figure is a figure claim over a span that holds none."""
    stats: dict[str, list[int]] = {}
    misses: list[str] = []
    for case in cases:
        text = case["text"]
        claims = [c for c in extract_claims(text, reference_date=dt.date(2026, 1, 1)) if c.kind.value == "figure"]
        s = stats.setdefault(case["category"], [0, 0, 0, 0, 0])
        pos = 0
        for gold in case["figures"]:
            start = text.index(gold["text"], pos)
            end = pos = start + len(gold["text"])
            hit = [c for c in claims if c.start < end and start < c.end]
            right = [c for c in hit if _close(c.value, gold["value"])]
            s[0] += 1
            s[1] += bool(hit)
            s[2] += bool(right)
            s[3] += any(c.unit == gold["unit"] for c in right)
            if not right or not any(c.unit == gold["unit"] for c in right):
                got = [(text[c.start : c.end], c.value, c.unit) for c in hit]
                misses.append(f"{case['id']} {gold['text']!r} {gold['value']} {gold['unit']}: {got}")
        for span in case["none"]:
            start = text.index(span)
            false = [c for c in claims if c.start < start + len(span) and start < c.end]
            s[4] += bool(false)
            if false:
                misses.append(
                    f"{case['id']} no figure in {span!r}: {[(text[c.start : c.end], c.value) for c in false]}"
                )
    return stats, misses


def totals(stats: dict[str, list[int]]) -> list[int]:
    return [sum(s[i] for s in stats.values()) for i in range(5)]


def test_the_set_is_large_and_varied():
    cases = json.loads(SET.read_text(encoding="utf-8"))
    assert len(cases) >= 300
    assert len({c["category"] for c in cases}) >= 30
    assert len({c["text"] for c in cases}) == len(cases)


def test_the_hand_written_figure_set_scores():
    stats, misses = score(json.loads(SET.read_text(encoding="utf-8")))
    gold, found, right, unit, false = totals(stats)
    assert found / gold >= 0.99, misses
    assert right / gold >= 0.985, misses
    assert unit / gold >= 0.94, misses
    assert false <= 2, misses


if __name__ == "__main__":
    stats, misses = score(json.loads(SET.read_text(encoding="utf-8")))
    for line in misses:
        print(line)
    for category, (n, found, right, unit, false) in sorted(stats.items()):
        print(
            f"{category:22} {n:4} gold  recall {found / n:.3f}  value {right / n:.3f}  unit {unit / n:.3f}  false {false}"
        )
    n, found, right, unit, false = totals(stats)
    print(f"{'all':22} {n:4} gold  recall {found / n:.3f}  value {right / n:.3f}  unit {unit / n:.3f}  false {false}")

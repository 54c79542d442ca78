"""A figure set written before its rules were read: news sentences in every common way of
writing a number, each figure with the value a reader gives it, as a regression set.

Each sentence was written, and its gold decided, without looking at the number grammar,
in two batches (346 sentences, 461 figures): wire copy (share prices, cents a share, basis
points, fractional bond prices), numbers in words of every size, fractions, mixed
numerals, negatives, percentages and points, temperatures, ages and measures, the world's
currencies with lakh and crore, abbreviated scales, numbers in names and codes, ranges,
scores and plain counts. Score it with `python -m tests.test_figures_blind`.

Gold conventions: money in units of its currency ("$4.5 million" is 4500000), pence and
cents as written ("61 cents" is 61), percentages as the number written, a share as its
fraction ("one in five" is 0.2), a number in a name as written ("G-7" is 7), the length
of a period as its count ("the past 52 weeks" is 52). Unlike the project's own sets, every
number written is a figure of its own: the two ends of a range ("$5 million to $7
million") and the two sides of a score ("52-48") each have their value, where the
extractor reads one figure (the range's midpoint, the score's first side). Those are the
value misses this set keeps; units are the writer's plain names and are not scored.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factcheck.extract import extract_claims

SET = Path(__file__).resolve().parent / "data" / "figures-blind.json"


def _close(a, b) -> bool:
    return isinstance(a, (int, float)) and abs(a - b) <= 1e-6 * max(1, abs(b))


def score(cases: list[dict]) -> tuple[dict[str, list[int]], list[str], list[str]]:
    """Per category [gold, found, value right]; one line per miss; and the value misses whose
    claim reads more than one gold figure as one (a range or a score).

    A gold figure is found when a figure claim overlaps it and right when an overlapping
    claim has its value, as the held-out scorer counts."""
    stats: dict[str, list[int]] = {}
    misses: list[str] = []
    joined: list[str] = []
    for case in cases:
        text, golds = case["text"], case["gold"]
        claims = [c for c in extract_claims(text, reference_date=dt.date(2026, 1, 1)) if c.kind.value == "figure"]
        s = stats.setdefault(case["category"], [0, 0, 0])
        for gold in golds:
            assert text[gold["start"] : gold["end"]] == gold["text"], case["id"]
            hit = [c for c in claims if c.start < gold["end"] and gold["start"] < c.end]
            right = any(_close(c.value, gold["value"]) for c in hit)
            s[0] += 1
            s[1] += bool(hit)
            s[2] += right
            if right:
                continue
            line = f"{case['id']} {gold['text']!r} {gold['value']}: {[(text[c.start : c.end], c.value) for c in hit]}"
            misses.append(line)
            others = [g for g in golds if g is not gold]
            if any(c.start < g["end"] and g["start"] < c.end for c in hit for g in others):
                joined.append(line)
    return stats, misses, joined


def totals(stats: dict[str, list[int]]) -> list[int]:
    return [sum(s[i] for s in stats.values()) for i in range(3)]


def test_the_set_is_large_and_varied():
    cases = json.loads(SET.read_text(encoding="utf-8"))
    assert len(cases) >= 340
    assert len({c["category"] for c in cases}) >= 12
    assert len({c["text"] for c in cases}) == len(cases)


def test_the_blind_figure_set_scores():
    stats, misses, joined = score(json.loads(SET.read_text(encoding="utf-8")))
    gold, found, right = totals(stats)
    assert found / gold >= 0.99, misses
    assert right / gold >= 0.93, misses


def test_every_wrong_value_is_a_range_or_score_read_as_one_figure():
    stats, misses, joined = score(json.loads(SET.read_text(encoding="utf-8")))
    wrong_values = [m for m in misses if not m.endswith(": []")]
    assert wrong_values == joined


if __name__ == "__main__":
    stats, misses, joined = score(json.loads(SET.read_text(encoding="utf-8")))
    for line in misses:
        print(line, "(one figure for two)" if line in joined else "")
    for category, (n, found, right) in sorted(stats.items()):
        print(f"{category:10} {n:4} gold  recall {found / n:.3f}  value {right / n:.3f}")
    n, found, right = totals(stats)
    print(f"{'all':10} {n:4} gold  recall {found / n:.3f}  value {right / n:.3f}")

"""Build tests/data/figures-world.json: news-style sentences, each with its figures' gold values.

The sentences are written for this project from frames and figures below, so the set can
grow without copying anyone's text. Each category is one way copy writes a figure that an
extractor tuned to US wire style gets wrong. The output is committed; run this again
(`python bench/figure_set.py`) after adding frames or figures, and the test that scores
the set (tests/test_figure_set.py) reads the new file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "figures-world.json"

# Sentence frames: {f} is the figure. Money frames take an amount, count frames a count.
MONEY_FRAMES = [
    "The council approved {f} for road repairs on Tuesday.",
    "Auditors found that the agency had overspent by {f} last year.",
    "The club agreed to pay {f} for the striker, the chairman confirmed.",
    "Her family was awarded {f} in damages after a two-week trial.",
    "The ministry set aside {f} to rebuild the flooded schools.",
    "Investors pulled {f} out of the fund in the final quarter.",
    "A single ticket now costs {f}, up from last season.",
    "The charity raised {f} at its annual dinner.",
    "Prosecutors say the scheme took in {f} before it collapsed.",
    "The startup is valued at {f} after the latest round.",
    "The port will receive {f} under the new budget.",
    "Shareholders will get {f} for each share they hold.",
]
COUNT_FRAMES = [
    "Organisers said {f} took part in the march.",
    "The survey reached {f} across the district.",
    "The census puts the town's population at {f}.",
    "Rescue teams have evacuated {f} since the weekend.",
    "The new line is expected to carry {f} a day.",
    "By Friday, {f} had signed the petition.",
    "The scheme has so far covered {f} in the state.",
    "Police estimated the crowd at {f}.",
]
COUNT_NOUNS = ["people", "households", "voters", "families", "passengers", "residents", "farmers", "students"]
MEASURE_FRAMES = [
    "Overnight the temperature dropped to {f} in the valley.",
    "Forecasters expect {f} by dawn on Sunday.",
    "The thermometer at the airport read {f} at noon.",
]

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def words(n: int) -> str:
    """An integer below a thousand in words, hyphenated as news copy writes it."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    rest = n % 100
    return _UNITS[n // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))


def spaced(n: int, sep: str = " ") -> str:
    return f"{n:,}".replace(",", sep)


def indian(n: int) -> str:
    """An integer grouped the Indian way: 4567890 -> 45,67,890."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
HALVES = {"a half": (1, 2), "a quarter": (1, 4), "three quarters": (3, 4), "a third": (1, 3)}


def figures(rng: random.Random):
    """(category, kind of frame, figure text, value) for every category."""
    out = []
    for _ in range(30):  # compound fractions of a scale
        x = rng.randint(1, 40)
        scale = rng.choice(list(SCALES))
        frac = rng.choice(list(HALVES))
        num, den = HALVES[frac]
        first = rng.choice([str(x), words(x)])
        value = (x + num / den) * SCALES[scale]
        money = rng.random() < 0.5
        text = f"{first} {scale} and {frac}" + (" dollars" if money else "")
        out.append(("compound fraction", "money" if money else "count", text, value))
    for _ in range(10):  # "X hundred and three quarters"
        x = rng.randint(1, 9)
        frac = rng.choice(["a half", "three quarters", "a quarter"])
        num, den = HALVES[frac]
        out.append(("compound fraction", "count", f"{words(x)} hundred and {frac}", (x + num / den) * 100))
    for _ in range(10):  # "X and a half"
        x = rng.randint(1, 20)
        out.append(
            ("compound fraction", "count", f"{rng.choice([str(x), words(x)])} and a half million", (x + 0.5) * 10**6)
        )
    bare = [
        ("half a million", 500_000), ("half million", 500_000), ("a half-million", 500_000),
        ("a quarter of a million", 250_000), ("a quarter million", 250_000), ("three quarters of a million", 750_000),
        ("half a billion dollars", 500_000_000), ("a third of a million", 1_000_000 / 3), ("half a dozen", 6),
        ("a quarter of a billion euros", 250_000_000), ("half a lakh", 50_000), ("a half million", 500_000),
    ]  # fmt: skip
    for text, value in bare:
        for frame in ("money" if "dollars" in text or "euros" in text else "count",) * 2:
            out.append(("fraction of a scale", frame, text, value))
    for _ in range(30):  # money in two units
        major, minor = rng.randint(1, 99), rng.randint(1, 99)
        cur = rng.choice([("dollars", "cents"), ("euros", "cents"), ("pounds", "pence")])
        a = rng.choice([str(major), words(major)])
        b = rng.choice([str(minor), words(minor)])
        join = rng.choice([" ", " and "])
        out.append(("money in two units", "money", f"{a} {cur[0]}{join}{b} {cur[1]}", major + minor / 100))
    for _ in range(30):  # financial shorthand
        x = rng.choice([rng.randint(2, 900), round(rng.uniform(1, 99), 1)])
        code = rng.choice(["EUR", "USD", "GBP", "CHF", "JPY"])
        style = rng.choice(["code million", "Mcode", "code Mprefix", "glued", "codem"])
        if style == "code million":
            text, value = f"{x} {code} million", x * 10**6
        elif style == "Mcode":
            text, value = f"{x} M{code}", x * 10**6
        elif style == "code Mprefix":
            text, value = f"M{code} {x}", x * 10**6
        elif style == "glued":
            text, value = f"{code}{x}", x
        else:
            text, value = f"{code} {x}m", x * 10**6
        out.append(("currency shorthand", "money", text, value))
    abbreviations = [
        ("bln", 10**9),
        ("tln", 10**12),
        ("mil", 10**6),
        ("bn", 10**9),
        ("mln", 10**6),
        ("b", 10**9),
        ("k", 10**3),
    ]
    for _ in range(30):  # abbreviated scales
        x = rng.choice([rng.randint(2, 90), round(rng.uniform(1, 20), 1)])
        abbr, scale = rng.choice(abbreviations)
        if abbr == "k":
            text, kind = f"{x}{rng.choice(['', ' '])}k {rng.choice(COUNT_NOUNS)}", "count"
        elif abbr in ("b", "mil"):
            text, kind = f"${x}{abbr}", "money"
        else:
            text, kind = f"{x} {abbr} {rng.choice(['dollars', 'euros', 'rupees'])}", "money"
        out.append(("abbreviated scale", kind, text, x * scale))
    for _ in range(30):  # lakh and crore
        x = rng.choice([rng.randint(2, 99), round(rng.uniform(1, 50), 1)])
        style = rng.choice(["lakh noun", "crore rupees", "Rs crore", "lakh crore", "grouped"])
        if style == "lakh noun":
            text, value, kind = f"{x} lakh {rng.choice(COUNT_NOUNS)}", x * 10**5, "count"
        elif style == "crore rupees":
            text, value, kind = f"{x} crore rupees", x * 10**7, "money"
        elif style == "Rs crore":
            text, value, kind = f"Rs {x} crore", x * 10**7, "money"
        elif style == "lakh crore":
            n = rng.randint(1, 9)
            text, value, kind = f"{words(n)} lakh crore rupees", n * 10**12, "money"
        else:
            n = rng.randint(10**5, 10**9)
            text, value, kind = f"{indian(n)} {rng.choice(COUNT_NOUNS)}", n, "count"
        out.append(("lakh and crore", kind, text, value))
    for _ in range(25):  # space and thin-space thousands
        n = rng.randint(1000, 99_999_999)
        sep = rng.choice([" ", "\u202f", "\u2009", "\u00a0"])
        if rng.random() < 0.4:
            cents = rng.randint(1, 99)
            out.append(("space thousands", "money", f"{spaced(n, sep)}.{cents:02d} euros", n + cents / 100))
        else:
            out.append(("space thousands", "count", f"{spaced(n, sep)} {rng.choice(COUNT_NOUNS)}", n))
    for _ in range(20):  # decimal commas that nothing else could mean
        whole, dec = rng.randint(1, 99), rng.randint(1, 9)
        style = rng.choice(["grouped", "million", "percent"])
        if style == "grouped":
            n = rng.randint(1000, 9_999_999)
            cents = rng.randint(10, 99)
            out.append(("decimal comma", "money", f"{spaced(n, '.')},{cents} euros", n + cents / 100))
        elif style == "million":
            out.append(("decimal comma", "money", f"{whole},{dec} million euros", (whole + dec / 10) * 10**6))
        else:
            out.append(("decimal comma", "count", f"{whole},{dec}% of {rng.choice(COUNT_NOUNS)}", whole + dec / 10))
    for _ in range(15):  # dozens
        n = rng.randint(2, 12)
        out.append(("dozens", "count", f"{rng.choice([str(n), words(n)])} dozen {rng.choice(COUNT_NOUNS)}", n * 12))
    for _ in range(15):  # negatives in words
        n = rng.randint(1, 30)
        word = rng.choice(["minus", "negative"])
        out.append(("negative in words", "measure", f"{word} {rng.choice([str(n), words(n)])} degrees", -n))
    for _ in range(30):  # ordinary figures, so the new rules are seen not to break them
        n = rng.randint(2, 999)
        style = rng.choice(["dollars", "percent", "count", "billion"])
        if style == "dollars":
            out.append(("plain", "money", f"${n:,}", n))
        elif style == "percent":
            out.append(("plain", "count", f"{n / 10} percent of {rng.choice(COUNT_NOUNS)}", n / 10))
        elif style == "billion":
            out.append(("plain", "money", f"${n} billion", n * 10**9))
        else:
            out.append(("plain", "count", f"more than {n:,} {rng.choice(COUNT_NOUNS)}", n))
    return out


def build(seed: int = 14) -> list[dict]:
    rng = random.Random(seed)
    cases = []
    for i, (category, kind, text, value) in enumerate(figures(rng)):
        if kind == "money":
            frame = rng.choice(MONEY_FRAMES)
        elif kind == "measure":
            frame = rng.choice(MEASURE_FRAMES)
        else:
            frame = rng.choice(COUNT_FRAMES)
            if text[-1].isdigit() or text.endswith(
                ("lakh", "crore", "million", "dozen", "quarters", "half", "third", "quarter")
            ):
                text += " " + rng.choice(COUNT_NOUNS)
        sentence = frame.format(f=text)
        if sentence[0].islower():
            sentence = sentence[0].upper() + sentence[1:]
            text = text[0].upper() + text[1:] if sentence.startswith(text[0].upper() + text[1:]) else text
        start = sentence.index(text) if text in sentence else sentence.lower().index(text.lower())
        cases.append({
            "id": f"w{i:03d}", "category": category, "text": sentence,
            "gold": [{"start": start, "end": start + len(text), "value": value}],
        })  # fmt: skip
    return cases


def score(cases: list[dict], locale: str | None = None) -> dict[str, list[int]]:
    """Per category [gold, found, value right]: found when a figure claim overlaps the gold
    span, right when one of those claims has the gold value (to one part in a million)."""
    import datetime as dt

    from factcheck.extract import extract_claims

    stats: dict[str, list[int]] = {}
    for case in cases:
        claims = [
            c
            for c in extract_claims(case["text"], reference_date=dt.date(2026, 1, 1), locale=locale)
            if c.kind.value == "figure"
        ]
        for gold in case["gold"]:
            s = stats.setdefault(case["category"], [0, 0, 0])
            s[0] += 1
            hit = [c for c in claims if c.start < gold["end"] and gold["start"] < c.end]
            s[1] += bool(hit)
            s[2] += any(
                isinstance(c.value, (int, float)) and abs(c.value - gold["value"]) <= 1e-6 * max(1, abs(gold["value"]))
                for c in hit
            )
    return stats


def report(stats: dict[str, list[int]]) -> tuple[float, float]:
    for category, (n, found, right) in sorted(stats.items()):
        print(f"{category:22} {n:4} gold  recall {found / n:.3f}  value {right / n:.3f}")
    n, found, right = (sum(s[i] for s in stats.values()) for i in range(3))
    print(f"{'all':22} {n:4} gold  recall {found / n:.3f}  value {right / n:.3f}")
    return found / n, right / n


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--score"]:
        report(score(json.loads(OUT.read_text(encoding="utf-8"))))
        sys.exit(0)
    cases = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(cases, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(cases)} sentences -> {OUT}")

"""Benchmark the date extractor alone, side by side with dateparser's search_dates.

    python bench/bench_dates.py                      # 4 MB of generated wire copy
    python bench/bench_dates.py --size-mb 1          # a quick run
    python bench/bench_dates.py story1.txt story2.txt  # your own news text, concatenated

It prints the extractor's throughput on one core (best of three runs), the dates it
found, and dateparser's throughput on a slice of the same text (it is too slow for
all of it), with the ratio between the two. dateparser is in the `bench` extra.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.extract import dates, make_doc

REFERENCE = dt.date(2024, 3, 14)

# Wire copy written for this benchmark: about one date every 250 characters, as in news.
DATED = [
    "The council voted on Tuesday to delay the budget until next month.",
    "Shares of the shipping group fell 4% in early trading on Monday after it cut its outlook.",
    "The mayor said the depot, which opened in 1998, would close by the end of the year.",
    "Inspectors visited the plant on Feb. 20 and again in early March, the agency said.",
    "Third-quarter profit rose to $41 million from $36 million a year earlier.",
    "The union will meet management again next Thursday, a spokeswoman said.",
    "Prices have doubled over the past three years, according to the survey.",
    "The treaty, signed in June 2019, takes effect on Jan. 1, 2025.",
    "Turnout was the lowest since the 1990s, officials said yesterday.",
    "Construction is expected to start early next year and end in the summer of 2027.",
]
UNDATED = [
    "The ministry did not respond to a request for comment.",
    "Analysts said the company faced higher costs for fuel and labour in its main markets.",
    "Residents of the district have complained for years about noise from the road.",
    "The proposal would raise the limit to 2,500 passengers a day at the two terminals.",
    "She told reporters the plan had broad support among the members of the committee.",
    "Police closed the bridge to traffic while engineers checked the damaged section.",
    "The report found that one in four schools lacked a qualified science teacher.",
    "He said the agreement was a fair one and that both sides had given ground.",
]


def generated_copy(size_mb: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size_mb * 1e6:
        paragraph = " ".join(rng.choice(DATED if rng.random() < 0.2 else UNDATED) for _ in range(rng.randint(2, 5)))
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


def time_extractor(text: str) -> tuple[float, int]:
    doc = make_doc(text, reference_date=REFERENCE)
    best, count = float("inf"), 0
    for _ in range(3):
        start = time.perf_counter()
        count = len(dates.find(doc))
        best = min(best, time.perf_counter() - start)
    return best, count


def time_dateparser(text: str) -> tuple[float, int] | None:
    try:
        import dateparser.search
    except ImportError:
        return None
    settings = {"RELATIVE_BASE": dt.datetime.combine(REFERENCE, dt.time()), "PREFER_DATES_FROM": "past"}
    dateparser.search.search_dates("warm up on Friday", languages=["en"], settings=settings)
    start = time.perf_counter()
    found = dateparser.search.search_dates(text, languages=["en"], settings=settings) or []
    return time.perf_counter() - start, len(found)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="news text files to use instead of generated copy")
    ap.add_argument("--size-mb", type=float, default=4.0, help="size of the generated copy")
    ap.add_argument("--peer-kb", type=float, default=100.0, help="slice given to dateparser")
    a = ap.parse_args()
    text = "\n\n".join(Path(f).read_text(encoding="utf-8") for f in a.files) if a.files else generated_copy(a.size_mb)
    mb = len(text) / 1e6
    seconds, count = time_extractor(text)
    ours = mb / seconds
    print(f"factcheck dates: {mb:.2f} MB in {seconds:.3f} s = {ours:.1f} MB/s, {count} dates")
    piece = text[: int(a.peer_kb * 1000)]
    peer = time_dateparser(piece)
    if peer is None:
        print("dateparser not installed (pip install -e '.[bench]'): no side-by-side figure")
        return
    seconds, found = peer
    theirs = len(piece) / 1e6 / seconds
    print(f"dateparser search_dates: {len(piece) / 1e6:.2f} MB in {seconds:.3f} s = {theirs:.3f} MB/s, {found} dates")
    print(f"factcheck dates is {ours / theirs:.0f}x faster")


if __name__ == "__main__":
    main()

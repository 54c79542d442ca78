"""Each written end of a range, and each side of a score, is listed by `extract` as a figure of
its own next to the range; the claims an editor signs off hold the range alone."""

from __future__ import annotations

import datetime as dt
import json

from factcheck.extract import extract_claims, find_all
from factcheck.model import Kind
from tests.gitnewsroom import scanned

DAY = dt.date(2025, 6, 2)


def listed(text: str) -> list[tuple[str, object, str | None]]:
    claims = extract_claims(text, reference_date=DAY, range_ends=True)
    return [(c.text, c.value, c.unit) for c in claims if c.kind is Kind.FIGURE]


def test_money_range_lists_each_end_with_its_own_scale_and_currency():
    assert listed("The bridge will cost between €12 million and €15 million.") == [
        ("between €12 million and €15 million", 13_500_000, "EUR"),
        ("€12 million", 12_000_000, "EUR"),
        ("€15 million", 15_000_000, "EUR"),
    ]


def test_the_first_end_takes_a_scale_and_currency_written_once():
    assert listed("Analysts expect £3 to £4 billion in sales.") == [
        ("£3", 3_000_000_000, "GBP"),
        ("£3 to £4 billion", 3_500_000_000, "GBP"),
        ("£4 billion", 4_000_000_000, "GBP"),
    ]
    assert listed("The club lost $8-9 million.") == [
        ("$8", 8_000_000, "USD"),
        ("$8-9 million", 8_500_000, "USD"),
        ("9 million", 9_000_000, "USD"),
    ]


def test_a_percentage_range_gives_the_bare_first_end_its_unit():
    assert listed("Turnout was between 61 and 64 percent.") == [
        ("between 61 and 64 percent", 62.5, "percent"),
        ("61", 61, "percent"),
        ("64 percent", 64, "percent"),
    ]


def test_plain_counts_and_measures():
    assert listed("Each shift lasts 8-12 hours.") == [
        ("8", 8, "hour"),
        ("8-12 hours", 10, "hour"),
        ("12 hours", 12, "hour"),
    ]
    figures = listed("Between 30 and 50 volunteers turned up.")
    assert ("30", 30, "volunteers") in figures and ("50 volunteers", 50, "volunteers") in figures


def test_a_hedge_before_the_range_stays_with_the_range():
    figures = listed("The repairs cost roughly $2-3 million.")
    assert ("roughly $2-3 million", 2_500_000, "USD") in figures
    assert ("$2", 2_000_000, "USD") in figures


def test_a_score_lists_both_sides_and_keeps_the_tally():
    assert listed("The committee voted 11-4 to approve it.") == [
        ("11", 11, None),
        ("11-4", 11, "to 4"),
        ("4", 4, None),
    ]
    figures = listed("The board backed the merger by a 7:2 margin.")
    assert ("7", 7, None) in figures and ("2", 2, None) in figures and ("7:2", 7, "to 2") in figures


def test_a_before_and_after_is_two_figures_with_no_ends():
    assert listed("Fares climbed from 40 to 55 dollars.") == [("40", 40, None), ("55 dollars", 55, "USD")]


def test_a_range_read_as_a_date_gives_no_ends():
    assert [f for f in listed("The fair runs August 10-14.") if f[0] in ("10", "14")] == []


def test_without_range_ends_the_claims_are_those_of_before():
    text = "Tickets cost $20 to $30, up from $30."
    plain = extract_claims(text, reference_date=DAY)
    full = extract_claims(text, reference_date=DAY, range_ends=True)
    assert [c.text for c in plain] == ["$20 to $30", "$30"]
    # the end "$30" comes before the lone "$30" but takes no id from it
    assert [c for c in full if c.text != "$20"][0] == plain[0]
    lone = [c for c in full if c.text == "$30"]
    assert len(lone) == 2 and plain[1] in lone
    assert len({c.id for c in full}) == len(full)


def test_find_all_keeps_ends_only_where_their_range_stands():
    from factcheck.extract import figures, make_doc

    doc = make_doc("Prices rose between 5 and 7 percent.", reference_date=DAY)
    ends = [f for f in find_all(doc) if isinstance(f, figures.RangeEnd)]
    assert [(f.value, f.unit) for f in ends] == [(5, "percent"), (7, "percent")]
    assert figures.without_range_ends(find_all(doc)) == [f for f in find_all(doc) if f not in ends]


RANGE_DRAFT = """\
---
date: 2026-01-04
---
# Ferry fares

Fares will rise between 4 and 6 percent, and the council voted 9-2 for the plan.
"""


def test_scan_leaves_the_ends_out_and_extract_lists_them(newsroom, monkeypatch):
    from factcheck import extract

    monkeypatch.setattr(extract, "find_all", find_all)
    room = scanned(newsroom, RANGE_DRAFT)
    texts = [c["text"] for c in room.claims()]
    assert "between 4 and 6 percent" in texts and "9-2" in texts
    assert not {"4", "6 percent", "9", "2"} & set(texts)
    out = room.run("extract", "drafts/vote.md", "--format", "json")
    claims = json.loads(out.stdout)["files"][0]["claims"]
    ends = {c["text"]: c["value"] for c in claims if c["kind"] == "figure"}
    assert ends["4"] == 4 and ends["6 percent"] == 6 and ends["9"] == 9 and ends["2"] == 2
    signed = {c["id"] for c in room.claims()}
    assert signed <= {c["id"] for c in claims}

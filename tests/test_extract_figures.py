"""The figure extractor on drafts: offsets into the whole file, Markdown, and overlaps with dates."""

from __future__ import annotations

import datetime as dt

from factcheck.extract import figures, make_doc, overlaps
from factcheck.model import Found, Kind

DAY = dt.date(2024, 3, 8)


def found(text: str, body_start: int = 0) -> list[tuple[str, object, str | None, str | None]]:
    doc = make_doc(text, reference_date=DAY, body_start=body_start)
    return [(text[f.start : f.end], f.value, f.unit, f.qualifier) for f in figures.find(doc)]


def test_a_wire_paragraph():
    text = (
        "The ministry approved a package worth more than $3 billion, under which the navy will buy "
        "48 Sea Hawk helicopters, 210 Harpoon missiles and spares for its P-3 patrol aircraft. "
        "The blast killed three Filipino fishermen and two coastguards."
    )
    assert found(text) == [
        ("more than $3 billion", 3_000_000_000, "USD", "more than"),
        ("48 Sea Hawk helicopters", 48, "Sea Hawk helicopters", None),
        ("210 Harpoon missiles", 210, "Harpoon missiles", None),
        ("P-3", 3, None, None),
        ("three Filipino fishermen", 3, "Filipino fishermen", None),
        ("two coastguards", 2, "coastguards", None),
    ]


def test_figures_are_kinds_with_absolute_offsets_past_front_matter():
    text = "---\ntitle: Budget 2024\ndate: 2024-03-08\n---\nThe city will spend £40m on 12 schools.\n"
    body = text.index("The city")
    doc = make_doc(text, reference_date=DAY, body_start=body)
    result = figures.find(doc)
    assert all(isinstance(f, Found) and f.kind is Kind.FIGURE for f in result)
    assert [text[f.start : f.end] for f in result] == ["£40m", "12 schools"]
    assert result[0].start > body


def test_int_when_whole_float_otherwise():
    values = [v for _, v, _, _ in found("Turnout rose to 61.5% from 58%, a gain of 3.5 points.")]
    assert values == [61.5, 58, 3.5]
    assert [type(v) for v in values] == [float, int, float]


def test_markdown_markup_holds_no_figures():
    text = (
        '1. The council met [twice](https://news.example/2024/03/07/item-55 "Report 9").\n'
        '2. See `budget_v2 = 300` and <img src="chart-42.png"> for detail.[^12]\n'
        "\n"
        "```\nrows = 1000\n```\n"
        "[7]: https://news.example/page/7\n"
        "Officials counted 450 ballots [3].\n"
    )
    assert found(text) == [("450 ballots", 450, "ballots", None)]


def test_link_text_is_still_prose():
    assert found("Read [the 40-page report](https://example.org/r).") == [("40-page", 40, "page", None)]


def test_dates_and_times_in_a_draft_are_not_figures():
    assert found("On March 4, 2024, at 9:30 a.m., the 2nd reading passed by 212 votes.") == [
        ("212 votes", 212, "votes", None)
    ]


def test_empty_body():
    assert found("---\ntitle: x\n---\n", body_start=17) == []


# --- settling overlaps with dates ---------------------------------------------------------


def fig(start, end, unit=None):
    return Found(kind=Kind.FIGURE, start=start, end=end, value=1, unit=unit)


def date(start, end):
    return Found(kind=Kind.DATE, start=start, end=end, value="2010")


def test_a_year_is_a_date_not_a_figure():
    kept = overlaps.settle([date(10, 14), fig(10, 14), fig(20, 25)])
    assert [(f.kind, f.start) for f in kept] == [(Kind.DATE, 10), (Kind.FIGURE, 20)]


def test_a_count_inside_a_relative_date_goes_with_the_date():
    # "two weeks" inside "the past two weeks"
    kept = overlaps.settle([date(0, 18), fig(9, 18)])
    assert [f.kind for f in kept] == [Kind.DATE]


def test_partial_overlaps_keep_both():
    # "Seventy-four years" against a date reader's "four years ago"
    kept = overlaps.settle([fig(0, 18), date(8, 22)])
    assert sorted(f.kind.value for f in kept) == ["date", "figure"]


def test_money_and_percentages_survive_a_date_that_covers_them():
    kept = overlaps.settle([date(0, 30), fig(5, 10, "USD"), fig(12, 15, "percent"), fig(20, 22)])
    assert [(f.kind, f.unit) for f in kept] == [(Kind.DATE, None), (Kind.FIGURE, "USD"), (Kind.FIGURE, "percent")]


def test_the_widest_earlier_date_counts():
    # a long date starting first, then a short one: a figure after the short one is still inside the long one
    kept = overlaps.settle([date(0, 50), date(5, 8), fig(20, 24)])
    assert all(f.kind is Kind.DATE for f in kept)


def test_without_dates_nothing_changes():
    items = [fig(0, 2), fig(3, 5)]
    assert overlaps.settle(items) == items


def test_a_decade_written_in_full_gives_its_first_year():
    assert found("Wages stalled through the 1990s and the mid-2000s.") == [
        ("1990s", 1990, None, None),
        ("2000s", 2000, None, None),
    ]


def test_a_decade_in_code_or_money_is_no_year():
    assert found("Run `list --since 1950s` now.") == []
    assert [v for _, v, _, _ in found("The bill came to $2,990s.")] == [2990]

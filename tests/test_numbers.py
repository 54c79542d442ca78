"""Number parsing: the grammar shared by the figure extractor and the source matcher."""

from __future__ import annotations

import pytest

from factcheck.extract.numbers.parse import Figure, currency_code, parse_figures, parse_number


def figures(text: str) -> list[tuple[str, object, str | None, str | None]]:
    return [(text[f.start : f.end], f.value, f.unit, f.qualifier) for f in parse_figures(text)]


def only(text: str) -> Figure:
    found = parse_figures(text)
    assert len(found) == 1, [text[f.start : f.end] for f in found]
    return found[0]


# --- number words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("The court heard from seventeen witnesses.", 17),
        ("Some forty-two houses were flooded.", 42),
        ("It took ninety nine attempts.", 99),
        ("A hundred volunteers signed up.", 100),
        ("The club has one hundred and five members.", 105),
        ("The fund holds four million, three hundred and ten thousand dollars.", 4_310_000),
        ("Fifteen hundred fans waited outside.", 1500),
        ("The estate covers two thousand and twelve acres.", 2012),
        ("Zero patients were turned away.", 0),
    ],
)
def test_number_words(text, value):
    assert only(text).value == value


def test_number_words_keep_int_type():
    f = only("They found twelve crates.")
    assert f.value == 12 and isinstance(f.value, int)


@pytest.mark.parametrize(
    "text, value",
    [
        ("A dozen firefighters attended.", 12),
        ("They bought two dozen roses.", 24),
        ("Half a million homes lost power.", 500_000),
        ("About half a dozen boats capsized.", 6),
        ("A quarter of a million tickets were sold.", 250_000),
        ("The mayor said a baker's dozen of stalls had closed.", 13),
    ],
)
def test_dozens_and_halves(text, value):
    assert only(text).value == value


# --- money -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The grant is worth $6bn.",
        "The grant is worth 6 billion dollars.",
        "The grant is worth $6,000,000,000.",
        "The grant is worth US$6 billion.",
        "The grant is worth six billion US dollars.",
        "The grant is worth USD 6 billion.",
        "The grant is worth $6 bn.",
    ],
)
def test_the_same_amount_written_many_ways(text):
    f = only(text)
    assert (f.value, f.unit) == (6_000_000_000, "USD")


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Tickets cost £2,000 each.", 2000, "GBP"),
        ("The club paid €5m for him.", 5_000_000, "EUR"),
        ("The yen figure was ¥300 billion.", 300_000_000_000, "JPY"),
        ("Ottawa pledged C$10 million.", 10_000_000, "CAD"),
        ("The bank lent 40 million Australian dollars.", 40_000_000, "AUD"),
        ("He was fined 500 pounds.", 500, "GBP"),
        ("Losses reached 15€.", 15, "EUR"),
        ("Bread rose to 95 cents.", 95, "cent"),
        ("The levy raised £1.2 mln.", 1_200_000, "GBP"),
    ],
)
def test_currencies(text, value, unit):
    f = only(text)
    assert (f.value, f.unit) == (value, unit)


def test_pounds_of_weight_are_not_money():
    assert only("The parcel weighed 12 pounds.").unit == "pound"


def test_money_rates():
    assert only("Diesel sold at $4 a gallon.").unit == "USD per gallon"
    assert only("Cleaners earn £11.50/hour.").unit == "GBP per hour"
    assert only("Profit was 45 cents a share.").unit == "cent per share"


def test_a_year_earlier_is_not_a_rate():
    assert figures("Profit was $3 million a year earlier.") == [("$3 million", 3_000_000, "USD", None)]


def test_money_value_is_exact_for_decimals():
    assert only("It raised $1.1 billion.").value == 1_100_000_000
    assert only("It raised $2.174T.").value == 2_174_000_000_000


# --- percentages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("Turnout was 5.5%.", 5.5, "percent"),
        ("Turnout was 5.5 per cent.", 5.5, "percent"),
        ("Turnout was 5.5 percent.", 5.5, "percent"),
        ("Turnout was twelve per cent.", 12, "percent"),
        ("Turnout was 5.5 pct.", 5.5, "percent"),
        ("Support fell 2 percentage points.", 2, "percentage points"),
        ("The bank cut rates by 25 basis points.", 25, "basis points"),
    ],
)
def test_percentages(text, value, unit):
    f = only(text)
    assert (f.value, f.unit) == (value, unit)


# --- qualifiers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, qualifier",
    [
        ("The deal is worth more than $2 billion.", "more than $2 billion", "more than"),
        ("Police counted about 300 marchers.", "about 300 marchers", "about"),
        ("Nearly 40% of staff left.", "Nearly 40%", "nearly"),
        ("The plant employs up to 900 workers.", "up to 900 workers", "up to"),
        ("At least 14 sailors were rescued.", "At least 14 sailors", "at least"),
        ("Some 2,000 families were moved.", "Some 2,000 families", "some"),
        ("Roughly half of the seats changed hands.", "Roughly half", "roughly"),
        ("It could cost 10,000+ jobs.", "10,000+ jobs", "more than"),
        ("They expect 100 guests or more.", "100 guests or more", "or more"),
        ("Fewer than 20 stayed.", "Fewer than 20", "fewer than"),
        ("The team scored almost 90 points.", "almost 90 points", "almost"),
    ],
)
def test_qualifiers_are_part_of_the_figure(text, span, qualifier):
    f = only(text)
    assert (text[f.start : f.end], f.qualifier) == (span, qualifier)


# --- ranges ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, low, high, unit",
    [
        ("Between 10 and 20 boats sank.", 15, 10, 20, "boats"),
        ("Prices will rise 10-20%.", 15, 10, 20, "percent"),
        ("It sleeps 4 to 6 people.", 5, 4, 6, "people"),
        ("The buyout is worth $5-6 billion.", 5_500_000_000, 5_000_000_000, 6_000_000_000, "USD"),
        ("Expect two to three hours of delays.", 2.5, 2, 3, "hour"),
        ("The towers are 8- to 12-metre high.", 10, 8, 12, "metre"),
        ("Rents run from €900 to €1,100 a month.", 1000, 900, 1100, "EUR per month"),
    ],
)
def test_ranges_are_one_figure_valued_at_the_midpoint(text, value, low, high, unit):
    f = only(text)
    assert (f.value, f.low, f.high, f.unit, f.qualifier) == (value, low, high, unit, "between")
    assert f.is_range


def test_a_change_is_two_figures_not_a_range():
    assert [v for _, v, _, _ in figures("Sales rose from $3 million to $5 million.")] == [3_000_000, 5_000_000]
    assert [v for _, v, _, _ in figures("Output fell 4% to 2.1 million barrels.")] == [4, 2_100_000]


def test_a_list_shares_its_unit():
    assert figures("Doses of 20 and 40 mg were given.") == [
        ("20", 20, "milligram", None),
        ("40 mg", 40, "milligram", None),
    ]


def test_a_list_with_a_serial_comma_shares_its_unit():
    assert [u for _, _, u, _ in figures("Fares rose 3, 6, and 9 percent.")] == ["percent"] * 3


def test_a_comma_and_after_a_lone_number_joins_clauses_not_a_list():
    got = figures("The mill opened in 1994, and 350 tonnes left it that year.")
    assert got[0] == ("1994", 1994, None, None)
    assert got[1][2] == "tonne"


# --- fractions, decimals, negatives -------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("The pipe is 2 1/2 inches wide.", 2.5),
        ("Three-quarters of the crops failed.", 0.75),
        ("Two thirds of members agreed.", 2 / 3),
        ("Add ½ cup of water.", 0.5),
        ("The yield is 7 3/8%.", 7.375),
        ("It fell by 1/4.", 0.25),
        ("A third of pupils walk to school.", 1 / 3),
        ("Sea ice shrank 0.25 percent.", 0.25),
        ("The account showed -3.5 percent.", -3.5),
        ("Overnight it was minus 12 degrees Celsius.", -12),
        ("One and a half million voters stayed home.", 1_500_000),
        ("The Hubble constant is about 7e1.", 70),
    ],
)
def test_fractions_decimals_negatives(text, value):
    assert only(text).value == pytest.approx(value)


# --- units and counted nouns -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, unit",
    [
        ("The convoy drove 40 km.", "kilometre"),
        ("He won the 100-metre final.", "metre"),
        ("The reserve covers 5 sq km.", "square kilometre"),
        ("The plant makes 600 MW.", "megawatt"),
        ("The storm dumped 40mm of rain.", "millimetre"),
        ("Winds reached 120 km/h.", "kilometre per hour"),
        ("The trial lasted six weeks.", "week"),
        ("Her 30-year-old son was arrested.", "years old"),
        ("Forty Apache helicopters were sold.", "Apache helicopters"),
        ("Three Dutch journalists were detained.", "Dutch journalists"),
        ("The raid freed 11 hostages.", "hostages"),
        ("Only one reporter was allowed in.", "reporter"),
    ],
)
def test_units_and_counted_nouns(text, unit):
    assert only(text).unit == unit


def test_counted_noun_stops_at_the_head_noun():
    assert figures("Two border guards died and 12 villagers fled.") == [
        ("Two border guards", 2, "border guards", None),
        ("12 villagers", 12, "villagers", None),
    ]


def test_no_counted_noun_when_none_follows():
    assert figures("Of the suspects, four were charged.") == [("four", 4, None, None)]


# --- things that are not figures --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "She finished second, then third, in the 21st race.",
        "The MiG29 and the Covid-19 wards; G20 ministers met.",
        "It happened on November 23, 2010, and again on 4 July.",
        "The train leaves at 10:45 and arrives at 2 pm.",
        "Call (415) 555-0172 or +33 1 42 68 53 00 today.",
        "See https://example.org/2019/05/report-7 or mail desk2@example.org.",
        "Version 3.2.1 fixes the bug.",
        "One of the guards said no one else saw it, and someone left.",
        "The 2013-14 season was his best since the 1990s.",
        "It was a zero-sum game with zero tolerance at ground zero.",
        "She lives at 221 Baker Street.",
        "He works 24/7 on a 50/50 deal.",
        "The first half was dull.",
        "They came in their thousands, and dozens more, several hundred in all.",
    ],
)
def test_not_figures(text):
    assert figures(text) == []


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("One in 10 adults smokes.", "One in 10 adults", 0.1, "adults"),
        ("About eight out of 10 voters agreed.", "About eight out of 10 voters", 0.8, "voters"),
        ("The river is half a mile wide.", "half a mile", 0.5, "mile"),
        ("Rates fell half a percentage point.", "half a percentage point", 0.5, "percentage points"),
    ],
)
def test_shares_and_halves(text, span, value, unit):
    f = only(text)
    assert (text[f.start : f.end], f.value, f.unit) == (span, value, unit)


def test_a_tally_is_one_figure_not_a_range():
    found = figures("The panel voted 19-15 and the club won 3-1.")
    assert [(t, v, u) for t, v, u, _ in found] == [("19-15", 19, "to 15"), ("3-1", 3, "to 1")]
    assert [(t, v, u) for t, v, u, _ in figures("The Senate voted 51 to 49.")] == [("51 to 49", 51, "to 49")]
    assert [(t, v, u) for t, v, u, _ in figures("The board voted nine votes to four.")] == [
        ("nine votes to four", 9, "votes to 4")
    ]
    assert [u for _, _, u, _ in figures("Ages 10 to 20 were asked.")] == [None]  # a range, no tally
    assert figures("Boeing 747-400 jets") == []  # a model code, not a tally of 747 to 400


def test_a_one_off_is_not_a_figure_but_one_person_is():
    assert figures("It was a one-off. One person died.") == [("One person", 1, "person", None)]


# --- the public API ----------------------------------------------------------------------


def test_offsets_are_absolute_and_respect_the_region():
    text = "Intro with 5 apples.\nBody with 7 pears."
    body = text.index("Body")
    found = parse_figures(text, body)
    assert [(text[f.start : f.end], f.value) for f in found] == [("7 pears", 7)]


def test_skip_spans_hide_numbers():
    text = "See 12 files and 30 folders."
    i = text.index("12")
    assert [f.value for f in parse_figures(text, skip=[(i, i + 2)])] == [30]


@pytest.mark.parametrize(
    "text, value",
    [
        ("$6bn", 6_000_000_000),
        ("six billion dollars", 6_000_000_000),
        ("5.5%", 5.5),
        ("a dozen", 12),
        ("the end", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_currency_code():
    assert currency_code("$") == "USD"
    assert currency_code("euros") == "EUR"
    assert currency_code("Swiss francs") == "CHF"
    assert currency_code("RMB") == "CNY"
    assert currency_code("bananas") is None


def test_empty_and_numberless_text():
    assert parse_figures("") == []
    assert parse_figures("No numbers here at all.") == []


def test_a_number_in_a_name_is_a_figure_that_counts_nothing():
    # "Boeing 737" where the source says 747 is an error worth catching; the noun after a
    # name's number is not what it counts, and codes glued to letters stay out.
    assert figures("A Boeing 737 and an Airbus A320 collided at Gate 12.") == [
        ("737", 737, None, None),
        ("12", 12, None, None),
    ]
    assert figures("Voyager 2 jets past Jupiter.") == [("2", 2, None, None)]


@pytest.mark.parametrize(
    "text, figure",
    [
        ("The law turns on Section 214 and Chapter 7 of the code.", [("214", 214), ("7", 7)]),
        ("Crews closed Highway 61 near the river.", [("61", 61)]),
        ("The memo is on page 38 of the filing.", [("38", 38)]),
        ("The insurer is the No. 3 in the market.", [("3", 3)]),
        ("Ministers of the G-8 met, and a B-2 bomber flew overhead.", [("G-8", 8), ("B-2", 2)]),
        ("The SR-71 set a record.", [("SR-71", 71)]),
    ],
)
def test_a_number_in_a_label_or_a_code_is_a_figure_that_counts_nothing(text, figure):
    # "Section 214" where the source says 215 is an error worth catching, as a model number is.
    assert [(span, value, unit) for span, value, unit, _ in figures(text)] == [(s, v, None) for s, v in figure]

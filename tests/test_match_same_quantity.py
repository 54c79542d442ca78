"""Which figure of a source sentence measures what the draft's figure measures.

Each test is a small newsroom (one draft sentence, one source) scanned and matched end to
end, written the way reporters and their sources put things.
"""

from __future__ import annotations

import pytest

from tests.test_match_quantities import judged, verdict_of

# --- people counted by what happened to them ---------------------------------------------------


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("More than 1,900 people died in the floods across the province.", "More than 1,900 people", "contradicted"),
        ("Fewer than 1,900 people died in the floods across the province.", "Fewer than 1,900 people", "supported"),
    ],
)
def test_people_who_died_are_the_sources_deaths(tmp_path, draft, text, verdict):
    source = "By the end of May the province had counted 40,210 flooded homes, and 1,874 deaths."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")
    if verdict == "contradicted":
        assert "1,874 deaths" in c["evidence"][0]["reason"]


def test_a_count_of_people_is_not_read_against_another_events_count(tmp_path):
    """The source's people "have died"; the draft's bound is about cases, and the sentence
    gives cases too: the deaths are no rival reading of it."""
    source = "So far there have been 48,302 confirmed cases in the region, and of those 912 people have died."
    claims = judged(tmp_path, "The region has recorded more than 45,000 confirmed infection cases.", source)
    assert verdict_of(claims, "more than 45,000 confirmed infection cases")["verdict"] == "supported"
    claims = judged(tmp_path, "The region has recorded under 45,000 confirmed infection cases.", source)
    assert verdict_of(claims, "under 45,000 confirmed infection cases")["verdict"] == "contradicted"


# --- a figure does not borrow the noun of its neighbour -------------------------------------------


def test_a_bare_figure_is_not_counted_in_its_neighbours_noun(tmp_path):
    """ "55" in the draft counts whatever "in the northern district" has, not the "cases" of
    the figure before it; the source's district figure is the one to weigh."""
    source = (
        "As of 2 May the county had 412 confirmed measles cases, of which 230 were in the river "
        "district, 61 in the northern district and 121 elsewhere."
    )
    draft = "The county had more than 400 measles cases by 2 May, with less than 55 in the northern district."
    c = verdict_of(judged(tmp_path, draft, source), "less than 55")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "'61'" in c["evidence"][0]["reason"]


# --- snapshots --------------------------------------------------------------------------------------


@pytest.mark.parametrize("day, verdict", [("12 March", "supported"), ("13 March", "contradicted")])
def test_a_reworded_count_dated_as_of_another_day_is_contradicted(tmp_path, day, verdict):
    """Two "as of" dates each date a count: the same count on another day is another snapshot."""
    source = "As of 12 March 2026, health officials had logged 2,315 positive tests, 41 recoveries and 3 deaths."
    draft = f"In the valley towns, 2,315 residents had tested positive, as of {day}, 2026."
    c = verdict_of(judged(tmp_path, draft, source), f"{day}, 2026")
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_time_of_day_is_not_the_date_of_a_snapshot(tmp_path):
    source = "The state has the most storm deaths in the region, with 9 as of 4:10 p.m. on 18 March 2026."
    claims = judged(tmp_path, "The state had fewer than 20 storm deaths, as of March 18, 2026.", source)
    assert verdict_of(claims, "March 18, 2026")["verdict"] != "contradicted"


# --- years and shares are not counts ----------------------------------------------------------------


def test_a_year_in_the_source_does_not_bear_out_a_count(tmp_path):
    """ "since 1985" says when; the draft's bound counts lighthouses, which the source gives
    as 610, and 610 is not more than 640."""
    source = (
        "The coast has lost a third of its keepers since 1985, yet 610 lighthouses still shine along it each night."
    )
    claims = judged(tmp_path, "More than 640 lighthouses still shine each night along the coast.", source)
    assert verdict_of(claims, "More than 640 lighthouses")["verdict"] != "supported"


def test_a_count_lined_up_with_a_percentage_is_not_compared(tmp_path):
    """Word by word, the draft's "640 lighthouses" falls on the source's "35%": a count and a
    share are never one figure, whatever the alignment says."""
    source = "Funding for keepers fell 35% after 1985, yet every night 610 lighthouses shine along the coast."
    claims = judged(
        tmp_path, "Funding for keepers fell after 1985, yet every night 640 lighthouses shine along the coast.", source
    )
    c = verdict_of(claims, "640 lighthouses")
    assert all("35%" not in e["reason"] for e in c.get("evidence") or []), c.get("evidence")


# --- a bound stands near the figure it rounds ---------------------------------------------------


def test_a_bound_many_times_off_its_figure_is_no_evidence():
    """ "more than 2 rangers" is true of 1,480, but no reporter bounds 1,480 by 2: a figure ten
    times or more from the bound is likelier another quantity than the one the claim counts."""
    from factcheck.match import values

    bound = {
        "kind": "figure",
        "text": "more than 2 rangers",
        "value": 2,
        "qualifier": "more than",
        "sentence": "More than 2 rangers died.",
    }
    assert values.far_off(bound, 1480, "1,480 crew members")
    assert not values.far_off(bound, 3, "3 rangers")
    under = {
        "kind": "figure",
        "text": "under 5 million",
        "value": 5e6,
        "qualifier": "under",
        "sentence": "Under 5 million live there.",
    }
    assert values.far_off(under, 12, "12")
    assert not values.far_off({**under, "qualifier": None, "text": "5 million"}, 12, "12")  # not a bound


def test_people_and_residents_count_the_same_heads(tmp_path):
    source = "The 12 valley counties are home to 6,480,112 residents, the census found."
    claims = judged(tmp_path, "Fewer than 5 million people live in the 12 valley counties, the census found.", source)
    c = verdict_of(claims, "Fewer than 5 million people")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "6,480,112 residents" in c["evidence"][0]["reason"]


def test_a_bound_near_its_figure_is_still_borne_out(tmp_path):
    source = "The shelter took in 412 dogs last winter."
    c = verdict_of(
        judged(tmp_path, "The shelter took in more than 400 dogs last winter.", source), "more than 400 dogs"
    )
    assert c["verdict"] == "supported"


def test_a_rating_bound_is_read_on_its_scale(tmp_path):
    source = "Viewers gave the series an average of 8.7 (out of 10) on the ratings site."
    claims = judged(tmp_path, "The series has a rating greater than 8 out of 10 on the ratings site.", source)
    assert verdict_of(claims, "greater than 8 out of 10")["verdict"] == "supported"


# --- the thing counted, every word of it ------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("The band has released fewer than 12 live albums.", "fewer than 12 live albums", "supported"),
        ("The band has released more than 12 live albums.", "more than 12 live albums", "contradicted"),
    ],
)
def test_the_figure_counting_the_same_thing_outweighs_ones_sharing_the_noun(tmp_path, draft, text, verdict):
    source = "Over four decades the band put out 27 studio albums, 4 box sets, 11 live albums, and 90 singles."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "11 live albums" in c["evidence"][0]["reason"]


# --- a sentence about something else does not clear the claim ------------------------------------


def test_a_less_related_sentence_does_not_clear_a_contradicted_bound(tmp_path):
    """The neighbouring town's 412 is under 450; the city's own count, more than 600, is not."""
    source = (
        "A further 412 homes lost power in the neighbouring town of Elmbridge, officials said.\n\n"
        "On 3 February the storm cut power to more than 600 homes in the city of Harwick."
    )
    c = verdict_of(
        judged(tmp_path, "In February, under 450 homes lost power in the city of Harwick during the storm.", source),
        "under 450 homes",
    )
    assert c["verdict"] != "supported", c.get("evidence")


# --- dates that cannot be weighed ---------------------------------------------------------------------


def test_a_date_bound_is_not_borne_out_by_a_relative_day(tmp_path):
    source = "The old signal box was put up in the early 1900s and is still used today by the heritage line."
    c = verdict_of(judged(tmp_path, "The old signal box was put up after 1925.", source), "1925")
    assert c["verdict"] != "supported", c.get("evidence")


def test_a_time_of_day_is_not_weighed_against_a_calendar_date():
    from types import SimpleNamespace

    from factcheck.match import quantity

    at_seven = {"kind": "date", "text": "7:00 am", "value": "T07:00"}
    assert not quantity._dates_comparable(at_seven, SimpleNamespace(text="Monday, April 6", value="2026-04-06"))
    assert quantity._dates_comparable(at_seven, SimpleNamespace(text="6:00 a.m.", value="T06:00"))
    in_2017 = {"kind": "date", "text": "2017", "value": "2017"}
    assert not quantity._dates_comparable(in_2017, SimpleNamespace(text="Christmas", value="2020-12-25"))
    assert quantity._dates_comparable(in_2017, SimpleNamespace(text="December 2016", value="2016-12"))


# --- a source's bound is written just past its figure ------------------------------------------------


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("The app has more than 48 million users.", "more than 48 million users", "contradicted"),
        ("The app has more than 40 million users.", "more than 40 million users", "supported"),
    ],
)
def test_a_sources_bound_reads_as_just_past_its_figure(tmp_path, draft, text, verdict):
    """ "over 47 million" is a figure between 47 and 48 million: "more than 48 million" cannot
    be it, though the two bounds overlap as written."""
    source = "Five years after launch the app has over 47 million users, its maker said."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_round_source_bound_is_a_threshold_not_a_figure(tmp_path):
    """ "more than 50 people" in a rule is a limit: it says nothing against "more than 100"."""
    source = "The council has banned gatherings of more than 50 people in the square."
    c = verdict_of(
        judged(tmp_path, "The council has banned gatherings of more than 100 people.", source), "more than 100 people"
    )
    assert c["verdict"] != "contradicted", c.get("evidence")


# --- the one figure in the claim's unit, and the noun a figure is the value of ---------------------


def test_the_sentences_only_amount_of_money_decides_though_the_source_says_it(tmp_path):
    """The source calls the film "it" and shares one word with the draft; its one amount of
    money, beside that word's synonym, is the gross the draft states."""
    source = "It was released on May 2, met with warm reviews from critics, and has grossed $8.2 million."
    claims = judged(tmp_path, "The Quiet Orchard (film) earned more than $9 million.", source)
    c = verdict_of(claims, "more than $9 million")
    assert c["verdict"] == "contradicted", c.get("evidence")
    assert "$8.2 million" in c["evidence"][0]["reason"]


@pytest.mark.parametrize(
    "draft, text, verdict",
    [
        ("The county has more than 300 confirmed flu cases.", "more than 300 confirmed flu cases", "contradicted"),
        ("The county has fewer than 300 confirmed flu cases.", "fewer than 300 confirmed flu cases", "supported"),
    ],
)
def test_a_bare_figure_is_the_value_of_the_noun_that_reached_it(tmp_path, draft, text, verdict):
    source = "By Friday the confirmed cases reached 274, most of them in the northern villages."
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_figures_noun_is_read_past_a_name_with_digits():
    """The extractor reads "more than 950 COVID-19 cases" without its noun; the noun after the
    name is still what the figure counts."""
    from factcheck.match import quantity

    claim = {
        "kind": "figure",
        "text": "more than 950",
        "sentence": "The state reported more than 950 COVID-19 cases by May.",
    }
    assert quantity._claim_noun(claim) == quantity._noun("confirmed cases")
    plain = {"kind": "figure", "text": "950", "sentence": "The state reported 950 in May."}
    assert quantity._claim_noun(plain) != quantity._noun("confirmed cases")


def test_a_date_bound_is_left_open_when_the_nearer_date_does_not_settle_it():
    """ "after 1999" is true of 2005, but the sentence's own "since 1998" stands nearer the
    bound and does not settle it: which date is meant is not clear."""
    import datetime as dt

    from factcheck.match import rivals

    claim = {
        "kind": "date",
        "text": "1999",
        "value": "1999",
        "sentence": "The port was the busiest on the coast after 1999.",
    }
    sentence = "The port has been the busiest on the coast since 1998, and the deepest every year since 2005."
    assert rivals.doubt(claim, sentence, dt.date(2026, 6, 1))
    assert (
        rivals.doubt(
            {**claim, "text": "1990", "value": "1990", "sentence": "The port was the busiest after 1990."},
            sentence,
            dt.date(2026, 6, 1),
        )
        is None
    )


def test_of_figures_fitting_alike_the_one_just_past_the_bound_is_the_one_it_rounds():
    """ "$98,321,000 more, for a total of $142,940,100": both amounts fit the draft's words
    about as well, but a reporter's "more than $142,800,000" rounds the total."""
    from factcheck.match import paraphrase, quantity

    def fit(text, value, score):
        return quantity.Fit(paraphrase.SourceItem(text, value, "USD"), score, True, "", False, score - 1.0, 1.0)

    total, extra = fit("$142,940,100", 142_940_100, 1.60), fit("$98,321,000", 98_321_000, 1.55)
    bound = {
        "kind": "figure",
        "text": "more than $142,800,000",
        "value": 142_800_000,
        "unit": "USD",
        "qualifier": "more than",
    }
    assert quantity._best(bound, [total, extra]) is total
    assert (
        quantity._best({**bound, "qualifier": "less than", "text": "less than $142,800,000"}, [total, extra]) is total
    )
    midway = {**bound, "text": "more than $120,000,000", "value": 120_000_000}
    assert quantity._best(midway, [total, extra]) is None  # near neither: the sentence does not say which


# --- what the figure's verb counts ------------------------------------------------------------------


@pytest.mark.parametrize("bound, verdict", [("more than 60", "contradicted"), ("more than 50", "supported")])
def test_a_bare_figure_counts_what_its_verb_says(tmp_path, bound, verdict):
    """ "more than 60 had recovered" counts the source's recoveries, not its admissions."""
    source = "By Sunday the ward had admitted 240 patients, and 57 recoveries were recorded."
    draft = f"By Sunday {bound} had recovered on the ward."
    c = verdict_of(judged(tmp_path, draft, source), bound)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "57 recoveries" in c["evidence"][0]["reason"]


# --- the day of a count -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "when, verdict",
    [("before 14 May 2021", "contradicted"), ("after 14 May 2021", "contradicted"), ("by 15 May 2021", "supported")],
)
def test_a_bound_on_the_day_of_a_count_is_weighed_against_the_sources_as_of(tmp_path, when, verdict):
    source = "As of 14 May 2021, the island had logged 212 landslips and 9 road closures."
    draft = f"The island had logged 212 landslips {when}."
    c = verdict_of(judged(tmp_path, draft, source), when.split(" ", 1)[1])
    assert c["verdict"] == verdict, c.get("evidence")


# --- ratings on a scale --------------------------------------------------------------------------


@pytest.mark.parametrize("bound, verdict", [("above 70%", "contradicted"), ("above 60%", "supported")])
def test_a_rating_out_of_100_is_a_share_for_a_bound_in_percent(tmp_path, bound, verdict):
    source = "The review site gave the console version 64/100, based on 22 reviews."
    draft = f"The console version scored {bound} on the review site."
    c = verdict_of(judged(tmp_path, draft, source), bound)
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_rating_right_at_a_bound_does_not_bear_it_out(tmp_path):
    """58 out of 100 is 58 percent exactly (not a hair under it), so "under 58%" is contradicted."""
    source = "The site gives the show a weighted average score of 58 out of 100, based on 26 critics."
    c = verdict_of(judged(tmp_path, "The show's average score on the site is under 58%.", source), "under 58%")
    assert c["verdict"] == "contradicted", c.get("evidence")


def test_a_bound_on_an_events_day_is_not_read_as_a_counts_as_of(tmp_path):
    """The draft dates an event ("first reported before 3 May"), not a count: the source's
    "as of 3 May" tally is another date, and says nothing against it."""
    source = "As of 3 May 2021, the island had logged 212 landslips. The first was reported on 28 April."
    draft = "The first landslip on the island was reported before 3 May 2021."
    c = verdict_of(judged(tmp_path, draft, source), "3 May 2021")
    assert c["verdict"] != "contradicted", c.get("evidence")


# --- a source's approximation, as precisely as it is written ------------------------------------


@pytest.mark.parametrize(
    "draft_figure, verdict",
    [("more than 4 million", "contradicted"), ("nearly 4 million", "supported"), ("about 4 million", "supported")],
)
def test_a_precise_approximation_is_within_a_step_of_its_last_digit(tmp_path, draft_figure, verdict):
    """ "roughly 3.86 million" is written to the nearest ten thousand: it cannot be more than 4 million."""
    source = "The festival drew roughly 3.86 million visitors over the summer."
    c = verdict_of(
        judged(tmp_path, f"The festival drew {draft_figure} visitors over the summer.", source),
        draft_figure + " visitors",
    )
    assert c["verdict"] == verdict, c.get("evidence")


# --- the ends of a span of time -----------------------------------------------------------------


@pytest.mark.parametrize("last_day, verdict", [("28 August", "contradicted"), ("21 August", "supported")])
def test_the_end_of_a_span_is_the_end_of_the_sources_span(tmp_path, last_day, verdict):
    source = "The gallery showed the prints since 3 June 2021 to 21 August 2021."
    c = verdict_of(judged(tmp_path, f"The exhibition ran from 3 June to {last_day}.", source), last_day)
    assert c["verdict"] == verdict, c.get("evidence")


# --- a terse source that shares only the noun counted ------------------------------------------


@pytest.mark.parametrize(
    "draft_figure, verdict", [("more than 4,000 samples", "supported"), ("more than 4,200 samples", "contradicted")]
)
def test_a_terse_source_is_weighed_by_the_noun_it_counts(tmp_path, draft_figure, verdict):
    source = "So far 4,118 samples have been sent to the laboratory."
    draft = f"The county health board says it has collected {draft_figure} during the outbreak."
    c = verdict_of(judged(tmp_path, draft, source), draft_figure)
    assert c["verdict"] == verdict, c.get("evidence")


def test_two_counts_of_the_noun_leave_a_terse_source_undecided(tmp_path):
    """Two sentences each count samples: the draft's words do not say which it means."""
    source = "So far 4,118 samples have been sent to the laboratory. Another 312 samples were lost in transit."
    draft = "The county health board says it has collected more than 4,200 samples during the outbreak."
    c = verdict_of(judged(tmp_path, draft, source), "more than 4,200 samples")
    assert c["verdict"] == "not_found", c.get("evidence")


@pytest.mark.parametrize(
    "bound, verdict", [("more than 40 million", "supported"), ("less than 40 million", "contradicted")]
)
def test_a_bare_amount_in_a_sentence_about_a_deal_is_money(tmp_path, bound, verdict):
    source = "The striker signed a three-year, $42.5 million contract with the club in July."
    c = verdict_of(judged(tmp_path, f"In July the striker agreed a deal worth {bound} with the club.", source), bound)
    assert c["verdict"] == verdict, c.get("evidence")

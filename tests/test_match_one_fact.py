"""A reworded sentence that states one fact: its one date, the count its noun names, and
a bound its verb sets ("surpassed 3,000").

Each test is a small newsroom (one draft sentence, one source) scanned and matched end to
end, in words a reporter and a source might use.
"""

from __future__ import annotations

import pytest

from tests.test_match_quantities import judged, verdict_of

# --- one date on each side ------------------------------------------------------------------------

FOUNDING = (
    "The ferry line was set up by two sisters, Ana and Lise Borg, in the harbour town of Kessel, "
    "in 1961, as a mail service for the islands."
)


@pytest.mark.parametrize("bound, verdict", [("before 1956", "contradicted"), ("before 1965", "supported")])
def test_the_one_date_of_a_sentence_about_the_same_founding(tmp_path, bound, verdict):
    """Many words stand between "set up" and "1961", but it is the sentence's only date."""
    claims = judged(tmp_path, f"The ferry line was set up {bound}.", FOUNDING)
    c = verdict_of(claims, bound.split()[-1])
    assert c["verdict"] == verdict, c.get("evidence")
    if verdict == "contradicted":
        assert "1961" in c["evidence"][0]["reason"]


def test_a_lone_date_that_dates_another_event_is_no_contradiction(tmp_path):
    """The source's one date is a birth; the draft dates when the line was set up."""
    source = "Ana Borg, whose family set up the ferry line, was born in the harbour town of Kessel in 1961."
    claims = judged(tmp_path, "The ferry line was set up before 1956.", source)
    assert verdict_of(claims, "1956")["verdict"] != "contradicted"


@pytest.mark.parametrize("bound, verdict", [("before 1930", "supported"), ("after 1935", "contradicted")])
def test_part_of_a_decade_is_an_interval(tmp_path, bound, verdict):
    source = "The old signal box was put up in the late 1920s and still stands beside the line."
    claims = judged(tmp_path, f"The old signal box was put up {bound}.", source)
    c = verdict_of(claims, bound.split()[-1])
    assert c["verdict"] == verdict, c.get("evidence")


def test_the_early_part_of_a_decade_holds_its_fourth_year(tmp_path):
    source = "The choir was formed in 1983 when two parish groups merged."
    claims = judged(tmp_path, "The choir was formed in the early 1980s when two parish groups merged.", source)
    assert verdict_of(claims, "the early 1980s")["verdict"] == "supported"


# --- the noun a bare figure counts -------------------------------------------------------------------


@pytest.mark.parametrize("bound, verdict", [("fewer than 40", "contradicted"), ("fewer than 50", "supported")])
def test_a_bare_figure_counts_the_noun_after_it(tmp_path, bound, verdict):
    """The draft's "40" is read without a unit, yet it counts "H5N1 cases", which is what
    the source's "44" is the value of."""
    source = "The confirmed H5N1 cases climbed to 44, most of them among poultry workers."
    claims = judged(tmp_path, f"The county has {bound} H5N1 cases.", source)
    c = verdict_of(claims, bound)
    assert c["verdict"] == verdict, c.get("evidence")


# --- a bound set by a verb -----------------------------------------------------------------------------


def test_surpassed_is_more_than(tmp_path):
    """ "Surpassed 3,000" bears out "over 3,000" rather than contradicting it."""
    source = "On 2 May the district surpassed 3,000 flu cases, and the clinics asked for more staff."
    claims = judged(tmp_path, "The district had over 3,000 flu cases by 2 May.", source)
    assert verdict_of(claims, "over 3,000 flu cases")["verdict"] != "contradicted"
    claims = judged(tmp_path / "b", "The district had under 3,000 flu cases by 2 May.", source)
    assert verdict_of(claims, "under 3,000 flu cases")["verdict"] == "contradicted"


# --- a long source -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bound, verdict", [("more than $50 million", "contradicted"), ("more than $45 million", "supported")]
)
def test_the_figure_is_found_among_many_sentences_about_the_same_film(tmp_path, bound, verdict):
    """Seven sentences share every word of the draft's but give no figure; the one that does
    shares only "worldwide" and a word for grossing. It is still the one weighed."""
    talk = [
        "Harbour Lights, the Norland Studios film directed by Ana Borg, opened worldwide in May and grossed well in Europe.",
        "Ana Borg's Harbour Lights grossed strongly worldwide, Norland Studios said of the film she directed.",
        "The Norland Studios film directed by Ana Borg, Harbour Lights, grossed more in its second week worldwide.",
        "Harbour Lights was directed by Ana Borg; the Norland Studios film grossed best worldwide among dramas.",
        "Worldwide, Harbour Lights, directed by Ana Borg for Norland Studios, grossed above the studio's forecast.",
        "Norland Studios film Harbour Lights, directed by Ana Borg, grossed steadily worldwide through the summer.",
        "Ana Borg directed Harbour Lights, which grossed worldwide what Norland Studios hoped for the film.",
    ]
    source = " ".join(talk + ["It took $48.2 million worldwide by the end of its run."])
    draft = f"Harbour Lights, the Norland Studios film directed by Ana Borg, grossed {bound} worldwide."
    c = verdict_of(judged(tmp_path, draft, source), bound)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "$48.2 million" in c["evidence"][0]["reason"]


# --- the figure the claim's words stand around ------------------------------------------------------


@pytest.mark.parametrize(
    "bound, verdict", [("more than $12 million", "contradicted"), ("under $12.5 million", "supported")]
)
def test_the_figure_the_claims_noun_stands_by(tmp_path, bound, verdict):
    """ "Budget" stands beside the $12 million, not the $11.3 million taken at the box office:
    the sentence shares little else with the draft, yet it says what the budget was."""
    source = "By the end of April the picture had taken $11.3 million, with a $12 million budget."
    c = verdict_of(judged(tmp_path, f"Tidewater's budget was {bound}.", source), bound)
    assert c["verdict"] == verdict, c.get("evidence")
    assert "$12 million" in c["evidence"][0]["reason"]


# --- words written two ways -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, source, text, verdict",
    [
        # British and American spelling
        (
            "The rowing club has fewer than 9 honors.",
            "The rowing club is the best known on the river, with 9 honours.",
            "fewer than 9 honors",
            "contradicted",
        ),
        (
            "The rowing club has fewer than 10 honors.",
            "The rowing club is the best known on the river, with 9 honours.",
            "fewer than 10 honors",
            "supported",
        ),
        # a noun and its verb: "isolation" and "isolated"
        (
            "Fewer than 300 patients were isolated at home by Friday.",
            "By Friday, 312 patients were in isolation at home under a nurse's care.",
            "Fewer than 300 patients",
            "contradicted",
        ),
    ],
)
def test_words_spelt_or_formed_otherwise_are_one_word(tmp_path, draft, source, text, verdict):
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_birthday_is_the_day_of_birth(tmp_path):
    source = "Mira Tallis (born 14 March 1983) is a harpist and composer from the coast."
    c = verdict_of(judged(tmp_path, "Mira Tallis's birthday is on March 12.", source), "March 12")
    assert c["verdict"] == "contradicted", c.get("evidence")


def test_a_bare_count_of_deaths_is_the_people_who_died(tmp_path):
    """The draft's "1,000" is read without a unit; the noun after it is "deaths", and the
    source's "1,120 people ... have died" counts the same."""
    source = "Across the islands, 2,410 homes were flooded and 1,120 people caught in the surge have died."
    c = verdict_of(
        judged(tmp_path, "The islands have recorded fewer than 1,000 H5N1 deaths.", source), "fewer than 1,000"
    )
    assert c["verdict"] == "contradicted", c.get("evidence")


def test_a_count_given_as_what_it_amounted_to(tmp_path):
    """ "The weekend takings amounted to 41,200" is the value of the takings."""
    source = "The fair's weekend takings amounted to 41,200 tickets, the organisers said."
    c = verdict_of(
        judged(tmp_path, "The fair sold under 40,000 weekend tickets.", source), "under 40,000 weekend tickets"
    )
    assert c["verdict"] == "contradicted", c.get("evidence")


# --- dates the claim's event ---------------------------------------------------------------------------


def test_the_one_date_beside_the_claims_own_verb(tmp_path):
    """The sentence shares only "opened" with the draft, but its one date stands right after it."""
    source = "The hall was designed by Ines Marr and Tomas Oder and opened to the public on 4 May 1994 by the mayor."
    claims = judged(tmp_path, "Kestrel Hall opened before January 1990.", source)
    assert verdict_of(claims, "January 1990")["verdict"] == "contradicted"


@pytest.mark.parametrize("day, verdict", [("December 12, 2026", "supported"), ("December 13, 2026", "contradicted")])
def test_of_two_dates_the_one_by_the_claims_words(tmp_path, day, verdict):
    """A premiere and a release in one sentence: "released" stands by the second date only."""
    source = (
        "The film had its first screening at the Lisbon festival on September 8, 2026, and is due to be "
        "widely released on December 12, 2026, by Harbour Pictures."
    )
    claims = judged(tmp_path, f"Tidewater is set to be released on {day}.", source)
    assert verdict_of(claims, day)["verdict"] == verdict


def test_a_span_of_years_is_no_contradiction_of_a_year_inside_it(tmp_path):
    """ "(2013–2018)" runs the show's whole life; it does not say that 2018 is wrong."""
    source = "She also co-created the comedy series Ferry Tales (2013–2018) and the drama Low Tide."
    claims = judged(tmp_path, "The comedy series Ferry Tales ended in 2018.", source)
    assert verdict_of(claims, "2018")["verdict"] != "contradicted"


def test_a_snapshot_day_alone_can_contradict(tmp_path):
    """The draft dates its count "as of April 22"; the source's one count is "as of 21 April",
    though the source words the count otherwise."""
    source = "As of 21 April 2026, there have been 1,692 confirmed cases, 450 recoveries and 7 deaths."
    draft = "In the province, fewer than 500 people had recovered from the virus as of April 22, 2026."
    claims = judged(tmp_path, draft, source)
    assert verdict_of(claims, "April 22, 2026")["verdict"] == "contradicted"


def test_a_snapshot_day_alone_never_bears_a_count_out(tmp_path):
    source = "As of 21 April 2026, there have been 1,692 confirmed cases, 450 recoveries and 7 deaths."
    draft = "In the province, fewer than 500 people had recovered from the virus as of April 21, 2026."
    claims = judged(tmp_path, draft, source)
    assert verdict_of(claims, "April 21, 2026")["verdict"] != "contradicted"


# --- nouns past a name ------------------------------------------------------------------------------------


def test_the_counted_noun_past_a_name(tmp_path):
    source = "Marrow Rovers won 21 Northern League de Honor titles, including four in a row in the 1990s."
    claims = judged(tmp_path, "Marrow Rovers won 22 titles.", source)
    assert verdict_of(claims, "22 titles")["verdict"] == "contradicted"


def test_positive_tests_are_confirmed_cases(tmp_path):
    source = "As of 17 April 2026, there have been 1,390 confirmed cases, 140 recoveries and 4 deaths."
    claims = judged(tmp_path, "There have been fewer than 1,385 positive tests in the province.", source)
    assert verdict_of(claims, "fewer than 1,385 positive tests")["verdict"] == "contradicted"


@pytest.mark.parametrize("day, verdict", [("3 February 2026", "contradicted"), ("4 February 2026", "supported")])
def test_a_day_is_weighed_against_the_day_not_the_period_around_it(tmp_path, day, verdict):
    """ "During the 2025–26 season" sets the scene; the day is the event's."""
    source = "The first ferry of the 2025–26 winter timetable left Kessel harbour on 4 February 2026, two weeks late."
    claims = judged(tmp_path, f"The first ferry of the winter timetable left Kessel harbour on {day}.", source)
    assert verdict_of(claims, day)["verdict"] == verdict


def test_two_seasons_are_two_spans(tmp_path):
    """ "2002-03" and "2001-02" overlap as years, but they are two seasons."""
    source = "At the end of the 2001-02 school year, Ana had offers from three rowing clubs."
    claims = judged(tmp_path, "Ana had offers from three rowing clubs at the end of the 2002-03 school year.", source)
    assert verdict_of(claims, "2002-03")["verdict"] == "contradicted"


def test_two_days_inside_a_bound(tmp_path):
    """ "Between March 16 and 17" lies before March 18."""
    source = "The number of patients on the ward doubled to 44 between March 16 and 17."
    claims = judged(tmp_path, "The number of patients on the ward doubled to 44 before March 18.", source)
    assert verdict_of(claims, "March 18")["verdict"] == "supported"

"""Verdicts on figures, dates and quotes the way reporters write them: rounded, bounded,
in words, as shares, in other units, and credited to someone.

Each test is a small newsroom: one draft sentence, scanned as a reporter would write it,
and one source, matched end to end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.match import match
from factcheck.scan import scan
from factcheck.store import claims_files

DRAFT_DATE = "2026-06-10"


def judged(root: Path, draft: str, source: str, name: str = "notes.txt") -> list[dict]:
    """The draft's figure, date and quote claims after scan and match, in draft order."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "drafts").mkdir(exist_ok=True)
    (root / ".factcheck.yaml").write_text("")
    (root / "sources" / name).write_text(source)
    (root / "drafts/story.md").write_text(f"---\ndate: {DRAFT_DATE}\nsources:\n  - sources/{name}\n---\n{draft}\n")
    config = load_config(root)
    scan(config)
    run = match(config)
    assert not run.failed, [str(e) for o in run.outcomes for e in o.errors]
    return [
        c
        for c in claims_files.load_claims(config, "drafts/story.md").claims
        if c["kind"] in ("figure", "date", "quote")
    ]


def verdict_of(claims: list[dict], text: str) -> dict:
    found = [c for c in claims if c["text"] == text]
    assert found, [c["text"] for c in claims]
    return found[0]


# --- bounds and hedges ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, source, text, verdict",
    [
        (
            "Police said more than 300 people were arrested at the march.",
            "Officers arrested 317 people at the march, police said.",
            "more than 300 people",
            "supported",
        ),
        (
            "Police said more than 350 people were arrested at the march.",
            "Officers arrested 317 people at the march, police said.",
            "more than 350 people",
            "contradicted",
        ),
        (
            "The fund paid out over £300,000 to the families.",
            "The fund paid out more than £300,000 to the families.",
            "over £300,000",
            "supported",
        ),
        (
            "Fewer than 250 delegates came to the congress.",
            "The congress was attended by 262 delegates.",
            "Fewer than 250 delegates",
            "contradicted",
        ),
        (
            "The charity now has under 11.5 million members.",
            "The charity now has more than 12 million members.",
            "under 11.5 million members",
            "contradicted",
        ),
        (
            "The bakery sold nearly 5,000 loaves in its first month.",
            "In its first month the bakery sold 4,870 loaves.",
            "nearly 5,000 loaves",
            "supported",
        ),
        ("The orchard has about 400 trees.", "The orchard has 920 trees.", "about 400 trees", "contradicted"),
        (
            "The ferry carries between 80 and 120 cars a day.",
            "The ferry carries 95 cars a day.",
            "between 80 and 120 cars",
            "supported",
        ),
    ],
)
def test_bounds_and_hedges_are_intervals(tmp_path, draft, source, text, verdict):
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_the_reason_shows_the_arithmetic(tmp_path):
    claims = judged(
        tmp_path, "Fewer than 250 delegates came to the congress.", "The congress was attended by 262 delegates."
    )
    reason = verdict_of(claims, "Fewer than 250 delegates")["evidence"][0]["reason"]
    assert reason.startswith("the claim says 'Fewer than 250 delegates'; the source gives '262 delegates'")
    claims = judged(
        tmp_path,
        "Police said more than 300 people were arrested at the march.",
        "Officers arrested 317 people at the march, police said.",
    )
    reason = verdict_of(claims, "more than 300 people")["evidence"][0]["reason"]
    assert reason.startswith("the source gives '317 people'; 'more than 300 people' holds")


# --- rounding, words, shares -----------------------------------------------------------------


def test_rounding_implied_by_the_claims_precision(tmp_path):
    claims = judged(
        tmp_path, "The council spent $4.6 million on the new library.", "The new library cost the council $4,573,210."
    )
    assert verdict_of(claims, "$4.6 million")["verdict"] == "supported"
    claims = judged(
        tmp_path, "The council spent $4.7 million on the new library.", "The new library cost the council $4,573,210."
    )
    assert verdict_of(claims, "$4.7 million")["verdict"] == "contradicted"


def test_a_rounded_source_bears_out_a_lower_bound(tmp_path):
    claims = judged(
        tmp_path,
        "The appeal raised more than $9.1 million for the hospital.",
        "The hospital appeal raised $9.2 million.",
    )
    assert verdict_of(claims, "more than $9.1 million")["verdict"] == "supported"


def test_numbers_in_words(tmp_path):
    claims = judged(tmp_path, "Fewer than ten districts reported flooding.", "Flooding was reported in nine districts.")
    assert verdict_of(claims, "Fewer than ten districts")["verdict"] == "supported"


def test_half_of_the_whole(tmp_path):
    claims = judged(
        tmp_path, "Half of the 20 league clubs backed the new rule.", "Ten of the 20 league clubs backed the new rule."
    )
    assert verdict_of(claims, "Half")["verdict"] == "supported"
    claims = judged(
        tmp_path, "Half of the 20 league clubs backed the new rule.", "Six of the 20 league clubs backed the new rule."
    )
    assert verdict_of(claims, "Half")["verdict"] == "contradicted"


def test_one_in_five_is_a_percentage(tmp_path):
    claims = judged(
        tmp_path,
        "One in five tenants is behind on rent, the survey found.",
        "The survey found 20% of tenants are behind on rent.",
    )
    assert verdict_of(claims, "One in five tenants")["verdict"] == "supported"


def test_a_duration_is_not_a_bound(tmp_path):
    claims = judged(
        tmp_path,
        "The loan will be repaid in payments over seven years.",
        "The loan will be repaid over a period of seven years.",
    )
    assert verdict_of(claims, "over seven years")["verdict"] == "supported"


# --- the same quantity ------------------------------------------------------------------------


def test_the_figure_that_measures_the_same_thing_not_the_nearest(tmp_path):
    source = "The film earned $3.1 million on opening day and $12,480,300 over its first week."
    claims = judged(tmp_path, "In its first week the film took more than $12 million.", source)
    assert verdict_of(claims, "more than $12 million")["verdict"] == "supported"
    claims = judged(tmp_path, "In its first week the film took less than $10 million.", source)
    assert verdict_of(claims, "less than $10 million")["verdict"] == "contradicted"


def test_another_value_of_the_same_quantity_contradicts_without_the_claims_digits(tmp_path):
    claims = judged(
        tmp_path,
        "The clinic has treated 410 patients since it opened.",
        "Since opening, the clinic has treated 388 patients.",
    )
    assert verdict_of(claims, "410 patients")["verdict"] == "contradicted"


def test_the_same_number_of_something_else_is_not_evidence(tmp_path):
    claims = judged(
        tmp_path, "The shelter took in more than 40 dogs last winter.", "The shelter took in 52 cats last winter."
    )
    assert verdict_of(claims, "more than 40 dogs")["verdict"] == "not_found"


# --- units --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, source, text, verdict",
    [
        ("Gusts reached 100 km/h on the coast.", "Gusts on the coast reached 62 mph.", "100 km/h", "supported"),
        ("Gusts reached 130 km/h on the coast.", "Gusts on the coast reached 62 mph.", "130 km/h", "contradicted"),
        ("The winning pumpkin weighed 500 kg.", "The winning pumpkin weighed 1,102 lb.", "500 kg", "supported"),
        ("It was 30°C in the shade by noon.", "By noon it was 86°F in the shade.", "30°C", "supported"),
        ("The new tower stands 300 metres tall.", "The new tower stands 984 feet tall.", "300 metres", "supported"),
        ("The ticket costs $40.", "The ticket costs €40.", "$40", "contradicted"),
    ],
)
def test_units_convert_where_the_conversion_is_exact(tmp_path, draft, source, text, verdict):
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


# --- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft, source, text, verdict",
    [
        (
            "The brewery was founded before 1990 by two brothers.",
            "Two brothers founded the brewery in 1984.",
            "1990",
            "supported",
        ),
        (
            "The brewery was founded before 1980 by two brothers.",
            "Two brothers founded the brewery in 1984.",
            "1980",
            "contradicted",
        ),
        ("The bridge has been closed since 2019.", "The bridge was closed in March 2021.", "2019", "supported"),
        ("The market reopened in late 2022.", "The market reopened on November 3, 2022.", "late 2022", "supported"),
        (
            "The market reopened in early 2022.",
            "The market reopened on November 3, 2022.",
            "early 2022",
            "contradicted",
        ),
        ("The vote took place in March 2024.", "The vote took place on March 9, 2024.", "March 2024", "supported"),
    ],
)
def test_dates_are_intervals(tmp_path, draft, source, text, verdict):
    c = verdict_of(judged(tmp_path, draft, source), text)
    assert c["verdict"] == verdict, c.get("evidence")


def test_a_future_tense_date_is_the_next_one(tmp_path):
    # The draft is dated June 2026; "will be held on September 21" is September 2026.
    source = "The regatta is scheduled for 21 September 2026 on the lower river."
    claims = judged(tmp_path, "The regatta will be held on September 21 on the lower river.", source)
    c = verdict_of(claims, "September 21")
    assert c["verdict"] == "supported", c.get("evidence")


# --- quotes and speakers ------------------------------------------------------------------------


def test_a_quote_given_to_the_wrong_person_is_contradicted(tmp_path):
    source = '"We cannot keep the pool open on this budget," said Harriet Vance, the council treasurer.\n'
    draft = '"We cannot keep the pool open on this budget," said Omar Lindqvist, the parks director.'
    c = verdict_of(judged(tmp_path, draft, source), "We cannot keep the pool open on this budget,")
    assert c["verdict"] == "contradicted"
    assert c["evidence"][0]["reason"].startswith(
        "the source has Harriet Vance saying this, the draft has Omar Lindqvist"
    )


def test_a_quote_from_the_right_person_is_supported(tmp_path):
    source = '"We cannot keep the pool open on this budget," said Harriet Vance, the council treasurer.\n'
    draft = '"We cannot keep the pool open on this budget," Harriet Vance said.'
    assert (
        verdict_of(judged(tmp_path, draft, source), "We cannot keep the pool open on this budget,")["verdict"]
        == "supported"
    )


_HARBOUR = (
    '"We have asked for a new breakwater for six years and we will keep asking," said Ada Morrow, '
    "who chairs the harbour board. She spoke at the start of a long evening meeting in the old customs "
    "house, where residents queued along the quay to be let in and the chairs ran out before seven.\n\n"
    "The board heard reports on dredging, on the ferry timetable, on the cost of lighting the north pier "
    "and on the state of the slipway, which has been closed to trailers since the spring. Each report "
    "was read in full and questions from the floor were taken after each one, which kept the meeting "
    "going well past ten. Several fishermen said the slipway closure had cost them a season.\n\n"
    "A second session took up the harbour accounts. The treasurer walked the room through mooring fees, "
    "the insurance on the crane and a grant for the lifeboat station, and promised a fuller account in "
    "the autumn once the auditors had been through the books. Nobody asked a question about the grant.\n\n"
    "After a short break the harbour master read the list of vessels laid up for repairs, the dates "
    "the dredger is booked for next year and the names of the three new pilots, who were welcomed by "
    "the board. A long discussion followed on whether visiting yachts should pay by the night or by "
    "the week, and it was agreed to leave the question to a working group that will report in March.\n\n"
    "Late in the evening the board turned to the sea wall, and the mood in the room changed. Residents "
    "of the lower town, whose cellars flooded twice last winter, filled the front rows and several of "
    "them stood for the whole of the item, holding photographs of the water in their kitchens.\n\n"
    '"The sea wall was never built for storms of this size," said Felix Garrow, the county engineer.\n'
)


@pytest.mark.parametrize("speaker, verdict", [("Felix Garrow", "supported"), ("Ada Morrow", "contradicted")])
def test_the_speaker_of_a_quote_deep_in_a_long_source_is_read_where_the_quote_is(tmp_path, speaker, verdict):
    """The quote sits in a later passage of the source than its first speaker: who says it is
    read around the quote itself, not around the same offset counted from the passage's start."""
    assert _HARBOUR.index("The sea wall was never") > 1500  # past the first passage
    draft = f'"The sea wall was never built for storms of this size," said {speaker}.'
    c = verdict_of(judged(tmp_path, draft, _HARBOUR), "The sea wall was never built for storms of this size,")
    assert c["verdict"] == verdict, c.get("evidence")
    if verdict == "contradicted":
        assert c["evidence"][0]["reason"].startswith(
            "the source has Felix Garrow saying this, the draft has Ada Morrow"
        )

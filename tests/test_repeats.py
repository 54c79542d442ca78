"""A headline figure or date that repeats one in the body is one fact, signed off once.

The gate tests run on real temporary newsrooms (gitnewsroom) with its small extractor:
every number is a figure. The rules for what counts as a repeat run on the real
extractors, on sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt
import json

from factcheck.extract import extract_draft
from factcheck.model import claim_id
from factcheck.store.draft_text import parse_draft
from tests.gitnewsroom import EDITOR, WRITER, scanned

FERRY = """\
---
date: 2026-01-04
---
# Ferry fares to rise 15 percent

The harbour ferry will charge 15 percent more from March, its operator said.

It carried 48,000 passengers last winter.
"""

DRAFT = "drafts/vote.md"


def _headline(room, draft=DRAFT) -> dict:
    return next(c for c in room.claims(draft) if c["line"] == 4)


def _body(room, text="15", draft=DRAFT) -> dict:
    return next(c for c in room.claims(draft) if c["text"] == text and c["line"] != 4)


def _approve(room, *ids, who=EDITOR):
    result = room.run("approve", DRAFT, *ids, who=who)
    assert result.exit_code == 0, result.output
    return result


# --- what is a repeat -------------------------------------------------------------------


def _linked(text: str) -> list[tuple[str, str | None]]:
    """(claim text, text of the claim it repeats) for every claim, on the real extractors."""
    claims = extract_draft(parse_draft(text, "d.md"), dt.date(2026, 4, 10)).claims
    by_id = {c.id: c for c in claims}
    return [(c.text, by_id[c.repeats].text if c.repeats else None) for c in claims]


def test_a_headline_percentage_rounding_the_body_is_linked():
    found = _linked("# Parking charges climb 40% in a year\n\nCharges at the station rose 40.2% since 2025.\n")
    assert ("40%", "40.2%") in found
    assert ("40.2%", None) in found  # the body claim is the one signed off


def test_a_headline_figure_with_another_value_is_never_linked():
    found = _linked("# Parking charges climb 40% in a year\n\nCharges at the station rose 45% since 2025.\n")
    assert ("40%", None) in found
    found = _linked("# Library lends 1,000 e-books\n\nThe library lent 1,200 e-books in May.\n")
    assert ("1,000 e-books", None) in found


def test_a_headline_bound_the_body_figure_meets_is_linked_but_not_one_it_breaks():
    found = _linked("# Repairs cost more than $2 million\n\nThe repairs cost $2.4 million, the city said.\n")
    assert ("more than $2 million", "$2.4 million") in found
    found = _linked("# Repairs cost more than $3 million\n\nThe repairs cost $2.4 million, the city said.\n")
    assert ("more than $3 million", None) in found


def test_a_plain_headline_does_not_firm_up_a_hedged_body_figure():
    found = _linked("# Clinic sees 300 patients a week\n\nThe clinic sees about 300 patients a week.\n")
    assert ("300 patients", None) in found
    found = _linked("# Clinic sees about 300 patients a week\n\nThe clinic sees about 300 patients a week.\n")
    assert ("about 300 patients", "about 300 patients") in found


def test_units_must_agree():
    found = _linked("# Budget grows by 12 million\n\nThe budget grows by 12 million euros next year.\n")
    assert ("12 million", None) in found


def test_a_headline_month_holds_the_body_date_unless_a_bound_word_changes_it():
    found = _linked("# Pool reopens in April\n\nThe pool will reopen on April 3, the council said.\n")
    assert ("April", "April 3") in found
    found = _linked("# Pool to reopen before April\n\nThe pool will reopen on April 3, the council said.\n")
    assert ("April", None) in found


def test_a_headline_figure_two_body_figures_could_round_to_is_linked_to_neither():
    text = "# Turnout near 40%\n\nTurnout was 40.2% in the north and 39.8% in the south.\n"
    assert ("40%", None) in _linked(text)


def test_subheadings_in_either_markdown_style_are_headlines_too():
    text = "# Council vote\n\nThe motion passed by nine votes to four.\n\nNine votes to four\n------------------\n\nMore.\n"
    assert ("Nine votes to four", "nine votes to four") in _linked(text)


def test_a_body_figure_is_never_linked_to_the_headline():
    found = _linked("# Parking charges climb 40%\n\nCharges rose 40%. Later, charges rose 40% again.\n")
    assert [t for t, target in found if t == "40%" and target is None] == ["40%", "40%"]


def test_the_linked_claim_keeps_the_id_of_its_own_words():
    text = "# Parking charges climb 40% in a year\n\nCharges at the station rose 40.2% since 2025.\n"
    claims = extract_draft(parse_draft(text, "d.md"), dt.date(2026, 4, 10)).claims
    head = next(c for c in claims if c.text == "40%")
    assert head.repeats is not None
    assert head.id == claim_id(head.kind, head.text, head.sentence)


# --- the claims file ---------------------------------------------------------------------


def test_scan_records_the_link_on_the_headline_claim(newsroom):
    room = scanned(newsroom, FERRY)
    head, body = _headline(room), _body(room)
    assert head["repeats"] == body["id"]
    assert "repeats" not in body
    assert f"repeats: {body['id']}" in room.read("claims/drafts/vote.yaml")


def test_a_headline_with_another_figure_is_not_linked(newsroom):
    room = scanned(newsroom, FERRY.replace("rise 15 percent", "rise 16 percent"))
    assert "repeats" not in _headline(room)


# --- sign-off and the gate ---------------------------------------------------------------


def test_approving_the_body_claim_clears_the_headline(newsroom):
    room = scanned(newsroom, FERRY)
    _approve(room, _body(room)["id"], room.claim_id("48,000"))
    result = room.run("check")
    assert result.exit_code == 0, result.output
    assert "3 approved" in result.output


def test_the_gate_names_the_body_claim_a_pending_headline_follows(newsroom):
    room = scanned(newsroom, FERRY)
    body = _body(room)["id"]
    result = room.run("check")
    assert result.exit_code == 1
    head = _headline(room)["id"]
    assert f"{head}: figure “15” repeats {body} (line 6), which is not signed off" in result.output
    assert f"{body}: figure “15” (repeated in the headline by {head} on line 4) is not signed off" in result.output


def test_a_rejected_body_claim_holds_the_headline_back(newsroom):
    room = scanned(newsroom, FERRY)
    body = _body(room)["id"]
    _approve(room, body, room.claim_id("48,000"))
    assert room.run("reject", DRAFT, body, "-m", "the operator said 12 percent").exit_code == 0
    result = room.run("check")
    assert result.exit_code == 1
    head = _headline(room)["id"]
    assert f"{head}: figure “15” repeats {body} (line 6), which was rejected by ed@example.org" in result.output


def test_a_changed_body_claim_holds_the_headline_back(newsroom):
    room = scanned(newsroom, FERRY)
    _approve(room, _body(room)["id"], room.claim_id("48,000"))
    room.write(DRAFT, FERRY.replace("its operator said", "the operator announced"))
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Reword the body")
    body = _body(room)
    assert _headline(room)["repeats"] == body["id"]  # linked to the body claim as it now reads
    result = room.run("check")
    assert result.exit_code == 1
    head = _headline(room)["id"]
    assert f"{head}: figure “15” repeats {body['id']} (line 6), which changed since it was signed off" in result.output
    assert result.output.count(": stale: ") == 2


def test_the_link_breaks_when_the_body_claim_goes(newsroom):
    room = scanned(newsroom, FERRY)
    body = _body(room)["id"]
    _approve(room, body, room.claim_id("48,000"))
    assert room.run("check").exit_code == 0
    room.write(DRAFT, FERRY.replace("will charge 15 percent more from March", "will charge more from March"))
    room.commit("Drop the figure from the body")
    head = _headline(room)["id"]
    before_scan = room.run("check")
    assert before_scan.exit_code == 1
    assert f"{head}: figure “15” (it repeated {body}, which is no longer in the body" in before_scan.output
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Rescan")
    assert "repeats" not in _headline(room)
    result = room.run("check")
    assert result.exit_code == 1
    assert f"{head}: figure “15” is not signed off" in result.output


def test_approve_and_review_leave_the_headline_to_the_body_claim(newsroom):
    room = scanned(newsroom, FERRY)
    head, body = _headline(room)["id"], _body(room)["id"]
    result = _approve(room, head)
    assert f"not signed off on its own: {head} repeats {body}" in result.output
    assert "reviews" not in _headline(room)
    review = room.run("review", DRAFT, input="a\n\na\n\n")
    assert review.exit_code == 0, review.output
    assert "(1/2)" in review.output and "(2/2)" in review.output  # the headline is not asked about
    assert f"repeated: in the headline as {head} (line 4)" in review.output
    assert "reviews" not in _headline(room)
    assert room.run("check").exit_code == 0


# --- what editors see --------------------------------------------------------------------


def test_show_says_which_claim_the_headline_follows_and_where_the_body_is_repeated(newsroom):
    room = scanned(newsroom, FERRY)
    head, body = _headline(room)["id"], _body(room)["id"]
    _approve(room, body)
    shown = room.run("show", DRAFT)
    assert shown.exit_code == 0
    blocks = {b.split()[0]: b for b in shown.output.split("\n\n") if b.strip()}
    assert "[approved]" in blocks[head]
    assert f"follows:  {body} (line 6), which it repeats" in blocks[head]
    assert f"repeated: in the headline as {head} (line 4)" in blocks[body]


def test_status_counts_the_headline_with_its_body_claim(newsroom):
    room = scanned(newsroom, FERRY)
    _approve(room, _body(room)["id"])
    result = room.run("status", "--format", "json")
    row = json.loads(result.output)["drafts"][0]
    assert row["counts"]["approved"] == 2 and row["counts"]["pending"] == 1
    assert row["note"] == "1 headline claim follows the body"


def test_export_gives_the_headline_its_body_claims_status_and_link(newsroom):
    room = scanned(newsroom, FERRY)
    body = _body(room)["id"]
    _approve(room, body)
    data = json.loads(room.run("export", "--format", "json").output)
    head = next(c for c in data["drafts"][0]["claims"] if c["line"] == 4)
    assert head["repeats"] == body and head["status"] == "approved"
    rows = room.run("export", "--format", "csv").output.splitlines()
    assert sum(1 for r in rows if ",approved," in r) == 2  # the CSV rows agree: body and headline


def test_the_report_links_headline_and_body_claims(newsroom):
    from factcheck.config import load_config
    from factcheck.render.html import render
    from factcheck.report import State, build_report

    room = scanned(newsroom, FERRY)
    head, body = _headline(room)["id"], _body(room)["id"]
    _approve(room, body)
    report = build_report(load_config(room.repo), [DRAFT])
    views = {c.record["id"]: c for c in report.claims}
    assert views[head].state is State.APPROVED
    assert views[head].follows == (views[body].n, body)
    assert views[body].repeated_by == ((views[head].n, head),)
    page = render(report)
    assert f'follows #{views[body].n} <span class="mono">{body}</span>' in page
    assert f'repeated in the headline as #{views[head].n} <span class="mono">{head}</span>' in page

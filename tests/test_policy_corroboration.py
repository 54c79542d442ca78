"""Corroboration rules end to end: `match` counts independent sources, `approve` and
`review` refuse a claim short of them without an override, and the gate reports
overrides as warnings and bare approvals as findings, in every CI format."""

from __future__ import annotations

import json

import pytest

from factcheck.store import yamlio
from tests.gitnewsroom import EDITOR, RITA, WRITER

RULES = """\
reviewers:
  - ed@example.org
  - rita@example.org
corroboration:
  - name: deaths
    words: [died, killed]
    sources: 2
"""

DRAFT = """\
---
date: 2026-01-04
sources:
  - sources/*.txt
---
# Fire at the depot

Firefighters said 3 people died in the blaze at the old depot on Sunday night.

The council approved 114 new homes on the old depot site.
"""

WIRE = "Firefighters said 3 people died in the blaze at the old depot on Sunday night.\n"
HOMES = "The council approved 114 new homes on the old depot site last year.\n"


def setup_room(room, config: str = RULES, draft: str = DRAFT):
    room.write(".factcheck.yaml", config)
    room.write("sources/wire.txt", WIRE + HOMES)
    room.write("sources/wire.txt.source.yaml", "url: https://www.wire.example.com/fire-story\n")
    # a local paper's copy of the wire story: not an independent source
    room.write("sources/paper.txt", "From the wire. " + WIRE)
    room.write("sources/paper.txt.source.yaml", "derived_from: sources/wire.txt\n")
    room.write("drafts/fire.md", draft)
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    result = room.run("match", "-q", who=WRITER)
    assert result.exit_code == 0, result.output
    room.commit("Draft the fire story")
    return room


def claim(room, text: str) -> dict:
    return next(c for c in room.claims("drafts/fire.md") if c["text"] == text)


def add_radio_source(room, publisher: str = "City Radio"):
    room.write(
        "sources/radio.txt",
        "Speaking on air, firefighters said 3 people died in the blaze at the old depot on Sunday night.\n",
    )
    room.write("sources/radio.txt.source.yaml", f"publisher: {publisher}\n")
    result = room.run("match", "-q", who=WRITER)
    assert result.exit_code == 0, result.output
    room.commit("Add the radio source")


def test_match_counts_independent_publishers_only_on_picked_claims(newsroom):
    room = setup_room(newsroom)
    deaths, homes = claim(room, "3"), claim(room, "114")
    assert deaths["verdict"] == "supported"
    assert {e["source"] for e in deaths["evidence"]} == {"sources/wire.txt", "sources/paper.txt"}
    # the paper's copy is derived from the wire story: one publisher
    assert deaths["independent_sources"] == 1
    assert "independent_sources" not in homes  # no rule picks it
    add_radio_source(room)
    assert claim(room, "3")["independent_sources"] == 2


def test_sidecar_publisher_change_is_counted_again_without_force(newsroom):
    room = setup_room(newsroom)
    add_radio_source(room)
    assert claim(room, "3")["independent_sources"] == 2
    # the radio station turns out to carry the wire's copy: same publisher as the wire's host
    room.write("sources/radio.txt.source.yaml", "derived_from: https://wire.example.com/fire-story\n")
    assert room.run("match", "-q", who=WRITER).exit_code == 0
    assert claim(room, "3")["independent_sources"] == 1


def test_rule_change_is_counted_again_without_force(newsroom):
    room = setup_room(newsroom)
    room.write(".factcheck.yaml", RULES.replace("words: [died, killed]", "words: [approved]"))
    assert room.run("match", "-q", who=WRITER).exit_code == 0
    assert "independent_sources" not in claim(room, "3")
    assert claim(room, "114")["independent_sources"] == 1


def test_approve_refuses_under_corroborated_claim_without_override(newsroom):
    room = setup_room(newsroom)
    cid = claim(room, "3")["id"]
    result = room.run("approve", "drafts/fire.md", cid)
    assert result.exit_code == 2
    assert f"claim {cid} needs 2 independent sources (rule “deaths”); match found 1" in result.output
    assert "--override" in result.output
    assert claim(room, "3").get("reviews") is None  # nothing recorded
    # the other claim needs one source and is approved as usual
    assert room.run("approve", "drafts/fire.md", claim(room, "114")["id"]).exit_code == 0


def test_all_supported_skips_under_corroborated_claims(newsroom):
    room = setup_room(newsroom)
    result = room.run("approve", "drafts/fire.md", "--all-supported")
    assert result.exit_code == 0, result.output
    cid = claim(room, "3")["id"]
    assert f"skipped, too few independent sources (name it with --override to approve it): {cid}" in result.output
    assert claim(room, "3").get("reviews") is None
    assert claim(room, "114")["status"] == "approved"


def test_override_is_recorded_and_the_gate_warns_naming_the_editor(newsroom, tmp_path, monkeypatch):
    room = setup_room(newsroom)
    cid = claim(room, "3")["id"]
    assert room.run("approve", "drafts/fire.md", claim(room, "114")["id"]).exit_code == 0
    result = room.run("approve", "drafts/fire.md", cid, "--override", "fire chief confirmed by phone")
    assert result.exit_code == 0, result.output
    last = claim(room, "3")["reviews"][-1]
    assert last["override"] == "fire chief confirmed by phone" and last["by"] == "ed@example.org"

    text = room.run("check")
    assert text.exit_code == 0, text.output  # a warning does not hold the draft back
    assert "corroboration-overridden" in text.output
    assert "approved by Ed Itor <ed@example.org> with too few sources" in text.output
    assert "override: fire chief confirmed by phone" in text.output
    assert "all clear (1 warning)" in text.output

    data = json.loads(room.run("check", "--format", "json").output)
    assert data["clear"] is True
    [warning] = data["findings"]
    assert warning["kind"] == "corroboration-overridden" and warning["level"] == "warning" and warning["claim"] == cid
    assert "ed@example.org" in warning["message"]

    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    github = room.run("check", "--format", "github")
    assert github.exit_code == 0
    [line] = [x for x in github.output.splitlines() if x.startswith("::")]
    assert line.startswith("::warning file=drafts/fire.md,line=") and "Ed Itor <ed@example.org>" in line
    assert "Corroboration overridden" in summary.read_text()

    sarif = json.loads(room.run("check", "--format", "sarif").output)
    [res] = sarif["runs"][0]["results"]
    assert res["level"] == "warning" and res["ruleId"] == "corroboration-overridden"
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["corroboration-overridden"]["defaultConfiguration"]["level"] == "warning"
    assert rules["under-corroborated"]["defaultConfiguration"]["level"] == "error"


def test_second_independent_source_lets_approve_through_and_gate_is_silent(newsroom):
    room = setup_room(newsroom)
    add_radio_source(room)
    assert room.run("approve", "drafts/fire.md", "--all-supported").exit_code == 0
    result = room.run("check", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["findings"] == []


def test_hand_written_approval_without_override_fails_the_gate(newsroom):
    """An editor who types an approval into the claims file (and commits it as themselves)
    gets past `approve`'s refusal but not past the gate."""
    from factcheck.signoff import rules

    room = setup_room(newsroom)
    assert room.run("approve", "drafts/fire.md", claim(room, "114")["id"]).exit_code == 0
    path = room.repo / "claims/drafts/fire.yaml"
    data = yamlio.load(path.read_text(), path="x")
    rec = next(c for c in data["claims"] if c["text"] == "3")
    rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*EDITOR), "2026-01-05T12:00:00Z")
    path.write_text(yamlio.dump(data))
    room.commit("Approve by hand", who=EDITOR)

    text = room.run("check")
    assert text.exit_code == 1, text.output
    assert (
        f"under-corroborated: {rec['id']}: figure approved by ed@example.org but it needs 2 independent sources"
        in text.output
    )
    sarif = json.loads(room.run("check", "--format", "sarif").output)
    [res] = sarif["runs"][0]["results"]
    assert res["ruleId"] == "under-corroborated" and res["level"] == "error"
    github = room.run("check", "--format", "github").output
    assert "::error file=drafts/fire.md" in github and "Too few independent sources" in github


def test_claim_marker_needs_sources_without_any_rule(newsroom):
    room = setup_room(newsroom, config=RULES.split("corroboration:")[0])
    assert "independent_sources" not in claim(room, "114")
    path = room.repo / "claims/drafts/fire.yaml"
    data = yamlio.load(path.read_text(), path="x")
    next(c for c in data["claims"] if c["text"] == "114")["needs"] = "2 sources"
    path.write_text(yamlio.dump(data))
    assert room.run("match", "-q", who=WRITER).exit_code == 0
    homes = claim(room, "114")
    assert homes["independent_sources"] == 1 and homes["needs"] == "2 sources"
    room.commit("Mark the homes figure", who=WRITER)
    result = room.run("approve", "drafts/fire.md", homes["id"])
    assert result.exit_code == 2
    assert "its marker “needs: 2 sources”" in result.output


def test_marker_survives_an_edit_of_the_claim(newsroom):
    room = setup_room(newsroom, config=RULES.split("corroboration:")[0])
    path = room.repo / "claims/drafts/fire.yaml"
    data = yamlio.load(path.read_text(), path="x")
    next(c for c in data["claims"] if c["text"] == "114")["needs"] = 3
    path.write_text(yamlio.dump(data))
    room.write("drafts/fire.md", DRAFT.replace("114", "141"))
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    assert claim(room, "141")["needs"] == 3


def test_front_matter_flag_rule(newsroom):
    config = RULES.split("corroboration:")[0] + "corroboration:\n  - flag: single_source_story\n    sources: 2\n"
    room = setup_room(
        newsroom, config=config, draft=DRAFT.replace("date: 2026-01-04", "date: 2026-01-04\nsingle_source_story: true")
    )
    homes = claim(room, "114")
    assert homes["independent_sources"] == 1
    result = room.run("approve", "drafts/fire.md", homes["id"])
    assert result.exit_code == 2 and "rule “flag single_source_story: 2 sources”" in result.output


def test_kind_rule_selects_by_kind_only(newsroom):
    config = RULES.split("corroboration:")[0] + "corroboration:\n  - kind: quote\n    sources: 2\n"
    room = setup_room(newsroom, config=config)
    assert all("independent_sources" not in c for c in room.claims("drafts/fire.md"))  # no quotes in the draft


def test_interactive_review_asks_for_an_override(newsroom):
    room = setup_room(newsroom)
    deaths, homes = claim(room, "3"), claim(room, "114")
    # first claim: approve, then Enter at the override prompt skips it; second: approve with a note
    result = room.run("review", "drafts/fire.md", input="a\n\na\n\n")
    assert result.exit_code == 0, result.output
    assert "needs 2 independent sources" in result.output
    assert claim(room, "3").get("reviews") is None
    assert claim(room, "114")["status"] == "approved"
    result = room.run("review", "drafts/fire.md", input="a\ncounted bodies at the scene\nphoto desk\n")
    assert result.exit_code == 0, result.output
    last = claim(room, "3")["reviews"][-1]
    assert last["override"] == "counted bodies at the scene" and last["note"] == "photo desk"
    assert deaths["id"] != homes["id"]


def test_override_note_is_signed_and_tamper_evident(newsroom):
    """Editing the override of a committed approval makes it a decision nobody committed."""
    room = setup_room(newsroom)
    assert room.run("approve", "drafts/fire.md", claim(room, "114")["id"]).exit_code == 0
    assert (
        room.run("approve", "drafts/fire.md", claim(room, "3")["id"], "--override", "one source, named").exit_code == 0
    )
    path = room.repo / "claims/drafts/fire.yaml"
    path.write_text(path.read_text().replace("override: one source, named", "override: two sources"))
    room.commit("Edit the override", who=RITA)
    result = room.run("check")
    assert result.exit_code == 1
    assert "forged" in result.output


def test_rules_changed_on_a_branch_are_config_changed(newsroom):
    room = setup_room(newsroom)
    room.git("checkout", "-q", "-b", "weaker")
    room.write(".factcheck.yaml", RULES.replace("sources: 2", "sources: 1"))
    result = room.run("check", "--base", "main")
    assert result.exit_code == 2  # sources: 1 is not a rule
    room.write(".factcheck.yaml", RULES.split("corroboration:")[0])
    room.write("drafts/fire.md", DRAFT + "\nMore to come.\n")
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Drop the rules", who=WRITER)
    result = room.run("check", "--base", "main")
    assert result.exit_code == 1
    assert "config-changed" in result.output and "`corroboration` changed on this branch" in result.output


@pytest.mark.parametrize(
    "rules, message",
    [
        ("corroboration: yes\n", "must be a list of rules"),
        ("corroboration:\n  - sources: 2\n", "rule 1 selects nothing"),
        ("corroboration:\n  - words: [died]\n", "rule 1 needs `sources:`"),
        ("corroboration:\n  - words: [died]\n    sources: 2\n    colour: red\n", "unknown key `colour`"),
        ("corroboration:\n  - kind: rumour\n    sources: 2\n", "`kind` must be one of"),
        ("corroboration:\n  - words: [two words]\n    sources: 2\n", "must be single words"),
    ],
)
def test_bad_rules_are_one_config_error_line(newsroom, rules, message):
    room = newsroom
    room.write(".factcheck.yaml", "reviewers: [ed@example.org]\n" + rules)
    result = room.run("check")
    assert result.exit_code == 2
    assert ".factcheck.yaml:2: `corroboration`: " in result.output and message in result.output
    assert "Traceback" not in result.output


def test_publisher_identity():
    from factcheck.policy.corroboration import host_key

    assert host_key("https://www.example.org/a") == host_key("http://news.example.org/b") == "host:example.org"
    assert host_key("https://www.bbc.co.uk/news") == "host:bbc.co.uk"
    assert host_key("https://example.com/") != host_key("https://example.org/")


def test_show_gives_the_count_the_marker_and_the_override(newsroom):
    room = setup_room(newsroom)
    cid = claim(room, "3")["id"]
    assert room.run("approve", "drafts/fire.md", cid, "--override", "chief confirmed").exit_code == 0
    out = room.run("--color", "never", "show", "drafts/fire.md", cid).output
    assert "  sources:  1 independent\n" in out
    assert "override: chief confirmed" in out


QUOTE_DRAFT = DRAFT + '\n"We will rebuild the depot by the summer," the fire chief said.\n'
QUOTE_SOURCE = '"We will rebuild the depot by the summer," the fire chief said.\n'
BASE = RULES.split("corroboration:")[0]


def _with_rule(selector: str) -> str:
    return BASE + f"corroboration:\n  - {selector}\n    sources: 2\n"


SELECTIONS = {
    # rule or marker → (config, draft, the claim text it picks)
    "words": (RULES, DRAFT, "3"),
    "kind": (_with_rule("kind: quote"), QUOTE_DRAFT, "We will rebuild the depot by the summer,"),
    "flag": (_with_rule("flag: single_source"), DRAFT.replace("---\n#", "single_source: true\n---\n#", 1), "114"),
    "marker": (BASE, DRAFT, "114"),
}


def _gate_outputs(room) -> tuple[int, list[dict], list[dict], list[str]]:
    text = room.run("check")
    findings = json.loads(room.run("check", "--format", "json").output)["findings"]
    results = json.loads(room.run("check", "--format", "sarif").output)["runs"][0]["results"]
    github = [x for x in room.run("check", "--format", "github").output.splitlines() if x.startswith("::")]
    return text.exit_code, findings, results, github


@pytest.mark.parametrize("selection", sorted(SELECTIONS))
def test_each_selection_end_to_end_in_every_ci_format(newsroom, selection):
    from factcheck.signoff import rules

    config, draft, picked_text = SELECTIONS[selection]
    room = newsroom
    room.write("sources/wire.txt.source.yaml", "url: https://www.wire.example.com/fire-story\n")
    room.write("sources/extra.txt", QUOTE_SOURCE)
    room.write("sources/extra.txt.source.yaml", "derived_from: https://wire.example.com/other\n")
    setup_room(room, config=config, draft=draft)
    if selection == "marker":
        path = room.repo / "claims/drafts/fire.yaml"
        data = yamlio.load(path.read_text(), path="x")
        next(c for c in data["claims"] if c["text"] == picked_text)["needs"] = "2 sources"
        path.write_text(yamlio.dump(data))
        assert room.run("match", "-q", who=WRITER).exit_code == 0
        room.commit("Mark the claim", who=WRITER)
    picked = claim(room, picked_text)
    assert picked["independent_sources"] == 1, picked
    # a flag picks every claim of the draft; the other selections pick one
    short = [c["id"] for c in room.claims("drafts/fire.md") if "independent_sources" in c]
    assert picked["id"] in short and (len(short) == 2 if selection == "flag" else len(short) == 1)
    others = [c["id"] for c in room.claims("drafts/fire.md") if c["id"] not in short]
    if others:
        assert room.run("approve", "drafts/fire.md", *others).exit_code == 0
    assert room.run("approve", "drafts/fire.md", picked["id"]).exit_code == 2

    # approved by hand without an override: an error in every format
    path = room.repo / "claims/drafts/fire.yaml"
    data = yamlio.load(path.read_text(), path="x")
    for rec in data["claims"]:
        if rec["id"] in short:
            rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*EDITOR), "2026-01-05T12:00:00Z")
    path.write_text(yamlio.dump(data))
    room.commit("Approve by hand", who=EDITOR)
    code, findings, results, github = _gate_outputs(room)
    assert code == 1
    assert sorted((f["kind"], f["level"], f["claim"]) for f in findings) == sorted(
        ("under-corroborated", "error", cid) for cid in short
    )
    assert [(r["ruleId"], r["level"]) for r in results] == [("under-corroborated", "error")] * len(short)
    assert len(github) == len(short) and all(
        g.startswith("::error ") and "Too few independent sources" in g for g in github
    )

    # approved again with an override: a warning naming the editor, and the gate passes
    assert room.run("reject", "drafts/fire.md", *short, "-m", "needs the override", who=RITA).exit_code == 0
    result = room.run("approve", "drafts/fire.md", *short, "--override", "named on the record")
    assert result.exit_code == 0, result.output
    code, findings, results, github = _gate_outputs(room)
    assert code == 0
    assert [(f["kind"], f["level"]) for f in findings] == [("corroboration-overridden", "warning")] * len(short)
    assert all("Ed Itor <ed@example.org>" in f["message"] and "named on the record" in f["message"] for f in findings)
    assert [(r["ruleId"], r["level"]) for r in results] == [("corroboration-overridden", "warning")] * len(short)
    assert len(github) == len(short) and all(
        g.startswith("::warning ") and "Ed Itor <ed@example.org>" in g for g in github
    )


def test_confidential_sources_count_as_one_publisher_together(newsroom):
    room = setup_room(newsroom)
    (room.repo / "sources/paper.txt").unlink()
    (room.repo / "sources/paper.txt.source.yaml").unlink()
    room.write(
        "sources/tv.txt",
        "On the evening news, firefighters said 3 people died in the blaze at the old depot on Sunday night.\n",
    )
    room.write("sources/tv.txt.source.yaml", "publisher: Channel Nine\n")
    add_radio_source(room)
    deaths = claim(room, "3")
    assert {e["source"] for e in deaths["evidence"]} == {"sources/wire.txt", "sources/radio.txt", "sources/tv.txt"}
    assert deaths["independent_sources"] == 3
    # the radio and TV sources turn out to be off the record: together they are one source
    room.write(".factcheck.yaml", RULES + "confidential:\n  - sources/radio.txt\n  - sources/tv.txt\n")
    assert room.run("match", "-q", who=WRITER).exit_code == 0
    deaths = claim(room, "3")
    assert sorted(e["source"] for e in deaths["evidence"]) == [
        "a confidential source",
        "a confidential source",
        "sources/wire.txt",
    ]
    assert deaths["independent_sources"] == 2
    text = room.read("claims/drafts/fire.yaml")
    assert "Channel Nine" not in text and "radio.txt" not in text and "tv.txt" not in text


def test_every_supporting_source_is_counted_not_only_the_passages_shown(newsroom):
    """Five outlets carry the death toll, one of them twice: a claim shows only a few
    passages as evidence, but the count is of every independent source that bears it out."""
    room = setup_room(newsroom)
    (room.repo / "sources/paper.txt").unlink()
    (room.repo / "sources/paper.txt.source.yaml").unlink()
    outlets = {
        "radio": (
            "City Radio",
            "Speaking on air, firefighters said 3 people died in the blaze at the old depot on Sunday night.",
        ),
        "tv": (
            "Channel Nine",
            "On the evening bulletin, firefighters said 3 people died in the blaze at the old depot on Sunday night.",
        ),
        "weekly": (
            "The Valley Weekly",
            "In a statement, firefighters said 3 people died in the blaze at the old depot on Sunday night.",
        ),
        "blog": (
            "Depot Street Blog",
            "Late on Monday, firefighters said 3 people died in the blaze at the old depot on Sunday night.",
        ),
    }
    for name, (publisher, sentence) in outlets.items():
        room.write(f"sources/{name}.txt", sentence + "\n")
        room.write(f"sources/{name}.txt.source.yaml", f"publisher: {publisher}\n")
    # the weekly's second copy of its own story is not another source
    room.write("sources/weekly-print.txt", "Print edition. " + outlets["weekly"][1] + "\n")
    room.write("sources/weekly-print.txt.source.yaml", "publisher: the valley  weekly\n")
    result = room.run("match", "-q", who=WRITER)
    assert result.exit_code == 0, result.output
    deaths = claim(room, "3")
    assert deaths["verdict"] == "supported"
    assert len(deaths["evidence"]) <= 3  # the passages shown stay few
    # the wire, the radio, the TV channel, the weekly (twice) and the blog: five publishers
    assert deaths["independent_sources"] == 5
    assert room.run("approve", "drafts/fire.md", deaths["id"]).exit_code == 0
    # a rule asking for more than there are still holds the claim back, with the true count
    room.write(".factcheck.yaml", RULES.replace("sources: 2", "sources: 6"))
    assert room.run("match", "-q", who=WRITER).exit_code == 0
    assert claim(room, "3")["independent_sources"] == 5


def test_sealed_sources_beyond_the_evidence_shown_count_once_together(newsroom):
    room = setup_room(newsroom)
    (room.repo / "sources/paper.txt").unlink()
    (room.repo / "sources/paper.txt.source.yaml").unlink()
    for name in ("radio", "tv", "pager", "scanner"):
        room.write(
            f"sources/{name}.txt",
            f"Heard on the {name}, firefighters said 3 people died in the blaze at the old depot on Sunday night.\n",
        )
        room.write(f"sources/{name}.txt.source.yaml", f"publisher: {name.title()} Desk\n")
    room.write(
        ".factcheck.yaml", RULES + "confidential:\n  - sources/radio.txt\n  - sources/tv.txt\n  - sources/pager.txt\n"
    )
    assert room.run("match", "-q", who=WRITER).exit_code == 0
    deaths = claim(room, "3")
    # the wire, the scanner and the three off-the-record sources as one: three
    assert deaths["independent_sources"] == 3
    text = room.read("claims/drafts/fire.yaml")
    assert "Pager Desk" not in text and "pager.txt" not in text

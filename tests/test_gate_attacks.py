"""Ways a branch could talk the gate round, each tried on a real repository: every one must
end with `check --base main` exiting 1 and naming what happened."""

import json
import os
import re

import pytest

from factcheck.model import Found, Kind
from tests.gitnewsroom import CONFIG, DRAFT, EDITOR, RITA, WRITER, scanned, simple_find_all


def _approve_all(room, who=EDITOR, draft="drafts/vote.md"):
    ids = [c["id"] for c in room.claims(draft)]
    result = room.run("approve", draft, *ids, who=who)
    assert result.exit_code == 0, result.output


def _signed_off(room):
    scanned(room)
    _approve_all(room)
    assert room.run("check").exit_code == 0
    room.git("checkout", "-q", "-b", "story")
    return room


def _gate(room, *args):
    result = room.run("check", "--base", "main", "--format", "json", *args)
    data = json.loads(result.stdout)
    return result.exit_code, data["findings"]


def _kinds(findings):
    return sorted({f["kind"] for f in findings})


def test_narrowing_the_globs_on_the_branch_hides_no_draft(newsroom):
    room = _signed_off(newsroom)
    room.write(".factcheck.yaml", CONFIG + "drafts:\n  - drafts/*/**/*.md\n")
    room.write("drafts/new.md", "Rents rose 9 percent last year.\n")
    room.commit("Narrow the globs, add a draft")
    code, findings = _gate(room)
    assert code == 1
    assert "config-changed" in _kinds(findings) and "missing" in _kinds(findings)
    assert any(f["kind"] == "missing" and f["path"] == "drafts/new.md" for f in findings)


def test_an_approved_draft_edited_with_its_claims_file_deleted_is_missing(newsroom):
    room = _signed_off(newsroom)
    room.write(".factcheck.yaml", CONFIG + "drafts:\n  - drafts/*/**/*.md\n")
    room.write("drafts/vote.md", DRAFT.replace("114", "141"))
    room.git("rm", "-q", "claims/drafts/vote.yaml")
    room.commit("Edit and drop the claims")
    code, findings = _gate(room)
    assert code == 1
    assert any(f["kind"] == "missing" and f["path"] == "drafts/vote.md" for f in findings)


def test_moving_the_claims_folder_on_the_branch_is_a_rule_change(newsroom):
    room = _signed_off(newsroom)
    room.write(".factcheck.yaml", CONFIG + "claims: elsewhere\n")
    room.write("drafts/vote.md", DRAFT.replace("114", "141"))
    room.commit("Move the claims")
    code, findings = _gate(room)
    assert code == 1
    assert any(f["kind"] == "config-changed" and "`claims` changed" in f["message"] for f in findings)


def test_deleting_a_rejection_does_not_bring_the_approval_back(newsroom):
    room = scanned(newsroom)
    _approve_all(room)
    cid = room.claim_id("114")
    assert room.run("reject", "drafts/vote.md", cid, "-m", "the minutes say 104", who=RITA).exit_code == 0
    room.git("checkout", "-q", "-b", "story")
    text = room.read("claims/drafts/vote.yaml")
    cut = re.sub(r"  - by: rita@example\.org\n(?:    .*\n)+", "", text)
    assert cut != text
    room.write("claims/drafts/vote.yaml", cut)
    room.commit("Tidy the claims file")
    code, findings = _gate(room)
    assert code == 1
    rewritten = [f for f in findings if f["kind"] == "history-rewritten"]
    assert len(rewritten) == 1 and rewritten[0]["claim"] == cid
    assert "missing or altered" in rewritten[0]["message"]


def test_editing_a_recorded_decision_is_a_rewritten_history(newsroom):
    room = _signed_off(newsroom)
    text = room.read("claims/drafts/vote.yaml")
    room.write("claims/drafts/vote.yaml", text.replace("decision: approved", "decision: approved\n    note: fine", 1))
    room.commit("Add a note to a decision")
    code, findings = _gate(room)
    assert code == 1 and "history-rewritten" in _kinds(findings)


SPEAKER_DRAFT = """\
---
date: 2026-01-06
---
Speaker: Ann Lee

"We will start building in spring," came the reply. The meeting was on Wednesday.
"""


def speaker_and_dates(doc):
    """The test extractor, plus: quotes spoken by the `Speaker:` line, and 'Wednesday' as a date."""
    import datetime as dt

    found = []
    body, off = doc.body, doc.body_start
    speaker = re.search(r"^Speaker: (.+)$", body, re.M)
    for f in simple_find_all(doc):
        found.append(
            Found(
                f.kind,
                f.start,
                f.end,
                speaker=speaker.group(1) if speaker and f.kind is Kind.QUOTE else None,
                value=f.value,
            )
        )
    for m in re.finditer(r"\bWednesday\b", body):
        ref = doc.reference_date
        day = ref - dt.timedelta(days=(ref.weekday() - 2) % 7)
        found.append(Found(Kind.DATE, off + m.start(), off + m.end(), value=day.isoformat()))
    return found


@pytest.fixture
def speaking(newsroom, monkeypatch):
    from factcheck import extract

    monkeypatch.setattr(extract, "find_all", speaker_and_dates)
    scanned(newsroom, SPEAKER_DRAFT, "drafts/vote.md")
    _approve_all(newsroom)
    newsroom.git("checkout", "-q", "-b", "story")
    return newsroom


def _restaled(room, text):
    room.write("drafts/vote.md", text)
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Edit")
    return _gate(room)


def test_a_quote_moved_to_another_speaker_loses_its_approval(speaking):
    code, findings = _restaled(speaking, SPEAKER_DRAFT.replace("Ann Lee", "Bob Ray"))
    assert code == 1
    stale = [f for f in findings if f["kind"] == "stale" and f["text"].startswith("We will")]
    assert len(stale) == 1
    assert "speaker was “Ann Lee” → now “Bob Ray”" in stale[0]["message"]


def test_a_new_front_matter_date_stales_every_relative_date(speaking):
    code, findings = _restaled(speaking, SPEAKER_DRAFT.replace("2026-01-06", "2027-01-06"))
    assert code == 1
    (stale,) = [f for f in findings if f["kind"] == "stale"]
    assert stale["text"] == "Wednesday"
    assert "value was “2025-12-31” → now “2027-01-06”" in stale["message"]


def test_a_symlinked_draft_is_refused(newsroom):
    room = _signed_off(newsroom)
    room.git("mv", "drafts/vote.md", "content-vote.md")
    os.symlink("../content-vote.md", room.repo / "drafts/vote.md")
    room.commit("Move the draft out of the drafts folder")
    code, findings = _gate(room)
    assert code == 1
    assert {"symlink", "dropped"} <= set(_kinds(findings))
    dropped = next(f for f in findings if f["kind"] == "dropped")
    assert dropped["path"] == "drafts/vote.md" and "symbolic link" in dropped["message"]
    # named on the command line, it is one error line
    result = room.run("check", "drafts/vote.md")
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == "factcheck: error: drafts/vote.md: is a symbolic link; drafts must be regular files inside the repository"
    )


def test_a_symlinked_folder_of_drafts_is_refused(newsroom):
    room = _signed_off(newsroom)
    room.write("content/desk/new.md", "Rents rose 9 percent last year.\n")
    os.symlink("../content/desk", room.repo / "drafts/desk")
    room.commit("Desk drafts live elsewhere")
    code, findings = _gate(room)
    assert code == 1
    assert any(f["kind"] == "symlink" and f["path"] == "drafts/desk" for f in findings)
    assert "drafts/desk/new.md" not in json.dumps(room.run("check", "--format", "json").stdout)


def test_report_and_show_never_read_through_a_link(newsroom, tmp_path):
    room = scanned(newsroom)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN 42\n")
    os.symlink(str(secret), room.repo / "drafts/leak.md")
    result = room.run("report", "-o", str(tmp_path / "r.html"))
    html = (tmp_path / "r.html").read_text() if (tmp_path / "r.html").exists() else ""
    assert "TOP-SECRET-TOKEN" not in html and "TOP-SECRET-TOKEN" not in result.output
    shown = room.run("show", "drafts/leak.md")
    assert shown.exit_code == 2 and "TOP-SECRET-TOKEN" not in shown.output
    os.symlink(str(secret), room.repo / "claims/drafts/leak2.yaml")
    exported = room.run("export", "--format", "json")
    assert "TOP-SECRET-TOKEN" not in exported.output


def test_a_figure_disguised_with_look_alike_letters_vanishes_loudly(newsroom):
    scanned(newsroom, DRAFT.replace("114", "110"))
    _approve_all(newsroom)
    room = newsroom
    room.git("checkout", "-q", "-b", "story")
    room.write("drafts/vote.md", DRAFT.replace("114", "llO"))
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Disguise the figure")
    code, findings = _gate(room)
    assert code == 1
    (gone,) = [f for f in findings if f["kind"] == "vanished"]
    assert gone["text"] == "110" and gone["line"] == 6


def test_a_zero_width_space_inside_a_figure_is_a_finding_with_line_and_column(newsroom):
    room = _signed_off(newsroom)
    room.write("drafts/vote.md", DRAFT.replace("cost 12 million", "cost 1\u200b2 million"))
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Hide a character")
    result = room.run("check", "--base", "main")
    assert result.exit_code == 1
    assert (
        "drafts/vote.md:10: hidden-characters: invisible character U+200B (ZERO WIDTH SPACE) at line 10, column 23"
        in result.stdout
    )


def test_the_gate_reruns_the_self_approval_rule(newsroom):
    from factcheck.config import load_config
    from factcheck.signoff import rules
    from factcheck.store import claims_files

    room = newsroom
    room.git("checkout", "-q", "-b", "story")
    scanned(room)
    room.write("drafts/vote.md", DRAFT + "\nThe plan has 3 phases.\n")
    room.run("scan", "-q", who=RITA)
    room.commit("Rita adds the phases", who=RITA)
    # rita signs her own line by hand, bypassing `approve`, and commits it herself
    config = load_config(room.repo)
    with claims_files.editing(config, "drafts/vote.md") as cf:
        rec = next(c for c in cf.claims if c["text"] == "3")
        rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*RITA), "2026-01-05T12:00:00Z")
    room.commit("Sign off", who=RITA)
    code, findings = _gate(room)
    assert code == 1
    forged = [f for f in findings if f["kind"] == "forged"]
    assert len(forged) == 1 and "rita@example.org wrote this claim" in forged[0]["message"]


def _supported(room):
    text = room.read("claims/drafts/vote.yaml")
    room.write("claims/drafts/vote.yaml", re.sub(r"(\n  line: \d+\n)", r"\1  verdict: supported\n", text))
    room.commit("Matched")


def test_bulk_approval_never_overrides_a_rejection(newsroom):
    room = scanned(newsroom)
    _supported(room)
    cid = room.claim_id("114")
    assert room.run("reject", "drafts/vote.md", cid, "-m", "the minutes say 104", who=RITA).exit_code == 0
    result = room.run("approve", "drafts/vote.md", "--all-supported")
    assert result.exit_code == 0, result.output
    assert f"skipped, rejected earlier (name it to approve it): {cid}" in result.stdout
    assert next(c for c in room.claims() if c["id"] == cid)["status"] == "rejected"
    assert room.run("check").exit_code == 1
    assert room.run("approve", "drafts/vote.md", cid).exit_code == 0
    assert room.run("check").exit_code == 0


def test_a_failed_commit_leaves_nothing_and_a_rerun_commits_what_was_left(newsroom, monkeypatch):
    import functools

    from factcheck import gitrepo

    room = scanned(newsroom)
    before = room.read("claims/drafts/vote.yaml")
    (room.repo / ".git/index.lock").write_text("")
    monkeypatch.setattr(gitrepo, "commit_files", functools.partial(gitrepo.commit_files, wait=0.3))
    cid = room.claim_id("114")
    result = room.run("approve", "drafts/vote.md", cid)
    assert result.exit_code == 2 and "index.lock" in result.stderr
    assert room.read("claims/drafts/vote.yaml") == before
    (room.repo / ".git/index.lock").unlink()
    # a decision written without a commit (a crash, or --no-commit) is committed by the rerun
    assert room.run("approve", "drafts/vote.md", cid, "--no-commit").exit_code == 0
    assert room.run("check", "drafts/vote.md").stdout.count(": forged: ") == 1
    again = room.run("approve", "drafts/vote.md", cid)
    assert again.exit_code == 0 and "committed" in again.stdout
    assert room.git("status", "--porcelain").strip() == ""
    result = room.run("check", "drafts/vote.md")
    assert "forged" not in result.stdout and "1 approved" in result.stdout


def test_a_draft_without_a_date_keeps_its_reference_date(newsroom):
    room = newsroom
    body = DRAFT.split("---\n", 2)[2]
    scanned(room, body)
    text = room.read("claims/drafts/vote.yaml")
    old = re.search(r"reference_date: '?([\d-]+)'?", text).group(1)
    room.write("claims/drafts/vote.yaml", text.replace(old, "2025-06-01"))
    room.commit("Scanned long ago")
    assert "out-of-date" not in room.run("check").stdout
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    assert "2025-06-01" in room.read("claims/drafts/vote.yaml")


def test_a_latin1_file_name_does_not_crash_the_gate(newsroom):
    room = _signed_off(newsroom)
    (room.repo / "drafts" / "caf\udce9.md").write_bytes(b"Rents rose 9 percent.\n")
    (room.repo / "notes-caf\udce9.txt").write_bytes(b"notes\n")
    room.commit("Latin-1 names")
    result = room.run("check", "--base", "main")
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output


def test_fullwidth_and_superscript_digits_are_read_as_figures():
    import datetime as dt

    from factcheck.extract import extract_claims

    text = "The council approved １１４ new homes.\n"
    claims = extract_claims(text, reference_date=dt.date(2026, 1, 1))
    (figure,) = [c for c in claims if c.kind is Kind.FIGURE]
    assert figure.value == 114 and figure.text.startswith("１１４") and text[figure.start : figure.end] == figure.text


def test_a_link_already_on_the_base_still_fails_a_branch_that_edits_its_target(newsroom):
    room = scanned(newsroom)
    _approve_all(room)
    room.git("mv", "drafts/vote.md", "content-vote.md")
    os.symlink("../content-vote.md", room.repo / "drafts/vote.md")
    room.commit("Link the draft (pushed to main without the gate)")
    room.git("checkout", "-q", "-b", "story")
    room.write("content-vote.md", DRAFT.replace("114", "914"))
    room.commit("Edit only the link's target")
    code, findings = _gate(room)
    assert code == 1
    assert any(f["kind"] == "symlink" and f["path"] == "drafts/vote.md" for f in findings)
    status = room.run("status", "drafts/vote.md")
    assert status.exit_code == 2 and "symbolic link" in status.stderr


def test_superscript_digits_are_read_as_the_digits_they_show():
    import datetime as dt

    from factcheck.extract import extract_claims

    text = "The repair bill rose to 10² million pounds.\n"
    (figure,) = extract_claims(text, reference_date=dt.date(2026, 1, 1))
    assert figure.value == 102_000_000 and text[figure.start : figure.end] == figure.text

"""The gate must fail closed: a branch cannot rewrite whose sign-off counts, an unreadable
draft hides no other draft's findings, and a config that selects no drafts is no pass."""

import json

from tests.gitnewsroom import CONFIG, DRAFT, EDITOR, WRITER, scanned

SELF_TRUST = CONFIG + "  - wanda@example.org\nallow_self_approval: true\n"


def _approve_all(room, who=EDITOR, draft="drafts/vote.md"):
    ids = [c["id"] for c in room.claims(draft)]
    result = room.run("approve", draft, *ids, who=who)
    assert result.exit_code == 0, result.output


def _writer_vouches_for_herself(room):
    """On a branch, the writer lists herself as a reviewer and approves her own edit."""
    room.git("checkout", "-q", "-b", "story")
    room.write(".factcheck.yaml", SELF_TRUST)
    room.commit("Widen the desk")
    room.write("drafts/vote.md", DRAFT.replace("114", "141"))
    room.run("scan", "-q", who=WRITER)
    room.commit("Correct the number of homes")
    _approve_all(room, who=WRITER)


def test_reviewers_added_on_the_branch_do_not_count_against_the_base(newsroom):
    room = scanned(newsroom)
    _writer_vouches_for_herself(room)
    result = room.run("check", "--base", "main")
    assert result.exit_code == 1, result.output
    assert result.stdout.count(": forged: ") == 3
    assert "approval by wanda@example.org does not count: not a reviewer" in result.stdout
    assert ".factcheck.yaml:1: config-changed: `reviewers` changed on this branch" in result.stdout
    assert "ed@example.org, rita@example.org → ed@example.org, rita@example.org, wanda@example.org" in result.stdout
    assert "`allow_self_approval` changed on this branch (false → true)" in result.stdout
    # config changes rank first: the reviewer must see them before any claim
    assert result.stdout.splitlines()[0].startswith(".factcheck.yaml:1: config-changed:")


def test_without_base_the_working_tree_config_is_used_as_before(newsroom):
    room = scanned(newsroom)
    _writer_vouches_for_herself(room)
    result = room.run("check")
    assert result.exit_code == 0, result.output
    assert "config-changed" not in result.stdout


def test_unchanged_rules_on_a_branch_pass_and_reordering_reviewers_is_no_change(newsroom):
    room = scanned(newsroom)
    room.git("checkout", "-q", "-b", "story")
    room.write(".factcheck.yaml", "reviewers:\n  - rita@example.org\n  - ED@example.org\n")
    room.write("drafts/vote.md", DRAFT + "\nThe plan has 3 phases.\n")
    room.run("scan", "-q", who=WRITER)
    room.commit("Add the phases")
    _approve_all(room)
    result = room.run("check", "--base", "main")
    assert result.exit_code == 0, result.output
    assert "all clear" in result.stdout


def test_removing_a_reviewer_on_a_branch_is_reported(newsroom):
    room = scanned(newsroom)
    room.git("checkout", "-q", "-b", "story")
    room.write(".factcheck.yaml", "reviewers:\n  - ed@example.org\n")
    room.commit("Rita left")
    result = room.run("check", "--base", "main", "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["kind"] == "config-changed" and finding["path"] == ".factcheck.yaml"


def test_a_base_without_a_config_trusts_nobody(newsroom):
    room = newsroom
    room.git("checkout", "-q", "--orphan", "bare")
    room.git("rm", "-q", "-r", "--cached", ".")
    room.write("README.md", "newsroom\n")
    room.git("add", "README.md")
    room.git("commit", "-q", "-m", "Start")
    room.git("checkout", "-q", "-b", "story")
    room.git("add", "-A")
    room.git("commit", "-q", "-m", "Add the config")
    scanned(room)
    _approve_all(room)
    result = room.run("check", "--base", "bare")
    assert result.exit_code == 1
    assert result.stdout.count(": forged: ") == 3
    assert "`reviewers` changed on this branch (none → ed@example.org, rita@example.org)" in result.stdout


def _break_claims_file(room, draft="drafts/broken.md"):
    room.write(draft, "Bus fares went up 7 percent.\n")
    room.run("scan", "-q", draft, who=WRITER)
    claims = "claims/" + draft.removesuffix(".md") + ".yaml"
    room.write(claims, room.read(claims) + "<<<<<<< HEAD\n")
    room.commit("Half-merged claims file")


def test_a_bad_claims_file_fails_alone_and_good_drafts_are_still_reported(newsroom):
    room = scanned(newsroom)
    _break_claims_file(room)
    for fmt in ("text", "json", "github", "sarif"):
        result = room.run("check", "--format", fmt)
        assert result.exit_code == 2, (fmt, result.output)
        errors = result.stderr.splitlines()
        assert len(errors) == 1 and errors[0].startswith("factcheck: error: claims/drafts/broken.yaml")
        assert result.stdout.count("drafts/vote.md") >= 3, fmt
    data = json.loads(room.run("check", "--format", "json").stdout)
    assert data["clear"] is False and data["drafts"] == ["drafts/vote.md"]
    assert [f["kind"] for f in data["findings"]] == ["pending"] * 3


def test_a_malformed_review_history_fails_its_draft_only(newsroom):
    room = scanned(newsroom)
    room.write("drafts/fares.md", "Bus fares went up 7 percent.\n")
    room.run("scan", "-q", "drafts/fares.md", who=WRITER)
    text = room.read("claims/drafts/fares.yaml")
    room.write("claims/drafts/fares.yaml", text.replace("  text: '7'\n", "  text: '7'\n  reviews: yes please\n", 1))
    assert "reviews: yes please" in room.read("claims/drafts/fares.yaml")
    _approve_all(room)
    result = room.run("check")
    assert result.exit_code == 2
    assert "claims/drafts/fares.yaml" in result.stderr and "`reviews:` must be a list" in result.stderr
    assert "1 draft checked, 3 claims (3 approved)" in result.stdout


def test_a_missing_draft_named_on_the_command_line_is_an_error(newsroom):
    room = scanned(newsroom)
    _approve_all(room)
    result = room.run("check", "drafts/nope.md", "drafts/vote.md")
    assert result.exit_code == 2
    assert "drafts/nope.md" in result.stderr
    assert "1 draft checked, 3 claims (3 approved)" in result.stdout


def test_no_drafts_selected_is_an_error_naming_the_globs(newsroom):
    room = scanned(newsroom)
    room.write(".factcheck.yaml", CONFIG + "drafts:\n  - draft/**/*.md\n")
    room.commit("Mistyped glob")
    result = room.run("check")
    assert result.exit_code == 2
    assert "no drafts match `drafts:` (draft/**/*.md)" in result.stderr
    assert "all clear" not in result.output


def test_no_changed_drafts_since_base_is_clear(newsroom):
    room = scanned(newsroom)
    _approve_all(room)
    room.git("checkout", "-q", "-b", "story")
    room.write("notes.txt", "nothing to check\n")
    room.commit("Notes only")
    result = room.run("check", "--base", "main")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("0 drafts checked")

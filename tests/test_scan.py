"""`factcheck init` and `factcheck scan`: claims files that mirror drafts and keep reviews."""

import subprocess

import pytest

from factcheck.store import yamlio
from tests.helpers import run_cli

DRAFT = """---
title: Ferry fares
date: 2025-06-06
---
The ferry company will raise fares by 12% from July 1, its chief executive said.

"We have held prices for three years and cannot hold them any longer," said Ana Ruiz, the company's chief executive.

The city paid $4.2 million in subsidies last year, according to council records.
"""

OTHER_PARAGRAPH = "\nCommuters staged a protest outside the terminal on Tuesday.\n"


@pytest.fixture
def newsroom(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    r = run_cli("init", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "fares.md").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def claims_of(root):
    return yamlio.load((root / "claims" / "drafts" / "fares.yaml").read_text(encoding="utf-8"), path="x")


def test_init_writes_documented_defaults_and_ignores_state(newsroom):
    config = yamlio.load((newsroom / ".factcheck.yaml").read_text(), path="x")
    assert config["drafts"] == ["drafts/**/*.md"]
    assert config["claims"] == "claims" and config["sources"] == "sources"
    assert ".factcheck/" in (newsroom / ".gitignore").read_text()


def test_init_refuses_to_overwrite(newsroom):
    r = run_cli("init", cwd=newsroom)
    assert r.returncode == 2 and "already exists" in r.stderr.decode()


def test_scan_writes_claims_in_order_of_position(newsroom):
    r = run_cli("scan", cwd=newsroom)
    assert r.returncode == 0, r.stderr
    data = claims_of(newsroom)
    assert data["draft"] == "drafts/fares.md"
    assert data["reference_date"] == "2025-06-06"
    starts = [c["start"] for c in data["claims"]]
    assert starts == sorted(starts)
    kinds = {c["kind"] for c in data["claims"]}
    assert {"quote", "figure", "date"} <= kinds
    text = (newsroom / "drafts" / "fares.md").read_text()
    for c in data["claims"]:
        assert text[c["start"] : c["end"]] == c["text"]


def test_rescan_is_idempotent(newsroom):
    run_cli("scan", cwd=newsroom)
    before = (newsroom / "claims" / "drafts" / "fares.yaml").read_bytes()
    r = run_cli("scan", cwd=newsroom)
    assert b"unchanged" in r.stdout
    assert (newsroom / "claims" / "drafts" / "fares.yaml").read_bytes() == before


def test_rescan_keeps_review_fields_and_ids_survive_moves(newsroom):
    run_cli("scan", cwd=newsroom)
    path = newsroom / "claims" / "drafts" / "fares.yaml"
    data = claims_of(newsroom)
    quote = next(c for c in data["claims"] if c["kind"] == "quote")
    path.write_text(
        path.read_text().replace(f"id: {quote['id']}\n", f"id: {quote['id']}\n  desk_note: confirmed by phone\n")
    )
    # Edit elsewhere and reorder paragraphs: the quote's id and its review survive.
    draft = newsroom / "drafts" / "fares.md"
    head, body = draft.read_text().split("---\n", 2)[1:]
    paras = body.strip().split("\n\n")
    draft.write_text("---\n" + head + "---\n" + "\n\n".join(paras[1:] + paras[:1]) + "\n" + OTHER_PARAGRAPH)
    assert run_cli("scan", cwd=newsroom).returncode == 0
    after = claims_of(newsroom)
    moved = next(c for c in after["claims"] if c["id"] == quote["id"])
    assert moved["desk_note"] == "confirmed by phone"
    assert moved["line"] != quote["line"]


def test_hand_broken_yaml_is_reported_and_left_alone(newsroom):
    run_cli("scan", cwd=newsroom)
    path = newsroom / "claims" / "drafts" / "fares.yaml"
    broken = path.read_text().replace("claims:\n", "claims:\n  - id: [unclosed\n", 1)
    path.write_text(broken)
    r = run_cli("scan", cwd=newsroom)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "claims/drafts/fares.yaml:" in err and "invalid YAML" in err and err.count("\n") == 1
    assert path.read_text() == broken


def test_scan_outside_a_newsroom_is_a_config_error(tmp_path):
    r = run_cli("scan", cwd=tmp_path)
    assert r.returncode == 2 and "factcheck init" in r.stderr.decode()


def test_one_bad_draft_does_not_stop_the_others(newsroom):
    (newsroom / "drafts" / "broken.md").write_bytes(b"\xff\xfe\x00binary")
    r = run_cli("scan", cwd=newsroom)
    assert r.returncode == 2
    assert "drafts/broken.md" in r.stderr.decode()
    assert (newsroom / "claims" / "drafts" / "fares.yaml").exists()


def test_unknown_config_key_names_file_and_line(newsroom):
    (newsroom / ".factcheck.yaml").write_text("claims: claims\ndraftz: []\n")
    r = run_cli("scan", cwd=newsroom)
    assert r.returncode == 2
    assert ".factcheck.yaml:2: unknown key `draftz`" in r.stderr.decode()


def test_two_drafts_that_would_share_a_claims_file_are_refused(newsroom):
    (newsroom / ".factcheck.yaml").write_text("drafts:\n  - drafts/*.md\n  - drafts/*.markdown\n")
    (newsroom / "drafts" / "fares.markdown").write_text(DRAFT, encoding="utf-8")
    r = run_cli("scan", cwd=newsroom)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "drafts/fares.markdown" in err and "drafts/fares.md" in err and "share one claims file" in err


@pytest.mark.parametrize("line", ["claims: ../outside", "drafts: ['/etc/*.conf']", "sources: ../../elsewhere"])
def test_config_paths_must_stay_inside_the_newsroom(newsroom, line):
    (newsroom / ".factcheck.yaml").write_text(line + "\n")
    r = run_cli("scan", cwd=newsroom)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert ".factcheck.yaml:1:" in err and "inside the newsroom" in err and err.count("\n") == 1
    assert not (newsroom.parent / "outside").exists()


def test_scanning_a_file_outside_the_draft_globs_is_refused(newsroom):
    (newsroom / "notes.md").write_text("The mayor said 40 people came.\n", encoding="utf-8")
    r = run_cli("scan", "notes.md", cwd=newsroom)
    assert r.returncode == 2
    assert "notes.md" in r.stderr.decode() and "drafts:" in r.stderr.decode()
    assert not (newsroom / "claims" / "notes.yaml").exists()


def test_init_sets_up_git_and_says_what_to_do_next(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    r = run_cli("init", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    steps = out[out.index("next:") :].splitlines()
    assert steps[1].startswith("  1. list the editors who may sign off under `reviewers:`")
    assert len(steps) == 4
    ignored = (tmp_path / ".gitignore").read_text().splitlines()
    assert ".factcheck/" in ignored and "factcheck-report.html" in ignored
    assert "claims/**/*.yaml merge=factcheck-claims" in (tmp_path / ".gitattributes").read_text()
    driver = subprocess.run(
        ["git", "config", "--local", "merge.factcheck-claims.driver"], cwd=tmp_path, capture_output=True, text=True
    ).stdout.strip()
    assert driver == "factcheck merge-driver %O %A %B"
    assert r.stderr == b""
    again = run_cli("init", "--force", cwd=tmp_path)
    assert again.returncode == 0
    assert (tmp_path / ".gitignore").read_text().splitlines().count(".factcheck/") == 1  # nothing added twice


def test_init_outside_git_warns_and_still_writes_the_config(tmp_path):
    r = run_cli("init", cwd=tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert r.returncode == 0
    assert "not in a git repository" in r.stderr.decode() and r.stderr.decode().count("\n") == 1
    assert (tmp_path / ".factcheck.yaml").exists()
    assert not (tmp_path / ".gitattributes").exists()

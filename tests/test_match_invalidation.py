"""What a warm `match` must notice: every input of a verdict besides the sources' text.

A verdict is kept while nothing it depends on has changed. Each test here changes one
thing that is not a source's text — the config's archives, confidential globs or reading
budgets, a sidecar's publisher, confidential mark or `derived_from:`, a draft's
front-matter `sources:` — and checks that the next `match` writes what judging afresh
gives: `match --force` on the same state, and where the index is involved, a run from an
empty index.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.match import match
from factcheck.scan import scan
from factcheck.store import yamlio

WIRE = (
    "Flooding closed 14 roads across the county on Sunday, the emergency office said.\n\n"
    "Crews pumped water out of 230 basements in the river district overnight.\n"
)
RELEASE = "The Kestrel Street bridge will close for 14 months while its steel cables are replaced.\n"
DRAFT = (
    "Flooding closed 14 roads across the county on Sunday, the emergency office said. "
    "Crews pumped water out of 230 basements in the river district overnight.\n\n"
    "The Kestrel Street bridge will close for 14 months while its steel cables are replaced, "
    "according to the Port Authority.\n\n"
    "The ferry timetable adds 6 crossings a day from the first of June.\n"
)


@pytest.fixture
def newsroom(tmp_path) -> Path:
    root = tmp_path / "newsroom"
    (root / "sources").mkdir(parents=True)
    (root / "drafts").mkdir()
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\n")
    (root / "sources/wire.txt").write_text(WIRE)
    (root / "sources/release.txt").write_text(RELEASE)
    (root / "sources/release.txt.source.yaml").write_text(
        "source: release.txt\nurl: https://news.example.org/bridge.html\n"
    )
    (root / "drafts/storm.md").write_text(
        "---\ntitle: Storm\ndate: 2026-03-05\nsources: [sources/*.txt]\n---\n" + DRAFT
    )
    assert not any(o.error for o in scan(load_config(root)))
    return root


def run(root: Path, *, failing: bool = False, **kw) -> str:
    """Match; the claims file as written."""
    result = match(load_config(root), **kw)
    assert result.failed == failing, [str(e) for o in result.outcomes for e in o.errors] + [
        str(e) for e in result.source_errors
    ]
    return (root / "claims/drafts/storm.yaml").read_text()


def claims(text: str) -> dict[str, dict]:
    return {c["text"]: c for c in yamlio.load(text, path="storm")["claims"]}


def kept_and_fresh(root: Path, *, failing: bool = False, empty_index: bool = False) -> dict[str, dict]:
    """The next `match` writes what `match --force` writes (and, with `empty_index`, what
    a run from an empty index writes); the claims as written."""
    kept = run(root, failing=failing)
    assert run(root, failing=failing, force=True) == kept
    if empty_index:
        saved = root.parent / "kept.yaml"
        saved.write_text(kept)
        shutil.rmtree(root / ".factcheck")
        assert run(root, failing=failing) == kept
    return claims(kept)


def config(root: Path, extra: str) -> None:
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\n" + extra)


def test_a_new_archive_in_the_config_is_searched_by_the_next_run(newsroom):
    ferry = "The ferry timetable adds 6 crossings a day from the first of June."
    assert claims(run(newsroom))["6 crossings"]["verdict"] == "not_found"
    (newsroom / "wire-archive").mkdir()
    (newsroom / "wire-archive/ferry.txt").write_text(ferry + "\n")
    config(newsroom, "archives:\n  - wire-archive\n")
    assert kept_and_fresh(newsroom)["6 crossings"]["verdict"] == "supported"


def test_a_confidential_glob_in_the_config_seals_kept_evidence(newsroom):
    before = claims(run(newsroom))
    assert before["230 basements"]["evidence"][0]["source"] == "sources/wire.txt"
    config(newsroom, "confidential:\n  - sources/wire.txt\n")
    after = kept_and_fresh(newsroom)
    assert after["230 basements"]["verdict"] == "supported"
    assert "sources/wire.txt" not in str(after["230 basements"]["evidence"])


def test_a_lowered_reading_budget_drops_a_source_indexed_under_the_old_one(newsroom):
    filler = "".join(f"Archive line {i} about the harbour and its cranes.\n" for i in range(24000))
    (newsroom / "sources/wire.txt").write_text(WIRE + filler)  # over 1 MB
    assert claims(run(newsroom))["230 basements"]["verdict"] == "supported"
    config(newsroom, "limits:\n  source_mb: 1\n")
    after = kept_and_fresh(newsroom, failing=True, empty_index=True)
    assert after["230 basements"]["verdict"] == "not_found"


def test_a_sidecar_naming_the_publisher_is_read_by_the_next_run(newsroom):
    assert claims(run(newsroom))["according to the Port Authority"]["verdict"] == "not_found"
    with open(newsroom / "sources/release.txt.source.yaml", "a") as fh:
        fh.write("publisher: Port Authority\n")
    after = kept_and_fresh(newsroom, empty_index=True)
    assert after["according to the Port Authority"]["verdict"] == "supported"


def test_a_sidecar_marked_confidential_seals_kept_evidence(newsroom):
    assert claims(run(newsroom))["14 months"]["evidence"][0]["source"] == "sources/release.txt"
    with open(newsroom / "sources/release.txt.source.yaml", "a") as fh:
        fh.write("confidential: true\n")
    after = kept_and_fresh(newsroom)
    assert "sources/release.txt" not in str(after["14 months"]["evidence"])


def test_a_sidecar_deriving_one_source_from_another_changes_the_count_of_independent_ones(newsroom):
    (newsroom / "sources/reprint.txt").write_text(WIRE)
    config(newsroom, "corroboration:\n  - kind: figure\n    words: [basements]\n    sources: 2\n")
    assert claims(run(newsroom))["230 basements"]["independent_sources"] == 2
    (newsroom / "sources/reprint.txt.source.yaml").write_text("source: reprint.txt\nderived_from: sources/wire.txt\n")
    assert kept_and_fresh(newsroom)["230 basements"]["independent_sources"] == 1


def test_narrowed_front_matter_sources_rejudge_what_the_dropped_source_bore_out(newsroom):
    assert claims(run(newsroom))["230 basements"]["verdict"] == "supported"
    draft = newsroom / "drafts/storm.md"
    draft.write_text(draft.read_text().replace("sources: [sources/*.txt]", "sources: [sources/release.txt]"))
    after = kept_and_fresh(newsroom)
    assert after["230 basements"]["verdict"] == "not_found" and after["14 months"]["verdict"] == "supported"

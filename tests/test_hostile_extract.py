"""Extraction stays linear in its input, and claims files proportional to their claims."""

from __future__ import annotations

import random

import pytest

from factcheck.extract.sentences import Sentences
from factcheck.store import claims_files
from tests.hostile import committed_newsroom, run_bounded, yaml_claims

pytestmark = pytest.mark.slow

# Copy written for these tests: figures, dates and quotes, a little denser than news.
LINES = [
    "The plant opened in {y1} and closed in {y2}, after {n} workers were laid off.",
    "Turnout rose to {p}% from {q}% at the last election, officials said on Tuesday.",
    "\u201cWe will not accept this,\u201d said Dana Reyes, who has lived on the street since {y1}.",
    "The trust spent \u00a3{n} million on the ward, about a third of its budget for {y2}.",
    "Nobody at the ministry would say when the report was written.",
    "Neighbours said the noise from the quarry had kept them awake for years.",
    "The mayor's office did not answer calls and emails asking for comment.",
    "Lawyers for the company told the court the claims were without merit.",
    "Farmers downstream say the river has never been so low in living memory.",
    "A spokesman for the council said talks with the union would go on next week.",
    "Some {n} families were moved out of the valley over {d} days in March.",
]


def news(size: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    out, total = [], 0
    while total < size:
        line = rng.choice(LINES).format(
            y1=rng.randint(1950, 2023),
            y2=rng.randint(1950, 2023),
            n=rng.randint(2, 950),
            p=rng.randint(30, 80),
            q=rng.randint(30, 80),
            d=rng.randint(2, 20),
        )
        out.append(line + ("\n\n" if rng.random() < 0.25 else " "))
        total += len(line) + 1
    return "".join(out)


def test_a_sentence_of_thousands_of_numbers_scans_in_seconds_into_a_small_file(tmp_path):
    rng = random.Random(2)
    figures = ", ".join(f"{rng.randint(1, 99999):,} votes" for _ in range(3000))
    draft = f"---\ndate: 2024-03-01\n---\nThe tallies were {figures} in all.\n"
    root = committed_newsroom(tmp_path / "nr", {"drafts/tallies.md": draft})
    r = run_bounded("scan", cwd=root, seconds=10)
    assert r.returncode == 0, r.stderr
    assert r.cpu < 10
    claims_file = root / "claims/drafts/tallies.yaml"
    claims = yaml_claims(claims_file)
    assert len(claims) >= 3000
    # One copy of a 60 KB sentence per claim was 180 MB; a window around each claim is not.
    assert claims_file.stat().st_size < 600 * len(claims)
    assert max(len(c["sentence"]) for c in claims) <= 400


def test_year_dense_draft_of_a_megabyte_scans_within_the_bound(tmp_path):
    # Thousands of year-only dates made settling figures against dates quadratic.
    root = committed_newsroom(tmp_path / "nr", {"drafts/history.md": "---\ndate: 2024-03-01\n---\n" + news(1 << 20)})
    r = run_bounded("scan", cwd=root, seconds=10)
    assert r.returncode == 0, r.stderr
    assert r.cpu < 10, r.cpu


def test_an_ordinary_megabyte_draft_gives_a_claims_file_that_check_reads(tmp_path):
    root = committed_newsroom(
        tmp_path / "nr", {"drafts/long.md": "---\ndate: 2024-03-01\n---\n" + news(1 << 20, seed=9)}
    )
    # Bounded by CPU time, not wall time: a machine busy with other work must not fail it.
    scanned = run_bounded("scan", cwd=root, seconds=10)
    assert scanned.returncode == 0, scanned.stderr
    assert scanned.cpu < 10, scanned.cpu
    claims_file = root / "claims/drafts/long.yaml"
    size = claims_file.stat().st_size
    # About 28 claims a kilobyte, three times as dense as wire copy, still leaves room for evidence.
    assert size < 0.75 * claims_files.MAX_CLAIMS_FILE_BYTES, size
    assert size < 300 * len(yaml_claims(claims_file))
    r = run_bounded("check", "drafts/long.md", cwd=root, seconds=10)
    assert r.returncode == 1 and r.stderr == "", r.stderr  # findings (unreviewed), no error
    assert "pending" in r.stdout
    assert r.cpu < 10, r.cpu


def test_scan_refuses_to_write_a_claims_file_no_command_could_read(tmp_path, monkeypatch):
    from factcheck.config import Config
    from factcheck.scan import scan_one

    root = committed_newsroom(tmp_path / "nr", {"drafts/story.md": news(20_000)})
    monkeypatch.setattr(claims_files, "MAX_CLAIMS_FILE_BYTES", 4096)
    out = scan_one(Config(root=root), "drafts/story.md")
    assert out.error is not None and "a claims file may hold" in str(out.error)
    assert str(out.error).startswith("claims/drafts/story.yaml: ")
    assert not (root / "claims").exists()


def test_context_of_a_long_sentence_is_a_window_of_whole_words():
    text = "Words " * 200 + "the figure 42 sits here " + "more words " * 200 + "."
    at = text.index("42")
    window = Sentences(text).context(at, at + 2)
    assert window.startswith("… Words ") and window.endswith(" …")
    assert window.split()[-2] in ("more", "words")  # cut between words, never inside one
    assert "the figure 42 sits here" in window
    assert len(window) <= 2 * 150 + 2 + 4


def test_context_of_a_short_sentence_is_the_whole_sentence():
    text = "First one.  The   council approved\n14 schools. Last one."
    at = text.index("14")
    assert Sentences(text).context(at, at + 2) == "The council approved 14 schools."

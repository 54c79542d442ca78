"""A kept verdict is the verdict judging afresh would give.

After any change to the sources (a figure edited, a line added, a source added or
deleted, a large unrelated source that shifts how rare every word is), `match` keeps
some verdicts and judges the rest again. Whatever it keeps must be exactly what
`match --force` gives on the same state: the same verdict and the same evidence, byte
for byte in the claims file. Each test builds a real newsroom of wire stories in
near-duplicate versions, scans real drafts and compares the two after every change.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.match import match
from factcheck.scan import scan
from factcheck.store import yamlio

# Wire stories, each sent again and again with figures updated and paragraphs moved.
STORIES = {
    "ferry": [
        "The harbour board approved a second ferry terminal on Tuesday at a cost of $48.5 million, "
        "with the first berth due to open in March 2028.",
        "\u201cWe cannot keep turning passengers away every summer, and the old quay will not last another "
        "decade,\u201d said Marta Ilves, who chairs the harbour board.",
        "Ferries carried 2.3 million passengers last year, up from 1.9 million in 2023, according to the "
        "port authority.",
        "Building work is expected to employ about 340 people at its peak, the board said in a statement.",
        "The old quay, opened in 1961, has needed emergency repairs four times since 2019.",
    ],
    "library": [
        "The county library will close its Elm Street branch for 14 months from 2 June while the roof "
        "and wiring are replaced.",
        "\u201cThe building has served readers for ninety years and it deserves to serve them for ninety "
        "more,\u201d said Oskar Brandt, the county librarian.",
        "Loans at the branch rose by 12 percent last year to 186,000 books, the library reported.",
        "A temporary reading room with 8,000 titles will open in the former post office on Quay Road.",
        "The repairs are budgeted at $3.2 million, of which the state pays $1.1 million.",
    ],
    "bridge": [
        "Engineers found corrosion in 17 of the 64 cables holding up the Kestrel Street bridge, the "
        "transport department said on Monday.",
        "\u201cNobody should cross a bridge we are not sure of, so we are closing it tonight,\u201d said "
        "Priya Nandakumar, the department's chief engineer.",
        "About 23,000 vehicles a day used the bridge before the inspection, according to traffic counts.",
        "A replacement could cost as much as $210 million and take five years to build.",
        "Buses will run a shuttle across the river every 15 minutes until the crossing reopens.",
    ],
    "clinic": [
        "The valley clinic treated 41,200 patients in 2025, nearly a third more than five years earlier.",
        "\u201cWe are seeing families who used to drive two hours for a doctor,\u201d said Dr Lena Hartmann, "
        "the clinic's director.",
        "Waiting times for a first appointment fell to 9 days from 26 days, the health board reported.",
        "The clinic plans to hire 11 nurses and open on Saturdays from September.",
        "Its budget of $7.4 million comes mostly from the regional health fund.",
    ],
}

_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w,.]\d)")


def version(rng: random.Random, paragraphs: list[str]) -> str:
    """A later version of a story: some figures changed, a paragraph moved, now and then a
    quote's word changed (a correction sent out as an update)."""

    def figure(m: re.Match) -> str:
        s = m.group()
        if rng.random() > 0.3:
            return s
        i = rng.choice([i for i, ch in enumerate(s) if ch.isdigit()])
        return s[:i] + str((int(s[i]) + rng.randint(1, 8)) % 10) + s[i + 1 :]

    out = [_NUMBER.sub(figure, p) for p in paragraphs]
    if rng.random() < 0.3:
        out = [p.replace("every summer", "every season").replace("tonight", "today") for p in out]
    i = rng.randrange(1, len(out))
    out.insert(rng.randrange(1, len(out)), out.pop(i))
    return "\n\n".join(out) + "\n"


# Reworded sentences: none lines up with a source sentence, so each takes the reworded path.
REWORDED = (
    "Last year 2.3 million people travelled on the ferries, port figures show. "
    "At the peak of construction some 340 workers will be on the site. "
    "Readers borrowed 186,000 books from the branch last year. "
    "The state will cover $1.1 million of the repair bill. "
    "Before the inspection roughly 23,000 cars and lorries crossed each day. "
    "The health board said the wait for a first visit is now 9 days."
)


@pytest.fixture
def newsroom(tmp_path) -> Path:
    return build_newsroom(tmp_path / "newsroom")


def build_newsroom(root: Path) -> Path:
    rng = random.Random(11)
    for name, paragraphs in STORIES.items():
        folder = root / "archive" / name
        folder.mkdir(parents=True)
        (folder / "update-00.txt").write_text("\n\n".join(paragraphs) + "\n")
        # More versions of one story than a search keeps candidates: equally good passages
        # compete for the list.
        for v in range(1, 30 if name == "ferry" else 8):
            (folder / f"update-{v:02d}.txt").write_text(version(rng, paragraphs))
    (root / ".factcheck.yaml").write_text("drafts:\n  - drafts/**/*.md\n")
    head = "---\ntitle: {}\ndate: 2026-03-05\nsources:\n  - archive/**/*.txt\n---\n"
    (root / "drafts").mkdir()
    (root / "drafts/harbour.md").write_text(
        head.format("Harbour") + "\n\n".join(STORIES["ferry"] + STORIES["bridge"][:3]) + "\n"
    )
    library = [p.replace("186,000", "168,000") for p in STORIES["library"]]  # one figure wrong
    (root / "drafts/town.md").write_text(
        head.format("Town") + "\n\n".join(library + STORIES["clinic"][:3]) + "\n\n" + REWORDED + "\n"
    )
    assert not any(o.error for o in scan(load_config(root)))
    return root


@pytest.fixture
def judged(monkeypatch) -> list[str]:
    """The ids of the claims the judge is asked about."""
    import factcheck.match.judge as judge_mod

    seen: list[str] = []
    real = judge_mod.judge

    def counting(claim, ctx):
        seen.append(claim["id"])
        return real(claim, ctx)

    monkeypatch.setattr(judge_mod, "judge", counting)
    return seen


def run(root: Path, **kw) -> dict[str, str]:
    """Match, and return every claims file as written."""
    result = match(load_config(root), **kw)
    assert not result.failed, [str(e) for o in result.outcomes for e in o.errors] + [
        str(e) for e in result.source_errors
    ]
    return {p.name: p.read_text() for p in sorted((root / "claims/drafts").glob("*.yaml"))}


def assert_kept_as_fresh(root: Path, judged: list[str], what: str = "") -> set[str]:
    """`match` after a change writes what `match --force` writes; returns the claims the
    incremental run judged."""
    judged.clear()
    kept = run(root)
    n = set(judged)
    fresh = run(root, force=True)
    for name in fresh:
        assert kept[name] == fresh[name], f"after {what}:\n" + _first_difference(kept[name], fresh[name])
    return n


def _first_difference(a: str, b: str) -> str:
    import difflib

    return "".join(list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), "match", "match --force"))[:40])


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def _changes(root: Path) -> list:
    """One-source changes of every kind, applied one after another."""
    a = root / "archive"
    unrelated = "\n\n".join(
        f"Gardeners in plot {i} grew marrows, leeks and sweet peas beside the allotment shed." for i in range(400)
    )
    return [
        ("a figure edited in the last version", lambda: _edit(a / "ferry/update-29.txt", "340", "350")),
        (
            "a line appended to a version",
            lambda: (a / "library/update-03.txt").write_text(
                (a / "library/update-03.txt").read_text() + "\nThis story has been updated.\n"
            ),
        ),
        (
            "a new version that holds a draft's words",
            lambda: (a / "bridge/update-08.txt").write_text("\n\n".join(STORIES["bridge"]) + "\n"),
        ),
        ("a version deleted", lambda: (a / "ferry/update-00.txt").unlink()),
        ("a large unrelated source", lambda: (a / "garden.txt").write_text(unrelated + "\n")),
        ("a quote's word changed", lambda: _edit(a / "clinic/update-00.txt", "two hours", "three hours")),
        (
            "a reworded sentence now in a source word for word",
            lambda: (a / "library/update-01.txt").write_text(
                (a / "library/update-01.txt").read_text()
                + "\nReaders borrowed 186,000 books from the branch last year.\n"
            ),
        ),
        ("the unrelated source deleted", lambda: (a / "garden.txt").unlink()),
    ]


def test_after_any_one_source_change_kept_verdicts_are_what_force_gives(newsroom, judged):
    run(newsroom)
    harbour = {c["id"] for c in yamlio.load((newsroom / "claims/drafts/harbour.yaml").read_text(), path="h")["claims"]}
    assert len(set(judged)) > 40 and len(harbour) > 15
    rejudged = {}
    for what, change in _changes(newsroom):
        change()
        rejudged[what] = assert_kept_as_fresh(newsroom, judged, what)
    # Keeping verdicts still saves work: a line added to the library story leaves the
    # harbour draft's ferry and bridge claims alone.
    assert len(rejudged["a line appended to a version"] & harbour) <= len(harbour) // 4


def test_a_source_that_shifts_every_words_rarity_rejudges_reworded_claims(newsroom, judged):
    """A reworded claim is scored by how rare its words are across the sources: a big new
    source sharing none of its words still moves that score, so the kept evidence would
    be stale."""
    run(newsroom)
    unrelated = "\n\n".join(f"Choir practice {i} ran late into the evening at the old chapel." for i in range(300))
    (newsroom / "archive/choir.txt").write_text(unrelated + "\n")
    judged.clear()
    kept = run(newsroom)
    assert judged, "no claim was judged again"
    fresh = run(newsroom, force=True)
    assert kept == fresh

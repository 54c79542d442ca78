"""YAML anchors and aliases are refused everywhere: one line naming file and line, exit 2, fast."""

from __future__ import annotations

import pytest

from factcheck.errors import DataError
from factcheck.store import yamlio
from tests.hostile import alias_bomb, assert_one_line_exit_2, committed_newsroom, git, run_bounded, tree_digest

STORY = "The council approved 14 new schools on Tuesday, the mayor said.\n"


def test_loader_refuses_an_alias_and_names_its_line():
    text = "draft: a.md\nclaims: []\nnote: &n hello\nother: *n\n"
    with pytest.raises(DataError) as err:
        yamlio.load(text, path="claims/a.yaml")
    assert str(err.value).startswith("claims/a.yaml:3: YAML anchor &n")


def test_loader_counts_lines_from_the_front_matter_start():
    with pytest.raises(DataError) as err:
        yamlio.load("title: x\nauthor: *who\n", path="d.md", line_offset=1)
    assert str(err.value).startswith("d.md:3: YAML alias *who")


@pytest.mark.parametrize(
    "text",
    [
        "company: AT&T\n",
        "note: 'R & D spending'\n",
        'text: "*bold* words & more"\n',
        "text: the *starred* word\n",
        "list: ['a*b', \"&c\"]\n",
    ],
)
def test_ampersands_and_asterisks_in_text_are_not_anchors(text):
    assert isinstance(yamlio.load(text, path="x.yaml"), dict)


@pytest.mark.slow
@pytest.mark.parametrize("command", [["scan"], ["check"], ["report", "-o", "-"], ["extract", "drafts/bomb.md"]])
@pytest.mark.parametrize("key", ["date", "title", "author"])
def test_alias_bomb_in_front_matter(tmp_path, command, key):
    draft = "\n".join(["---", *alias_bomb(key), "---", STORY])
    root = committed_newsroom(tmp_path / "nr", {"drafts/bomb.md": draft})
    before = tree_digest(root)
    r = run_bounded(*command, cwd=root)
    assert_one_line_exit_2(r, "drafts/bomb.md:2:", "anchor", seconds=5)
    assert tree_digest(root) == before


def _scanned(tmp_path):
    root = committed_newsroom(tmp_path / "nr", {"drafts/story.md": "---\ndate: 2024-03-01\n---\n" + STORY})
    r = run_bounded("scan", cwd=root)
    assert r.returncode == 0, r.stderr
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "claims")
    return root, root / "claims/drafts/story.yaml"


def _poison(claims_file, where: str) -> None:
    """Put a billion-laughs bomb under `where` in an otherwise valid claims file."""
    text = claims_file.read_text(encoding="utf-8")
    bomb = alias_bomb("bomb")
    anchors, target = "\n".join(bomb[:-1]) + "\n", bomb[-1].split(": ", 1)[1]
    if where == "reference_date":
        text = text.replace("reference_date: '2024-03-01'", f"reference_date: {target}")
    elif where == "note":
        text = text.replace("\n  line: ", f"\n  note: {target}\n  line: ", 1)
    else:
        text = text.replace("\n  line: ", f"\n  evidence:\n  - source: sources/a.txt\n    text: {target}\n  line: ", 1)
    assert target in text
    claims_file.write_text(anchors + text, encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("where", ["reference_date", "note", "evidence"])
@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["scan"],
        ["show", "drafts/story.md"],
        ["status"],
        ["match"],
        ["export", "--format", "json"],
        ["approve", "drafts/story.md", "--all-supported"],
    ],
)
def test_alias_bomb_in_a_claims_file(tmp_path, where, command):
    root, claims_file = _scanned(tmp_path)
    _poison(claims_file, where)
    before = tree_digest(root)
    r = run_bounded(*command, cwd=root)
    assert_one_line_exit_2(r, "claims/drafts/story.yaml:1:", "anchor", seconds=5)
    assert tree_digest(root) == before


@pytest.mark.slow
def test_alias_bomb_in_the_config(tmp_path):
    root = committed_newsroom(
        tmp_path / "nr", {"drafts/story.md": STORY}, config="\n".join(alias_bomb("reviewers")) + "\n"
    )
    r = run_bounded("scan", cwd=root)
    assert_one_line_exit_2(r, ".factcheck.yaml:1:", "anchor", seconds=5)

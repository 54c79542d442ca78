import subprocess

import pytest

from factcheck import gitrepo
from factcheck.errors import GitError
from gitnewsroom import EDITOR, RITA, WRITER, newsroom  # noqa: F401


def test_identity_follows_git(newsroom):
    newsroom.as_(RITA)
    assert gitrepo.identity(newsroom.repo) == RITA


def test_line_authors_by_line_and_uncommitted(newsroom):
    room = newsroom
    room.write("d.md", "one\ntwo\n")
    room.commit("d", who=WRITER)
    room.write("d.md", "one\ntwo\nthree\n")
    room.git("add", "d.md")
    room.git("commit", "-q", "-m", "more", who=EDITOR)
    room.write("d.md", "one\ntwo\nthree\nfour\n")
    assert gitrepo.line_authors(room.repo, "d.md") == {
        1: WRITER[1], 2: WRITER[1], 3: EDITOR[1], 4: None}


def test_history_follows_renames_and_blobs_read_back(newsroom):
    room = newsroom
    room.write("claims/a.yaml", "draft: a\n")
    first = room.commit("a")
    room.git("mv", "claims/a.yaml", "claims/b.yaml")
    room.commit("move", who=EDITOR)
    commits = gitrepo.history(room.repo, ["claims"])
    assert [c.sha for c in commits][0] == first
    moved = commits[-1].changes[0]
    assert (moved.old_path, moved.path, commits[-1].author_email) == ("claims/a.yaml", "claims/b.yaml", EDITOR[1])
    assert gitrepo.read_blobs(room.repo, [moved.blob]) == {moved.blob: "draft: a\n"}


def test_changed_files_include_uncommitted_and_untracked(newsroom):
    room = newsroom
    room.git("checkout", "-q", "-b", "story")
    room.write("x.md", "x\n")
    room.commit("x")
    room.write("y.md", "y\n")
    assert gitrepo.changed_files(room.repo, "main") == ["x.md", "y.md"]


def test_not_a_repository(tmp_path):
    with pytest.raises(GitError, match="not inside a git repository"):
        gitrepo.ensure_repo(tmp_path)


def test_commit_files_commits_only_those_paths(newsroom):
    room = newsroom
    room.write("a.txt", "a\n")
    room.write("b.txt", "b\n")
    room.git("add", "b.txt")
    gitrepo.commit_files(room.repo, ["a.txt"], "only a")
    assert room.git("show", "--name-only", "--format=", "HEAD").split() == ["a.txt"]
    assert room.git("diff", "--cached", "--name-only").split() == ["b.txt"]


def test_shallow_detection(newsroom, tmp_path):
    room = newsroom
    room.commit("second")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{room.repo}", str(clone)], check=True)
    assert gitrepo.is_shallow(clone) and not gitrepo.is_shallow(room.repo)
    assert gitrepo.shallow_boundary(clone) == {room.git("rev-parse", "HEAD").strip()}

import subprocess

import pytest

from factcheck import gitrepo
from factcheck.errors import GitError
from tests.gitnewsroom import EDITOR, RITA, WRITER


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
    assert gitrepo.line_authors(room.repo, "d.md") == {1: WRITER[1], 2: WRITER[1], 3: EDITOR[1], 4: None}


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


ODD_NAMES = ['say "hi".md', "tab\there.md", "new\nline.md", "caf\udce9.md"]  # the last is Latin-1 bytes


@pytest.mark.parametrize("name", ODD_NAMES, ids=["quote", "tab", "newline", "latin-1"])
def test_history_and_blobs_keep_odd_file_names(newsroom, name):
    room = newsroom
    path = room.repo / "claims" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(b"draft: x\n")
    room.git("add", "-A")
    room.git("commit", "-q", "-m", "odd", who=EDITOR)
    (commit,) = gitrepo.history(room.repo, ["claims"])
    (change,) = commit.changes
    assert change.path == f"claims/{name}" and commit.author_email == EDITOR[1]
    assert gitrepo.read_blobs(room.repo, [change.blob]) == {change.blob: "draft: x\n"}
    assert gitrepo.file_at(room.repo, "HEAD", f"claims/{name}") == "draft: x\n"
    room.git("checkout", "-q", "-b", "story")
    path.write_bytes(b"draft: y\n")
    assert gitrepo.changed_files(room.repo, "main") == [f"claims/{name}"]


def test_a_sha256_repository_is_read(tmp_path, monkeypatch):
    from tests.gitnewsroom import git_env

    for k, v in git_env(tmp_path).items():
        monkeypatch.setenv(k, v)
    (tmp_path / "gitconfig").write_text("")
    repo = tmp_path / "r"
    subprocess.run(["git", "init", "-q", "--object-format=sha256", str(repo)], check=True)
    (repo / "d.md").write_text("one\ntwo\n")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "d"], cwd=repo, check=True)
    assert gitrepo.line_authors(repo, "d.md") == {1: WRITER[1], 2: WRITER[1]}
    (commit,) = gitrepo.history(repo, ["d.md"])
    assert len(commit.sha) == 64 and len(commit.changes[0].blob) == 64
    assert gitrepo.read_blobs(repo, [commit.changes[0].blob]) == {commit.changes[0].blob: "one\ntwo\n"}


def test_git_messages_are_read_in_english_whatever_the_locale(newsroom, monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("LANGUAGE", "de")
    assert gitrepo.file_at(newsroom.repo, "HEAD", "nope.md") is None
    assert gitrepo.line_authors(newsroom.repo, "nope.md") == {}


def test_fetch_hint_keeps_slashes_in_branch_names(newsroom):
    room = newsroom
    room.git("remote", "add", "origin", "https://example.invalid/newsroom.git")
    with pytest.raises(GitError, match=r"`git fetch origin feature/x`"):
        gitrepo.merge_base(room.repo, "origin/feature/x")


def test_identity_is_never_guessed_from_the_host(newsroom, monkeypatch):
    monkeypatch.delenv("GIT_AUTHOR_EMAIL")
    monkeypatch.delenv("GIT_AUTHOR_NAME")
    with pytest.raises(GitError, match="git does not know who you are"):
        gitrepo.identity(newsroom.repo)
    newsroom.git("config", "user.name", "Ed Itor")
    newsroom.git("config", "user.email", "ed@example.org")
    assert gitrepo.identity(newsroom.repo) == EDITOR


def test_an_approval_on_a_draft_with_a_quote_in_its_name_is_not_forged(newsroom):
    from tests.gitnewsroom import scanned

    room = scanned(newsroom, draft='drafts/say "hi".md')
    ids = [c["id"] for c in room.claims('drafts/say "hi".md')]
    assert room.run("approve", 'drafts/say "hi".md', *ids).exit_code == 0
    result = room.run("check")
    assert result.exit_code == 0, result.output

"""Which files a draft's `sources:` globs and the archives name, and that walks stay inside."""

from __future__ import annotations

import glob
import os
from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.sources import resolve


def write(path: Path, text: str = "text") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def newsroom(tmp_path) -> Path:
    root = tmp_path / "newsroom"
    for rel in (
        "archive/2016/01/story-a.txt",
        "archive/2016/01/story-a.txt.source.yaml",
        "archive/2016/02/story-b.txt",
        "archive/2016/02/notes.xyz",
        "archive/2017/story-c.html",
        "archive/top.txt",
        "archive/.hidden/secret.txt",
        "archive/2016/.draft.txt",
        "sources/one.pdf",
        "sources/talks-1.vtt",
        "sources/talks-2.vtt",
        "sources/deep/talks-3.vtt",
    ):
        write(root / rel)
    return root


@pytest.mark.parametrize(
    "pattern",
    [
        "archive/**/*.txt",
        "archive/**",
        "archive/*/*/*.txt",
        "archive/20??/**/story-*",
        "sources/talks-*.vtt",
        "sources/**/talks-*.vtt",
        "**/*.vtt",
        "archive/201[67]/**/*.*",
        "sources/*",
    ],
)
def test_globs_name_the_files_pythons_glob_names(newsroom, pattern):
    """The walk gives what `glob.glob(recursive=True)` gives, supported files only."""
    from factcheck.sources import is_supported

    expected = sorted(
        h for h in glob.glob(pattern, root_dir=newsroom, recursive=True) if (newsroom / h).is_file() and is_supported(h)
    )
    got = resolve.Resolver(Config(root=newsroom)).expand(pattern)
    assert got == (expected, [])
    assert expected  # every pattern here names something


def test_a_folder_names_every_supported_file_below_it_but_hidden_ones(newsroom):
    files, errors = resolve.Resolver(Config(root=newsroom)).expand("archive")
    assert files == [
        "archive/2016/01/story-a.txt",
        "archive/2016/02/story-b.txt",
        "archive/2017/story-c.html",
        "archive/top.txt",
    ]
    assert not errors


def test_globs_never_follow_symlinked_folders_inside_or_out(newsroom, tmp_path):
    """Walks are bounded by the repository: a symlinked folder is never entered, wherever it points."""
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "leak.txt", "private")
    os.symlink(elsewhere, newsroom / "archive/2016/outside")
    os.symlink(newsroom / "sources", newsroom / "archive/2016/inside")
    os.symlink(newsroom / "archive", newsroom / "archive/2016/loop")  # would never end if followed
    resolver = resolve.Resolver(Config(root=newsroom, archives=("archive",)))
    for entry in ("archive/**/*.txt", "archive/**", "archive/*/*/*", "archive"):
        files, errors = resolver.expand(entry)
        assert not any(part in f for f in files for part in ("outside", "inside", "loop", "leak")), entry
        assert not errors
    got = resolver.for_draft(["archive/**/*.vtt"])
    assert got.paths == [
        "archive/2016/01/story-a.txt",
        "archive/2016/02/story-b.txt",
        "archive/2017/story-c.html",
        "archive/top.txt",
    ]
    assert [str(e) for e in got.errors] == ["archive/**/*.vtt: no source file matches this pattern"]


def test_a_symlinked_file_is_checked_on_its_own(newsroom, tmp_path):
    write(tmp_path / "secret.txt", "password")
    os.symlink(tmp_path / "secret.txt", newsroom / "archive/2016/secret.txt")
    os.symlink(newsroom / "sources/one.pdf", newsroom / "archive/2016/alias.pdf")
    files, errors = resolve.Resolver(Config(root=newsroom)).expand("archive/2016/*")
    assert files == ["sources/one.pdf"]  # the link inside is read as what it points at
    assert len(errors) == 1 and "archive/2016/secret.txt" in str(errors[0]) and "outside the newsroom" in str(errors[0])


@pytest.mark.parametrize("pattern", ["../*.txt", "../**/*.txt", "/etc/*", "archive/../../*.txt"])
def test_a_glob_starting_outside_the_newsroom_is_refused(newsroom, pattern):
    write(newsroom.parent / "next-door.txt")
    files, errors = resolve.Resolver(Config(root=newsroom)).expand(pattern)
    assert files == []
    assert len(errors) == 1 and "outside the newsroom" in str(errors[0])


def test_dot_dot_below_a_wildcard_matches_nothing(newsroom):
    write(newsroom.parent / "next-door.txt")
    resolver = resolve.Resolver(Config(root=newsroom))
    assert resolver.expand("archive/*/../../../*.txt") == ([], [])
    assert [str(e) for e in resolver.for_draft(["archive/*/../../../*.txt"]).errors] == [
        "archive/*/../../../*.txt: no source file matches this pattern"
    ]


def test_a_symlinked_start_folder_inside_is_walked_under_its_real_name(newsroom):
    os.symlink(newsroom / "archive/2016", newsroom / "latest")
    files, errors = resolve.Resolver(Config(root=newsroom)).expand("latest/**/*.txt")
    assert files == ["archive/2016/01/story-a.txt", "archive/2016/02/story-b.txt"]
    assert not errors


def test_each_distinct_entry_is_walked_once_and_drafts_share_the_result(newsroom, monkeypatch):
    walked = []
    real = resolve._walk
    monkeypatch.setattr(
        resolve, "_walk", lambda root, start, parts, found: walked.append(start) or real(root, start, parts, found)
    )
    resolver = resolve.Resolver(Config(root=newsroom, archives=("archive",)))
    first = resolver.for_draft(["archive/**/*.txt", "sources/*.vtt"])
    again = resolver.for_draft([" archive/**/*.txt", "sources/*.vtt"])
    other = resolver.for_draft(["sources/*.vtt"])
    assert again is first
    assert other.paths[:2] == ["sources/talks-1.vtt", "sources/talks-2.vtt"]
    assert sorted(walked) == ["archive", "archive", "sources"]  # the glob and the archive folder, each once

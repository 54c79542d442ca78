"""Drafts with a NUL byte anywhere are refused; snapshots keep the newsroom's file mode."""

from __future__ import annotations

import os
import stat

import pytest

from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.sources.snapshot import add
from factcheck.textio import decode_text
from tests.hostile import assert_one_line_exit_2, committed_newsroom, run_bounded, tree_digest


def test_nul_after_the_first_8_kb_is_refused_with_its_line():
    text = ("The council met on Tuesday.\n" * 400).encode() + b"It approved\x00 the plan.\n"
    assert len(text) > 8192
    with pytest.raises(InputError) as err:
        decode_text(text, "drafts/late-nul.md")
    assert str(err.value).startswith("drafts/late-nul.md:401: file is binary, not text")


def test_scan_refuses_a_draft_with_a_late_nul_and_writes_nothing(tmp_path):
    body = "The council approved 14 schools on Tuesday.\n" * 300 + "A stray\x00 byte.\n"
    root = committed_newsroom(tmp_path / "nr", {"drafts/story.md": body})
    before = tree_digest(root)
    r = run_bounded("scan", cwd=root)
    assert_one_line_exit_2(r, "drafts/story.md:301:", "binary")
    assert tree_digest(root) == before


@pytest.mark.parametrize("umask", [0o022, 0o002])
def test_snapshot_has_the_mode_of_any_new_file(tmp_path, umask):
    (tmp_path / ".factcheck.yaml").write_text("")
    original = tmp_path / "release.txt"
    original.write_text("The port handled 4.2 million containers in 2025.\n")
    old = os.umask(umask)
    try:
        got = add(Config(root=tmp_path), str(original))
    finally:
        os.umask(old)
    for rel in (got.path, got.sidecar):
        assert stat.S_IMODE((tmp_path / rel).stat().st_mode) == 0o666 & ~umask, rel

"""Claims files: atomic writes, merge of review fields, conflict markers."""

import os

import pytest

from factcheck.errors import DataError
from factcheck.model import Claim, Kind
from factcheck.store import claims_files


def test_atomic_write_leaves_the_old_file_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "claims.yaml"
    target.write_text("old: content\n")

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        claims_files.atomic_write(target, "new: content\n")
    assert target.read_text() == "old: content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.yaml"]  # no temp file left behind


def test_merge_keeps_review_fields_only_for_claims_still_present():
    kept = Claim("q-1", Kind.QUOTE, "hello", 0, 5, 1, "s", speaker="A B")
    old = [
        {"id": "q-1", "kind": "quote", "text": "hello", "status": "approved", "reviews": [{"by": "e@x"}]},
        {"id": "q-gone", "kind": "quote", "text": "bye", "status": "approved"},
    ]
    merged = claims_files.carry_review(old, [kept])
    assert [c["id"] for c in merged] == ["q-1"]
    assert merged[0]["status"] == "approved" and merged[0]["reviews"] == [{"by": "e@x"}]
    assert merged[0]["speaker"] == "A B"


def test_merge_lets_scan_fields_win_over_hand_edits():
    claim = Claim("f-1", Kind.FIGURE, "114", 10, 13, 2, "s", value=114, unit="missiles")
    merged = claims_files.carry_review([{"id": "f-1", "kind": "figure", "text": "114", "value": 999}], [claim])
    assert merged[0]["value"] == 114


def test_conflict_markers_are_reported_with_their_line():
    text = "draft: d.md\nclaims:\n<<<<<<< HEAD\n- id: a\n=======\n- id: b\n>>>>>>> other\n"
    with pytest.raises(DataError) as exc:
        claims_files.parse_claims_file(text, path="claims/d.yaml")
    assert exc.value.line == 3 and "merge conflict" in str(exc.value)


def test_not_a_claims_file_is_a_data_error():
    with pytest.raises(DataError):
        claims_files.parse_claims_file("- just\n- a list\n", path="claims/x.yaml")


def test_atomic_write_keeps_the_mode_of_the_file_it_replaces(tmp_path):
    target = tmp_path / "claims.yaml"
    target.write_text("old\n")
    target.chmod(0o644)
    claims_files.atomic_write(target, "new\n")
    assert target.stat().st_mode & 0o777 == 0o644


def test_atomic_write_gives_a_new_file_the_usual_mode(tmp_path):
    umask = os.umask(0o022)
    try:
        claims_files.atomic_write(tmp_path / "new.yaml", "x\n")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.yaml").stat().st_mode & 0o777 == 0o644

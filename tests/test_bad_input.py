"""Every unreadable input gets one line naming the file, exit 2, and the rest still runs."""

import json

import pytest

from tests.helpers import run_cli

GOOD = "---\ndate: 2024-03-01\n---\nThe council approved the budget.\n"


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.md"
    p.write_text(GOOD, encoding="utf-8")
    return p


def _bad_files(tmp_path):
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin1.md"
    latin.write_bytes("Caf\u00e9 owners said so.\n".encode("latin-1"))
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    missing = tmp_path / "missing.md"
    return {
        "binary": (binary, "binary"),
        "invalid utf-8": (latin, "not valid UTF-8"),
        "empty": (empty, "empty"),
        "50 MB": (huge, "too large"),
        "directory": (folder, "directory"),
        "missing": (missing, "no such file"),
    }


@pytest.mark.parametrize("case", ["binary", "invalid utf-8", "empty", "50 MB", "directory", "missing"])
def test_bad_file_is_one_line_exit_2_and_others_still_extracted(tmp_path, good, case):
    bad, phrase = _bad_files(tmp_path)[case]
    r = run_cli("extract", "--format", "json", str(bad), str(good))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert err.count("\n") == 1, err
    assert str(bad) in err and phrase in err
    assert "Traceback" not in err
    data = json.loads(r.stdout)
    assert [f["path"] for f in data["files"]] == [str(good)]


def test_invalid_utf8_names_the_line(tmp_path):
    p = tmp_path / "draft.md"
    p.write_bytes(b"first line\nsecond line\nthird \xff line\n")
    r = run_cli("extract", str(p))
    assert r.returncode == 2
    assert f"{p}:3:" in r.stderr.decode()


def test_broken_front_matter_names_file_and_line(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text("---\ntitle: ok\ndate: [2024\n---\nBody.\n", encoding="utf-8")
    r = run_cli("extract", str(p))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert err.startswith(f"factcheck: error: {p}:") and "invalid YAML" in err and err.count("\n") == 1


def test_unknown_format_is_a_usage_error(good):
    r = run_cli("extract", "--format", "xml", str(good))
    assert r.returncode == 2


def test_bad_reference_date_is_a_usage_error(good):
    r = run_cli("extract", "--reference-date", "March 3", str(good))
    assert r.returncode == 2
    assert "YYYY-MM-DD" in r.stderr.decode()


@pytest.mark.parametrize("args", [["extract", "--format", "xml", "x.md"], ["nosuch"], ["scan", "--bogus"]])
def test_usage_errors_are_one_line_exit_2(tmp_path, args):
    r = run_cli(*args, cwd=tmp_path)
    assert r.returncode == 2
    err = r.stderr.decode()
    assert err.startswith("factcheck: error: ") and err.count("\n") == 1 and "--help" in err


def test_bare_command_shows_the_help(tmp_path):
    r = run_cli(cwd=tmp_path)
    assert r.returncode == 2 and b"Commands:" in r.stdout + r.stderr

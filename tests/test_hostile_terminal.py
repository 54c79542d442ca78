"""Text from drafts, sources and notes reaches a terminal with its control characters shown, not obeyed."""

from __future__ import annotations

import json

import pytest

from factcheck.render import safe
from tests.hostile import committed_newsroom, git, run_bounded

HIDE = "\x1b[8m"  # conceal the words that follow
ERASE = "\x1b[2K"  # erase the line
CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"  # OSC 52: write the clipboard
CSI_C1 = "\x9b2J"  # the one-byte C1 form of ESC[, clearing the screen

DRAFT = (
    "---\ndate: 2024-03-01\n---\n"
    f"The council approved 14{HIDE} new{ERASE} schools on Tuesday{CLIPBOARD}, the mayor said.\n\n"
    f"\u201cWe will not{CSI_C1} pay for this,\u201d said Dana Reyes.\n"
)
ATTACKS = (HIDE, ERASE, CLIPBOARD, CSI_C1)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words, tab\tand\nnewline", "plain words, tab\tand\nnewline"),
        ("a\x1b[8mb", "a\\x1b[8mb"),
        ("bell\x07 cr\r nul\x00 del\x7f", "bell\\x07 cr\\x0d nul\\x00 del\\x7f"),
        ("c1\x9b2J next\x85", "c1\\x9b2J next\\x85"),
        ("caf\u00e9 \u201cquoted\u201d \u00a320m", "caf\u00e9 \u201cquoted\u201d \u00a320m"),
    ],
)
def test_terminal_text_shows_controls_as_escapes(raw, shown):
    assert safe.terminal_text(raw) == shown


def test_renderer_colour_is_kept_but_a_drafts_own_sequence_is_not():
    painted = "\x1b[1;32mapproved\x1b[0m " + HIDE + "hidden"
    assert safe.terminal_text_keeping_colour(painted) == "\x1b[1;32mapproved\x1b[0m \\x1b[8mhidden"


def test_json_keeps_the_exact_text_with_every_control_escaped():
    text = "a\x1b[8mb\x9bc\x7f"
    dumped = safe.json_text(json.dumps({"t": text}, ensure_ascii=False))
    assert json.loads(dumped)["t"] == text
    assert not any(ch in dumped for ch in "\x1b\x9b\x7f")


def _no_raw_controls(text: str) -> None:
    for attack in ATTACKS:
        assert attack not in text
    assert not any(
        0x80 <= ord(ch) <= 0x9F or (ord(ch) < 0x20 and ch not in "\t\n") or ch == "\x7f" for ch in text if ch != "\x1b"
    ), repr(text)


@pytest.fixture
def scanned(tmp_path):
    root = committed_newsroom(tmp_path / "nr", {"drafts/story.md": DRAFT})
    assert run_bounded("scan", cwd=root).returncode == 0
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "claims")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("colour", [{}, {"NO_COLOR": "", "FORCE_COLOR": "1"}])
@pytest.mark.parametrize(
    "command",
    [
        ["show", "drafts/story.md"],
        ["check"],
        ["check", "--format", "github"],
        ["status"],
        ["extract", "drafts/story.md"],
    ],
)
def test_commands_for_people_show_escapes(scanned, command, colour):
    r = run_bounded(*command, cwd=scanned, env=colour)
    assert r.returncode in (0, 1), r.stderr
    assert "\x1b[8m" not in r.stdout and "\x1b]" not in r.stdout and "\x1b[2K" not in r.stdout
    if colour:
        assert "\x1b[" in r.stdout or command[0] != "show"  # colour is on, and still no attack got through
    else:
        assert "\x1b" not in r.stdout
        _no_raw_controls(r.stdout)
    if command[0] in ("show", "extract"):
        assert "\\x1b[8m" in r.stdout or "\\x9b" in r.stdout  # visible, so the editor sees the trick


def test_review_shows_escapes(scanned):
    import subprocess
    import sys

    from tests.hostile import _git_identity

    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "review", "drafts/story.md"],
        cwd=scanned,
        input=b"q\n",
        capture_output=True,
        timeout=120,
        env={**__import__("os").environ, **_git_identity("Ed Itor", "ed@example.org"), "NO_COLOR": "1"},
    )
    out = proc.stdout.decode()
    assert "\\x1b[8m" in out or "\\x9b" in out
    assert "\x1b" not in out
    _no_raw_controls(out)


@pytest.mark.parametrize(
    "command", [["export", "--format", "json"], ["extract", "--format", "json", "drafts/story.md"]]
)
def test_machine_formats_keep_the_exact_text(scanned, command):
    r = run_bounded(*command, cwd=scanned)
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x9b" not in r.stdout
    data = json.loads(r.stdout)
    texts = [c["sentence"] for f in data.get("drafts", data.get("files", [])) for c in f["claims"]]
    assert any(HIDE in t for t in texts) and any(CSI_C1 in t for t in texts)


def test_check_sarif_keeps_the_exact_text(scanned):
    r = run_bounded("check", "--format", "sarif", cwd=scanned)
    assert r.returncode == 1
    assert "\x9b" not in r.stdout and "\x1b" not in r.stdout
    messages = [res["message"]["text"] for res in json.loads(r.stdout)["runs"][0]["results"]]
    assert any(CSI_C1 in m for m in messages)


def test_error_line_quoting_user_text_shows_escapes(scanned):
    r = run_bounded("show", "drafts/story.md", f"q-{ERASE}nope", cwd=scanned)
    assert r.returncode == 2
    assert "\x1b" not in r.stderr and "\\x1b[2K" in r.stderr
    assert len(r.stderr.splitlines()) == 1


def test_step_summary_escapes_html(tmp_path):
    draft = "---\ndate: 2024-03-01\n---\n\u201cThe <img src=x onerror=alert(1)> plan is <b>fine</b>,\u201d said Dana Reyes.\n"
    root = committed_newsroom(tmp_path / "nr", {"drafts/story.md": draft})
    assert run_bounded("scan", cwd=root).returncode == 0
    summary = tmp_path / "summary.md"
    r = run_bounded("check", "--format", "github", cwd=root, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert r.returncode == 1, r.stderr
    page = summary.read_text(encoding="utf-8")
    assert "<img" not in page and "<b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page, page

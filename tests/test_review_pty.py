"""`factcheck review` driven in a real pseudo-terminal, the way an editor uses it.

The command runs as its own process with a terminal of 80 columns; the test types the
keys and reads the screen: colour on, lines inside the width, each decision confirmed,
an undo honoured, and a summary with the claims' words.
"""

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.gitnewsroom import EDITOR, scanned

pexpect = pytest.importorskip("pexpect")

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG = """\
---
date: 2026-01-04
---
# Council backs new homes

The council approved 114 new homes on the old depot site, after a long debate in which several members of the planning committee questioned the cost of clearing the land.

"We will start building in spring," the council leader said.

The scheme will cost 12 million pounds.
"""


def _factcheck() -> str:
    found = shutil.which("factcheck", path=str(Path(sys.executable).parent))
    assert found, "factcheck is not installed beside this Python"
    return found


def test_editor_reviews_in_a_terminal(newsroom):
    room = scanned(newsroom, LONG)
    ids = {c["text"]: c["id"] for c in room.claims()}
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env |= {
        "TERM": "xterm-256color",
        "GIT_AUTHOR_NAME": EDITOR[0],
        "GIT_AUTHOR_EMAIL": EDITOR[1],
        "GIT_COMMITTER_NAME": EDITOR[0],
        "GIT_COMMITTER_EMAIL": EDITOR[1],
    }
    child = pexpect.spawn(
        _factcheck(),
        ["review", "drafts/vote.md"],
        cwd=str(room.repo),
        env=env,
        dimensions=(40, 80),
        encoding="utf-8",
        timeout=20,
    )
    screen = []

    def answer(prompt: str, keys: str) -> None:
        child.expect_exact(prompt)
        screen.append(child.before + prompt)
        child.sendline(keys)

    answer("[q]uit? ", "a")
    answer("note (optional): ", "minutes p. 4")
    answer("[q]uit? ", "s")
    answer("[q]uit? ", "u")  # take the skip back: the quote is asked about again
    answer("[q]uit? ", "r")
    answer("what is wrong (required): ", "the leader said summer")
    answer("[q]uit? ", "q")
    child.expect(pexpect.EOF)
    screen.append(child.before)
    child.close()
    assert child.exitstatus == 0, "".join(screen)

    seen = "".join(screen).replace("\r\n", "\n")
    text = ANSI.sub("", seen)
    assert "\x1b[32msupported" not in seen  # no verdicts yet; the states are coloured instead
    assert "\x1b[36m[pending]\x1b[0m" in seen  # colour on, as on any terminal
    assert all(len(line) <= 80 for line in text.split("\n")), "a line ran past the terminal's width"
    assert (
        "planning committee\n            questioned the cost of clearing the land." in text
    )  # wrapped under its label
    # the terminal echoes each answer after its prompt; what follows starts a new line, once
    assert "[q]uit? a\nnote (optional): minutes p. 4\napproved: " in text
    assert f"approved: {ids['114']} “114”" in text
    quote = ids["We will start building in spring,"]
    assert f"skipped: {quote}" in text and f"undone: skipped: {quote}" in text
    assert f"rejected: {quote} “We will start building in spring,”" in text
    assert text.count("(2/2)") == 0 and text.count("(2/3)") == 2  # asked again after the undo
    assert f"approved  {ids['114']}  “114”" in text
    assert f"rejected  {quote}  “We will start building in spring,”" in text
    statuses = {c["text"]: c.get("status") for c in room.claims()}
    assert statuses["114"] == "approved" and statuses["We will start building in spring,"] == "rejected"

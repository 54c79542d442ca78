"""Golden files for what the commands print, byte for byte: text, JSON, SARIF, CSV, HTML.

One newsroom, built the same way on every run (fixed people, dates, clock and claim ids),
holds every state a claim can be in: pending, approved, rejected, stale, forged, published
and corrected, with evidence from an open and a confidential source, plus a draft never
scanned and one edited after its scan. Each output is compared with its file under
tests/golden/; `pytest --update-golden` rewrites them after an intended change.
"""

from __future__ import annotations

import functools
import html.parser
import itertools
import re

import pytest

from tests.gitnewsroom import DRAFT, EDITOR, RITA, STRANGER, WRITER, Newsroom, simple_find_all

CONFIG = """\
reviewers:
  - ed@example.org
  - rita@example.org
confidential:
  - sources/private/**
"""

LIBRARY = """\
---
date: 2026-01-04
sources:
  - sources/minutes.txt
  - sources/private/
---
# Library keeps its Sunday hours

The library will stay open on 52 Sundays a year, the council said.

"Nobody should lose their reading room at the weekend," the chair told members.

Staff lent 9,400 books last winter.
"""

MINUTES = """\
Minutes of the culture committee.
The library will stay open on 52 Sundays a year.
The chair said: "Nobody should lose their reading room at the weekend."
"""

PRIVATE_NOTE = """\
Desk note from a caller: the branch lent 9,400 books last winter.
"""

PUBLISHED_AT = "2026-01-06T09:00:00+00:00"


def _every_finding(room: Newsroom) -> None:
    """drafts/vote.md approved, rejected and changed; a draft not scanned; a forged
    approval; a draft edited after its scan."""
    room.write("drafts/vote.md", DRAFT)
    assert room.run("scan", "-q", who=WRITER).exit_code == 0
    room.commit("Draft drafts/vote.md")
    ids = {c["text"]: c["id"] for c in room.claims()}
    printed = _printed(room)
    assert room.run("approve", "drafts/vote.md", ids["114"]).exit_code == 0
    printed("reject", "reject", "drafts/vote.md", ids["12"], "-m", "the budget says 21 million")
    room.write("drafts/vote.md", DRAFT.replace("114", "141"))
    room.run("scan", "-q", who=WRITER)
    room.commit("Correct the number of homes")
    room.write("drafts/budget.md", "The library will close at 6pm, said a spokesperson.\n")
    room.commit("Draft not scanned yet")
    room.write("drafts/forged.md", 'Fares rise by 5 percent, "with no exceptions," the operator said.\n')
    room.run("scan", "-q", "drafts/forged.md", who=WRITER)
    from factcheck.config import load_config
    from factcheck.signoff import rules
    from factcheck.store import claims_files

    with claims_files.editing(load_config(room.repo), "drafts/forged.md") as cf:
        for rec in cf.claims:
            rules.record(rec, rules.Decision.APPROVED, rules.Reviewer(*EDITOR), "2026-01-05T12:00:00Z")
    room.commit("Approve fares story", who=STRANGER)
    room.write("drafts/council.md", "Turnout was 38 percent.\n")
    room.run("scan", "-q", "drafts/council.md", who=WRITER)
    room.write("drafts/council.md", "Turnout was 38 percent, the clerk said.\n")
    room.commit("Edit after the scan")


def _published_and_corrected(room: Newsroom) -> None:
    """drafts/library.md matched against an open and a confidential source, approved,
    published, then corrected."""
    room.write("sources/minutes.txt", MINUTES)
    room.write("sources/private/caller.txt", PRIVATE_NOTE)
    room.write("drafts/library.md", LIBRARY)
    printed = _printed(room)
    printed("scan", "scan", "drafts/library.md", who=WRITER)
    printed("match", "match", "drafts/library.md", who=WRITER)
    room.commit("Library story, scanned and matched")
    ids = [c["id"] for c in room.claims("drafts/library.md")]
    printed("approve", "approve", "drafts/library.md", *ids, "-m", "minutes")
    printed("publish", "publish", "drafts/library.md", "--url", "https://gazette.example.org/library")
    room.write("drafts/library.md", room.read("drafts/library.md").replace("52 Sundays", "50 Sundays"))
    printed("rescan", "scan", "drafts/library.md", who=WRITER)
    room.commit("Fix the number of Sundays")
    new_id = room.claim_id("50", "drafts/library.md")
    note = "An earlier version said the library would open on 52 Sundays; it is 50."
    printed("correct", "correct", "drafts/library.md", new_id, "-m", note, who=RITA)


def _printed(room: Newsroom):
    """Run a command that must succeed and keep what it printed, by name, in `room.printed`."""
    room.printed = getattr(room, "printed", {})

    def run(name: str, *args: str, who: tuple[str, str] = EDITOR) -> None:
        result = room.run(*args, who=who)
        assert result.exit_code == 0, result.output
        room.printed[name] = result.output

    return run


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    """The newsroom, built once for this module: each test only reads it."""
    import datetime as dt

    from factcheck import extract
    from factcheck.commands import publish as publish_command
    from factcheck.policy import publication
    from factcheck.signoff import record

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(extract, "find_all", simple_find_all)
        ticks = itertools.count()
        mp.setattr(record, "now_utc", lambda: f"2026-01-05T11:{next(ticks) // 60:02d}:{next(ticks) % 60:02d}Z")
        at = dt.datetime.fromisoformat(PUBLISHED_AT)
        published = functools.partial(publication.publish, now=at)
        mp.setattr(publication, "publish", published)
        mp.setattr(publish_command, "publish", published)  # the name the command imported
        for key, value in (("COLUMNS", "100"), ("NO_COLOR", "1"), ("TERM", "dumb")):
            mp.setenv(key, value)
        newsroom = Newsroom(tmp_path_factory.mktemp("golden"), mp)
        newsroom.write(".factcheck.yaml", CONFIG)
        newsroom.commit("Newsroom rules")
        _every_finding(newsroom)
        _published_and_corrected(newsroom)
        yield newsroom


@pytest.fixture
def in_room(room, monkeypatch):
    """Run from inside the newsroom, whichever directory the test started in."""
    monkeypatch.chdir(room.repo)
    return room


def _normalized(text: str) -> str:
    """Commit ids depend on git's version, and factcheck's own version on the release: hide both."""
    text = re.sub(r"\bcommit [0-9a-f]{10}\b", "commit <sha>", text)
    text = re.sub(r"\bcommitted [0-9a-f]{10}\b", "committed <sha>", text)
    return re.sub(r'("name": "factcheck",\s+"version": )"[^"]*"', r'\1"<version>"', text)


@pytest.mark.parametrize("step", ["reject", "scan", "match", "approve", "publish", "rescan", "correct"])
def test_what_commands_that_write_print(room, step, golden):
    golden(f"{step}.txt", _normalized(room.printed[step]))


def test_init(tmp_path, monkeypatch, golden):
    """`init` in a fresh git repository: what it wrote and what to do next."""
    room = Newsroom(tmp_path, monkeypatch)
    (room.repo / ".factcheck.yaml").unlink()
    result = room.run("init")
    assert result.exit_code == 0, result.output
    golden("init.txt", result.output.replace(str(room.repo), "<newsroom>"))


@pytest.mark.parametrize("fmt, name", [("text", "status.text.txt"), ("json", "status.json")])
def test_status(in_room, fmt, name, golden):
    result = in_room.run("status", "--format", fmt)
    assert result.exit_code == 0, result.output
    golden(name, result.output)


@pytest.mark.parametrize(
    "args, name",
    [
        (("drafts/vote.md",), "show.vote.txt"),
        (("drafts/library.md",), "show.library.txt"),
        (("drafts/forged.md", "q-9402"), "show.one-claim.txt"),
    ],
)
def test_show(in_room, args, name, golden):
    result = in_room.run("show", *args)
    assert result.exit_code == 0, result.output
    golden(name, _normalized(result.output))


@pytest.mark.parametrize(
    "fmt, name",
    [("text", "check.text.txt"), ("json", "check.json"), ("github", "check.github.txt"), ("sarif", "check.sarif.json")],
)
def test_check(in_room, fmt, name, tmp_path, monkeypatch, golden):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = in_room.run("check", "--format", fmt)
    assert result.exit_code == 1, result.output
    golden(name, _normalized(result.output))
    if fmt == "github":
        golden("check.step-summary.md", _normalized(summary.read_text(encoding="utf-8")))
    else:
        assert not summary.exists()  # only the github format writes the step summary


@pytest.mark.parametrize(
    "fmt, name", [("text", "corrections.txt"), ("json", "corrections.json"), ("html", "corrections.html")]
)
def test_corrections(in_room, fmt, name, golden):
    result = in_room.run("corrections", "--format", fmt)
    assert result.exit_code == 0, result.output
    golden(name, _normalized(result.output))


@pytest.mark.parametrize(
    "fmt, name",
    [("json", "export.every-state.json"), ("claimreview", "export.claimreview.json"), ("csv", "export.csv")],
)
def test_export(in_room, fmt, name, golden):
    result = in_room.run("export", "--format", fmt)
    assert result.exit_code == 0, result.output
    golden(name, result.output)


class _Outline(html.parser.HTMLParser):
    """An HTML page as one line per element: its tag, id and classes, then its own text.

    Styles and scripts are left out (they are assets, not content), and so is layout
    whitespace, so the outline changes when what a reader sees does.
    """

    SKIP = {"style", "script"}
    VOID = {"meta", "link", "br", "hr", "img", "input", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.depth = 0
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if self.skipping or tag in self.SKIP:
            self.skipping += tag in self.SKIP
            return
        named = dict(attrs)
        label = tag + (f"#{named['id']}" if named.get("id") else "")
        label += "".join(f".{c}" for c in (named.get("class") or "").split())
        kept = {k: v for k, v in named.items() if k not in ("id", "class", "style") and v is not None}
        label += "".join(f" {k}={v!r}" for k, v in sorted(kept.items()))
        self.lines.append("  " * self.depth + label)
        if tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if not self.skipping and tag not in self.VOID:
            self.depth = max(0, self.depth - 1)

    def handle_data(self, data):
        words = " ".join(data.split())
        if words and not self.skipping:
            self.lines.append("  " * self.depth + "| " + words)


def outline(page: str) -> str:
    parser = _Outline()
    parser.feed(page)
    parser.close()
    return "\n".join(parser.lines) + "\n"


def test_report_for_ci_outline(in_room, tmp_path, golden):
    page = tmp_path / "report.html"
    result = in_room.run("report", "--for-ci", "-o", str(page))
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert "Desk note" not in text  # the confidential source's words stay on this machine
    stamp = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00")  # when the page was made
    assets = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")  # the style and script are assets, not content
    golden("report.for-ci.outline.txt", assets.sub("'sha256-<asset>'", stamp.sub("<generated at>", outline(text))))


def test_the_outline_sees_text_tags_and_classes_but_not_styles():
    page = '<html><head><style>p{color:red}</style></head><body><p class="a b" id="x">One <em>two</em></p><br></body></html>'
    assert outline(page) == "html\n  head\n  body\n    p#x.a.b\n      | One\n      em\n        | two\n    br\n"

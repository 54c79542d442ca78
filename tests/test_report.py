"""The editor's report without a browser: view model, HTML structure, escaping, the command."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import hashlib
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.render import html as page
from factcheck.render import report_model as model
from factcheck.report import (
    ClaimView,
    DraftView,
    Run,
    State,
    build_report,
    claim_state,
    mark_words,
    place,
    since_signoff,
    word_diff,
)
from factcheck.signoff.rules import claim_fingerprint
from tests.helpers import run_cli
from tests.report_newsroom import (
    LIBRARY_DRAFT,
    library_claims,
    make_hostile_newsroom,
    make_newsroom,
    write_claims,
)

NOW = dt.datetime(2025, 5, 2, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    return make_newsroom(tmp_path / "newsroom")


def report_of(root: Path, drafts=None):
    return build_report(load_config(root), drafts, now=NOW)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html_text: str) -> Tags:
    p = Tags()
    p.feed(html_text)
    return p


# --- states ---------------------------------------------------------------------


def signed(record, *decisions):
    """The record with decisions recorded on its current words, as `approve` and `reject` record them."""
    record = {"text": "12", "sentence": "It cost 12.", **record}
    record["reviews"] = [
        {"by": "desk@example.org", "decision": d, "fingerprint": claim_fingerprint(record)} for d in decisions
    ]
    return record


@pytest.mark.parametrize(
    ("record", "state"),
    [
        ({}, State.UNCHECKED),
        ({"verdict": "supported"}, State.SUPPORTED),
        ({"verdict": "contradicted", "status": "pending"}, State.CONTRADICTED),
        ({"verdict": "not_found"}, State.NOT_FOUND),
        (signed({"verdict": "contradicted"}, "approved"), State.APPROVED),
        (signed({"verdict": "supported"}, "rejected"), State.REJECTED),
        ({**signed({"verdict": "supported"}, "approved"), "text": "13"}, State.STALE),
        ({"verdict": "maybe", "status": "weird"}, State.UNCHECKED),
    ],
)
def test_a_sign_off_outranks_the_verdict(record, state):
    assert claim_state(record) is state


@pytest.mark.parametrize("status", ["approved", "rejected", "stale"])
def test_a_hand_typed_status_is_not_a_sign_off(status):
    assert claim_state({"verdict": "contradicted", "status": status}) is State.CONTRADICTED


def test_report_counts_every_state_of_the_newsroom(newsroom):
    report = report_of(newsroom)
    assert [d.path for d in report.drafts] == ["drafts/library.md", "drafts/unscanned.md"]
    counts = {s.value: n for s, n in report.counts.items() if n}
    assert counts == {
        "contradicted": 1,
        "not_found": 1,
        "stale": 1,
        "rejected": 1,
        "unchecked": 1,
        "supported": 1,
        "approved": 1,
    }
    assert report.needs_review == 5
    assert [c.n for c in report.claims] == list(range(1, 8))


def test_building_and_writing_the_page_hand_the_collector_back_as_they_found_it(newsroom, monkeypatch):
    """The cyclic collector is held off while a report is built and written, and only then."""
    import gc

    built: list[bool] = []
    written_with: list[bool] = []
    shown, marked = model.claim_shown, page.marked_text
    monkeypatch.setattr(model, "claim_shown", lambda c, path: built.append(gc.isenabled()) or shown(c, path))
    monkeypatch.setattr(page, "marked_text", lambda d: written_with.append(gc.isenabled()) or marked(d))
    assert gc.isenabled()
    report = report_of(newsroom)
    assert gc.isenabled() and built == [False] * 7 and len(report.claims) == 7
    written = page.render(report)
    assert gc.isenabled() and written_with == [False] * 2 and len(report.drafts) == 2
    gc.disable()
    try:
        assert page.render(report) == written
        assert not gc.isenabled()  # off before, off after
    finally:
        gc.enable()


def test_a_draft_never_scanned_is_shown_with_a_hint(newsroom):
    unscanned = report_of(newsroom).drafts[1]
    assert unscanned.claims == ()
    assert "factcheck scan drafts/unscanned.md" in unscanned.problems[0]
    assert not unscanned.failed


def test_a_corrupt_claims_file_fails_only_its_draft(newsroom):
    (newsroom / "claims/drafts/library.yaml").write_text("draft: [unclosed\n", encoding="utf-8")
    report = report_of(newsroom)
    library = report.drafts[0]
    assert library.failed and "claims/drafts/library.yaml" in library.problems[0]
    assert report.drafts[1].path == "drafts/unscanned.md"


def unsign(root: Path, claims_file: str, claim_id: str, reviews) -> None:
    """Hand-edit a claims file: replace (or with None, delete) one claim's review history."""
    from factcheck.store import yamlio

    path = root / claims_file
    data = yamlio.load(path.read_text(encoding="utf-8"), path=claims_file)
    rec = next(c for c in data["claims"] if c["id"] == claim_id)
    rec.pop("reviews")
    if reviews is not None:
        rec["reviews"] = reviews
    path.write_text(yamlio.dump(data), encoding="utf-8")


def test_a_hand_typed_approval_still_needs_review(newsroom):
    unsign(newsroom, "claims/drafts/library.yaml", "f-0000000002", None)
    report = report_of(newsroom)
    figure = report.claims[1]
    assert figure.record["status"] == "approved"  # left behind in the file
    assert figure.state is State.SUPPORTED and report.needs_review == 6
    assert "status: pending" in page.render(report)
    r = run_cli("report", "-o", "-", cwd=newsroom)
    assert "status: approved" not in r.stdout.decode()


def test_a_malformed_review_history_fails_only_its_draft(newsroom):
    unsign(newsroom, "claims/drafts/library.yaml", "f-0000000002", [{"by": "desk@example.org", "decision": "ok"}])
    report = report_of(newsroom)
    library = report.drafts[0]
    assert library.failed and library.claims == ()
    assert library.problems[0].startswith("claims/drafts/library.yaml: ") and "reviews" in library.problems[0]
    r = run_cli("report", "-o", "out/review.html", cwd=newsroom)
    assert r.returncode == 2
    assert "claims/drafts/library.yaml" in r.stderr.decode()
    assert (newsroom / "out/review.html").exists()


# --- placing claims in the draft ---------------------------------------------------


def test_claims_sit_at_their_stored_offsets(newsroom):
    library = report_of(newsroom).drafts[0]
    for c in library.claims:
        assert library.text[c.start : c.end] == c.record["text"]
    assert library.problems == ()


def test_after_an_edit_claims_are_found_again_near_their_old_place(newsroom):
    edited = LIBRARY_DRAFT.replace("The city council voted", "After a long debate, the city council voted")
    (newsroom / "drafts/library.md").write_text(edited, encoding="utf-8")
    library = report_of(newsroom, [str(newsroom / "drafts/library.md")]).drafts[0]
    assert any("changed since it was scanned" in p for p in library.problems)
    for c in library.claims:
        assert edited[c.start : c.end] == c.record["text"]


def test_a_claim_gone_from_the_text_is_listed_apart(newsroom):
    edited = LIBRARY_DRAFT.replace("48,000 books", "many books")
    (newsroom / "drafts/library.md").write_text(edited, encoding="utf-8")
    library = report_of(newsroom, [str(newsroom / "drafts/library.md")]).drafts[0]
    lost = [c for c in library.claims if not c.placed]
    assert [c.record["text"] for c in lost] == ["48,000 books"]
    assert "1 claim could not be placed in the draft text" in library.problems
    assert "Claims not found in the text" in page.draft_section(1, library)


def test_place_picks_the_occurrence_nearest_the_old_offset():
    text = "two and two and two"
    assert place({"text": "two", "start": 9, "end": 12}, text + "!", 0) == (8, 11)
    assert place({"text": "two", "start": 0, "end": 3}, text, 0) == (0, 3)
    assert place({"text": "three", "start": 0, "end": 5}, text, 0, trust_offsets=False) is None


def test_a_claim_in_the_front_matter_is_not_placed():
    text = "---\ntitle: two\n---\nbody"
    assert place({"text": "two", "start": 11, "end": 14}, text, text.index("body")) is None


# --- evidence aids -------------------------------------------------------------------


def test_word_diff_shows_only_real_word_changes():
    parts = word_diff("The only warm, safe place.", "the only warm, quiet place")
    assert [(p.op, p.text) for p in parts] == [
        ("same", "the only warm,"),
        ("del", "safe"),
        ("ins", "quiet"),
        ("same", "place"),
    ]
    assert all(p.op == "same" for p in word_diff("Hello, world.", "hello world"))


def test_source_words_are_marked_by_what_they_match():
    runs = mark_words("Reyes moved to restore $240,000 on Tuesday.", "$240,000", "It restored $240,000 on Tuesday.")
    assert [(r.text, r.hit) for r in runs] == [
        ("Reyes moved to restore $", 0),
        ("240,000", 2),
        (" on ", 0),
        ("Tuesday", 1),
        (".", 0),
    ]


def test_words_with_one_mark_share_a_run_unless_something_else_comes_between():
    passage = "Said the harbour council chair, the harbour chair again, today."
    runs = mark_words(passage, "harbour council chair", "The harbour council chair spoke today at length.")
    assert [(r.text, r.hit) for r in runs] == [
        ("Said the ", 0),
        ("harbour council chair", 2),  # the space between words of one mark stays inside the run
        (", the ", 0),  # punctuation ends a run, so the next one starts afresh
        ("harbour chair", 2),
        (" again, ", 0),
        ("today", 1),
        (".", 0),
    ]
    assert "".join(r.text for r in runs) == passage


def test_the_change_since_sign_off_is_a_word_diff():
    rec = {"text": "in 1962", "reviews": [{"decision": "approved", "text": "in 1961"}]}
    assert [(p.op, p.text) for p in since_signoff(rec)] == [("same", "in"), ("del", "1961"), ("ins", "1962")]
    assert since_signoff({"text": "x", "reviews": [{"text": "x"}]}) == ()


# --- the HTML ------------------------------------------------------------------------


def view_with(text: str, spans: list[tuple[int, int]]) -> DraftView:
    claims = tuple(
        ClaimView(
            n=i,
            record={"id": f"c{i}", "text": text[s:e]},
            state=State.SUPPORTED,
            kind="figure",
            start=s,
            end=e,
            evidence=(),
        )
        for i, (s, e) in enumerate(spans, 1)
    )
    return DraftView(path="d.md", title=None, meta={}, text=text, body_start=0, claims=claims)


def strip_tags(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_nested_claims_become_nested_marks():
    text = '"We sold 114 boats," she said.'
    out = page.marked_text(view_with(text, [(1, 18), (9, 12)]))
    assert re.search(r'<mark[^>]*data-n="1"[^>]*>We sold <mark[^>]*data-n="2"[^>]*>114</mark> boats</mark>,', out)
    assert strip_tags(out).strip() == page.esc(text)


def test_overlapping_claims_are_cut_into_well_nested_fragments():
    text = "abcdefghij"
    out = page.marked_text(view_with(text, [(0, 6), (3, 9)]))
    assert out.count("<mark") == out.count("</mark>") == 3
    assert out.count('id="c2"') == 1 and out.count('data-n="2"') == 2
    assert strip_tags(out).strip() == text
    depth = 0
    for tag in re.findall(r"</?mark", out):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0


def test_claims_with_the_same_span_nest_instead_of_splitting():
    out = page.marked_text(view_with("on 4 May", [(3, 8), (3, 8)]))
    assert out.count("<mark") == 2
    assert re.search(r'data-n="1"[^>]*><mark[^>]*data-n="2"[^>]*>4 May</mark></mark></p>$', out.strip())


def _marked(text: str, claim_texts: list[str]) -> str:
    spans = []
    for t in claim_texts:
        at = text.index(t)
        spans.append((at, at + len(t)))
    return page.marked_text(view_with(text, spans))


def test_the_draft_is_rendered_from_markdown_with_claims_marked():
    text = (
        "# Harbour bridge to close for 14 weeks\n\n*By Ana Ruiz*\n\n"
        "Repairs will cost **4.2 million** pounds, [the council said](https://example.org/release).\n\n"
        "- 1,200 vehicles a day\n- 2 ferries\n"
    )
    out = _marked(text, ["14 weeks", "Ana Ruiz", "4.2 million", "council said", "1,200", "2 ferries"])
    assert re.search(r"<h1>Harbour bridge to close for <mark[^>]*>14 weeks</mark></h1>", out)
    assert re.search(r"<p><em>By <mark[^>]*>Ana Ruiz</mark></em></p>", out)
    assert re.search(r"<strong><mark[^>]*>4.2 million</mark></strong>", out)
    assert '<a href="https://example.org/release" rel="noopener noreferrer nofollow" target="_blank">the <mark' in out
    assert re.search(r"<li><mark[^>]*>1,200</mark> vehicles a day</li>", out)  # still a list
    assert "#" not in strip_tags(out) and "*" not in strip_tags(out) and "](" not in strip_tags(out)
    assert [m for m in re.findall(r'id="c(\d+)"', out)] == ["1", "2", "3", "4", "5", "6"]


def test_markdown_keeps_raw_html_as_text_and_only_web_links_live():
    text = (
        "<script>alert(1)</script>\n\n[click](javascript:alert(1)) [file](file:///etc/passwd) "
        "[rel](other.md) ![a chart](https://example.org/x.png) [ok](http://example.org)\n"
    )
    out = page.marked_text(view_with(text, []))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "<script" not in out
    assert re.findall(r'href="([^"]*)"', out) == ["http://example.org"]
    assert "<img" not in out and "[image: a chart]" in out
    assert "[click](javascript:alert(1))" in out  # left as the words the reporter typed


def test_a_claim_across_a_tag_is_cut_into_fragments_that_stay_nested():
    text = "Costs rose *sharply to 5 percent* last year.\n"
    out = _marked(text, ["rose *sharply"])
    assert out.count('id="c1"') == 1
    depth = 0
    for tag in re.findall(r"</?(?:mark|em)", out):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert re.search(r"<mark[^>]*>rose </mark><em><mark[^>]*>sharply</mark> to 5 percent</em>", out)


def test_page_holds_every_claim_and_its_evidence(newsroom):
    html_text = page.render(report_of(newsroom))
    tags = parse(html_text)
    marks = [a for t, a in tags.tags if t == "mark" and "first" in (a.get("class") or "")]
    assert len(marks) == 7
    details = [a for t, a in tags.tags if t == "section" and "detail" in (a.get("class") or "")]
    assert [d["id"] for d in details] == [f"d{i}" for i in range(1, 8)]
    assert all("hidden" in d for d in details)
    text = "".join(tags.text)
    assert "safe" in text and "quiet" in text  # both sides of the misquote
    assert "not in any recording; ask the reporter" in text
    assert "factcheck scan drafts/unscanned.md" in text


def test_page_data_gives_the_script_order_and_states_only(newsroom):
    html_text = page.render(report_of(newsroom))
    raw = re.search(r'<script type="application/json" id="factcheck-data">(.*?)</script>', html_text, re.S).group(1)
    data = json.loads(raw)
    assert [c["state"] for c in data["claims"]] == [
        "supported",
        "approved",
        "contradicted",
        "not_found",
        "unchecked",
        "stale",
        "rejected",
    ]
    assert set(data["presets"]["review"]) == {"supported", "contradicted", "not_found", "unchecked", "stale"}
    assert "library" not in raw


def test_page_loads_nothing_from_outside(newsroom):
    html_text = page.render(report_of(newsroom))
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:|//)""", html_text)
    assert "@import" not in html_text and "url(" not in html_text
    assert "<link" not in html_text


def test_policy_allows_exactly_the_page_own_script_and_style(newsroom):
    html_text = page.render(report_of(newsroom))
    policy = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html_text).group(1))
    assert "default-src 'none'" in policy
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", html_text, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in policy


def test_script_json_cannot_close_its_element():
    out = page.script_json({"t": "</script><!-- & -->"})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"t": "</script><!-- & -->"}


# --- safety: hostile text stays text ------------------------------------------------

# Every tag the report itself writes; a tag from a draft or source would be a new one.
PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "span",
    "div",
    "button",
    "main",
    "nav",
    "ol",
    "ul",
    "li",
    "a",
    "section",
    "mark",
    "aside",
    "blockquote",
    "b",
    "br",
    "small",
    "dl",
    "dt",
    "dd",
    "strong",
    "table",
    "tr",
    "th",
    "td",
    "del",
    "ins",
    "details",
    "summary",
    "code",
    "script",
}


def test_hostile_text_is_escaped_everywhere(tmp_path):
    root = make_hostile_newsroom(tmp_path / "hostile")
    html_text = page.render(report_of(root))
    tags = parse(html_text)
    names = [t for t, _ in tags.tags]
    assert names.count("script") == 2  # the data block and the page's own script
    assert set(names) <= PAGE_TAGS
    assert names.count("style") == 1 and names.count("title") == 1
    for tag, attrs in tags.tags:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        assert not any("javascript:" in (v or "") for v in attrs.values()), (tag, attrs)
        if tag == "a":
            assert re.fullmatch(r"#draft-\d+", attrs.get("href") or ""), attrs
    text = "".join(tags.text)
    assert "<script>window.__pwned = 'draft'</script>" in text
    assert "onerror=alert(9)" in text  # the draft's own file name, shown as text


def test_hostile_claim_id_stays_inside_its_shell_word(tmp_path):
    root = make_hostile_newsroom(tmp_path / "hostile")
    html_text = page.render(report_of(root))
    assert "factcheck approve &#39;drafts/x&lt;img" in html_text  # the shell quote and the tag, both escaped


# --- the command ---------------------------------------------------------------------


def test_command_writes_one_file_and_says_what_is_in_it(newsroom):
    r = run_cli("report", "-o", "out/review.html", cwd=newsroom)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().strip() == "out/review.html: 2 drafts, 7 claims, 5 need review"
    assert "warning: drafts/unscanned.md: not scanned yet" in r.stderr.decode()
    written = (newsroom / "out/review.html").read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and written.rstrip().endswith("</html>")
    assert (newsroom / "out/review.html").stat().st_mode & 0o044 == 0o044


def test_command_selects_drafts_and_can_print_to_stdout(newsroom):
    r = run_cli("report", "drafts/library.md", "-o", "-", cwd=newsroom)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Riverside library" in out and "Not scanned yet" not in out
    assert r.stderr == b""


def test_command_exits_2_on_a_missing_draft(newsroom):
    r = run_cli("report", "drafts/missing.md", "-o", "x.html", cwd=newsroom)
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "factcheck: error: drafts/missing.md: no such file"
    assert "Traceback" not in r.stderr.decode()


def test_command_without_a_newsroom_is_a_config_error(tmp_path):
    r = run_cli("report", cwd=tmp_path)
    assert r.returncode == 2
    assert ".factcheck.yaml" in r.stderr.decode()


def test_a_stale_claims_file_is_a_warning_not_an_error(newsroom):
    write_claims(newsroom, "drafts/library.md", LIBRARY_DRAFT, library_claims(LIBRARY_DRAFT), sha="0" * 64)
    r = run_cli("report", "drafts/library.md", "-o", "r.html", cwd=newsroom)
    assert r.returncode == 0
    assert "changed since it was scanned" in r.stderr.decode()


def git(root: Path, *args: str) -> None:
    import subprocess

    env = {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(root.parent / "gitconfig"),
        "HOME": str(root.parent),
        "GIT_AUTHOR_NAME": "W",
        "GIT_AUTHOR_EMAIL": "w@example.org",
        "GIT_COMMITTER_NAME": "W",
        "GIT_COMMITTER_EMAIL": "w@example.org",
        "PATH": "/usr/bin:/bin",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def test_base_reports_only_the_drafts_a_branch_changed(newsroom):
    git(newsroom, "init", "-q", "-b", "main")
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-q", "-m", "start")
    git(newsroom, "checkout", "-q", "-b", "story")
    (newsroom / "drafts/unscanned.md").write_text(
        "---\ntitle: Ferry\n---\nThe ferry runs every 20 minutes.\n", encoding="utf-8"
    )
    report = report_of_base(newsroom, "main")
    assert [d.path for d in report.drafts] == ["drafts/unscanned.md"]
    (newsroom / "claims/drafts/library.yaml").write_text(
        (newsroom / "claims/drafts/library.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert [d.path for d in report_of_base(newsroom, "main").drafts] == ["drafts/library.md", "drafts/unscanned.md"]


def report_of_base(root: Path, base: str):
    return build_report(load_config(root), base=base, now=NOW)


def test_base_with_drafts_is_a_usage_error(newsroom):
    r = run_cli("report", "drafts/library.md", "--base", "main", cwd=newsroom)
    assert r.returncode == 2
    assert "not both" in r.stderr.decode()


def test_an_unknown_base_says_how_to_fetch_it(newsroom):
    git(newsroom, "init", "-q", "-b", "main")
    git(newsroom, "add", ".")
    git(newsroom, "commit", "-q", "-m", "start")
    r = run_cli("report", "--base", "origin/nowhere", cwd=newsroom)
    assert r.returncode == 2
    assert "git fetch" in r.stderr.decode()


def test_the_page_template_escapes_what_it_is_given():
    """Autoescaping, not a call per value: text put into the template comes out as text."""
    hostile = '"><script>x()</script>'
    passage = model.PassageShown(
        heading="<b>The source says</b>",
        sealed="",
        source=hostile,
        place=" · page <i>3</i>",
        marked=model.marked_words((Run(hostile, 2), Run(" & more", 0))),
        confidential=False,
        verdict="supported",
        reason="a & b",
        score="97",
        diff=(),
        values=(),
        first=True,
        last=True,
    )
    quote = ClaimView(
        n=1, record={"id": "q1", "text": "x"}, state=State.SUPPORTED, kind="quote", start=0, end=1, evidence=()
    )
    claim = dataclasses.replace(model.claim_shown(quote, "d.md"), passages=(passage,))
    draft = DraftView(path="d.md", title=None, meta={}, text="x", body_start=0, claims=(quote,), shown=(claim,))
    side = str(page._parts().claim_details([draft]))
    assert "<script>" not in side and "<b>" not in side and "<i>" not in side
    assert "&lt;b&gt;The source says&lt;/b&gt;" in side and "page &lt;i&gt;3&lt;/i&gt;" in side
    assert '<span class="w2">&#34;&gt;&lt;script&gt;x()&lt;/script&gt;</span> &amp; more' in side
    assert "<strong>supported</strong> — a &amp; b" in side

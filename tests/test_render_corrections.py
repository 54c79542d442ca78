"""The published corrections page: what a reader sees, with every piece of draft text escaped."""

from __future__ import annotations

from factcheck.policy.corrections import LogEntry
from factcheck.render.corrections import as_html


def _entry(**changes) -> LogEntry:
    fields = dict(
        draft="drafts/ferry.md",
        title='Ferry fares "frozen" <for now>',
        url='https://paper.example.org/ferry?a=1&b="2"',
        published="2026-02-01T08:00:00Z",
        at="2026-02-03T10:15:00Z",
        name="Rita Reviewer",
        by="rita@example.org",
        was="£2.40",
        now="£2.60",
        note="An earlier version gave the old fare.",
        claim="f-0123456789",
        corrects="abc1234",
    )
    fields.update(changes)
    return LogEntry(**fields)


def test_an_empty_log_says_so_on_a_whole_page():
    page = as_html([], newsroom="Harbour Gazette")
    assert page.startswith("<!doctype html>\n") and page.endswith("</html>\n")
    assert "<title>Corrections: Harbour Gazette</title>" in page and "<p>No corrections.</p>" in page
    assert "<ol>" not in page


def test_draft_text_is_escaped_in_text_and_in_attributes():
    page = as_html([_entry(note="<script>alert(1)</script>")])
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;for now&gt;" in page and "<for now>" not in page
    assert 'href="https://paper.example.org/ferry?a=1&amp;b=&#34;2&#34;"' in page
    assert "<del>£2.40</del> Now: <ins>£2.60</ins>" in page


def test_a_claim_taken_out_and_a_story_with_no_url():
    page = as_html([_entry(now=None, url=None, title=None)])
    assert "<em>taken out</em>" in page and "<ins>" not in page
    assert '<p class="story">drafts/ferry.md <time datetime="2026-02-03T10:15:00Z">2026-02-03</time></p>' in page
    assert "rita@example.org" not in page and "Approved by Rita Reviewer" in page

"""The report in a real headless Chromium: clicking, filtering, printing, and running nothing hostile.

Chromium comes from the system's packages (scripts/test-system-deps.sh), never from a
browser download. Without it these tests skip and say why.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import pytest

from factcheck.config import load_config
from factcheck.render.html import render
from factcheck.report import build_report
from tests.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.helpers import run_cli
from tests.report_newsroom import make_hostile_newsroom, make_newsroom

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: run scripts/test-system-deps.sh (apt-get install chromium)")
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.skip(f"Chromium at {CHROMIUM} could not be launched: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    pg = context.new_page()
    pg.errors = []  # script errors on the page fail the test that loaded it
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def write_report(root: Path, out: Path) -> Path:
    report = build_report(load_config(root), now=dt.datetime(2025, 5, 2, 12, tzinfo=dt.UTC))
    out.write_text(render(report), encoding="utf-8")
    return out


@pytest.fixture
def library_page(page, tmp_path):
    html_file = write_report(make_newsroom(tmp_path / "newsroom"), tmp_path / "report.html")
    page.goto(html_file.as_uri())
    return page


def visible_list_items(pg) -> int:
    return pg.locator("#list-view li:not(.group)").evaluate_all(
        "els => els.filter(e => e.offsetParent !== null).length"
    )


def test_clicking_a_claim_shows_its_evidence_side_by_side(library_page, tmp_path):
    pg = library_page
    assert pg.locator("#d3").is_hidden()
    pg.click("#c3")
    panel = pg.locator("#d3")
    assert panel.is_visible()
    assert pg.locator("#list-view").is_hidden()
    assert panel.locator(".compare .side").count() == 2
    assert panel.locator(".diff del").first.inner_text() == "safe"
    assert panel.locator(".diff ins").first.inner_text() == "quiet"
    assert "one word differs" in panel.inner_text()
    assert "sel" in pg.locator("#c3").get_attribute("class")
    shot = tmp_path / "report-evidence.png"
    pg.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    assert pg.errors == []


def test_list_next_previous_and_escape(library_page):
    pg = library_page
    pg.click("[data-pick='5']")
    assert pg.locator("#d5").is_visible()
    pg.keyboard.press("j")
    assert pg.locator("#d6").is_visible() and pg.locator("#d5").is_hidden()
    pg.click("#detail-nav [data-act='prev']")
    assert pg.locator("#d5").is_visible()
    pg.keyboard.press("Escape")
    assert pg.locator("#list-view").is_visible() and pg.locator("#d5").is_hidden()
    assert pg.locator("#detail-nav").is_hidden()
    assert pg.errors == []


def test_needs_review_narrows_list_and_text(library_page):
    pg = library_page
    assert visible_list_items(pg) == 7
    pg.click("[data-preset='review']")
    assert visible_list_items(pg) == 5
    assert pg.locator("[data-preset='review']").get_attribute("aria-pressed") == "true"
    background = pg.locator("#c2").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgba(0, 0, 0, 0)"  # the approved figure is no longer highlighted
    pg.keyboard.press("j")
    assert pg.locator("#d1").is_visible()
    pg.keyboard.press("j")
    assert pg.locator("#d3").is_visible()  # the approved #2 is skipped
    pg.keyboard.press("Escape")
    pg.click("[data-filter-kind='quote']")
    assert visible_list_items(pg) == 4  # the contradicted quote goes too
    assert pg.locator("[data-preset='review']").get_attribute("aria-pressed") == "false"
    pg.click("[data-preset='all']")
    assert visible_list_items(pg) == 7
    assert pg.errors == []


def test_a_link_to_a_claim_opens_it(page, tmp_path):
    html_file = write_report(make_newsroom(tmp_path / "newsroom"), tmp_path / "report.html")
    page.goto(html_file.as_uri() + "#c6")
    assert page.locator("#d6").is_visible()
    assert "1961" in page.locator("#d6 .history").inner_text() or "1961" in page.locator("#d6").inner_text()


def test_print_shows_every_claim_with_its_evidence(library_page):
    pg = library_page
    pg.emulate_media(media="print")
    assert pg.locator("section.detail").evaluate_all(
        "els => els.every(e => e.offsetParent !== null || getComputedStyle(e).display === 'block')"
    )
    assert pg.locator(".bar").is_hidden()
    pdf = pg.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_a_narrow_window_keeps_the_evidence_on_screen(page, tmp_path):
    html_file = write_report(make_newsroom(tmp_path / "newsroom"), tmp_path / "report.html")
    page.set_viewport_size({"width": 800, "height": 700})
    page.goto(html_file.as_uri())
    page.click("#c4")
    box = page.locator("#panel").bounding_box()
    assert box["y"] + box["height"] <= 700 + 1 and box["y"] > 200
    page.screenshot(path=str(tmp_path / "narrow.png"))


@pytest.mark.parametrize("policy", ["with policy", "escaping alone"])
def test_hostile_drafts_and_sources_run_nothing(page, tmp_path, policy):
    root = make_hostile_newsroom(tmp_path / "hostile")
    html_text = render(build_report(load_config(root)))
    if policy == "escaping alone":  # prove escaping holds even without the page's policy
        html_text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html_text)
        assert "Content-Security-Policy" not in html_text
    html_file = tmp_path / "hostile.html"
    html_file.write_text(html_text, encoding="utf-8")

    dialogs, requests = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html_file.as_uri())
    for n in (1, 2, 3):
        page.hover(f"#c{n}")
        page.click(f"#c{n}")
        page.locator(f"#d{n}").hover()
        assert page.locator(f"#d{n}").is_visible()
    page.click("#d1 details.more summary") if page.locator("#d1 details.more").count() else None
    page.wait_for_timeout(200)

    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert requests == [html_file.as_uri()]
    assert page.evaluate("document.scripts.length") == 2
    assert (
        page.evaluate(
            "document.querySelectorAll('img, svg, iframe, a[href^=\"javascript\"], [onerror], [onload], [onmouseover]').length"
        )
        == 0
    )
    assert "<script>window.__pwned = 'draft'</script>" in page.locator(".text").inner_text()
    assert page.errors == []


def test_report_of_the_example_newsroom_in_the_browser(page, tmp_path):
    """The repository's own example newsroom, scanned and reported as a newsroom would."""
    root = tmp_path / "example"
    root.mkdir()
    shutil.copy(REPO / ".factcheck.yaml", root / ".factcheck.yaml")
    shutil.copytree(REPO / "examples", root / "examples")
    assert run_cli("scan", "-q", cwd=root).returncode == 0
    r = run_cli("report", "-o", "report.html", cwd=root)
    assert r.returncode == 0, r.stderr
    page.goto((root / "report.html").as_uri())
    marks = page.locator("mark.c.first")
    if marks.count() == 0:
        assert "No claims yet" in page.locator("#list-view").inner_text()
        return
    marks.first.click()
    assert page.locator("section.detail:not([hidden])").count() == 1
    page.screenshot(path=str(tmp_path / "example.png"), full_page=True)
    assert page.errors == []


def test_the_report_renders_each_draft_from_markdown(browser, tmp_path):
    """At 1400×1000 the example drafts read like the story: headline, byline, paragraphs, links."""
    root = tmp_path / "example"
    root.mkdir()
    shutil.copy(REPO / ".factcheck.yaml", root / ".factcheck.yaml")
    shutil.copytree(REPO / "examples", root / "examples")
    shutil.copytree(REPO / "claims", root / "claims")
    r = run_cli("report", "-o", "report.html", cwd=root)
    assert r.returncode == 0, r.stderr
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto((root / "report.html").as_uri())
    first = pg.locator("section.draft").first
    assert first.locator(".text h1").count() == 1
    headline = first.locator(".text h1").inner_text()
    assert not headline.startswith("#")
    assert first.locator(".text p").count() >= 3
    text = first.locator(".text").inner_text()
    assert "\n# " not in text and not text.startswith("# ") and "](" not in text
    assert first.locator(".text mark.c.first").count() >= 5  # claims still highlighted in the rendered text
    assert pg.title().startswith("Fact-check report: ") and pg.title() != f"Fact-check report: {root.name}"
    shot = tmp_path / "report-markdown-1400x1000.png"
    pg.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    keep = os.environ.get("FACTCHECK_SCREENSHOTS")
    if keep:  # keep a copy to look at
        shutil.copy(shot, Path(keep) / shot.name)
    assert errors == []
    context.close()

"""Loading sources of every format, and the errors bad sources get."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.sources import load_source, resolve
from tests.sourcefiles import ARTICLE_HTML, docx_file, encrypted_pdf, tiny_pdf


def write(path: Path, data) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_markdown_source_keeps_text_and_takes_date_from_front_matter(tmp_path):
    p = write(tmp_path / "notes.md", "---\ndate: 2021-03-04\n---\nThe mayor spoke on Monday.\n")
    src = load_source(p, "notes.md")
    assert src.text.endswith("The mayor spoke on Monday.\n")
    assert src.date.isoformat() == "2021-03-04"
    assert src.text[src.body_start :].startswith("The mayor")


def test_html_source_keeps_article_and_drops_furniture(tmp_path):
    p = write(tmp_path / "page.html", ARTICLE_HTML.format(cost="$4.5 million"))
    src = load_source(p, "page.html")
    assert "We have waited long enough for this pier" in src.text
    assert "$4.5 million" in src.text
    assert "Subscribe to our newsletter" not in src.text
    assert "tracking pixel" not in src.text
    assert "Sport" not in src.text


LAYOUT_HTML = """<html><head><title>Pier works begin | Harbour Trust</title></head><body><article>
<h1>Pier works begin</h1>
<p class="dateline">Posted 2 June 2025</p>
<p>The trust started work on the north pier on Monday<br>and expects to finish by October.</p>
<ul><li>Phase one covers the deck</li><li>Phase two covers the piles</li></ul>
<table><tr><th>Phase</th><th>Cost</th></tr><tr><td>Deck</td><td>$2 million</td></tr></table>
<p>The works are paid for from the trust's maintenance fund, which holds enough for both phases.</p>
</article></body></html>"""


def test_html_blocks_are_kept_apart_so_sentences_do_not_run_across_them(tmp_path):
    from factcheck.extract.sentences import Sentences

    src = load_source(write(tmp_path / "pier.html", LAYOUT_HTML), "pier.html")
    blocks = src.text.split("\n\n")
    assert blocks[:3] == [
        "Pier works begin",
        "Posted 2 June 2025",
        "The trust started work on the north pier on Monday\nand expects to finish by October.",
    ]
    assert "Phase one covers the deck" in blocks and "Phase two covers the piles" in blocks
    assert "Deck | $2 million" in blocks
    sentences = [src.text[s:e] for s, e in Sentences(src.text).spans]
    assert sentences[0] == "Pier works begin"
    assert any(s.startswith("The trust started work") and s.endswith("by October.") for s in sentences)


def test_html_source_keeps_the_page_title_as_provenance(tmp_path):
    src = load_source(write(tmp_path / "pier.html", LAYOUT_HTML), "pier.html")
    assert src.meta["title"] == "Pier works begin | Harbour Trust"
    assert "Harbour Trust" not in src.text


def test_html_made_of_scripts_is_refused_by_name(tmp_path):
    script = "<script>" + "var a = 1;\n" * 2000 + "</script>"
    p = write(tmp_path / "app.html", f"<html><head>{script}</head><body><div id='root'></div></body></html>")
    with pytest.raises(InputError) as exc:
        load_source(p, "sources/app.html")
    assert "sources/app.html" in str(exc.value)
    assert "scripts" in str(exc.value)


def test_pdf_source_knows_its_pages(tmp_path):
    p = write(tmp_path / "report.pdf", tiny_pdf(["The budget rose by 12 percent.", "Spending on roads fell."]))
    src = load_source(p, "report.pdf")
    at = src.text.index("Spending on roads")
    assert src.page_at(at) == 2
    assert src.page_at(src.text.index("budget")) == 1


def test_encrypted_pdf_is_refused_by_name(tmp_path):
    p = write(tmp_path / "locked.pdf", encrypted_pdf(["Secret figures."]))
    with pytest.raises(InputError, match="encrypted") as exc:
        load_source(p, "sources/locked.pdf")
    assert str(exc.value).startswith("sources/locked.pdf")


def test_damaged_pdf_is_refused_by_name(tmp_path):
    p = write(tmp_path / "broken.pdf", b"%PDF-1.4\nthis is not really a pdf at all\n")
    with pytest.raises(InputError) as exc:
        load_source(p, "sources/broken.pdf")
    assert "sources/broken.pdf" in str(exc.value)


def test_vtt_transcript_keeps_timestamps_and_carries_speakers(tmp_path):
    vtt = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nANNA LINDQVIST: The bridge will reopen in May.\n\n"
        "00:00:04.500 --> 00:00:07.000\nWe are confident about that date.\n\n"
        "00:00:08.000 --> 00:00:09.500\n<v Tom Reyes>Not everyone is so sure.</v>\n"
    )
    src = load_source(write(tmp_path / "briefing.vtt", vtt), "briefing.vtt")
    cue = src.cue_at(src.text.index("confident"))
    assert (cue.timestamp, cue.speaker) == ("00:00:04.500", "ANNA LINDQVIST")
    assert src.cue_at(src.text.index("Not everyone")).speaker == "Tom Reyes"


def test_srt_transcript_keeps_timestamps_and_labels(tmp_path):
    text = "1\n00:01:02,500 --> 00:01:05,000\nQ: When does it open?\n\n2\n00:01:05,500 --> 00:01:08,000\nMAYOR: In the spring.\n"
    src = load_source(write(tmp_path / "q.srt", text), "q.srt")
    cue = src.cue_at(src.text.index("spring"))
    assert cue.timestamp == "00:01:05.500"
    assert cue.speaker == "MAYOR"


def test_docx_source_reads_paragraphs(tmp_path):
    p = docx_file(tmp_path / "memo.docx", ["First paragraph of the memo.", "The fund holds 300 million euros."])
    src = load_source(p, "memo.docx")
    assert "The fund holds 300 million euros." in src.text
    assert src.text.index("First") < src.text.index("The fund")


def test_huge_source_is_refused_by_name(tmp_path, monkeypatch):
    import factcheck.sources as sources

    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    p = write(tmp_path / "dump.txt", "word " * 1000)
    with pytest.raises(InputError, match="too large") as exc:
        sources.read_bytes(p, "sources/dump.txt", limit=sources.MAX_SOURCE_BYTES)
    assert "sources/dump.txt" in str(exc.value)


def _config(root: Path, **kw) -> Config:
    return Config(root=root, **kw)


def test_resolve_expands_globs_and_folders(tmp_path):
    write(tmp_path / "sources/a.txt", "a")
    write(tmp_path / "sources/b.txt", "b")
    write(tmp_path / "sources/b.txt.source.yaml", "source: b.txt\n")
    write(tmp_path / "wire/2020/c.txt", "c")
    got = resolve.for_draft(_config(tmp_path, archives=("wire",)), ["sources/*.txt"])
    assert got.paths == ["sources/a.txt", "sources/b.txt", "wire/2020/c.txt"]
    assert not got.errors


def test_resolve_reports_missing_and_outside_sources_but_keeps_the_rest(tmp_path):
    outside = write(tmp_path.parent / f"{tmp_path.name}-secret.txt", "password")
    root = tmp_path / "newsroom"
    write(root / "sources/good.txt", "fine")
    os.symlink(outside, root / "sources/link.txt")
    got = resolve.for_draft(_config(root), ["sources/good.txt", "sources/gone.txt", "../x.txt", "sources/link.txt"])
    assert got.paths == ["sources/good.txt"]
    messages = " | ".join(str(e) for e in got.errors)
    assert "sources/gone.txt" in messages and "does not exist" in messages
    assert "../x.txt" in messages and "outside the newsroom" in messages
    assert "sources/link.txt" in messages


def test_draft_without_sources_uses_the_sources_folder(tmp_path):
    write(tmp_path / "sources/a.txt", "a")
    got = resolve.for_draft(_config(tmp_path), [])
    assert got.paths == ["sources/a.txt"]


def test_sidecar_folders_list_each_folder_once_and_take_a_callers_listing_first(tmp_path, monkeypatch):
    from factcheck.sources import SidecarFolders

    (tmp_path / "wire").mkdir()
    (tmp_path / "wire/a.txt").write_text("a", encoding="utf-8")
    (tmp_path / "wire/a.txt.source.yaml").write_text("confidential: true\n", encoding="utf-8")
    (tmp_path / "wire/b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "top.txt").write_text("t", encoding="utf-8")
    listings: list[str] = []
    real = os.listdir
    monkeypatch.setattr(os, "listdir", lambda path: listings.append(str(path)) or real(path))

    folders = SidecarFolders(tmp_path)
    assert [folders.has_sidecar(p) for p in ("wire/a.txt", "wire/b.txt", "top.txt", "gone/x.txt")] == [
        True,
        False,
        False,
        False,
    ]
    assert len(listings) == 3  # wire, the root and the missing folder, each once
    folders.has_sidecar("wire/b.txt")
    assert len(listings) == 3

    told = SidecarFolders(tmp_path, listed=lambda p: {"wire/b.txt": True, "wire/a.txt": False}.get(p))
    assert told.has_sidecar("wire/b.txt") is True and told.has_sidecar("wire/a.txt") is False
    assert told.has_sidecar("top.txt") is False  # a folder the caller did not list is listed here

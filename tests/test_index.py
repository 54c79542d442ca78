"""The source index: finds passages, and re-reads only what changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.sources.index import SourceIndex, file_date
from factcheck.sources.search import Searcher
from factcheck.sources.segment import chunk_spans

PARAGRAPH = (
    "The {place} water board met on {day} to discuss the reservoir. Members heard that the dam "
    "at {place} needs repairs costing {cost}, and that the work would take {months} months.\n\n"
)


def marker(i: int) -> str:
    return "zyx" + chr(97 + i % 26) + chr(97 + i // 26) + "q"


def story(i: int) -> str:
    places = ["Aldmere", "Brookfold", "Carrow", "Dunholt", "Eastwick", "Fenmarsh"]
    parts = [
        PARAGRAPH.format(
            place=places[(i + k) % 6], day=["Monday", "Tuesday"][k % 2], cost=f"${i * 10 + k} million", months=k + 3
        )
        for k in range(6)
    ]
    return "".join(parts) + f"Story number {i} ends with a unique marker word {marker(i)}.\n"


@pytest.fixture
def archive(tmp_path) -> Path:
    for i in range(40):
        (tmp_path / "wire").mkdir(exist_ok=True)
        (tmp_path / "wire" / f"story-{i:03d}.txt").write_text(story(i))
    return tmp_path


def paths(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "wire").glob("*.txt"))


def open_index(root: Path) -> SourceIndex:
    return SourceIndex(root / ".factcheck", root)


def test_search_finds_the_passage_holding_a_sentence(archive):
    index = open_index(archive)
    report = index.refresh(paths(archive), workers=1)
    assert len(report.docs) == 40 and not report.errors
    searcher = Searcher(index.dir, list(report.docs.values()))
    query = f"Story number 17 ends with a unique marker word {marker(17)}."
    seg, chunk, _ = searcher.candidates(query)[0]
    passage = searcher.passage(seg, chunk)
    assert passage.doc.path == "wire/story-017.txt"
    text = (archive / passage.doc.path).read_text()
    assert text[passage.start : passage.end] == passage.text
    assert query in passage.text


def test_search_only_looks_in_the_allowed_sources(archive):
    index = open_index(archive)
    report = index.refresh(paths(archive), workers=1)
    allowed = [d for p, d in report.docs.items() if p != "wire/story-017.txt"]
    searcher = Searcher(index.dir, allowed)
    for seg, chunk, _ in searcher.candidates(f"unique marker word {marker(17)}"):
        assert searcher.passage(seg, chunk).doc.path != "wire/story-017.txt"


def test_refresh_rereads_only_changed_sources(archive):
    index = open_index(archive)
    files = paths(archive)
    assert len(index.refresh(files, workers=1).reindexed) == 40
    assert index.refresh(files).reindexed == []
    target = archive / "wire/story-005.txt"
    os.utime(target, ns=(1, 1))  # touched, not changed: no re-read of the text
    assert index.refresh(files).reindexed == []
    target.write_text(story(5).replace(marker(5), "newmarker"))
    report = index.refresh(files)
    assert report.reindexed == ["wire/story-005.txt"]
    searcher = Searcher(index.dir, list(report.docs.values()))
    seg, chunk, _ = searcher.candidates("unique marker word newmarker")[0]
    assert searcher.passage(seg, chunk).doc.path == "wire/story-005.txt"
    old_words = [searcher.passage(seg, chunk).text for seg, chunk, _ in searcher.candidates(marker(5))]
    assert not any(marker(5) in text for text in old_words)


def test_deleted_sources_leave_the_index(archive):
    index = open_index(archive)
    index.refresh(paths(archive), workers=1)
    (archive / "wire/story-000.txt").unlink()
    report = index.refresh(paths(archive))
    assert "wire/story-000.txt" not in index.docs()
    assert len(report.docs) == 39


def test_bad_source_is_reported_each_run_without_stopping_others(archive):
    bad = archive / "wire" / "locked.pdf"
    bad.write_bytes(b"%PDF-1.4 not a pdf")
    files = paths(archive) + ["wire/locked.pdf"]
    index = open_index(archive)
    first = index.refresh(files, workers=1)
    second = index.refresh(files, workers=1)
    for report in (first, second):
        assert [e.path for e in report.errors] == ["wire/locked.pdf"]
        assert len(report.docs) == 40


def test_many_small_updates_are_compacted(archive):
    index = open_index(archive)
    files = paths(archive)
    index.refresh(files, workers=1)
    for i in range(10):
        (archive / f"wire/story-{i:03d}.txt").write_text(story(i) + f"Update {i}.\n")
        index.refresh(files, workers=1)
    assert len(index.segment_names()) <= 7
    searcher = Searcher(index.dir, list(index.docs().values()))
    seg, chunk, _ = searcher.candidates(f"unique marker word {marker(3)}")[0]
    assert searcher.passage(seg, chunk).doc.path == "wire/story-003.txt"


def test_parallel_build_matches_serial_build(archive, tmp_path_factory):
    import factcheck.sources.index as index_mod

    old = index_mod.SEGMENT_CHARS
    index_mod.SEGMENT_CHARS = 5000  # several segments from a small archive
    try:
        index = open_index(archive)
        report = index.refresh(paths(archive), workers=2)
    finally:
        index_mod.SEGMENT_CHARS = old
    assert len(index.segment_names()) > 1
    searcher = Searcher(index.dir, list(report.docs.values()))
    seg, chunk, _ = searcher.candidates(f"marker word {marker(33)}")[0]
    assert searcher.passage(seg, chunk).doc.path == "wire/story-033.txt"


def test_a_passage_with_no_padding_is_its_own_chunk_alone(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "long.txt").write_text(
        "".join(f"Paragraph {i} says the pier opened in {1900 + i}.\n" for i in range(120))
    )
    index = open_index(tmp_path)
    report = index.refresh(["wire/long.txt"], workers=1)
    searcher = Searcher(index.dir, list(report.docs.values()))
    seg, chunk = 0, 1  # the second chunk of the one source: its first chunk comes before it
    own_start, own_text = searcher.segments[seg].chunk_text(chunk)
    alone = searcher.passage(seg, chunk, pad=0)
    assert (alone.start, alone.text) == (own_start, own_text)
    padded = searcher.passage(seg, chunk, pad=10)
    assert (padded.start, len(padded.text)) == (own_start - 10, len(own_text) + 20)
    assert padded.text[10:-10] == own_text


def test_chunks_cover_the_text_without_gaps():
    text = ("A sentence of news copy goes here. " * 200).strip()
    spans = chunk_spans(text, 0, target=300)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert max(e - s for s, e in spans) <= 450


def test_file_names_can_date_a_source():
    assert file_date("wire/2016-09-12-debate.txt").isoformat() == "2016-09-12"
    assert file_date("wire/notes.txt") is None


def test_the_index_keeps_whose_source_it_is(tmp_path):
    (tmp_path / "sources").mkdir()
    page = "<html><head><title>Ferry timetable changes | Harbour Trust</title></head><body><article>"
    page += (
        "<p>"
        + "Crossings will run every twenty minutes from Monday, the timetable shows. " * 5
        + "</p></article></body></html>"
    )
    (tmp_path / "sources/notice.html").write_text(page)
    (tmp_path / "sources/memo.txt").write_text("Crossings will run every twenty minutes.\n")
    (tmp_path / "sources/memo.txt.source.yaml").write_text(
        "source: memo.txt\nurl: https://ferries.example.org/memo\nsha256: abc\n"
    )
    index = open_index(tmp_path)
    docs = index.refresh(["sources/notice.html", "sources/memo.txt"], workers=1).docs
    assert "Harbour Trust" in docs["sources/notice.html"].about
    assert docs["sources/memo.txt"].about == "https://ferries.example.org/memo"


def test_an_index_written_by_an_older_version_is_rebuilt(archive):
    import sqlite3

    state = archive / ".factcheck" / "index"
    state.mkdir(parents=True)
    db = sqlite3.connect(str(state / "catalogue.sqlite"))
    db.executescript(
        "CREATE TABLE docs (path TEXT PRIMARY KEY, doc_id INTEGER UNIQUE, sha256 TEXT, size INTEGER, mtime_ns INTEGER,"
        " segment TEXT, kind TEXT, date TEXT, body_start INTEGER, chars INTEGER, marks TEXT);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema', '1');"
    )
    db.commit()
    db.close()
    report = open_index(archive).refresh(paths(archive), workers=1)
    assert len(report.docs) == 40 and len(report.reindexed) == 40


def _in_another_process(code: str, archive: Path):
    import subprocess
    import sys

    setup = (
        f"from pathlib import Path\nfrom factcheck.sources.index import SourceIndex\nroot = Path({str(archive)!r})\n"
    )
    return subprocess.Popen([sys.executable, "-c", setup + code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _old_version_index(archive: Path) -> Path:
    import sqlite3

    state = archive / ".factcheck" / "index"
    state.mkdir(parents=True)
    db = sqlite3.connect(str(state / "catalogue.sqlite"))
    db.executescript(
        "CREATE TABLE docs (path TEXT PRIMARY KEY); CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "INSERT INTO meta VALUES ('schema', '1');"
    )
    db.commit()
    db.close()
    (state / "seg-000001.bin").write_bytes(b"a segment another process may be reading")
    return state


def _schema(state: Path) -> str:
    import sqlite3

    db = sqlite3.connect(str(state / "catalogue.sqlite"))
    try:
        return db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()[0]
    finally:
        db.close()


def test_rebuilding_an_old_index_waits_for_the_update_in_progress(archive):
    import time

    from filelock import FileLock

    state = _old_version_index(archive)
    with FileLock(str(state / "update.lock")):
        opener = _in_another_process("SourceIndex(root / '.factcheck', root).close()", archive)
        time.sleep(1.5)
        assert opener.poll() is None, opener.communicate()
        assert (state / "seg-000001.bin").exists() and _schema(state) == "1"
    assert opener.wait(timeout=60) == 0, opener.communicate()
    assert not (state / "seg-000001.bin").exists() and _schema(state) != "1"


def test_two_processes_opening_a_fresh_index_at_once_agree(archive):
    import json

    code = (
        "import json\n"
        f"paths = {paths(archive)!r}\n"
        "index = SourceIndex(root / '.factcheck', root)\n"
        "docs = index.refresh(paths, workers=1).docs\n"
        "print(json.dumps({p: [d.sha256, d.segment] for p, d in sorted(docs.items())}))\n"
        "index.close()\n"
    )
    runs = [_in_another_process(code, archive) for _ in range(2)]
    outs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [o[1].decode() for o in outs]
    first, second = (json.loads(o[0]) for o in outs)
    assert len(first) == 40 and first == second
    on_disk = sorted(p.name for p in (archive / ".factcheck" / "index").glob("seg-*.bin"))
    assert on_disk == sorted({seg for _, seg in first.values()})


def test_a_segment_of_repeated_lines_indexes_each_chunk_under_its_own_terms(tmp_path):
    """Wire updates repeat most lines of the last version; each chunk must still be found
    under exactly the terms of its own text, however often its lines were seen before."""
    import numpy as np

    from factcheck.sources import segment, terms

    first = story(1)
    update = first.replace("$10 million", "$12 million").replace("\n\n", "\n\nA line added on update.\n", 1)
    odd = "Zebra crossings\nzebra  CROSSINGS\r\nit's 6,000 or 6000\n\n\nzebra"
    docs = [(1, first, 0), (2, update, 0), (3, first, 0), (4, odd, 0)]
    path = tmp_path / "seg.bin"
    segment.build(docs, path)
    seg = segment.Segment(path)
    for chunk in range(seg.n_chunks):
        want = terms.query_terms(seg.chunk_text(chunk)[1])
        held = {h for h, ids in zip(want.tolist(), seg.chunks_of(want)) if chunk in ids.tolist()}
        assert held == set(want.tolist()), seg.chunk_text(chunk)[1]
    # Each document's chunks point back at it.
    assert sorted(set(np.asarray(seg.chunk_doc).tolist())) == [1, 2, 3, 4]
    seg.close()


def test_segments_are_cut_even_and_as_many_as_a_multiple_of_the_workers(archive):
    import factcheck.sources.index as index_mod

    old = index_mod.SEGMENT_CHARS
    total = sum((archive / p).stat().st_size for p in paths(archive))
    index_mod.SEGMENT_CHARS = total // 3 + 1  # three segments' worth of text
    try:
        index = open_index(archive)
        index.refresh(paths(archive), workers=2)
        sizes = [row[0] for row in index.db.execute("SELECT chars FROM segments")]
    finally:
        index_mod.SEGMENT_CHARS = old
    assert len(sizes) == 4  # three rounded up to two workers' multiple
    assert max(sizes) - min(sizes) < 2 * max(len(story(i)) for i in range(40))


def _layout(index: SourceIndex) -> tuple:
    return index.segment_names(), sorted((p, d.doc_id, d.segment) for p, d in index.docs().items())


def test_a_deleted_source_that_leaves_its_segment_mostly_dead_is_compacted_in_the_same_run(archive):
    """The run that forgets a deleted source rebuilds the segment it leaves mostly dead;
    the next run, with nothing changed, leaves the index exactly as it is. An index that
    moved sources on a run with nothing changed would give that run other verdicts."""
    index = open_index(archive)
    files = paths(archive)
    index.refresh(files, workers=1)
    big = archive / "wire/digest.txt"
    big.write_text("".join(story(i) for i in range(60)))  # a segment of its own, most of it this file
    (archive / "wire/story-039.txt").write_text(story(39) + "Corrected.\n")
    index.refresh(files + ["wire/digest.txt"], workers=1)
    assert index.docs()["wire/digest.txt"].segment == index.docs()["wire/story-039.txt"].segment
    big.unlink()
    index.refresh(files, workers=1)
    after_delete = _layout(index)
    assert "wire/digest.txt" not in index.docs()
    index.refresh(files, workers=1)
    assert _layout(index) == after_delete


def test_equally_good_chunks_make_the_list_in_index_order_whatever_else_is_indexed(archive):
    """Candidates tied on score are taken in index order, never as a partial sort happens
    to meet them: a source added elsewhere must not swap which of them make the list."""
    for i in range(40):
        (archive / f"wire/copy-{i:03d}-a.txt").write_text(story(7))  # forty copies, all tied,
        (archive / f"wire/copy-{i:03d}-b.txt").write_text(story(200 + i))  # between others scoring less
    files = sorted(p.relative_to(archive).as_posix() for p in (archive / "wire").glob("*.txt"))
    index = open_index(archive)
    report = index.refresh(files, workers=1)
    query = f"Story number 7 ends with a unique marker word {marker(7)}."
    copies = sorted(d.doc_id for p, d in report.docs.items() if p.endswith(("-a.txt", "story-007.txt")))

    def listed(docs) -> list[str]:
        searcher = Searcher(index.dir, docs)
        return [searcher.passage(seg, chunk).doc.path for seg, chunk, _ in searcher.candidates(query, limit=24)]

    first = listed(list(report.docs.values()))
    by_id = {d.doc_id: p for p, d in report.docs.items()}
    assert first == [by_id[i] for i in copies[:24]]
    for extra in range(1, 30):
        (archive / f"wire/other-{extra:03d}.txt").write_text(story(100 + extra))
        files.append(f"wire/other-{extra:03d}.txt")
    report = index.refresh(files, workers=1)
    assert listed(list(report.docs.values())) == first


@pytest.mark.parametrize("from_walk", [False, True])
def test_a_sidecar_added_edited_or_removed_reindexes_its_source_alone(archive, from_walk):
    """A sidecar holds a source's provenance and date: the index reads them again when it
    changes, whether the folder listing comes from the glob's walk or the index's own."""
    from factcheck.config import load_config
    from factcheck.sources.resolve import Resolver

    (archive / ".factcheck.yaml").write_text("")
    files = paths(archive)
    index = open_index(archive)

    def refresh() -> list[str]:
        listed = None
        if from_walk:
            resolver = Resolver(load_config(archive))
            assert resolver.for_draft(["wire/*.txt"]).paths == files
            listed = resolver.listed
        return index.refresh(files, workers=1, listed=listed).reindexed

    assert len(refresh()) == 40
    assert refresh() == []
    side = archive / "wire/story-004.txt.source.yaml"
    side.write_text("source: story-004.txt\npublisher: Dunholt Water Board\n")
    assert refresh() == ["wire/story-004.txt"]
    assert "Dunholt Water Board" in index.docs()["wire/story-004.txt"].about
    assert refresh() == []
    side.write_text("source: story-004.txt\npublisher: Carrow Gazette\n")
    assert refresh() == ["wire/story-004.txt"]
    assert "Carrow Gazette" in index.docs()["wire/story-004.txt"].about
    side.unlink()
    assert refresh() == ["wire/story-004.txt"]
    assert "Carrow" not in index.docs()["wire/story-004.txt"].about
    assert refresh() == []


def test_lowered_reading_budgets_rebuild_the_index_and_the_same_ones_do_not(archive):
    from factcheck.config import Limits

    files = paths(archive)
    SourceIndex(archive / ".factcheck", archive).refresh(files, workers=1)
    same = SourceIndex(archive / ".factcheck", archive, Limits(fetch_seconds=5))  # not a reading budget
    assert same.refresh(files, workers=1).reindexed == []
    lower = SourceIndex(archive / ".factcheck", archive, Limits(source_mb=1))
    assert len(lower.refresh(files, workers=1).reindexed) == 40
    assert lower.refresh(files, workers=1).reindexed == []

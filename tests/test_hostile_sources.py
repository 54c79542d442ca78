"""Sources over a budget (unpacked size, page size, time) are one error line each; the rest are used."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
import zipfile
from pathlib import Path

import pytest

from factcheck.config import Limits, parse_config
from factcheck.errors import InputError
from factcheck.sources import OverBudget, parse_source
from tests.hostile import assert_one_line_exit_2, committed_newsroom, run_bounded, tree_digest
from tests.sourcefiles import docx_file

DRAFT = "---\ndate: 2026-03-01\nsources:\n  - sources/*\n---\nThe port handled 4.2 million containers last year.\n"
GOOD = "The port handled 4.2 million containers last year, its annual report says.\n"


def zip_bomb_docx(path: Path, unpacked_mb: int) -> Path:
    """A real .docx with one more part that unpacks to `unpacked_mb` MB of XML, written in pieces."""
    docx_file(path, ["The port handled 4.2 million containers."])
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/padding.xml", "w", force_zip64=True) as part,
    ):
        block = b"<w:p/>" * (1 << 17)
        for _ in range(unpacked_mb * (1 << 20) // len(block)):
            part.write(block)
    return path


def dense_html(size: int) -> bytes:
    paragraph = b"<p>The council met again and said nothing new.</p>"
    return (
        b"<html><head><title>t</title></head><body><article>"
        + paragraph * (size // len(paragraph))
        + b"</article></body></html>"
    )


def _match_with_bad_source(tmp_path, make_bad, config: str = "") -> tuple:
    root = committed_newsroom(
        tmp_path / "nr",
        {"drafts/port.md": DRAFT, "sources/report.txt": GOOD},
        config="reviewers: [ed@example.org]\n" + config,
    )
    bad = make_bad(root / "sources")
    assert run_bounded("scan", cwd=root).returncode == 0
    return root, bad


def _assert_rest_used(root) -> None:
    text = (root / "claims/drafts/port.yaml").read_text(encoding="utf-8")
    assert "verdict: supported" in text and "sources/report.txt" in text


@pytest.mark.slow
def test_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    root, _ = _match_with_bad_source(tmp_path, lambda d: zip_bomb_docx(d / "bomb.docx", 400))
    assert (root / "sources/bomb.docx").stat().st_size < 3 * 1024 * 1024  # small file, 400 MB inside
    r = run_bounded("match", cwd=root)
    assert_one_line_exit_2(r, "sources/bomb.docx", "unpacks to 40", "over the 100 MB budget", "unpacked_mb")
    _assert_rest_used(root)


@pytest.mark.slow
def test_forty_megabyte_html_page_is_refused_at_once(tmp_path):
    def page(folder):
        (folder / "dump.html").write_bytes(dense_html(40 << 20))

    root, _ = _match_with_bad_source(tmp_path, page)
    r = run_bounded("match", cwd=root)
    assert_one_line_exit_2(r, "sources/dump.html", "html_mb")
    _assert_rest_used(root)


@pytest.mark.slow
def test_slow_source_stops_at_the_time_budget_and_the_rest_are_used(tmp_path):
    def page(folder):
        (folder / "slow.html").write_bytes(dense_html(6 << 20))

    root, _ = _match_with_bad_source(tmp_path, page, config="limits:\n  source_seconds: 1\n")
    r = run_bounded("match", cwd=root, seconds=10)
    assert_one_line_exit_2(r, "sources/slow.html", "longer than 1 s", "source_seconds")
    _assert_rest_used(root)


def test_the_alarm_is_gone_once_a_source_is_read():
    import signal

    parse_source(GOOD.encode(), suffix=".txt", display="a.txt", limits=Limits(source_seconds=1))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    time.sleep(1.2)  # an alarm left behind would fire here


def test_pdf_text_past_the_budget_is_refused(monkeypatch):
    from factcheck import sources
    from tests.sourcefiles import tiny_pdf

    monkeypatch.setattr(sources, "MB", 64)  # budgets counted in 64-byte "megabytes"
    data = tiny_pdf(["The port handled 4.2 million containers last year, " * 3] * 3)
    with pytest.raises(OverBudget, match="unpacked_mb"):
        parse_source(data, suffix=".pdf", display="report.pdf", limits=Limits(unpacked_mb=2))


def test_limits_in_config_are_checked():
    assert parse_config("limits:\n  fetch_seconds: 5\n", path="c", root=Path(".")).limits.fetch_seconds == 5
    assert Limits().fetch_seconds == 60 and Limits().source_mb == 50
    for bad in ("limits: 5\n", "limits:\n  html_mb: 0\n", "limits:\n  speed: 3\n", "limits:\n  html_mb: lots\n"):
        with pytest.raises(Exception) as err:
            parse_config(bad, path=".factcheck.yaml", root=Path("."))
        assert str(err.value).startswith(".factcheck.yaml:1: ")


# --- sources add --------------------------------------------------------------------------


@pytest.fixture
def hostile_site():
    """A local server that trickles, redirects to ftp, and sends a gzip bomb."""
    bomb = gzip.compress(b"\0" * (200 << 20), compresslevel=9)
    page = b"<html><body><article><p>" + GOOD.encode() * 8 + b"</p></article></body></html>"

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/trickle":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                try:
                    for _ in range(600):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.5)
                except OSError:
                    pass
            elif self.path == "/steady":
                # 20 KB/s for 2 s: slow, but far above a trickle.
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(10):
                    self.wfile.write(b"y" * 4096)
                    self.wfile.flush()
                    time.sleep(0.2)
            elif self.path == "/slow-headers":
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    for _ in range(600):
                        self.wfile.write(b"X")
                        self.wfile.flush()
                        time.sleep(0.5)
                except OSError:
                    pass
            elif self.path == "/to-ftp":
                self.send_response(302)
                self.send_header("Location", "ftp://127.0.0.1/release.txt")
                self.end_headers()
            elif self.path == "/hop":
                self.send_response(301)
                self.send_header("Location", "/to-ftp")
                self.end_headers()
            elif self.path == "/bomb.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(bomb)))
                self.end_headers()
                self.wfile.write(bomb)
            elif self.path == "/gzip-page.html":
                body = gzip.compress(page)
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def room(tmp_path):
    return committed_newsroom(tmp_path / "nr", {"drafts/port.md": DRAFT}, config="limits:\n  fetch_seconds: 3\n")


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/trickle", "/slow-headers"])
def test_sources_add_stops_at_the_overall_deadline(room, hostile_site, path):
    before = tree_digest(room)
    r = run_bounded("sources", "add", hostile_site + path, cwd=room)
    assert_one_line_exit_2(r, hostile_site + path, "longer than 3 s", "fetch_seconds")
    assert r.seconds < 10
    assert tree_digest(room) == before


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/trickle", "/slow-headers"])
def test_a_trickle_ends_well_before_the_default_deadline(tmp_path, hostile_site, path):
    room = committed_newsroom(tmp_path / "nr", {"drafts/port.md": DRAFT})
    before = tree_digest(room)
    r = run_bounded("sources", "add", hostile_site + path, cwd=room)
    assert_one_line_exit_2(r, hostile_site + path, "under 1 KB/s", "trickle")
    assert r.seconds < 10
    assert tree_digest(room) == before


@pytest.mark.slow
def test_a_slow_but_steady_server_is_not_a_trickle(hostile_site):
    from factcheck.errors import InputError
    from factcheck.sources.download import download

    got = download(hostile_site + "/steady", max_bytes=1 << 20, seconds=30, grace=0.5, min_rate=1024)
    assert got.data == b"y" * 40960
    with pytest.raises(InputError, match="trickle"):
        download(hostile_site + "/trickle", max_bytes=1 << 20, seconds=30, grace=0.5, min_rate=1024)


@pytest.mark.parametrize("path", ["/to-ftp", "/hop"])
def test_sources_add_follows_no_redirect_to_another_scheme(room, hostile_site, path):
    before = tree_digest(room)
    r = run_bounded("sources", "add", hostile_site + path, cwd=room)
    assert_one_line_exit_2(r, "ftp://", "only http and https")
    assert tree_digest(room) == before


@pytest.mark.slow
def test_sources_add_unpacks_no_further_than_the_cap(room, hostile_site):
    before = tree_digest(room)
    r = run_bounded("sources", "add", hostile_site + "/bomb.html", cwd=room, memory=300 << 20)
    assert_one_line_exit_2(r, "/bomb.html", "larger than 50 MB", "source_mb")
    assert tree_digest(room) == before


@pytest.mark.slow
def test_sources_add_unpacks_a_compressed_page(room, hostile_site):
    r = run_bounded("sources", "add", hostile_site + "/gzip-page.html", cwd=room)
    assert r.returncode == 0, r.stderr
    saved = next((room / "sources").glob("*.html")).read_bytes()
    assert saved.startswith(b"<html>") and b"4.2 million" in saved


def test_sources_add_refuses_a_non_http_address():
    from factcheck.sources.download import download

    with pytest.raises(InputError, match="only http and https"):
        download("ftp://127.0.0.1/x", max_bytes=100, seconds=1)

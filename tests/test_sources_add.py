"""`factcheck sources add`: snapshots with provenance, and the draft's front matter."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import threading

import pytest

from factcheck.config import Config
from factcheck.errors import InputError
from factcheck.sources.snapshot import add, with_source
from tests.sourcefiles import ARTICLE_HTML, encrypted_pdf

NOW = dt.datetime(2026, 3, 1, 12, 30, tzinfo=dt.UTC)


@pytest.fixture
def newsroom(tmp_path) -> Config:
    (tmp_path / ".factcheck.yaml").write_text("")
    (tmp_path / "drafts").mkdir()
    return Config(root=tmp_path)


@pytest.fixture
def site():
    """A local web server with one article page, one missing page and one locked PDF."""
    pages = {
        "/news/pier.html": ("text/html", ARTICLE_HTML.format(cost="$4.5 million").encode()),
        "/files/locked": ("application/pdf", encrypted_pdf(["hidden"])),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path not in pages:
                self.send_error(404, "Not Found")
                return
            ctype, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_add_url_snapshots_page_with_provenance(newsroom, site):
    from factcheck.store import yamlio

    got = add(newsroom, f"{site}/news/pier.html", now=NOW)
    saved = newsroom.root / got.path
    assert got.path == "sources/127-0-0-1-pier.html"
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == got.sha256
    meta = yamlio.load((newsroom.root / got.sidecar).read_text(), path="x")
    assert meta["url"] == f"{site}/news/pier.html"
    assert meta["retrieved_at"] == "2026-03-01T12:30:00Z"
    assert meta["sha256"] == got.sha256


def test_add_url_that_fails_names_it(newsroom, site):
    with pytest.raises(InputError, match="404") as exc:
        add(newsroom, f"{site}/missing.html")
    assert "/missing.html" in str(exc.value)
    assert not (newsroom.root / "sources").exists() or not any((newsroom.root / "sources").iterdir())


def test_add_refuses_a_source_that_could_never_be_read(newsroom, site):
    with pytest.raises(InputError, match="encrypted"):
        add(newsroom, f"{site}/files/locked")


def test_add_same_file_twice_keeps_one_copy(newsroom, tmp_path):
    src = tmp_path / "outside" / "Notes From Call.txt"
    src.parent.mkdir()
    src.write_text("The ferry carried 410 passengers.\n")
    first = add(newsroom, str(src), now=NOW)
    second = add(newsroom, str(src), now=NOW)
    assert first.path == second.path == "sources/notes-from-call.txt"
    assert second.existed and not first.existed
    src.write_text("The ferry carried 401 passengers.\n")
    third = add(newsroom, str(src), now=NOW)
    assert third.path == "sources/notes-from-call-2.txt"


def test_add_with_draft_lists_source_and_keeps_other_bytes(newsroom, tmp_path):
    draft = newsroom.root / "drafts" / "pier.md"
    original = "---\r\ntitle: Pier  # keep me\r\nsources:\r\n    - sources/old.txt\r\n---\r\nBody “text”.\r\n"
    draft.write_bytes(original.encode())
    src = tmp_path / "call.txt"
    src.write_text("Words.\n")
    got = add(newsroom, str(src), draft=str(draft))
    assert got.draft_updated
    assert draft.read_bytes().decode() == original.replace(
        "    - sources/old.txt\r\n", "    - sources/old.txt\r\n    - sources/call.txt\r\n"
    )
    assert not add(newsroom, str(src), draft=str(draft)).draft_updated


@pytest.mark.parametrize(
    "before, after",
    [
        ("Just a body.\n", "---\nsources:\n  - sources/x.txt\n---\nJust a body.\n"),
        ("---\ntitle: T\n---\nBody\n", "---\ntitle: T\nsources:\n  - sources/x.txt\n---\nBody\n"),
        (
            "---\nsources: sources/a.txt\ndate: 2020-01-01\n---\nB\n",
            "---\nsources:\n  - sources/a.txt\n  - sources/x.txt\ndate: 2020-01-01\n---\nB\n",
        ),
        (
            "---\nsources:\n- sources/a.txt\n\ndate: 2020-01-01\n---\nB\n",
            "---\nsources:\n- sources/a.txt\n- sources/x.txt\n\ndate: 2020-01-01\n---\nB\n",
        ),
    ],
)
def test_front_matter_edits(before, after):
    assert with_source(before, "sources/x.txt", path="d.md") == after


def test_cli_sources_add(newsroom, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from factcheck.cli import _register, app

    _register()
    src = tmp_path / "brief.txt"
    src.write_text("The pier opens in May.\n")
    draft = newsroom.root / "drafts" / "a.md"
    draft.write_text("---\ntitle: A\n---\nText.\n")
    monkeypatch.chdir(newsroom.root)
    result = CliRunner().invoke(app, ["sources", "add", str(src), "--draft", "drafts/a.md"])
    assert result.exit_code == 0, result.output
    assert "sources/brief.txt: saved" in result.output
    assert "  - sources/brief.txt" in draft.read_text()


def test_a_bad_draft_leaves_no_snapshot_behind(tmp_path):
    import subprocess

    from tests.helpers import run_cli

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert run_cli("init", cwd=tmp_path).returncode == 0
    release = tmp_path / "release.txt"
    release.write_text("The council approved the plan on Monday.\n", encoding="utf-8")
    r = run_cli("sources", "add", str(release), "--draft", "drafts/nope.md", cwd=tmp_path)
    assert r.returncode == 2 and "drafts/nope.md" in r.stderr.decode()
    assert not (tmp_path / "sources").exists() or not any((tmp_path / "sources").iterdir())

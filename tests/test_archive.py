"""The shared archive on a real PostgreSQL server: config, migrations, push, search, errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from factcheck.archive.schema import LATEST, PARTS, part_table
from tests.archive_compare import both_backends, candidates
from tests.helpers import run_cli
from tests.pgserver import PASSWORD

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
E2E = REPO.parent / "shared" / "eval" / "e2e-dev"

RELEASE = """Port authority statement, 11 March 2026

Engineers found corrosion in 14 of the bridge's steel cables during the winter inspection.
The repairs will cost about $18.5 million, the authority said, and the bridge will close for six weeks.
"""

DRAFT = """---
title: Bridge repairs
date: 2026-03-14
sources:
  - wire/port-release-2026-03-11.txt
---
Engineers found corrosion in 14 of the bridge's steel cables, the authority said.
The repairs will cost about $19.5 million, the authority said.
"""


@pytest.fixture
def archive_url(pg_cluster):
    return pg_cluster.new_database()


def _newsroom(tmp_path: Path) -> Path:
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    (repo / "wire").mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".factcheck.yaml").write_text("drafts: [drafts/**/*.md]\nreviewers: [desk@example.org]\n")
    (repo / "wire" / "port-release-2026-03-11.txt").write_text(RELEASE)
    (repo / "drafts" / "bridge.md").write_text(DRAFT)
    return repo


def _psql(url: str, sql: str, params=()):
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else None


def _fc(*args, cwd, url=None, env=None):
    full = dict(env or {})
    if url:
        full["FACTCHECK_ARCHIVE_URL"] = url
    return run_cli(*args, cwd=cwd, env=full)


# --- config ---------------------------------------------------------------------------


def test_archive_key_must_be_a_postgresql_url(tmp_path):
    (tmp_path / ".factcheck.yaml").write_text("archive: mysql://db/archive\n")
    proc = run_cli("archive", "status", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "factcheck: error: .factcheck.yaml:1: `archive` must be a postgresql:// URL"


def test_environment_url_wins_over_the_config(tmp_path, archive_url):
    (tmp_path / ".factcheck.yaml").write_text("archive: postgresql://nobody@127.0.0.1:1/none\n")
    proc = _fc("archive", "migrate", cwd=tmp_path, url=archive_url)
    assert proc.returncode == 0, proc.stderr
    assert f"migrated from no schema to version {LATEST}" in proc.stdout.decode()


def test_no_archive_configured_is_a_config_error(tmp_path):
    (tmp_path / ".factcheck.yaml").write_text("drafts: [drafts/*.md]\n")
    proc = run_cli("archive", "status", cwd=tmp_path, env={"FACTCHECK_ARCHIVE_URL": ""})
    assert proc.returncode == 2
    assert "no archive server configured" in proc.stderr.decode()


def test_without_an_archive_psycopg_is_never_imported(tmp_path):
    repo = _newsroom(tmp_path)
    code = (
        "import sys, runpy; sys.argv = ['factcheck', 'match', '-q']\n"
        "try:\n    runpy.run_module('factcheck', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('psycopg' in sys.modules, file=sys.stderr)\n"
    )
    assert run_cli("scan", cwd=repo).returncode == 0
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, env={**os.environ, "FACTCHECK_ARCHIVE_URL": ""}
    )
    assert proc.stderr.decode().strip().endswith("False")


# --- errors -----------------------------------------------------------------------------


def _one_line_without_password(proc, *, must_say: str) -> str:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert PASSWORD not in err and PASSWORD not in proc.stdout.decode()
    assert must_say in err, err
    return err


def test_unreachable_server_is_one_line_without_the_password(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once the socket is closed
    url = f"postgresql://reporter:{PASSWORD}@127.0.0.1:{port}/archive"
    (tmp_path / ".factcheck.yaml").write_text("")
    err = _one_line_without_password(_fc("archive", "status", cwd=tmp_path, url=url), must_say="cannot connect")
    assert f"archive postgresql://reporter:***@127.0.0.1:{port}/archive" in err


def test_bad_credentials_are_one_line_without_the_password(tmp_path, pg_cluster):
    url = pg_cluster.url(password="wrong-" + PASSWORD)
    (tmp_path / ".factcheck.yaml").write_text("")
    err = _one_line_without_password(
        _fc("archive", "push", ".", cwd=tmp_path, url=url), must_say="password authentication failed"
    )
    assert "wrong-" not in err


def test_match_against_an_unmigrated_server_says_to_migrate(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    assert run_cli("scan", cwd=repo).returncode == 0
    _one_line_without_password(_fc("match", cwd=repo, url=archive_url), must_say="run `factcheck archive migrate`")


def test_a_schema_newer_than_this_factcheck_is_refused(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    _psql(archive_url, "INSERT INTO factcheck_schema (version, description) VALUES (99, 'from the future')")
    assert run_cli("scan", cwd=repo).returncode == 0
    for args in (("match",), ("archive", "push", "wire"), ("archive", "migrate")):
        _one_line_without_password(_fc(*args, cwd=repo, url=archive_url), must_say="schema version 99 is newer")


def test_a_schema_older_than_this_factcheck_is_refused(tmp_path, archive_url, monkeypatch):
    from factcheck.archive import ArchiveError, connect, schema

    assert _fc("archive", "migrate", cwd=tmp_path, url=archive_url).returncode == 0
    monkeypatch.setattr(schema, "LATEST", schema.LATEST + 1)
    with connect(archive_url) as conn, pytest.raises(ArchiveError, match="older than this factcheck's") as info:
        schema.require_current(conn, archive_url)
    assert PASSWORD not in str(info.value)


# --- migrate, push, status, prune ---------------------------------------------------


def test_migrate_twice_at_once_applies_each_step_once(tmp_path, archive_url):
    (tmp_path / ".factcheck.yaml").write_text("")
    with ThreadPoolExecutor(2) as pool:
        procs = list(pool.map(lambda _: _fc("archive", "migrate", cwd=tmp_path, url=archive_url), range(2)))
    assert all(p.returncode == 0 for p in procs), [p.stderr for p in procs]
    assert _psql(archive_url, "SELECT version FROM factcheck_schema ORDER BY 1") == [(v,) for v in range(1, LATEST + 1)]


def test_push_is_idempotent_and_keeps_provenance(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    (repo / "wire" / "page.html").write_text(
        "<html><head><title>Council page</title></head><body><p>The council met on Monday.</p></body></html>"
    )
    (repo / "wire" / "page.html.source.yaml").write_text(
        "url: https://example.org/council\nretrieved_at: 2026-03-10T09:30:00Z\n"
    )
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    first = _fc("archive", "push", "wire", cwd=repo, url=archive_url)
    assert first.returncode == 0, first.stderr
    assert "2 files: 2 added, 0 already" in first.stdout.decode()
    again = _fc("archive", "push", "wire", "wire/page.html", cwd=repo, url=archive_url)
    assert "2 files: 0 added, 2 already" in again.stdout.decode()
    rows = _psql(archive_url, "SELECT path, url, retrieved_at::text, sha256, about FROM documents ORDER BY path")
    import hashlib

    assert rows[0][0] == "wire/page.html" and rows[0][1] == "https://example.org/council"
    assert rows[0][2].startswith("2026-03-10 09:30:00")
    assert "Council page" in rows[0][4]
    assert rows[1][0] == "wire/port-release-2026-03-11.txt" and rows[1][1] is None
    assert rows[1][3] == hashlib.sha256(RELEASE.encode()).hexdigest()


def test_push_names_files_through_linked_folders_as_their_own_paths(tmp_path):
    """Folders are resolved once each; a file reached through a linked folder, or itself a
    link, is still known by the path it resolves to, as it always was."""
    from factcheck.archive.push import _Names, archive_path

    repo = _newsroom(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "memo.txt").write_text("A memo.\n")
    (outside / "memo.txt.source.yaml").write_text("url: https://example.org/memo\n")
    (repo / "linked").symlink_to(repo / "wire")
    (repo / "wire" / "memo-link.txt").symlink_to(outside / "memo.txt")
    names = _Names(repo)
    for f in (
        repo / "linked" / "port-release-2026-03-11.txt",
        repo / "wire" / "memo-link.txt",
        outside / "memo.txt",
    ):
        assert names.path(f) == archive_path(f, repo)
    assert names.path(repo / "linked" / "port-release-2026-03-11.txt") == "wire/port-release-2026-03-11.txt"
    assert names.has_sidecar(outside / "memo.txt")
    assert not names.has_sidecar(repo / "wire" / "port-release-2026-03-11.txt")


def test_match_keeps_verdicts_while_the_archive_is_unchanged(tmp_path, archive_url, monkeypatch):
    """A warm run against an unchanged archive judges nothing; any push (or prune) in
    between judges every claim again, since it can change what every search finds."""
    import factcheck.match.judge as judge_mod
    from factcheck.config import load_config
    from factcheck.match import match

    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    assert run_cli("scan", cwd=repo).returncode == 0
    seen: list[str] = []
    real = judge_mod.judge

    def counting(claim, ctx):
        seen.append(claim["id"])
        return real(claim, ctx)

    monkeypatch.setattr(judge_mod, "judge", counting)
    monkeypatch.setenv("FACTCHECK_ARCHIVE_URL", archive_url)

    def judged_in_a_run() -> int:
        seen.clear()
        run = match(load_config(repo))
        assert not run.failed
        return len(seen)

    assert judged_in_a_run() == 2
    assert judged_in_a_run() == 0
    (repo / "elsewhere").mkdir()
    (repo / "elsewhere" / "note.txt").write_text("The bridge repairs were approved by the council.\n")
    assert _fc("archive", "push", "elsewhere", cwd=repo, url=archive_url).returncode == 0
    assert judged_in_a_run() == 2
    assert judged_in_a_run() == 0
    assert _fc("archive", "prune", "--path", "elsewhere/*", cwd=repo, url=archive_url).returncode == 0
    assert judged_in_a_run() == 2


def test_the_same_content_under_two_paths_is_a_document_at_each(tmp_path, archive_url):
    """As in the embedded index, each file is a source of its own: a copy under another path
    is stored under that path too, found by a draft that names it, and counted by search."""
    repo = _newsroom(tmp_path)
    (repo / "wire" / "port-release-copy.txt").write_text(RELEASE)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    first = _fc("archive", "push", "wire", cwd=repo, url=archive_url)
    assert "2 files: 2 added, 0 already" in first.stdout.decode(), first.stderr.decode()
    again = _fc("archive", "push", "wire", cwd=repo, url=archive_url)
    assert "2 files: 0 added, 2 already" in again.stdout.decode()
    rows = _psql(
        archive_url, "SELECT d.path, count(p.ord) FROM documents d JOIN passages p ON p.doc_id = d.id GROUP BY 1"
    )
    assert sorted(rows) == [("wire/port-release-2026-03-11.txt", 1), ("wire/port-release-copy.txt", 1)]
    shutil.rmtree(repo / "wire")  # the server alone holds both now
    (repo / "drafts" / "bridge.md").write_text(DRAFT.replace("port-release-2026-03-11.txt", "port-release-copy.txt"))
    assert run_cli("scan", cwd=repo).returncode == 0
    proc = _fc("match", cwd=repo, url=archive_url)
    assert proc.returncode == 0, proc.stderr.decode()
    assert "drafts/bridge.md: 1 supported, 1 contradicted, 0 not found" in proc.stdout.decode()
    from factcheck.store import yamlio

    claims = yamlio.load((repo / "claims" / "drafts" / "bridge.yaml").read_text(), path="bridge.yaml")["claims"]
    cited = {e["source"] for c in claims for e in c["evidence"]}
    assert "wire/port-release-copy.txt" in cited


def test_search_sessions_never_compile_their_statements(tmp_path, archive_url):
    """On a large archive a search's estimated cost passes jit_above_cost, and compiling it
    cost the server more than running it; match's sessions turn JIT off."""
    from factcheck.archive.search import ArchiveSearch

    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _psql(archive_url, "SHOW jit") == [("on",)]  # the server's own default
    archive = ArchiveSearch(archive_url)
    try:
        with archive.pool.connection() as conn:
            assert conn.execute("SHOW jit").fetchall() == [("off",)]
    finally:
        archive.close()


def test_a_changed_file_replaces_its_older_version(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    (repo / "wire" / "port-release-2026-03-11.txt").write_text(RELEASE.replace("$18.5 million", "$19.5 million"))
    proc = _fc("archive", "push", "wire", cwd=repo, url=archive_url)
    assert "1 added, 0 already in the archive, 1 older versions replaced" in proc.stdout.decode()
    bodies = _psql(archive_url, "SELECT body FROM passages")
    assert len(bodies) == 1 and "$19.5 million" in bodies[0][0]


def test_four_processes_pushing_overlapping_files_store_each_document_once(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    wire = repo / "wire"
    for i in range(60):  # 2.5 MB: each push's batches go through every partition's writer
        (wire / f"story-{i:03d}.txt").write_text(
            f"Story {i}. The council approved plan number {i * 7} on Monday.\n" * 700
        )
    names = sorted(p.name for p in wire.iterdir())
    sets = [names[0:40], names[15:61], names[30:61] + names[:5], names[::2]]  # overlapping, in all orders
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0

    def push(chosen):
        return _fc("archive", "push", "-q", *[f"wire/{n}" for n in chosen], cwd=repo, url=archive_url)

    with ThreadPoolExecutor(4) as pool:
        procs = list(pool.map(push, sets))
    assert all(p.returncode == 0 for p in procs), [p.stderr.decode() for p in procs]
    rows = _psql(archive_url, "SELECT path, count(*) FROM documents GROUP BY path")
    assert sorted(r[0] for r in rows) == [f"wire/{n}" for n in names]  # none lost
    assert all(r[1] == 1 for r in rows)  # none twice
    orphans = _psql(
        archive_url,
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.doc_id = d.id)",
    )
    assert orphans == [(0,)]


def test_a_push_writes_its_batches_through_every_partition(tmp_path, archive_url, monkeypatch):
    """Each batch's documents get ids in one partition of `passages`, a partition per writer
    in turn, so the partitions' GIN indexes are merged side by side; none is left pending."""
    from factcheck.archive import push as push_mod

    monkeypatch.setattr(push_mod, "BATCH_BYTES", 300)
    repo = _newsroom(tmp_path)
    for i in range(12):
        (repo / "wire" / f"story-{i:02d}.txt").write_text(f"Story {i} tells of the {i}th harbour crane.\n" * 8)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    report = push_mod.push(archive_url, repo, [str(repo / "wire")])
    assert (report.added, report.errors) == (13, [])
    rows = _psql(archive_url, "SELECT tableoid::regclass::text, count(DISTINCT doc_id) FROM passages GROUP BY 1")
    assert sorted(r[0] for r in rows) == sorted(part_table(i) for i in range(PARTS))
    assert sum(r[1] for r in rows) == 13
    for part in range(PARTS):
        assert _psql(archive_url, f"SELECT gin_clean_pending_list('{part_table(part)}_terms')") == [(0,)]


def test_migrating_a_single_passages_table_keeps_its_rows_and_grants(tmp_path, pg_cluster, archive_url, monkeypatch):
    from factcheck.archive import connect, schema

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
    monkeypatch.setattr(schema, "LATEST", 3)
    with connect(archive_url) as conn:
        conn.autocommit = True
        assert schema.migrate(conn, archive_url) == (None, [1, 2, 3])
    monkeypatch.undo()
    doc_ids = []
    for n in range(5):
        doc_ids += _psql(
            archive_url,
            "INSERT INTO documents (sha256, path, retrieved_at, kind, body_start, chars, bytes)"
            " VALUES (%s, %s, now(), 'text', 0, 10, 10) RETURNING id",
            (f"sha-{n}", f"wire/old-{n}.txt"),
        )
    for (doc_id,) in doc_ids:
        for ord_ in range(3):
            _psql(
                archive_url,
                "INSERT INTO passages VALUES (%s, %s, %s, %s, %s)",
                (doc_id, ord_, ord_ * 10, f"passage {ord_} of {doc_id}", [7, 100 + ord_, 1000 + doc_id]),
            )
    db = archive_url.rsplit("/", 1)[1]
    role = f"reader_{db}"
    pg_cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    _psql(archive_url, f"GRANT SELECT ON passages TO {role}")
    before = _psql(archive_url, "SELECT * FROM passages ORDER BY 1, 2")

    proc = _fc("archive", "migrate", cwd=tmp_path, url=archive_url)
    assert "migrated from version 3 to version 4" in proc.stdout.decode(), proc.stderr.decode()
    assert _psql(archive_url, "SELECT * FROM passages ORDER BY 1, 2") == before
    parts = _psql(archive_url, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'passages'::regclass")
    assert parts == [(PARTS,)]
    grants = f"SELECT has_table_privilege('{role}', 'passages', 'SELECT'), has_table_privilege('{role}', 'passages', 'INSERT')"
    assert _psql(archive_url, grants) == [(True, False)]
    # The partitions' GIN indexes answer for the old rows.
    import psycopg

    with psycopg.connect(archive_url, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")
        assert conn.execute("SELECT count(*) FROM passages WHERE terms @> ARRAY[101::bigint]").fetchall() == [(5,)]


def test_status_shows_documents_bytes_last_push_and_schema(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    out = _fc("archive", "status", cwd=repo, url=archive_url).stdout.decode()
    assert f"schema:    version {LATEST}" in out
    assert "documents: 1\n" in out
    assert f"bytes:     {len(RELEASE.encode())} " in out
    assert "last push: 20" in out and "by fc_admin" in out
    assert PASSWORD not in out and "fc_admin:***@" in out


def test_status_counts_passages_across_partitions_before_and_after_they_are_analysed(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    [(stored,)] = _psql(archive_url, "SELECT count(*) FROM passages")
    assert stored > 0
    # Never analysed: counted exactly.
    assert f"passages:  about {stored:,}\n" in _fc("archive", "status", cwd=repo, url=archive_url).stdout.decode()
    # Analysed as autovacuum does it, partition by partition (never their parent): the
    # partitions' estimates, summed.
    _psql(archive_url, "ANALYZE passages_0, passages_1")
    assert f"passages:  about {stored:,}\n" in _fc("archive", "status", cwd=repo, url=archive_url).stdout.decode()


def test_prune_needs_a_filter_and_deletes_by_path_or_age(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    (repo / "wire" / "old").mkdir()
    (repo / "wire" / "old" / "2019-report.txt").write_text("An old report of the harbour board, from 2019.\n")
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    bare = _fc("archive", "prune", cwd=repo, url=archive_url)
    assert bare.returncode == 2 and "needs --older-than or --path" in bare.stderr.decode()
    assert _fc("archive", "prune", "--older-than", "soon", cwd=repo, url=archive_url).returncode == 2
    dry = _fc("archive", "prune", "--path", "wire/old/*", "--dry-run", cwd=repo, url=archive_url)
    assert "would delete 1 documents" in dry.stdout.decode()
    assert _psql(archive_url, "SELECT count(*) FROM documents") == [(2,)]
    done = _fc("archive", "prune", "--path", "wire/old/*", cwd=repo, url=archive_url)
    assert "deleted 1 documents" in done.stdout.decode()
    assert _psql(archive_url, "SELECT path FROM documents") == [("wire/port-release-2026-03-11.txt",)]
    assert (
        "deleted 0 documents"
        in _fc("archive", "prune", "--older-than", "30d", cwd=repo, url=archive_url).stdout.decode()
    )
    _psql(archive_url, "UPDATE documents SET pushed_at = now() - interval '40 days'")
    assert (
        "deleted 1 documents"
        in _fc("archive", "prune", "--older-than", "30d", cwd=repo, url=archive_url).stdout.decode()
    )
    assert _psql(archive_url, "SELECT count(*) FROM passages") == [(0,)]


def test_glob_to_like_escapes_like_marks():
    from factcheck.archive.admin import glob_to_like

    assert glob_to_like("wire/2019_*?%.txt") == "wire/2019\\_%_\\%.txt"


# --- matching ---------------------------------------------------------------------------


def test_match_finds_a_drafts_source_on_the_server_and_searches_local_ones_beside_it(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    shutil.rmtree(repo / "wire")  # the draft's listed source now lives on the server only
    (repo / "sources").mkdir()
    (repo / "sources" / "minutes.txt").write_text("The harbour board met on Monday and heard from 212 traders.\n")
    (repo / "drafts" / "board.md").write_text(
        "---\ntitle: Board\ndate: 2026-03-14\n---\nThe harbour board heard from 212 traders.\n"
    )
    assert run_cli("scan", cwd=repo).returncode == 0
    proc = _fc("match", cwd=repo, url=archive_url)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "drafts/bridge.md: 1 supported, 1 contradicted, 0 not found (1 source)" in out
    assert "drafts/board.md: 1 supported, 0 contradicted, 0 not found (2 sources)" in out
    from factcheck.store import yamlio

    claims = yamlio.load((repo / "claims" / "drafts" / "bridge.yaml").read_text(), path="bridge.yaml")["claims"]
    wrong = next(c for c in claims if c["text"] == "about $19.5 million")
    assert wrong["verdict"] == "contradicted"
    assert wrong["evidence"][0]["source"] == "wire/port-release-2026-03-11.txt"
    assert "$18.5 million" in wrong["evidence"][0]["text"]


def test_a_read_only_role_can_match_but_not_push(tmp_path, pg_cluster, archive_url):
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    db = archive_url.rsplit("/", 1)[1]
    role = f"ci_{db}"
    pg_cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    for grant in (
        f"GRANT CONNECT ON DATABASE {db} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}",
    ):
        _psql(archive_url, grant)
    ci_url = pg_cluster.url(db, user=role)
    assert run_cli("scan", cwd=repo).returncode == 0
    matched = _fc("match", cwd=repo, url=ci_url)
    assert matched.returncode == 0, matched.stderr.decode()
    (repo / "wire" / "new.txt").write_text("A new statement.\n")
    _one_line_without_password(
        _fc("archive", "push", "wire/new.txt", cwd=repo, url=ci_url), must_say="permission denied"
    )


def test_a_writer_role_push_leaves_nothing_pending_for_search(tmp_path, pg_cluster, archive_url):
    """Pushed terms wait in the GIN index's pending list, which every search would read in
    full; push merges them before it returns, even for a role that does not own the index."""
    repo = _newsroom(tmp_path)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    db = archive_url.rsplit("/", 1)[1]
    role = f"writer_{db}"
    pg_cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{PASSWORD}'")
    for grant in (
        f"GRANT CONNECT ON DATABASE {db} TO {role}",
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, DELETE ON documents, passages TO {role}",
        f"GRANT SELECT ON factcheck_schema TO {role}",
        f"GRANT USAGE ON SEQUENCE documents_id_seq TO {role}",
    ):
        _psql(archive_url, grant)
    for i in range(40):
        (repo / "wire" / f"story-{i}.txt").write_text(f"Story {i} tells of the {i}th harbour crane.\n" * 50)
    proc = _fc("archive", "push", "wire", cwd=repo, url=pg_cluster.url(db, user=role))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "41 added" in proc.stdout.decode()
    # The owner finds no page left to merge, in any partition's index.
    for part in range(PARTS):
        assert _psql(archive_url, f"SELECT gin_clean_pending_list('{part_table(part)}_terms')") == [(0,)]


def _example_newsroom(tmp_path: Path) -> Path:
    repo = tmp_path / "example"
    shutil.copytree(REPO / "examples", repo / "examples")
    text = (REPO / ".factcheck.yaml").read_text().replace("archives: []", "archives: [examples/sources]")
    (repo / ".factcheck.yaml").write_text(text)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def test_example_newsroom_verdicts_are_identical_on_both_backends(tmp_path, archive_url):
    embedded, archived = both_backends(_example_newsroom(tmp_path), "examples/sources", archive_url)
    assert len(embedded) > 30
    assert archived == embedded


@pytest.mark.skipif(not E2E.is_dir(), reason=f"the e2e-dev newsroom is not at {E2E}")
def test_e2e_dev_verdicts_are_identical_on_both_backends(tmp_path, archive_url):
    repo = tmp_path / "e2e"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for sub in ("drafts", "sources"):
        shutil.copytree(E2E / sub, repo / sub)
    (repo / ".factcheck.yaml").write_text("drafts: [drafts/**/*.md]\narchives: [sources]\n")
    embedded, archived = both_backends(repo, "sources", archive_url)
    assert len(embedded) > 1000
    differ = {k: (v, archived.get(k)) for k, v in embedded.items() if archived.get(k) != v}
    assert not differ


def test_equally_good_passages_reach_the_judge_in_the_same_order_on_both_backends(tmp_path, archive_url):
    """More passages tie for a quote's candidates than the judge reads: both backends must
    take the same ones, in (path, position) order, or one finds the quote word for word and
    the other only a variant of it.

    Stop words are not indexed, so "Why do they want it?" (30 files) holds every term of
    "Why do they have it?" (5 files, later by path); "Why do we care?" (10 files, earlier)
    holds fewer and scores lower."""
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    (repo / "wire").mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".factcheck.yaml").write_text("drafts: [drafts/**/*.md]\narchives: [wire]\n")
    lines = {"a": (10, '"Why do we care?"'), "b": (30, '"Why do they want it?"'), "c": (5, '"Why do they have it?"')}
    for prefix, (count, said) in lines.items():
        for i in range(count):
            (repo / "wire" / f"{prefix}-ferry-{i:02d}.txt").write_text(
                f"Ferry bulletin\n\nThe timetable changes. {said} the harbourmaster asked, of the new schedule.\n"
            )
    quote = "Why do they have it?"
    (repo / "drafts" / "ferry.md").write_text(
        f'---\ntitle: Ferry\ndate: 2026-03-14\n---\n"{quote}" the harbourmaster asked, of the new schedule.\n'
    )
    env = {"FACTCHECK_ARCHIVE_URL": archive_url}
    for step in (("sources", "index"), ("archive", "migrate"), ("archive", "push", "wire")):
        assert run_cli(*step, cwd=repo, env=env).returncode == 0
    embedded, served = candidates(repo, archive_url, quote)
    assert len(embedded) == 24 and all("/b-ferry-" in path for path, _, _ in embedded)
    assert served == embedded

    embedded, archived = both_backends(repo, "wire", archive_url)
    said = [k for k in embedded if k[1].startswith("q-")]
    assert said
    assert archived == embedded


def test_passages_carry_the_embedded_indexs_terms_and_cuts():
    import numpy as np

    from factcheck.archive.passages import cut
    from factcheck.sources import terms
    from factcheck.sources.segment import chunk_spans

    text = "Dateline\n" + " ".join(
        f"The council's plan number {i:,} cost ${i * 3}.5 million, officials said." for i in range(400)
    )
    passages = cut(text, 9)
    assert [(s, s + len(body)) for s, body, _ in passages] == chunk_spans(text, 9)
    for _, body, hashes in passages:
        want = np.sort(terms.query_terms(body).view(np.int64))
        assert np.array_equal(np.sort(hashes), want)


def test_terms_are_sorted_by_passage_then_hash_even_where_hashes_share_their_top_bits():
    from factcheck.archive.passages import _by_passage_then_hash

    rng = np.random.default_rng(7)
    h = rng.integers(0, np.iinfo(np.uint64).max, 4000, dtype=np.uint64, endpoint=True)
    g = np.concatenate([np.sort(rng.integers(0, 5, 2500)), np.sort(rng.integers(0, 5, 1500))])
    h[100:110] = h[7]  # the same term again in other passages
    for case in ("distinct", "top bits shared"):
        if case == "top bits shared":
            h[3000], g[3000] = h[7] ^ np.uint64(1), g[7]
        order = _by_passage_then_hash(h, g)
        want = np.lexsort((h, g))
        assert np.array_equal(g[order], g[want]) and np.array_equal(h[order], h[want]), case


def test_passages_are_stored_under_the_terms_of_their_own_text():
    """Lines repeated across pushed documents are tokenised once; every passage must still
    carry exactly the terms the embedded index would give its text."""
    import numpy as np

    from factcheck.archive.passages import cut
    from factcheck.sources import terms

    first = RELEASE * 30
    update = first.replace("$18.5 million", "$19 million", 3).replace("\n\n", "\nAn added line.\n", 2)
    for text in (first, update, first, "Zebra crossings\nzebra  CROSSINGS\r\nit's 6,000 or 6000\n\n\nzebra"):
        passages = cut(text, 0)
        assert "".join(body for _, body, _ in passages) == text
        for _, body, hashes in passages:
            assert hashes.view(np.uint64).tolist() == np.unique(terms.query_terms(body)).tolist()


def test_push_withholds_confidential_and_embargoed_sources(tmp_path, archive_url):
    repo = _newsroom(tmp_path)
    (repo / ".factcheck.yaml").write_text("drafts: [drafts/**/*.md]\nconfidential: [wire/protected/**]\n")
    (repo / "wire" / "protected").mkdir()
    (repo / "wire" / "protected" / "tip.txt").write_text("A tip from inside the port authority.\n")
    (repo / "wire" / "memo.txt").write_text("An embargoed memo about the port.\n")
    (repo / "wire" / "memo.txt.source.yaml").write_text("embargoed: 2999-01-01T00:00:00Z\n")
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    proc = _fc("archive", "push", "wire", cwd=repo, url=archive_url)
    assert proc.returncode == 0, proc.stderr
    assert (
        "1 files: 1 added" in proc.stdout.decode()
        and "2 confidential or embargoed sources withheld" in proc.stdout.decode()
    )
    assert _psql(archive_url, "SELECT path FROM documents") == [("wire/port-release-2026-03-11.txt",)]


def test_documents_pushed_while_a_run_searches_rank_by_path_among_the_others(tmp_path, archive_url):
    """A run reads every document's rank by path once; a document pushed after that must
    still take its place by path, not fall to the end or borrow another's rank."""
    from factcheck.archive.search import ArchiveSearch
    from factcheck.sources import terms

    repo = tmp_path / "newsroom"
    (repo / "wire").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".factcheck.yaml").write_text("drafts: [drafts/**/*.md]\n")
    line = "The lighthouse keeper logged 41 gales this winter.\n"
    for name in ("m-1.txt", "m-2.txt", "m-3.txt"):
        (repo / "wire" / name).write_text(line)
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    archive = ArchiveSearch(archive_url)
    try:
        query = terms.query_terms("lighthouse keeper logged gales")

        def paths() -> list[str]:
            return [archive.passage(key).doc.path for key, _ in archive.search(query, 24)]

        assert paths() == ["wire/m-1.txt", "wire/m-2.txt", "wire/m-3.txt"]
        for name in ("a-1.txt", "n-1.txt", "z-1.txt"):
            (repo / "wire" / name).write_text(line)
        assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
        assert paths() == [f"wire/{n}" for n in ("a-1.txt", "m-1.txt", "m-2.txt", "m-3.txt", "n-1.txt", "z-1.txt")]
    finally:
        archive.close()


def test_a_document_pruned_while_a_run_searches_ranks_after_the_others(tmp_path, archive_url):
    """Its passages keep scores of their own, behind every document that still has a path."""
    from factcheck.archive.search import ArchiveSearch

    repo = _newsroom(tmp_path)
    for name in ("a.txt", "b.txt", "c.txt"):
        (repo / "wire" / name).write_text(f"Report {name}.\n")
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire", cwd=repo, url=archive_url).returncode == 0
    ids = dict(_psql(archive_url, "SELECT path, id FROM documents"))
    archive = ArchiveSearch(archive_url)
    try:
        wanted = np.array([ids[f"wire/{n}"] for n in ("c.txt", "a.txt", "b.txt")], dtype=np.int64)
        assert archive._path_ranks(wanted).tolist() == [2, 0, 1]
        assert _fc("archive", "prune", "--path", "wire/a.txt", cwd=repo, url=archive_url).returncode == 0
        (repo / "wire" / "d.txt").write_text("Report d.\n")  # unknown to the run: every rank is read again
        assert _fc("archive", "push", "wire/d.txt", cwd=repo, url=archive_url).returncode == 0
        now = dict(_psql(archive_url, "SELECT path, id FROM documents"))
        asked = np.array([now["wire/d.txt"], ids["wire/a.txt"], ids["wire/c.txt"], ids["wire/b.txt"]], dtype=np.int64)
        # b, c, d and the port release keep their places by path; the pruned a comes last.
        assert archive._path_ranks(asked).tolist() == [2, 4, 1, 0]
    finally:
        archive.close()


def test_a_passage_with_no_padding_is_its_own_text_alone(tmp_path, archive_url):
    from factcheck.archive.search import ArchiveSearch

    repo = _newsroom(tmp_path)
    (repo / "wire" / "long.txt").write_text(
        "".join(f"Paragraph {i} says the pier opened in {1900 + i}.\n" for i in range(120))
    )
    assert _fc("archive", "migrate", cwd=repo, url=archive_url).returncode == 0
    assert _fc("archive", "push", "wire/long.txt", cwd=repo, url=archive_url).returncode == 0
    (doc_id, body, start), *_ = _psql(archive_url, "SELECT doc_id, body, start_at FROM passages WHERE ord = 1")
    archive = ArchiveSearch(archive_url)
    try:
        key = (doc_id << 24) | 1
        alone = archive.passage(key, pad=0)
        assert (alone.start, alone.text) == (start, body)
        padded = archive.passage(key, pad=10)
        assert (padded.start, len(padded.text)) == (start - 10, len(body) + 20)
        assert padded.text[10:-10] == body
    finally:
        archive.close()


def test_passages_scoring_alike_come_in_path_order_however_the_sources_were_indexed(tmp_path, archive_url):
    """Sources indexed in two runs, the later-named first, sit in the embedded index in the
    order they were added; equally good passages must still come in (path, offset) order,
    as they do from the archive server, which never saw that order."""
    from factcheck.config import load_config
    from factcheck.sources.index import SourceIndex

    repo = tmp_path / "newsroom"
    (repo / "wire").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / ".factcheck.yaml").write_text("drafts: [drafts/**/*.md]\narchives: [wire]\n")
    line = "Ferry bulletin\n\nThe night ferry to the islands was cancelled for the third time.\n"
    for prefix in ("z", "a"):  # z-files indexed first
        for i in range(3):
            (repo / "wire" / f"{prefix}-{i}.txt").write_text(line)
        assert run_cli("sources", "index", cwd=repo).returncode == 0
    config = load_config(repo)
    index = SourceIndex(config.state_dir, config.root)
    try:
        assert len(index.segment_names()) == 2  # the later files sit in a segment of their own
    finally:
        index.close()
    env = {"FACTCHECK_ARCHIVE_URL": archive_url}
    assert run_cli("archive", "migrate", cwd=repo, env=env).returncode == 0
    assert run_cli("archive", "push", "wire", cwd=repo, env=env).returncode == 0
    embedded, served = candidates(repo, archive_url, "night ferry to the islands was cancelled")
    names = ["a-0", "a-1", "a-2", "z-0", "z-1", "z-2"]
    assert [path for path, _, _ in embedded] == [f"wire/{n}.txt" for n in names]
    assert served == embedded

"""Fixtures shared by the test modules; pytest finds them here without an import."""

import difflib
import itertools
import os
from pathlib import Path

import pytest

from tests.gitnewsroom import Newsroom, simple_find_all

GOLDEN = Path(__file__).parent / "golden"


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files under tests/golden/ with what the code prints now (then review the diff).",
    )


def pytest_collection_modifyitems(config, items):
    """`pytest` alone leaves the tests marked slow out, so the run a developer repeats stays
    short; naming test files or giving -m (`-m "slow or not slow"`, as scripts/test.sh and
    CI do) runs what was asked for."""
    if not _leaves_slow_out(config):
        return
    slow = [item for item in items if item.get_closest_marker("slow")]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if not item.get_closest_marker("slow")]
        config.stash[_LEFT_OUT] = len(slow)


def _leaves_slow_out(config) -> bool:
    return not config.option.markexpr and config.args_source == pytest.Config.ArgsSource.TESTPATHS


def pytest_terminal_summary(terminalreporter, config):
    left_out = config.stash.get(_LEFT_OUT, 0)
    if left_out:
        terminalreporter.write_line(f'{left_out} slow tests left out; `pytest -m "slow or not slow"` runs every test')
    elif getattr(config.option, "numprocesses", None) and _leaves_slow_out(config):
        # Under pytest-xdist the workers collect and leave the slow tests out; this process
        # never sees the count, but the reader still needs to know the run was partial.
        terminalreporter.write_line('slow tests left out; `pytest -m "slow or not slow"` runs every test')


_LEFT_OUT = pytest.StashKey[int]()


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Pin width and colour so rendered output is the same on every machine."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    yield


@pytest.fixture
def golden(request):
    """Compare output with tests/golden/NAME byte for byte, failing with a unified diff.

    `pytest --update-golden` (or FACTCHECK_UPDATE_GOLDEN=1) rewrites the files instead,
    for an intended change: review the diff in git before committing it.
    """
    update = request.config.getoption("--update-golden") or bool(os.environ.get("FACTCHECK_UPDATE_GOLDEN"))

    def compare(name: str, got: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_bytes(got.encode("utf-8"))
            return
        if not path.exists():
            pytest.fail(f"no golden file tests/golden/{name}; run `pytest --update-golden` to write it")
        want = path.read_bytes().decode("utf-8")
        if got != want:
            diff = difflib.unified_diff(
                want.splitlines(keepends=True),
                got.splitlines(keepends=True),
                fromfile=f"tests/golden/{name}",
                tofile="output now",
            )
            pytest.fail(
                f"{name} changed (pytest --update-golden rewrites it after an intended change):\n" + "".join(diff),
                pytrace=False,
            )

    return compare


@pytest.fixture
def newsroom(tmp_path, monkeypatch) -> Newsroom:
    """A newsroom in a temporary git repository (tests/gitnewsroom.py): its tiny extractor
    reads the drafts, and sign-offs get the times 2026-01-05T11:00:01Z, 11:00:03Z, ..."""
    from factcheck import extract
    from factcheck.signoff import record

    monkeypatch.setattr(extract, "find_all", simple_find_all)
    ticks = itertools.count()
    monkeypatch.setattr(record, "now_utc", lambda: f"2026-01-05T11:{next(ticks) // 60:02d}:{next(ticks) % 60:02d}Z")
    return Newsroom(tmp_path, monkeypatch)


@pytest.fixture(scope="session")
def pg_cluster():
    """A real PostgreSQL server for the archive tests (see tests/pgserver.py), stopped at the end."""
    from tests import pgserver

    if pgserver.bin_dir() is None:
        # Only where the packages could not be installed (scripts/test-system-deps.sh installs them).
        pytest.skip("PostgreSQL is not installed (no initdb), so the archive tests cannot start a server")
    cluster = pgserver.start()  # installed but failing to start is a failure, never a skip
    yield cluster
    cluster.stop()

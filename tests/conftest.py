import pytest


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Pin width and colour so rendered output is the same on every machine."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    yield


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

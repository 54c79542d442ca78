import os

import pytest


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch):
    """Pin width and colour so rendered output is the same on every machine."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    yield

"""Golden files of `factcheck extract` in each format, read by the real extractors.

Kept apart from tests/test_golden.py, whose newsroom swaps in a tiny extractor.
`pytest --update-golden` rewrites them after an intended change.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.gitnewsroom import _app

# A figure with a unit and a qualifier, an absolute and a relative date, a quote with its
# speaker, an attribution.
STORY = """\
---
date: 2026-02-11
---
# Ferry timetable cut

The harbour ferry will run 14 fewer crossings a week from March 2, the operator said on Monday.

"We simply cannot crew the late boats," said Ines Barros, the operator's chief executive.

Passenger numbers fell by about 12% last year, according to the port authority.
"""


@pytest.mark.parametrize(
    "fmt, name", [("text", "extract.text.txt"), ("json", "extract.json"), ("yaml", "extract.yaml")]
)
def test_extract_output(fmt, name, tmp_path, monkeypatch, golden):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(_app(), ["extract", "--format", fmt, "story.md"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    golden(name, result.output)

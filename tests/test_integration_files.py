"""The files newsrooms and CI run: valid, linted with actionlint, and saying what they should."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _actionlint() -> str:
    # installed by the test extra; look next to this Python too, for an unactivated virtualenv
    found = shutil.which("actionlint") or shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert found, "actionlint is missing: pip install -e '.[test]'"
    return found


def _lint(*files: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([_actionlint(), "-no-color", *map(str, files)], cwd=cwd, capture_output=True, text=True)


def test_workflows_pass_actionlint():
    files = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert {f.name for f in files} >= {"factcheck.yml", "ci.yml"}
    proc = _lint(*files)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n"
    )
    assert _lint(bad, cwd=tmp_path).returncode != 0


def test_composite_action_is_usable_from_a_workflow(tmp_path):
    """actionlint reads a local action's metadata and checks the inputs a workflow passes it."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    flow = tmp_path / ".github/workflows/gate.yml"
    flow.parent.mkdir(parents=True)
    flow.write_text(
        "on: pull_request\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n"
        "      - uses: ./\n        with:\n          working-directory: newsroom\n          format: github\n"
    )
    proc = _lint(flow, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    flow.write_text(flow.read_text().replace("format: github", "formats: github"))
    assert _lint(flow, cwd=tmp_path).returncode != 0  # an unknown input is caught


def test_action_metadata_runs_the_check():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(s.get("run", "") for s in action["runs"]["steps"])
    assert "factcheck check --base" in scripts and "GITHUB_BASE_REF" in scripts
    assert all(s.get("shell") == "bash" for s in action["runs"]["steps"] if "run" in s)


def test_pr_gate_fetches_history_and_runs_check_in_github_format():
    flow = yaml.safe_load((ROOT / ".github/workflows/factcheck.yml").read_text())
    steps = flow["jobs"]["gate"]["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps]
    assert 'factcheck check --base "origin/$GITHUB_BASE_REF" --format github' in runs
    assert (ROOT / ".factcheck.yaml").is_file()  # the example newsroom it gates


def test_own_ci_runs_the_ci_script():
    flow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text())
    assert "bash .ci/run" in [s.get("run") for s in flow["jobs"]["tests"]["steps"]]


def test_pre_commit_hook_manifest():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert {"id", "name", "entry", "language"} <= hook.keys() and hook["language"] == "python"
    program, command, *options = hook["entry"].split()
    assert program == "factcheck" and command == "scan"
    help_text = subprocess.run(
        [sys.executable, "-m", "factcheck", "scan", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    ).stdout
    assert all(opt in help_text for opt in options)
    assert hook["pass_filenames"] is True


def test_gitattributes_names_the_documented_merge_driver():
    attrs = (ROOT / ".gitattributes").read_text()
    assert "merge=factcheck-claims" in attrs
    assert "merge.factcheck-claims.driver" in (ROOT / "docs/review.md").read_text()

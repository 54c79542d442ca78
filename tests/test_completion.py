"""Shell completion: scripts for bash, zsh and fish; commands, options, draft paths and claim ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import completion
from tests.helpers import run_cli

REPO = Path(__file__).resolve().parent.parent
MEALS = "examples/drafts/city/school-meals-funding.md"


@pytest.fixture
def example(tmp_path):
    root = tmp_path / "newsroom"
    root.mkdir()
    shutil.copy(REPO / ".factcheck.yaml", root / ".factcheck.yaml")
    shutil.copytree(REPO / "examples", root / "examples")
    shutil.copytree(REPO / "claims", root / "claims")
    return root


def complete_bash(root: Path, line: str, cwd: Path | None = None) -> list[str]:
    words = line.split(" ")
    env = {"_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    r = run_cli(cwd=cwd or root, env=env)
    assert r.returncode == 0, r.stderr
    return r.stdout.decode().split()


@pytest.mark.parametrize(
    "mode, marker",
    [
        ("bash_source", "complete -o default -F _factcheck_completion factcheck"),
        ("source_bash", "complete -o default -F _factcheck_completion factcheck"),
        ("zsh_source", "#compdef factcheck"),
        ("fish_source", "complete --command factcheck"),
    ],
)
def test_each_shell_gets_its_script(mode, marker, tmp_path):
    r = run_cli(cwd=tmp_path, env={"_FACTCHECK_COMPLETE": mode})
    assert r.returncode == 0
    assert marker in r.stdout.decode()
    assert b"not supported" not in r.stdout + r.stderr


def test_commands_and_options_complete(example):
    assert complete_bash(example, "factcheck sh") == ["show"]
    assert set(complete_bash(example, "factcheck re")) == {"reject", "review", "report"}
    assert "--all-supported" in complete_bash(example, "factcheck approve --")


def test_draft_paths_complete_from_the_current_folder(example):
    assert complete_bash(example, "factcheck review examples/drafts/city/s") == [MEALS]
    inside = example / "examples" / "drafts"
    assert complete_bash(example, "factcheck show ci", cwd=inside) == [
        "city/harbour-bridge-repairs.md",
        "city/school-meals-funding.md",
    ]


def test_claim_ids_complete_for_the_draft_named_before_them(example):
    ids = complete_bash(example, f"factcheck approve {MEALS} q-")
    assert len(ids) == 3 and all(i.startswith("q-") for i in ids)
    r = run_cli(
        cwd=example, env={"_FACTCHECK_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": f"factcheck show {MEALS} q-"}
    )
    assert '"This year we can say yes to every one,"' in r.stdout.decode()  # zsh shows each id's words


def test_completion_outside_a_newsroom_offers_nothing_and_says_nothing(tmp_path):
    assert complete_bash(tmp_path, "factcheck show dr") == []
    r = run_cli(
        cwd=tmp_path,
        env={"_FACTCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "factcheck show x.md f-", "COMP_CWORD": "3"},
    )
    assert r.returncode == 0 and r.stdout.strip() == b"" and r.stderr == b""


@pytest.mark.parametrize(
    "env, typed",
    [
        ({"COMP_WORDS": "factcheck show notes/a.md q-", "COMP_CWORD": "3"}, ["show", "notes/a.md"]),
        ({"COMP_WORDS": "factcheck sh", "COMP_CWORD": "1"}, []),
        ({"COMP_WORDS": "factcheck show x", "COMP_CWORD": "many"}, []),
        ({"_TYPER_COMPLETE_ARGS": "factcheck approve "}, ["approve"]),
        ({"_TYPER_COMPLETE_ARGS": "factcheck approve 'city/a b.md' q-1"}, ["approve", "city/a b.md"]),
        ({"_TYPER_COMPLETE_ARGS": "factcheck show 'city/unfinished"}, ["show"]),
        ({}, []),
    ],
)
def test_the_words_typed_before_the_one_being_completed(env, typed):
    assert completion.words_typed(env) == typed


def test_a_tab_after_a_command_loads_that_command_alone():
    from factcheck import cli

    try:
        cli.app.registered_commands.clear()  # as in a fresh process
        cli.app.registered_groups.clear()
        cli._register_for(completion.words_typed({"_TYPER_COMPLETE_ARGS": "factcheck show "}))
        assert [c.name for c in cli.app.registered_commands] == ["show"]
        cli._register_for(completion.words_typed({"_TYPER_COMPLETE_ARGS": "factcheck sh"}))
        assert len(cli.app.registered_commands) > 10
    finally:
        cli._register()  # every command again, as the other tests in this process expect

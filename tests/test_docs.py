"""The docs cover every command: the reference is generated from --help and kept current."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date():
    r = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr


def test_every_command_has_help_and_appears_in_the_readme():
    from factcheck import cli

    cli._register()
    import typer.main

    group = typer.main.get_command(cli.app)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    docs = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md") if p.name != "cli.md")
    for name, cmd in group.commands.items():
        assert (cmd.help or "").strip(), f"{name} has no help text"
        assert f"factcheck {name}" in readme + docs, f"`factcheck {name}` is documented nowhere"


def test_readme_has_exactly_two_quick_start_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b for b in quick.split("```sh\n")[1:]]
    commands = [line for b in blocks for line in b.split("```")[0].splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[1] == "bash scripts/test.sh"
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()


def test_every_help_ends_with_examples_and_the_list_cuts_no_summary():
    from factcheck import cli

    cli._register()
    import typer.main

    group = typer.main.get_command(cli.app)
    commands = [(n, c) for n, c in group.commands.items() if n != "sources"]
    commands += [(f"sources {n}", c) for n, c in group.commands["sources"].commands.items()]
    for name, cmd in commands:
        help_text = cmd.help or ""
        tail = help_text.rsplit("Examples:", 1)
        assert len(tail) == 2, f"`factcheck {name} --help` has no examples"
        examples = [line.strip() for line in tail[1].splitlines() if line.strip() and line.strip() != "\b"]
        assert 1 <= len(examples) <= 2, name
        assert all("factcheck" in e for e in examples), name
    listing = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("## factcheck extract", 1)[0]
    assert "..." not in listing.split("Commands:", 1)[1]

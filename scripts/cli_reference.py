"""Write docs/cli.md from the commands' own --help, so the reference never drifts.

python scripts/cli_reference.py          # rewrite docs/cli.md
python scripts/cli_reference.py --check  # exit 1 if docs/cli.md is out of date
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "cli.md"


def help_text(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "88", "NO_COLOR": "1", "TERM": "dumb"}
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", *args, "--help"], capture_output=True, text=True, env=env, check=True
    )
    return out.stdout.rstrip() + "\n"


def commands() -> list[list[str]]:
    from factcheck import cli

    cli._register()
    import typer.main

    group = typer.main.get_command(cli.app)
    found = []
    for name, cmd in group.commands.items():
        found.append([name])
        for sub in getattr(cmd, "commands", {}) or {}:
            found.append([name, sub])
    return found


def render() -> str:
    parts = [
        "# Command reference\n",
        "Generated from each command's `--help` by `python scripts/cli_reference.py`;",
        "a test fails when this page and the commands disagree.\n",
        "```text\n" + help_text() + "```\n",
    ]
    for words in commands():
        parts.append(f"## factcheck {' '.join(words)}\n")
        parts.append("```text\n" + help_text(*words) + "```\n")
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if current != text:
            print("docs/cli.md is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

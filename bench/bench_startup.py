"""Start-up of `factcheck extract` in a regular install, side by side with `import typer`.

    python bench/bench_startup.py                    # builds a throwaway venv with `pip install .`
    python bench/bench_startup.py --venv /tmp/fc     # reuse (or make) the venv there
    python bench/bench_startup.py --draft story.md   # time your own draft

An editable install puts an import hook in front of every import of the package, so
start-up is measured in a regular (non-editable) install of this checkout, made in a
throwaway virtual environment. Each command is run `--runs` times as a fresh process,
bytecode cached as after an install, the three in turns; the figures are the median
wall time and the median CPU time (which other work on a shared machine does not
stretch), and the import of typer in the same interpreter is the yardstick (target:
extract <= 2x).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

DRAFT = """---
title: Harbour works
date: 2026-03-05
---
The harbour council voted on Thursday to build a second ferry pier, which will cost
$6.4 billion over ten years, the finance office said. The old pier has carried 141
ferries a day since it opened in 1988.

"We have waited long enough for this pier," said the council chair, Maren Oduya.
Building starts on 12 May 2026, according to the council's timetable.
"""


def make_venv(venv: Path) -> Path:
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # Always reinstall: the checkout may have changed since the venv was made.
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", str(REPO)], check=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(REPO)], check=True)
    return python


def medians_ms(commands: list[list[str]], runs: int, cwd: Path) -> list[tuple[float, float]]:
    """(median wall ms, median CPU ms) of each command, run in turns: one run of each,
    `runs` times over, so that a machine busier in one moment than the next weighs on
    every command alike. CPU time (the child's user and system time) counts only the
    command's own work, which other work on a shared machine does not stretch."""
    for _ in range(2):  # warm-up: bytecode written, files in the page cache
        for cmd in commands:
            subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            before, t = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
            subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            walls[i].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[i].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(statistics.median(w) * 1000, statistics.median(c) * 1000) for w, c in zip(walls, cpus)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench-startup-venv")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--draft", type=Path, default=None)
    a = ap.parse_args()
    python = make_venv(a.venv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        draft = work / "draft.md"
        draft.write_text(a.draft.read_text(encoding="utf-8") if a.draft else DRAFT, encoding="utf-8")
        factcheck = str(python.parent / "factcheck")
        commands = {
            "python -c 'import typer'": [str(python), "-c", "import typer"],
            "factcheck --version": [factcheck, "--version"],
            "factcheck extract draft.md": [factcheck, "extract", "draft.md"],
        }
        rows = list(zip(commands, medians_ms(list(commands.values()), a.runs, work)))
    base_wall, base_cpu = rows[0][1]
    print(f"start-up in a regular install, median of {a.runs} fresh processes each, run in turns:")
    print(f"  {'':<28} {'wall':>10} {'':>6}  {'CPU':>10} {'':>6}")
    for name, (wall, cpu) in rows:
        print(f"  {name:<28} {wall:7.1f} ms {wall / base_wall:5.2f}x  {cpu:7.1f} ms {cpu / base_cpu:5.2f}x")
    print("  target: factcheck extract <= 2x python -c 'import typer'")


if __name__ == "__main__":
    main()

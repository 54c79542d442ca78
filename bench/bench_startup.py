"""Start-up of `factcheck extract` in a regular install, side by side with `import typer`.

    python bench/bench_startup.py                    # builds a throwaway venv with `pip install .`
    python bench/bench_startup.py --venv /tmp/fc     # reuse (or make) the venv there
    python bench/bench_startup.py --draft story.md   # time your own draft

An editable install puts an import hook in front of every import of the package, so
start-up is measured in a regular (non-editable) install of this checkout, made in a
throwaway virtual environment. Each command is run `--runs` times as a fresh process,
bytecode cached as after an install; the figure is the median wall time, and the
import of typer in the same interpreter is the yardstick (target: extract <= 2x).
"""

from __future__ import annotations

import argparse
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


def median_ms(cmd: list[str], runs: int, cwd: Path) -> float:
    for _ in range(2):  # warm-up: bytecode written, files in the page cache
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


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
        rows = [
            ("python -c 'import typer'", median_ms([str(python), "-c", "import typer"], a.runs, work)),
            ("factcheck --version", median_ms([factcheck, "--version"], a.runs, work)),
            ("factcheck extract draft.md", median_ms([factcheck, "extract", "draft.md"], a.runs, work)),
        ]
    base = rows[0][1]
    print(f"start-up in a regular install, median of {a.runs} fresh processes:")
    for name, ms in rows:
        print(f"  {name:<28} {ms:7.1f} ms  {ms / base:5.2f}x")
    print("  target: factcheck extract <= 2x python -c 'import typer'")


if __name__ == "__main__":
    main()

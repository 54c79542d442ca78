"""Hostile inputs made on the fly, and a way to run the CLI under hard limits.

Attack files are generated here rather than committed: a billion-laughs YAML file is a
few hundred bytes, and a zip bomb or a huge draft is cheaper to build than to store.
Commands run in a child process whose address space and CPU time are capped with
`resource.setrlimit`, so a regression fails the test instead of taking the machine down.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

MEMORY_LIMIT = 500 * 1024 * 1024
SECONDS_LIMIT = 10.0


@dataclass
class Bounded:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    cpu: float


def _limits(memory: int, seconds: float):
    def apply() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    return apply


def run_bounded(
    *args: str, cwd: Path, memory: int = MEMORY_LIMIT, seconds: float = SECONDS_LIMIT, env: dict | None = None
) -> Bounded:
    """Run `python -m factcheck ARGS` capped at `memory` bytes and `seconds` of CPU time.

    Going over either limit kills the child or raises in it, which the caller's
    assertions on the exit code and the single error line then catch. Wall time is no
    limit, since a machine busy with other work stretches it: a child is stopped as hung
    only when it has used no CPU for a whole minute.
    """
    full_env = {
        **os.environ,
        **_git_identity("Ed Itor", "ed@example.org"),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        **(env or {}),
    }
    import resource

    began, cpu_before = time.monotonic(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=full_env,
        preexec_fn=_limits(memory, seconds),
        stdin=subprocess.DEVNULL,
    )
    stdout, stderr = _wait_unless_hung(proc, args)
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    out, err = stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace")
    return Bounded(proc.returncode, out, err, time.monotonic() - began, cpu)


HUNG_AFTER = 60.0  # seconds of wall time without a tick of CPU time


def _wait_unless_hung(proc: subprocess.Popen, args: tuple[str, ...]) -> tuple[bytes, bytes]:
    """The child's output once it ends; an AssertionError when it stops working without ending."""
    last_cpu, idle_since = -1, time.monotonic()
    while True:
        try:
            return proc.communicate(timeout=5)  # retrying after a timeout loses no output
        except subprocess.TimeoutExpired:
            pass
        cpu = _cpu_ticks(proc.pid)
        if cpu != last_cpu:
            last_cpu, idle_since = cpu, time.monotonic()
        elif time.monotonic() - idle_since > HUNG_AFTER:
            proc.kill()
            proc.communicate()
            raise AssertionError(f"factcheck {' '.join(args)} used no CPU for {HUNG_AFTER:.0f} s: hung")


def _cpu_ticks(pid: int) -> int:
    """CPU time the process and its waited-for children have used, in clock ticks (-1 once it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return -1
    fields = stat.rpartition(")")[2].split()  # after the command name, which may hold spaces
    return sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime


def assert_one_line_exit_2(r: Bounded, *needles: str, seconds: float = SECONDS_LIMIT) -> None:
    assert r.returncode == 2, (r.returncode, r.stderr[-2000:])
    lines = r.stderr.splitlines()
    assert len(lines) == 1, r.stderr[-2000:]
    assert lines[0].startswith("factcheck: error: "), lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    assert r.cpu < seconds, r.cpu


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under `root` (outside .git and the state folder) and its sha256."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_file() and not rel.startswith((".git/", ".factcheck/")):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def alias_bomb(key: str, depth: int = 9) -> list[str]:
    """YAML lines whose last key expands to 9**depth strings: a "billion laughs"."""
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, depth + 1):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    lines.append(f"{key}: *l{depth}")
    return lines


def committed_newsroom(root: Path, drafts: dict[str, str], config: str = "reviewers: [ed@example.org]\n") -> Path:
    """A git repository with .factcheck.yaml and the given drafts, all committed."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ".factcheck.yaml").write_text(config, encoding="utf-8")
    for rel, text in drafts.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "drafts")
    return root


def _git_identity(name: str, email: str) -> dict[str, str]:
    return {
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **_git_identity("Wanda Writer", "wanda@example.org")}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


def yaml_claims(path: Path) -> list[dict]:
    from factcheck.store import claims_files

    return claims_files.parse_claims_file(path.read_text(encoding="utf-8"), path=str(path)).claims

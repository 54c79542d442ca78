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
    assertions on the exit code and the single error line then catch. Wall time is
    only a backstop against a hang, with room for a machine busy with other work.
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
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "factcheck", *args],
            cwd=cwd,
            capture_output=True,
            env=full_env,
            timeout=max(60.0, seconds * 6),
            preexec_fn=_limits(memory, seconds),
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"factcheck {' '.join(args)} ran past {max(60.0, seconds * 6):.0f} s") from exc
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    return Bounded(proc.returncode, out, err, time.monotonic() - began, cpu)


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

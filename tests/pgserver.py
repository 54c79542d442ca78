"""A throwaway PostgreSQL cluster for the archive tests: initdb and pg_ctl in a temp dir.

PostgreSQL refuses to run as root, and tests and CI run as root here, so as root the
cluster belongs to the `postgres` system user (Debian's package creates it) and its
commands run through `runuser`. It listens on 127.0.0.1 at a free port, with password
authentication for TCP, and is stopped and deleted when the test session ends.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "fc_admin"
PASSWORD = "s3cret-Pw"


def bin_dir() -> Path | None:
    """Where Debian's (or a PATH) initdb lives; None when PostgreSQL is not installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bin: Path
    dir: Path
    port: int
    as_user: list[str]

    def url(self, db: str = "postgres", user: str = SUPERUSER, password: str | None = PASSWORD) -> str:
        auth = f"{user}:{password}" if password else user
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{db}"

    def sql(self, statement: str, db: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(db), autocommit=True) as conn:
            conn.execute(statement)

    def new_database(self) -> str:
        """A fresh, empty database; its URL (with the superuser's password)."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        self.sql(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            self.as_user + [str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(self.dir, ignore_errors=True)


def start() -> Cluster:
    """Start a cluster; raises RuntimeError with the reason when it cannot."""
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb); scripts/test-system-deps.sh installs it")
    base = Path(tempfile.mkdtemp(prefix="fc-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no `postgres` user to own the cluster") from None
        os.chown(base, pw.pw_uid, pw.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    pwfile = base / "pw"
    pwfile.write_text(PASSWORD + "\n")
    if as_user:
        os.chown(pwfile, pwd.getpwnam("postgres").pw_uid, -1)
    data = base / "data"
    init = subprocess.run(
        as_user
        + [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    if init.returncode:
        raise RuntimeError(f"initdb failed: {init.stderr.strip()[-400:]}")
    port = _free_port()
    opts = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=64MB"
    started = subprocess.run(
        as_user
        + [str(binaries / "pg_ctl"), "-D", str(data), "-w", "-t", "60", "-o", opts, "-l", str(base / "log"), "start"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if started.returncode:
        log = (base / "log").read_text(errors="replace")[-400:] if (base / "log").exists() else started.stderr
        raise RuntimeError(f"pg_ctl start failed: {log.strip()}")
    return Cluster(binaries, base, port, as_user)

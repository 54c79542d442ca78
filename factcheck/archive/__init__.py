"""The shared source archive on a PostgreSQL server.

The embedded index serves one reporter's sources; a newsroom's archive of wire copy,
transcripts and filings lives on a server every reporter, editor and the CI gate
share. This package owns that server: its schema and migrations (schema.py), pushing
sources into it (push.py), searching it (search.py), and `status` and `prune`
(admin.py). psycopg is imported here, and only when an archive URL is configured.

Every failure to reach or use the server is one ArchiveError naming the URL without
its password; the password never reaches a message, a log or the terminal.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from factcheck.errors import FactcheckError


class ArchiveError(FactcheckError):
    """The archive server cannot be reached or used (exit code 2)."""


def redact(url: str) -> str:
    """The URL as it may be shown: any password replaced by `***`, query passwords too."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            userinfo, host = netloc.rsplit("@", 1)
            user = userinfo.split(":", 1)[0]
            netloc = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
        query = re.sub(r"(?i)(^|&)(password)=[^&]*", r"\1\2=***", parts.query)
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return "(unparseable archive URL)"


def password_of(url: str) -> str | None:
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    m = re.search(r"(?i)(?:^|&)password=([^&]*)", parts.query)
    return parts.password or (m.group(1) if m else None)


def scrub(message: str, url: str) -> str:
    """A driver message fit to print: one line, with no trace of the password."""
    text = " ".join(str(message).split())
    secret = password_of(url)
    if secret:
        from urllib.parse import unquote

        for form in {secret, unquote(secret)}:
            if form:
                text = text.replace(form, "***")
    return text


def driver():
    """psycopg, imported only now: newsrooms without an archive server never load it."""
    import logging

    try:
        import psycopg
        import psycopg_pool  # noqa: F401 - `match` needs it; say so now rather than halfway
    except ImportError:
        raise ArchiveError(
            "an archive server is configured but psycopg is not installed; run `pip install 'factcheck[postgres]'`"
        ) from None
    # The pool logs its retries; the terminal gets one error line from us instead.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
    logging.getLogger("psycopg").propagate = False
    return psycopg


def failure(url: str, exc: Exception, doing: str) -> ArchiveError:
    """A driver exception as one line: what failed, at which server, and the server's reason."""
    reason = scrub(_first_reason(exc), url)
    return ArchiveError(f"{doing}: {reason}", path=f"archive {redact(url)}")


def _first_reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    # libpq adds hints on following lines ("Is the server running...?"); the first says what happened.
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return lines[0] if lines else text


def connect(url: str, *, doing: str = "cannot connect"):
    """One connection to the archive server, or ArchiveError."""
    psycopg = driver()
    try:
        conn = psycopg.connect(url, connect_timeout=10, application_name="factcheck")
    except psycopg.Error as exc:
        raise failure(url, exc, doing) from None
    except ValueError as exc:  # a malformed URL (bad port) never reaches the server
        raise failure(url, exc, "bad archive URL") from None
    return conn

"""Downloading a source for `sources add`: http and https only, within a size and a deadline.

A server can answer slowly on purpose (a byte every few seconds never trips a socket
timeout), redirect to another scheme, or send a small compressed body that unpacks to
gigabytes. So one watchdog per download shuts its sockets when the overall deadline
passes or when, after a grace period, the server has averaged less than a trickle's worth
of bytes a second; every redirect hop is checked for http or https, and a compressed body
is unpacked only up to the size cap, never beyond.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import urlparse

from factcheck.errors import InputError

CHUNK = 64 * 1024
SCHEMES = ("http", "https")
# How long one network step (connect, one read) may wait, within the overall deadline.
STEP_TIMEOUT = 30.0
# A server that has sent less than MIN_RATE bytes a second on average once GRACE seconds
# have passed is trickling: even a slow newsroom link moves far more, and waiting for the
# overall deadline would hold an editor's terminal for a minute for nothing.
GRACE = 6.0
MIN_RATE = 1024


@dataclass(frozen=True)
class Downloaded:
    data: bytes
    content_type: str
    url: str  # after redirects


class _Watchdog:
    """Shuts every socket of one download when its deadline passes, or when the server is
    trickling, waking a blocked read."""

    def __init__(self, seconds: float, *, grace: float = GRACE, min_rate: float = MIN_RATE):
        self.seconds = seconds
        self.began = time.monotonic()
        self.ends = self.began + seconds
        self.grace, self.min_rate = grace, min_rate
        self.expired = False
        self.trickling = False
        self.received = 0
        self.waited = 0.0  # seconds the server had when it was found trickling
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._done.set()

    def got(self, count: int) -> None:
        self.received += count

    def _watch(self) -> None:
        while not self._done.wait(min(0.25, self.remaining())):
            now = time.monotonic()
            if now >= self.ends:
                self._expire()
                return
            elapsed = now - self.began
            if elapsed >= self.grace and self.received < self.min_rate * elapsed:
                self.trickling, self.waited = True, elapsed
                self._expire()
                return

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            if self.expired:
                _shut(sock)

    def remaining(self) -> float:
        return max(0.05, self.ends - time.monotonic())

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _watched(base, dog: _Watchdog):
    class Watched(base):
        def connect(self):
            self.timeout = min(STEP_TIMEOUT, dog.remaining())
            super().connect()
            dog.watch(self.sock)

    return Watched


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to http or https (urllib would also follow one to ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        scheme = urlparse(newurl).scheme.lower()
        if scheme not in SCHEMES:
            raise InputError(
                f"the server redirected to {scheme or 'a'}:// address {newurl!r}; only http and https are fetched",
                path=req.full_url,
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(dog: _Watchdog):
    plain, secure = _watched(http.client.HTTPConnection, dog), _watched(http.client.HTTPSConnection, dog)

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(plain, req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(secure, req, context=self._context)

    # Only these handlers: no ftp, file or data handler is there to be reached.
    opener = urllib.request.OpenerDirector()
    for handler in (
        Http(),
        Https(),
        _HttpOnlyRedirects(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.HTTPDefaultErrorHandler(),
    ):
        opener.add_handler(handler)
    return opener


def download(
    url: str, *, max_bytes: int, seconds: float, grace: float = GRACE, min_rate: float = MIN_RATE
) -> Downloaded:
    """GET `url`: at most `max_bytes` of body (unpacked, if the server compressed it), all
    within `seconds`, and never slower than `min_rate` bytes a second on average once
    `grace` seconds have passed. Every way it can fail is one InputError naming the URL."""
    if urlparse(url).scheme.lower() not in SCHEMES:
        raise InputError("only http and https addresses are fetched", path=url)
    dog = _Watchdog(seconds, grace=grace, min_rate=min_rate)
    req = urllib.request.Request(
        url, headers={"User-Agent": "factcheck (newsroom source snapshot)", "Accept-Encoding": "identity"}
    )
    dog.start()
    try:
        with _opener(dog).open(req, timeout=min(STEP_TIMEOUT, seconds)) as resp:
            encoding = (resp.headers.get("Content-Encoding") or "identity").strip().lower()
            data = _body(resp, encoding, max_bytes, dog, url)
            ctype = (resp.headers.get_content_type() or "").lower()
            final = resp.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"the server answered {exc.code} {exc.reason}", path=url) from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        if dog.expired:
            raise _late(url, dog) from None
        reason = getattr(exc, "reason", exc)
        raise InputError(f"could not fetch ({reason})", path=url) from None
    finally:
        dog.cancel()
    if dog.expired:
        raise _late(url, dog)
    return Downloaded(data, ctype, final)


def _late(url: str, dog: _Watchdog) -> InputError:
    if dog.trickling:
        return InputError(
            f"the server sent {dog.received} bytes in {dog.waited:.0f} s, under {dog.min_rate / 1024:g} KB/s: stopped as a trickle",
            path=url,
        )
    return InputError(
        f"the download took longer than {dog.seconds:g} s (`limits: fetch_seconds` in .factcheck.yaml)", path=url
    )


def _too_big(url: str, max_bytes: int) -> InputError:
    return InputError(
        f"source is larger than {max_bytes // 1048576} MB (`limits: source_mb` in .factcheck.yaml)", path=url
    )


def _body(resp, encoding: str, max_bytes: int, dog: _Watchdog, url: str) -> bytes:
    """The response body, unpacked from gzip or deflate as it arrives, never past `max_bytes`."""
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise InputError(f"the server sent the body encoded as {encoding!r}, which is not unpacked", path=url)
    # 47 = 32 + 15: a gzip or zlib header, detected; raw deflate is what some servers send as "deflate".
    inflate = None if encoding == "identity" else zlib.decompressobj(47)
    out = bytearray()
    while True:
        if dog.expired:
            raise _late(url, dog)
        chunk = resp.read1(CHUNK) if hasattr(resp, "read1") else resp.read(CHUNK)
        if not chunk:
            break
        dog.got(len(chunk))
        if inflate is None:
            out += chunk
        else:
            _inflate(inflate, chunk, out, max_bytes, url)
        if len(out) > max_bytes:
            raise _too_big(url, max_bytes)
    if inflate is not None and not inflate.eof:
        out += inflate.flush()  # a body that ends early: keep what was sent
    if len(out) > max_bytes:
        raise _too_big(url, max_bytes)
    return bytes(out)


def _inflate(inflate, chunk: bytes, out: bytearray, max_bytes: int, url: str) -> None:
    """Unpack `chunk` onto `out`, stopping one byte past the cap (max_length bounds the work)."""
    try:
        pending = chunk
        while pending and len(out) <= max_bytes:
            out += inflate.decompress(pending, max_bytes + 1 - len(out))
            pending = inflate.unconsumed_tail
    except zlib.error as exc:
        raise InputError(f"the compressed body is damaged ({exc})", path=url) from None

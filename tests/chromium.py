"""The system's Chromium as the browser tests and bench/bench_report.py start it.

Headless, and kept off the network: no first-run pages, no background fetches, no
component or sync updates, so that a page's timings and behaviour are its own.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

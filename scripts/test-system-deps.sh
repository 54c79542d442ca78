#!/usr/bin/env bash
# System packages the test suite needs beyond Python: headless Chromium for the tests
# that open the HTML report in a real browser. The browser comes from Debian, never from
# a browser download, so it is the same build a newsroom's CI machine can install.
# Failure here is not fatal: the browser tests skip and say why.
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-system-deps: no apt-get here; the browser tests will be skipped" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "test-system-deps: not root and no password-less sudo; the browser tests will be skipped" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq </dev/null \
  || ! $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core </dev/null >/dev/null; then
  echo "test-system-deps: could not install chromium; the browser tests will be skipped" >&2
fi
exit 0

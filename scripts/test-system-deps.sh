#!/usr/bin/env bash
# System packages the test suite needs beyond Python: headless Chromium for the tests
# that open the HTML report in a real browser, and OpenSSH's ssh-keygen, which signs
# sign-offs (the signing tests make keys and cross-check signatures with it). Both come
# from Debian, so they are the builds a newsroom's CI machine can install.
# Failure here is not fatal: the browser tests skip and say why.
set -uo pipefail

PACKAGES=""
[ -x /usr/bin/chromium ] || PACKAGES="chromium fonts-dejavu-core"
command -v ssh-keygen >/dev/null 2>&1 || PACKAGES="$PACKAGES openssh-client"
if [ -z "$PACKAGES" ]; then
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
  || ! $SUDO apt-get install -y -qq --no-install-recommends $PACKAGES </dev/null >/dev/null; then
  echo "test-system-deps: could not install $PACKAGES; the tests that need them will say so" >&2
fi
exit 0

#!/usr/bin/env bash
# System packages the test suite needs beyond Python, always from Debian, so they are
# the builds a newsroom's CI machine can install:
# - headless Chromium, for the tests that open the HTML report in a real browser;
# - OpenSSH's ssh-keygen, which signs sign-offs (the signing tests make keys and
#   cross-check signatures with it);
# - PostgreSQL with its contrib modules, for the archive tests, which start a
#   throwaway server of their own with initdb and pg_ctl.
# Failure here is not fatal: the tests that need a missing package skip and say why.
set -uo pipefail

want=()
[ -x /usr/bin/chromium ] || want+=(chromium fonts-dejavu-core)
command -v ssh-keygen >/dev/null 2>&1 || want+=(openssh-client)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || want+=(postgresql postgresql-contrib)
if [ ${#want[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-system-deps: no apt-get here; tests needing ${want[*]} will be skipped" >&2
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "test-system-deps: not root and no password-less sudo; tests needing ${want[*]} will be skipped" >&2
    exit 0
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# The package's own cluster is not needed (the tests make theirs), so none is created or started.
if [ -d /etc/postgresql-common ] || $SUDO mkdir -p /etc/postgresql-common; then
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
    || echo 'create_main_cluster = false' | $SUDO tee -a /etc/postgresql-common/createcluster.conf >/dev/null
fi
if ! $SUDO apt-get update -qq </dev/null \
  || ! $SUDO apt-get install -y -qq --no-install-recommends "${want[@]}" </dev/null >/dev/null; then
  echo "test-system-deps: could not install ${want[*]}; the tests that need them will say so" >&2
fi
exit 0

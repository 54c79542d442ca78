#!/usr/bin/env bash
# Install factcheck with its test dependencies into .venv, lint, check formatting and types, run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
# A virtualenv made before the distribution was renamed still holds it under its old name.
if .venv/bin/python -m pip show -q factcheck >/dev/null 2>&1; then .venv/bin/python -m pip uninstall -q -y factcheck; fi
.venv/bin/python -m pip install -q -e '.[test]'
if [ -x scripts/test-system-deps.sh ]; then bash scripts/test-system-deps.sh; fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# Every test, the slow ones too (`pytest` alone leaves them out); arguments after it still choose.
.venv/bin/python -m pytest -m "slow or not slow" "$@"

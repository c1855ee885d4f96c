#!/usr/bin/env bash
# Installs the npm packages of the Node and browser tests (tests/node/package.json: graphology and its GraphML/GEXF
# readers; d3, d3-flextree and d3-org-chart for the headless-Chromium tests), versions pinned by its package-lock.json,
# into tests/node/node_modules with `npm ci`. Idempotent: does nothing when node_modules was installed from the
# current lock file. Needs node and npm (Debian: nodejs, npm); reaches the npm registry only.
set -euo pipefail
cd "$(dirname "$0")/../tests/node"
if ! command -v npm >/dev/null 2>&1; then
  echo "install-node-deps: npm is not installed (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
# Tests call this script too, several at once under `ctest -j`: one installs while the others wait, so that
# none reads node_modules while `npm ci` replaces it.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/orgchart-install-node-deps.lock"
  flock 9
fi
# npm writes node_modules/.package-lock.json on every install: newer than the lock file means up to date.
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  exit 0
fi
npm ci --no-audit --no-fund --no-progress

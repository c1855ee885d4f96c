#!/usr/bin/env bash
# d3-org-chart 3.1.1 (d3 7, d3-flextree 2; pinned in tests/node/package-lock.json, installed by
# scripts/install-node-deps.sh) draws the committed out/ild.json and out/party-state.json, and the JSON of the
# hostile tricky.yaml, in headless Chromium: every node and connection drawn, no console error
# (tests/scripts/d3_org_chart_check.mjs; README "JSON for d3-org-chart").
set -uo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: node is not installed, so d3-org-chart cannot run (Debian: apt-get install nodejs npm)"
  exit 77
fi
if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
  echo "FAIL: no Chromium at ${CHROMIUM:-/usr/bin/chromium} (scripts/install-deps.sh installs Debian's chromium)"
  exit 1
fi
if ! bash "$root/scripts/install-node-deps.sh"; then
  echo "FAIL: scripts/install-node-deps.sh could not install the npm packages of tests/node"
  exit 1
fi
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
if ! "$bin" export tests/data/yaml/valid/tricky.yaml -o "$d/tricky.json" >"$d/log" 2>&1; then
  echo "FAIL: orgchart export tricky.yaml:"; cat "$d/log"; exit 1
fi
node "$here/d3_org_chart_check.mjs" "$d" out/ild.json out/party-state.json "$d/tricky.json"

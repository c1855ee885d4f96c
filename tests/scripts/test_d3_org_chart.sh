#!/usr/bin/env bash
# d3-org-chart 3.1.1 (d3 7, d3-flextree 2; pinned in tests/node/package-lock.json, installed by
# scripts/install-node-deps.sh) draws the committed out/ild.json and out/party-state.json, and the JSON of the
# hostile tricky.yaml and of a chart with people nodes and stubs, in headless Chromium: every node and
# connection drawn, no console error (tests/scripts/d3_org_chart_check.mjs; README "JSON for d3-org-chart").
set -uo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=node_checks.sh
source "$here/node_checks.sh"
require_node "d3-org-chart cannot run"
require_chromium
require_npm_packages
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
# Also: hostile names, and people as nodes (with a person's further roles as connections) below "+N" stubs.
for run in "tests/data/yaml/valid/tricky.yaml -o $d/tricky.json" \
           "data/party-state.yaml --people nodes --depth 2 -o $d/party-state-people.json"; do
  # shellcheck disable=SC2086
  if ! "$bin" export $run >"$d/log" 2>&1; then
    echo "FAIL: orgchart export $run:"; cat "$d/log"; exit 1
  fi
done
node "$here/d3_org_chart_check.mjs" "$d" out/ild.json out/party-state.json "$d/tricky.json" "$d/party-state-people.json"

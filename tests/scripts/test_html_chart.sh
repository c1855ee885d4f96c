#!/usr/bin/env bash
# The interactive HTML chart in headless Chromium (tests/scripts/html_chart_check.mjs): the ILD's page searched
# by abbreviation, name and id, a subtree collapsed and expanded, zoomed, dragged, hovered, with no error and
# nothing fetched; a page of hostile names runs no script but ours. Needs node and /usr/bin/chromium (no npm
# package: the DevTools protocol over a pipe, tests/scripts/headless_chromium.mjs).
set -uo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=node_checks.sh
source "$here/node_checks.sh"
require_node "the browser test cannot run"
require_chromium
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cat >"$d/hostile.yaml" <<'YAML'
title: "</title><script>window.__pwned=3</script> & co"
description: "]]> <!-- --> </style><script>window.__pwned=4</script>"
sources: [{id: s, title: "</script><img src=x onerror=window.__pwned=5>"}]
units:
  - id: top
    name: Top
    kind: ministry
    sources: [s]
  - id: evil
    name: "</script><script>window.__pwned=1</script>"
    abbreviation: "\"><img src=x onerror=window.__pwned=2>"
    native_name: "<!-- </style> -->"
    kind: office
    parent: top
    sources: [s]
  - id: other
    name: "O'Brien & \"Sons\" \u2028 line"
    kind: office
    parent: top
    sources: [s]
relations:
  - {unit: evil, kind: funds, target: other, label: "</script><script>window.__pwned=6</script>", sources: [s]}
YAML
for run in "export data/ild.yaml -o $d/ild.html -o $d/ild.json" "export $d/hostile.yaml -o $d/hostile.html" \
           "export data/party-state.yaml --as-of 2024-06-01 --people nodes --depth 2 -o $d/as-of.html" \
           "diff data/ild.yaml --from 2024-06-01 --to 2025-12-01 -o $d/diff.html"; do
  # shellcheck disable=SC2086
  if ! "$bin" $run >"$d/log" 2>&1; then
    echo "FAIL: orgchart $run:"; cat "$d/log"; exit 1
  fi
done
node "$here/html_chart_check.mjs" "$d/ild.html" "$d/ild.json" "$d/hostile.html" "$d/as-of.html" "$d/diff.html"

#!/usr/bin/env bash
# Graphviz's own programs read our DOT: dot draws it, and neato -n2 reproduces the org layout from its positions.
set -uo pipefail
bin=$1
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
pass=0 fail=0
check() { if "$@" >"$d/log" 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $*"; cat "$d/log"; fi; }
for data in data/ild.yaml tests/data/yaml/valid/tricky.yaml; do
  n=$(basename "$data" .yaml)
  check "$bin" export "$data" -o "$d/$n.dot" -o "$d/$n.svg"
  check dot -Tsvg "$d/$n.dot" -o "$d/$n.dot.svg"
  check neato -n2 -Tsvg "$d/$n.dot" -o "$d/$n.n2.svg"
  # Same boxes in the same places: compare the node polygons/paths of our SVG and neato -n2's.
  grep -o 'd="M[^"]*"' "$d/$n.svg" | sort >"$d/a"; grep -o 'd="M[^"]*"' "$d/$n.n2.svg" | sort >"$d/b"
  check cmp "$d/a" "$d/b"
  check "$bin" export "$data" --layout dot -o "$d/$n.plain.dot"
  check dot -Tsvg "$d/$n.plain.dot" -o "$d/$n.plain.svg"
done
# graphml2gv reads GraphML topology only (its man page: <key> and <data> are not handled), so it can confirm
# nodes and edges of both dialects, not labels.
for g in out/ild.graphml out/ild.yed.graphml out/party-state.graphml; do
  want="$(grep -c '<node ' "$g") $(grep -c '<edge ' "$g")"
  got=$(graphml2gv "$g" 2>/dev/null | gc -n -e | awk '{print $1, $2}')
  if [[ "$got" == "$want" ]]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: graphml2gv $g: '$got' != '$want'"; fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]

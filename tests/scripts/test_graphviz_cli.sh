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
  # Same boxes in the same places: the extent of each card's outline (and group block's) in our SVG and in
  # neato -n2's drawing of our DOT, by element id, within half a point.
  check python3 - "$d/$n.svg" "$d/$n.n2.svg" <<'PY'
import re, sys, xml.etree.ElementTree as ET
S = "{http://www.w3.org/2000/svg}"
def boxes(path):
    out = {}
    for g in ET.parse(path).getroot().iter(S + "g"):
        if g.get("class") != "node" or not re.fullmatch(r"[vg]\d+", g.get("id") or ""):
            continue
        shape = next(e for e in g.iter() if e.tag in (S + "path", S + "polygon"))  # neato wraps it in <a>
        nums = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points"))]
        out[g.get("id")] = (min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2]))
    return out
ours, neato = boxes(sys.argv[1]), boxes(sys.argv[2])
assert ours.keys() == neato.keys() and len(ours) > 2, (sorted(ours), sorted(neato))
for k in ours:
    assert all(abs(a - b) <= 0.5 for a, b in zip(ours[k], neato[k])), (k, ours[k], neato[k])
print(len(ours), "boxes agree")
PY
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

#!/usr/bin/env bash
# graphology, the JavaScript graph library behind Gephi Lite, reads our GraphML (plain and yEd, through
# graphology-graphml) and GEXF (graphology-gexf) with the counts, labels and numeric positions the YAML implies.
# The npm packages are pinned in tests/node/package-lock.json and installed by scripts/install-node-deps.sh.
set -uo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=node_checks.sh
source "$here/node_checks.sh"
require_node "graphology cannot read our GraphML and GEXF"
require_npm_packages
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail=0
names=()
for data in data/ild.yaml data/party-state.yaml tests/data/yaml/valid/tricky.yaml; do
  n=$(basename "$data" .yaml)
  names+=("$n")
  if ! "$bin" export "$data" -o "$d/$n.plain.graphml" --graphml plain >"$d/log" 2>&1 ||
     ! "$bin" export "$data" -o "$d/$n.yed.graphml" -o "$d/$n.gexf" --graphml yed >"$d/log" 2>&1; then
    echo "FAIL: orgchart export $data:"; cat "$d/log"; fail=$((fail + 1)); continue
  fi
  # What the data implies, read by PyYAML (not by our reader): unit id -> name as written out (the control
  # characters XML forbids removed), the number of parent edges, the relation kinds.
  if ! /usr/bin/python3 - "$data" >"$d/$n.expect.json" <<'EOF'
import json, re, sys
sys.path.insert(0, "tests/scripts")
from common import latest_counts, load_yaml_with_includes
units, parents, relations = latest_counts(load_yaml_with_includes(sys.argv[1]))
clean = lambda s: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", "", s)
day = lambda d: "" if d is None else str(d)
print(json.dumps({"units": {u["id"]: clean(u["name"]) for u in units}, "parents": len(parents),
                  "relations": [r["kind"] for r in relations],
                  "relation_validity": sorted([r["kind"], day(r.get("from")), day(r.get("until"))] for r in relations)}))
EOF
  then
    echo "FAIL: could not read $data with PyYAML"; fail=$((fail + 1))
  fi
done
if [[ $fail -ne 0 ]]; then
  echo "0 passed, $fail failed"
  exit 1
fi
node "$here/graphology_check.mjs" "$d" "${names[@]}"

#!/usr/bin/env bash
# Our GraphML validates against the GraphML schemas in ../shared/schemas (plain and yEd-lax).
set -uo pipefail
bin=$1
schemas=$(cd "$(dirname "$0")/../../.." && pwd)/shared/schemas
if [[ ! -d $schemas ]]; then
  echo "SKIP: $schemas is not there (it is beside the repository in CI); nothing validated"
  exit 77
fi
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
pass=0 fail=0
check() { if "$@" >"$d/log" 2>&1; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $*"; cat "$d/log"; fi; }
for data in data/ild.yaml data/party-state.yaml tests/data/yaml/valid/tricky.yaml; do
  n=$(basename "$data" .yaml)
  check "$bin" export "$data" -o "$d/$n.graphml" -o "$d/$n.plain.graphml" --graphml yed
  "$bin" export "$data" -o "$d/$n.plain.graphml" --graphml plain
  check xmllint --noout --schema "$schemas/graphml/graphml+yfiles-lax.xsd" "$d/$n.graphml"
  check xmllint --noout --schema "$schemas/graphml/graphml.xsd" "$d/$n.plain.graphml"
  # The plain schema must reject yEd graphics: proves the check can fail.
  if xmllint --noout --schema "$schemas/graphml/graphml.xsd" "$d/$n.graphml" >/dev/null 2>&1; then
    fail=$((fail+1)); echo "FAIL: plain schema accepted yEd graphics in $n.graphml"
  else pass=$((pass+1)); fi
done
# The committed files themselves.
check xmllint --noout --schema "$schemas/graphml/graphml.xsd" out/ild.graphml
check xmllint --noout --schema "$schemas/graphml/graphml+yfiles-lax.xsd" out/ild.graphml
check xmllint --noout --schema "$schemas/graphml/graphml+yfiles-lax.xsd" out/ild.yed.graphml
check xmllint --noout --schema "$schemas/graphml/graphml.xsd" out/party-state.graphml
check xmllint --noout --relaxng "$schemas/gexf-1.3/gexf.rng" out/ild.gexf
check xmllint --noout --relaxng "$schemas/gexf-1.3/gexf.rng" out/party-state.gexf
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]

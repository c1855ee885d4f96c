#!/usr/bin/env bash
# The committed charts in out/ are what the current code and data produce, byte for byte, and two runs agree.
set -uo pipefail
bin=$1
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
pass=0 fail=0
bash scripts/export-all.sh "$bin" "$d/a" >/dev/null || { echo "FAIL: export-all"; exit 1; }
bash scripts/export-all.sh "$bin" "$d/b" >/dev/null || { echo "FAIL: export-all (second run)"; exit 1; }
for f in "$d"/a/*; do
  n=$(basename "$f")
  if cmp -s "$f" "$d/b/$n"; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: two runs differ: $n"; fi
  if cmp -s "$f" "out/$n"; then pass=$((pass+1)); else
    fail=$((fail+1)); echo "FAIL: out/$n is stale or missing: run 'make run' and commit out/"
  fi
done
echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]

#!/usr/bin/env bash
# Runs each libFuzzer harness for a bounded time, seeded from the test data: run.sh BUILD_DIR SECONDS [NAME...]
# The fuzzers keep what they learn in BUILD_DIR/corpus/<name> and write crashing inputs to BUILD_DIR/artifacts/.
# Exit status: non-zero as soon as one harness finds a crash (its input is printed; make it a test in
# tests/data/fuzz-regressions/).
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR SECONDS [NAME...]}
seconds=${2:-60}
shift 2 || true
names=("$@")
((${#names[@]})) || names=(fuzz_yaml fuzz_graphml fuzz_input)
root=$(cd "$(dirname "$0")/.." && pwd)

seeds() {  # the files a harness starts from
  case $1 in
    fuzz_yaml) find "$root/tests/data/yaml" "$root/data" "$root/tests/data/fuzz-regressions" -name '*.yaml' ;;
    fuzz_graphml) find "$root/tests/data/graphml" "$root/tests/data/golden" "$root/tests/data/fuzz-regressions" -name '*.graphml' ;;
    *) find "$root/tests/data/yaml" "$root/tests/data/graphml" "$root/tests/data/fuzz-regressions" \
         "$root/tests/data/tables" "$root/tests/data/infobox" "$root/data/examples" -type f ;;
  esac 2>/dev/null | while read -r f; do [[ $(stat -c %s "$f") -le 200000 ]] && echo "$f"; done
}

mkdir -p "$build/artifacts"
for name in "${names[@]}"; do
  corpus="$build/corpus/$name"
  mkdir -p "$corpus"
  seeds "$name" | while read -r f; do cp -n "$f" "$corpus/$(basename "$f")"; done
  dict=()
  case $name in
    fuzz_yaml) dict=(-dict="$root/fuzz/yaml.dict") ;;
    fuzz_graphml) dict=(-dict="$root/fuzz/graphml.dict") ;;
  esac
  echo "fuzz: $name for ${seconds}s ($(ls "$corpus" | wc -l) inputs in its corpus)"
  "$build/$name" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/$name-"
done

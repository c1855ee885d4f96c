#!/usr/bin/env bash
# Writes the committed charts in out/ from data/ (what `make run` does). Usage: scripts/export-all.sh BINARY [OUTDIR]
set -euo pipefail
bin=${1:-build/orgchart}
out=${2:-out}
mkdir -p "$out"
# One load and one layout per run; the plain GraphML (schema-valid GraphML for Gephi, NetworkX, igraph, Boost)
# and the yEd one (same data plus yEd graphics) need two runs because the dialect applies to the whole run.
"$bin" export data/ild.yaml -o "$out/ild.dot" -o "$out/ild.svg" -o "$out/ild.png" -o "$out/ild.pdf" \
  -o "$out/ild.graphml" -o "$out/ild.gexf" -o "$out/ild.json" --graphml plain
"$bin" export data/ild.yaml -o "$out/ild.yed.graphml" --graphml yed
# The wider network (data/party-state.yaml includes data/ild.yaml), for Gephi and for reading.
"$bin" export data/party-state.yaml -o "$out/party-state.graphml" -o "$out/party-state.gexf" -o "$out/party-state.svg" \
  -o "$out/party-state.png" -o "$out/party-state.json" --graphml plain
# A people chart straight from a spreadsheet export (README "From a spreadsheet").
"$bin" export data/examples/acme-staff.csv -o "$out/people.svg" -o "$out/people.png"
# A people chart: person cards, an assistant, a vacancy, co-heads, a dotted-line manager, an embedded photo.
"$bin" export data/examples/people.yaml -o "$out/people-yaml.svg"
echo "wrote $out/ild.{dot,svg,png,pdf,graphml,yed.graphml,gexf,json}, $out/party-state.{graphml,gexf,svg,png,json}, $out/people.{svg,png} and $out/people-yaml.svg"

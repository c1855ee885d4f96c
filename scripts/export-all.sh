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
# Big charts across pages (README "Pages"): multi-page PDFs with "continued on p. N" links, the party-state network
# and a generated organization of 3,000 units (tests/scripts/make_tree.py), and one page of each as PNG.
"$bin" export data/party-state.yaml --pages -o "$out/party-state.pdf"
tree=$(mktemp --suffix=.yaml)
trap 'rm -f "$tree"' EXIT
python3 tests/scripts/make_tree.py 3000 7 > "$tree"
"$bin" export "$tree" --pages -o "$out/generated-3000.pdf"
pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$out/party-state.pdf" "$out/party-state-page-1"
pdftoppm -png -r 60 -f 2 -l 2 -singlefile "$out/generated-3000.pdf" "$out/generated-3000-page-2"
echo "wrote $out/ild.{dot,svg,png,pdf,graphml,yed.graphml,gexf,json}, $out/party-state.{graphml,gexf,svg,png,json}, $out/people.{svg,png}, $out/people-yaml.svg, $out/party-state.pdf, $out/generated-3000.pdf (--pages)"

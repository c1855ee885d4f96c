#!/usr/bin/env bash
# Installs the Debian 12 packages orgchart needs, only those missing; safe to run again.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-graph-dev libgraphviz-dev libcli11-dev libgtest-dev libyaml-cpp-dev libbenchmark-dev libxml2-dev libzip-dev
  graphviz fonts-noto-cjk fonts-noto-core
  python3 python3-yaml python3-networkx python3-igraph libxml2-utils librsvg2-bin poppler-utils python3-pil chromium
  python3-openpyxl python3-xlsxwriter
  librsvg2-dev python3-pypdf  # --pages: multi-page PDF with links (librsvg + cairo); its tests read the links
  strace  # tests/scripts/test_output_safety.py: outputs are fsynced before and after the rename
)
packages+=(libpango1.0-dev libfyaml-dev)  # issue 11: card text measured with pango; YAML read with libfyaml
packages+=(librsvg2-dev libcairo2-dev)  # PNG and PDF: our SVG rendered by librsvg onto cairo surfaces
packages+=(libpng-dev zlib1g-dev)  # our PNG packed by libpng and zlib (writers/svg_raster.cpp)
packages+=(clang libfuzzer-14-dev)  # make fuzz: libFuzzer harnesses with ASan and UBSan

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    SUDO=sudo
  else
    SUDO=
  fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all packages present"
fi

# Node.js runs the graphology test (the GraphML/GEXF parser behind Gephi Lite). The machine image ships a
# Node of its own; where there is none, Debian's.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install-deps: installing nodejs and npm"
  ${SUDO:-} apt-get update -q
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -q --no-install-recommends nodejs npm
fi
bash "$(dirname "$0")/install-node-deps.sh"

# Graphviz finds its renderers through a plugin registry; without it rendering fails with
# "format not recognized". Some installs skip the trigger that writes it.
gvdir=$(dirname "$(find /usr/lib -name 'libgvplugin_core.so*' -print -quit 2>/dev/null || true)")
if [[ -n "$gvdir" && "$gvdir" != "." && ! -s "$gvdir/config6a" ]]; then
  echo "install-deps: writing Graphviz plugin registry (dot -c)"
  ${SUDO:-} dot -c
fi

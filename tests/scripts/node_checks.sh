# Sourced by the tests that run node (test_d3_org_chart.sh, test_graphology.sh, test_html_chart.sh): what each
# needs before its check script can run. Each function returns to the caller or ends the test.

# Skips the test (exit 77) when node is not installed; `$1` says what cannot run without it.
require_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: node is not installed, so $1 (Debian: apt-get install nodejs npm)"
    exit 77
  fi
}

# Fails the test when Debian's Chromium (or $CHROMIUM) is missing.
require_chromium() {
  if [[ ! -x ${CHROMIUM:-/usr/bin/chromium} ]]; then
    echo "FAIL: no Chromium at ${CHROMIUM:-/usr/bin/chromium} (scripts/install-deps.sh installs Debian's chromium)"
    exit 1
  fi
}

# Installs the pinned npm packages of tests/node. Always through the installer: it does nothing when up to
# date, and waits while another test installs.
require_npm_packages() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  if ! bash "$root/scripts/install-node-deps.sh"; then
    echo "FAIL: scripts/install-node-deps.sh could not install the npm packages of tests/node"
    echo "0 passed, 1 failed"
    exit 1
  fi
}

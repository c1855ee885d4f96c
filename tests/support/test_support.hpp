#pragma once
// Helpers shared by the tests: paths, files, running the real binary.
#include <string>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/model/org.hpp"

namespace orgchart::test {

/// A hierarchy chain u0 <- u1 <- ... <- u(n-1), each the parent of the next (for depth tests).
OrgModel make_chain(int n);

/// The graph of tests/data/yaml/valid/tricky.yaml: text that tries to break every output format.
OrgGraph tricky_graph();

/// People drawn as nodes: Pat heads b and advises a (b's parent); with `sam`, Sam heads a too.
OrgGraph two_hats_graph(bool sam = false);

/// A diff chart of one change of each kind: unit a renamed (changed), b removed, c added (both below a), and the
/// hierarchy edges a->b removed, a->c added.
OrgGraph small_diff_graph();

/// A fixed layout (no font metrics involved), so that golden files hold positions on every machine.
Layout fixed_layout(const OrgGraph& g);

/// The whole diagnostic text of loading YAML `text` as "t.yaml", or "(no error)".
std::string errors_of(const std::string& text);

/// The repository root (tests run with it as working directory).
std::string source_dir();
/// The orgchart binary under test.
std::string binary();
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
/// A fresh empty directory under the system temp dir, removed at exit.
std::string temp_dir();

struct CommandResult {
  int exit_code = -1;
  std::string out, err;
};
/// Runs a shell command line, capturing stdout and stderr.
CommandResult run(const std::string& command_line);
/// Single-quotes a string for the shell.
std::string shell_quote(const std::string& s);

/// True when ORGCHART_UPDATE_GOLDEN=1: golden files are rewritten instead of compared.
bool update_golden();
/// Compares `actual` with the golden file (relative to tests/data/golden), or rewrites it on request.
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace orgchart::test

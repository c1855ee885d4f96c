#include "support/test_support.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "orgchart/graph/diff_graph.hpp"
#include "orgchart/readers/yaml_reader.hpp"

namespace orgchart::test {

OrgModel make_chain(int n) {
  OrgModel m;
  for (int i = 0; i < n; ++i) {
    Unit u;
    u.id = "u" + std::to_string(i);
    u.name = u.id;
    u.kind = "office";
    if (i) u.parent = "u" + std::to_string(i - 1);
    m.units.push_back(u);
  }
  return m;
}

OrgGraph tricky_graph() {
  // Relative, as the golden files record the data file the chart was made from.
  return build_graph(load_org_file("tests/data/yaml/valid/tricky.yaml").model);
}

OrgGraph two_hats_graph(bool sam) {
  std::string yaml = R"(title: Two hats
units:
  - {id: a, name: A, kind: office}
  - {id: b, name: B, kind: office, parent: a}
people:
  - name: Pat
    roles:
      - {unit: b, role: head}
      - {unit: a, role: adviser, title: Adviser}
)";
  if (sam) yaml += "  - {name: Sam, unit: a, role: head}\n";
  GraphOptions nodes;
  nodes.people = PeopleMode::kNodes;
  return build_graph(load_org_string(yaml, "two-hats.yaml").model, nodes);
}

OrgGraph small_diff_graph() {
  const OrgModel before = load_org_string("units:\n  - {id: a, name: A, kind: office}\n"
                                          "  - {id: b, name: B, kind: office, parent: a}\n", "before.yaml").model;
  const OrgModel after = load_org_string("units:\n  - {id: a, name: A2, kind: office}\n"
                                         "  - {id: c, name: C, kind: office, parent: a}\n", "after.yaml").model;
  return build_diff_graph(before, after);
}

Layout fixed_layout(const OrgGraph& g) {
  Layout l;
  const std::size_t n = boost::num_vertices(g.graph);
  for (std::size_t v = 0; v < n; ++v) {
    l.centre.push_back({100.0 + 150.0 * static_cast<double>(v), 30.0 + 80.0 * g.graph[v].depth + 0.125});
    l.size.push_back({120.5, 40});
  }
  l.hierarchy_route.resize(n);
  l.bounds = {0, 0, 100.0 + 150.0 * static_cast<double>(n), 400};
  return l;
}

std::string errors_of(const std::string& text) {
  try {
    load_org_string(text, "t.yaml");
  } catch (const ParseError& e) {
    return format_diagnostics(e.diagnostics());
  }
  return "(no error)";
}

namespace fs = std::filesystem;

std::string source_dir() {
  const char* env = std::getenv("ORGCHART_SOURCE_DIR");
  return env ? env : ORGCHART_SOURCE_DIR;
}

std::string binary() { return ORGCHART_BINARY; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path);
}

namespace {
struct TempDirs {
  std::vector<std::string> dirs;
  ~TempDirs() {
    std::error_code ec;
    for (const auto& d : dirs) fs::remove_all(d, ec);
  }
};
TempDirs g_temp_dirs;
}  // namespace

std::string temp_dir() {
  std::string tmpl = (fs::temp_directory_path() / "orgchart-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  g_temp_dirs.dirs.push_back(tmpl);
  return tmpl;
}

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

CommandResult run(const std::string& command_line) {
  const std::string dir = temp_dir();
  const std::string out = dir + "/stdout", err = dir + "/stderr";
  const std::string cmd = "cd " + shell_quote(source_dir()) + " && " + command_line + " >" + shell_quote(out) + " 2>" +
                          shell_quote(err) + " </dev/null";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

bool update_golden() {
  const char* env = std::getenv("ORGCHART_UPDATE_GOLDEN");
  return env && std::string(env) == "1";
}

void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = source_dir() + "/tests/data/golden/" + name;
  if (update_golden()) {
    fs::create_directories(fs::path(path).parent_path());
    write_file(path, actual);
    return;
  }
  std::string expected;
  ASSERT_NO_THROW(expected = read_file(path)) << "missing golden file " << path
                                              << " (create it with ORGCHART_UPDATE_GOLDEN=1 and review it)";
  EXPECT_EQ(expected, actual) << "output differs from " << path
                              << "; if the change is intended, rerun with ORGCHART_UPDATE_GOLDEN=1 and review the diff";
}

}  // namespace orgchart::test

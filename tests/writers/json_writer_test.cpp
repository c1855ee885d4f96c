#include "orgchart/writers/json_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "orgchart/cli/export.hpp"
#include "orgchart/readers/yaml_reader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

OrgGraph tricky() { return test::tricky_graph(); }

using test::fixed_layout;

std::string json_of(const OrgGraph& g, const Layout& layout, const JsonOptions& o = {}) {
  std::ostringstream out;
  write_json(out, g, layout, o);
  return out.str();
}

TEST(JsonWriter, GoldenTricky) {
  const OrgGraph g = tricky();
  test::expect_golden("tricky.json", json_of(g, fixed_layout(g)));
}

TEST(JsonWriter, GoldenTrickySeveralRoots) {
  const OrgGraph g = tricky();
  test::expect_golden("tricky.several-roots.json", json_of(g, fixed_layout(g), JsonOptions{false}));
}

TEST(JsonQuote, EscapesQuotesBackslashesControlsAndHtml) {
  EXPECT_EQ(json_quote("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_quote("tab\tnl\ncr\r"), R"("tab\tnl\ncr\r")");
  // clean_text drops the C0 controls XML forbids; what is left never appears raw.
  EXPECT_EQ(json_quote(std::string("x\x01y\x1f", 4)), R"("xy")");
  EXPECT_EQ(json_quote("</script><!-- & -->"), R"("\u003c/script\u003e\u003c!-- \u0026 --\u003e")");
  EXPECT_EQ(json_quote("\xE2\x80\xA8|\xE2\x80\xA9"), R"("\u2028|\u2029")");
  EXPECT_EQ(json_quote("\xE2\x80\xA6"), "\"\xE2\x80\xA6\"");  // U+2026 shares the lead bytes: kept as it is
  EXPECT_EQ(json_quote("bad \xC3( utf8 \xFF"), "\"bad \xEF\xBF\xBD( utf8 \xEF\xBF\xBD\"");
  EXPECT_EQ(json_quote("中联部"), "\"中联部\"");
  EXPECT_EQ(json_quote(""), "\"\"");
}

TEST(JsonWriter, HostileTextIsEscapedEverywhere) {
  const OrgGraph g = tricky();
  const std::string json = json_of(g, fixed_layout(g));
  EXPECT_EQ(json.find('<'), std::string::npos);
  EXPECT_EQ(json.find('>'), std::string::npos);
  for (char c = 1; c < 0x20; ++c)
    if (c != '\n') {
      EXPECT_EQ(json.find(c), std::string::npos) << "control character " << int(c);
    }
  EXPECT_NE(json.find(R"("name": "\u003c/text\u003e\u003cscript\u003ealert(1)\u003c/script\u003e")"), std::string::npos);
  EXPECT_NE(json.find(R"("name": "Line one\nline two")"), std::string::npos);
  EXPECT_NE(json.find(R"("name": "Root \"quoted\" \\ back\\slash \\N \\G")"), std::string::npos);
}

TEST(JsonWriter, OneSyntheticRootUnlessSeveralRootsAreAsked) {
  const OrgGraph g = tricky();  // two roots: root and other
  const std::string several = json_of(g, fixed_layout(g), JsonOptions{false});
  EXPECT_NE(several.find(R"({"id": "root", "parentId": null,)"), std::string::npos);
  EXPECT_NE(several.find(R"({"id": "other", "parentId": null,)"), std::string::npos);
  EXPECT_NE(several.find(R"({"id": "child-1", "parentId": "root",)"), std::string::npos);
  EXPECT_EQ(several.find(kJsonRootId), std::string::npos);

  const std::string one = json_of(g, fixed_layout(g));
  EXPECT_NE(one.find(R"({"id": "orgchart:root", "parentId": null, "name": "Tricky \u003cb\u003echart)"),
            std::string::npos);
  EXPECT_NE(one.find(R"({"id": "root", "parentId": "orgchart:root",)"), std::string::npos);
  EXPECT_NE(one.find(R"({"id": "other", "parentId": "orgchart:root",)"), std::string::npos);
  // Exactly one null parent.
  std::size_t nulls = 0;
  for (std::size_t p = one.find("\"parentId\": null"); p != std::string::npos; p = one.find("\"parentId\": null", p + 1))
    ++nulls;
  EXPECT_EQ(nulls, 1u);

  // With one root already (here the --root unit), single_root adds nothing.
  const OrgGraph ild = build_graph(load_org_file("data/ild.yaml").model, GraphOptions{{}, "ild", -1, PeopleMode::kInline, false, ""});
  EXPECT_EQ(json_of(ild, Layout{}), json_of(ild, Layout{}, JsonOptions{false}));
  EXPECT_NE(json_of(ild, Layout{}).find(R"({"id": "ild", "parentId": null,)"), std::string::npos);
  EXPECT_EQ(json_of(ild, Layout{}).find(kJsonRootId), std::string::npos);
}

TEST(JsonWriter, EmptyChartGetsTheSyntheticRootAlone) {
  OrgModel m;
  m.title = "Nothing yet";
  const OrgGraph g = build_graph(m);
  const std::string json = json_of(g, Layout{});
  EXPECT_NE(json.find(R"({"id": "orgchart:root", "parentId": null, "name": "Nothing yet")"), std::string::npos) << json;
  EXPECT_NE(json.find("\"connections\": [],"), std::string::npos) << json;
}

TEST(JsonWriter, RelationsAreConnectionsWithFromToLabel) {
  const OrgGraph g = tricky();
  const std::string json = json_of(g, fixed_layout(g));
  const auto at = json.find("\"connections\": [\n    {\"from\": ");
  ASSERT_NE(at, std::string::npos) << json;
  // The hierarchy is not repeated as connections: one relation in tricky.
  const auto end = json.find("\n  ],", at);
  EXPECT_EQ(std::count(json.begin() + at, json.begin() + end, '\n'), 1) << json.substr(at, end - at);
}

TEST(JsonWriter, EmptyLayoutGivesNullPositions) {
  const std::string json = json_of(tricky(), Layout{});
  EXPECT_NE(json.find("\"width\": null,\n  \"height\": null,"), std::string::npos);
  EXPECT_NE(json.find(R"("x": null, "y": null, "width": null, "height": null, "depth": 0, "directReports": )"), std::string::npos);
}

TEST(JsonWriter, StubsAndPeopleHangInTheTree) {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model, GraphOptions{{}, "ild", 0, PeopleMode::kNodes, false, ""});
  const std::string json = json_of(g, Layout{});
  EXPECT_NE(json.find(R"("parentId": "ild", "name": "+)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"id": "person:0", "parentId": )"), std::string::npos);
  EXPECT_NE(json.find(R"("kind": "person")"), std::string::npos);
  EXPECT_NE(json.find(R"("relation": "role")"), std::string::npos);
  EXPECT_NE(json.find(R"("kind": "person", "role": "Head", )"), std::string::npos) << json;
}

/// Python's json module (an independent parser) reads the file; the script prints what it finds.
test::CommandResult python_check(const std::string& json, bool no_layout = false) {
  const std::string path = test::temp_dir() + "/chart.json";
  test::write_file(path, json);
  const char* script = R"(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(d) == ["title", "description", "width", "height", "nodes", "connections", "links", "sources"], list(d)
ids = [n["id"] for n in d["nodes"]]
assert len(ids) == len(set(ids)), "duplicate ids"
roots = [n for n in d["nodes"] if n["parentId"] is None]
assert all(n["parentId"] in ids for n in d["nodes"] if n["parentId"] is not None), "dangling parentId"
parent = {n["id"]: n["parentId"] for n in d["nodes"]}
for i in ids:  # every node reaches a root: no cycle
    seen = set()
    while i is not None:
        assert i not in seen, "cycle through " + i
        seen.add(i)
        i = parent[i]
assert all(l["source"] in ids and l["target"] in ids for l in d["links"]), "dangling link"
assert all(c["from"] in ids and c["to"] in ids and c["label"] for c in d["connections"]), "dangling connection"
tree = {(p, i) for i, p in parent.items()}
assert not any((c["from"], c["to"]) in tree and c["relation"] == "role" for c in d["connections"]), "tree role repeated"
assert len(d["connections"]) == sum(l["relation"] != "parent" for l in d["links"]) - sum(
    n["kind"] == "person" for n in d["nodes"]), "connections are not the non-tree edges"
cited = {s for n in d["nodes"] for s in n["sources"]} | {s for l in d["links"] for s in l["sources"]}
cited |= {s for c in d["connections"] for s in c["sources"]}
assert cited <= {s["id"] for s in d["sources"]}, "unknown source cited"
for n in d["nodes"]:
    for k in ["x", "y", "width", "height"]:
        assert sys.argv[2] == "1" or isinstance(n[k], (int, float)), (n["id"], k, n[k])
    assert isinstance(n["depth"], int)
    assert isinstance(n["role"], str) and (n["role"] != "") == (n["kind"] == "person"), n
print(len(d["nodes"]), len(d["links"]), len(roots), sum(l["relation"] == "parent" for l in d["links"]))
)";
  return test::run("/usr/bin/python3 -c " + test::shell_quote(script) + " " + test::shell_quote(path) +
                   (no_layout ? " 1" : " 0"));
}

TEST(JsonWriter, PythonReadsIldWithCountsAndResolvingReferences) {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model);
  const std::string json = json_of(g, layout_for(g, LayoutEngine::kOrg, PageSize{}));
  std::size_t parents = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) parents += g.graph[e].type == EdgeType::kHierarchy;
  const auto r = python_check(json);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // One more node than vertices: the synthetic root above the chart's roots.
  ASSERT_GT(g.roots.size(), 1u);
  EXPECT_EQ(r.out, std::to_string(boost::num_vertices(g.graph) + 1) + " " + std::to_string(boost::num_edges(g.graph)) +
                       " 1 " + std::to_string(parents) + "\n");
}

TEST(JsonWriter, PythonReadsTrickyWithOneRoot) {
  const OrgGraph g = tricky();
  const auto r = python_check(json_of(g, fixed_layout(g), JsonOptions{true}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "5 3 1 2\n");  // 4 units + the synthetic root; 2 parent edges and 1 relation
}

TEST(JsonWriter, FurtherRolesOfAPersonAreConnections) {
  const OrgGraph g = test::two_hats_graph(true);
  const std::string json = json_of(g, Layout{});
  EXPECT_NE(json.find(R"({"id": "person:0", "parentId": "b", "name": "Pat", "kind": "person", "role": "Head", )"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("kind": "person", "role": "Head", )"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"from": "a", "to": "person:0", "label": "Adviser", "relation": "role", )"), std::string::npos)
      << json;
  const auto r = python_check(json, true);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "4 4 1 1\n");  // 2 units, 2 people, no synthetic root (a is the one root); a->b and 3 roles
}

TEST(JsonWriter, DiffChartMarksChangesOnNodesAndConnections) {
  const std::string dir = test::temp_dir();
  const auto r = test::run(test::shell_quote(test::binary()) + " diff data/ild.yaml --from 2024-06-01 --to 2025-12-01 -o " +
                           test::shell_quote(dir + "/d.json"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string json = test::read_file(dir + "/d.json");
  // The ILD changed leaders between the two dates; the Central Committee did not change.
  const auto ild = json.find(R"({"id": "ild", )");
  ASSERT_NE(ild, std::string::npos) << json;
  EXPECT_NE(json.substr(ild, json.find('\n', ild) - ild).find(R"("change": "changed")"), std::string::npos) << json;
  const auto cc = json.find(R"({"id": "central-committee", )");
  ASSERT_NE(cc, std::string::npos) << json;
  EXPECT_NE(json.substr(cc, json.find('\n', cc) - cc).find(R"("change": "")"), std::string::npos) << json;
  // An ordinary chart has no change marks.
  const OrgGraph g = tricky();
  EXPECT_EQ(json_of(g, fixed_layout(g)).find("\"change\""), std::string::npos);
}

}  // namespace
}  // namespace orgchart

#include "orgchart/writers/json_writer.hpp"

#include <gtest/gtest.h>

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

TEST(JsonWriter, GoldenTrickySingleRoot) {
  const OrgGraph g = tricky();
  test::expect_golden("tricky.single-root.json", json_of(g, fixed_layout(g), JsonOptions{true}));
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

TEST(JsonWriter, RootsHaveNullParentUnlessOneSyntheticRootIsAsked) {
  const OrgGraph g = tricky();  // two roots: root and other
  const std::string several = json_of(g, fixed_layout(g));
  EXPECT_NE(several.find(R"({"id": "root", "parentId": null,)"), std::string::npos);
  EXPECT_NE(several.find(R"({"id": "other", "parentId": null,)"), std::string::npos);
  EXPECT_NE(several.find(R"({"id": "child-1", "parentId": "root",)"), std::string::npos);
  EXPECT_EQ(several.find(kJsonRootId), std::string::npos);

  const std::string one = json_of(g, fixed_layout(g), JsonOptions{true});
  EXPECT_NE(one.find(R"({"id": "orgchart:root", "parentId": null, "name": "Tricky \u003cb\u003echart)"),
            std::string::npos);
  EXPECT_NE(one.find(R"({"id": "root", "parentId": "orgchart:root",)"), std::string::npos);
  EXPECT_NE(one.find(R"({"id": "other", "parentId": "orgchart:root",)"), std::string::npos);
  // Exactly one null parent.
  std::size_t nulls = 0;
  for (std::size_t p = one.find("\"parentId\": null"); p != std::string::npos; p = one.find("\"parentId\": null", p + 1))
    ++nulls;
  EXPECT_EQ(nulls, 1u);

  // With one root already, single_root adds nothing.
  const OrgGraph ild = build_graph(load_org_file("data/ild.yaml").model, GraphOptions{{}, "ild", -1, PeopleMode::kInline});
  EXPECT_EQ(json_of(ild, Layout{}, JsonOptions{true}), json_of(ild, Layout{}));
}

TEST(JsonWriter, EmptyLayoutGivesNullPositions) {
  const std::string json = json_of(tricky(), Layout{});
  EXPECT_NE(json.find("\"width\": null,\n  \"height\": null,"), std::string::npos);
  EXPECT_NE(json.find(R"("x": null, "y": null, "width": null, "height": null, "depth": 0, "directReports": )"), std::string::npos);
}

TEST(JsonWriter, StubsAndPeopleHangInTheTree) {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model, GraphOptions{{}, "ild", 0, PeopleMode::kNodes});
  const std::string json = json_of(g, Layout{});
  EXPECT_NE(json.find(R"("parentId": "ild", "name": "+)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"({"id": "person:0", "parentId": )"), std::string::npos);
  EXPECT_NE(json.find(R"("kind": "person")"), std::string::npos);
  EXPECT_NE(json.find(R"("relation": "role")"), std::string::npos);
}

/// Python's json module (an independent parser) reads the file; the script prints what it finds.
test::CommandResult python_check(const std::string& json) {
  const std::string path = test::temp_dir() + "/chart.json";
  test::write_file(path, json);
  const char* script = R"(
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(d) == ["title", "description", "width", "height", "nodes", "links", "sources"], list(d)
ids = [n["id"] for n in d["nodes"]]
assert len(ids) == len(set(ids)), "duplicate ids"
roots = [n for n in d["nodes"] if n["parentId"] is None]
assert all(n["parentId"] in ids for n in d["nodes"] if n["parentId"] is not None), "dangling parentId"
assert all(l["source"] in ids and l["target"] in ids for l in d["links"]), "dangling link"
cited = {s for n in d["nodes"] for s in n["sources"]} | {s for l in d["links"] for s in l["sources"]}
assert cited <= {s["id"] for s in d["sources"]}, "unknown source cited"
for n in d["nodes"]:
    for k in ["x", "y", "width", "height"]:
        assert isinstance(n[k], (int, float)), (n["id"], k, n[k])
    assert isinstance(n["depth"], int)
print(len(d["nodes"]), len(d["links"]), len(roots), sum(l["relation"] == "parent" for l in d["links"]))
)";
  return test::run("/usr/bin/python3 -c " + test::shell_quote(script) + " " + test::shell_quote(path));
}

TEST(JsonWriter, PythonReadsIldWithCountsAndResolvingReferences) {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model);
  const std::string json = json_of(g, layout_for(g, LayoutEngine::kOrg, PageSize{}));
  std::size_t parents = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) parents += g.graph[e].type == EdgeType::kHierarchy;
  const auto r = python_check(json);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::to_string(boost::num_vertices(g.graph)) + " " + std::to_string(boost::num_edges(g.graph)) + " " +
                       std::to_string(g.roots.size()) + " " + std::to_string(parents) + "\n");
}

TEST(JsonWriter, PythonReadsTrickyWithOneRoot) {
  const OrgGraph g = tricky();
  const auto r = python_check(json_of(g, fixed_layout(g), JsonOptions{true}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "5 3 1 2\n");  // 4 units + the synthetic root; 2 parent edges and 1 relation
}

}  // namespace
}  // namespace orgchart

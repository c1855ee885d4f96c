// GraphML back in, end to end: a chart exported to GraphML (and edited in yEd or Gephi) is drawn again.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.hpp"

namespace orgchart {
namespace {

namespace fs = std::filesystem;
using test::run;
using test::shell_quote;

std::string oc() { return shell_quote(test::binary()); }

/// `orgchart export <input> <args> -o <dir>/<name>`, which must succeed; returns the output's text.
std::string export_to(const std::string& input, const std::string& dir, const std::string& name,
                      const std::string& args = "") {
  const std::string out = dir + "/" + name;
  const auto r = run(oc() + " export " + shell_quote(input) + " " + args + " -o " + shell_quote(out));
  EXPECT_EQ(r.exit_code, 0) << input << " -> " << name << ": " << r.err;
  return r.exit_code == 0 ? test::read_file(out) : std::string();
}

TEST(CliGraphmlRoundTrip, ExportOfOurGraphmlIsByteIdenticalInBothDialects) {
  for (const char* data : {"data/ild.yaml", "data/party-state.yaml"}) {
    for (const char* dialect : {"yed", "plain"}) {
      SCOPED_TRACE(std::string(data) + " " + dialect);
      const std::string dir = test::temp_dir();
      const std::string args = std::string("--graphml ") + dialect;
      const std::string first = export_to(data, dir, "a.graphml", args);
      const std::string second = export_to(dir + "/a.graphml", dir, "b.graphml", args);
      ASSERT_FALSE(first.empty());
      EXPECT_EQ(second, first);
      // The graph carries the title, the description and the sources with their titles.
      EXPECT_NE(first.find("<data key=\"g_title\">"), std::string::npos);
      EXPECT_NE(first.find("{\"id\": \"wiki-2024\", \"title\": \"International Department of the Chinese Communist "
                           "Party (encyclopedia article, 2024 copy)\", \"date\": \"2024\""),
                std::string::npos);
    }
  }
}

TEST(CliGraphmlRoundTrip, TheChartDrawnFromOurGraphmlIsTheChartDrawnFromTheData) {
  // Same units, parents, relations, leaders and source titles: the SVG (tooltips included) comes out the same.
  const std::string dir = test::temp_dir();
  const std::string direct = export_to("data/ild.yaml", dir, "direct.svg");
  export_to("data/ild.yaml", dir, "ild.graphml");
  const std::string again = export_to(dir + "/ild.graphml", dir, "again.svg");
  ASSERT_FALSE(direct.empty());
  EXPECT_EQ(again, direct);
  EXPECT_NE(again.find("- wiki-2024: International Department of the Chinese Communist Party (encyclopedia article, "
                       "2024 copy) (2024)"),
            std::string::npos);
}

TEST(CliGraphmlRoundTrip, YedAndGephiSavedCopiesDraw) {
  const std::string dir = test::temp_dir();
  const std::string yed = export_to("tests/data/graphml/yed-saved.graphml", dir, "yed.svg");
  EXPECT_NE(yed.find(">Press Office</text>"), std::string::npos) << "a node added in yEd, named by its yEd label";
  EXPECT_NE(yed.find("Liu Haixing"), std::string::npos);
  const std::string gephi = export_to("tests/data/graphml/gephi-saved.graphml", dir, "gephi.svg");
  EXPECT_NE(gephi.find("Department of Policy Planning"), std::string::npos);
  EXPECT_NE(gephi.find("China Institute of International Studies"), std::string::npos);
  const auto r = run(oc() + " validate tests/data/graphml/gephi-saved.graphml");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "tests/data/graphml/gephi-saved.graphml: ok: 3 units, 0 people (0 roles), 1 relations, 2 sources\n");
}

TEST(CliGraphmlRoundTrip, KeysAddedByYedAndGephiSurvive) {
  const std::string dir = test::temp_dir();
  // Gephi's "Modularity Class" (a name with a space: the key id is escaped, the name kept as it is).
  const std::string gephi = export_to("tests/data/graphml/gephi-saved.graphml", dir, "gephi.graphml", "--graphml plain");
  EXPECT_NE(gephi.find("<key id=\"n_x_Modularity-20Class\" for=\"node\" attr.name=\"Modularity Class\" "
                       "attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(gephi.find("<data key=\"n_x_Modularity-20Class\">1</data>"), std::string::npos);
  EXPECT_EQ(export_to(dir + "/gephi.graphml", dir, "gephi2.graphml", "--graphml plain"), gephi);
  // yEd's url and description, on nodes and on edges.
  const std::string yed = export_to("tests/data/graphml/yed-saved.graphml", dir, "yed.graphml");
  EXPECT_NE(yed.find("<key id=\"n_x_description\" for=\"node\" attr.name=\"description\" attr.type=\"string\"/>\n"
                     "  <key id=\"n_x_url\" for=\"node\" attr.name=\"url\" attr.type=\"string\"/>"),
            std::string::npos);
  EXPECT_NE(yed.find("<key id=\"e_x_url\" for=\"edge\" attr.name=\"url\" attr.type=\"string\"/>"), std::string::npos);
  EXPECT_NE(yed.find("<data key=\"n_x_description\">moved in yEd</data>"), std::string::npos);
  EXPECT_NE(yed.find("<data key=\"e_x_url\">https://example.org/e2</data>"), std::string::npos);
  EXPECT_EQ(export_to(dir + "/yed.graphml", dir, "yed2.graphml"), yed);
}

TEST(CliGraphmlRoundTrip, ForeignKeysKeepBothDialectsValid) {
  const std::string schemas = test::source_dir() + "/../shared/schemas/graphml";
  if (!fs::exists(schemas) || run("command -v xmllint").exit_code != 0)
    GTEST_SKIP() << "xmllint or " << schemas << " is not there";
  const std::string dir = test::temp_dir();
  export_to("tests/data/graphml/yed-saved.graphml", dir, "plain.graphml", "--graphml plain");
  export_to("tests/data/graphml/yed-saved.graphml", dir, "yed.graphml", "--graphml yed");
  auto r = run("xmllint --noout --schema " + shell_quote(schemas + "/graphml.xsd") + " " +
               shell_quote(dir + "/plain.graphml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run("xmllint --noout --schema " + shell_quote(schemas + "/graphml+yfiles-lax.xsd") + " " +
          shell_quote(dir + "/yed.graphml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(CliGraphmlRoundTrip, MalformedXmlExitsOneWithLineAndColumn) {
  const std::string dir = test::temp_dir();
  const std::string file = dir + "/broken.graphml";
  test::write_file(file, "<graphml>\n  <graph>\n    <node id=\"n0\">\n  </graph>\n</graphml>\n");
  auto r = run(oc() + " validate " + shell_quote(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, file + ":4:11: error: XML syntax error: Opening and ending tag mismatch: node line 3 and graph\n"
                          "      </graph>\n"
                          "              ^\n" +
                       file + ": 1 error in the input\n");
  // export: the same error, and nothing written.
  r = run(oc() + " export " + shell_quote(file) + " -o " + shell_quote(dir + "/x.svg"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(file + ":4:11: error: XML syntax error"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir + "/x.svg"));
}

TEST(CliGraphmlRoundTrip, ReaderAndValidationErrorsPointIntoTheGraphml) {
  // An edge to a node that is not there (the reader's error) and a likely kind typo (validation's warning),
  // both with their line:col and the GraphML line under them.
  const std::string dir = test::temp_dir();
  const std::string file = dir + "/edited.graphml";
  test::write_file(file, R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="r" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="l">A</data><data key="k">office</data></node>
    <node id="b"><data key="l">B</data><data key="k">offise</data></node>
    <edge source="a" target="b"><data key="r">parent</data></edge>
    <edge source="a" target="bb"><data key="r">funds</data></edge>
  </graph>
</graphml>
)");
  const auto r = run(oc() + " validate " + shell_quote(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, file + ":8:5: warning: unit 'b' has kind 'offise', used by no other unit (did you mean 'office'?); "
                          "kinds are open, so it is drawn as a kind of its own\n"
                          "        <node id=\"b\"><data key=\"l\">B</data><data key=\"k\">offise</data></node>\n"
                          "        ^\n" +
                       file + ":10:5: error: this edge has the unknown target node 'bb' (did you mean 'b'?)\n"
                              "        <edge source=\"a\" target=\"bb\"><data key=\"r\">funds</data></edge>\n"
                              "        ^\n" +
                       file + ": 1 error in the input\n");
}

}  // namespace
}  // namespace orgchart

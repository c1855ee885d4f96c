#include "orgchart/writers/gexf_writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "orgchart/cli/export.hpp"
#include "orgchart/readers/yaml_reader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

OrgGraph tricky() { return test::tricky_graph(); }

using test::fixed_layout;

std::string gexf_of(const OrgGraph& g, const Layout& layout, const GexfOptions& o = {}) {
  std::ostringstream out;
  write_gexf(out, g, layout, o);
  return out.str();
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

TEST(GexfWriter, GoldenTricky) {
  const OrgGraph g = tricky();
  test::expect_golden("tricky.gexf", gexf_of(g, fixed_layout(g)));
}

TEST(GexfWriter, HostileTextIsEscapedEverywhere) {
  const OrgGraph g = tricky();
  const std::string xml = gexf_of(g, fixed_layout(g));
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  EXPECT_EQ(xml.find("<b>"), std::string::npos);
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
  EXPECT_EQ(xml.find("<![CDATA["), std::string::npos);
  for (char c = 1; c < 0x20; ++c)
    if (c != '\n') {
      EXPECT_EQ(xml.find(c), std::string::npos) << "control character " << int(c);
    }
  EXPECT_NE(xml.find("label=\"&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), std::string::npos);
  EXPECT_NE(xml.find("value=\"R&amp;D\""), std::string::npos);
  // A newline in an attribute value is a character reference: a parser would read a raw one as a space.
  EXPECT_NE(xml.find("label=\"Line one&#10;line two\""), std::string::npos);
  EXPECT_NE(xml.find("<description>Tricky &lt;b&gt;chart&lt;/b&gt; &amp; &quot;friends&quot;</description>"),
            std::string::npos);
}

TEST(GexfWriter, PositionsAreBoxCentresWithYUpSizesAndBorderColours) {
  const OrgGraph g = tricky();
  Layout l = fixed_layout(g);
  l.centre[1] = {12.5, 100};
  l.bounds.height = 250;
  const std::string xml = gexf_of(g, l);
  EXPECT_NE(xml.find("<viz:position x=\"12.5\" y=\"150\" z=\"0\"/>"), std::string::npos);
  // Vertex 0 is "root" (party-organ, border #990000) with 3 units in its subtree.
  const auto n0 = xml.find("<node id=\"n0\"");
  const auto n1 = xml.find("<node id=\"n1\"");
  ASSERT_NE(n0, std::string::npos);
  const std::string first = xml.substr(n0, n1 - n0);
  EXPECT_NE(first.find("<viz:color r=\"153\" g=\"0\" b=\"0\"/>"), std::string::npos) << first;
  EXPECT_NE(first.find("<viz:size value=\"19.51\"/>"), std::string::npos) << first;  // 10 + 6 log2(3)
  EXPECT_EQ(count(xml, "<viz:position "), static_cast<int>(boost::num_vertices(g.graph)));
}

TEST(GexfWriter, EmptyLayoutLeavesPlacementToGephiAndVizCanBeOff) {
  const OrgGraph g = tricky();
  const std::string xml = gexf_of(g, Layout{});
  EXPECT_EQ(xml.find("<viz:position"), std::string::npos);
  EXPECT_EQ(count(xml, "<viz:size "), static_cast<int>(boost::num_vertices(g.graph)));
  const std::string bare = gexf_of(g, fixed_layout(g), GexfOptions{false});
  EXPECT_EQ(bare.find("viz"), std::string::npos);
  EXPECT_EQ(count(bare, "<node "), static_cast<int>(boost::num_vertices(g.graph)));
}

TEST(GexfWriter, ParallelEdgesKeepTheirRelationAsKind) {
  const OrgGraph g = build_graph(load_org_string(R"(
sources: [{id: s, title: S}]
units:
  - {id: a, name: A, kind: ministry, sources: [s]}
  - {id: b, name: B, kind: bureau, parent: a, sources: [s]}
relations:
  - {unit: a, kind: affiliation, target: b, sources: [s]}
  - {unit: a, kind: funds, target: b, label: "pays", sources: [s]}
)",
                                                                 "parallel.yaml")
                                     .model);
  const std::string xml = gexf_of(g, Layout{});
  EXPECT_NE(xml.find("source=\"n0\" target=\"n1\" kind=\"parent\" weight="), std::string::npos) << xml;
  EXPECT_NE(xml.find("source=\"n0\" target=\"n1\" kind=\"affiliation\" label=\"affiliation\""), std::string::npos);
  EXPECT_NE(xml.find("source=\"n0\" target=\"n1\" kind=\"funds\" label=\"pays\""), std::string::npos);
  EXPECT_NE(xml.find("<edges count=\"3\">"), std::string::npos);
  // Edge ids are distinct, so no reader merges the three.
  EXPECT_EQ(count(xml, "<edge id=\"e0\"") + count(xml, "<edge id=\"e1\"") + count(xml, "<edge id=\"e2\""), 3);
}

TEST(GexfWriter, SameInputSameBytes) {
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model);
  const Layout l = layout_for(g, LayoutEngine::kOrg, PageSize{});
  const std::string a = gexf_of(g, l);
  const OrgGraph g2 = build_graph(load_org_file("data/ild.yaml").model);
  EXPECT_EQ(a, gexf_of(g2, layout_for(g2, LayoutEngine::kOrg, PageSize{})));
  EXPECT_EQ(a.find("lastmodifieddate"), std::string::npos);
  EXPECT_EQ(count(a, "<node "), static_cast<int>(boost::num_vertices(g.graph)));
  EXPECT_EQ(count(a, "<edge "), static_cast<int>(boost::num_edges(g.graph)));
}

// RELAX NG validation with xmllint, as ../shared/schemas/README.md prescribes (the XSDs reject viz:*).
class GexfSchema : public ::testing::Test {
 protected:
  void SetUp() override {
    rng_ = test::source_dir() + "/../shared/schemas/gexf-1.3/gexf.rng";
    if (!std::filesystem::exists(rng_))
      GTEST_SKIP() << "SKIP: " << rng_ << " is not there (it is beside the repository in CI); GEXF not validated";
    if (test::run("command -v xmllint").exit_code != 0) GTEST_SKIP() << "SKIP: xmllint is not installed";
  }
  test::CommandResult validate(const std::string& name, const std::string& xml) {
    const std::string path = test::temp_dir() + "/" + name;
    test::write_file(path, xml);
    return test::run("xmllint --noout --relaxng " + test::shell_quote(rng_) + " " + test::shell_quote(path));
  }
  std::string rng_;
};

TEST_F(GexfSchema, IldAndTrickyValidate) {
  const OrgGraph ild = build_graph(load_org_file("data/ild.yaml").model);
  const OrgGraph party = build_graph(load_org_file("data/party-state.yaml").model, GraphOptions{{}, "", 1, PeopleMode::kNodes, false, ""});
  const OrgGraph t = tricky();
  for (const auto& [name, xml] : std::vector<std::pair<std::string, std::string>>{
           {"ild.gexf", gexf_of(ild, layout_for(ild, LayoutEngine::kOrg, PageSize{}))},
           {"party-people-stubs.gexf", gexf_of(party, layout_for(party, LayoutEngine::kOrg, PageSize{}))},
           {"tricky.gexf", gexf_of(t, fixed_layout(t))},
           {"tricky-nolayout.gexf", gexf_of(t, Layout{})},
           {"tricky-noviz.gexf", gexf_of(t, Layout{}, GexfOptions{false})}}) {
    const auto r = validate(name, xml);
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.out << r.err;
  }
}

TEST_F(GexfSchema, RejectsWhatGexfForbids) {
  // Proves the check can fail: a wrong version and an attribute <gexf> does not allow.
  const OrgGraph t = tricky();
  const std::string xml = gexf_of(t, fixed_layout(t));
  EXPECT_NE(validate("v12.gexf", std::regex_replace(xml, std::regex("version=\"1.3\""), "version=\"1.2\"")).exit_code, 0);
  EXPECT_NE(validate("extra.gexf", std::regex_replace(xml, std::regex("<node id=\"n0\""), "<node id=\"n0\" colour=\"red\""))
                .exit_code,
            0);
}

TEST(GexfWriter, DiffChangesAreColouredAsInTheDrawnChart) {
  // viz:color of each node and edge: the diff's change colours from style (kAddedColour, ...), as DOT and SVG.
  const std::string gexf = gexf_of(test::small_diff_graph(), Layout{});
  auto colour_after = [&](const std::string& what) {
    const auto at = gexf.find(what);
    if (at == std::string::npos) return std::string("(no ") + what + ")";
    const auto c = gexf.find("<viz:color ", at);
    return gexf.substr(c, gexf.find("/>", c) - c);
  };
  EXPECT_EQ(colour_after("label=\"C\""), "<viz:color r=\"26\" g=\"127\" b=\"55\"");   // #1a7f37 added
  EXPECT_EQ(colour_after("label=\"B\""), "<viz:color r=\"207\" g=\"34\" b=\"46\"");   // #cf222e removed
  EXPECT_EQ(colour_after("label=\"A2\""), "<viz:color r=\"191\" g=\"87\" b=\"0\"");    // #bf5700 changed
  EXPECT_EQ(count(gexf, "<viz:color r=\"26\" g=\"127\" b=\"55\""), 2) << "the added unit and its edge";
  EXPECT_EQ(count(gexf, "<viz:color r=\"207\" g=\"34\" b=\"46\""), 2) << "the removed unit and its edge";
}

}  // namespace
}  // namespace orgchart

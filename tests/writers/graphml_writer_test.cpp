#include "orgchart/writers/graphml_writer.hpp"

#include <gtest/gtest.h>

#include <boost/graph/graphml.hpp>
#include <sstream>

#include "orgchart/readers/yaml_reader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

OrgGraph tricky() { return build_graph(load_org_file("tests/data/yaml/valid/tricky.yaml").model); }

std::string graphml_of(const OrgGraph& g, GraphmlDialect d) {
  std::ostringstream out;
  write_graphml(out, g, Layout{}, GraphmlOptions{d});
  return out.str();
}

TEST(GraphmlWriter, GoldenPlain) { test::expect_golden("tricky.plain.graphml", graphml_of(tricky(), GraphmlDialect::kPlain)); }
TEST(GraphmlWriter, GoldenYed) { test::expect_golden("tricky.yed.graphml", graphml_of(tricky(), GraphmlDialect::kYed)); }

using ReadGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS,
                                        boost::property<boost::vertex_name_t, std::string>,
                                        boost::property<boost::edge_name_t, std::string>>;

TEST(GraphmlWriter, BoostReadsItBackWithTheSameCountsAndLabels) {
  // Boost's reader insists on attr.type for every key, which yEd's graphics keys never carry (yEd writes
  // them without), so Boost reads the plain dialect; NetworkX and igraph read both (tests/scripts).
  const OrgGraph g = tricky();
  for (auto dialect : {GraphmlDialect::kPlain}) {
    std::istringstream in(graphml_of(g, dialect));
    ReadGraph rg;
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("label", boost::get(boost::vertex_name, rg));
    dp.property("relation", boost::get(boost::edge_name, rg));
    ASSERT_NO_THROW(boost::read_graphml(in, rg, dp));
    EXPECT_EQ(boost::num_vertices(rg), boost::num_vertices(g.graph));
    EXPECT_EQ(boost::num_edges(rg), boost::num_edges(g.graph));
    EXPECT_EQ(boost::get(boost::vertex_name, rg, 1), "</text><script>alert(1)</script>");
    std::multiset<std::string> relations;
    for (auto e : boost::make_iterator_range(boost::edges(rg))) relations.insert(boost::get(boost::edge_name, rg, e));
    EXPECT_EQ(relations.count("parent"), 2u);
    EXPECT_EQ(relations.count("funds"), 1u);
  }
}

TEST(GraphmlWriter, NoKeyIsNamedIdAndNodeIdsAreNmtokens) {
  const std::string xml = graphml_of(tricky(), GraphmlDialect::kPlain);
  EXPECT_EQ(xml.find("attr.name=\"id\""), std::string::npos);
  EXPECT_NE(xml.find("<node id=\"n3\">"), std::string::npos);
  EXPECT_NE(xml.find("<data key=\"n_unit_id\">child.2</data>"), std::string::npos);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
}

}  // namespace
}  // namespace orgchart

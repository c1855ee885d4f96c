#include "orgchart/writers/graphml_writer.hpp"

#include <gtest/gtest.h>

#include <boost/graph/graphml.hpp>
#include <sstream>

#include "orgchart/readers/yaml_reader.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

OrgGraph tricky() { return test::tricky_graph(); }

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

TEST(GraphmlWriter, GraphCarriesTitleDescriptionAndSourcesFirst) {
  OrgModel model = load_org_string(R"(title: "A & B"
description: "Two\nlines"
sources:
  - {id: s1, title: "Say \"hi\" \\ 中文\ttab\x01\x7f\r\n", date: 2024-05, url: "https://e.org/?a&b", notes: "<n>"}
  - {id: s2, title: S2, file: seeds/x.txt}
units:
  - {id: a, name: A, kind: office, sources: [s1, s2]}
)",
                                   "t.yaml")
                       .model;
  const std::string xml = graphml_of(build_graph(model), GraphmlDialect::kPlain);
  EXPECT_NE(xml.find("  <key id=\"g_title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n"
                     "  <key id=\"g_description\" for=\"graph\" attr.name=\"description\" attr.type=\"string\"/>\n"
                     "  <key id=\"g_sources\" for=\"graph\" attr.name=\"sources\" attr.type=\"string\"/>\n"),
            std::string::npos);
  // Empty fields are left out; the JSON is json_quote's (", \, control characters, and & < > as \u00XX), so
  // the XML has nothing left to escape in it.
  EXPECT_NE(xml.find("  <graph id=\"orgchart\" edgedefault=\"directed\">\n"
                     "    <data key=\"g_title\">A &amp; B</data>\n"
                     "    <data key=\"g_description\">Two\nlines</data>\n"
                     "    <data key=\"g_sources\">[{\"id\": \"s1\", \"title\": \"Say \\\"hi\\\" \\\\ 中文\\ttab\\r\\n\", "
                     "\"date\": \"2024-05\", \"url\": \"https://e.org/?a\\u0026b\", \"notes\": \"\\u003cn\\u003e\"}, "
                     "{\"id\": \"s2\", \"title\": \"S2\", \"file\": \"seeds/x.txt\"}]</data>\n"
                     "    <node id=\"n0\">\n"),
            std::string::npos)
      << xml;
}

TEST(GraphmlWriter, AttributesGetOneKeyEachSortedWithNmtokenIds) {
  OrgModel model = load_org_string(R"(sources: [{id: s, title: S}]
units:
  - {id: a, name: A, kind: office, sources: [s]}
  - {id: b, name: B, kind: office, parent: a, sources: [s]}
people:
  - {name: P, unit: a, role: head, sources: [s]}
relations:
  - {unit: b, kind: funds, target: a, sources: [s]}
)",
                                   "t.yaml")
                       .model;
  model.units[0].attributes = {{"x-y", "1"}, {"b c", "<2>"}, {"a_b", "3"}, {"\xC3\xA9t\xC3\xA9", "4"},
                               // ours win, `id` is never a key name, empty values make no key
                               {"label", "not mine"}, {"id", "x"}, {"unset", ""}};
  model.units[1].attributes = {{"b c", "5"}};
  model.relations[0].attributes = {{"Edge Class", "7"}, {"weight", "99"}};
  GraphOptions people_nodes;
  people_nodes.people = PeopleMode::kNodes;
  const std::string xml = graphml_of(build_graph(model, people_nodes), GraphmlDialect::kPlain);
  EXPECT_NE(xml.find("  <key id=\"n_card_label\" for=\"node\" attr.name=\"card_label\" attr.type=\"string\"/>\n"
                     "  <key id=\"n_x_a_b\" for=\"node\" attr.name=\"a_b\" attr.type=\"string\"/>\n"
                     "  <key id=\"n_x_b-20c\" for=\"node\" attr.name=\"b c\" attr.type=\"string\"/>\n"
                     "  <key id=\"n_x_x-2Dy\" for=\"node\" attr.name=\"x-y\" attr.type=\"string\"/>\n"
                     "  <key id=\"n_x_-C3-A9t-C3-A9\" for=\"node\" attr.name=\"\xC3\xA9t\xC3\xA9\" attr.type=\"string\"/>\n"
                     "  <key id=\"e_label\""),
            std::string::npos)
      << xml.substr(0, 5000);
  EXPECT_NE(xml.find("  <key id=\"e_b\" for=\"edge\" attr.name=\"b\" attr.type=\"int\"/>\n"
                     "  <key id=\"e_x_Edge-20Class\" for=\"edge\" attr.name=\"Edge Class\" attr.type=\"string\"/>\n"
                     "  <graph "),
            std::string::npos);
  EXPECT_EQ(xml.find("attr.name=\"id\""), std::string::npos);
  EXPECT_EQ(xml.find("unset"), std::string::npos);
  EXPECT_EQ(xml.find("not mine"), std::string::npos);
  EXPECT_EQ(xml.find(">99<"), std::string::npos);
  // Every node and edge carries every key: a unit's values, "" elsewhere (the person, the other unit's gaps).
  EXPECT_NE(xml.find("</data>\n"
                     "      <data key=\"n_x_a_b\">3</data>\n"
                     "      <data key=\"n_x_b-20c\">&lt;2&gt;</data>\n"
                     "      <data key=\"n_x_x-2Dy\">1</data>\n"
                     "      <data key=\"n_x_-C3-A9t-C3-A9\">4</data>\n"
                     "    </node>\n"),
            std::string::npos);
  EXPECT_NE(xml.find("      <data key=\"n_x_a_b\"></data>\n"
                     "      <data key=\"n_x_b-20c\">5</data>\n"),
            std::string::npos);
  std::size_t data_lines = 0;
  for (std::size_t p = 0; (p = xml.find("<data key=\"n_x_a_b\">", p)) != std::string::npos; ++p) ++data_lines;
  EXPECT_EQ(data_lines, 3u);  // a, b and the person
  std::size_t edge_lines = 0;
  for (std::size_t p = 0; (p = xml.find("<data key=\"e_x_Edge-20Class\">", p)) != std::string::npos; ++p) ++edge_lines;
  EXPECT_EQ(edge_lines, 3u);  // the hierarchy edge, the relation and the role
  EXPECT_NE(xml.find("<data key=\"e_x_Edge-20Class\">7</data>"), std::string::npos);
}

}  // namespace
}  // namespace orgchart

namespace orgchart {
namespace {

TEST(GraphmlWriter, ParentIdIsTheDrawnParentAsInJson) {
  // One tree for every writer: a person drawn below a unit has that unit as parent_id, as JSON's parentId.
  GraphOptions people_nodes;
  people_nodes.people = PeopleMode::kNodes;
  const OrgGraph g = build_graph(load_org_file("data/ild.yaml").model, people_nodes);
  const std::string xml = graphml_of(g, GraphmlDialect::kPlain);
  std::size_t persons = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
    const auto parent = g.drawn_parent(v);
    const std::string want = "<node id=\"n" + std::to_string(v) + "\">";
    const std::size_t at = xml.find(want);
    ASSERT_NE(at, std::string::npos);
    const std::string datum = "<data key=\"n_parent_id\">" + (parent ? g.graph[*parent].id : std::string()) + "</data>";
    EXPECT_NE(xml.substr(at, xml.find("</node>", at) - at).find(datum), std::string::npos) << g.graph[v].id;
    persons += g.graph[v].type == NodeType::kPerson && parent;
  }
  EXPECT_GT(persons, 0u) << "the chart must draw people below units for this test to mean something";
}

TEST(GraphmlWriter, DiffChangesAreColouredAsInTheDrawnChart) {
  // The r/g/b keys (Gephi, NetworkX) and yEd's outline and line carry the diff's change colours from style.
  const std::string yed = graphml_of(test::small_diff_graph(), GraphmlDialect::kYed);
  auto count = [&](const std::string& what) {
    int n = 0;
    for (auto p = yed.find(what); p != std::string::npos; p = yed.find(what, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<y:BorderStyle color=\"#1A7F37\""), 1) << yed;  // c added
  EXPECT_EQ(count("<y:BorderStyle color=\"#CF222E\""), 1) << yed;  // b removed
  EXPECT_EQ(count("<y:BorderStyle color=\"#BF5700\""), 1) << yed;  // a renamed
  EXPECT_EQ(count("<y:LineStyle color=\"#1A7F37\""), 1) << yed;    // a->c added
  EXPECT_EQ(count("<y:LineStyle color=\"#CF222E\""), 1) << yed;    // a->b removed
  EXPECT_EQ(count("<data key=\"n_r\">26</data>"), 1) << yed;
  EXPECT_EQ(count("<data key=\"n_r\">207</data>"), 1) << yed;
  EXPECT_EQ(count("<data key=\"n_r\">191</data>"), 1) << yed;
}

}  // namespace
}  // namespace orgchart

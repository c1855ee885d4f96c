#include "orgchart/writers/dot_writer.hpp"

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "orgchart/readers/yaml_reader.hpp"
#include "orgchart/writers/text.hpp"
#include "support/test_support.hpp"

namespace orgchart {
namespace {

OrgGraph tricky() { return test::tricky_graph(); }

std::string dot_of(const OrgGraph& g) {
  std::ostringstream out;
  write_dot(out, g, Layout{});
  return out.str();
}

TEST(DotWriter, Golden) { test::expect_golden("tricky.dot", dot_of(tricky())); }

TEST(DotWriter, GraphvizReadsItBackWithEveryNodeAndEdge) {
  const OrgGraph g = tricky();
  const std::string dot = dot_of(g);
  std::unique_ptr<Agraph_t, int (*)(Agraph_t*)> ag(agmemread(dot.c_str()), agclose);
  ASSERT_TRUE(ag) << dot;
  // Every vertex, plus the legend node.
  EXPECT_EQ(agnnodes(ag.get()), static_cast<int>(boost::num_vertices(g.graph)) + 1);
  EXPECT_TRUE(agnode(ag.get(), const_cast<char*>(kLegendNode), 0));
  EXPECT_EQ(agnedges(ag.get()), static_cast<int>(boost::num_edges(g.graph)));
  // Names and attributes survive the escaping exactly.
  Agnode_t* root = agnode(ag.get(), const_cast<char*>("root"), 0);
  ASSERT_TRUE(root);
  EXPECT_EQ(std::string(agget(root, const_cast<char*>("unit_id"))), "root");
  Agnode_t* child = agnode(ag.get(), const_cast<char*>("child-1"), 0);
  ASSERT_TRUE(child);
  EXPECT_EQ(std::string(agget(child, const_cast<char*>("group_label"))), "Group &lt;one&gt; &amp; more");
  // The HTML-like label is parsed as one label: the script text is escaped inside it.
  const std::string label = agget(child, const_cast<char*>("label"));
  EXPECT_NE(label.find("&lt;/text&gt;&lt;script&gt;"), std::string::npos) << label;
  EXPECT_EQ(label.find("<script>"), std::string::npos);
}

TEST(DotWriter, QuotedStringsEscapeEverythingGraphvizInterprets) {
  EXPECT_EQ(dot_quote("a\"b\\c\nd<e>&\\N"), "\"a\\\"b\\\\\u2060c\\nd&lt;e&gt;&amp;\\\\\u2060N\"");
  EXPECT_EQ(dot_quote(std::string("x\x01y\x7fz")), "\"xyz\"");
}

TEST(DotWriter, RelationsAreDashedLabelledAndDoNotConstrain) {
  const std::string dot = dot_of(tricky());
  EXPECT_NE(dot.find("\"child-1\" -> \"other\" [id=\"r0\", relation=\"funds\", label=\"pays &lt;$&gt; &amp; more\", "
                     "style=dashed, constraint=false"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("subgraph cluster_0"), std::string::npos);
}

}  // namespace
}  // namespace orgchart

#include "orgchart/graph/org_graph.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

#include "orgchart/readers/yaml_reader.hpp"

namespace orgchart {
namespace {

const char* kData = R"(units:
  - {id: cc, name: CC, kind: party-organ}
  - {id: ild, name: ILD, kind: department, parent: cc}
  - {id: b1, name: B1, kind: bureau, parent: ild, group: Internal}
  - {id: b2, name: B2, kind: bureau, parent: ild, group: Internal}
  - {id: s1, name: S1, kind: office, parent: b1}
  - {id: new, name: New, kind: office, parent: ild, from: 2025}
  - {id: mfa, name: MFA, kind: ministry}
people:
  - {name: Old, unit: ild, role: head, until: 2025}
  - {name: Young, unit: ild, role: head, from: 2025}
  - {name: Dep, unit: ild, role: deputy-head}
relations:
  - {unit: ild, kind: affiliation, target: mfa}
)";

OrgModel model() { return load_org_string(kData, "t.yaml").model; }

std::size_t count_edges(const OrgGraph& g, EdgeType t) {
  std::size_t n = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph))) n += g.graph[e].type == t;
  return n;
}

TEST(OrgGraph, LatestStateHasEveryCurrentUnitAndEdge) {
  const OrgGraph g = build_graph(model());
  EXPECT_EQ(boost::num_vertices(g.graph), 7u);
  EXPECT_EQ(count_edges(g, EdgeType::kHierarchy), 5u);
  EXPECT_EQ(count_edges(g, EdgeType::kRelation), 1u);
  ASSERT_EQ(g.roots.size(), 2u);
  EXPECT_EQ(g.graph[g.roots[0]].id, "cc");
  // Leaders inline: head first, then deputies.
  const auto& leaders = g.graph[1].leaders;
  ASSERT_EQ(leaders.size(), 2u);
  EXPECT_EQ(leaders[0].name, "Young");
  EXPECT_EQ(leaders[1].name, "Dep");
  EXPECT_EQ(g.graph[0].subtree_size, 6u);
  EXPECT_EQ(g.graph[4].depth, 3);
}

TEST(OrgGraph, AsOfDropsWhatDidNotHoldThen) {
  GraphOptions o;
  o.as_of = parse_date("2024-06-01");
  const OrgGraph g = build_graph(model(), o);
  EXPECT_EQ(boost::num_vertices(g.graph), 6u);
  EXPECT_EQ(g.graph[1].leaders[0].name, "Old");
}

TEST(OrgGraph, RootAndDepthCollapseIntoAStub) {
  GraphOptions o;
  o.root = "ild";
  o.depth = 1;
  const OrgGraph g = build_graph(model(), o);
  // ild, b1, b2, new, and a stub for s1 under b1.
  ASSERT_EQ(boost::num_vertices(g.graph), 5u);
  ASSERT_EQ(g.children[1].size(), 1u);
  const OrgNode& stub = g.graph[g.children[1][0]];
  EXPECT_EQ(stub.type, NodeType::kStub);
  EXPECT_EQ(stub.subtree_size, 1u);
  EXPECT_EQ(count_edges(g, EdgeType::kRelation), 0u) << "mfa is outside the subtree";
}

TEST(OrgGraph, UnknownRootIsAUsageError) {
  GraphOptions o;
  o.root = "ild3";
  EXPECT_THROW(build_graph(model(), o), UsageError);
}

TEST(OrgGraph, PeopleAsNodes) {
  GraphOptions o;
  o.people = PeopleMode::kNodes;
  const OrgGraph g = build_graph(model(), o);
  EXPECT_EQ(boost::num_vertices(g.graph), 9u);
  EXPECT_EQ(count_edges(g, EdgeType::kRole), 2u);
  EXPECT_TRUE(g.graph[1].leaders.empty());
}

TEST(OrgGraph, HundredThousandDeepChainBuildsWithoutRecursion) {
  const int n = 100000;
  OrgModel m = test::make_chain(n);
  const OrgGraph g = build_graph(m);
  EXPECT_EQ(boost::num_vertices(g.graph), static_cast<std::size_t>(n));
  EXPECT_EQ(g.graph[n - 1].depth, n - 1);
  EXPECT_EQ(g.graph[0].subtree_size, static_cast<std::size_t>(n));
}

}  // namespace
}  // namespace orgchart

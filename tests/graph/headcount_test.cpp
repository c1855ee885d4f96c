// Headcount roll-ups on a generated 10,000-unit tree, against counts computed here independently.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/writers/card.hpp"
#include "orgchart/writers/json_writer.hpp"

namespace orgchart {
namespace {

/// 10,000 units: each parent drawn among the units created before it, then the rows shuffled (file order
/// must not matter). Deep chains come from a bias toward the latest units.
OrgModel random_tree(std::size_t n, unsigned seed, std::vector<std::size_t>& parent_of) {
  std::mt19937 rng(seed);
  parent_of.assign(n, SIZE_MAX);
  for (std::size_t i = 1; i < n; ++i) {
    std::uniform_int_distribution<std::size_t> any(0, i - 1), recent(i > 20 ? i - 20 : 0, i - 1);
    parent_of[i] = rng() % 3 == 0 ? recent(rng) : any(rng);
  }
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  OrgModel m;
  for (std::size_t i : order) {
    Unit u;
    u.id = "u" + std::to_string(i);
    u.name = "Person " + std::to_string(i);
    u.kind = "person";
    if (parent_of[i] != SIZE_MAX) u.parent = "u" + std::to_string(parent_of[i]);
    m.units.push_back(std::move(u));
  }
  return m;
}

TEST(Headcount, DirectAndTotalOnATenThousandUnitTree) {
  const std::size_t n = 10000;
  std::vector<std::size_t> parent_of;
  GraphOptions o;
  o.headcount = true;
  const OrgGraph g = build_graph(random_tree(n, 20261130, parent_of), o);
  // Independently: direct = how often a unit is named as parent; total = for every unit, +1 on each ancestor.
  std::vector<std::size_t> direct(n, 0), total(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (parent_of[i] != SIZE_MAX) ++direct[parent_of[i]];
    for (std::size_t a = parent_of[i]; a != SIZE_MAX; a = parent_of[a]) ++total[a];
  }
  ASSERT_EQ(boost::num_vertices(g.graph), n);
  std::size_t nonzero = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph))) {
    const std::size_t i = std::stoul(g.graph[v].id.substr(1));
    ASSERT_EQ(g.graph[v].direct_reports, direct[i]) << g.graph[v].id;
    ASSERT_EQ(g.graph[v].total_reports, total[i]) << g.graph[v].id;
    nonzero += direct[i] > 0;
    const auto lines = card_lines(g, v);
    ASSERT_EQ(lines.back().text, std::to_string(direct[i]) + " direct / " + std::to_string(total[i]) + " total");
  }
  EXPECT_EQ(total[0], n - 1);
  EXPECT_GT(nonzero, 1000u);  // a real tree, not a star
}

TEST(Headcount, CountsIgnoreDepthAndShowOnlyWithTheFlag) {
  std::vector<std::size_t> parent_of;
  OrgModel m = random_tree(200, 7, parent_of);
  GraphOptions cut;
  cut.depth = 1;
  cut.headcount = true;
  const OrgGraph g = build_graph(m, cut);
  for (auto v : boost::make_iterator_range(boost::vertices(g.graph)))
    if (g.graph[v].id == "u0") {
      EXPECT_EQ(g.graph[v].total_reports, 199u);
    }
  const OrgGraph plain = build_graph(m);
  for (auto v : boost::make_iterator_range(boost::vertices(plain.graph)))
    for (const auto& l : card_lines(plain, v)) EXPECT_EQ(l.text.find(" direct / "), std::string::npos);
}

TEST(Headcount, JsonCarriesBothAsIntegers) {
  std::vector<std::size_t> parent_of;
  const OrgGraph g = build_graph(random_tree(50, 3, parent_of));
  std::ostringstream out;
  write_json(out, g, Layout{});
  std::size_t direct0 = 0;
  for (std::size_t i = 1; i < 50; ++i) direct0 += parent_of[i] == 0;
  EXPECT_NE(out.str().find("\"id\": \"u0\", \"parentId\": null"), std::string::npos);
  EXPECT_NE(out.str().find("\"directReports\": " + std::to_string(direct0) + ", \"totalReports\": 49,"), std::string::npos);
}

}  // namespace
}  // namespace orgchart

#include "orgchart/writers/render.hpp"

#include <gtest/gtest.h>

#include "orgchart/readers/yaml_reader.hpp"

namespace orgchart {
namespace {

TEST(Render, EveryCardIsMeasuredWhateverItsText) {
  // Text that looks like DOT syntax (an edge arrow, braces, quotes) must not cost a card its size.
  const OrgGraph g = build_graph(load_org_string(R"(units:
  - {id: a, name: "Bureau -> Office", kind: bureau}
  - {id: b, name: "x -- y; z [label=w]", kind: office, parent: a}
  - {id: c, name: "}", kind: office, parent: a}
relations:
  - {unit: b, kind: funds, target: c, label: "a -> b"}
)",
                                                                 "t.yaml")
                                     .model);
  const CardSizes sizes = measure_cards(g);
  ASSERT_EQ(sizes.cards.size(), 3u);
  for (std::size_t v = 0; v < 3; ++v) {
    EXPECT_GT(sizes.cards[v].width, 50) << g.graph[v].id;
    EXPECT_GT(sizes.cards[v].height, 15) << g.graph[v].id;
  }
  EXPECT_GT(sizes.legend.width, 50);
}

}  // namespace
}  // namespace orgchart

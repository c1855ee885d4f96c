// paginate(): its lower bound (README "How many pages") counts the room a page really gives its cards, under the
// heading band every page keeps, and never exceeds the pages it makes.
#include "orgchart/writers/paged_chart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "orgchart/readers/yaml_reader.hpp"
#include "orgchart/writers/render.hpp"

namespace orgchart {
namespace {

/// A tree of `n` units, four children each, with names of varied length.
OrgGraph tree(int n) {
  static const char* kWords[] = {"Planning", "Outreach", "Translation", "Research", "Security", "Media", "Trade"};
  static const char* kKinds[] = {"Office", "Bureau", "Division", "Department", "Institute"};
  std::string yaml = "title: Paged\nunits:\n";
  for (int i = 0; i < n; ++i) {
    yaml += "  - {id: u" + std::to_string(i) + ", name: \"" + kWords[i % 7] + " " + kWords[(i / 7) % 7] + " " +
            kKinds[i % 5] + " " + std::to_string(i) + "\", kind: office";
    if (i > 0) yaml += ", parent: u" + std::to_string((i - 1) / 4);
    yaml += "}\n";
  }
  return build_graph(load_org_string(yaml, "t.yaml").model);
}

TEST(PagedChart, BoundCountsTheRoomUnderTheHeadingBands) {
  const OrgGraph g = tree(300);
  const PagedChart chart = paginate(g);
  ASSERT_GT(chart.pages.size(), 2u);
  EXPECT_GE(chart.pages.size(), chart.lower_bound);
  EXPECT_EQ(chart.lower_bound,
            static_cast<std::size_t>(std::ceil(std::max({chart.area_bound, chart.lines_bound, chart.columns_bound}))));
  // The area bound again, by hand: A4 landscape at 9 / 10, less 18-pt margins, the flowed pages' 36-pt title band
  // and their 6-pt connectors' lane (page 1's 44-pt heading leaves less); gaps 12 x 6; a header and a stub of at
  // least 54 x 20 (one line of text) per page but the first.
  const double w = 842 / 0.9 - 36, h = 595 / 0.9 - 36 - 36 - 6;
  const CardSizes sizes = measure_cards(g);
  double area = 0;
  for (const Size& c : sizes.cards) area += (c.width + 12) * (c.height + 6);
  const double room = (w + 12) * (h + 6), e = 2 * 66 * 26.0;
  EXPECT_NEAR(chart.area_bound, std::max(area / room, (area - e) / (room - e)), 1e-6);
}

}  // namespace
}  // namespace orgchart

#pragma once
/// What a chart's legend lists: only what the chart uses, in a stable order. The DOT writer's HTML-label legend
/// and our SVG writer's legend draw these same rows.
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/writers/style.hpp"

namespace orgchart {

struct LegendContent {
  std::unordered_set<std::string> values;              ///< colour values the units use (listed in the scheme's order)
  std::vector<std::string> relations;                  ///< relation labels, by first use
  std::map<std::string, std::string> relation_colours;  ///< label -> colour (the last edge with the label decides)
  bool hierarchy = false, vacancy = false, dotted = false, uncertain = false;
};

LegendContent legend_content(const OrgGraph& g, const ColourScheme& colours);

}  // namespace orgchart

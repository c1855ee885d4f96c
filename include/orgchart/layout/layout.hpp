#pragma once
/// Positions beside the graph (never inside the model): what a layout module computes and writers read.
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/geometry.hpp"

namespace orgchart {

/// A group block drawn behind the children of one parent that share a `group`.
struct LayoutGroup {
  Vertex parent;
  std::string caption;
  Rect rect;
};

/// Where everything is, in points, y down, origin top-left. Empty (`centre.empty()`) when Graphviz's own
/// engines place the chart.
struct Layout {
  std::vector<Point> centre;  ///< per vertex: box centre
  std::vector<Size> size;     ///< per vertex: box size
  std::vector<std::vector<Point>> hierarchy_route;  ///< per vertex: polyline from its parent (empty for roots)
  std::vector<LayoutGroup> groups;
  Rect legend;  ///< where the legend goes (zero size: no legend placed)
  Rect bounds;

  bool empty() const { return centre.empty(); }
};

}  // namespace orgchart

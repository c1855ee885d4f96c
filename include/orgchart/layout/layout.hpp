#pragma once
/// Positions beside the graph (never inside the model): what a layout module computes and writers read.
#include <optional>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/geometry.hpp"

namespace orgchart {

/// A group block drawn behind the children of one parent that share a `group`.
struct LayoutGroup {
  Vertex parent;
  std::string caption;
  Rect rect;
  Rect caption_rect;  ///< the caption's band at the top of rect (zero size without a caption)
};

/// A relation as drawn: an orthogonal route between the two boxes through the channels between blocks, or,
/// when it runs along a hierarchy edge (a unit and a child it established), that edge's route, drawn once.
struct LayoutRelation {
  std::size_t relation = 0;  ///< index into model.relations (OrgEdge::index)
  Vertex source = 0, target = 0;
  std::vector<Point> route;  ///< polyline from the source box's border to the target box's border
  bool on_hierarchy = false;  ///< the route is the hierarchy edge's (hierarchy_route of the child)
  std::optional<Rect> label;  ///< the label's box, clear of boxes, captions and other labels; nullopt: no label
};

/// Where everything is, in points, y down, origin top-left. Empty (`centre.empty()`) when Graphviz's own
/// engines place the chart.
struct Layout {
  std::vector<Point> centre;  ///< per vertex: box centre
  std::vector<Size> size;     ///< per vertex: box size
  std::vector<std::vector<Point>> hierarchy_route;  ///< per vertex: polyline from its parent (empty for roots)
  std::vector<LayoutGroup> groups;
  std::vector<LayoutRelation> relations;  ///< relation edges in edge order (relation_routes.hpp)
  Rect legend;  ///< where the legend goes (zero size: no legend placed)
  Rect bounds;

  bool empty() const { return centre.empty(); }
};

}  // namespace orgchart

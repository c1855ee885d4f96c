#pragma once
/// Relation edges drawn in the channels between blocks: orthogonal routes that cross no unit box, group caption
/// or the legend, and a place for each label clear of boxes, captions and other labels.
#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"

namespace orgchart {

struct RelationRouteOptions {
  double clearance = 7;        ///< pt kept between a route and any box, caption or the legend
  double bend_cost = 40;       ///< pt of length one bend is worth (fewer bends read better)
  double shared_cost = 60;     ///< pt of extra cost per grid step another relation already uses
  double label_height = 16;    ///< a label's box: one line of 12 pt text
  double label_char_width = 7; ///< estimated width per character of a label (as captions: tree_layout.hpp)
  double label_padding = 4;    ///< pt added to each side of a label's box
};

/// Fills `layout.relations` for every relation edge of `g`, in edge order. A relation between a unit and its
/// drawn hierarchy parent takes the hierarchy edge's route (drawn once, labelled on it); any other is routed
/// on the sparse grid of the obstacles' (box, caption, legend) edge coordinates, widened by the clearance:
/// Dijkstra over (grid point, direction) states with a cost per bend, so routes run orthogonally in the
/// channels. Labels go to the first place along the route (then around it) clear of boxes, captions, the
/// legend and the labels placed before. Grid of O(b^2) points for b boxes, built once; one Dijkstra per
/// relation; no recursion. \pre `layout` holds the boxes, groups and hierarchy routes of `g`.
void route_relations(const OrgGraph& g, Layout& layout, const RelationRouteOptions& options = {});

}  // namespace orgchart

#pragma once
/// `--pages`, dense: the chart below the overview flows depth first down columns and across pages, as an
/// outline (each card indented one step under its parent, hanging from the parent's spine), so pages fill
/// like the columns of a book. Standard library only, except flow_layout() which draws one flowed page.
#include <cstddef>
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/layout/pages.hpp"

namespace orgchart {

/// The forest to flow, and upper bounds on the sizes of the cards the pages add.
struct FlowInput {
  std::vector<Size> size;                          ///< per node: its card
  std::vector<std::vector<std::size_t>> children;  ///< per node, in order
  std::vector<std::size_t> roots;
  std::vector<Size> header;                        ///< per node: a header card "from <node>, p. M" naming it
  std::vector<Size> stub;                          ///< per node: a stub "<node>" over "+K more, continued on p. N"
  std::vector<std::vector<Size>> side;             ///< per node (optional): cards beside it (relation references)
};

/// Geometry of a flowed page, at the drawing's scale (pt). A card at outline depth d (its page's header cards
/// at 0) stands (d - b) * indent right of its column's left edge, b the smallest depth in that column.
struct FlowGeometry {
  double indent = 6;      ///< one outline step; the parent's spine runs down half of it in from its left edge
  double column_gap = 12;  ///< between columns; the spine of depth b - 1 runs down its middle
  double row_gap = 6;      ///< between cards in a column
  double edge = 6;         ///< kept free above the cards of every column for the connectors along its top (pt)
  /// Kept free below the cards of every column. The connectors along a column's foot run edge / 2 below its last
  /// card whatever this is: with 0 they lie in the page's margin (which must be wider than edge / 2), so the
  /// columns get that room for cards.
  double foot = 0;
};

struct FlowOptions {
  double width = 0, height = 0;  ///< the page's room for columns (pt at the drawing's scale), edges included
  /// Nodes of depth <= this (roots 0) are on the overview, page 1; -1: none, the roots flow too, and the
  /// overview holds a stub for each page's run of roots.
  int overview_depth = 0;
  /// Per node, optional: a page whose first card is this node has this much less height, and a page that holds it
  /// this much less width (the caller's correction for a page that came out too big once its cards were measured
  /// with their final text; by what the page holds, so that a page starting a card earlier or later gets it too).
  std::vector<Size> shrink;
  /// Room on page 1 below the overview for the first run of flowed cards (pt, edges included, like width and
  /// height); zero: none, the flow starts on page 2.
  Size first_room{0, 0};
  /// Page breaks: each page tries the runs that start within this many cards of the furthest start its page count
  /// reaches (dynamic programming: the fewest pages, then the fewest headers and stubs); 0: the longest run each
  /// page (greedy).
  std::size_t look_back = 16;
  FlowGeometry geometry;
};

/// Page 1 is the overview (the nodes of depth <= overview_depth; a stub under each of them whose children go
/// on), and below it the first run when first_room is given. The other nodes flow in preorder, a run of them per
/// page: a run fits a page when its cards, with a header card for the parent of each of its pieces and the stubs
/// of the runs it cuts, split into columns that fit its room, the columns chosen to take the least width (each as
/// wide as its widest card and indent). Where the runs end is chosen by dynamic programming over the run's start
/// (options.look_back): the fewest pages, and among as many the fewest headers and stubs (breaks at shallow
/// levels); never more pages than the longest run each page. O(n * c * h * look_back) for c the cards of one
/// column and h the nodes of one page's path with cards on it; no recursion.
/// Throws std::invalid_argument when the input is not a forest or the room is not positive.
PagePlan plan_flow(const FlowInput& input, const FlowOptions& options);

struct FlowLayoutOptions {
  FlowGeometry geometry;
  double margin = 18;
  double title_height = 0;
  double title_width = 0;
};

/// Draws a flowed page: `column[v]` per vertex (from plan_flow); depths from the graph's roots; in each column the
/// cards top to bottom in preorder, a vertex's side cards (placement "side") before its other children. Each
/// connector runs down its parent's spine and in to the left side of the child; to a child in a later column it
/// goes down to the foot of the column, across, up the next gap and along the top of the next column. No legend
/// and no group frames. Relations within the page are routed as in org_layout. Linear plus routing.
Layout flow_layout(const OrgGraph& g, const std::vector<Size>& sizes, const std::vector<int>& column,
                   const FlowLayoutOptions& options);

}  // namespace orgchart

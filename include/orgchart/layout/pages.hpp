#pragma once
/// `--pages`: cutting a forest into page-sized pieces, and packing the pieces onto pages. Standard library only.
///
/// A piece is some subtrees hanging from one parent (or roots of the forest), drawn together on a page under a
/// header card that names the parent; where a subtree was cut off below, its parent shows a stub
/// "continued on p. N". Page 1 is the overview: the top of the forest, with stubs.
#include <cstddef>
#include <limits>
#include <vector>

#include "orgchart/layout/geometry.hpp"

namespace orgchart {

inline constexpr std::size_t kNoParent = std::numeric_limits<std::size_t>::max();

/// The forest to cut: node i has box size[i] (points at the drawing's scale) and children[i] in order.
struct PagingInput {
  std::vector<Size> size;
  std::vector<std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  /// Optional, per node: area (pt²) drawn with the node besides its box, e.g. reference cards beside it.
  std::vector<double> extra;
};

struct PagingOptions {
  /// Area one page holds at the drawing's scale (pt²): the page's usable width and height divided by the
  /// smallest scale allowed (9 pt over the smallest font).
  double capacity = 0;
  /// Fraction of `capacity` that a page's estimated area (boxes with their gaps, see footprint()) may fill:
  /// layouts leave room around boxes that the estimate does not see.
  double fill = 0.6;
  /// Per node, optional: a smaller fill for the subtree cut at this node (the caller lowers it for a page that
  /// did not fit once laid out). Empty = `fill` everywhere.
  std::vector<double> fill_of;
  double root_fill = 0;  ///< the overview's fill; 0 = `fill`
  /// Per node, optional: a piece whose first top is this node counts this many times its area when pages are
  /// packed (the caller raises it for pieces on a shared page that did not fit once laid out). 0 = 1.
  std::vector<double> weight_of;
  Size stub = {150, 44};  ///< a stub or header card's size, added for each
  double gap_x = 12, gap_y = 24;  ///< counted around every box by the area estimate
};

/// Some subtrees drawn together: `tops` are children of `parent` (roots when kNoParent), in sibling order.
struct PagePiece {
  std::size_t parent = kNoParent;
  std::vector<std::size_t> tops;
  double area = 0;  ///< estimated, pt² at the drawing's scale
};

struct PagePlan {
  /// pieces[0] is the overview (parent kNoParent; its tops are the roots not cut off, maybe none). The others in
  /// depth-first order: a piece follows the piece its parent is drawn on.
  std::vector<PagePiece> pieces;
  std::vector<std::size_t> piece_of;              ///< per node: the piece it is drawn on
  std::vector<std::vector<std::size_t>> cut;      ///< per node: the pieces cut off below it, in sibling order
  std::vector<std::size_t> root_cut;              ///< pieces of roots cut off the overview
  std::vector<std::vector<std::size_t>> pages;    ///< per page (0 = page 1): its pieces in depth-first order
  std::vector<std::size_t> page_of;               ///< per piece: its page (0-based)
  // plan_flow() only (empty from plan_pages()):
  /// Per piece: the piece that goes on with the same parent's children on a later page, whose stub hangs from
  /// this piece's header (kNoParent: none).
  std::vector<std::size_t> next_run;
  /// Where each card of a flowed page stands: its column (0-based, per page). Per node; per piece for its header
  /// and for its stub (on the page before); per node for the cards beside it (FlowInput::side). -1: overview.
  std::vector<int> column, header_column, stub_column;
  std::vector<std::vector<int>> side_column;
  std::size_t unfit = 0;  ///< flowed pages overfull because a single card (with its header) exceeds a page
};

/// Estimated area of one box with its share of the gaps around it.
double footprint(Size box, const PagingOptions& options);

/// Cuts the forest bottom-up: where a subtree's estimated area exceeds a page's, its largest child subtrees
/// are cut off (greedy, largest first) until the rest fits; the cut children of one parent are grouped, in
/// sibling order, into pieces that each fit a page. Then the pieces (all but the overview) are packed onto
/// pages first-fit decreasing by area, and the pages numbered in depth-first order of their first piece.
/// O(n log n); no recursion. \pre children/roots describe a forest (each node once); throws
/// std::invalid_argument otherwise or when capacity is not positive.
PagePlan plan_pages(const PagingInput& input, const PagingOptions& options);

}  // namespace orgchart

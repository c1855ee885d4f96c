#pragma once
/// `--pages`: a forest cut into pieces on pages (made by plan_flow(), layout/pages_flow.hpp). Standard library only.
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

/// Some subtrees drawn together: `tops` are children of `parent` (roots when kNoParent), in sibling order.
struct PagePiece {
  std::size_t parent = kNoParent;
  std::vector<std::size_t> tops;
};

struct PagePlan {
  /// pieces[0] is the overview (parent kNoParent; its tops are the roots not cut off, maybe none). The others in
  /// depth-first order: a piece follows the piece its parent is drawn on.
  std::vector<PagePiece> pieces;
  std::vector<std::size_t> piece_of;              ///< per node: the piece it is drawn on
  std::vector<std::vector<std::size_t>> cut;      ///< per node: the piece its children go on in (a stub under it)
  std::vector<std::size_t> root_cut;              ///< pieces of roots cut off the overview
  std::vector<std::vector<std::size_t>> pages;    ///< per page (0 = page 1): its pieces in depth-first order
  std::vector<std::size_t> page_of;               ///< per piece: its page (0-based)
  /// Per piece: the piece that goes on with the same parent's children on a later page, whose stub hangs from
  /// this piece's header (kNoParent: none).
  std::vector<std::size_t> next_run;
  /// Where each card of a flowed page stands: its column (0-based, per page). Per node; per piece for its header
  /// and for its stub (on the page before); per node for the cards beside it (FlowInput::side). -1: overview.
  std::vector<int> column, header_column, stub_column;
  std::vector<std::vector<int>> side_column;
  std::size_t unfit = 0;  ///< flowed pages overfull because a single card (with its header) exceeds a page
  /// Per page: the width its columns take with the sizes planned (0 for an overview alone).
  std::vector<double> width;
};

/// Estimated area of one box with its share of the gaps around it (a tidy chart's sibling and level gaps).
double footprint(Size box, double gap_x = 12, double gap_y = 24);

}  // namespace orgchart

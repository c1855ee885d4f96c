#pragma once
/// `--pages`: how few pages any drawing of a chart's cards can take (README "How many pages"). Standard library only.
///
/// Conventions every drawing keeps: cards are never closer than `gap` across or down, so the rectangles of
/// (w + gap.width) x (h + gap.height) right of and below the cards never overlap, and lie in a page's room grown by
/// `gap`; every page whose first unit is not a root shows a header, and its run has a stub on another page, each at
/// least `extra`.
#include <cstddef>
#include <vector>

#include "orgchart/layout/geometry.hpp"

namespace orgchart {

struct PageBoundInput {
  std::vector<Size> cards;  ///< the units' cards
  Size room;                ///< where a page's cards may stand (pt at the drawing's scale)
  Size gap{12, 6};          ///< the smallest gaps between cards, across and down
  std::size_t roots = 1;    ///< pages that may start with a root need no header
  Size extra{54, 36};       ///< the smallest card (a header, a stub)
};

struct PageBound {
  double area = 0;   ///< the cards' grown area over a page's grown room (with the headers and stubs)
  /// Along every horizontal line of a page the grown cards it crosses are at most the room's width wide: the
  /// fractional cutting-stock bound over those lines (Gilmore and Gomory 1961), certified by an exact knapsack.
  double lines = 0;
  double columns = 0;  ///< the same down every vertical line: grown cards no taller together than the grown room
  std::size_t pages = 1;  ///< ceil of the larger, at least 1
};

/// O(n + c * K * iterations) for c the distinct card widths (whole points) and K the room's width in points.
PageBound page_lower_bound(const PageBoundInput& input);

}  // namespace orgchart

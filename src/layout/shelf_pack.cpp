#include "shelf_pack.hpp"

#include <algorithm>
#include <limits>

namespace orgchart::detail {
namespace {

/// A settled shelf is packed again at most this many times (each time its floor rises to its height).
constexpr int kSettlePasses = 3;

/// One shelf, from items[begin]: its columns as pack_shelves() fills them, with the shelf at least `floor`
/// tall from the start. Writes the spots of the items it takes (from `begin` to the returned end).
struct Shelf {
  std::size_t end = 0;
  double width = 0, height = 0;
  bool lead_stacked = false;
  /// Some item went into a new column although it would have fit below in a shelf of the final height.
  bool would_stack = false;
};

Shelf pack_shelf(std::span<const Size> items, std::size_t begin, double limit, const ShelfGaps& gaps, double floor,
                 double shelf_top, std::uint32_t shelf_index, std::vector<ShelfSpot>* spots) {
  Shelf out;
  const Size first = items[begin];
  double column_left = 0, column_width = first.width, column_height = first.height;
  double shelf_height = std::max(floor, first.height), content = first.height;
  double least_missed = std::numeric_limits<double>::infinity();  // the lowest column an item could have ended
  bool first_column = true;
  if (spots) (*spots)[begin] = {0, shelf_top, shelf_top, shelf_index, true};
  std::size_t i = begin + 1;
  for (; i < items.size(); ++i) {
    const Size s = items[i];
    ShelfSpot spot{column_left, shelf_top, shelf_top, shelf_index, true};
    // Below the previous item if the column stays within the shelf's height; else in a new column; else below
    // after all, if the column was shorter than the shelf (it then makes the shelf taller); else a new shelf.
    const bool fits_below = gaps.stacking && column_left + std::max(column_width, s.width) <= limit;
    const bool fits_right = column_left + column_width + gaps.column + s.width <= limit;
    const double below = column_height + gaps.stack + s.height;
    if (fits_below && (below <= shelf_height || (!fits_right && column_height < shelf_height))) {
      spot.top = shelf_top + column_height + gaps.stack;
      spot.column_head = false;
      column_height = below;
      column_width = std::max(column_width, s.width);
      if (first_column) out.lead_stacked = true;
    } else if (fits_right) {
      if (fits_below) least_missed = std::min(least_missed, below);
      column_left += column_width + gaps.column;
      spot.left = column_left;
      column_width = s.width;
      column_height = s.height;
      first_column = false;
    } else {
      break;
    }
    shelf_height = std::max(shelf_height, column_height);
    content = std::max(content, column_height);
    if (spots) (*spots)[i] = spot;
  }
  out.end = i;
  out.width = column_left + column_width;
  out.height = content;
  out.would_stack = least_missed <= content;
  return out;
}

}  // namespace

ShelfPacking pack_shelves(std::span<const Size> items, double limit, const ShelfGaps& gaps,
                          std::vector<ShelfSpot>* spots) {
  ShelfPacking p;
  if (spots) spots->resize(items.size());
  double shelf_top = 0;
  std::uint32_t shelf = 0;
  for (std::size_t begin = 0; begin < items.size(); ++shelf) {
    Shelf s = pack_shelf(items, begin, limit, gaps, 0, shelf_top, shelf, spots);
    // Settled: packed again knowing how tall the shelf gets, so that short items ahead of its tallest one stack
    // too (only when some item would have).
    for (int pass = 0; gaps.settle && s.would_stack && pass < kSettlePasses; ++pass) {
      const double floor = s.height;
      s = pack_shelf(items, begin, limit, gaps, floor, shelf_top, shelf, spots);
      p.settled = true;
      if (s.height <= floor) break;
    }
    if (shelf == 0) p.lead_stacked = s.lead_stacked;
    p.width = std::max(p.width, s.width);
    p.height = shelf_top + s.height;
    shelf_top = p.height + gaps.shelf;
    begin = s.end;
  }
  p.shelves = shelf;
  return p;
}

}  // namespace orgchart::detail

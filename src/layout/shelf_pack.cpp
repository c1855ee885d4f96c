#include "shelf_pack.hpp"

namespace orgchart::detail {

ShelfPacking pack_shelves(std::span<const Size> items, double limit, const ShelfGaps& gaps,
                          std::vector<ShelfSpot>* spots) {
  ShelfPacking p;
  if (spots) spots->resize(items.size());
  if (items.empty()) return p;
  double shelf_top = 0, shelf_height = 0, column_left = 0, column_width = 0, column_height = 0;
  std::uint32_t shelf = 0;
  bool first_column = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Size s = items[i];
    ShelfSpot spot{column_left, shelf_top, shelf_top, shelf, true};
    // Below the previous item if the column stays within the shelf's height; else in a new column; else below
    // after all, if the column was shorter than the shelf (it then makes the shelf taller); else a new shelf.
    const bool fits_below = i > 0 && gaps.stacking && column_left + std::max(column_width, s.width) <= limit;
    const bool fits_right = i > 0 && column_left + column_width + gaps.column + s.width <= limit;
    const double below = column_height + gaps.stack + s.height;
    if (fits_below && (below <= shelf_height || (!fits_right && column_height < shelf_height))) {
      spot.top = shelf_top + column_height + gaps.stack;
      spot.column_head = false;
      column_height = below;
      column_width = std::max(column_width, s.width);
      if (shelf == 0 && first_column) p.lead_stacked = true;
    } else if (fits_right) {
      column_left += column_width + gaps.column;
      spot.left = column_left;
      column_width = s.width;
      column_height = s.height;
      first_column = false;
    } else {
      if (i > 0) {
        p.width = std::max(p.width, column_left + column_width);
        shelf_top += shelf_height + gaps.shelf;
        ++shelf;
      }
      spot = {0, shelf_top, shelf_top, shelf, true};
      column_left = 0;
      column_width = s.width;
      column_height = shelf_height = s.height;
      first_column = true;
    }
    shelf_height = std::max(shelf_height, column_height);
    if (spots) (*spots)[i] = spot;
  }
  p.width = std::max(p.width, column_left + column_width);
  p.height = shelf_top + shelf_height;
  p.shelves = shelf + 1;
  return p;
}

}  // namespace orgchart::detail

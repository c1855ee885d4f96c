#pragma once
/// Internal to layout_tree(): greedy shelf packing of boxes in reading order — the roots of the forest, and
/// the children of a parent whose group blocks wrap.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "orgchart/layout/geometry.hpp"

namespace orgchart::detail {

struct ShelfGaps {
  double column = 0;     ///< between neighbouring columns of a shelf
  double shelf = 0;      ///< between a shelf and the next one below
  double stack = 0;      ///< between items stacked in one column
  bool stacking = true;  ///< short items may stack in a column beside a taller one
  /// Each shelf is packed again once its height is known, so that short items ahead of its tallest one stack
  /// too (a row of leaves and subtrees: the leaves in columns as tall as the tallest subtree).
  bool settle = false;
};

/// Where an item went: the top-left corner of its box (items are left-aligned in their column).
struct ShelfSpot {
  double left = 0, top = 0;
  double shelf_top = 0;
  std::uint32_t shelf = 0;
  bool column_head = true;  ///< the top item of its column
};

struct ShelfPacking {
  double width = 0, height = 0;
  std::size_t shelves = 0;
  bool lead_stacked = false;  ///< the first column of the first shelf holds more than one item
  bool settled = false;       ///< with ShelfGaps::settle: some shelf was packed again (else the same as without)
};

/// Shelves (rows) of columns, filled in order, so that the items read left to right, then top to bottom. An
/// item goes below the previous one if the column stays within the shelf's height (short items fill the room
/// beside a tall one), else into a new column on the right while the shelf stays within `limit`, else below
/// the previous one after all if that column is shorter than the shelf, else onto a new shelf. An item wider
/// than `limit` gets a shelf of its own. O(k) (settled: each shelf packed at most four times).
ShelfPacking pack_shelves(std::span<const Size> items, double limit, const ShelfGaps& gaps,
                          std::vector<ShelfSpot>* spots = nullptr);

/// How good a packing is (lower is better), and whether it is wider than its best shape. A wider limit makes
/// packings wider and flatter, so `too_wide` turns from false to true as the limit grows (near enough for a
/// bisection).
struct ShelfFit {
  double score;
  bool too_wide;
};

/// The limit whose packing `fit` scores lowest, among the widths of the first j items in one row, j = 1..k:
/// every j for a few items, else a bisection on too_wide (at most kMaxProbes packings). O(k).
template <class Fit>
double best_shelf_limit(std::span<const Size> items, const ShelfGaps& gaps, Fit fit, double* best_score = nullptr) {
  constexpr std::size_t kTryAll = 32, kMaxProbes = 24;
  const std::size_t k = items.size();
  // Prefix widths added up as pack_shelves() adds them, plus a hair so that rounding cannot push item j out.
  std::vector<double> prefix(k + 1, 0);
  for (std::size_t i = 0; i < k; ++i)
    prefix[i + 1] = i == 0 ? items[0].width : prefix[i] + gaps.column + items[i].width;
  auto limit = [&](std::size_t j) { return prefix[j] * (1 + 1e-12) + 1e-9; };
  double best = limit(k), best_fit = fit(pack_shelves(items, best, gaps)).score;
  auto probe = [&](std::size_t j) {
    const ShelfFit f = fit(pack_shelves(items, limit(j), gaps));
    if (f.score < best_fit) best = limit(j), best_fit = f.score;
    return f.too_wide;
  };
  if (k <= kTryAll) {
    for (std::size_t j = 1; j < k; ++j) probe(j);
  } else {
    std::size_t lo = 1, hi = k;  // the first too-wide limit lies in (lo, hi]
    for (std::size_t n = 0; n < kMaxProbes && hi - lo > 1; ++n) {
      const std::size_t mid = lo + (hi - lo) / 2;
      (probe(mid) ? hi : lo) = mid;
    }
    probe(lo);
  }
  if (best_score) *best_score = best_fit;
  return best;
}

}  // namespace orgchart::detail

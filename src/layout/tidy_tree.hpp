#pragma once
/// Internal to layout_tree(): one linear-time tidy-tree pass over an ItemForest.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "item_forest.hpp"

namespace orgchart::detail {

/// Buchheim, Jünger, Leipert (2002) with van der Ploeg's (2014) non-layered contours: a subtree's left and
/// right contours are linked lists of (height, x) segments, x stored relative to the previous segment, so that
/// moving a subtree or hanging a deeper one's tail below a shallower one costs O(1). Smaller subtrees between
/// larger ones are spaced evenly (Walker's shift/change). Boxes are placed top-aligned per sibling row.
/// \pre `forest` comes from build_item_forest() for the same input and options.
class TidyTree {
 public:
  TidyTree(const ItemForest& forest, const std::vector<Size>& node_size, const TreeLayoutOptions& options);

  /// Places every item relative to its parent item and measures the chart (bounds()); a leaf-only item with
  /// k >= 2 leaves stacks them column-major in ceil(k / max_rows) columns when max_rows >= 2, else in a row.
  void place(std::size_t max_rows);
  /// Turns the last pass's relative positions into absolute ones, with bounds() starting at (0, 0).
  void resolve();

  /// The max_rows of the last pass (0 for rows only), or SIZE_MAX before the first.
  std::size_t max_rows() const { return max_rows_; }
  Rect bounds() const { return bounds_; }
  double centre_x(Index i) const { return x_[i]; }
  double top(Index i) const { return top_[i]; }
  Size size(Index i) const { return forest_.is_frame(i) ? frame_size_[i - forest_.node_count] : node_size_[i]; }
  bool stacked(Index i) const { return stacked_[i] != 0; }
  /// From a frame's top to its content: padding plus the caption band.
  double frame_inset(Index frame) const;

 private:
  struct Segment {
    double height;  ///< it covers [end of the previous segment, + height)
    double dx;      ///< its x minus the previous segment's x (the first: minus the owner's centre)
    Index key;      ///< the item the box hangs under: equal keys are siblings (sibling_gap)
    Index next;
  };
  /// The two contours of a placed subtree, x relative to its top item's centre, y to its top.
  struct Shape {
    Index left_head = kNoItem, left_tail = kNoItem, right_head = kNoItem, right_tail = kNoItem;
    double left_tail_x = 0, right_tail_x = 0, bottom = 0;
    Index item = kNoItem;
  };
  /// Children placed side by side (or a stacked block) in the frame of the first one's centre and top.
  struct Row {
    Shape shape;
    double entry_left = 0, entry_right = 0;  ///< where the outermost connectors reach the row
    double anchor = 0;                       ///< where the parent's centre goes
  };
  struct Level {  ///< van der Ploeg's IYL: sibling `index` owns the right contour down to `low_y`
    double low_y;
    std::size_t index;
  };

  Index push_segment(double height, double dx, Index key);
  Shape box_shape(double width, double height, Index key);
  Shape take_shape(Index item);
  void place_children(Index v);
  Row merge_row(std::span<const Index> kids);
  Row stack_columns(Index v, std::span<const Index> kids);
  double separate(Shape& forest, const Shape& next, std::size_t i);
  void finish_node(Index v, const Row& row, std::span<const Index> kids);
  void finish_frame(Index v, const Row& row, std::span<const Index> kids);
  std::pair<double, double> extent(const Shape& s) const;
  double gap(Index a, Index b) const;

  const ItemForest& forest_;
  const std::vector<Size>& node_size_;
  const TreeLayoutOptions& options_;
  std::size_t max_rows_ = std::numeric_limits<std::size_t>::max();  ///< of the last pass; max = none yet
  std::vector<Size> frame_size_;
  std::vector<double> x_, top_;  ///< relative to the parent item after place(), absolute after resolve()
  std::vector<std::uint8_t> stacked_;
  // Items are placed in reverse pre-order, so the shapes of a parent's children are on top of this stack,
  // the first child's topmost, when the parent's turn comes.
  std::vector<Shape> shapes_;
  std::vector<Segment> segments_;
  std::vector<double> shift_, change_;  // per row, reused
  std::vector<Level> levels_;           // per row, reused
  double left_ = 0;                     // the chart's left edge relative to the first root's centre
  Rect bounds_;
};

}  // namespace orgchart::detail

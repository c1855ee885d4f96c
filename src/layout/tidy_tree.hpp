#pragma once
/// Internal to layout_tree(): one linear-time tidy-tree pass over an ItemForest.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "item_forest.hpp"
#include "shelf_pack.hpp"

namespace orgchart::detail {

/// Buchheim, Jünger, Leipert (2002) with van der Ploeg's (2014) non-layered contours: a subtree's left and
/// right contours are linked lists of (height, x) segments, x stored relative to the previous segment, so that
/// moving a subtree or hanging a deeper one's tail below a shallower one costs O(1). Smaller subtrees between
/// larger ones are spaced evenly (Walker's shift/change). Boxes are placed top-aligned per sibling row.
/// A parent with group blocks may instead wrap its children's bounding boxes into shelves (pack_shelves()),
/// and the roots are shelf-packed too.
/// \pre `forest` comes from build_item_forest() for the same input and options.
class TidyTree {
 public:
  /// How the connector reaches a wrapped child item, as offsets from the item's own centre and top:
  ///
  ///      [parent]
  ///   ┌─────┴─[first shelf]      trunk: down the left of the whole block area (on a later shelf only),
  ///   │                              to the bus halfway up the gap above the item's shelf
  ///   ├──┬─[tall]  ┬ lane         lane: down the left of its column, when it is not the column's top item
  ///   │  │         └─[below]
  struct Via {
    struct Trunk {
      double dx;      ///< the trunk's x
      double bus_dy;  ///< the y of the bus above the item's shelf
    };
    std::optional<Trunk> trunk;
    std::optional<double> lane_dx;
  };

  TidyTree(const ItemForest& forest, const std::vector<Size>& node_size, const TreeLayoutOptions& options);

  /// Places every item below a root relative to its parent item, and measures each root's tree (root_sizes()).
  /// A leaf-only item with k >= 2 leaves stacks them column-major in ceil(k / max_rows) columns when
  /// max_rows >= 2, else in a row. A node with group blocks wraps its children into shelves when wrap_aspect
  /// is finite and that makes its subtree closer to that shape (a lower max(width / wrap_aspect, height)).
  void place(std::size_t max_rows, double wrap_aspect);
  /// Width and height of each root's tree, in root order, after place().
  const std::vector<Size>& root_sizes() const { return root_size_; }
  /// Shelf-packs the root trees within `limit` and measures the chart (bounds()).
  void pack_roots(double limit, const ShelfGaps& gaps);
  /// Turns the last pass's relative positions into absolute ones, after pack_roots().
  void resolve();

  /// The max_rows of the last pass (0 for rows only), or SIZE_MAX before the first.
  std::size_t max_rows() const { return max_rows_; }
  double wrap_aspect() const { return wrap_aspect_; }
  Rect bounds() const { return bounds_; }
  double centre_x(Index i) const { return x_[i]; }
  double top(Index i) const { return top_[i]; }
  Size size(Index i) const { return forest_.is_frame(i) ? frame_size_[i - forest_.node_count] : node_size_[i]; }
  bool stacked(Index i) const { return stacked_[i] != 0; }
  bool wrapped(Index i) const { return wrapped_[i] != 0; }
  /// The connector's way into a child item of a wrapped parent, or null when it comes straight from the bus.
  const Via* via(Index i) const { return via_of_[i] == kNoItem ? nullptr : &vias_[via_of_[i]]; }
  /// From a frame's top to its content: padding plus the caption band.
  double frame_inset(Index frame) const;

 private:
  struct Segment {
    double height;  ///< it covers [end of the previous segment, + height)
    double dx;      ///< its x minus the previous segment's x (the first: minus the owner's centre)
    Index key;      ///< the item the box hangs under: equal keys are siblings (sibling_gap)
    Index next;
  };
  /// The two contours of a placed subtree, x relative to its top item's centre, y to its top; lo and hi are
  /// the contours' extremes.
  struct Shape {
    Index left_head = kNoItem, left_tail = kNoItem, right_head = kNoItem, right_tail = kNoItem;
    double left_tail_x = 0, right_tail_x = 0, bottom = 0, lo = 0, hi = 0;
    Index item = kNoItem;
  };
  /// Children placed side by side in the frame of the first one's centre and top, or a stacked or wrapped
  /// block of them in the frame of its own centre and top.
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
  /// Replaces merge_row()'s `row` by the children's boxes on shelves when that scores better; true if so.
  bool wrap_row(Index v, std::span<const Index> kids, Row& row);
  /// Places `next` (the index-th child) right of the row merged so far, as close as the contours allow, and
  /// merges its contours into `row`'s; returns next's centre in the row's frame.
  double separate(Shape& row, const Shape& next, std::size_t index);
  void finish_node(Index v, const Row& row, std::span<const Index> kids);
  void finish_frame(Index v, const Row& row, std::span<const Index> kids);
  double gap(Index a, Index b) const;

  const ItemForest& forest_;
  const std::vector<Size>& node_size_;
  const TreeLayoutOptions& options_;
  std::size_t max_rows_ = std::numeric_limits<std::size_t>::max();  ///< of the last pass; max = none yet
  double wrap_aspect_ = 0;
  std::vector<Size> frame_size_;
  std::vector<double> x_, top_;  ///< relative to the parent item after place(), absolute after resolve()
  std::vector<std::uint8_t> stacked_, wrapped_;
  std::vector<Index> via_of_;  ///< per item: index into vias_, or kNoItem
  std::vector<Via> vias_;
  std::vector<Size> root_size_;
  std::vector<double> root_lo_;  ///< per root: its tree's left edge relative to its centre
  // Items are placed in reverse pre-order, so the shapes of a parent's children are on top of this stack,
  // the first child's topmost, when the parent's turn comes.
  std::vector<Shape> shapes_;
  std::vector<Segment> segments_;
  std::vector<double> shift_, change_;  // per row, reused
  std::vector<Level> levels_;           // per row, reused
  std::vector<Size> boxes_;             // per wrapped row, reused
  std::vector<double> box_lo_;
  std::vector<ShelfSpot> spots_;
  Rect bounds_;
};

}  // namespace orgchart::detail

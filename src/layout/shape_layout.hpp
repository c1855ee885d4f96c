#pragma once
/// Internal to layout_tree(): the layout that chooses, for every parent, how its children stand — the shape
/// functions of slicing floorplans (Otten 1983; Stockmeyer 1983) applied to org charts.
///
/// Bottom-up, every item (node or group block) gets a short list of Pareto-optimal (width, height) shapes of
/// its whole subtree, narrowest first; a parent combines its children's lists once per arrangement and keeps at
/// most kMaxShapes of the results. At the roots the shape that fits the page at the largest scale wins;
/// top-down, each item then realises its chosen shape: the arrangement and the children's shapes are
/// recomputed from the stored parameters by the same rule, so the coordinates are exactly the measured ones.
///
///   row              shelves             columns (one = hanging list)   hanging, both sides
///     [P]              [P]                 [P]        [P]                     [P]
///   ┌──┼───┐        ┌───┼──┐               ├─[a]   ┌───┼───┐              [a]─┤
///  [a] [b] [c]      │  [a] [b]             ├─[b]   ├[a] ├[c]                  ├─[b]
///                   └─┐                    └─[c]   └[b] └[d]              [c]─┤
///                     [c] [d]                                                 └─[d]
///
/// In a row, a short child (a leaf) may stand beside a neighbour's own box, above that neighbour's bus (its
/// shoulder), rather than beside its whole bounding box. Shelves may be settled: each packed again once its
/// height is known, so that short children ahead of its tallest one stack too.
///
/// A side child (an assistant) hangs on a stub off the parent's centre line, below the parent and above the
/// arrangement: left, right, left, right in data order (a single one on the right).
/// Cost: O(kMaxShapes * kTries) per child link plus sorting the candidates: O(n) for a bounded K, no
/// recursion.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "item_forest.hpp"
#include "shelf_pack.hpp"

namespace orgchart::detail {

class ShapeLayout {
 public:
  /// How many effort profiles there are: each samples the arrangements' caps and keeps shapes differently.
  static constexpr std::size_t kProfiles = 5;
  /// `profile` < kProfiles picks how hard each item tries (0: the default, linear in the chart's size).
  ShapeLayout(const ItemForest& forest, const TreeLayoutInput& input, const TreeLayoutOptions& options,
              std::size_t profile = 0);

  /// Computes every item's shapes, picks the roots' shapes and their packing for the page (aspect and reserve
  /// from the options), and places everything. Returns what the page needs: max((W + rw) / aspect, H + rh).
  double run();

  Rect bounds() const { return bounds_; }
  double centre_x(Index i) const { return left_[i] + shape(i).cx; }
  double top(Index i) const { return top_[i]; }
  /// The box of a node, or the whole frame of a group block.
  Size size(Index i) const;
  Arrangement arrangement(Index i) const { return folded_[i] ? Arrangement::kFolded : shape(i).arrangement; }
  /// A node at the top of a folded column, reached up the channel from its parent at the foot of the last one.
  bool continued(Index i) const {
    const Index p = forest_.parent[i];
    return link_[i].channel_x || (p != kNoItem && forest_.is_frame(p) && link_[p].channel_x);
  }
  Attach attach(Index i) const { return link_[i].attach; }
  /// Rows per column when the item's children stand in columns, else 0.
  std::uint32_t rows_per_column(Index i) const {
    return shape(i).arrangement == Arrangement::kColumns ? shape(i).param : 0;
  }
  /// The orthogonal connector from node `parent` to node `child` (through the child's group block, if any).
  void route(Index parent, Index child, std::vector<Point>& line) const;

 private:
  /// One way to draw an item's subtree: its extent, where its own box's centre is (from the left), and how to
  /// rebuild it (the arrangement, the cap its children's shapes were picked with, one more parameter).
  struct Shape {
    double width = 0, height = 0, cx = 0;
    double cap = 0;          ///< children's shapes: the first with height <= cap (or width <= cap, see pick())
    std::uint32_t param = 0;  ///< rows per column (columns), settled (shelves: 1), or unused
    double limit = 0;         ///< the shelves' width (shelves)
    Arrangement arrangement = Arrangement::kNone;
    /// Columns: the parent's box flush with the content's left edge (its bus runs left to the first spine)
    /// instead of centred over several columns or above the spine of one.
    bool flush = false;
    /// How far down from the top, beside its own box, nothing of the subtree stands (0: its whole width is
    /// taken from the top): a short neighbour in a row may stand there.
    double shoulder = 0;
  };
  /// An arrangement's content: its extent and the x of the parent's centre line, from the content's left.
  struct Content {
    double width = 0, height = 0, anchor = 0;
    std::size_t columns = 0;  ///< columns (and folds): how many
  };
  /// How the connector reaches an item from its holder's source line.
  ///
  ///   [holder]            from the holder's source line down to its bus (hub_), then:
  ///   ┬───┬──── (hub)     kTop: along the bus and down into the top, or first down the trunk to a later
  ///   │  [a]   ┬ (lane)   shelf's bus (trunk_x, bus_y), and down the lane left of its column to just above
  ///   ├──┬──   └─┐         it (lane_x); kLeft/kRight: down the spine or line (lane_x) and along a stub into
  ///   │ [c]     [b]       the side; side: straight off the parent's centre line (lane_x) into the side.
  struct Link {
    Attach attach = Attach::kTop;
    std::optional<double> lane_x;   ///< a spine, line or column lane it runs down (absolute), if any
    std::optional<double> trunk_x;  ///< a later shelf: the trunk down the shelves' left (absolute)
    double bus_y = 0;               ///< with trunk_x: the y of the bus above its shelf (absolute)
    bool side = false;              ///< an assistant: straight off the parent's centre line
    /// A folded segment at the top of a column: first down to drop_y (under the previous column), across to
    /// the channel at channel_x, and up it to the holder's bus (absolute).
    std::optional<double> channel_x;
    double drop_y = 0;
  };

  std::span<const Shape> shapes(Index i) const { return {pool_.data() + first_[i], count_[i]}; }
  const Shape& shape(Index i) const { return pool_[chosen_[i]]; }
  bool is_leaf(Index i) const { return !forest_.is_frame(i) && forest_.children(i).empty(); }
  bool is_side(Index i) const;
  /// Index (into shapes(i)) of the child shape an arrangement uses: by height (the narrowest with
  /// height <= cap, else the lowest; for a negative cap the one that best fits the aspect -cap) or by width
  /// (the lowest with width <= cap, else the narrowest).
  std::uint32_t pick(Index i, double cap, bool by_width) const;
  std::uint32_t find(Index i, double cap, bool by_width) const;
  struct PickCache {
    double cap = std::numeric_limits<double>::quiet_NaN();
    std::uint32_t index = 0;
    bool by_width = false;
  };
  mutable std::vector<PickCache> pick_cache_;

  void build_shapes(Index v);
  Content arrange(Index v, std::span<const Index> kids, Arrangement a, double cap, std::uint32_t param,
                  double limit, bool place);
  /// The item's shape from an arrangement's content (and, for a node, its box and side band).
  Shape wrap_content(Index v, const Content& c, Arrangement a, double cap, std::uint32_t param, double limit,
                     bool place);
  /// The side band: assistants left and right of the centre line. Returns {lo, hi, height} relative to the
  /// line and the band's top.
  struct Band {
    double lo = 0, hi = 0, height = 0;
  };
  Band side_band(std::span<const Index> sides, bool place);
  void keep_best(Index v, std::vector<Shape>& candidates);
  // The fold (shape_fold.cpp): a line of command, each node's heavy child heading the next segment.
  void count_subtrees();
  void add_folds(Index v);
  /// How many times as densely as the default this profile samples a fold's caps, widths and column heights.
  std::size_t fold_effort() const;
  /// One segment per node of the line from v that has children: their row, the heavy child as its box only.
  void fold_caps(Index v);
  struct Segment {
    Index owner;
    double width, height, first_left, last_right;
    double cap;  ///< its light children's shapes: by height, see pick()
    double heavy_x = 0;  ///< the centre of the child that owns the next segment (its box), from the left
    std::uint32_t first_piece = 0, pieces = 0;  ///< its children's extents, in pieces_
  };
  /// A child's extent in its segment (from the segment's left and top): what the next segments must clear.
  struct Piece {
    double left, right, height;
  };
  /// The segment of u's children, its pieces appended to pieces_.
  Segment segment(Index u, double cap);
  /// A column's lower outline while a fold is arranged: steps {start x, bottom y} by x; each runs to the
  /// start of the next (the last, to infinity).
  struct Step {
    double start, bottom;
  };
  void build_segments(Index v, double cap, bool by_width);
  Content arrange_fold(Index v, double cap, bool by_width, double limit, bool place);
  void place_item(Index v);
  double choose_roots();
  void route_into(Index holder, Index item, std::vector<Point>& line) const;

  const ItemForest& forest_;
  const TreeLayoutInput& input_;
  const TreeLayoutOptions& options_;
  std::size_t profile_ = 0;
  std::vector<Shape> pool_;
  std::vector<std::uint32_t> first_, count_, chosen_;
  std::vector<double> left_, top_;  ///< each item's shape: relative to its holder, then absolute
  std::vector<double> hub_;         ///< per holder: y of the bus its children's connectors start from
  std::vector<Link> link_;          ///< per item, from its holder
  std::vector<std::uint32_t> pick_;  ///< per item while placing: the shape its holder picked
  std::vector<std::uint32_t> subtree_;  ///< per item: nodes in its subtree
  std::vector<Index> heavy_;            ///< per node: the child that continues its line of command, or kNoItem
  std::vector<std::uint8_t> folded_;    ///< per node: 1 heads a chosen fold, 2 stands inside one
  std::vector<Segment> segments_;
  std::vector<Piece> pieces_;
  std::vector<Step> skyline_, steps_;
  std::vector<double> fold_caps_;
  std::vector<Index> fold_items_, fold_owners_;  ///< what place mode put, relative to the head's content
  std::size_t max_shapes_ = 0;          ///< for the item at hand
  // What wrap_content() found for the item at hand: its content's origin and its bus, relative to its shape;
  // and its side band (has_band_), computed once per item.
  double origin_x_ = 0, origin_y_ = 0, hub_rel_ = 0;
  bool has_band_ = false;
  bool flush_ = false;  ///< the arrangement at hand is the flush variant (Shape::flush)
  Band band_;
  // Scratch, reused per item.
  std::vector<Index> kids_, sides_;
  std::vector<double> values_, aspects_;
  std::vector<std::uint8_t> new_shelf_;
  std::vector<Shape> candidates_;
  std::vector<Size> sizes_, item_sizes_;
  std::vector<ShelfSpot> spots_;
  struct RowStep {
    double y_end, right;
    bool leaf;
  };
  std::vector<RowStep> row_steps_;
  std::vector<double> row_x_;
  // The roots' packing.
  double root_cap_ = 0, root_limit_ = 0;
  int root_stacking_ = 0;  ///< 0: plain shelves, 1: stacking, 2: settled
  Rect bounds_;
};

}  // namespace orgchart::detail

#pragma once
/// The org-chart layout of a forest: a tidy tree with real box sizes and labelled group blocks, compacted to fit
/// a page at the largest scale: leaf children stacked in columns, group blocks wrapped into shelves, and the
/// trees packed onto shelves. Standard library only.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "orgchart/layout/geometry.hpp"

namespace orgchart {

/// A forest to lay out. Node i has size[i]; children[i] lists its children in drawing order; roots lists the
/// roots in order. group[i] (optional, may be empty vector) is a small integer >= 0 naming the block node i
/// belongs to under its parent (-1 = none); group_label[parent][g] is that block's caption (may be empty).
struct TreeLayoutInput {
  std::vector<Size> size;
  std::vector<std::vector<std::size_t>> children;
  std::vector<std::size_t> roots;
  std::vector<int> group;                             ///< empty or one per node; ignored on roots
  std::vector<std::vector<std::string>> group_label;  ///< empty or per node: captions of its child groups
  /// Optional measured caption widths (pt), shaped like group_label; where missing the width is estimated
  /// from TreeLayoutOptions::caption_char_width.
  std::vector<std::vector<double>> group_label_width;
  /// Empty or one per node: non-zero places the node beside its parent (an assistant or staff position): on a
  /// short branch off the parent's vertical connector, below the parent and above its other children, never in
  /// a group block. Ignored on roots.
  std::vector<std::uint8_t> side;
};

/// How a parent (or a group block) arranges its children (other than side ones).
enum class Arrangement : std::uint8_t {
  kNone,     ///< no such children
  kRow,      ///< one row, the parent centred over the row of boxes and blocks
  kShelves,  ///< the row wrapped onto shelves under a trunk on the area's left, the parent centred over it
  kColumns,  ///< columns hanging from spines, column-major: leaf columns; one column is a hanging list
  kHanging,  ///< a hanging list on both sides of the parent's centre line, left then right, row by row
  /// A long line of command folded into columns: the node's children stand in a row (a segment), the one
  /// heading the line as its box only, its own children's segment below; segments flow down a column, then
  /// on at the top of the next column, reached up the channel between the columns (see TreeLayoutResult::
  /// continued). The head of the line is centred over its segment.
  kFolded,
};

/// Where the connector from its parent meets a node.
enum class Attach : std::uint8_t {
  kTop,    ///< top centre
  kLeft,   ///< middle of the left side (a column, a list right of a line, an assistant right of it)
  kRight,  ///< middle of the right side (left of a line)
};

struct TreeLayoutOptions {
  double sibling_gap = 12;    ///< horizontal gap between sibling boxes (pt)
  double subtree_gap = 16;    ///< gap between neighbouring subtrees (and between separate trees)
  double level_gap = 24;      ///< vertical gap between a parent and its children
  double column_gap = 12;     ///< gap between stacked columns; half of it is the stub left of each column
  double row_gap = 6;         ///< gap between stacked rows
  double stack_gap = 12;      ///< vertical gap between trees, or wrapped group blocks, stacked in one column
  double group_padding = 10;  ///< padding inside a group block; its caption sits on top (caption_height)
  double caption_height = 20;
  double caption_char_width = 7;  ///< estimated caption width per character when not measured; 0 = ignore
  double page_aspect = 842.0 / 595.0;  ///< the page's width/height (A4 landscape); <= 0 or infinite = no page
  /// Width and height the caller adds around the drawing at the same scale (margins, a title band): the two are
  /// fitted to the page together.
  Size page_reserve = {};
  /// Compact the chart to fit the page at the largest scale (stack leaves, wrap blocks, pack trees on shelves);
  /// without it, or without a page, the trees stand in one row and nothing is stacked or wrapped.
  bool compact = true;
  /// With compact: choose per parent among the arrangements (shape functions, see layout_tree()); false keeps
  /// only the tidy tree's chart-wide compaction (the layout before arrangements were chosen).
  bool choose_arrangements = true;
};

/// Orthogonal polyline, y down: from the parent's bottom centre down to a bus halfway to the children, along
/// it, and into the child's top centre; into a stacked child, down the spine half a column_gap left of its
/// column and along a stub into the middle of its left side; into a group block, down the block's trunk
/// (half a padding inside its left edge, clear of the caption) to a second bus under the caption. Below a
/// wrapped parent, a child on a later shelf is reached down a trunk half a subtree_gap left of the whole area
/// and along a bus halfway up the gap above its shelf; one below another in its column, down a lane half a
/// subtree_gap left of the column and in from the left: a block along its second bus, a subtree through the
/// middle of the stack_gap above it.
struct EdgeRoute {
  std::size_t parent, child;
  std::vector<Point> points;
};

/// The labelled block of the children of `parent` whose group is `group`: a frame around their whole
/// subtrees, which nothing else enters.
struct GroupBox {
  std::size_t parent;
  int group;
  Rect rect;
  std::string caption;
  Rect caption_rect;     ///< the caption's band at the top of rect, inset by the padding; empty without caption
  bool stacked = false;  ///< its members stand in columns (Arrangement::kColumns)
  Arrangement arrangement = Arrangement::kRow;
};

struct TreeLayoutResult {
  std::vector<Point> centre;     ///< box centre per node (pt, y down, all coordinates >= 0)
  std::vector<EdgeRoute> edges;  ///< one per parent->child link, in parent order then child order
  std::vector<GroupBox> groups;  ///< by parent in node order, then in order of first appearance
  std::vector<bool> stacked;     ///< per node: its children stand in columns (Arrangement::kColumns)
  std::vector<bool> wrapped;     ///< per node: its children (blocks and subtrees) wrap onto shelves
  std::vector<Arrangement> arrangement;  ///< per node: how its children (other than side ones) stand
  std::vector<Attach> attach;            ///< per node: where its parent's connector meets it
  /// Per node: the first of a folded segment at the top of a column, below which its parent stands (at the
  /// foot of the previous column): its connector runs down from the parent, across under that column, up the
  /// channel between the columns and along the segment's bus.
  std::vector<bool> continued;
  std::size_t max_rows_per_column = 0;  ///< the compaction chosen (0 = none: every child row is a row)
  Rect bounds;                   ///< bounding box of everything, boxes, blocks and edges (starts at 0,0)
};

/// Buchheim, Jünger, Leipert: "Improving Walker's algorithm to run in linear time" (2002), with variable box
/// sizes handled as in van der Ploeg: "Drawing non-layered tidy trees in linear time" (2014): a child's top is
/// its parent's bottom plus level_gap, so siblings are top-aligned and cousins need not be. Siblings keep
/// their order and sit sibling_gap apart, other subtrees subtree_gap; a parent is centred over its row of
/// children (their outer edges), or over its stacked columns (one column hangs from its centre line). A group
/// block takes its place in the row where its first member appears.
/// Compaction maximises the scale at which the chart fits the page (minimises max((W + reserve_w) /
/// page_aspect, H + reserve_h)) over three choices: one chart-wide r, so that a leaf-only parent or block with
/// k >= 2 leaves stacks them column-major in ceil(k / r) columns; whether a parent with group blocks wraps its
/// children's bounding boxes onto shelves below it (each parent choosing the shelf width that brings its
/// subtree closest to one chart-wide aspect, and only when that beats a single row; the parent is then centred
/// over the whole area); and the width of the shelves the trees are packed onto. Shelves read left to right,
/// then top to bottom; items shorter than a shelf's tallest stack in a column beside it, top to bottom, left-
/// aligned. O(n) per pass; O(log n) passes (every combination for small charts); no recursion.
/// \pre children/roots describe a forest: each node appears exactly once as a root or as a child. Throws
/// std::invalid_argument otherwise (a node listed twice, a cycle, an index out of range), or on a negative,
/// infinite or NaN size or option.
TreeLayoutResult layout_tree(const TreeLayoutInput& input, const TreeLayoutOptions& options = {});

}  // namespace orgchart

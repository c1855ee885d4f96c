#pragma once
/// The org-chart layout of a forest: a tidy tree with real box sizes, labelled group blocks, and leaf
/// children stacked in columns when that brings the chart closer to the page's shape. Standard library only.
#include <cstddef>
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
};

struct TreeLayoutOptions {
  double sibling_gap = 18;    ///< horizontal gap between sibling boxes (pt)
  double subtree_gap = 30;    ///< gap between neighbouring subtrees (and between separate trees)
  double level_gap = 40;      ///< vertical gap between a parent and its children
  double column_gap = 16;     ///< gap between stacked columns; half of it is the stub left of each column
  double row_gap = 10;        ///< gap between stacked rows
  double group_padding = 10;  ///< padding inside a group block; its caption sits on top (caption_height)
  double caption_height = 20;
  double caption_char_width = 7;  ///< estimated caption width per character when not measured; 0 = ignore
  double page_aspect = 842.0 / 595.0;  ///< target width/height (A4 landscape); <= 0 = no compaction
  bool compact = true;  ///< stack leaf children in columns when it brings the chart closer to page_aspect
};

/// Orthogonal polyline, y down: from the parent's bottom centre down to a bus halfway to the children, along
/// it, and into the child's top centre; into a stacked child, down the spine half a column_gap left of its
/// column and along a stub into the middle of its left side; into a group block, down the block's trunk
/// (half a padding inside its left edge, clear of the caption) to a second bus under the caption.
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
  bool stacked = false;  ///< its members are leaves stacked in columns
};

struct TreeLayoutResult {
  std::vector<Point> centre;     ///< box centre per node (pt, y down, all coordinates >= 0)
  std::vector<EdgeRoute> edges;  ///< one per parent->child link, in parent order then child order
  std::vector<GroupBox> groups;  ///< by parent in node order, then in order of first appearance
  std::vector<bool> stacked;     ///< per node: its children are leaves stacked in columns
  std::size_t max_rows_per_column = 0;  ///< the compaction chosen (0 = none: every child row is a row)
  Rect bounds;                   ///< bounding box of everything, boxes, blocks and edges (starts at 0,0)
};

/// Buchheim, Jünger, Leipert: "Improving Walker's algorithm to run in linear time" (2002), with variable box
/// sizes handled as in van der Ploeg: "Drawing non-layered tidy trees in linear time" (2014): a child's top is
/// its parent's bottom plus level_gap, so siblings are top-aligned and cousins need not be. Siblings keep
/// their order and sit sibling_gap apart, other subtrees subtree_gap; a parent is centred over its row of
/// children (their outer edges), or over its stacked columns (one column hangs from its centre line). A group
/// block takes its place in the row where its first member appears. Compaction: a leaf-only parent or block
/// with k >= 2 leaves stacks them column-major in ceil(k / r) columns, with one r for the whole chart found by
/// binary search so that the bounds' aspect comes closest to page_aspect. O(n) per pass, O(log n) passes;
/// no recursion.
/// \pre children/roots describe a forest: each node appears exactly once as a root or as a child. Throws
/// std::invalid_argument otherwise (a node listed twice, a cycle, an index out of range), or on a negative,
/// infinite or NaN size or option.
TreeLayoutResult layout_tree(const TreeLayoutInput& input, const TreeLayoutOptions& options = {});

}  // namespace orgchart

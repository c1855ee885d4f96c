#pragma once
/// Internal to layout_tree(): the forest of items a tidy-tree pass places — the input's nodes plus one
/// frame per labelled group block.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "orgchart/layout/tree_layout.hpp"

namespace orgchart::detail {

using Index = std::uint32_t;
inline constexpr Index kNoItem = std::numeric_limits<Index>::max();

/// Items [0, node_count) are the input's nodes; items [node_count, size()) are group frames, one per
/// (parent, group) pair in parent order and first appearance. A frame hangs under its parent node and the
/// group's members hang under the frame; a node's other children hang under the node itself.
struct ItemForest {
  std::size_t node_count = 0;
  std::vector<Index> parent;       ///< per item; kNoItem for roots
  std::vector<Index> child_begin;  ///< per item, plus one: item i's children are child[child_begin[i] ...]
  std::vector<Index> child;        ///< in drawing order
  std::vector<Index> roots;
  std::vector<Index> order;        ///< pre-order: every item after its parent, subtrees in drawing order
  std::vector<std::uint8_t> leaf_only;  ///< per item: has children, all of them leaf nodes
  std::vector<std::uint8_t> wrappable;  ///< per item: a node with >= 2 child items, a group block among them
  std::vector<std::size_t> frame_parent;  ///< per frame (item - node_count): the node it hangs under
  std::vector<int> frame_group;
  std::vector<double> caption_width;      ///< per frame, measured or estimated (pt)
  std::vector<std::uint8_t> has_caption;  ///< per frame

  std::size_t size() const { return parent.size(); }
  bool is_frame(Index i) const { return i >= node_count; }
  std::span<const Index> children(Index i) const {
    return {child.data() + child_begin[i], child.data() + child_begin[i + 1]};
  }
};

/// Checks that the input is a forest with sane sizes and builds its items.
/// \throws std::invalid_argument naming the first problem found.
ItemForest build_item_forest(const TreeLayoutInput& input, const TreeLayoutOptions& options);

}  // namespace orgchart::detail

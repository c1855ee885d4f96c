#include "tidy_tree.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace orgchart::detail {

TidyTree::TidyTree(const ItemForest& forest, const std::vector<Size>& node_size, const TreeLayoutOptions& options)
    : forest_(forest), node_size_(node_size), options_(options) {
  const std::size_t items = forest.size();
  frame_size_.resize(items - forest.node_count);
  x_.resize(items);
  top_.resize(items);
  stacked_.resize(items);
  wrapped_.resize(items);
  via_of_.resize(items);
  segments_.reserve(3 * items);
}

double TidyTree::frame_inset(Index frame) const {
  const bool caption = forest_.has_caption[frame - forest_.node_count] != 0;
  return options_.group_padding + (caption ? options_.caption_height : 0);
}

double TidyTree::gap(Index a, Index b) const {
  return a == b && a != kNoItem ? options_.sibling_gap : options_.subtree_gap;
}

Index TidyTree::push_segment(double height, double dx, Index key) {
  segments_.push_back({height, dx, key, kNoItem});
  return static_cast<Index>(segments_.size() - 1);
}

TidyTree::Shape TidyTree::box_shape(double width, double height, Index key) {
  const Index l = push_segment(height, -width / 2, key), r = push_segment(height, width / 2, key);
  return {l, l, r, r, -width / 2, width / 2, height, -width / 2, width / 2};
}

TidyTree::Shape TidyTree::take_shape(Index item) {
  // Leaves get their shape only when a row needs it: stacked leaves never do.
  if (forest_.children(item).empty()) {
    const Size s = node_size_[item];
    return box_shape(s.width, s.height, forest_.parent[item]);
  }
  assert(!shapes_.empty() && shapes_.back().item == item);
  const Shape s = shapes_.back();
  shapes_.pop_back();
  return s;
}

void TidyTree::place(std::size_t max_rows, double wrap_aspect) {
  max_rows_ = max_rows < 2 ? 0 : max_rows;
  wrap_aspect_ = wrap_aspect;
  segments_.clear();
  shapes_.clear();
  vias_.clear();
  std::fill(stacked_.begin(), stacked_.end(), 0);
  std::fill(wrapped_.begin(), wrapped_.end(), 0);
  std::fill(via_of_.begin(), via_of_.end(), kNoItem);
  for (auto it = forest_.order.rbegin(); it != forest_.order.rend(); ++it)
    if (!forest_.children(*it).empty()) place_children(*it);
  // The roots' shapes are on the stack, the first root's topmost; their extremes are the trees' extents.
  root_size_.clear();
  root_lo_.clear();
  for (Index r : forest_.roots) {
    const Shape s = take_shape(r);
    root_size_.push_back({s.hi - s.lo, s.bottom});
    root_lo_.push_back(s.lo);
  }
  bounds_ = {};
}

void TidyTree::pack_roots(double limit, const ShelfGaps& gaps) {
  const ShelfPacking p = pack_shelves(root_size_, limit, gaps, &spots_);
  for (std::size_t i = 0; i < forest_.roots.size(); ++i) {
    x_[forest_.roots[i]] = spots_[i].left - root_lo_[i];
    top_[forest_.roots[i]] = spots_[i].top;
  }
  bounds_ = {0, 0, p.width, p.height};
}

void TidyTree::place_children(Index v) {
  const auto kids = forest_.children(v);
  stacked_[v] = forest_.leaf_only[v] && max_rows_ >= 2 && kids.size() >= 2;
  Row row = stacked_[v] ? stack_columns(v, kids) : merge_row(kids);
  if (forest_.wrappable[v] && std::isfinite(wrap_aspect_) && wrap_aspect_ > 0) wrapped_[v] = wrap_row(v, kids, row);
  if (forest_.is_frame(v)) finish_frame(v, row, kids);
  else finish_node(v, row, kids);
  shapes_.back().item = v;
}

TidyTree::Row TidyTree::merge_row(std::span<const Index> kids) {
  const std::size_t k = kids.size();
  shift_.assign(k, 0);
  change_.assign(k, 0);
  levels_.clear();
  // Each child's extent is kept: merging loses it, and wrap_row() needs it.
  boxes_.resize(k);
  box_lo_.resize(k);
  auto keep = [&](std::size_t i, const Shape& s) {
    boxes_[i] = {s.hi - s.lo, s.bottom};
    box_lo_[i] = s.lo;
  };
  Row row;
  row.shape = take_shape(kids[0]);
  keep(0, row.shape);
  x_[kids[0]] = 0;
  top_[kids[0]] = 0;
  levels_.push_back({row.shape.bottom, 0});
  for (std::size_t i = 1; i < k; ++i) {
    const Shape next = take_shape(kids[i]);
    keep(i, next);
    x_[kids[i]] = separate(row.shape, next, i);
    top_[kids[i]] = 0;
    while (!levels_.empty() && levels_.back().low_y <= next.bottom) levels_.pop_back();
    levels_.push_back({next.bottom, i});
  }
  // Walker's even spacing of the smaller subtrees that sit between two that were pushed apart.
  double speed = 0, moved = 0;
  row.shape.lo = std::numeric_limits<double>::infinity();
  row.shape.hi = -row.shape.lo;
  for (std::size_t i = 0; i < k; ++i) {
    speed += shift_[i];
    moved += speed + change_[i];
    x_[kids[i]] += moved;
    row.shape.lo = std::min(row.shape.lo, x_[kids[i]] + box_lo_[i]);
    row.shape.hi = std::max(row.shape.hi, x_[kids[i]] + box_lo_[i] + boxes_[i].width);
  }
  auto entry = [&](Index c) {
    return x_[c] + (forest_.is_frame(c) ? options_.group_padding / 2 - size(c).width / 2 : 0);
  };
  const Index first = kids.front(), last = kids.back();
  row.entry_left = entry(first);
  row.entry_right = entry(last);
  row.anchor = (x_[first] - size(first).width / 2 + x_[last] + size(last).width / 2) / 2;
  return row;
}

// Walks the row's right contour and the next subtree's left contour down together, segment by segment,
// pushing `next` right wherever the two come closer than their gap:
//
//   row's right contour ─┐   ┌─ next's left contour
//              [a]──────┤│ gap│├──────[d]
//                 [b]───┘│    │
//                        └────┘  below the shallower one, the deeper one's contour hangs on
double TidyTree::separate(Shape& row, const Shape& next, std::size_t index) {
  const auto& seg = segments_;
  double x = 0;  // next's centre in row's frame; it only moves right
  Index row_seg = row.right_head, next_seg = next.left_head;
  double row_x = seg[row_seg].dx, next_x = seg[next_seg].dx;
  double row_top = 0, row_bottom = seg[row_seg].height, next_bottom = seg[next_seg].height;
  std::size_t level = levels_.size() - 1;
  bool row_done = false, next_done = false;
  while (!row_done && !next_done) {
    while (level > 0 && levels_[level].low_y < (row_top + row_bottom) / 2) --level;
    const double push = row_x + gap(seg[row_seg].key, seg[next_seg].key) - (x + next_x);
    if (push > 0) {
      x += push;
      const std::size_t owner = levels_[level].index;
      if (owner + 1 < index) {  // spread the push over the siblings between owner and index
        const double share = push / static_cast<double>(index - owner);
        shift_[owner + 1] += share;
        shift_[index] -= share;
        change_[index] -= push - share;
      }
    }
    const bool advance_row = row_bottom <= next_bottom, advance_next = next_bottom <= row_bottom;
    if (advance_row) {
      if (seg[row_seg].next == kNoItem) row_done = true;
      else {
        row_seg = seg[row_seg].next;
        row_x += seg[row_seg].dx;
        row_top = row_bottom;
        row_bottom += seg[row_seg].height;
      }
    }
    if (advance_next) {
      if (seg[next_seg].next == kNoItem) next_done = true;
      else {
        next_seg = seg[next_seg].next;
        next_x += seg[next_seg].dx;
        next_bottom += seg[next_seg].height;
      }
    }
  }
  // The merged right contour is next's; the part of the deeper one's contour below the other hangs on.
  segments_[next.right_head].dx += x;
  if (row_done && !next_done) {  // next is deeper: its left contour continues row's
    segments_[next_seg].height = next_bottom - row_bottom;
    segments_[next_seg].dx = x + next_x - row.left_tail_x;
    segments_[row.left_tail].next = next_seg;
    row.left_tail = next.left_tail;
    row.left_tail_x = x + next.left_tail_x;
    row.right_tail = next.right_tail;
    row.right_tail_x = x + next.right_tail_x;
  } else if (next_done && !row_done) {  // row is deeper: its right contour continues next's
    segments_[row_seg].height = row_bottom - next_bottom;
    segments_[row_seg].dx = row_x - (x + next.right_tail_x);
    segments_[next.right_tail].next = row_seg;
  } else {
    row.right_tail = next.right_tail;
    row.right_tail_x = x + next.right_tail_x;
  }
  row.right_head = next.right_head;
  row.bottom = std::max(row.bottom, next.bottom);
  return x;
}

TidyTree::Row TidyTree::stack_columns(Index v, std::span<const Index> kids) {
  const std::size_t k = kids.size();
  const std::size_t wanted = (k + max_rows_ - 1) / max_rows_;
  const std::size_t rows = (k + wanted - 1) / wanted;
  const double stub = options_.column_gap / 2;
  // Column-major; each column is left-aligned and its connector runs down the stub left of it.
  double left = stub, height = 0, last_spine = 0;
  for (std::size_t begin = 0; begin < k; begin += rows) {
    const std::size_t end = std::min(k, begin + rows);
    double width = 0, y = 0;
    for (std::size_t j = begin; j < end; ++j) {
      const Size s = node_size_[kids[j]];
      width = std::max(width, s.width);
      x_[kids[j]] = left + s.width / 2;
      top_[kids[j]] = y;
      y += s.height + options_.row_gap;
    }
    height = std::max(height, y - options_.row_gap);
    last_spine = left - stub;
    left += width + options_.column_gap;
  }
  const double width = left - options_.column_gap;
  for (Index c : kids) x_[c] -= width / 2;
  Row row;
  row.shape = box_shape(width, height, v);
  row.entry_left = -width / 2;
  row.entry_right = last_spine - width / 2;
  // One column hangs from the parent's centre line; several are centred under it.
  row.anchor = rows >= k ? row.entry_left : 0;
  return row;
}

void TidyTree::finish_node(Index v, const Row& row, std::span<const Index> kids) {
  const double p = row.anchor, w = node_size_[v].width, h = node_size_[v].height;
  const Index key = forest_.parent[v];
  // Below the box, the connectors: the parent's centre line and the bus to the outermost children.
  const double band_left = std::min(p, row.entry_left) - p, band_right = std::max(p, row.entry_right) - p;
  Shape s;
  s.left_head = push_segment(h, -w / 2, key);
  const Index left_band = push_segment(options_.level_gap, band_left + w / 2, key);
  s.right_head = push_segment(h, w / 2, key);
  const Index right_band = push_segment(options_.level_gap, band_right - w / 2, key);
  segments_[s.left_head].next = left_band;
  segments_[s.right_head].next = right_band;
  segments_[left_band].next = row.shape.left_head;
  segments_[right_band].next = row.shape.right_head;
  segments_[row.shape.left_head].dx -= p + band_left;
  segments_[row.shape.right_head].dx -= p + band_right;
  s.left_tail = row.shape.left_tail;
  s.right_tail = row.shape.right_tail;
  s.left_tail_x = row.shape.left_tail_x - p;
  s.right_tail_x = row.shape.right_tail_x - p;
  s.bottom = h + options_.level_gap + row.shape.bottom;
  s.lo = std::min({-w / 2, band_left, row.shape.lo - p});
  s.hi = std::max({w / 2, band_right, row.shape.hi - p});
  shapes_.push_back(s);
  for (Index c : kids) {
    x_[c] -= p;
    top_[c] += h + options_.level_gap;
  }
}

void TidyTree::finish_frame(Index v, const Row& row, std::span<const Index> kids) {
  // The frame is a plain box to everything outside: it encloses whole subtrees, whose contours are dropped.
  const double lo = row.shape.lo, hi = row.shape.hi;
  const double pad = options_.group_padding, inset = frame_inset(v);
  // A stacked block's first spine is the frame's trunk (half a padding in), so that line runs straight;
  // other content is centred, under a caption that may be wider than it.
  const double left_pad = stacked_[v] ? pad / 2 : pad;
  const double width = std::max(left_pad + (hi - lo) + pad, forest_.caption_width[v - forest_.node_count] + 2 * pad);
  const double content_left = stacked_[v] ? left_pad : (width - (hi - lo)) / 2;
  const Size s{width, inset + row.shape.bottom + pad};
  frame_size_[v - forest_.node_count] = s;
  const double centre = lo - content_left + width / 2;
  for (Index c : kids) {
    x_[c] -= centre;
    top_[c] += inset;
  }
  shapes_.push_back(box_shape(s.width, s.height, forest_.parent[v]));
}

bool TidyTree::wrap_row(Index v, std::span<const Index> kids, Row& row) {
  // merge_row() left each child's extent in boxes_ and box_lo_.
  const double aspect = wrap_aspect_, level = options_.level_gap, trunk = options_.subtree_gap / 2;
  const Size parent = node_size_[v];
  auto score = [&](double w, double h) {
    return std::max(std::max(parent.width, w) / aspect, parent.height + level + h);
  };
  const double in_a_row = score(row.shape.hi - row.shape.lo, row.shape.bottom);
  const ShelfGaps gaps{options_.subtree_gap, level, options_.stack_gap, true};
  // A trunk half a column gap left of everything leads down to the later shelves and to a stacked first column.
  auto margin = [&](const ShelfPacking& p) { return p.shelves > 1 || p.lead_stacked ? trunk : 0.0; };
  double wrapped = 0;
  const double limit = best_shelf_limit(
      std::span<const Size>(boxes_),
      gaps,
      [&](const ShelfPacking& p) {
        const double w = margin(p) + p.width;
        return ShelfFit{score(w, p.height), w / aspect > parent.height + level + p.height};
      },
      &wrapped);
  if (!(wrapped < in_a_row)) return false;

  const ShelfPacking p = pack_shelves(boxes_, limit, gaps, &spots_);
  const double left_margin = margin(p), half = (left_margin + p.width) / 2;  // the origin is the area's centre
  const double pad = options_.group_padding;
  auto entry = [&](Index c) { return x_[c] + (forest_.is_frame(c) ? pad / 2 - size(c).width / 2 : 0); };
  row = Row{};
  row.shape = box_shape(2 * half, p.height, v);
  row.entry_right = -half;
  for (std::size_t i = 0; i < kids.size(); ++i) {
    const ShelfSpot& s = spots_[i];
    const Index c = kids[i];
    x_[c] = left_margin + s.left - box_lo_[i] - half;
    top_[c] = s.top;
    if (s.shelf == 0 && s.column_head) {
      row.entry_right = entry(c);
      continue;
    }
    Via via;
    if (s.shelf > 0) via.trunk = Via::Trunk{-half - x_[c], s.shelf_top - level / 2 - top_[c]};
    if (!s.column_head) via.lane_dx = left_margin + s.left - trunk - half - x_[c];
    via_of_[c] = static_cast<Index>(vias_.size());
    vias_.push_back(via);
  }
  row.entry_left = left_margin > 0 ? -half : entry(kids[0]);
  row.anchor = 0;
  return true;
}

void TidyTree::resolve() {
  // Roots are placed absolutely by pack_roots().
  for (Index i : forest_.order)
    if (const Index p = forest_.parent[i]; p != kNoItem) {
      x_[i] += x_[p];
      top_[i] += top_[p];
    }
}

}  // namespace orgchart::detail

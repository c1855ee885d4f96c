#pragma once
/// Every property layout_tree() promises, checked on one result in O(n log n) (plus the edges against the boxes
/// on a grid), for the layout tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <queue>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "orgchart/layout/tree_layout.hpp"

namespace orgchart::layout_test {

struct Box {
  double left, top, right, bottom;
};

inline Box box_of(const TreeLayoutResult& r, const TreeLayoutInput& in, std::size_t v) {
  const Point c = r.centre[v];
  const Size s = in.size[v];
  return {c.x - s.width / 2, c.y - s.height / 2, c.x + s.width / 2, c.y + s.height / 2};
}
inline Box box_of(const Rect& r) { return {r.x, r.y, r.x + r.width, r.y + r.height}; }
inline bool overlap(const Box& a, const Box& b, double eps) {
  return a.left < b.right - eps && b.left < a.right - eps && a.top < b.bottom - eps && b.top < a.bottom - eps;
}
inline std::string str(const Box& b) {
  return "[" + std::to_string(b.left) + ", " + std::to_string(b.top) + " .. " + std::to_string(b.right) + ", " +
         std::to_string(b.bottom) + "]";
}

/// Sweep over x with the active boxes ordered by top; while no two overlap the active ones are disjoint in y,
/// so a new box overlaps one of them iff it overlaps its neighbour above or below. O(n log n).
/// Returns the indices of an overlapping pair, or {-1, -1}.
inline std::pair<long, long> find_overlap(const std::vector<Box>& boxes, double eps) {
  std::vector<std::size_t> by_left(boxes.size());
  std::iota(by_left.begin(), by_left.end(), 0);
  std::sort(by_left.begin(), by_left.end(), [&](auto a, auto b) { return boxes[a].left < boxes[b].left; });
  std::set<std::pair<double, std::size_t>> active;  // (top, index)
  using Exit = std::pair<double, std::size_t>;      // (right, index)
  std::priority_queue<Exit, std::vector<Exit>, std::greater<>> exits;
  for (std::size_t i : by_left) {
    const Box& b = boxes[i];
    while (!exits.empty() && exits.top().first <= b.left + eps) {
      active.erase({boxes[exits.top().second].top, exits.top().second});
      exits.pop();
    }
    auto above = active.lower_bound({b.top, 0});
    if (above != active.end() && overlap(boxes[above->second], b, eps)) return {long(above->second), long(i)};
    if (above != active.begin() && overlap(boxes[std::prev(above)->second], b, eps))
      return {long(std::prev(above)->second), long(i)};
    active.insert({b.top, i});
    exits.push({b.right, i});
  }
  return {-1, -1};
}

struct Checks {
  bool edges_against_boxes = true;  ///< O(total edge length): skipped for a plain 100,000-child row
  bool sides = true;  ///< side nodes stand beside their parents (not in a plain tidy tree, which ignores them)
};

/// Every property the layout promises; each reports its first violation only.
inline void expect_valid_layout(const TreeLayoutInput& in, const TreeLayoutOptions& o, const TreeLayoutResult& r,
                         Checks checks = {}) {
  const std::size_t n = in.size.size();
  ASSERT_EQ(r.centre.size(), n);
  ASSERT_EQ(r.stacked.size(), n);
  ASSERT_EQ(r.wrapped.size(), n);
  ASSERT_EQ(r.edges.size(), n - in.roots.size());
  const double eps = 1e-9 * (1 + std::max(r.bounds.width, r.bounds.height));
  std::vector<Box> boxes(n);
  for (std::size_t v = 0; v < n; ++v) boxes[v] = box_of(r, in, v);
  // A side node (an assistant) is never in a block, whatever its group says.
  auto grp = [&](std::size_t v) { return in.group.empty() || (!in.side.empty() && in.side[v] != 0) ? -1 : in.group[v]; };
  std::vector<std::size_t> parent(n, SIZE_MAX);
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t c : in.children[p]) parent[c] = p;
  std::vector<std::size_t> order(in.roots.begin(), in.roots.end());  // breadth-first
  for (std::size_t head = 0; head < order.size(); ++head)
    for (std::size_t c : in.children[order[head]]) order.push_back(c);
  ASSERT_EQ(order.size(), n);

  // Each subtree's extent: its boxes, blocks and edges, gathered bottom-up.
  std::vector<Box> extent = boxes;
  auto grow = [](Box& a, const Box& b) {
    a = {std::min(a.left, b.left), std::min(a.top, b.top), std::max(a.right, b.right), std::max(a.bottom, b.bottom)};
  };
  for (const auto& g : r.groups) grow(extent[g.parent], box_of(g.rect));
  for (const auto& e : r.edges)
    for (const Point& q : e.points) grow(extent[e.parent], {q.x, q.y, q.x, q.y});
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (parent[*it] != SIZE_MAX) grow(extent[parent[*it]], extent[*it]);

  // Shelves read left to right, then top to bottom: the next item is below this one in its column, or starts
  // a column to its right on the same shelf, or starts the next shelf.
  auto expect_reading_order = [&](const std::vector<Box>& items, const std::string& where) {
    for (std::size_t i = 1; i < items.size(); ++i) {
      const Box &a = items[i - 1], &b = items[i];
      const bool below = std::abs(b.left - a.left) <= eps && b.top >= a.bottom + std::min(o.stack_gap, o.row_gap) - eps;
      const bool right = b.left >= a.right + std::min(o.sibling_gap, o.subtree_gap) - eps && b.top <= a.top + eps;
      const bool next_shelf = b.top >= a.bottom + o.level_gap - eps && b.left <= a.left + eps;
      ASSERT_TRUE(below || right || next_shelf) << where << ": " << str(b) << " does not follow " << str(a);
    }
  };

  // Group boxes: exactly one per (parent, group) in use.
  std::map<std::pair<std::size_t, int>, std::size_t> group_index;
  for (std::size_t i = 0; i < r.groups.size(); ++i)
    EXPECT_TRUE(group_index.emplace(std::pair(r.groups[i].parent, r.groups[i].group), i).second) << "group " << i;
  std::size_t groups_in_use = 0;
  for (std::size_t p = 0; p < n; ++p) {
    std::set<int> used;
    for (std::size_t c : in.children[p])
      if (grp(c) >= 0) used.insert(grp(c));
    groups_in_use += used.size();
    for (int g : used) EXPECT_TRUE(group_index.count({p, g})) << "no block for group " << g << " of node " << p;
  }
  EXPECT_EQ(r.groups.size(), groups_in_use);
  auto frame = [&](std::size_t p, int g) { return box_of(r.groups[group_index.at({p, g})].rect); };

  // Bounds start at (0, 0), are tight, and hold every box, block and edge point.
  EXPECT_EQ(r.bounds.x, 0);
  EXPECT_EQ(r.bounds.y, 0);
  const Box all{-eps, -eps, r.bounds.width + eps, r.bounds.height + eps};
  double min_x = INFINITY, min_y = INFINITY, max_x = -INFINITY, max_y = -INFINITY;
  auto take = [&](const Box& b) {
    min_x = std::min(min_x, b.left), min_y = std::min(min_y, b.top);
    max_x = std::max(max_x, b.right), max_y = std::max(max_y, b.bottom);
  };
  for (const Box& b : boxes) take(b);
  for (const auto& g : r.groups) take(box_of(g.rect));
  for (const auto& e : r.edges)
    for (const Point& q : e.points) take({q.x, q.y, q.x, q.y});
  if (n > 0) {
    EXPECT_NEAR(min_x, 0, eps);
    EXPECT_NEAR(min_y, 0, eps);
    EXPECT_NEAR(max_x, r.bounds.width, eps);
    EXPECT_NEAR(max_y, r.bounds.height, eps);
  }
  for (const auto& e : r.edges)
    if (std::any_of(e.points.begin(), e.points.end(), [&](Point q) {
          return !(q.x >= all.left && q.x <= all.right && q.y >= all.top && q.y <= all.bottom);
        })) {
      ADD_FAILURE() << "edge " << e.parent << "->" << e.child << " leaves the bounds";
      break;
    }

  // No two boxes overlap, and no caption overlaps a box or another caption.
  std::vector<Box> solid = boxes;
  for (const auto& g : r.groups)
    if (!g.caption.empty()) solid.push_back(box_of(g.caption_rect));
  const auto [a, b] = find_overlap(solid, eps);
  EXPECT_EQ(a, -1) << "overlap: " << a << " " << (a >= 0 ? str(solid[a]) : "") << " and " << b << " "
                   << (b >= 0 ? str(solid[b]) : "") << " (indices >= " << n << " are captions)";

  // Parents strictly above their children, except where a fold goes on at the top of the next column: there
  // the parent stands lower, at the foot of the previous column, and the connector comes up the channel
  // between them (the edge checks below: orthogonal, through no box), so the child is to its parent's right.
  ASSERT_EQ(r.continued.size(), n);
  for (std::size_t c = 0; c < n; ++c)
    if (r.continued[c]) {
      const std::size_t p = parent[c];
      const bool folded = p != SIZE_MAX && r.arrangement[p] == Arrangement::kFolded;
      if (!folded || !(boxes[c].left > boxes[p].right)) {
        ADD_FAILURE() << "node " << c << " is continued but not at the top of a column right of its parent";
        break;
      }
    }
  for (std::size_t c = 0; c < n; ++c)
    if (parent[c] != SIZE_MAX && !r.continued[c] && !(boxes[parent[c]].bottom < boxes[c].top)) {
      ADD_FAILURE() << "node " << parent[c] << " is not above its child " << c;
      break;
    }

  // Sibling order and centring, per arrangement. A parent's items are its ungrouped children and its group
  // blocks, in order of first appearance; side children (assistants) stand apart, beside the centre line.
  auto expect_columns = [&](const std::vector<Box>& items, const std::string& where) {
    for (std::size_t i = 1; i < items.size(); ++i) {
      const Box &prev = items[i - 1], &cur = items[i];
      const bool below = std::abs(cur.left - prev.left) <= eps && cur.top >= prev.bottom + o.row_gap - eps;
      const bool next_column = cur.left >= prev.right + o.column_gap - eps && std::abs(cur.top - items[0].top) <= eps;
      ASSERT_TRUE(below || next_column) << where << ": item " << i << " " << str(cur) << " after " << str(prev);
    }
  };
  auto expect_row = [&](const std::vector<Box>& items, const std::string& where) {
    for (std::size_t i = 1; i < items.size(); ++i)
      ASSERT_LE(items[i - 1].right, items[i].left + eps) << where << ": item " << i << " is left of item " << i - 1;
  };
  auto is_side = [&](std::size_t c) { return !in.side.empty() && in.side[c] != 0; };
  ASSERT_EQ(r.arrangement.size(), n);
  ASSERT_EQ(r.attach.size(), n);
  for (std::size_t p = 0; p < n; ++p) {
    if (in.children[p].empty()) {
      EXPECT_FALSE(r.stacked[p]);
      EXPECT_EQ(r.arrangement[p], Arrangement::kNone);
      continue;
    }
    const std::string where = "children of " + std::to_string(p);
    std::vector<Box> row, wrapped;  // boxes and blocks; subtrees and blocks
    std::vector<std::size_t> sides;
    std::map<int, std::vector<std::size_t>> members;
    for (std::size_t c : in.children[p]) {
      if (checks.sides && is_side(c)) {
        sides.push_back(c);
      } else if (grp(c) < 0 || is_side(c)) {
        row.push_back(boxes[c]);
        wrapped.push_back(extent[c]);
      } else {
        if (!members.count(grp(c))) row.push_back(frame(p, grp(c))), wrapped.push_back(frame(p, grp(c)));
        members[grp(c)].push_back(c);
      }
    }
    const double x = r.centre[p].x;
    EXPECT_EQ(r.stacked[p], r.arrangement[p] == Arrangement::kColumns) << where;
    EXPECT_EQ(r.wrapped[p], r.arrangement[p] == Arrangement::kShelves) << where;
    switch (r.arrangement[p]) {
      case Arrangement::kNone:
        EXPECT_TRUE(row.empty()) << where << " has no arrangement";
        break;
      case Arrangement::kColumns:
        expect_columns(wrapped, where);
        break;
      case Arrangement::kShelves: {
        expect_reading_order(wrapped, where);
        // Centred over the whole area, which starts at the trunk when there is one.
        double lo = INFINITY, hi = -INFINITY;
        for (const Box& b : wrapped) lo = std::min(lo, b.left), hi = std::max(hi, b.right);
        if (std::abs(x - (lo + hi) / 2) > eps && std::abs(x - (lo - o.subtree_gap / 2 + hi) / 2) > eps)
          ADD_FAILURE() << "node " << p << " is not centred over its wrapped children";
        break;
      }
      case Arrangement::kHanging:
        // Left of the line, right of it, row by row.
        for (std::size_t i = 0; i < wrapped.size(); ++i) {
          const Box& b = wrapped[i];
          if (i % 2 == 0) {
            EXPECT_LE(b.right, x + eps) << where << ": item " << i << " is not left of the line";
          } else {
            EXPECT_GE(b.left, x - eps) << where << ": item " << i << " is not right of the line";
            EXPECT_NEAR(b.top, wrapped[i - 1].top, eps) << where << ": item " << i;
          }
          if (i >= 2) {
            const std::size_t prev = (i / 2 - 1) * 2;  // the row above: items prev and prev + 1
            const double above = std::max(wrapped[prev].bottom, wrapped[prev + 1].bottom);
            EXPECT_GE(b.top, above + o.row_gap - eps) << where << ": item " << i << " does not start a row below";
          }
        }
        break;
      case Arrangement::kFolded: {
        // A segment: one row, top-aligned, in data order; below the parent, or at the top of a column.
        expect_row(row, where);
        for (const Box& b : row)
          if (std::abs(b.top - row.front().top) > eps) ADD_FAILURE() << where << ": the segment is not top-aligned";
        break;
      }
      case Arrangement::kRow: {
        expect_row(row, where);
        const double mid = (row.front().left + row.back().right) / 2;
        if (std::abs(x - mid) > eps) ADD_FAILURE() << "node " << p << " is not centred over its children";
        break;
      }
    }
    // Assistants: below the parent, wholly on one side of its centre line, above everything else below it,
    // reached from the side facing the line; pairs left, right in data order.
    for (std::size_t i = 0; i < sides.size(); ++i) {
      const std::size_t c = sides[i];
      const Box& b = extent[c];
      EXPECT_GT(b.top, boxes[p].bottom) << "assistant " << c << " is not below its parent " << p;
      if (r.attach[c] == Attach::kLeft) EXPECT_GE(boxes[c].left, x - eps) << "assistant " << c;
      else if (r.attach[c] == Attach::kRight) EXPECT_LE(boxes[c].right, x + eps) << "assistant " << c;
      else ADD_FAILURE() << "assistant " << c << " is reached from above";
      const bool left_of_pair = i + 1 < sides.size() && i % 2 == 0;
      EXPECT_EQ(r.attach[c], left_of_pair ? Attach::kRight : Attach::kLeft) << "assistant " << c << " on the wrong side";
      for (const Box& other : wrapped)
        EXPECT_LT(b.bottom, other.top) << "assistant " << c << " is not above the other children of " << p;
    }
    for (const auto& [g, kids] : members) {
      const GroupBox& block = r.groups[group_index.at({p, g})];
      const std::string in_block = where + " in group " + std::to_string(g);
      std::vector<Box> member_boxes, member_extents;
      for (std::size_t c : kids) member_boxes.push_back(boxes[c]), member_extents.push_back(extent[c]);
      EXPECT_EQ(block.stacked, block.arrangement == Arrangement::kColumns) << in_block;
      switch (block.arrangement) {
        case Arrangement::kColumns: expect_columns(member_extents, in_block); break;
        case Arrangement::kShelves: expect_reading_order(member_extents, in_block); break;
        case Arrangement::kRow: expect_row(member_boxes, in_block); break;
        default: ADD_FAILURE() << in_block << ": a block cannot stand that way";
      }
      // The caption sits in the block's top band.
      if (!block.caption.empty()) {
        const Box cap = box_of(block.caption_rect), fr = box_of(block.rect);
        EXPECT_TRUE(cap.left >= fr.left - eps && cap.right <= fr.right + eps && cap.top >= fr.top - eps &&
                    cap.bottom <= fr.bottom + eps)
            << in_block;
      }
    }
  }

  // The trees stand apart, in reading order.
  std::vector<Box> trees;
  for (std::size_t t : in.roots) trees.push_back(extent[t]);
  expect_reading_order(trees, "roots");
  const auto [t1, t2] = find_overlap(trees, eps);
  EXPECT_EQ(t1, -1) << "the trees of roots " << t1 << " and " << t2 << " overlap";

  // Group blocks contain their members' subtrees and overlap nothing else. Each node and block knows the
  // blocks it lies in (a persistent list, built top-down); a sweep finds every overlap of a block with a
  // box or another block, and each must be with something inside.
  std::vector<std::pair<std::size_t, long>> chain_nodes;  // (group index, next)
  std::vector<long> inside(n, -1);                        // per node: head of its list of enclosing blocks
  for (std::size_t p : order)
    for (std::size_t c : in.children[p]) {
      inside[c] = inside[p];
      if (grp(c) >= 0) {
        chain_nodes.push_back({group_index.at({p, grp(c)}), inside[p]});
        inside[c] = long(chain_nodes.size() - 1);
      }
    }
  auto encloses = [&](long list, std::size_t g) {
    for (; list >= 0; list = chain_nodes[list].second)
      if (chain_nodes[list].first == g) return true;
    return false;
  };
  std::size_t contained = 0;
  for (std::size_t v = 0; v < n && contained == 0; ++v)
    for (long l = inside[v]; l >= 0; l = chain_nodes[l].second) {
      const Box fr = box_of(r.groups[chain_nodes[l].first].rect);
      if (!(boxes[v].left >= fr.left - eps && boxes[v].right <= fr.right + eps && boxes[v].top >= fr.top - eps &&
            boxes[v].bottom <= fr.bottom + eps)) {
        ADD_FAILURE() << "node " << v << " sticks out of group block " << chain_nodes[l].first;
        ++contained;
        break;
      }
    }
  {
    struct Thing {
      Box box;
      long inside;      // blocks it lies in
      long group = -1;  // for a block: its index
    };
    std::vector<Thing> things;
    for (std::size_t v = 0; v < n; ++v) things.push_back({boxes[v], inside[v]});
    for (std::size_t g = 0; g < r.groups.size(); ++g)
      things.push_back({box_of(r.groups[g].rect), inside[r.groups[g].parent], long(g)});
    std::vector<std::size_t> by_left(things.size());
    std::iota(by_left.begin(), by_left.end(), 0);
    std::sort(by_left.begin(), by_left.end(), [&](auto x, auto y) { return things[x].box.left < things[y].box.left; });
    // Active blocks are few (disjoint unless nested); active nodes are disjoint in y (checked above), so the
    // ones reaching into a new block are found by top.
    std::vector<std::size_t> active_blocks;
    std::set<std::pair<double, std::size_t>> active_nodes;
    using Exit = std::pair<double, std::size_t>;
    std::priority_queue<Exit, std::vector<Exit>, std::greater<>> exits;
    bool reported = false;
    auto check = [&](std::size_t block_index, std::size_t other) {
      const Thing &block = things[block_index], &t = things[other];
      if (reported || !overlap(block.box, t.box, eps)) return;
      if (encloses(t.inside, std::size_t(block.group)) || (t.group >= 0 && encloses(block.inside, std::size_t(t.group))))
        return;
      ADD_FAILURE() << "group block " << block.group << " overlaps "
                    << (t.group >= 0 ? "group block " + std::to_string(t.group) : "node " + std::to_string(other));
      reported = true;
    };
    for (std::size_t i : by_left) {
      const Thing& t = things[i];
      std::erase_if(active_blocks, [&](std::size_t j) { return things[j].box.right <= t.box.left + eps; });
      while (!exits.empty() && exits.top().first <= t.box.left + eps) {
        active_nodes.erase({things[exits.top().second].box.top, exits.top().second});
        exits.pop();
      }
      for (std::size_t j : active_blocks) check(j, i);
      if (t.group < 0) {
        active_nodes.insert({t.box.top, i});
        exits.push({t.box.right, i});
        continue;
      }
      auto it = active_nodes.lower_bound({t.box.top, 0});
      if (it != active_nodes.begin()) --it;
      for (; it != active_nodes.end() && it->first < t.box.bottom; ++it) check(i, it->second);
      active_blocks.push_back(i);
    }
  }

  // Edges: orthogonal, from the parent's bottom centre to where the child says it is reached (its top centre,
  // or the middle of its left or right side); through no box and no caption.
  auto edge_problem = [&](const EdgeRoute& e) -> std::string {
    if (e.points.size() < 2) return "has fewer than two points";
    const Point first = e.points.front(), last = e.points.back();
    if (std::abs(first.x - r.centre[e.parent].x) > eps || std::abs(first.y - boxes[e.parent].bottom) > eps)
      return "does not start at the parent's bottom centre";
    const Attach at = r.attach[e.child];
    const Point want = at == Attach::kTop    ? Point{r.centre[e.child].x, boxes[e.child].top}
                       : at == Attach::kLeft ? Point{boxes[e.child].left, r.centre[e.child].y}
                                             : Point{boxes[e.child].right, r.centre[e.child].y};
    if (std::abs(last.x - want.x) > eps || std::abs(last.y - want.y) > eps)
      return at == Attach::kTop ? "does not end at the child's top centre" : "does not end at the child's side";
    for (std::size_t i = 1; i < e.points.size(); ++i)
      if (e.points[i].x != e.points[i - 1].x && e.points[i].y != e.points[i - 1].y) return "is not orthogonal";
    return {};
  };
  for (const auto& e : r.edges)
    if (const std::string problem = edge_problem(e); !problem.empty()) {
      ADD_FAILURE() << "edge " << e.parent << "->" << e.child << " " << problem;
      break;
    }
  if (checks.edges_against_boxes) {
    // A uniform grid over the obstacles: boxes and captions.
    std::vector<Box> obstacles = solid;
    const double cell = 100;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> grid;
    auto key = [](long cx, long cy) { return (std::uint64_t(std::uint32_t(cx)) << 32) | std::uint32_t(cy); };
    for (std::size_t i = 0; i < obstacles.size(); ++i) {
      const Box& o2 = obstacles[i];
      for (long cx = long(o2.left / cell); cx <= long(o2.right / cell); ++cx)
        for (long cy = long(o2.top / cell); cy <= long(o2.bottom / cell); ++cy) grid[key(cx, cy)].push_back(i);
    }
    bool reported = false;
    for (const auto& e : r.edges) {
      for (std::size_t s = 1; s < e.points.size() && !reported; ++s) {
        const Point p0 = e.points[s - 1], p1 = e.points[s];
        const Box seg{std::min(p0.x, p1.x), std::min(p0.y, p1.y), std::max(p0.x, p1.x), std::max(p0.y, p1.y)};
        for (long cx = long(seg.left / cell); cx <= long(seg.right / cell) && !reported; ++cx)
          for (long cy = long(seg.top / cell); cy <= long(seg.bottom / cell) && !reported; ++cy) {
            auto it = grid.find(key(cx, cy));
            if (it == grid.end()) continue;
            for (std::size_t i : it->second) {
              if (i == e.parent || i == e.child) continue;
              const Box& o2 = obstacles[i];
              // A segment is a degenerate box; it crosses an obstacle when it enters its open interior.
              const bool crosses = seg.left < o2.right - eps && seg.right > o2.left + eps && seg.top < o2.bottom - eps &&
                                   seg.bottom > o2.top + eps;
              if (crosses) {
                ADD_FAILURE() << "edge " << e.parent << "->" << e.child << " crosses "
                              << (i < n ? "node " + std::to_string(i) : "a caption") << " " << str(o2);
                reported = true;
                break;
              }
            }
          }
      }
      if (reported) break;
    }
  }
}

inline double aspect(const TreeLayoutResult& r) { return r.bounds.width / r.bounds.height; }

}  // namespace orgchart::layout_test

#include "orgchart/layout/tree_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <queue>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace orgchart {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Inputs

/// Breadth-first random forest: random box sizes, mostly small fan-outs with a few wide ones, a few roots,
/// and (with `groups`) a quarter of the parents splitting their children into labelled blocks.
TreeLayoutInput random_input(std::size_t n, unsigned seed, bool groups = true) {
  std::mt19937 rng(seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  TreeLayoutInput in;
  in.size.resize(n);
  in.children.resize(n);
  for (auto& s : in.size) s = {static_cast<double>(uniform(40, 200)), static_cast<double>(uniform(20, 80))};
  const std::size_t first_roots = n < 10 ? 1 : static_cast<std::size_t>(uniform(1, 3));
  std::size_t next = 0;
  for (; next < std::min(n, first_roots); ++next) in.roots.push_back(next);
  for (std::size_t head = 0; next < n; ++head) {
    if (head == next) in.roots.push_back(next++);  // the forest died out: start another tree
    const int roll = uniform(0, 99);
    const int fanout = roll < 35 ? 0 : roll < 90 ? uniform(1, 6) : roll < 97 ? uniform(7, 20) : uniform(21, 60);
    for (int j = 0; j < fanout && next < n; ++j) in.children[head].push_back(next++);
  }
  if (groups) {
    static const char* kCaptions[] = {"Internal organization", "", "Bureaus", "Directly affiliated units"};
    in.group.assign(n, -1);
    in.group_label.resize(n);
    for (std::size_t p = 0; p < n; ++p) {
      if (in.children[p].size() < 2 || uniform(0, 3) != 0) continue;
      for (std::size_t c : in.children[p]) in.group[c] = uniform(-1, 2);
      for (const char* caption : kCaptions) in.group_label[p].push_back(caption);
      in.group_label[p].resize(static_cast<std::size_t>(uniform(0, 4)));  // some blocks have no caption entry
    }
  }
  return in;
}

TreeLayoutInput chain(std::size_t n) {
  TreeLayoutInput in;
  in.size.assign(n, {120, 40});
  in.children.resize(n);
  for (std::size_t v = 1; v < n; ++v) in.children[v - 1].push_back(v);
  in.roots = {0};
  return in;
}

TreeLayoutInput star(std::size_t leaves, Size leaf = {120, 40}) {
  TreeLayoutInput in;
  in.size.assign(leaves + 1, leaf);
  in.size[0] = {200, 60};
  in.children.resize(leaves + 1);
  for (std::size_t v = 1; v <= leaves; ++v) in.children[0].push_back(v);
  in.roots = {0};
  return in;
}

// ---------------------------------------------------------------------------------------------------------
// Geometry

struct Box {
  double left, top, right, bottom;
};

Box box_of(const TreeLayoutResult& r, const TreeLayoutInput& in, std::size_t v) {
  const Point c = r.centre[v];
  const Size s = in.size[v];
  return {c.x - s.width / 2, c.y - s.height / 2, c.x + s.width / 2, c.y + s.height / 2};
}
Box box_of(const Rect& r) { return {r.x, r.y, r.x + r.width, r.y + r.height}; }
bool overlap(const Box& a, const Box& b, double eps) {
  return a.left < b.right - eps && b.left < a.right - eps && a.top < b.bottom - eps && b.top < a.bottom - eps;
}
std::string str(const Box& b) {
  return "[" + std::to_string(b.left) + ", " + std::to_string(b.top) + " .. " + std::to_string(b.right) + ", " +
         std::to_string(b.bottom) + "]";
}

/// Sweep over x with the active boxes ordered by top; while no two overlap the active ones are disjoint in y,
/// so a new box overlaps one of them iff it overlaps its neighbour above or below. O(n log n).
/// Returns the indices of an overlapping pair, or {-1, -1}.
std::pair<long, long> find_overlap(const std::vector<Box>& boxes, double eps) {
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

// ---------------------------------------------------------------------------------------------------------
// The properties

struct Checks {
  bool edges_against_boxes = true;  ///< O(total edge length): skipped for a plain 100,000-child row
};

/// Every property the layout promises; each reports its first violation only.
void expect_valid_layout(const TreeLayoutInput& in, const TreeLayoutOptions& o, const TreeLayoutResult& r,
                         Checks checks = {}) {
  const std::size_t n = in.size.size();
  ASSERT_EQ(r.centre.size(), n);
  ASSERT_EQ(r.stacked.size(), n);
  ASSERT_EQ(r.edges.size(), n - in.roots.size());
  const double eps = 1e-9 * (1 + std::max(r.bounds.width, r.bounds.height));
  std::vector<Box> boxes(n);
  for (std::size_t v = 0; v < n; ++v) boxes[v] = box_of(r, in, v);
  auto grp = [&](std::size_t v) { return in.group.empty() ? -1 : in.group[v]; };
  std::vector<std::size_t> parent(n, SIZE_MAX);
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t c : in.children[p]) parent[c] = p;

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

  // Parents strictly above their children.
  for (std::size_t c = 0; c < n; ++c)
    if (parent[c] != SIZE_MAX && !(boxes[parent[c]].bottom < boxes[c].top)) {
      ADD_FAILURE() << "node " << parent[c] << " is not above its child " << c;
      break;
    }

  // Sibling order and centring. A parent's row holds its ungrouped children and its group blocks, in order
  // of first appearance; a stacked parent or block holds only leaves, column-major.
  auto expect_column_major = [&](const std::vector<std::size_t>& kids, const std::string& where) {
    for (std::size_t c : kids) ASSERT_TRUE(in.children[c].empty()) << where << " stacks non-leaf " << c;
    for (std::size_t i = 1; i < kids.size(); ++i) {
      const Box &prev = boxes[kids[i - 1]], &cur = boxes[kids[i]];
      const bool below = std::abs(cur.left - prev.left) <= eps && cur.top >= prev.bottom + o.row_gap - eps;
      const bool next_column = cur.left >= prev.right + o.column_gap - eps && std::abs(cur.top - boxes[kids[0]].top) <= eps;
      ASSERT_TRUE(below || next_column) << where << ": " << kids[i] << " after " << kids[i - 1];
    }
  };
  auto expect_row = [&](const std::vector<Box>& items, const std::string& where) {
    for (std::size_t i = 1; i < items.size(); ++i)
      ASSERT_LE(items[i - 1].right, items[i].left + eps) << where << ": item " << i << " is left of item " << i - 1;
  };
  for (std::size_t p = 0; p < n; ++p) {
    if (in.children[p].empty()) {
      EXPECT_FALSE(r.stacked[p]);
      continue;
    }
    const std::string where = "children of " + std::to_string(p);
    std::vector<Box> row;
    std::vector<std::size_t> ungrouped;
    std::map<int, std::vector<std::size_t>> members;
    for (std::size_t c : in.children[p]) {
      if (grp(c) < 0) {
        row.push_back(boxes[c]);
        ungrouped.push_back(c);
      } else {
        if (!members.count(grp(c))) row.push_back(frame(p, grp(c)));
        members[grp(c)].push_back(c);
      }
    }
    if (r.stacked[p]) {
      ASSERT_TRUE(members.empty()) << where;
      expect_column_major(ungrouped, where);
    } else {
      expect_row(row, where);
      const double mid = (row.front().left + row.back().right) / 2;
      if (std::abs(r.centre[p].x - mid) > eps) ADD_FAILURE() << "node " << p << " is not centred over its children";
    }
    for (const auto& [g, kids] : members) {
      const GroupBox& block = r.groups[group_index.at({p, g})];
      const std::string in_block = where + " in group " + std::to_string(g);
      if (block.stacked) {
        expect_column_major(kids, in_block);
      } else {
        std::vector<Box> member_boxes;
        for (std::size_t c : kids) member_boxes.push_back(boxes[c]);
        expect_row(member_boxes, in_block);
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

  // Group blocks contain their members' subtrees and overlap nothing else. Each node and block knows the
  // blocks it lies in (a persistent list, built top-down); a sweep finds every overlap of a block with a
  // box or another block, and each must be with something inside.
  std::vector<std::pair<std::size_t, long>> chain_nodes;  // (group index, next)
  std::vector<long> inside(n, -1);                        // per node: head of its list of enclosing blocks
  std::vector<std::size_t> order(in.roots.begin(), in.roots.end());
  for (std::size_t head = 0; head < order.size(); ++head) {
    const std::size_t p = order[head];
    for (std::size_t c : in.children[p]) {
      inside[c] = inside[p];
      if (grp(c) >= 0) {
        chain_nodes.push_back({group_index.at({p, grp(c)}), inside[p]});
        inside[c] = long(chain_nodes.size() - 1);
      }
      order.push_back(c);
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

  // Edges: orthogonal, from the parent's bottom centre to the child's top centre, or to the middle of its
  // left side when stacked; through no box and no caption.
  auto edge_problem = [&](const EdgeRoute& e) -> std::string {
    if (e.points.size() < 2) return "has fewer than two points";
    const Point first = e.points.front(), last = e.points.back();
    if (std::abs(first.x - r.centre[e.parent].x) > eps || std::abs(first.y - boxes[e.parent].bottom) > eps)
      return "does not start at the parent's bottom centre";
    const bool stacked =
        grp(e.child) < 0 ? r.stacked[e.parent] : r.groups[group_index.at({e.parent, grp(e.child)})].stacked;
    const Point want = stacked ? Point{boxes[e.child].left, r.centre[e.child].y}
                               : Point{r.centre[e.child].x, boxes[e.child].top};
    if (std::abs(last.x - want.x) > eps || std::abs(last.y - want.y) > eps)
      return stacked ? "does not end at the child's left side" : "does not end at the child's top centre";
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

double aspect(const TreeLayoutResult& r) { return r.bounds.width / r.bounds.height; }

// ---------------------------------------------------------------------------------------------------------
// Tests

TEST(TreeLayout, TwoChildrenExactly) {
  TreeLayoutInput in;
  in.size = {{60, 30}, {100, 40}, {100, 40}};
  in.children = {{1, 2}, {}, {}};
  in.roots = {0};
  TreeLayoutOptions o;
  o.compact = false;
  const auto r = layout_tree(in, o);
  // Children 100 wide, 18 apart; the parent centred over them; the child row 40 below the parent.
  EXPECT_DOUBLE_EQ(r.centre[1].x, 50);
  EXPECT_DOUBLE_EQ(r.centre[2].x, 168);
  EXPECT_DOUBLE_EQ(r.centre[0].x, 109);
  EXPECT_DOUBLE_EQ(r.centre[0].y, 15);
  EXPECT_DOUBLE_EQ(r.centre[1].y, 90);
  EXPECT_DOUBLE_EQ(r.bounds.width, 218);
  EXPECT_DOUBLE_EQ(r.bounds.height, 110);
  ASSERT_EQ(r.edges.size(), 2u);
  const std::vector<Point> expected{{109, 30}, {109, 50}, {50, 50}, {50, 70}};
  ASSERT_EQ(r.edges[0].points.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_DOUBLE_EQ(r.edges[0].points[i].x, expected[i].x);
    EXPECT_DOUBLE_EQ(r.edges[0].points[i].y, expected[i].y);
  }
  expect_valid_layout(in, o, r);
}

TEST(TreeLayout, EmptyForest) {
  const auto r = layout_tree({});
  EXPECT_TRUE(r.centre.empty());
  EXPECT_EQ(r.bounds.width, 0);
  EXPECT_EQ(r.bounds.height, 0);
}

class RandomTrees : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RandomTrees, KeepEveryPromise) {
  const std::size_t n = GetParam();
  for (unsigned seed : {1u, 2u, 3u}) {
    SCOPED_TRACE("n = " + std::to_string(n) + ", seed = " + std::to_string(seed));
    const TreeLayoutInput in = random_input(n, seed);
    for (bool compact : {true, false}) {
      SCOPED_TRACE(compact ? "compact" : "plain");
      TreeLayoutOptions o;
      o.compact = compact;
      const auto r = layout_tree(in, o);
      expect_valid_layout(in, o, r, {.edges_against_boxes = n <= 10000});
      if (::testing::Test::HasFailure()) return;
    }
    if (n >= 100000) break;  // one seed is enough at this size
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, RandomTrees, ::testing::Values(1, 2, 10, 100, 1000, 10000, 100000));

TEST(TreeLayout, MillionNodes) {
  const TreeLayoutInput in = random_input(1000000, 11);
  const TreeLayoutOptions o;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r, {.edges_against_boxes = false});
}

TEST(TreeLayout, OtherGapsAndNoCompaction) {
  const TreeLayoutInput in = random_input(2000, 7);
  TreeLayoutOptions o;
  o.sibling_gap = 0;
  o.subtree_gap = 5;
  o.level_gap = 12;
  o.column_gap = 0;
  o.row_gap = 0;
  o.group_padding = 0;
  o.caption_height = 0;
  o.page_aspect = 0.3;  // portrait: plenty of stacking
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  EXPECT_GE(r.max_rows_per_column, 2u);
}

TEST(TreeLayout, DeepChainDoesNotRecurse) {
  const TreeLayoutInput in = chain(100000);
  const TreeLayoutOptions o;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  EXPECT_DOUBLE_EQ(r.centre.back().x, r.centre.front().x);
  EXPECT_DOUBLE_EQ(r.bounds.height, 100000 * 40.0 + 99999 * 40.0);
}

TEST(TreeLayout, WideStar) {
  const TreeLayoutInput in = star(100000);
  TreeLayoutOptions o;
  const auto compact = layout_tree(in, o);
  expect_valid_layout(in, o, compact);
  EXPECT_TRUE(compact.stacked[0]);
  EXPECT_NEAR(aspect(compact), o.page_aspect, 0.1 * o.page_aspect);

  o.compact = false;
  const auto plain = layout_tree(in, o);
  expect_valid_layout(in, o, plain, {.edges_against_boxes = false});
  EXPECT_FALSE(plain.stacked[0]);
  EXPECT_DOUBLE_EQ(plain.bounds.width, 100000 * 120.0 + 99999 * 18.0);
}

TEST(TreeLayout, CompactionBringsAspectCloserToThePage) {
  const TreeLayoutInput in = star(26);
  TreeLayoutOptions o;
  o.compact = false;
  const auto plain = layout_tree(in, o);
  o.compact = true;
  const auto compact = layout_tree(in, o);
  expect_valid_layout(in, o, compact);
  const auto miss = [&](const TreeLayoutResult& r) { return std::abs(std::log(aspect(r) / o.page_aspect)); };
  EXPECT_LT(miss(compact), miss(plain)) << aspect(compact) << " vs " << aspect(plain);
  EXPECT_TRUE(compact.stacked[0]);
  EXPECT_GE(compact.max_rows_per_column, 2u);
  EXPECT_EQ(plain.max_rows_per_column, 0u);
  // A chart that is already tall is left alone.
  o.page_aspect = 1000;
  EXPECT_EQ(layout_tree(in, o).max_rows_per_column, 0u);
}

TEST(TreeLayout, OneColumnHangsFromTheParentsCentreLine) {
  const TreeLayoutInput in = star(5);
  TreeLayoutOptions o;
  o.page_aspect = 0.01;  // as tall as it gets: one column
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  ASSERT_TRUE(r.stacked[0]);
  for (std::size_t c = 1; c <= 5; ++c) EXPECT_DOUBLE_EQ(r.centre[c].x, r.centre[1].x);
  // Straight down the spine, then a stub into the child's left side.
  const auto& pts = r.edges[4].points;
  ASSERT_EQ(pts.size(), 3u);
  EXPECT_DOUBLE_EQ(pts[0].x, r.centre[0].x);
  EXPECT_DOUBLE_EQ(pts[1].x, r.centre[0].x);
  EXPECT_DOUBLE_EQ(pts[1].y, r.centre[5].y);
  EXPECT_DOUBLE_EQ(pts[2].x, r.centre[5].x - 60);
}

TEST(TreeLayout, GroupsFormCaptionedBlocks) {
  // Node 0 has children 1..6: 1 and 4 ungrouped, {2, 5} in group 0, {3, 6} in group 1; 5 has two children.
  TreeLayoutInput in;
  in.size.assign(9, {80, 30});
  in.children = {{1, 2, 3, 4, 5, 6}, {}, {}, {}, {}, {7, 8}, {}, {}, {}};
  in.roots = {0};
  in.group = {-1, -1, 0, 1, -1, 0, 1, -1, -1};
  in.group_label = {{"Departments", ""}, {}, {}, {}, {}, {}, {}, {}, {}};
  TreeLayoutOptions o;
  o.compact = false;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].caption, "Departments");
  EXPECT_EQ(r.groups[1].caption, "");
  // Row order: 1, block 0 (2, 5 and 5's children), block 1 (3, 6), 4.
  EXPECT_LT(r.centre[1].x, r.groups[0].rect.x);
  EXPECT_LT(r.groups[0].rect.x + r.groups[0].rect.width, r.groups[1].rect.x);
  EXPECT_LT(r.groups[1].rect.x + r.groups[1].rect.width, r.centre[4].x);
  EXPECT_GE(r.centre[7].y - 15, r.groups[0].rect.y);
  EXPECT_LE(r.centre[7].y + 15, r.groups[0].rect.y + r.groups[0].rect.height);
  // Members sit below the caption band.
  EXPECT_GE(r.centre[2].y - 15, r.groups[0].caption_rect.y + r.groups[0].caption_rect.height);
  // A long caption widens its block.
  in.group_label[0][0] = std::string(60, 'x');
  const auto wide = layout_tree(in, o);
  expect_valid_layout(in, o, wide);
  EXPECT_GE(wide.groups[0].rect.width, 60 * o.caption_char_width + 2 * o.group_padding);
  // A measured width wins over the estimate.
  in.group_label_width = {{500}, {}, {}, {}, {}, {}, {}, {}, {}};
  const auto measured = layout_tree(in, o);
  expect_valid_layout(in, o, measured);
  EXPECT_DOUBLE_EQ(measured.groups[0].rect.width, 500 + 2 * o.group_padding);
  EXPECT_DOUBLE_EQ(measured.groups[0].caption_rect.width, 500);
}

TEST(TreeLayout, LeafGroupsStackInColumns) {
  TreeLayoutInput in = star(40);
  in.group.assign(41, 0);
  for (std::size_t c = 21; c <= 40; ++c) in.group[c] = 1;
  in.group_label = {{"First", "Second"}};
  in.group_label.resize(41);
  const TreeLayoutOptions o;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_TRUE(r.groups[0].stacked);
  EXPECT_TRUE(r.groups[1].stacked);
  EXPECT_FALSE(r.stacked[0]);  // the parent's row holds two blocks, not leaves
}

TEST(TreeLayout, OneStackedColumnInABlockHangsFromItsTrunk) {
  TreeLayoutInput in = star(3);
  in.group = {-1, 0, 0, 0};
  in.group_label = {{"A caption much wider than the column"}, {}, {}, {}};
  TreeLayoutOptions o;
  o.page_aspect = 0.01;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  ASSERT_EQ(r.groups.size(), 1u);
  ASSERT_TRUE(r.groups[0].stacked);
  // Down from the parent, along the bus to the trunk, straight down the trunk, then the stub.
  const double trunk = r.groups[0].rect.x + o.group_padding / 2;
  const auto& pts = r.edges[2].points;
  ASSERT_EQ(pts.size(), 5u);
  EXPECT_DOUBLE_EQ(pts[2].x, trunk);
  EXPECT_DOUBLE_EQ(pts[3].x, trunk);
  EXPECT_DOUBLE_EQ(pts[3].y, r.centre[3].y);
  EXPECT_NEAR(pts[4].x, r.centre[3].x - 60, 1e-9);
}

TEST(TreeLayout, SmallSubtreesAreSpreadBetweenLargeOnes) {
  // Children: a wide subtree, three leaves, a wide subtree. The wide ones' grandchildren push them apart,
  // and the leaves between them are spaced evenly rather than packed to the left.
  TreeLayoutInput in;
  in.size.assign(1 + 5 + 2 * 8, {60, 30});
  in.children.resize(in.size.size());
  std::size_t next = 6;
  for (std::size_t c = 1; c <= 5; ++c) in.children[0].push_back(c);
  for (std::size_t c : {1, 5})
    for (int k = 0; k < 8; ++k) in.children[c].push_back(next++);
  in.roots = {0};
  TreeLayoutOptions o;
  o.compact = false;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  const double d1 = r.centre[2].x - r.centre[1].x, d2 = r.centre[3].x - r.centre[2].x,
               d3 = r.centre[4].x - r.centre[3].x, d4 = r.centre[5].x - r.centre[4].x;
  EXPECT_NEAR(d1, d2, 1e-9);
  EXPECT_NEAR(d2, d3, 1e-9);
  EXPECT_NEAR(d3, d4, 1e-9);
  EXPECT_GT(d1, 60 + o.sibling_gap);
}

TEST(TreeLayout, SeparateTreesKeepTheSubtreeGap) {
  TreeLayoutInput in;
  in.size = {{50, 20}, {70, 20}};
  in.children = {{}, {}};
  in.roots = {1, 0};
  const auto r = layout_tree(in);
  EXPECT_DOUBLE_EQ(r.centre[1].x, 35);
  EXPECT_DOUBLE_EQ(r.centre[0].x, 70 + 30 + 25);
}

TEST(TreeLayout, RejectsWhatIsNotAForest) {
  auto base = [] {
    TreeLayoutInput in;
    in.size.assign(4, {10, 10});
    in.children = {{1, 2}, {3}, {}, {}};
    in.roots = {0};
    return in;
  };
  EXPECT_NO_THROW(layout_tree(base()));

  auto twice = base();
  twice.children[2].push_back(3);  // 3 under both 1 and 2
  EXPECT_THROW(layout_tree(twice), std::invalid_argument);

  auto root_and_child = base();
  root_and_child.roots.push_back(2);
  EXPECT_THROW(layout_tree(root_and_child), std::invalid_argument);

  auto cycle = base();
  cycle.children = {{1}, {}, {3}, {2}};  // 2 -> 3 -> 2, unreachable from the root
  try {
    layout_tree(cycle);
    ADD_FAILURE() << "a cycle was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("cycle"), std::string::npos) << e.what();
  }

  auto self = base();
  self.children[3].push_back(3);
  self.children[1].clear();
  EXPECT_THROW(layout_tree(self), std::invalid_argument);

  auto orphan = base();
  orphan.children[1].clear();  // 3 is nobody's child and no root
  EXPECT_THROW(layout_tree(orphan), std::invalid_argument);

  auto out_of_range = base();
  out_of_range.children[2].push_back(9);
  EXPECT_THROW(layout_tree(out_of_range), std::invalid_argument);

  auto bad_size = base();
  bad_size.size[2].width = -1;
  EXPECT_THROW(layout_tree(bad_size), std::invalid_argument);

  auto bad_groups = base();
  bad_groups.group = {0, 1};
  EXPECT_THROW(layout_tree(bad_groups), std::invalid_argument);

  auto bad_caption = base();
  bad_caption.group = {-1, 0, 0, -1};
  bad_caption.group_label_width = {{-5}, {}, {}, {}};
  EXPECT_THROW(layout_tree(bad_caption), std::invalid_argument);

  TreeLayoutOptions bad_gap;
  bad_gap.level_gap = std::nan("");
  EXPECT_THROW(layout_tree(base(), bad_gap), std::invalid_argument);
}

}  // namespace
}  // namespace orgchart

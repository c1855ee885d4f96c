// Compaction: the chart is fitted to the page at the largest scale — leaves stacked, group blocks wrapped onto
// shelves, and trees packed onto shelves in reading order.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "orgchart/layout/tree_layout.hpp"
#include "tree_layout_checks.hpp"
#include "tree_layout_inputs.hpp"

namespace orgchart {
namespace {

using namespace layout_test;

constexpr double kA4Width = 842, kA4Height = 595;

/// The scale at which the drawing, with what the caller adds around it, fits A4 landscape.
double a4_scale(const TreeLayoutResult& r, const TreeLayoutOptions& o) {
  return std::min(kA4Width / (r.bounds.width + o.page_reserve.width),
                  kA4Height / (r.bounds.height + o.page_reserve.height));
}

/// A chain of `length` boxes, as one more tree of `in`; returns its root.
std::size_t add_chain(TreeLayoutInput& in, std::size_t length, Size box) {
  const std::size_t root = in.size.size();
  for (std::size_t i = 0; i < length; ++i) {
    in.size.push_back(box);
    in.children.emplace_back();
    if (i > 0) in.children[root + i - 1].push_back(root + i);
  }
  return root;
}

TEST(TreeLayoutCompaction, IldLikeChartFitsA4LandscapeAtThreeQuarters) {
  const IldLike f = ild_like();
  TreeLayoutOptions o;
  o.page_reserve = {2 * 18, 2 * 18 + 28};  // the org adapter's margins and title band
  const auto r = layout_tree(f.input, o);
  expect_valid_layout(f.input, o, r);
  // 12-pt text stays at 9 pt or more.
  EXPECT_GE(a4_scale(r, o), 0.75) << r.bounds.width << " x " << r.bounds.height;
  // The ILD's four blocks do not fit side by side: they wrap.
  EXPECT_TRUE(r.wrapped[f.ild]);
  // One row of everything would be far smaller.
  o.compact = false;
  EXPECT_LT(a4_scale(layout_tree(f.input, o), o), 0.4);
}

TEST(TreeLayoutCompaction, NeverFitsWorseThanNoCompaction) {
  // Compaction only ever adds choices to the plain layout, and keeps the best: a property of every input.
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    for (std::size_t n : {5, 30, 300, 3000}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", seed = " + std::to_string(seed));
      const TreeLayoutInput in = random_input(n, seed);
      TreeLayoutOptions o;
      o.page_reserve = {36, 64};
      const auto compact = layout_tree(in, o);
      expect_valid_layout(in, o, compact);
      o.compact = false;
      const auto plain = layout_tree(in, o);
      EXPECT_GE(a4_scale(compact, o), a4_scale(plain, o) * (1 - 1e-12));
      if (::testing::Test::HasFailure()) return;
    }
  }
  // A star is far too wide in a row; stacked it fits many times larger.
  const TreeLayoutInput star26 = star(26);
  TreeLayoutOptions o;
  const double compact = a4_scale(layout_tree(star26, o), o);
  o.compact = false;
  EXPECT_GT(compact, 3 * a4_scale(layout_tree(star26, o), o));
}

TEST(TreeLayoutCompaction, ManySmallTreesKeepEveryPromise) {
  for (unsigned seed : {1u, 2u, 3u})
    for (std::size_t n : {20, 200, 2000, 20000}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", seed = " + std::to_string(seed));
      const TreeLayoutInput in = many_trees(n, seed);
      for (double aspect : {842.0 / 595.0, 595.0 / 842.0, 3.0}) {
        TreeLayoutOptions o;
        o.page_aspect = aspect;
        o.page_reserve = {36, 64};
        expect_valid_layout(in, o, layout_tree(in, o));
        if (::testing::Test::HasFailure()) return;
      }
    }
}

TEST(TreeLayoutCompaction, ShortTreesStackBesideATallOne) {
  // Roots in order: a tall chain, three lone boxes, a shorter chain. In one row the chart is too wide; the
  // lone boxes fill the room to the right of the tall chain, top to bottom, and the second chain follows.
  TreeLayoutInput in;
  const std::size_t tall = add_chain(in, 4, {100, 40});
  std::vector<std::size_t> lone;
  for (int i = 0; i < 3; ++i) lone.push_back(add_chain(in, 1, {100, 30}));
  const std::size_t shorter = add_chain(in, 3, {100, 40});
  in.roots = {tall, lone[0], lone[1], lone[2], shorter};
  const TreeLayoutOptions o;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  EXPECT_GT(r.centre[lone[0]].x, r.centre[tall].x);
  for (std::size_t i = 1; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(r.centre[lone[i]].x, r.centre[lone[0]].x);
    EXPECT_DOUBLE_EQ(r.centre[lone[i]].y, r.centre[lone[i - 1]].y + 30 + o.stack_gap);
  }
  EXPECT_DOUBLE_EQ(r.centre[shorter].x, r.centre[lone[0]].x + 100 + o.subtree_gap);
  EXPECT_DOUBLE_EQ(r.centre[shorter].y, r.centre[tall].y);
  EXPECT_DOUBLE_EQ(r.bounds.width, 3 * 100 + 2 * o.subtree_gap);
  EXPECT_DOUBLE_EQ(r.bounds.height, 4 * 40 + 3 * o.level_gap);
}

TEST(TreeLayoutCompaction, EqualTreesFillShelvesRowByRow) {
  // Twelve lone boxes: three to a shelf fits A4 landscape best (4 x 3 is too wide, 2 x 6 too tall), and they
  // read along the shelves, not down columns.
  TreeLayoutInput in;
  for (std::size_t i = 0; i < 12; ++i) in.roots.push_back(add_chain(in, 1, {100, 30}));
  const TreeLayoutOptions o;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_DOUBLE_EQ(r.centre[i].x, 50 + static_cast<double>(i % 3) * (100 + o.subtree_gap)) << i;
    EXPECT_DOUBLE_EQ(r.centre[i].y, 15 + static_cast<double>(i / 3) * (30 + o.level_gap)) << i;
  }
}

/// A parent whose six captioned blocks each hold three short chains: far too wide in one row.
TreeLayoutInput six_wide_blocks() {
  TreeLayoutInput in;
  const std::size_t parent = add_chain(in, 1, {200, 50});
  in.roots = {parent};
  for (int g = 0; g < 6; ++g)
    for (int k = 0; k < 3; ++k) {
      const std::size_t chain = add_chain(in, 2, {120, 40});  // it grows in.children: index afterwards
      in.children[parent].push_back(chain);
    }
  in.group.assign(in.size.size(), -1);
  for (std::size_t i = 0; i < in.children[parent].size(); ++i)
    in.group[in.children[parent][i]] = static_cast<int>(i / 3);
  in.group_label.resize(in.size.size());
  in.group_label[parent] = {"Departments", "Bureaus", "Offices", "Institutes", "Enterprises", "Agencies"};
  return in;
}

TEST(TreeLayoutCompaction, WideBlocksWrapOntoShelves) {
  const TreeLayoutInput in = six_wide_blocks();
  TreeLayoutOptions o;
  expect_valid_layout(in, o, layout_tree(in, o));  // choosing arrangements
  o.choose_arrangements = false;                    // the tidy tree's compaction wraps the blocks
  const auto wrapped = layout_tree(in, o);
  expect_valid_layout(in, o, wrapped);  // captions, members inside, order, edges clear of boxes and captions
  ASSERT_TRUE(wrapped.wrapped[0]);
  ASSERT_EQ(wrapped.groups.size(), 6u);
  std::set<double> tops;
  for (const GroupBox& g : wrapped.groups) {
    tops.insert(g.rect.y);
    EXPECT_FALSE(g.caption.empty());
  }
  EXPECT_GE(tops.size(), 2u) << "the blocks stand on one shelf";
  // A block on a later shelf is reached down the trunk left of the whole block area, clear of the first shelf.
  const GroupBox& last = wrapped.groups.back();
  const double area_left = std::min_element(wrapped.groups.begin(), wrapped.groups.end(), [](auto& a, auto& b) {
                             return a.rect.x < b.rect.x;
                           })->rect.x;
  const EdgeRoute& into_last = wrapped.edges[in.children[0].size() - 1];
  ASSERT_EQ(into_last.child, in.children[0].back());
  EXPECT_TRUE(std::any_of(into_last.points.begin(), into_last.points.end(), [&](Point q) {
    return std::abs(q.x - (area_left - o.subtree_gap / 2)) < 1e-9 && q.y < last.rect.y;
  }));
  // Without compaction the same chart is one row, several times as wide for its height.
  o.compact = false;
  const auto row = layout_tree(in, o);
  expect_valid_layout(in, o, row);
  EXPECT_FALSE(row.wrapped[0]);
  EXPECT_GT(a4_scale(wrapped, o), 1.5 * a4_scale(row, o));
}

TEST(TreeLayoutCompaction, SubtreesAndBlocksStackInAColumnBesideATallBlock) {
  // A tall block, then two plain children and a small block: they stack right of the tall block, each reached
  // from the lane left of their column.
  TreeLayoutInput in;
  const std::size_t parent = add_chain(in, 1, {160, 40});
  in.roots = {parent};
  const std::size_t tall = add_chain(in, 6, {180, 40});
  const std::size_t a = add_chain(in, 2, {140, 40}), b = add_chain(in, 1, {140, 40});
  const std::size_t small = add_chain(in, 1, {140, 40});
  in.children[parent] = {tall, a, b, small};
  in.group.assign(in.size.size(), -1);
  in.group[tall] = 0;
  in.group[small] = 1;
  in.group_label.resize(in.size.size());
  in.group_label[parent] = {"Tall", "Small"};
  TreeLayoutOptions o;
  o.page_aspect = 1;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  ASSERT_TRUE(r.wrapped[parent]);
  EXPECT_GT(r.centre[a].x, r.groups[0].rect.x + r.groups[0].rect.width);
  EXPECT_DOUBLE_EQ(r.centre[b].x, r.centre[a].x);
  EXPECT_GT(r.centre[b].y, r.centre[a].y + 40);
  EXPECT_DOUBLE_EQ(r.groups[1].rect.x, r.centre[a].x - 70);
  EXPECT_GT(r.groups[1].rect.y, r.centre[b].y);
  // Into b: along the bus, down the lane, and in through the gap above it.
  const EdgeRoute& into_b = r.edges[2];
  ASSERT_EQ(into_b.child, b);
  const double lane = r.centre[a].x - 70 - o.subtree_gap / 2, b_top = r.centre[b].y - 20;
  const std::vector<Point> expected{{r.centre[parent].x, 40},
                                    {r.centre[parent].x, 40 + o.level_gap / 2},
                                    {lane, 40 + o.level_gap / 2},
                                    {lane, b_top - o.stack_gap / 2},
                                    {r.centre[b].x, b_top - o.stack_gap / 2},
                                    {r.centre[b].x, b_top}};
  ASSERT_EQ(into_b.points.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(into_b.points[i].x, expected[i].x, 1e-9) << i;
    EXPECT_NEAR(into_b.points[i].y, expected[i].y, 1e-9) << i;
  }
}

TEST(TreeLayoutCompaction, PageReserveCountsInTheFit) {
  // A tall title band makes the same page effectively wider: the chart is laid out flatter.
  const TreeLayoutInput in = star(40);
  TreeLayoutOptions o;
  const auto bare = layout_tree(in, o);
  o.page_reserve = {0, 300};
  const auto reserved = layout_tree(in, o);
  expect_valid_layout(in, o, reserved);
  EXPECT_LT(reserved.bounds.height, bare.bounds.height);
  EXPECT_GE(a4_scale(reserved, o), a4_scale(bare, o));
}

}  // namespace
}  // namespace orgchart

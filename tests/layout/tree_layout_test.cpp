#include "orgchart/layout/tree_layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "tree_layout_checks.hpp"
#include "tree_layout_inputs.hpp"

namespace orgchart {
namespace {

using namespace layout_test;

TEST(TreeLayout, TwoChildrenExactly) {
  TreeLayoutInput in;
  in.size = {{60, 30}, {100, 40}, {100, 40}};
  in.children = {{1, 2}, {}, {}};
  in.roots = {0};
  TreeLayoutOptions o;
  o.compact = false;
  o.sibling_gap = 18;  // the numbers below are worked out for these gaps
  o.level_gap = 40;
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

/// Assistants (side children) on random forests: beside and below their parents, above the other children,
/// nothing overlapping, on every page shape; with them the arrangement-choosing layout is always the one used.
class RandomTreesWithAssistants : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RandomTreesWithAssistants, StandBesideTheirParents) {
  const std::size_t n = GetParam();
  for (unsigned seed : {4u, 5u}) {
    SCOPED_TRACE("n = " + std::to_string(n) + ", seed = " + std::to_string(seed));
    const TreeLayoutInput in = with_assistants(random_input(n, seed), seed);
    for (double aspect : {842.0 / 595.0, 595.0 / 842.0, 16.0 / 9.0}) {
      TreeLayoutOptions o;
      o.page_aspect = aspect;
      const auto r = layout_tree(in, o);
      expect_valid_layout(in, o, r, {.edges_against_boxes = n <= 10000});
      if (::testing::Test::HasFailure()) return;
    }
    if (n >= 100000) break;
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, RandomTreesWithAssistants, ::testing::Values(2, 10, 100, 1000, 10000, 100000));

TEST(TreeLayout, AnAssistantStandsBesideItsManagerAboveTheReports) {
  // A chief (0) with an assistant (1) among four reports (2..5), each report heading two leaves.
  TreeLayoutInput in;
  in.size.assign(14, {120, 40});
  in.children.resize(14);
  in.children[0] = {2, 1, 3, 4, 5};
  for (std::size_t r = 2; r <= 5; ++r) in.children[r] = {2 * r + 2, 2 * r + 3};
  in.roots = {0};
  in.side.assign(14, 0);
  in.side[1] = 1;
  for (double aspect : {842.0 / 595.0, 595.0 / 842.0, 0.01, 100.0}) {
    TreeLayoutOptions o;
    o.page_aspect = aspect;
    const auto r = layout_tree(in, o);
    expect_valid_layout(in, o, r);
    // Right of the chief's centre line, below the chief, reached from the line along a stub into its left side.
    EXPECT_EQ(r.attach[1], Attach::kLeft);
    EXPECT_GT(r.centre[1].x - 60, r.centre[0].x);
    EXPECT_GT(r.centre[1].y - 20, r.centre[0].y + 20);
    for (std::size_t c = 2; c <= 5; ++c) EXPECT_LT(r.centre[1].y + 20, r.centre[c].y - 20) << "report " << c;
    const auto& pts = r.edges[1].points;  // edges in parent order, then child order: 0->2, 0->1, ...
    ASSERT_EQ(r.edges[1].child, 1u);
    ASSERT_EQ(pts.size(), 3u);
    EXPECT_DOUBLE_EQ(pts[1].x, r.centre[0].x);
    EXPECT_DOUBLE_EQ(pts[1].y, r.centre[1].y);
    EXPECT_DOUBLE_EQ(pts[2].x, r.centre[1].x - 60);
  }
}

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
  TreeLayoutOptions o;
  // Compacted, the chain folds into columns of the page's shape.
  const auto folded = layout_tree(in, o);
  expect_valid_layout(in, o, folded);
  EXPECT_EQ(folded.arrangement[0], Arrangement::kFolded);
  EXPECT_GT(std::count(folded.continued.begin(), folded.continued.end(), true), 10);
  EXPECT_NEAR(aspect(folded), o.page_aspect, 0.5 * o.page_aspect);
  // Without compaction, one straight line.
  o.compact = false;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  EXPECT_DOUBLE_EQ(r.centre.back().x, r.centre.front().x);
  EXPECT_DOUBLE_EQ(r.bounds.height, 100000 * 40.0 + 99999 * o.level_gap);
}

TEST(TreeLayout, ALongLineOfCommandFoldsIntoColumns) {
  // Depth 40, a few small teams beside the line at every level: nested, it could not keep the page's shape.
  const TreeLayoutInput in = deep_tree(40, 6);
  for (double page_aspect : {842.0 / 595.0, 595.0 / 842.0, 1920.0 / 1080.0}) {
    TreeLayoutOptions o;
    o.page_aspect = page_aspect;
    const auto r = layout_tree(in, o);
    expect_valid_layout(in, o, r);
    EXPECT_GT(std::count(r.arrangement.begin(), r.arrangement.end(), Arrangement::kFolded), 3);
    EXPECT_GE(std::count(r.continued.begin(), r.continued.end(), true), 1);
    EXPECT_LE(std::max(aspect(r) / page_aspect, page_aspect / aspect(r)), 1.5);
    // Each continued node's connector runs up a channel: a vertical segment going up, right of the parent.
    for (const EdgeRoute& e : r.edges) {
      if (!r.continued[e.child]) continue;
      bool up = false;
      for (std::size_t i = 1; i < e.points.size(); ++i)
        up = up || (e.points[i].x == e.points[i - 1].x && e.points[i].y < e.points[i - 1].y &&
                    e.points[i].x > r.centre[e.parent].x);
      EXPECT_TRUE(up) << "edge " << e.parent << "->" << e.child;
    }
  }
}

TEST(TreeLayout, AFoldKeepsBlocksAssistantsAndAsidesApart) {
  // The depth-40 line with its side teams in captioned blocks, an assistant beside the chief and one beside a
  // unit halfway down (which ends the fold there: a folded segment is a plain row).
  TreeLayoutInput in = deep_tree(40, 11);
  std::mt19937 rng(5);
  const std::size_t n = in.size.size();
  in.group.assign(n, -1);
  in.group_label.resize(n);
  for (std::size_t p = 0; p < n; ++p) {
    if (in.children[p].size() < 3) continue;
    for (std::size_t c : in.children[p]) in.group[c] = std::uniform_int_distribution<int>(-1, 1)(rng);
    in.group_label[p] = {"Bureaus", ""};
  }
  in.side.assign(n, 0);
  in.side[in.children[0][0]] = 1;
  std::vector<std::size_t> below(n, 1);  // subtree sizes: every child comes after its parent
  for (std::size_t v = n; v-- > 0;)
    for (std::size_t c : in.children[v]) below[v] += below[c];
  std::size_t mid = 0;  // 20 steps down the line: always into the largest child
  for (int d = 0; d < 20; ++d)
    mid = *std::max_element(in.children[mid].begin(), in.children[mid].end(),
                            [&](std::size_t a, std::size_t b) { return below[a] < below[b]; });
  ASSERT_GE(in.children[mid].size(), 2u);
  in.side[in.children[mid].front()] = 1;
  std::ptrdiff_t folds = 0;
  for (double page_aspect : {842.0 / 595.0, 595.0 / 842.0, 1920.0 / 1080.0, 0.25, 4.0}) {
    SCOPED_TRACE(page_aspect);
    TreeLayoutOptions o;
    o.page_aspect = page_aspect;
    const auto r = layout_tree(in, o);
    expect_valid_layout(in, o, r);
    folds += std::count(r.arrangement.begin(), r.arrangement.end(), Arrangement::kFolded);
  }
  // On some page the fold wins (a fold has at least 8 segments, so 8 nodes in it); on others a plain
  // arrangement fits as well.
  EXPECT_GE(folds, 8);
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
  EXPECT_DOUBLE_EQ(plain.bounds.width, 100000 * 120.0 + 99999 * o.sibling_gap);
}

TEST(TreeLayout, CompactionStacksAWideStarAndLeavesAWidePageAlone) {
  const TreeLayoutInput in = star(26);
  TreeLayoutOptions o;
  const auto compact = layout_tree(in, o);
  expect_valid_layout(in, o, compact);
  EXPECT_TRUE(compact.stacked[0]);
  EXPECT_GE(compact.max_rows_per_column, 2u);
  o.compact = false;
  EXPECT_EQ(layout_tree(in, o).max_rows_per_column, 0u);
  // On a page a thousand times wider than tall, the row already fits best.
  o.compact = true;
  o.page_aspect = 1000;
  EXPECT_EQ(layout_tree(in, o).max_rows_per_column, 0u);
}

TEST(TreeLayout, OneColumnHangsFromTheParentsCentreLine) {
  const TreeLayoutInput in = star(5);
  TreeLayoutOptions o;
  o.page_aspect = 0.01;  // as tall as it gets: one column
  o.choose_arrangements = false;  // the tidy tree's own compaction
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
  TreeLayoutOptions o;
  expect_valid_layout(in, o, layout_tree(in, o));  // choosing arrangements (the blocks may stand in a column)
  o.choose_arrangements = false;                    // the tidy tree's compaction
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

TEST(TreeLayout, ALeafInARowStandsBesideItsNeighboursBoxAboveItsBus) {
  // P over A (with four leaves in a row) and a leaf L; P has an assistant, so that the tidy tree is no
  // candidate. On a very wide page everything stands in rows; L stands right of A's box, over A's children,
  // a row gap above A's bus: the chart is as wide as A's row, not that plus L.
  TreeLayoutInput in;
  in.size = {{100, 36}, {80, 30}, {100, 36}, {100, 36}, {120, 36}, {120, 36}, {120, 36}, {120, 36}};
  in.children = {{1, 2, 3}, {}, {4, 5, 6, 7}, {}, {}, {}, {}, {}};
  in.roots = {0};
  in.side = {0, 1, 0, 0, 0, 0, 0, 0};
  TreeLayoutOptions o;
  o.page_aspect = 20;
  const auto r = layout_tree(in, o);
  expect_valid_layout(in, o, r);
  ASSERT_EQ(r.arrangement[0], Arrangement::kRow);
  ASSERT_EQ(r.arrangement[2], Arrangement::kRow);
  const Box a = box_of(r, in, 2), l = box_of(r, in, 3);
  EXPECT_DOUBLE_EQ(l.left, a.right + o.subtree_gap);
  EXPECT_DOUBLE_EQ(l.top, a.top);
  EXPECT_LT(l.right, box_of(r, in, 7).right);
  EXPECT_LE(l.bottom + o.row_gap, a.bottom + o.level_gap / 2);  // A's bus
  EXPECT_DOUBLE_EQ(r.bounds.width, 4 * 120 + 3 * o.sibling_gap);
}

TEST(TreeLayout, SeparateTreesKeepTheSubtreeGap) {
  TreeLayoutInput in;
  in.size = {{50, 20}, {70, 20}};
  in.children = {{}, {}};
  in.roots = {1, 0};
  TreeLayoutOptions o;
  o.compact = false;  // one row
  const auto row = layout_tree(in, o);
  expect_valid_layout(in, o, row);
  EXPECT_DOUBLE_EQ(row.centre[1].x, 35);
  EXPECT_DOUBLE_EQ(row.centre[0].x, 70 + o.subtree_gap + 25);
  // Compacted for A4 landscape, two flat boxes fit better one above the other: a shelf each, level_gap apart.
  o.compact = true;
  const auto shelves = layout_tree(in, o);
  expect_valid_layout(in, o, shelves);
  EXPECT_DOUBLE_EQ(shelves.centre[1].x, 35);
  EXPECT_DOUBLE_EQ(shelves.centre[0].x, 25);
  EXPECT_DOUBLE_EQ(shelves.centre[0].y, 20 + o.level_gap + 10);
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

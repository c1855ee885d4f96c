// plan_pages(): every node on exactly one piece, pieces connected and hanging from the parent they name, stubs
// (cut lists) pointing at pieces whose tops are children, every piece on exactly one page, page 1 the overview,
// estimated areas within a page where possible, and the same plan for the same input.
#include <gtest/gtest.h>

#include <numeric>
#include <stdexcept>

#include "layout/tree_layout_inputs.hpp"
#include "orgchart/layout/pages.hpp"

namespace orgchart {
namespace {

PagingInput paging_input(const TreeLayoutInput& in) { return {in.size, in.children, in.roots, {}}; }

PagingOptions options() {
  PagingOptions o;
  o.capacity = (842 / 0.9 - 36) * (595 / 0.9 - 64);
  return o;
}

void check_plan(const PagingInput& in, const PagingOptions& o, const PagePlan& plan) {
  const std::size_t n = in.size.size();
  std::vector<std::size_t> parent(n, kNoParent);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t c : in.children[v]) parent[c] = v;
  ASSERT_EQ(plan.piece_of.size(), n);
  ASSERT_FALSE(plan.pieces.empty());
  EXPECT_EQ(plan.pieces[0].parent, kNoParent);
  // Each node: on a piece; either a top of that piece (hanging from the piece's parent) or under a parent on the
  // same piece.
  for (std::size_t v = 0; v < n; ++v) {
    const std::size_t p = plan.piece_of[v];
    ASSERT_LT(p, plan.pieces.size()) << "node " << v << " is on no piece";
    const auto& tops = plan.pieces[p].tops;
    const bool top = std::find(tops.begin(), tops.end(), v) != tops.end();
    if (top) {
      EXPECT_EQ(parent[v], plan.pieces[p].parent) << "top " << v << " hangs from its piece's parent";
    } else {
      EXPECT_TRUE(parent[v] != kNoParent && plan.piece_of[parent[v]] == p) << "node " << v << " is cut off";
    }
  }
  // Each piece but the overview is cut below exactly one node (or off the overview), which lists it.
  std::vector<int> listed(plan.pieces.size(), 0);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t p : plan.cut[v]) {
      ++listed[p];
      EXPECT_EQ(plan.pieces[p].parent, v);
    }
  for (std::size_t p : plan.root_cut) {
    ++listed[p];
    EXPECT_EQ(plan.pieces[p].parent, kNoParent);
  }
  for (std::size_t p = 1; p < plan.pieces.size(); ++p) EXPECT_EQ(listed[p], 1) << "piece " << p;
  // Pieces in depth-first order: a piece comes after the piece its parent is on.
  for (std::size_t p = 1; p < plan.pieces.size(); ++p) {
    if (plan.pieces[p].parent != kNoParent) {
      EXPECT_LT(plan.piece_of[plan.pieces[p].parent], p);
    }
  }
  // Pages: page 1 is the overview alone; each piece on exactly one page; pages numbered by their first piece.
  ASSERT_FALSE(plan.pages.empty());
  EXPECT_EQ(plan.pages[0], std::vector<std::size_t>{0});
  std::vector<int> on_pages(plan.pieces.size(), 0);
  std::size_t last_first = 0;
  for (std::size_t page = 0; page < plan.pages.size(); ++page) {
    ASSERT_FALSE(plan.pages[page].empty());
    EXPECT_TRUE(std::is_sorted(plan.pages[page].begin(), plan.pages[page].end()));
    if (page > 0) {
      EXPECT_GT(plan.pages[page].front(), last_first) << "pages in depth-first order";
    }
    last_first = plan.pages[page].front();
    double area = 0;
    for (std::size_t p : plan.pages[page]) {
      ++on_pages[p];
      EXPECT_EQ(plan.page_of[p], page);
      area += plan.pieces[p].area;
    }
    if (plan.pages[page].size() > 1) {
      EXPECT_LE(area, o.capacity * o.fill * (1 + 1e-9)) << "page " << page + 1;
    }
  }
  for (std::size_t p = 0; p < plan.pieces.size(); ++p) EXPECT_EQ(on_pages[p], 1);
}

class PlanPagesSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(PlanPagesSizes, EveryNodeOnOnePieceEveryPieceOnOnePage) {
  const PagingInput in = paging_input(layout_test::random_input(GetParam(), 7));
  const PagingOptions o = options();
  const PagePlan plan = plan_pages(in, o);
  check_plan(in, o, plan);
  EXPECT_GT(plan.pages.size(), 1u);
  // Page count against the area bound: the estimated areas never need fewer pages than their sum over a page.
  double total = 0;
  for (std::size_t v = 0; v < in.size.size(); ++v) total += footprint(in.size[v], o);
  EXPECT_GE(static_cast<double>(plan.pages.size()), total / o.capacity);
  const PagePlan again = plan_pages(in, o);
  EXPECT_EQ(again.pages, plan.pages);
  EXPECT_EQ(again.piece_of, plan.piece_of);
}

INSTANTIATE_TEST_SUITE_P(Trees, PlanPagesSizes, ::testing::Values(300, 3000, 30000));

TEST(PlanPages, SmallTreeIsOnePage) {
  const PagingInput in = paging_input(layout_test::star(5));
  const PagePlan plan = plan_pages(in, options());
  EXPECT_EQ(plan.pages.size(), 1u);
  EXPECT_EQ(plan.pieces.size(), 1u);
}

TEST(PlanPages, DeepChainNeedsNoRecursion) {
  const PagingInput in = paging_input(layout_test::chain(200000));
  const PagingOptions o = options();
  const PagePlan plan = plan_pages(in, o);
  check_plan(in, o, plan);
}

TEST(PlanPages, WideStarIsCutIntoGroups) {
  const PagingInput in = paging_input(layout_test::star(2000));
  const PagingOptions o = options();
  const PagePlan plan = plan_pages(in, o);
  check_plan(in, o, plan);
  EXPECT_GT(plan.cut[0].size(), 1u);
  EXPECT_LT(plan.cut[0].size(), 100u) << "leaves are grouped, not one stub each";
}

TEST(PlanPages, LowerFillCutsMore) {
  const PagingInput in = paging_input(layout_test::random_input(3000, 3));
  PagingOptions o = options();
  const std::size_t pages = plan_pages(in, o).pages.size();
  o.fill /= 2;
  EXPECT_GT(plan_pages(in, o).pages.size(), pages);
}

TEST(PlanPages, RejectsNonForests) {
  PagingInput in = paging_input(layout_test::star(3));
  in.children[1].push_back(2);  // node 2 under two parents
  EXPECT_THROW(plan_pages(in, options()), std::invalid_argument);
  PagingInput cycle = paging_input(layout_test::star(3));
  cycle.roots.clear();
  EXPECT_THROW(plan_pages(cycle, options()), std::invalid_argument);
  PagingOptions zero = options();
  zero.capacity = 0;
  EXPECT_THROW(plan_pages(paging_input(layout_test::star(3)), zero), std::invalid_argument);
}

}  // namespace
}  // namespace orgchart

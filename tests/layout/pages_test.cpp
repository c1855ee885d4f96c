// plan_flow(): every node on exactly one piece and one page, pieces hanging from the parent they name and reached
// by exactly one stub, pages in depth-first order, every page's columns within its room with the sizes planned
// (cards, headers, stubs and side cards indented by depth), and the same plan for the same input.
#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <map>
#include <stdexcept>

#include "layout/tree_layout_inputs.hpp"
#include "orgchart/layout/pages_flow.hpp"

namespace orgchart {
namespace {

FlowInput flow_input(const TreeLayoutInput& t) {
  FlowInput in{t.size, t.children, t.roots, {}, {}, {}};
  const std::size_t n = t.size.size();
  in.header.assign(n, Size{150, 30});
  in.stub.assign(n, Size{160, 44});
  in.side.resize(n);
  for (std::size_t v = 0; v < n; v += 17) in.side[v].push_back(Size{140, 30});  // a reference now and then
  return in;
}

FlowOptions options(int overview_depth) {
  FlowOptions o;
  o.width = 842 / 0.9 - 36;
  o.height = 595 / 0.9 - 64;
  o.overview_depth = overview_depth;
  return o;
}

void check_plan(const FlowInput& in, const FlowOptions& o, const PagePlan& plan) {
  const std::size_t n = in.size.size();
  std::vector<std::size_t> parent(n, kNoParent), pre;
  std::vector<int> depth(n, 0);
  {
    std::vector<std::size_t> stack(in.roots.rbegin(), in.roots.rend());
    while (!stack.empty()) {
      const std::size_t v = stack.back();
      stack.pop_back();
      pre.push_back(v);
      for (auto it = in.children[v].rbegin(); it != in.children[v].rend(); ++it) {
        parent[*it] = v;
        depth[*it] = depth[v] + 1;
        stack.push_back(*it);
      }
    }
  }
  ASSERT_EQ(plan.piece_of.size(), n);
  ASSERT_FALSE(plan.pages.front().empty());
  ASSERT_EQ(plan.pages.front().front(), 0u) << "page 1 starts with the overview";
  if (o.first_room.width <= 0) {
    ASSERT_EQ(plan.pages.front(), std::vector<std::size_t>{0});
  }
  const std::size_t m = plan.pieces.size();
  ASSERT_EQ(plan.page_of.size(), m);
  ASSERT_EQ(plan.next_run.size(), m);
  for (std::size_t v = 0; v < n; ++v) {
    const std::size_t p = plan.piece_of[v];
    ASSERT_LT(p, m) << "node " << v << " is on no piece";
    EXPECT_EQ(p == 0, depth[v] <= o.overview_depth) << "node " << v << ": the overview holds the top levels";
    const auto& tops = plan.pieces[p].tops;
    if (std::find(tops.begin(), tops.end(), v) != tops.end()) {
      EXPECT_EQ(parent[v], plan.pieces[p].parent) << "top " << v << " hangs from its piece's parent";
    } else {
      EXPECT_TRUE(parent[v] != kNoParent && plan.piece_of[parent[v]] == p) << "node " << v << " is cut off";
    }
  }
  // Each piece but the overview is reached by one stub: under its parent's card, on the overview (roots), or under
  // the header of the piece before it with the same parent.
  std::vector<int> reached(m, 0);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t p : plan.cut[v]) {
      ++reached[p];
      EXPECT_EQ(plan.pieces[p].parent, v);
    }
  for (std::size_t p : plan.root_cut) {
    ++reached[p];
    EXPECT_EQ(plan.pieces[p].parent, kNoParent);
  }
  for (std::size_t p = 0; p < m; ++p)
    if (plan.next_run[p] != kNoParent) {
      const std::size_t q = plan.next_run[p];
      ++reached[q];
      EXPECT_EQ(plan.pieces[q].parent, plan.pieces[p].parent);
      EXPECT_GT(plan.page_of[q], plan.page_of[p]);
    }
  for (std::size_t p = 1; p < m; ++p) EXPECT_EQ(reached[p], 1) << "piece " << p;
  // Every piece on exactly one page; depth first: in preorder the flowed nodes' pages never go back.
  std::vector<int> on_pages(m, 0);
  for (std::size_t page = 0; page < plan.pages.size(); ++page) {
    ASSERT_FALSE(plan.pages[page].empty()) << "page " << page + 1;
    for (std::size_t p : plan.pages[page]) {
      ++on_pages[p];
      EXPECT_EQ(plan.page_of[p], page);
    }
  }
  for (std::size_t p = 0; p < m; ++p) EXPECT_EQ(on_pages[p], 1);
  std::size_t last_page = 0;
  int last_column = 0;
  for (std::size_t v : pre) {
    if (plan.piece_of[v] == 0) continue;
    const std::size_t page = plan.page_of[plan.piece_of[v]];
    ASSERT_GE(page, last_page) << "node " << v << " goes back a page";
    ASSERT_GE(plan.column[v], 0);
    if (page == last_page) {
      EXPECT_GE(plan.column[v], last_column) << "node " << v << " goes back a column";
    }
    last_page = page;
    last_column = plan.column[v];
  }
  // Every page's columns within the room, with the sizes planned: (page, column) -> min depth, max of
  // depth * indent + width, height.
  const FlowGeometry& g = o.geometry;
  struct Col {
    int base = INT_MAX;
    double maxv = -1e300, height = 0;
  };
  std::map<std::pair<std::size_t, int>, Col> cols;
  auto put = [&](std::size_t page, int column, int d, Size s) {
    Col& c = cols[{page, column}];
    c.base = std::min(c.base, d);
    c.maxv = std::max(c.maxv, d * g.indent + s.width);
    c.height += s.height + g.row_gap;
  };
  auto local = [&](std::size_t v) {
    const PagePiece& p = plan.pieces[plan.piece_of[v]];
    return depth[v] - (p.parent == kNoParent ? 0 : depth[p.parent]);
  };
  for (std::size_t v = 0; v < n; ++v) {
    const std::size_t piece = plan.piece_of[v];
    if (piece == 0) continue;
    const std::size_t page = plan.page_of[piece];
    put(page, plan.column[v], local(v), in.size[v]);
    for (std::size_t k = 0; k < in.side[v].size(); ++k) put(page, plan.side_column[v][k], local(v) + 1, in.side[v][k]);
  }
  for (std::size_t p = 1; p < m; ++p) {
    const PagePiece& piece = plan.pieces[p];
    if (piece.parent != kNoParent) put(plan.page_of[p], plan.header_column[p], 0, in.header[piece.parent]);
  }
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t p : plan.cut[v])
      if (plan.piece_of[v] != 0) put(plan.page_of[plan.piece_of[v]], plan.stub_column[p], local(v) + 1, in.stub[plan.pieces[p].tops.front()]);
  for (std::size_t p = 1; p < m; ++p)
    if (plan.next_run[p] != kNoParent) put(plan.page_of[p], plan.stub_column[plan.next_run[p]], 1, in.stub[plan.pieces[plan.next_run[p]].tops.front()]);
  std::map<std::size_t, double> width;
  for (const auto& [key, c] : cols) {
    const double room_h = key.first == 0 ? o.first_room.height : o.height;
    EXPECT_LE(c.height - g.row_gap, room_h - g.edge - g.foot + 1e-6) << "page " << key.first + 1 << " column " << key.second;
    width[key.first] += c.maxv - c.base * g.indent + (key.second > 0 ? g.column_gap : 0);
  }
  for (const auto& [page, w] : width) EXPECT_LE(w, o.width + 1e-6) << "page " << page + 1;
  EXPECT_EQ(plan.unfit, 0u);
}

class PlanFlowSizes : public ::testing::TestWithParam<std::tuple<std::size_t, int>> {};

TEST_P(PlanFlowSizes, EveryNodeOnOnePageEveryPageWithinItsRoom) {
  const auto [n, overview] = GetParam();
  const FlowInput in = flow_input(layout_test::random_input(n, 7));
  const FlowOptions o = options(overview);
  const PagePlan plan = plan_flow(in, o);
  check_plan(in, o, plan);
  EXPECT_GT(plan.pages.size(), 2u);
  // Against the area bound: the flowed pages hold no more than their room.
  double total = 0;
  for (std::size_t v = 0; v < in.size.size(); ++v)
    if (plan.piece_of[v] != 0) total += (in.size[v].width + 12) * (in.size[v].height + 6);
  EXPECT_GE(static_cast<double>(plan.pages.size() - 1), total / (o.width * o.height));
  const PagePlan again = plan_flow(in, o);
  EXPECT_EQ(again.pages, plan.pages);
  EXPECT_EQ(again.piece_of, plan.piece_of);
  EXPECT_EQ(again.column, plan.column);
}

INSTANTIATE_TEST_SUITE_P(Trees, PlanFlowSizes,
                         ::testing::Combine(::testing::Values(300, 3000, 30000), ::testing::Values(-1, 0, 2)));

TEST(PlanFlow, FlowsOnUnderTheOverview) {
  const FlowInput in = flow_input(layout_test::random_input(3000, 7));
  FlowOptions o = options(1);
  const PagePlan apart = plan_flow(in, o);
  o.first_room = {o.width, o.height / 2};
  const PagePlan plan = plan_flow(in, o);
  check_plan(in, o, plan);
  EXPECT_GT(plan.pages[0].size(), 1u) << "page 1 holds flowed pieces after the overview";
  EXPECT_LE(plan.pages.size(), apart.pages.size());
  // A whole page's room under the overview: page 2's run moves up, and every later one with it.
  o.first_room = {o.width, o.height};
  const PagePlan whole = plan_flow(in, o);
  check_plan(in, o, whole);
  EXPECT_EQ(whole.pages.size() + 1, apart.pages.size());
  // Too little room for any card: the flow starts on page 2, as without room.
  o.first_room = {o.width, 10};
  const PagePlan none = plan_flow(in, o);
  check_plan(in, o, none);
  EXPECT_EQ(none.pages, apart.pages);
}

// Page breaks chosen by dynamic programming: never more pages than the longest run each page, and fewer breaks
// (each a header and a stub, a piece more), since a break at a shallow level cuts fewer levels.
TEST(PlanFlow, ChosenBreaksTakeNoMorePagesAndFewerPieces) {
  for (const std::size_t n : {300, 3000}) {
    const FlowInput in = flow_input(layout_test::random_input(n, 7));
    FlowOptions o = options(0);
    const PagePlan chosen = plan_flow(in, o);
    check_plan(in, o, chosen);
    o.look_back = 0;
    const PagePlan greedy = plan_flow(in, o);
    check_plan(in, o, greedy);
    EXPECT_LE(chosen.pages.size(), greedy.pages.size()) << n << " nodes";
    EXPECT_LT(chosen.pieces.size(), greedy.pieces.size()) << n << " nodes";
  }
}

TEST(PlanFlow, SmallTreeIsOnePage) {
  const FlowInput in = flow_input(layout_test::star(5));
  const PagePlan plan = plan_flow(in, options(1));
  EXPECT_EQ(plan.pages.size(), 1u);
}

TEST(PlanFlow, DeepChainNeedsNoRecursion) {
  const FlowInput in = flow_input(layout_test::chain(200000));
  const FlowOptions o = options(0);
  check_plan(in, o, plan_flow(in, o));
}

TEST(PlanFlow, WideStarFillsPages) {
  const FlowInput in = flow_input(layout_test::star(2000));
  const FlowOptions o = options(0);
  const PagePlan plan = plan_flow(in, o);
  check_plan(in, o, plan);
  // One run per page, chained header to header: the root's card has one stub.
  EXPECT_EQ(plan.cut[0].size(), 1u);
  EXPECT_LT(plan.pages.size(), 2000 * 160.0 * 50 / (o.width * o.height) * 1.6);
}

TEST(PlanFlow, ACardTooBigIsCountedUnfit) {
  FlowInput in = flow_input(layout_test::star(3));
  in.size[2] = {5000, 40};
  EXPECT_EQ(plan_flow(in, options(0)).unfit, 1u);
}

TEST(PlanFlow, RejectsNonForests) {
  FlowInput in = flow_input(layout_test::star(3));
  in.children[1].push_back(2);  // node 2 under two parents
  EXPECT_THROW(plan_flow(in, options(0)), std::invalid_argument);
  FlowInput cycle = flow_input(layout_test::star(3));
  cycle.roots.clear();
  EXPECT_THROW(plan_flow(cycle, options(0)), std::invalid_argument);
  FlowOptions zero = options(0);
  zero.width = 0;
  EXPECT_THROW(plan_flow(flow_input(layout_test::star(3)), zero), std::invalid_argument);
}

}  // namespace
}  // namespace orgchart

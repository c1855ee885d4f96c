#include "orgchart/layout/pages_flow.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace orgchart {

namespace {

constexpr double kEps = 1e-6;

/// The columns of the page being filled: greedy, as flow_layout() draws them.
struct Columns {
  int index = 0;
  double x = 0;   ///< left edge of the current column
  double y = 0;   ///< height used in it, a row gap after each card
  double maxv = -std::numeric_limits<double>::infinity();  ///< max of depth * indent + width
  int base = INT_MAX;                                      ///< smallest depth in it
  bool empty = true;  ///< the current column
  bool page_empty = true;
  bool overfull = false;  ///< a card was forced onto the page without room

  double width(const FlowGeometry& g) const { return empty ? 0 : maxv - base * g.indent; }
  /// Puts a card of size s at depth d: in this column, or the next; -1 when it fits on neither.
  int place(Size s, int d, double room_w, double room_h, const FlowGeometry& g, bool force = false) {
    const double col_h = room_h - g.edge - g.foot;
    auto width_with = [&] { return std::max(maxv, d * g.indent + s.width) - std::min(base, d) * g.indent; };
    if (!empty && (y + s.height > col_h + kEps || x + width_with() > room_w + kEps)) {
      x += width(g) + g.column_gap;
      ++index;
      y = 0;
      maxv = -std::numeric_limits<double>::infinity();
      base = INT_MAX;
      empty = true;
    }
    if (x + s.width > room_w + kEps || s.height > col_h + kEps) {
      if (!force) return -1;
      overfull = true;
    }
    maxv = std::max(maxv, d * g.indent + s.width);
    base = std::min(base, d);
    y += s.height + g.row_gap;
    empty = false;
    page_empty = false;
    return index;
  }
};

}  // namespace

PagePlan plan_flow(const FlowInput& in, const FlowOptions& o) {
  const std::size_t n = in.size.size();
  if (!(o.width > 0) || !(o.height > 0) || !std::isfinite(o.width) || !std::isfinite(o.height))
    throw std::invalid_argument("plan_flow: the page's room must be positive");
  if (in.children.size() != n || in.header.size() != n || in.stub.size() != n)
    throw std::invalid_argument("plan_flow: per-node inputs differ in length");
  const FlowGeometry& geo = o.geometry;
  auto side_of = [&](std::size_t v) -> const std::vector<Size>& {
    static const std::vector<Size> kNone;
    return v < in.side.size() ? in.side[v] : kNone;
  };

  // Depths and parents, checking that the input is a forest.
  std::vector<std::size_t> parent(n, kNoParent);
  std::vector<int> depth(n, -1);
  {
    std::vector<std::size_t> stack;
    auto visit = [&](std::size_t v, std::size_t p) {
      if (v >= n || depth[v] >= 0) throw std::invalid_argument("plan_flow: not a forest (node listed twice or out of range)");
      depth[v] = p == kNoParent ? 0 : depth[p] + 1;
      parent[v] = p;
      stack.push_back(v);
    };
    for (std::size_t r : in.roots) visit(r, kNoParent);
    std::size_t seen = 0;
    while (!stack.empty()) {
      const std::size_t v = stack.back();
      stack.pop_back();
      ++seen;
      for (std::size_t c : in.children[v]) visit(c, v);
    }
    if (seen != n) throw std::invalid_argument("plan_flow: not a forest (a node is not reachable from a root)");
  }

  PagePlan plan;
  plan.piece_of.assign(n, kNoParent);
  plan.cut.resize(n);
  plan.column.assign(n, -1);
  plan.side_column.resize(n);
  plan.pieces.push_back({kNoParent, {}});
  for (std::size_t r : in.roots)
    if (depth[r] <= o.overview_depth) plan.pieces[0].tops.push_back(r);
  plan.pages.push_back({0});
  plan.page_of.push_back(0);
  plan.next_run.push_back(kNoParent);
  plan.header_column.push_back(-1);
  plan.stub_column.push_back(-1);
  std::vector<int> offset = {0};  // per piece: the depth of its header (local depth = depth - offset)
  for (std::size_t v = 0; v < n; ++v)
    if (depth[v] <= o.overview_depth) plan.piece_of[v] = 0;

  // Per node, on the page being filled: its card or its header is there (present_page), via the header of
  // piece header_piece; a stub waiting for its next run (stub placed on an earlier page, in column stub_col,
  // hanging from its card or from the header of piece stub_from).
  std::vector<std::size_t> present_page(n, kNoParent), header_piece(n, kNoParent), stub_from(n, kNoParent);
  std::vector<int> stub_col(n, -2);  // -2: no stub waiting
  std::size_t page = 0;
  std::size_t root_piece = kNoParent;
  double room_w = o.width, room_h = o.height;  // of the page being filled  // the piece of roots on the page being filled (overview_depth < 0)
  Columns cols;

  // The depth-first walk: frames (node, next child); `chain` the frames whose node is on this page.
  struct Frame {
    std::size_t v, next;
  };
  std::vector<Frame> path;
  std::vector<std::size_t> chain;
  auto local = [&](std::size_t v) {
    return header_piece[v] != kNoParent && present_page[v] == page
               ? 0
               : depth[v] - offset[plan.piece_of[v]];
  };
  // Places the stubs the chain needs if the page ended now (before path.back()'s child `next`, or after it when
  // `placed`); false when they do not fit.
  auto stubs = [&](Columns& c, bool record, bool placed) {
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      const Frame& f = path[*it];
      const std::size_t next = f.next + (placed && *it + 1 == path.size() ? 1 : 0);
      if (next >= in.children[f.v].size()) continue;
      const std::size_t first = in.children[f.v][next];
      const int col = c.place(in.stub[first], local(f.v) + 1, room_w, room_h, geo, record);
      if (col < 0) return false;
      if (record) {
        stub_col[f.v] = col;
        stub_from[f.v] = header_piece[f.v] != kNoParent && present_page[f.v] == page ? header_piece[f.v] : kNoParent;
      }
    }
    return true;
  };
  auto new_page = [&] {
    stubs(cols, true, false);
    chain.clear();
    ++page;
    plan.pages.emplace_back();
    cols = Columns{};
  };

  // Flows node v (its parent's frame is path.back()). Returns after placing its card.
  auto flow = [&](std::size_t v) {
    const std::size_t x = parent[v];
    for (int attempt = 0;; ++attempt) {
      if (cols.page_empty) {
        room_w = o.width - (v < o.shrink.size() ? o.shrink[v].width : 0);
        room_h = o.height - (v < o.shrink.size() ? o.shrink[v].height : 0);
      }
      const bool is_root = x == kNoParent;
      const bool joins_card = !is_root && present_page[x] == page && header_piece[x] == kNoParent;
      const bool joins_header = !is_root && present_page[x] == page && header_piece[x] != kNoParent;
      const bool needs_header = !is_root && !joins_card && !joins_header;
      Columns trial = cols;
      int head_col = -1, own_col = -1;
      std::vector<int> side_cols;
      const int d = is_root ? 0 : needs_header || joins_header ? 1 : depth[v] - offset[plan.piece_of[x]];
      const bool force = attempt > 0;  // an empty page: it goes here whatever its size
      bool ok = true;
      if (needs_header) ok = (head_col = trial.place(in.header[x], 0, room_w, room_h, geo, force)) >= 0;
      if (ok) ok = (own_col = trial.place(in.size[v], d, room_w, room_h, geo, force)) >= 0;
      for (const Size& s : side_of(v)) {
        if (!ok) break;
        side_cols.push_back(trial.place(s, d + 1, room_w, room_h, geo, force));
        ok = side_cols.back() >= 0;
      }
      if (ok && !force) {
        // The stubs the page would need if it ended after v: the chain's, and v's own when it has children.
        Columns after = trial;
        if (!in.children[v].empty()) ok = after.place(in.stub[in.children[v].front()], d + 1, room_w, room_h, geo) >= 0;
        // A new header's, when x has children after v.
        if (ok && needs_header && path.back().next + 1 < in.children[x].size())
          ok = after.place(in.stub[in.children[x][path.back().next + 1]], 1, room_w, room_h, geo) >= 0;
        // The chain's (v not yet on it; path.back() is x's frame, its `next` still v).
        if (ok) ok = stubs(after, false, true);
      }
      if (!ok && !cols.page_empty) {
        new_page();
        continue;
      }
      if (!ok && attempt == 0) continue;  // empty page: once more, forced
      // Commit.
      if (trial.overfull && !cols.overfull) ++plan.unfit;
      cols = trial;
      if (needs_header) {
        const std::size_t piece = plan.pieces.size();
        plan.pieces.push_back({x, {}});
        plan.pages[page].push_back(piece);
        plan.page_of.push_back(page);
        plan.next_run.push_back(kNoParent);
        plan.header_column.push_back(head_col);
        plan.stub_column.push_back(stub_col[x] >= -1 ? stub_col[x] : -1);
        offset.push_back(depth[x]);
        if (stub_col[x] != -2 && stub_from[x] != kNoParent) plan.next_run[stub_from[x]] = piece;
        else plan.cut[x].push_back(piece);  // under x's card: on the overview, or on an earlier page
        stub_col[x] = -2;
        stub_from[x] = kNoParent;
        present_page[x] = page;
        header_piece[x] = piece;
        // x's frame joins the chain (it is the deepest frame on it: x is v's parent).
        chain.push_back(path.size() - 1);
      }
      if (is_root && (root_piece == kNoParent || plan.page_of[root_piece] != page)) {
        // Roots below the overview: pieces without a header, each with its stub on the overview.
        root_piece = plan.pieces.size();
        plan.pieces.push_back({kNoParent, {}});
        plan.pages[page].push_back(root_piece);
        plan.page_of.push_back(page);
        plan.next_run.push_back(kNoParent);
        plan.header_column.push_back(-1);
        plan.stub_column.push_back(-1);
        offset.push_back(0);
        plan.root_cut.push_back(root_piece);
      }
      std::size_t piece = is_root ? root_piece : joins_card ? plan.piece_of[x] : header_piece[x];
      if (!joins_card) plan.pieces[piece].tops.push_back(v);
      plan.piece_of[v] = piece;
      plan.column[v] = own_col;
      plan.side_column[v] = side_cols;
      present_page[v] = page;
      header_piece[v] = kNoParent;
      return;
    }
  };

  for (std::size_t r : in.roots) {
    if (depth[r] > o.overview_depth) {
      if (plan.pages.size() == 1) {
        ++page;
        plan.pages.emplace_back();
      }
      flow(r);
      chain.push_back(0);
    }
    path.push_back({r, 0});
    while (!path.empty()) {
      Frame& f = path.back();
      if (f.next >= in.children[f.v].size()) {
        if (!chain.empty() && chain.back() == path.size() - 1) chain.pop_back();
        path.pop_back();
        continue;
      }
      const std::size_t c = in.children[f.v][f.next];
      if (depth[c] > o.overview_depth) {
        if (plan.pages.size() == 1) {
          ++page;
          plan.pages.emplace_back();
        }
        flow(c);
        chain.push_back(path.size());
      }
      ++path.back().next;
      path.push_back({c, 0});
    }
  }
  return plan;
}

}  // namespace orgchart

#include "orgchart/layout/pages_flow.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace orgchart {

namespace {

constexpr double kEps = 1e-6;
constexpr double kInf = std::numeric_limits<double>::infinity();
/// Added to the width of a column that holds a single card taller than a column: such a page never fits, so it
/// is made only for a card that fits on no page (forced, and counted unfit).
constexpr double kOverfull = 1e12;

/// A card of a page in drawing order (preorder of the page's graph): a node's card, a header, a side card or a
/// stub, at its outline depth on the page.
struct Item {
  Size size;
  int depth = 0;
};

/// Splits a page's cards, in drawing order, into columns (consecutive runs, each no taller than the page's room
/// for cards) so that the columns' widths and the gaps between them add up to the least (a column is as wide as
/// its widest card plus its indent; flow_layout() draws it so). Greedy filling leaves a wide card in every column;
/// choosing where columns end can put the wide and deeply indented cards together and so fit more on a page.
/// Dynamic programming over the break before each card: O(cards x cards of one column).
class ColumnPacker {
 public:
  ColumnPacker(const FlowGeometry& g, double column_height) : g_(g), height_(column_height) {}

  std::size_t size() const { return items_.size(); }
  void push(Size s, int depth) {
    items_.push_back({s, depth});
    std::size_t from = 0;
    best_.push_back(column_end(items_.size(), [&](std::size_t i) -> const Item& { return items_[i]; },
                               [&](std::size_t i) { return best_[i]; }, from));
    from_.push_back(from);
  }
  /// The least width of the cards so far (over any page when they fit in no columns).
  double width() const { return best_.back(); }
  /// The least width of the first `count` cards followed by `more`, and the column of each of them.
  double split(std::size_t count, const std::vector<Item>& more, std::vector<int>* columns = nullptr) const {
    std::vector<double> best;
    std::vector<std::size_t> from;
    auto item = [&](std::size_t i) -> const Item& { return i < count ? items_[i] : more[i - count]; };
    auto best_at = [&](std::size_t i) { return i <= count ? best_[i] : best[i - count - 1]; };
    for (std::size_t j = count + 1; j <= count + more.size(); ++j) {
      std::size_t f = 0;
      best.push_back(column_end(j, item, best_at, f));
      from.push_back(f);
    }
    if (columns) {
      std::vector<std::size_t> ends;  // where each column ends, last first
      for (std::size_t j = count + more.size(); j > 0; j = j <= count ? from_[j] : from[j - count - 1]) ends.push_back(j);
      columns->assign(count + more.size(), 0);
      std::size_t i = 0;
      int column = 0;
      for (auto it = ends.rbegin(); it != ends.rend(); ++it, ++column)
        for (; i < *it; ++i) (*columns)[i] = column;
    }
    return more.empty() ? best_[count] : best.back();
  }

 private:
  /// The least width of the first j cards when the last column ends at j; `from` gets where it starts.
  template <class ItemAt, class BestAt>
  double column_end(std::size_t j, ItemAt item, BestAt best, std::size_t& from) const {
    double result = kInf, used = -g_.row_gap, maxv = -kInf;
    int base = INT_MAX;
    for (std::size_t i = j; i-- > 0;) {
      const Item& it = item(i);
      used += it.size.height + g_.row_gap;
      if (used > height_ + kEps && i + 1 < j) break;
      maxv = std::max(maxv, it.depth * g_.indent + it.size.width);
      base = std::min(base, it.depth);
      const double w = best(i) + (i > 0 ? g_.column_gap : 0) + maxv - base * g_.indent +
                       (used > height_ + kEps ? kOverfull : 0);
      if (w < result) {
        result = w;
        from = i;
      }
    }
    return result;
  }

  const FlowGeometry& g_;
  double height_;
  std::vector<Item> items_;
  std::vector<double> best_{0.0};        ///< per prefix of items_: its least width
  std::vector<std::size_t> from_{0};     ///< per prefix: where its last column starts
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

  // Depths, parents and the preorder, checking that the input is a forest.
  std::vector<std::size_t> parent(n, kNoParent), order;
  std::vector<int> depth(n, -1);
  {
    std::vector<std::size_t> stack;
    auto visit = [&](std::size_t v, std::size_t p) {
      if (v >= n || depth[v] >= 0) throw std::invalid_argument("plan_flow: not a forest (node listed twice or out of range)");
      depth[v] = p == kNoParent ? 0 : depth[p] + 1;
      parent[v] = p;
      stack.push_back(v);
    };
    for (auto it = in.roots.rbegin(); it != in.roots.rend(); ++it) visit(*it, kNoParent);
    while (!stack.empty()) {
      const std::size_t v = stack.back();
      stack.pop_back();
      order.push_back(v);
      for (auto it = in.children[v].rbegin(); it != in.children[v].rend(); ++it) visit(*it, v);
    }
    if (order.size() != n) throw std::invalid_argument("plan_flow: not a forest (a node is not reachable from a root)");
  }
  // The flowed nodes in preorder: a page holds a run of them.
  std::vector<std::size_t> flow;
  for (std::size_t v : order)
    if (depth[v] > o.overview_depth) flow.push_back(v);

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
  for (std::size_t v = 0; v < n; ++v)
    if (depth[v] <= o.overview_depth) plan.piece_of[v] = 0;

  // Per node, on the page being planned (`seen_*`, stamped with the page while its run is extended) and on the
  // page committed (`card_on`, `head_on`): its card, or a header naming it, is there; `local` its outline depth
  // there (a header's 0). A stub waiting for its node's next run: placed on an earlier page in column stub_col
  // (-2: none waiting), hanging from the node's card or from the header of piece stub_from.
  std::vector<std::size_t> seen_card(n, kNoParent), seen_head(n, kNoParent), card_on(n, kNoParent),
      head_on(n, kNoParent), header_piece(n, kNoParent), stub_from(n, kNoParent);
  std::vector<int> local(n, 0), stub_col(n, -2);
  std::size_t root_piece = kNoParent;  // the piece of roots on the page being filled (overview_depth < 0)

  std::vector<Item> items_of_card, stub_items, best_stub_items;
  std::vector<std::size_t> stubs, best_stubs;  // the nodes the stubs hang from, deepest first
  // With room under the overview, page 1 takes the first run (its pieces after the overview's).
  const bool on_first = o.first_room.width > 0 && o.first_room.height > geo.edge + geo.foot;
  for (std::size_t a = 0, page = on_first ? 0 : 1; a < flow.size(); ++page) {
    const std::size_t first = flow[a];
    const Size room = page == 0 ? o.first_room : Size{o.width, o.height};
    const double room_w = room.width - (first < o.shrink.size() ? o.shrink[first].width : 0);
    const double room_h = room.height - (first < o.shrink.size() ? o.shrink[first].height : 0);
    ColumnPacker packer(geo, room_h - geo.edge - geo.foot);
    // Extend the page's run card by card while its cards fit; the page ends after the longest run that fits
    // with the stubs it would need (each present ancestor of the next card, deepest first).
    std::size_t best_end = a + 1, best_count = 0;
    bool fits_any = false;
    for (std::size_t j = a; j < flow.size(); ++j) {
      const std::size_t u = flow[j], x = parent[u];
      items_of_card.clear();
      int d = 1;
      const bool header = x != kNoParent && seen_card[x] != page && seen_head[x] != page;
      if (x == kNoParent) d = 0;
      else if (seen_card[x] == page) d = local[x] + 1;
      if (header) items_of_card.push_back({in.header[x], 0});
      items_of_card.push_back({in.size[u], d});
      for (const Size& s : side_of(u)) items_of_card.push_back({s, d + 1});
      for (const Item& it : items_of_card) packer.push(it.size, it.depth);
      if (packer.width() > room_w + kEps && j > a) break;  // more cards never take less room
      if (header) {
        seen_head[x] = page;
        local[x] = 0;
      }
      seen_card[u] = page;
      local[u] = d;
      stubs.clear();
      stub_items.clear();
      if (j + 1 < flow.size()) {
        std::size_t c = flow[j + 1];
        for (std::size_t y = parent[c]; y != kNoParent && (seen_card[y] == page || seen_head[y] == page);
             c = y, y = parent[y]) {
          stubs.push_back(y);
          stub_items.push_back({in.stub[c], local[y] + 1});
        }
      }
      const bool fits = packer.split(packer.size(), stub_items) <= room_w + kEps;
      if (fits || j == a) {
        fits_any = fits_any || fits;
        best_end = j + 1;
        best_count = packer.size();
        best_stubs = stubs;
        best_stub_items = stub_items;
      }
    }
    if (page == 0 && !fits_any) {
      // Not even the first card fits under the overview: the flow starts on page 2.
      continue;
    }
    std::vector<int> cols;
    const double planned = packer.split(best_count, best_stub_items, &cols);
    if (!fits_any) ++plan.unfit;

    // Commit the run flow[a, best_end) and its stubs.
    if (page > 0) plan.pages.emplace_back();
    plan.width.resize(page + 1, 0.0);
    plan.width[page] = planned;
    std::size_t k = 0;  // the next item's index in `cols`
    for (std::size_t j = a; j < best_end; ++j) {
      const std::size_t v = flow[j], x = parent[v];
      std::size_t piece;
      if (x == kNoParent) {
        if (root_piece == kNoParent || plan.page_of[root_piece] != page) {
          // Roots below the overview: pieces without a header, each with its stub on the overview.
          root_piece = plan.pieces.size();
          plan.pieces.push_back({kNoParent, {}});
          plan.pages[page].push_back(root_piece);
          plan.page_of.push_back(page);
          plan.next_run.push_back(kNoParent);
          plan.header_column.push_back(-1);
          plan.stub_column.push_back(-1);
          plan.root_cut.push_back(root_piece);
        }
        piece = root_piece;
        plan.pieces[piece].tops.push_back(v);
      } else if (card_on[x] == page) {
        piece = plan.piece_of[x];
      } else if (head_on[x] == page) {
        piece = header_piece[x];
        plan.pieces[piece].tops.push_back(v);
      } else {
        piece = plan.pieces.size();
        plan.pieces.push_back({x, {v}});
        plan.pages[page].push_back(piece);
        plan.page_of.push_back(page);
        plan.next_run.push_back(kNoParent);
        plan.header_column.push_back(cols[k++]);
        plan.stub_column.push_back(stub_col[x] >= -1 ? stub_col[x] : -1);
        if (stub_col[x] != -2 && stub_from[x] != kNoParent) plan.next_run[stub_from[x]] = piece;
        else plan.cut[x].push_back(piece);  // under x's card: on the overview, or on an earlier page
        stub_col[x] = -2;
        stub_from[x] = kNoParent;
        head_on[x] = page;
        header_piece[x] = piece;
      }
      plan.piece_of[v] = piece;
      plan.column[v] = cols[k++];
      plan.side_column[v].clear();
      for (std::size_t s = 0; s < side_of(v).size(); ++s) plan.side_column[v].push_back(cols[k++]);
      card_on[v] = page;
    }
    for (std::size_t y : best_stubs) {
      stub_col[y] = cols[k++];
      stub_from[y] = head_on[y] == page ? header_piece[y] : kNoParent;
    }
    a = best_end;
  }
  return plan;
}

}  // namespace orgchart

#include "orgchart/layout/pages_flow.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <limits>
#include <optional>
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

/// Where a page's run could end: flow position `end` (the next page's first), with this many headers and stubs.
struct RunEnd {
  std::size_t end = 0, breaks = 0;
  bool fits = false;
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

  // Per node, on the run being scanned (`seen_*`, stamped with the scan) and on the page committed (`card_on`,
  // `head_on`): its card, or a header naming it, is there; `local` its outline depth there (a header's 0). A stub
  // waiting for its node's next run: placed on an earlier page in column stub_col (-2: none waiting), hanging from
  // the node's card or from the header of piece stub_from.
  std::vector<std::size_t> seen_card(n, kNoParent), seen_head(n, kNoParent), card_on(n, kNoParent),
      head_on(n, kNoParent), header_piece(n, kNoParent), stub_from(n, kNoParent);
  std::vector<int> local(n, 0), stub_col(n, -2);
  std::size_t root_piece = kNoParent;  // the piece of roots on the page being filled (overview_depth < 0)

  std::vector<Item> items_of_card, stub_items;
  std::vector<std::size_t> stubs;  // the nodes the stubs hang from, deepest first
  std::size_t stamp = 0;
  std::optional<ColumnPacker> packer;
  double run_room_w = 0;  // the width the scanned run has, as far as it goes
  // Scans the run that starts a page at flow[a]: extends it card by card while its cards fit (up to flow[last]
  // when given, leaving the packer, stubs and stub_items as for that end). `ends` gets every end whose run fits
  // with the stubs it would need (each present ancestor of the next card, deepest first), or a + 1 alone, unfit,
  // when none does; each with its headers and stubs.
  auto scan = [&](std::size_t a, std::size_t page, std::size_t last, std::vector<RunEnd>& ends) {
    const std::size_t first = flow[a], mark = ++stamp;
    const Size room = page == 0 ? o.first_room : Size{o.width, o.height};
    double room_w = room.width;
    const double room_h = room.height - (first < o.shrink.size() ? o.shrink[first].height : 0);
    packer.emplace(geo, room_h - geo.edge - geo.foot);
    ends.clear();
    std::size_t headers = 0;
    for (std::size_t j = a; j < flow.size() && (last == kNoParent || j < last); ++j) {
      const std::size_t u = flow[j], x = parent[u];
      if (u < o.shrink.size()) room_w = std::min(room_w, room.width - o.shrink[u].width);
      items_of_card.clear();
      int d = 1;
      const bool header = x != kNoParent && seen_card[x] != mark && seen_head[x] != mark;
      if (x == kNoParent) d = 0;
      else if (seen_card[x] == mark) d = local[x] + 1;
      if (header) items_of_card.push_back({in.header[x], 0});
      items_of_card.push_back({in.size[u], d});
      for (const Size& s : side_of(u)) items_of_card.push_back({s, d + 1});
      for (const Item& it : items_of_card) packer->push(it.size, it.depth);
      if (packer->width() > room_w + kEps && j > a) break;  // more cards never take less room
      if (header) {
        seen_head[x] = mark;
        local[x] = 0;
        ++headers;
      }
      seen_card[u] = mark;
      local[u] = d;
      stubs.clear();
      stub_items.clear();
      if (j + 1 < flow.size()) {
        std::size_t c = flow[j + 1];
        for (std::size_t y = parent[c]; y != kNoParent && (seen_card[y] == mark || seen_head[y] == mark);
             c = y, y = parent[y]) {
          stubs.push_back(y);
          stub_items.push_back({in.stub[c], local[y] + 1});
        }
      }
      run_room_w = room_w;
      if (last != kNoParent) continue;
      const bool fits = packer->split(packer->size(), stub_items) <= room_w + kEps;
      if (fits) {
        if (!ends.empty() && !ends.front().fits) ends.clear();
        ends.push_back({j + 1, headers + stubs.size(), true});
      } else if (j == a) {
        ends.push_back({j + 1, headers + stubs.size(), false});
      }
    }
  };

  // Where the pages break: the fewest pages, and among as many the fewest headers and stubs (breaks at shallow
  // levels: a break at depth d costs about d headers and d stubs), by dynamic programming over the run's start,
  // page by page. Each page tries only the starts within look_back cards of the furthest its page count reaches (a
  // run that starts further back rarely ends further on): at most look_back + 1 scans a page. The greedy (the
  // longest run each page) is scanned too, and kept if the search found more pages.
  // With room under the overview, page 1 takes the first run (its pieces after the overview's).
  const std::size_t m = flow.size();
  std::vector<RunEnd> ends;
  std::size_t first_page = 1;
  if (m > 0 && o.first_room.width > 0 && o.first_room.height > geo.edge + geo.foot) {
    scan(0, 0, kNoParent, ends);
    if (ends.back().fits) first_page = 0;  // else not even the first card fits under the overview: page 2
  }
  // Per position in `flow` (a page starting there): the page it starts on (kNoParent: none yet), the start of the
  // run before it, and the unfit pages and breaks on the way.
  std::vector<std::size_t> page_at(m + 1, kNoParent), run_from(m + 1, kNoParent);
  std::vector<std::pair<std::size_t, std::size_t>> cost(m + 1, {0, 0});
  std::vector<std::size_t> layer{0}, next, starts, greedy_runs{0};
  page_at[0] = first_page;
  for (std::size_t page = first_page; page_at[m] == kNoParent && m > 0; ++page) {
    const std::size_t far = layer.empty() ? 0 : layer.back();
    starts.clear();
    for (std::size_t a : layer)
      if (a + o.look_back >= far) starts.push_back(a);
    next.clear();
    for (std::size_t a : starts) {
      scan(a, page, kNoParent, ends);
      for (const RunEnd& e : ends) {
        const std::pair<std::size_t, std::size_t> c{cost[a].first + (e.fits ? 0 : 1), cost[a].second + e.breaks};
        if (page_at[e.end] == kNoParent) {
          page_at[e.end] = page + 1;
          next.push_back(e.end);
        } else if (page_at[e.end] != page + 1 || c >= cost[e.end]) {
          continue;
        }
        run_from[e.end] = a;
        cost[e.end] = c;
      }
    }
    std::sort(next.begin(), next.end());
    layer.swap(next);
  }
  // The greedy: the longest run each page (the search's own path when it looks back no further).
  for (std::size_t a = 0, page = first_page; a < m && o.look_back > 0; ++page) {
    scan(a, page, kNoParent, ends);
    a = ends.back().end;
    greedy_runs.push_back(a);
  }
  std::vector<std::size_t> breaks;  // the pages' first positions, and m
  if (m > 0 && (o.look_back == 0 || page_at[m] - first_page <= greedy_runs.size() - 1)) {
    for (std::size_t b = m; b != 0; b = run_from[b]) breaks.push_back(b);
    breaks.push_back(0);
    std::reverse(breaks.begin(), breaks.end());
  } else {
    breaks = greedy_runs;
  }

  for (std::size_t r = 0; r + 1 < breaks.size(); ++r) {
    const std::size_t page = first_page + r, a = breaks[r], best_end = breaks[r + 1];
    scan(a, page, best_end, ends);
    std::vector<int> cols;
    const double planned = packer->split(packer->size(), stub_items, &cols);
    if (planned > run_room_w + kEps) ++plan.unfit;
    const std::vector<std::size_t>& best_stubs = stubs;

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
  }
  return plan;
}

}  // namespace orgchart

#include "orgchart/layout/pages.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace orgchart {

double footprint(Size box, const PagingOptions& options) {
  return (box.width + options.gap_x) * (box.height + options.gap_y);
}

namespace {

/// Leftmost open bin whose room is at least `need`, in O(log bins): a segment tree of the largest room.
class FirstFit {
 public:
  explicit FirstFit(std::size_t max_bins) {
    size_ = 1;
    while (size_ < std::max<std::size_t>(max_bins, 1)) size_ *= 2;
    room_.assign(2 * size_, -1);
  }
  /// The bin an item of area `need` goes into (a new one with room `capacity` when none has room).
  std::size_t place(double need, double capacity) {
    std::size_t bin = bins_;
    if (room_[1] >= need) {
      std::size_t i = 1;
      while (i < size_) i = room_[2 * i] >= need ? 2 * i : 2 * i + 1;
      bin = i - size_;
    } else {
      ++bins_;
      set(bin, capacity);
    }
    set(bin, room_[size_ + bin] - need);
    return bin;
  }
  /// A bin of its own, closed to every later item.
  std::size_t alone() {
    const std::size_t bin = bins_++;
    set(bin, -1);
    return bin;
  }

 private:
  void set(std::size_t bin, double room) {
    std::size_t i = size_ + bin;
    room_[i] = room;
    for (i /= 2; i >= 1; i /= 2) room_[i] = std::max(room_[2 * i], room_[2 * i + 1]);
  }
  std::size_t size_ = 1, bins_ = 0;
  std::vector<double> room_;
};

}  // namespace

PagePlan plan_pages(const PagingInput& in, const PagingOptions& o) {
  const std::size_t n = in.size.size();
  if (!(o.capacity > 0) || !std::isfinite(o.capacity)) throw std::invalid_argument("plan_pages: capacity must be positive");
  if (in.children.size() != n) throw std::invalid_argument("plan_pages: children and size differ in length");
  auto fill_at = [&](std::size_t v) {
    double f = o.fill;
    if (v < o.fill_of.size() && o.fill_of[v] > 0) f = std::min(f, o.fill_of[v]);
    return f;
  };

  // Preorder, checking that the input is a forest.
  std::vector<std::size_t> pre;
  pre.reserve(n);
  {
    std::vector<char> seen(n, 0);
    std::vector<std::size_t> stack;
    auto visit = [&](std::size_t v) {
      if (v >= n || seen[v]) throw std::invalid_argument("plan_pages: not a forest (node listed twice or out of range)");
      seen[v] = 1;
      stack.push_back(v);
    };
    for (auto it = in.roots.rbegin(); it != in.roots.rend(); ++it) visit(*it);
    while (!stack.empty()) {
      const std::size_t v = stack.back();
      stack.pop_back();
      pre.push_back(v);
      for (auto it = in.children[v].rbegin(); it != in.children[v].rend(); ++it) visit(*it);
    }
    if (pre.size() != n) throw std::invalid_argument("plan_pages: not a forest (a node is not reachable from a root)");
  }

  const double stub = footprint(o.stub, o);
  std::vector<double> resid(n, 0);
  std::vector<char> is_cut(n, 0);
  std::vector<PagePiece> raw;  // every piece but the overview, in creation order
  std::vector<std::vector<std::size_t>> cut(n);
  std::vector<std::size_t> root_cut;

  // Cuts the largest of `kids` until `total` is at most `cap`, then groups the cut ones into pieces under `parent`.
  std::vector<std::size_t> order;
  auto cut_children = [&](std::size_t parent, const std::vector<std::size_t>& kids, double base, double cap,
                          std::vector<std::size_t>& out) {
    double total = base;
    for (std::size_t c : kids) total += resid[c];
    if (total <= cap) return total;
    order.assign(kids.begin(), kids.end());
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return resid[a] > resid[b]; });
    for (std::size_t c : order) {
      if (total <= cap) break;
      total += stub - resid[c];
      is_cut[c] = 1;
    }
    // Group the cut children in sibling order; a group stays within one page.
    total = base;
    PagePiece piece;
    piece.parent = parent;
    auto flush = [&] {
      if (piece.tops.empty()) return;
      out.push_back(raw.size());
      raw.push_back(piece);
      piece.tops.clear();
      total += stub;
    };
    for (std::size_t c : kids) {
      if (!is_cut[c]) {
        total += resid[c];
        continue;
      }
      const double group_cap = o.capacity * fill_at(c);
      if (!piece.tops.empty() && piece.area + resid[c] > group_cap) flush();
      if (piece.tops.empty()) piece.area = stub;  // the header card
      piece.tops.push_back(c);
      piece.area += resid[c];
    }
    flush();
    return total;
  };

  for (auto it = pre.rbegin(); it != pre.rend(); ++it) {
    const std::size_t v = *it;
    const double own = footprint(in.size[v], o) + (v < in.extra.size() ? in.extra[v] : 0);
    resid[v] = cut_children(v, in.children[v], own, o.capacity * fill_at(v), cut[v]);
  }
  const double root_fill = o.root_fill > 0 ? std::min(o.root_fill, o.fill) : o.fill;
  // One root is never cut off the overview: the overview would hold nothing but its stub.
  if (in.roots.size() > 1) cut_children(kNoParent, in.roots, 0, o.capacity * root_fill, root_cut);

  // The overview, then the pieces depth first: a piece's children are the pieces cut below its nodes, in preorder.
  PagePlan plan;
  plan.piece_of.assign(n, kNoParent);
  plan.cut.resize(n);
  PagePiece overview;
  for (std::size_t r : in.roots)
    if (!is_cut[r]) overview.tops.push_back(r);
  std::vector<std::size_t> new_index(raw.size(), kNoParent);
  std::vector<std::size_t> piece_stack = {kNoParent};  // kNoParent stands for the overview
  std::vector<std::size_t> node_stack, children_of;
  std::vector<char> root_piece_done(raw.size(), 0);
  while (!piece_stack.empty()) {
    const std::size_t r = piece_stack.back();
    piece_stack.pop_back();
    const PagePiece& src = r == kNoParent ? overview : raw[r];
    const std::size_t index = plan.pieces.size();
    if (r != kNoParent) new_index[r] = index;
    plan.pieces.push_back(src);
    if (r == kNoParent) {
      plan.pieces.back().area = 0;
      for (std::size_t t : overview.tops) plan.pieces.back().area += resid[t];
    }
    children_of.clear();
    // Walk the piece's nodes in preorder; the overview also meets the cut roots in their place among the roots.
    const std::vector<std::size_t>& tops = r == kNoParent ? in.roots : src.tops;
    for (auto it = tops.rbegin(); it != tops.rend(); ++it) node_stack.push_back(*it);
    while (!node_stack.empty()) {
      const std::size_t v = node_stack.back();
      node_stack.pop_back();
      if (r == kNoParent && is_cut[v]) {
        for (std::size_t p : root_cut)
          if (!root_piece_done[p] && raw[p].tops.front() == v) root_piece_done[p] = 1, children_of.push_back(p);
        continue;
      }
      plan.piece_of[v] = index;
      for (std::size_t p : cut[v]) children_of.push_back(p);
      for (auto it = in.children[v].rbegin(); it != in.children[v].rend(); ++it)
        if (!is_cut[*it]) node_stack.push_back(*it);
    }
    for (auto it = children_of.rbegin(); it != children_of.rend(); ++it) piece_stack.push_back(*it);
  }
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t p : cut[v]) plan.cut[v].push_back(new_index[p]);
  for (std::size_t p : root_cut) plan.root_cut.push_back(new_index[p]);

  // Pack: first-fit decreasing by area (ties in depth-first order); the overview keeps page 1 to itself. A piece
  // that fills a page gets one of its own.
  const std::size_t m = plan.pieces.size();
  std::vector<std::size_t> by_area(m > 0 ? m - 1 : 0);
  std::iota(by_area.begin(), by_area.end(), std::size_t{1});
  std::stable_sort(by_area.begin(), by_area.end(),
                   [&](std::size_t a, std::size_t b) { return plan.pieces[a].area > plan.pieces[b].area; });
  FirstFit bins(by_area.size());
  std::vector<std::size_t> bin_of(m, 0);
  const double bin_cap = o.capacity * o.fill;
  for (std::size_t p : by_area) {
    const std::size_t first = plan.pieces[p].tops.front();
    const double weight = first < o.weight_of.size() && o.weight_of[first] > 0 ? o.weight_of[first] : 1.0;
    const double area = plan.pieces[p].area * weight;
    bin_of[p] = area >= bin_cap ? bins.alone() : bins.place(area, bin_cap);
  }
  // Pages in depth-first order of their first piece: scanning pieces in order meets each bin first at its first.
  plan.page_of.assign(m, 0);
  plan.pages.push_back({0});
  std::vector<std::size_t> page_of_bin(m, kNoParent);
  for (std::size_t p = 1; p < m; ++p) {
    std::size_t& page = page_of_bin[bin_of[p]];
    if (page == kNoParent) {
      page = plan.pages.size();
      plan.pages.emplace_back();
    }
    plan.page_of[p] = page;
    plan.pages[page].push_back(p);
  }
  return plan;
}

}  // namespace orgchart

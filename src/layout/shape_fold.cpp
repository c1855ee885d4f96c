// The fold of ShapeLayout: a long line of command (each node's heavy child heading most of what is below it)
// cannot reach a page's aspect with every parent above its children: each level nests inside the one above,
// so the drawing grows by a level in height or by a sibling row in width for every step down the line. The
// fold cuts the line into segments (a node's children in a row, the child continuing the line as its box
// only) and lets the segments flow down columns like text; the one link per column break runs up the channel
// between the columns. A segment starts a level gap below what stands above its own span, so it rises beside
// the taller subtrees of the segment above (and may shift right in its column to rise further).
//
//        [v]                 channel
//   ──┬───┬────┬──              │ ──┬────┬──
//   [a]  [h1] [b]               │ [d]  [h3]
//   [a1]  │   [b1]              │       │
//   ──┬───┴──┬──                │ ──┬───┴──
//   [c]     [h2]                │ [e]
//            │                  │
//            └──────────────────┘
#include <algorithm>
#include <cmath>
#include <limits>

#include "shape_layout.hpp"

namespace orgchart::detail {
namespace {

constexpr std::size_t kMinSegments = 8;  ///< a shorter line is better drawn in the usual arrangements
constexpr std::size_t kFoldCaps = 16, kFoldWidths = 32, kFoldLimits = 96;
/// The thorough effort profile (the last; small charts only) samples the fold this many times as densely.
constexpr std::size_t kThoroughFold = 4;
constexpr int kBisections = 12;
constexpr double kAspectRange = 8;  ///< folds are tried for aspects from page / range to page * range
/// A segment tries other places than flush left in its column while the column's outline has at most this
/// many steps (each try scans them).
constexpr std::size_t kShortOutline = 64;

}  // namespace

void ShapeLayout::count_subtrees() {
  const std::size_t items = forest_.size();
  heavy_.assign(items, kNoItem);
  folded_.assign(items, 0);
  for (auto it = forest_.order.rbegin(); it != forest_.order.rend(); ++it) {
    const Index v = *it;
    std::uint32_t nodes = forest_.is_frame(v) ? 0 : 1;
    for (Index c : forest_.children(v)) nodes += subtree_[c];
    subtree_[v] = nodes;
  }
  // A node's line goes on through its largest child subtree when that holds at least half of what is below
  // the node, and the child is a plain node (no block, no side position, no assistants of its own: its
  // segment is a plain row).
  for (Index v = 0; v < forest_.node_count; ++v) {
    Index best = kNoItem;
    for (Index c : forest_.children(v))
      if (!forest_.is_frame(c) && !is_side(c) && (best == kNoItem || subtree_[c] > subtree_[best])) best = c;
    if (best == kNoItem || 2 * std::uint64_t(subtree_[best]) < subtree_[v] - 1) continue;
    const auto kids = forest_.children(best);
    if (std::any_of(kids.begin(), kids.end(), [&](Index c) { return is_side(c); })) continue;
    heavy_[v] = best;
  }
}

std::size_t ShapeLayout::fold_effort() const { return profile_ + 1 == kProfiles ? kThoroughFold : 1; }

void ShapeLayout::fold_caps(Index v) {
  // Caps for the light children's shapes: their heights, spread, and no cap.
  values_.clear();
  for (Index u = v; u != kNoItem; u = heavy_[u])
    for (Index c : forest_.children(u))
      if (c != heavy_[u] && !is_side(c))
        for (const Shape& s : shapes(c)) values_.push_back(s.height);
  std::sort(values_.begin(), values_.end());
  values_.erase(std::unique(values_.begin(), values_.end()), values_.end());
  fold_caps_.clear();
  const std::size_t m = values_.size(), count = kFoldCaps * fold_effort();
  for (std::size_t j = 0; j + 1 < count && m > 0; ++j) fold_caps_.push_back(values_[j * (m - 1) / (count - 2)]);
  fold_caps_.erase(std::unique(fold_caps_.begin(), fold_caps_.end()), fold_caps_.end());
  fold_caps_.push_back(std::numeric_limits<double>::infinity());
}

ShapeLayout::Segment ShapeLayout::segment(Index u, double cap) {
  const TreeLayoutOptions& o = options_;
  Segment seg{u, 0, 0, 0, 0, cap};
  seg.first_piece = static_cast<std::uint32_t>(pieces_.size());
  double x = 0;
  Index prev = kNoItem;
  for (Index c : forest_.children(u)) {
    if (is_side(c)) continue;  // only the head may have side children: they stand in its band
    double w, h, cx, box;
    if (c == heavy_[u]) {
      w = box = input_.size[c].width, h = input_.size[c].height, cx = w / 2;
    } else {
      const Shape& s = shapes(c)[pick(c, cap, false)];
      w = s.width, h = s.height, cx = s.cx;
      box = forest_.is_frame(c) ? s.width : input_.size[c].width;
    }
    if (prev != kNoItem) x += is_leaf(prev) && is_leaf(c) ? o.sibling_gap : o.subtree_gap;
    if (prev == kNoItem) seg.first_left = x + cx - box / 2;
    if (c == heavy_[u]) seg.heavy_x = x + cx;
    seg.last_right = x + cx + box / 2;
    pieces_.push_back({x, x + w, h});
    x += w;
    seg.height = std::max(seg.height, h);
    prev = c;
  }
  seg.width = x;
  seg.pieces = static_cast<std::uint32_t>(pieces_.size() - seg.first_piece);
  return seg;
}

void ShapeLayout::build_segments(Index v, double cap, bool by_width) {
  // By width: each segment takes the lowest of the caps whose row is no wider than `cap` (else the narrowest),
  // so that the segments of a column come out about as wide as the column.
  segments_.clear();
  pieces_.clear();
  for (Index u = v; u != kNoItem; u = heavy_[u]) {
    if (forest_.children(u).empty()) break;  // the line ends in a node without children
    if (!by_width) {
      segments_.push_back(segment(u, cap));
      continue;
    }
    Segment best{};
    for (std::size_t j = 0; j < fold_caps_.size(); ++j) {
      if (j > 0) pieces_.resize(best.first_piece);  // only the kept segment's pieces stay
      best = segment(u, fold_caps_[j]);
      if (best.width <= cap) break;
    }
    segments_.push_back(best);
  }
}

void ShapeLayout::add_folds(Index v) {
  if (forest_.is_frame(v) || heavy_[v] == kNoItem) return;
  const Index p = forest_.parent[v];
  if (p != kNoItem && heavy_[p] == v) return;  // inside a line: only its head folds it (linear work per line)
  std::size_t length = 0;
  for (Index u = v; u != kNoItem && length < kMinSegments; u = heavy_[u]) ++length;
  if (length < kMinSegments) return;
  fold_caps(v);
  // Rows of one cap for all, and rows no wider than a width spread between the narrowest and widest rows.
  std::vector<std::pair<double, bool>> tries;
  for (double cap : fold_caps_) tries.push_back({cap, false});
  double narrow = 0, wide = 0;
  for (Index u = v; u != kNoItem && !forest_.children(u).empty(); u = heavy_[u]) {
    narrow = std::max(narrow, segment(u, fold_caps_.back()).width);
    wide = std::max(wide, segment(u, fold_caps_.front()).width);
  }
  const std::size_t widths = kFoldWidths * fold_effort(), limit_count = kFoldLimits * (fold_effort() + 1) / 2;
  for (std::size_t j = 0; j < widths && wide > narrow; ++j)
    tries.push_back({narrow * std::pow(wide / narrow, double(j) / (widths - 1)) + 1e-9, true});
  const double gap = options_.level_gap;
  for (const auto& [cap, by_width] : tries) {
    build_segments(v, cap, by_width);
    if (segments_.size() < kMinSegments) continue;
    double tallest = 0, total = -gap, area = 0;
    for (const Segment& s : segments_) {
      tallest = std::max(tallest, s.height), total += s.height + gap;
      area += (s.height + gap) * (s.width + options_.subtree_gap);
    }
    // Column heights for aspects spread geometrically around the page's (the area as if each segment had a
    // column of its own width), and the two extremes.
    std::vector<double> limits{tallest, total};
    const double page = options_.page_aspect > 0 ? options_.page_aspect : 1;
    for (std::size_t j = 0; j < limit_count; ++j) {
      const double t = page * std::pow(kAspectRange, 2.0 * double(j) / (limit_count - 1) - 1);
      limits.push_back(std::clamp(std::sqrt(area / t), tallest, total));
    }
    // Each limit gives some number of columns; the least limit that gives no more balances them (a short last
    // column wastes its width); found by bisection, once per number of columns. (A segment rises into the
    // room its predecessors leave, so total / n bounds a column's height from above, not below.)
    auto columns = [&](double limit) { return arrange_fold(v, cap, by_width, limit, false).columns; };
    std::sort(limits.begin(), limits.end());
    std::size_t done = 0;
    for (double l : limits) {
      const std::size_t n = columns(l);
      if (n == done) continue;
      done = n;
      double lo = tallest * (1 - 1e-9);
      for (int it = 0; it < kBisections && l - lo > 1e-6 * l; ++it) {
        const double mid = (lo + l) / 2;
        (columns(mid) <= n ? l : lo) = mid;
      }
      const double limit = l + 1e-9;
      const Content c = arrange_fold(v, cap, by_width, limit, false);
      candidates_.push_back(wrap_content(v, c, Arrangement::kFolded, cap, by_width, limit, false));
    }
  }
}

ShapeLayout::Content ShapeLayout::arrange_fold(Index v, double cap, bool by_width, double limit, bool place) {
  const TreeLayoutOptions& o = options_;
  if (place && by_width) fold_caps(v);
  if (place) build_segments(v, cap, by_width);  // else the caller just built them
  const double gap = o.level_gap, channel = o.subtree_gap;
  Content out;
  if (segments_.empty()) return out;
  out.anchor = (segments_[0].first_left + segments_[0].last_right) / 2;
  out.columns = 1;
  if (place) fold_items_.clear(), fold_owners_.clear();
  // A segment starts a level gap below what stands above its own span (its children and the bus to its
  // owner's centre), not below the whole segment before: it rises beside the taller subtrees of the rows
  // above, and shifts right within the column where that lets it rise more. skyline_ is the column's lower
  // outline: steps by x, descending (the last starts at 0; the first runs on to infinity). A segment flush
  // left replaces the outline's tail: amortised O(1) per step; the other places are tried only while the
  // outline is short (O(kShortOutline) per segment).
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double column_left = 0, column_width = 0, column_bottom = 0, previous_bottom = 0;
  skyline_.assign(1, {0, -kInf});
  auto holding = [&](double x) {  // the index of the step holding x
    return std::partition_point(skyline_.begin(), skyline_.end(), [&](const Step& t) { return t.start > x; }) -
           skyline_.begin();
  };
  auto highest = [&](double a, double b) {
    double above = -kInf;
    for (auto k = holding(b), last = holding(a); k <= last; ++k) above = std::max(above, skyline_[k].bottom);
    return above;
  };
  double owner_x = 0;  // the centre of the box heading the segment at hand, in its column
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    const Segment& seg = segments_[i];
    double y = 0, shift = 0;
    bool first_in_column = i == 0;
    if (i > 0) {
      y = highest(0, std::max(seg.width, owner_x)) + gap;
      if (skyline_.size() <= kShortOutline) {  // centred under the owner, or flush right in the column
        const double room = std::max(0.0, column_width - seg.width);
        for (double x0 : {std::clamp(owner_x - seg.width / 2, 0.0, room), room}) {
          const double t = highest(std::min(x0, owner_x), std::max(x0 + seg.width, owner_x)) + gap;
          if (t < y) y = t, shift = x0;
        }
      }
      if (y + seg.height > limit) {  // on at the top of the next column
        out.height = std::max(out.height, column_bottom + gap / 2);
        previous_bottom = column_bottom;
        column_left += column_width + channel;
        column_width = column_bottom = y = shift = 0;
        first_in_column = true;
        ++out.columns;
        skyline_.assign(1, {0, -kInf});
      }
    }
    // The outline over the segment's span becomes its children's extents and the bus above them.
    const double a = first_in_column ? 0 : std::min(shift, owner_x);
    const double b = first_in_column ? seg.width : std::max(shift + seg.width, owner_x);
    steps_.assign(1, {b, skyline_[holding(b)].bottom});
    double edge = b;
    for (std::uint32_t k = seg.pieces; k-- > 0;) {
      const Piece& p = pieces_[seg.first_piece + k];
      if (shift + p.right < edge) steps_.push_back({shift + p.right, y - gap / 2});
      steps_.push_back({shift + p.left, y + p.height});
      edge = shift + p.left;
    }
    if (edge > a) steps_.push_back({a, y - gap / 2});
    // Steps starting in [a, b] go: from the step holding b (or starting at it) to the last starting at a.
    const auto from = skyline_.begin() + holding(b);
    const auto to = std::partition_point(from, skyline_.end(), [&](const Step& t) { return t.start >= a; });
    skyline_.insert(skyline_.erase(from, to), steps_.begin(), steps_.end());
    column_width = std::max(column_width, shift + seg.width);
    column_bottom = std::max(column_bottom, y + seg.height);
    owner_x = shift + seg.heavy_x;
    if (place) {
      const Index u = seg.owner;
      if (u != v) {
        folded_[u] = 2;
        hub_[u] = y - gap / 2;
        fold_owners_.push_back(u);
      }
      double x = shift;
      Index prev = kNoItem;
      for (Index c : forest_.children(u)) {
        if (is_side(c)) continue;
        if (prev != kNoItem) x += is_leaf(prev) && is_leaf(c) ? o.sibling_gap : o.subtree_gap;
        double w;
        if (c == heavy_[u]) {
          pick_[c] = 0;
          w = input_.size[c].width;
          left_[c] = column_left + x + w / 2 - shapes(c)[0].cx;  // the box's centre; the shape is not used
        } else {
          pick_[c] = pick(c, seg.cap, false);
          w = shapes(c)[pick_[c]].width;
          left_[c] = column_left + x;
        }
        top_[c] = y;
        link_[c] = {Attach::kTop, std::nullopt, std::nullopt, 0, false, std::nullopt, 0};
        if (first_in_column && i > 0) {
          link_[c].channel_x = column_left - channel / 2;
          link_[c].drop_y = previous_bottom + gap / 2;
        }
        fold_items_.push_back(c);
        x += w;
        prev = c;
      }
    }
  }
  out.height = std::max(out.height, column_bottom);
  out.width = column_left + column_width;
  return out;
}

}  // namespace orgchart::detail

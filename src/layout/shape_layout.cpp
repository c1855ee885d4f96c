#include "shape_layout.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "polyline.hpp"

namespace orgchart::detail {
namespace {

/// How hard an item tries: the caps tried for rows, the caps for the other arrangements, the shelf widths or
/// column counts per cap, and the shapes kept (the K of O(n K log K)). Most subtrees are small and their shape
/// matters little; the few large ones, near the roots, decide how the page is filled.
struct Effort {
  std::size_t row_caps, caps, params, shapes;
};
/// Per profile (ShapeLayout's `profile`): tiny, small, large subtrees, and a large root, whose shapes are the
/// page's candidates and combine no further (it tries many more). Profile 0 is the default; the others sample
/// the caps and keep the shapes differently, for small charts that can afford more than one try.
struct Profile {
  Effort tiny, small, large, root;
  bool flush = true;  ///< one column may also hang flush left under its parent
};
constexpr Profile kProfileTable[] = {
    {{4, 3, 3, 6}, {10, 6, 8, 16}, {64, 48, 64, 48}, {192, 128, 192, 48}},
    {{6, 4, 4, 10}, {16, 10, 12, 32}, {96, 64, 96, 96}, {192, 128, 192, 96}},
    {{5, 4, 4, 8}, {12, 8, 10, 24}, {80, 56, 80, 64}, {256, 160, 256, 64}},
    {{4, 3, 3, 6}, {10, 6, 8, 16}, {64, 48, 64, 48}, {192, 128, 192, 48}, false},
    // The thorough one: about twice the caps and shapes of profile 0 (charts of up to kTryAllProfiles only).
    {{8, 6, 6, 16}, {24, 16, 16, 64}, {128, 96, 128, 128}, {256, 160, 256, 128}},
};
static_assert(std::size(kProfileTable) == ShapeLayout::kProfiles);
constexpr Effort kLarge = kProfileTable[0].large;
constexpr std::size_t kSmallSubtree = 12;  ///< nodes from which a subtree is no longer tiny
constexpr std::size_t kLargeSubtree = 100;  ///< nodes from which a subtree counts as large ...
constexpr std::size_t kLargeShare = 1000;   ///< ... and from which share of the whole chart (1 / this)
constexpr double kInf = std::numeric_limits<double>::infinity();

/// Sorts and dedupes `values`, then keeps at most `count` of them, evenly spread, the extremes included.
void spread(std::vector<double>& values, std::size_t count) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  const std::size_t m = values.size();
  if (m <= count) return;
  for (std::size_t j = 0; j < count; ++j) values[j] = values[j * (m - 1) / (count - 1)];
  values.resize(count);
}

}  // namespace

ShapeLayout::ShapeLayout(const ItemForest& forest, const TreeLayoutInput& input, const TreeLayoutOptions& options,
                         std::size_t profile)
    : forest_(forest), input_(input), options_(options), profile_(std::min(profile, kProfiles - 1)) {
  const std::size_t items = forest.size();
  first_.resize(items);
  count_.resize(items);
  chosen_.resize(items);
  left_.resize(items);
  top_.resize(items);
  hub_.resize(items);
  link_.resize(items);
  pick_.resize(items);
  subtree_.resize(items);
  pick_cache_.assign(items, {});
  // Every leaf keeps one shape, a parent a few: reserving for three per item spares the copies of growing.
  pool_.reserve(3 * items);
}

bool ShapeLayout::is_side(Index i) const {
  return !forest_.is_frame(i) && !input_.side.empty() && input_.side[i] != 0 && forest_.parent[i] != kNoItem;
}

Size ShapeLayout::size(Index i) const {
  if (forest_.is_frame(i)) return {shape(i).width, shape(i).height};
  return input_.size[i];
}

std::uint32_t ShapeLayout::pick(Index i, double cap, bool by_width) const {
  // A parent tries one cap with many shelf widths or column heights: the last answer per item is kept.
  PickCache& cached = pick_cache_[i];
  if (cached.cap == cap && cached.by_width == by_width) return cached.index;
  cached = {cap, find(i, cap, by_width), by_width};
  return cached.index;
}

std::uint32_t ShapeLayout::find(Index i, double cap, bool by_width) const {
  const auto s = shapes(i);  // widths ascending, heights strictly descending
  if (by_width) {
    const auto it = std::partition_point(s.begin(), s.end(), [&](const Shape& x) { return x.width <= cap; });
    return it == s.begin() ? 0 : static_cast<std::uint32_t>(it - s.begin() - 1);
  }
  if (cap < 0) {  // the best for the aspect -cap
    const double t = -cap;
    std::uint32_t best = 0;
    for (std::uint32_t j = 1; j < s.size(); ++j)
      if (std::max(s[j].width / t, s[j].height) < std::max(s[best].width / t, s[best].height)) best = j;
    return best;
  }
  const auto it = std::partition_point(s.begin(), s.end(), [&](const Shape& x) { return x.height > cap; });
  return static_cast<std::uint32_t>(std::min<std::ptrdiff_t>(it - s.begin(), std::ssize(s) - 1));
}

double ShapeLayout::run() {
  // Bottom-up: children before parents (reverse pre-order), so every child's list exists when its parent's
  // turn comes. Iterative: no recursion on depth.
  count_subtrees();
  for (auto it = forest_.order.rbegin(); it != forest_.order.rend(); ++it) build_shapes(*it);
  const double need = choose_roots();
  // Top-down: each item realises the shape its holder picked.
  for (Index v : forest_.order) place_item(v);
  return need;
}

ShapeLayout::Band ShapeLayout::side_band(std::span<const Index> sides, bool place) {
  //        [P]
  //   [a]───┼───[b]     pairs left, right in data order; a single last one goes right
  //   [c]───┤
  //         │           (the arrangement's bus follows below)
  Band band;
  const double stub = options_.column_gap;
  double y = 0;
  const std::size_t s = sides.size();
  for (std::size_t j = 0; j < s;) {
    const bool pair = j + 1 < s;
    double h = 0;
    for (std::size_t side = 0; side < (pair ? 2u : 1u); ++side, ++j) {
      const Index c = sides[j];
      // An assistant's own subtree keeps its most compact shape (the least area), whatever the parent does.
      const auto list = shapes(c);
      std::uint32_t best = 0;
      for (std::uint32_t q = 1; q < list.size(); ++q)
        if (list[q].width * list[q].height < list[best].width * list[best].height) best = q;
      const Shape& sh = list[best];
      const bool left = pair && side == 0;
      const double x = left ? -stub - sh.width : stub;
      band.lo = std::min(band.lo, x);
      band.hi = std::max(band.hi, x + sh.width);
      h = std::max(h, sh.height);
      if (place) {
        pick_[c] = best;
        left_[c] = x;
        top_[c] = y;
        link_[c] = {left ? Attach::kRight : Attach::kLeft, 0.0, std::nullopt, 0, true, std::nullopt, 0};
      }
    }
    y += h + options_.row_gap;
  }
  band.height = s == 0 ? 0 : y - options_.row_gap;
  return band;
}

ShapeLayout::Content ShapeLayout::arrange(Index v, std::span<const Index> kids, Arrangement a, double cap,
                                          std::uint32_t param, double limit, bool place) {
  const TreeLayoutOptions& o = options_;
  const bool frame = forest_.is_frame(v);
  const std::size_t k = kids.size();
  auto get = [&](Index c, bool by_width) -> const Shape& {
    const std::uint32_t j = pick(c, cap, by_width);
    if (place) pick_[c] = j;
    return shapes(c)[j];
  };
  auto put = [&](Index c, double x, double y, Attach at, std::optional<double> lane, double bus) {
    if (!place) return;
    left_[c] = x;
    top_[c] = y;
    link_[c] = {at, lane, std::nullopt, bus, false, std::nullopt, 0};
  };
  // The own box of a child in its shape: a node's box, or the whole frame.
  auto box_width = [&](Index c, const Shape& s) { return forest_.is_frame(c) ? s.width : input_.size[c].width; };
  Content out;
  switch (a) {
    case Arrangement::kNone: break;
    case Arrangement::kFolded:
      if (!place) build_segments(v, cap, param != 0);
      return arrange_fold(v, cap, param != 0, limit, place);
    case Arrangement::kRow: {
      //   ──┬──────┬───┬──   bus; the parent is centred over the first box's left .. the last box's right
      //   [a]  [l][b]  [c]   subtrees top-aligned, each in its narrowest shape no taller than cap. A child
      //   [a1 a2]  [b1]      short enough stands beside a neighbour's own box, above that one's bus (its
      //                      shoulder): boxes keep their order, a subtree's bounding box below its shoulder.
      // row_steps_ is the row's right outline: steps by y, the top one last; each runs from the end of the one
      // after it (0 for the last) to its y_end. A child replaces the outline over its own height, so each
      // step is scanned about once: O(k).
      row_steps_.clear();
      row_x_.resize(k);
      double lo = kInf, hi = -kInf, first_left = 0, last_right = 0;
      for (std::size_t i = 0; i < k; ++i) {
        const Index c = kids[i];
        const Shape& s = get(c, false);
        const bool leaf = is_leaf(c);
        const double box_left = s.cx - box_width(c, s) / 2, box_right = s.cx + box_width(c, s) / 2;
        const double shoulder = std::min(s.shoulder, s.height);
        double x = 0;
        if (i > 0) {
          x = -kInf;
          double start = 0;
          for (std::size_t j = row_steps_.size(); j-- > 0 && start < s.height;) {
            const RowStep& t = row_steps_[j];
            const double g = t.leaf && leaf ? o.sibling_gap : o.subtree_gap;
            if (start < shoulder) x = std::max(x, t.right + g - box_left);  // its box beside the step
            if (t.y_end > shoulder) x = std::max(x, t.right + g);           // its whole width beside it
            start = t.y_end;
          }
        }
        while (!row_steps_.empty() && row_steps_.back().y_end <= s.height) row_steps_.pop_back();
        row_steps_.push_back({s.height, x + s.width, leaf});
        if (shoulder > 0) row_steps_.push_back({shoulder, x + box_right, false});
        row_x_[i] = x;
        lo = std::min(lo, x);
        hi = std::max(hi, x + s.width);
        if (i == 0) first_left = x + box_left;
        last_right = x + box_right;
        out.height = std::max(out.height, s.height);
      }
      for (std::size_t i = 0; i < k; ++i) put(kids[i], row_x_[i] - lo, 0, Attach::kTop, std::nullopt, 0);
      out.width = hi - lo;
      out.anchor = (first_left + last_right) / 2 - lo;
      break;
    }
    case Arrangement::kColumns: {
      //   ──┬──────┬─      bus; each column hangs from a spine half a column gap left of it
      //     ├[a]   ├[c]    column-major, `param` rows per column, each child no wider than cap
      //     └[b]   └[d]    one column hangs from the parent's centre line; several are centred under it
      // With a `limit`, a column ends where the next child would take it past that height (columns of
      // subtrees of unequal heights balance by height, not by count).
      const std::size_t rows = limit > 0 ? k : std::max<std::size_t>(param, 1);
      const double stub = o.column_gap / 2;
      double column_left = stub;
      std::size_t columns = 0;
      for (std::size_t begin = 0, end = 0; begin < k; begin = end, ++columns) {
        end = std::min(k, begin + rows);
        if (limit > 0) {
          double h = shapes(kids[begin])[pick(kids[begin], cap, true)].height;
          for (end = begin + 1; end < k; ++end) {
            h += o.row_gap + shapes(kids[end])[pick(kids[end], cap, true)].height;
            if (h > limit) break;
          }
        }
        double column_width = 0, y = 0;
        for (std::size_t i = begin; i < end; ++i) {
          const Shape& s = get(kids[i], true);
          put(kids[i], column_left, y, Attach::kLeft, column_left - stub, 0);
          y += s.height + o.row_gap;
          column_width = std::max(column_width, s.width);
        }
        out.height = std::max(out.height, y - o.row_gap);
        column_left += column_width + o.column_gap;
      }
      out.width = column_left - o.column_gap;
      // A flush parent's box starts at the first spine: its bus runs left from the centre line to it.
      out.anchor = flush_ && !frame ? input_.size[v].width / 2 : columns == 1 ? 0 : out.width / 2;
      out.columns = columns;
      break;
    }
    case Arrangement::kShelves: {
      //   ┬──┬──────┬──     the first shelf hangs from the bus like a row; a later one from the trunk down
      //   │ [tall]  [b]     the area's left edge, along its own bus halfway up the gap above it. Short
      //   │ [t2]  ┬         subtrees stack in a column beside a tall one (pack_shelves()), each reached down
      //   ├──┬─── └[b2]     a lane half a gap left of its column and in from above.
      //   │ [c]   [d]       shelves at most `limit` wide, children no taller than cap
      item_sizes_.resize(k);
      for (std::size_t i = 0; i < k; ++i) {
        const Shape& s = get(kids[i], false);
        item_sizes_[i] = {s.width, s.height};
      }
      // Tighter than the roots' shelves: siblings a sibling gap apart, stacked a row gap apart; `param` settles
      // the shelves (short children ahead of a shelf's tallest stack too).
      const ShelfGaps gaps{o.sibling_gap, o.level_gap, o.row_gap, true, param != 0};
      const ShelfPacking p = pack_shelves(item_sizes_, limit, gaps, place ? &spots_ : nullptr);
      // A node's trunk runs half a subtree gap left of the shelves; a block's trunk is its own (in its padding).
      const double margin = !frame && (p.shelves > 1 || p.lead_stacked) ? o.subtree_gap / 2 : 0;
      const double trunk = frame ? -o.group_padding / 2 : 0;
      if (place)
        for (std::size_t i = 0; i < k; ++i) {
          const ShelfSpot& spot = spots_[i];
          put(kids[i], margin + spot.left, spot.top, Attach::kTop, std::nullopt, 0);
          Link& l = link_[kids[i]];
          if (spot.shelf > 0) l.trunk_x = trunk, l.bus_y = spot.shelf_top - o.level_gap / 2;
          if (!spot.column_head) l.lane_x = spot.left == 0 ? trunk : margin + spot.left - o.sibling_gap / 2;
        }
      out.width = margin + p.width;
      out.height = p.height;
      out.anchor = out.width / 2;
      break;
    }
    case Arrangement::kHanging: {
      //        │
      //   [a]──┼──[b]      a list on both sides of the parent's centre line: left, right, row by row,
      //   [c]──┼──[d]      each child no wider than cap
      //   [e]──┘
      const double stub = o.column_gap / 2;
      double left_width = 0, right_width = 0;
      for (std::size_t i = 0; i < k; ++i) {
        const double w = shapes(kids[i])[pick(kids[i], cap, true)].width;
        (i % 2 == 0 ? left_width : right_width) = std::max(i % 2 == 0 ? left_width : right_width, w);
      }
      const double line = left_width + stub;
      double y = 0;
      for (std::size_t i = 0; i < k; i += 2) {
        const Shape& l = get(kids[i], true);
        put(kids[i], line - stub - l.width, y, Attach::kRight, line, 0);
        double h = l.height;
        if (i + 1 < k) {
          const Shape& r = get(kids[i + 1], true);
          put(kids[i + 1], line + stub, y, Attach::kLeft, line, 0);
          h = std::max(h, r.height);
        }
        y += h + o.row_gap;
      }
      out.width = line + stub + right_width;
      out.height = y - o.row_gap;
      out.anchor = line;
      break;
    }
  }
  return out;
}

ShapeLayout::Shape ShapeLayout::wrap_content(Index v, const Content& c, Arrangement a, double cap,
                                             std::uint32_t param, double limit, bool place) {
  const TreeLayoutOptions& o = options_;
  Shape s{0, 0, 0, cap, param, limit, a, flush_};
  if (forest_.is_frame(v)) {
    //  ┌─ caption ──────┐   a block: padding around its content, the caption on top; the trunk runs down half
    //  │┬───┬─────┬     │   a padding inside its left edge to the bus under the caption. Columns start at
    //  ││  [a]   [b]     │   the trunk (it is their first spine), shelves a padding in, a row centred.
    //  └────────────────┘
    const std::size_t f = v - forest_.node_count;
    const double pad = o.group_padding, inset = pad + (forest_.has_caption[f] ? o.caption_height : 0);
    double content_left = a == Arrangement::kColumns ? pad / 2 : pad;
    s.width = std::max(content_left + c.width + pad, forest_.caption_width[f] + 2 * pad);
    if (a == Arrangement::kRow) content_left = (s.width - c.width) / 2;
    s.height = inset + c.height + pad;
    s.cx = s.width / 2;
    origin_x_ = content_left;
    origin_y_ = inset;
    hub_rel_ = inset - pad / 2;
    return s;
  }
  //      [P]           a node: its box, its side band (assistants), then the arrangement below a bus
  //   [s]─┤
  //   ┌───┴───┐
  const Size box = input_.size[v];
  double lo = -box.width / 2, hi = box.width / 2, bottom = box.height;
  const double band_top = box.height + o.level_gap / 2;
  if (has_band_) {
    lo = std::min(lo, band_.lo);
    hi = std::max(hi, band_.hi);
    bottom = band_top + band_.height;
  }
  // A list hanging from the centre line needs no bus: it starts a row gap below; columns need a short bus.
  const bool hangs = a == Arrangement::kHanging || (a == Arrangement::kColumns && c.columns == 1 && !flush_);
  const double gap = hangs ? std::max(o.row_gap, o.level_gap / 4) : a == Arrangement::kColumns ? o.level_gap / 2 : o.level_gap;
  const double content_top = bottom + gap;
  if (a != Arrangement::kNone) {
    lo = std::min(lo, -c.anchor);
    hi = std::max(hi, c.width - c.anchor);
    bottom = content_top + c.height;
  }
  s.width = hi - lo;
  s.height = bottom;
  s.cx = -lo;
  // Beside the box, down to a row gap above the bus (or the side band), nothing of the subtree stands: a short
  // neighbour in a row may stand there.
  if (a != Arrangement::kNone || has_band_)
    s.shoulder = std::max(0.0, (has_band_ ? std::min(band_top, content_top - gap / 2) : content_top - gap / 2) - o.row_gap);
  origin_x_ = s.cx - c.anchor;
  origin_y_ = content_top;
  hub_rel_ = content_top - gap / 2;
  if (place)
    for (Index side : sides_) {
      left_[side] += s.cx;
      top_[side] += band_top;
      link_[side].lane_x = s.cx;
    }
  return s;
}

void ShapeLayout::build_shapes(Index v) {
  candidates_.clear();
  const std::uint32_t nodes = subtree_[v];
  const bool root = forest_.parent[v] == kNoItem;
  // Large effort only where a subtree is a visible part of the page: in a huge chart, a subtree of a few
  // hundred units is a speck, and the few thousand large ones bound the cost.
  const std::size_t large = std::max(kLargeSubtree, forest_.node_count / kLargeShare);
  const Profile& p = kProfileTable[profile_];
  const Effort& effort = nodes >= large ? (root ? p.root : p.large) : nodes >= kSmallSubtree ? p.small : p.tiny;
  // A root's list is not combined any further: it keeps every shape on its front, so the page picks freely.
  max_shapes_ = root ? SIZE_MAX : effort.shapes;
  const std::size_t row_caps = effort.row_caps, cap_count = effort.caps, params = effort.params;
  if (is_leaf(v)) {
    const Size b = input_.size[v];
    candidates_.push_back({b.width, b.height, b.width / 2, 0, 0, 0, Arrangement::kNone});
    keep_best(v, candidates_);
    return;
  }
  kids_.clear();
  sides_.clear();
  for (Index c : forest_.children(v)) (is_side(c) ? sides_ : kids_).push_back(c);
  has_band_ = !sides_.empty();
  if (has_band_) band_ = side_band(sides_, false);
  const std::size_t k = kids_.size();
  if (k == 0) {
    candidates_.push_back(wrap_content(v, {}, Arrangement::kNone, 0, 0, 0, false));
    keep_best(v, candidates_);
    return;
  }
  auto add = [&](Arrangement a, double cap, std::uint32_t param, double limit) {
    flush_ = false;
    const Content c = arrange(v, kids_, a, cap, param, limit, false);
    candidates_.push_back(wrap_content(v, c, a, cap, param, limit, false));
    // One column also flush left under its parent: narrower by about half the parent's box.
    if (a == Arrangement::kColumns && c.columns == 1 && !forest_.is_frame(v) && kProfileTable[profile_].flush) {
      flush_ = true;
      const Content f = arrange(v, kids_, a, cap, param, limit, false);
      candidates_.push_back(wrap_content(v, f, a, cap, param, limit, false));
      flush_ = false;
    }
  };
  const bool all_single = std::all_of(kids_.begin(), kids_.end(), [&](Index c) { return count_[c] == 1; });
  // The caps worth trying: the children's own heights (for rows and shelves) or widths (for columns and
  // hanging lists), a few of them spread from the least to the most; one when no child has a choice.
  auto caps = [&](bool by_width, std::size_t count) {
    std::vector<double> out;
    if (all_single) return std::vector<double>{kInf};
    for (Index c : kids_)
      for (const Shape& s : shapes(c)) out.push_back(by_width ? s.width : s.height);
    spread(out, count);
    return out;
  };
  for (double cap : caps(false, row_caps)) add(Arrangement::kRow, cap, 0, 0);
  if (k >= 2) {
    const std::vector<double> width_caps = caps(true, cap_count);
    // Rows per column: one column (a hanging list), and a few more columns, spread geometrically.
    std::vector<std::uint32_t> rows{static_cast<std::uint32_t>(k)};
    for (std::size_t j = 1; j <= params && k >= 3; ++j) {
      const auto r = static_cast<std::uint32_t>(std::llround(std::pow(double(k), double(j) / (params + 1))));
      if (r >= 2 && r < k && r != rows.back()) rows.push_back(r);
    }
    for (double cap : width_caps) {
      for (std::uint32_t r : rows) add(Arrangement::kColumns, cap, r, 0);
      if (!all_single && k >= 3) {
        // Columns balanced by height: limits spread from the tallest child to all of them in one column.
        double tallest = 0, total = 0;
        for (Index c : kids_) {
          const double h = shapes(c)[pick(c, cap, true)].height;
          tallest = std::max(tallest, h);
          total += h + options_.row_gap;
        }
        for (std::size_t j = 0; j < params / 2; ++j)
          add(Arrangement::kColumns, cap, 0, tallest + (total - tallest) * std::pow(double(j) / (params / 2), 2.0) + 1e-9);
      }
      if (k >= 3 && !forest_.is_frame(v)) add(Arrangement::kHanging, cap, 0, 0);
    }
  }
  if (k >= 3) {
    std::vector<double> shelf_caps = caps(false, cap_count);
    if (!all_single)  // children shaped for one aspect (negative caps), not all under one height
      for (double t : {0.5, 1.0, 2.0, 4.0}) shelf_caps.push_back(-t * options_.page_aspect);
    for (double cap : shelf_caps) {
      // Shelf widths: the first j children in a row, for j spread from 1 to k (every j for a few children).
      double prefix = 0;
      std::size_t next_j = 1, tried = 0;
      for (std::size_t i = 0; i < k; ++i) {
        prefix += shapes(kids_[i])[pick(kids_[i], cap, false)].width + (i > 0 ? options_.sibling_gap : 0);
        if (i + 1 < next_j) continue;
        // Settled (trying the unsettled packing too, where settling changed it, raised the suite's E on A4
        // landscape by 0.0006 for one more packing per try).
        add(Arrangement::kShelves, cap, 1, prefix * (1 + 1e-9));
        ++tried;
        // The next j: evenly spread over what is left for the tries that are left.
        const std::size_t left = params + 1 > tried ? params + 1 - tried : 1;
        next_j = std::max(i + 2, i + 1 + (k - i - 1 + left - 1) / left);
        if (next_j > k) next_j = k;
      }
    }
  }
  add_folds(v);
  keep_best(v, candidates_);
}

void ShapeLayout::keep_best(Index v, std::vector<Shape>& c) {
  // The Pareto front: narrowest first, each strictly lower than the one before; ties keep the earlier (the
  // simpler arrangement: rows are tried first).
  std::stable_sort(c.begin(), c.end(), [](const Shape& a, const Shape& b) {
    return a.width != b.width ? a.width < b.width : a.height < b.height;
  });
  std::size_t kept = 0;
  for (const Shape& s : c)
    if (kept == 0 || s.height < c[kept - 1].height) c[kept++] = s;
  c.resize(kept);
  first_[v] = static_cast<std::uint32_t>(pool_.size());
  const std::size_t max_shapes = max_shapes_;
  if (kept <= max_shapes) {
    pool_.insert(pool_.end(), c.begin(), c.end());
    count_[v] = static_cast<std::uint32_t>(kept);
    return;
  }
  // Too many: keep the best for max_shapes aspect ratios spread geometrically over the front's range, and
  // (a large subtree may end up filling the page) a quarter of them near the page's aspect.
  const double a0 = c.front().width / std::max(c.front().height, 1e-9);
  const double a1 = c.back().width / std::max(c.back().height, 1e-9);
  aspects_.clear();
  const std::size_t near = max_shapes_ >= kLarge.shapes && options_.page_aspect > 0 ? max_shapes / 4 : 0;
  for (std::size_t j = 0; j + near < max_shapes; ++j)
    aspects_.push_back(a0 * std::pow(a1 / a0, double(j) / (max_shapes - near - 1)));
  for (std::size_t j = 0; j < near; ++j) {
    const double t = options_.page_aspect * std::pow(4.0, double(j) / (near - 1) - 0.5);
    if (t > a0 && t < a1) aspects_.push_back(t);
  }
  std::sort(aspects_.begin(), aspects_.end());
  // max(w / t, h) along the front (w ascending, h descending) falls, then rises: its first minimum moves right
  // as t grows, so one pass over the front serves all the aspects.
  std::size_t i = 0, last = SIZE_MAX;
  std::uint32_t n = 0;
  for (const double t : aspects_) {
    auto need = [&](std::size_t j) { return std::max(c[j].width / t, c[j].height); };
    while (i + 1 < kept && need(i + 1) < need(i)) ++i;
    if (i != last) {
      pool_.push_back(c[i]);
      ++n;
      last = i;
    }
  }
  count_[v] = n;
}

double ShapeLayout::choose_roots() {
  const auto& roots = forest_.roots;
  bounds_ = {};
  if (roots.empty()) return 0;
  const TreeLayoutOptions& o = options_;
  auto need = [&](double w, double h) {
    return std::max((w + o.page_reserve.width) / o.page_aspect, h + o.page_reserve.height);
  };
  values_.clear();
  for (Index r : roots)
    for (const Shape& s : shapes(r)) values_.push_back(s.height);
  // Every height a cap for one root (its list is all it has); fewer per root for many (each costs a packing).
  spread(values_, roots.size() <= 64 ? std::max<std::size_t>(3 * kLarge.shapes, 8192 / roots.size()) : kLarge.caps);
  const std::vector<double> caps = values_;
  double best = kInf;
  sizes_.resize(roots.size());
  for (double cap : caps) {
    for (std::size_t i = 0; i < roots.size(); ++i) {
      const Shape& s = shapes(roots[i])[pick(roots[i], cap, false)];
      sizes_[i] = {s.width, s.height};
    }
    for (int stacking = 0; stacking < 3; ++stacking) {  // no stacking, stacking, settled
      const ShelfGaps gaps{o.subtree_gap, o.level_gap, o.stack_gap, stacking > 0, stacking > 1};
      const double limit = best_shelf_limit(std::span<const Size>(sizes_), gaps, [&](const ShelfPacking& p) {
        return ShelfFit{need(p.width, p.height),
                        (p.width + o.page_reserve.width) / o.page_aspect > p.height + o.page_reserve.height};
      });
      const ShelfPacking p = pack_shelves(sizes_, limit, gaps);
      if (const double n = need(p.width, p.height); n < best) {
        best = n;
        root_cap_ = cap;
        root_limit_ = limit;
        root_stacking_ = stacking;
      }
    }
  }
  for (std::size_t i = 0; i < roots.size(); ++i) {
    chosen_[roots[i]] = first_[roots[i]] + pick(roots[i], root_cap_, false);
    sizes_[i] = {shape(roots[i]).width, shape(roots[i]).height};
  }
  const ShelfGaps gaps{o.subtree_gap, o.level_gap, o.stack_gap, root_stacking_ > 0, root_stacking_ > 1};
  const ShelfPacking p = pack_shelves(sizes_, root_limit_, gaps, &spots_);
  for (std::size_t i = 0; i < roots.size(); ++i) {
    left_[roots[i]] = spots_[i].left;
    top_[roots[i]] = spots_[i].top;
  }
  bounds_ = {0, 0, p.width, p.height};
  return best;
}

void ShapeLayout::place_item(Index v) {
  if (is_leaf(v) || folded_[v] == 2) return;  // inside a fold: placed with its head
  const Shape s = shape(v);
  kids_.clear();
  sides_.clear();
  for (Index c : forest_.children(v)) (is_side(c) ? sides_ : kids_).push_back(c);
  has_band_ = !sides_.empty();
  if (has_band_) band_ = side_band(sides_, true);
  flush_ = s.flush;
  const Content c = arrange(v, kids_, s.arrangement, s.cap, s.param, s.limit, true);
  wrap_content(v, c, s.arrangement, s.cap, s.param, s.limit, true);
  flush_ = false;
  const double ox = left_[v] + origin_x_, oy = top_[v] + origin_y_;
  if (s.arrangement == Arrangement::kFolded) {
    folded_[v] = 1;
    kids_ = fold_items_;  // every segment's children, shifted below like the own ones
    for (Index u : fold_owners_) hub_[u] += oy;
  }
  for (Index kid : kids_) {
    left_[kid] += ox;
    top_[kid] += oy;
    Link& l = link_[kid];
    if (l.lane_x) *l.lane_x += ox;
    if (l.trunk_x) *l.trunk_x += ox;
    l.bus_y += oy;
    if (l.channel_x) *l.channel_x += ox, l.drop_y += oy;
    chosen_[kid] = first_[kid] + pick_[kid];
  }
  for (Index side : sides_) {
    left_[side] += left_[v];
    top_[side] += top_[v];
    *link_[side].lane_x += left_[v];
    chosen_[side] = first_[side] + pick_[side];
  }
  hub_[v] = top_[v] + hub_rel_;
}

void ShapeLayout::route(Index parent, Index child, std::vector<Point>& line) const {
  line.clear();
  append_orthogonal(line, {centre_x(parent), top_[parent] + input_.size[parent].height});
  const Index holder = forest_.parent[child];
  if (forest_.is_frame(holder)) route_into(parent, holder, line);
  route_into(holder, child, line);
}

void ShapeLayout::route_into(Index holder, Index item, std::vector<Point>& line) const {
  const TreeLayoutOptions& o = options_;
  const bool frame = forest_.is_frame(item);
  // Where the connector meets the item: a node's box, or a block at its trunk (from above) or at the bus
  // under its caption (from the side).
  const Size box = size(item);
  const double left = centre_x(item) - box.width / 2, right = left + box.width;
  const double entry_x = frame ? left + o.group_padding / 2 : centre_x(item);
  const double mid_y =
      frame ? top_[item] + (hub_[item] - top_[item]) : top_[item] + box.height / 2;
  const double source_x = forest_.is_frame(holder) ? left_[holder] + o.group_padding / 2 : centre_x(holder);
  const Link& l = link_[item];
  const double edge = l.attach == Attach::kRight ? right : left;
  if (l.side) {  // straight off the parent's centre line
    append_orthogonal(line, {source_x, mid_y});
    append_orthogonal(line, {edge, mid_y});
    return;
  }
  if (l.channel_x) {  // from the foot of the previous column, up the channel between the columns
    append_orthogonal(line, {source_x, l.drop_y});
    append_orthogonal(line, {*l.channel_x, l.drop_y});
  }
  append_orthogonal(line, {l.channel_x ? *l.channel_x : source_x, hub_[holder]});
  if (l.attach == Attach::kTop) {
    double y = hub_[holder];
    if (l.trunk_x) {  // a later shelf: down the trunk, to its own bus
      append_orthogonal(line, {*l.trunk_x, y});
      y = l.bus_y;
      append_orthogonal(line, {*l.trunk_x, y});
    }
    if (l.lane_x) {  // below another in its column: down the lane, in through the gap above
      append_orthogonal(line, {*l.lane_x, y});
      y = top_[item] - o.row_gap / 2;
      append_orthogonal(line, {*l.lane_x, y});
    }
    append_orthogonal(line, {entry_x, y});
    append_orthogonal(line, {entry_x, top_[item]});
    return;
  }
  // Down a spine or the parent's line, and along a stub into the side.
  append_orthogonal(line, {*l.lane_x, hub_[holder]});
  append_orthogonal(line, {*l.lane_x, mid_y});
  append_orthogonal(line, {edge, mid_y});
}

}  // namespace orgchart::detail

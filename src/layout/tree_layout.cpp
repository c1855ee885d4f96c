#include "orgchart/layout/tree_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "item_forest.hpp"
#include "shelf_pack.hpp"
#include "polyline.hpp"
#include "shape_layout.hpp"
#include "tidy_tree.hpp"

namespace orgchart {
namespace {

using detail::Index;

void check_options(const TreeLayoutOptions& o) {
  const std::pair<const char*, double> lengths[] = {
      {"sibling_gap", o.sibling_gap},       {"subtree_gap", o.subtree_gap},   {"level_gap", o.level_gap},
      {"column_gap", o.column_gap},         {"row_gap", o.row_gap},           {"group_padding", o.group_padding},
      {"caption_height", o.caption_height}, {"caption_char_width", o.caption_char_width},
      {"stack_gap", o.stack_gap},           {"page_reserve.width", o.page_reserve.width},
      {"page_reserve.height", o.page_reserve.height}};
  for (const auto& [name, value] : lengths)
    if (!std::isfinite(value) || value < 0)
      throw std::invalid_argument(std::string("layout_tree: option ") + name + " is negative, infinite or NaN");
  if (std::isnan(o.page_aspect)) throw std::invalid_argument("layout_tree: option page_aspect is NaN");
}

/// The page the chart is fitted to: only its aspect matters, and what the caller adds around the drawing.
struct Page {
  double aspect, reserve_width, reserve_height;
  /// The page height at which the drawing fits at scale 1: the fitted scale is inversely proportional to it.
  double need(double w, double h) const { return std::max((w + reserve_width) / aspect, h + reserve_height); }
  bool too_wide(double w, double h) const { return (w + reserve_width) / aspect > h + reserve_height; }
};

/// One combination of the compaction choices, and how the chart then fits.
struct Choice {
  std::size_t rows = 0;  ///< chart-wide rows per stacked column (< 2: none)
  double wrap = std::numeric_limits<double>::infinity();  ///< the aspect wrapped parents aim at (inf: none)
  double limit = std::numeric_limits<double>::infinity();  ///< the width of the roots' shelves
  bool stack_roots = false;  ///< short trees stack beside a tall one
  double width = 0, height = 0, need = std::numeric_limits<double>::infinity();
};

/// Tries combinations of rows per column and wrap aspect; for each, the best shelf width for the roots.
class Search {
 public:
  Search(detail::TidyTree& tidy, const Page& page, const detail::ShelfGaps& gaps)
      : tidy_(tidy), page_(page), gaps_(gaps) {}

  Choice evaluate(std::size_t rows, double wrap) {
    rows = std::max<std::size_t>(rows, 1);
    for (const Choice& c : tried_)  // a handful: the bisections meet at combinations tried before
      if (c.rows == rows && c.wrap == wrap) return c;
    tidy_.place(rows, wrap);
    const std::span<const Size> trees(tidy_.root_sizes());
    auto fit = [&](const detail::ShelfPacking& p) {
      return detail::ShelfFit{page_.need(p.width, p.height), page_.too_wide(p.width, p.height)};
    };
    // A column of short trees may reach below the shelf's tallest, so plain rows are tried too.
    Choice c;
    for (bool stacking : {false, true}) {
      detail::ShelfGaps gaps = gaps_;
      gaps.stacking = stacking;
      const double limit = detail::best_shelf_limit(trees, gaps, fit);
      const detail::ShelfPacking p = detail::pack_shelves(trees, limit, gaps);
      const double need = page_.need(p.width, p.height);
      if (need < c.need) c = {rows, wrap, limit, stacking, p.width, p.height, need};
    }
    if (c.need < best_.need) best_ = c;  // ties keep the earlier, less compacted choice
    tried_.push_back(c);
    return c;
  }

  /// More rows per column make every tree narrower and taller: bisection for where the chart stops being too
  /// wide for the page, then the better side. O(log most) passes.
  void bisect_rows(std::size_t most, double wrap) {
    std::size_t lo = 1, hi = std::max<std::size_t>(most, 1);
    if (!too_wide(evaluate(lo, wrap)) || hi == lo || too_wide(evaluate(hi, wrap))) return;
    while (hi - lo > 1) {
      const std::size_t mid = lo + (hi - lo) / 2;
      (too_wide(evaluate(mid, wrap)) ? lo : hi) = mid;
    }
  }

  const Choice& best() const { return best_; }

 private:
  bool too_wide(const Choice& c) const { return page_.too_wide(c.width, c.height); }

  detail::TidyTree& tidy_;
  Page page_;
  detail::ShelfGaps gaps_;
  Choice best_;
  std::vector<Choice> tried_;
};

/// Charts up to this many items try every effort profile of the arrangement choice (a few ms each).
constexpr std::size_t kTryAllProfiles = 5000;

/// Every combination when the chart is small enough that they cost no more than this many items placed.
constexpr std::size_t kTryEverything = std::size_t{1} << 18;

Choice choose_compaction(detail::TidyTree& tidy, const detail::ItemForest& forest, const TreeLayoutOptions& o,
                         const detail::ShelfGaps& gaps) {
  const Page page{o.page_aspect, o.page_reserve.width, o.page_reserve.height};
  Search search(tidy, page, gaps);
  std::size_t most = 1;  // the largest leaf set: beyond it, more rows change nothing
  bool wraps = false;
  for (std::size_t i = 0; i < forest.size(); ++i) {
    if (forest.leaf_only[i]) most = std::max<std::size_t>(most, forest.children(static_cast<Index>(i)).size());
    wraps = wraps || forest.wrappable[i];
  }
  const double inf = std::numeric_limits<double>::infinity(), a = o.page_aspect, root2 = std::sqrt(2.0);
  if (forest.size() * most * (wraps ? 6 : 1) <= kTryEverything) {
    std::vector<double> aims{inf};
    if (wraps) aims.insert(aims.end(), {2 * a, root2 * a, a, a / root2, a / 2});
    for (double wrap : aims)
      for (std::size_t rows = 1; rows <= most; ++rows) search.evaluate(rows, wrap);
    return search.best();
  }
  // One choice at a time: rows without wrapping, then the wrap aspect, then rows again with it.
  search.bisect_rows(most, inf);
  if (wraps) {
    const std::size_t rows = search.best().rows;
    for (double wrap : {2 * a, a, a / 2}) search.evaluate(rows, wrap);
    if (std::isfinite(search.best().wrap)) search.bisect_rows(most, search.best().wrap);
  }
  return search.best();
}

void append(std::vector<Point>& line, Point q) { detail::append_orthogonal(line, q); }

/// The tidy tree's connector, y down:
///
///        [parent]
///           │
///   ─┬──────┴───┐      bus, halfway down the level gap
///   [a]        ┌┴─ caption ─┐   a block: down its trunk, half a padding inside its left edge, to a second bus
///              │┬────┬      │   under the caption
///              │[b]  [c]    │
///
/// Below a wrapped parent a child on a later shelf is reached down the trunk left of the whole area and along
/// the bus above its shelf (Via::trunk); one below another in its column down the lane left of the column
/// (Via::lane). Into a stacked child: down the spine left of its column and along a stub into its left side.
void route(const detail::TidyTree& tree, const detail::ItemForest& forest, const TreeLayoutOptions& o,
           Index parent, Index child, std::vector<Point>& line) {
  const Size parent_size = tree.size(parent), child_size = tree.size(child);
  const double parent_x = tree.centre_x(parent), child_x = tree.centre_x(child);
  const double bus_y = tree.top(parent) + parent_size.height + o.level_gap / 2;
  line.clear();
  append(line, {parent_x, tree.top(parent) + parent_size.height});  // 1. down from the parent's bottom centre
  append(line, {parent_x, bus_y});
  const Index holder = forest.parent[child];
  const Index item = forest.is_frame(holder) ? holder : child;  // what stands in the parent's row
  double y = bus_y;
  bool from_the_side = false;
  if (const detail::TidyTree::Via* via = tree.via(item)) {  // 2. below a wrapped parent: trunk, then lane
    const double item_x = tree.centre_x(item), item_top = tree.top(item);
    if (via->trunk) {
      append(line, {item_x + via->trunk->dx, y});
      y = item_top + via->trunk->bus_dy;
      append(line, {item_x + via->trunk->dx, y});
    }
    if (via->lane_dx) {
      append(line, {item_x + *via->lane_dx, y});
      y = forest.is_frame(item) ? item_top + tree.frame_inset(item) - o.group_padding / 2 : item_top - o.stack_gap / 2;
      append(line, {item_x + *via->lane_dx, y});
      from_the_side = true;
    }
  }
  double hub_y = y;
  if (forest.is_frame(holder)) {  // 3. in a block: down its trunk to the bus under the caption
    const double trunk = tree.centre_x(holder) - tree.size(holder).width / 2 + o.group_padding / 2;
    hub_y = tree.top(holder) + tree.frame_inset(holder) - o.group_padding / 2;
    if (!from_the_side) append(line, {trunk, y});
    append(line, {trunk, hub_y});
  }
  if (tree.stacked(holder)) {  // 4a. stacked: down the spine, along the stub into the left side
    const double left = child_x - child_size.width / 2, mid_y = tree.top(child) + child_size.height / 2;
    const double spine = left - o.column_gap / 2;
    append(line, {spine, hub_y});
    append(line, {spine, mid_y});
    append(line, {left, mid_y});
  } else {  // 4b. in a row: along the bus, down into the top centre
    append(line, {child_x, hub_y});
    append(line, {child_x, tree.top(child)});
  }
}

/// The result of the tidy tree (with its chart-wide compaction when `choice` asks for it).
TreeLayoutResult tidy_result(const TreeLayoutInput& input, const TreeLayoutOptions& options,
                             const detail::ItemForest& forest, detail::TidyTree& tidy, const Choice& choice) {
  detail::ShelfGaps gaps{options.subtree_gap, options.level_gap, options.stack_gap, choice.stack_roots};
  const std::size_t max_rows = choice.rows < 2 ? 0 : choice.rows;
  if (tidy.max_rows() != max_rows || tidy.wrap_aspect() != choice.wrap) tidy.place(max_rows, choice.wrap);
  tidy.pack_roots(choice.limit, gaps);
  tidy.resolve();

  TreeLayoutResult result;
  const std::size_t n = forest.node_count;
  result.max_rows_per_column = max_rows;
  result.centre.resize(n);
  result.stacked.resize(n);
  result.wrapped.resize(n);
  result.arrangement.resize(n);
  result.attach.assign(n, Attach::kTop);
  result.continued.assign(n, false);
  auto arrangement = [&](Index i) {
    return forest.children(i).empty() ? Arrangement::kNone
           : tidy.stacked(i)          ? Arrangement::kColumns
           : tidy.wrapped(i)          ? Arrangement::kShelves
                                      : Arrangement::kRow;
  };
  for (std::size_t v = 0; v < n; ++v) {
    const auto i = static_cast<Index>(v);
    result.centre[v] = {tidy.centre_x(i), tidy.top(i) + tidy.size(i).height / 2};
    result.stacked[v] = tidy.stacked(i);
    result.wrapped[v] = tidy.wrapped(i);
    result.arrangement[v] = arrangement(i);
    if (forest.parent[v] != detail::kNoItem && tidy.stacked(forest.parent[v])) result.attach[v] = Attach::kLeft;
  }
  result.edges.reserve(n - forest.roots.size());
  std::vector<Point> line;
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t c : input.children[p]) {
      route(tidy, forest, options, static_cast<Index>(p), static_cast<Index>(c), line);
      result.edges.push_back({p, c, line});  // a copy: one allocation of the exact size
    }
  result.groups.reserve(forest.size() - n);
  for (std::size_t i = n; i < forest.size(); ++i) {
    const auto frame = static_cast<Index>(i);
    const Size s = tidy.size(frame);
    const Rect rect{tidy.centre_x(frame) - s.width / 2, tidy.top(frame), s.width, s.height};
    result.groups.push_back({forest.frame_parent[i - n], forest.frame_group[i - n], rect, {}, {},
                             tidy.stacked(frame), arrangement(frame)});
  }
  result.bounds = tidy.bounds();
  return result;
}

/// The result of the arrangement-choosing layout.
TreeLayoutResult shape_result(const TreeLayoutInput& input,
                              const detail::ItemForest& forest, const detail::ShapeLayout& shapes) {
  TreeLayoutResult result;
  const std::size_t n = forest.node_count;
  result.centre.resize(n);
  result.stacked.resize(n);
  result.wrapped.resize(n);
  result.arrangement.resize(n);
  result.attach.resize(n);
  result.continued.resize(n);
  for (std::size_t v = 0; v < n; ++v) {
    const auto i = static_cast<Index>(v);
    result.centre[v] = {shapes.centre_x(i), shapes.top(i) + shapes.size(i).height / 2};
    result.arrangement[v] = shapes.arrangement(i);
    result.stacked[v] = result.arrangement[v] == Arrangement::kColumns;
    result.wrapped[v] = result.arrangement[v] == Arrangement::kShelves;
    result.attach[v] = shapes.attach(i);
    result.continued[v] = shapes.continued(i);
    result.max_rows_per_column = std::max<std::size_t>(result.max_rows_per_column, shapes.rows_per_column(i));
  }
  result.edges.reserve(n - forest.roots.size());
  std::vector<Point> line;
  for (std::size_t p = 0; p < n; ++p)
    for (std::size_t c : input.children[p]) {
      shapes.route(static_cast<Index>(p), static_cast<Index>(c), line);
      result.edges.push_back({p, c, line});
    }
  result.groups.reserve(forest.size() - n);
  for (std::size_t i = n; i < forest.size(); ++i) {
    const auto frame = static_cast<Index>(i);
    const Size s = shapes.size(frame);
    const Rect rect{shapes.centre_x(frame) - s.width / 2, shapes.top(frame), s.width, s.height};
    const Arrangement a = shapes.arrangement(frame);
    result.groups.push_back({forest.frame_parent[i - n], forest.frame_group[i - n], rect, {}, {},
                             a == Arrangement::kColumns, a});
  }
  result.bounds = shapes.bounds();
  return result;
}

}  // namespace

TreeLayoutResult layout_tree(const TreeLayoutInput& input, const TreeLayoutOptions& options) {
  check_options(options);
  const detail::ItemForest forest = detail::build_item_forest(input, options);
  const bool compact = options.compact && options.page_aspect > 0 && std::isfinite(options.page_aspect);
  const bool has_side = std::any_of(input.side.begin(), input.side.end(), [](std::uint8_t s) { return s != 0; });
  TreeLayoutResult result;
  if (compact && options.choose_arrangements) {
    // A small chart tries every effort profile and keeps the one that fits best: their samples of caps and
    // shapes differ, and each misses some good shapes the others find.
    std::unique_ptr<detail::ShapeLayout> best;
    double need = std::numeric_limits<double>::infinity();
    const std::size_t profiles = forest.size() <= kTryAllProfiles ? detail::ShapeLayout::kProfiles : 1;
    for (std::size_t profile = 0; profile < profiles; ++profile) {
      auto next = std::make_unique<detail::ShapeLayout>(forest, input, options, profile);
      if (const double n = next->run(); n < need) need = n, best = std::move(next);  // ties keep the earlier
    }
    const detail::ShapeLayout& shapes = *best;
    // The tidy tree's chart-wide compaction is one more candidate (its contours nest subtrees closer than
    // bounding boxes can), unless assistants must stand beside their parents: it knows no side placement.
    bool use_shapes = true;
    if (!has_side) {
      detail::TidyTree tidy(forest, input.size, options);
      detail::ShelfGaps gaps{options.subtree_gap, options.level_gap, options.stack_gap, true};
      const Choice choice = choose_compaction(tidy, forest, options, gaps);
      if (choice.need <= need) result = tidy_result(input, options, forest, tidy, choice);
      use_shapes = choice.need > need;
    }
    if (use_shapes) result = shape_result(input, forest, shapes);
  } else {
    detail::TidyTree tidy(forest, input.size, options);
    detail::ShelfGaps gaps{options.subtree_gap, options.level_gap, options.stack_gap, true};
    const Choice choice = compact ? choose_compaction(tidy, forest, options, gaps) : Choice{};
    result = tidy_result(input, options, forest, tidy, choice);
  }
  // Captions, from the input: the same for either layout.
  for (GroupBox& box : result.groups) {
    const std::size_t p = box.parent;
    const auto g = static_cast<std::size_t>(box.group);
    if (p < input.group_label.size() && g < input.group_label[p].size()) box.caption = input.group_label[p][g];
    const double pad = options.group_padding;
    if (!box.caption.empty())
      box.caption_rect = {box.rect.x + pad, box.rect.y, box.rect.width - 2 * pad, options.caption_height};
  }
  return result;
}

}  // namespace orgchart

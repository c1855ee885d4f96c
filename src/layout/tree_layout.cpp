#include "orgchart/layout/tree_layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "item_forest.hpp"
#include "tidy_tree.hpp"

namespace orgchart {
namespace {

using detail::Index;

void check_options(const TreeLayoutOptions& o) {
  const std::pair<const char*, double> lengths[] = {
      {"sibling_gap", o.sibling_gap},       {"subtree_gap", o.subtree_gap},   {"level_gap", o.level_gap},
      {"column_gap", o.column_gap},         {"row_gap", o.row_gap},           {"group_padding", o.group_padding},
      {"caption_height", o.caption_height}, {"caption_char_width", o.caption_char_width}};
  for (const auto& [name, value] : lengths)
    if (!std::isfinite(value) || value < 0)
      throw std::invalid_argument(std::string("layout_tree: option ") + name + " is negative, infinite or NaN");
  if (std::isnan(o.page_aspect)) throw std::invalid_argument("layout_tree: option page_aspect is NaN");
}

/// Binary search over one chart-wide "rows per column" r: more rows make the chart narrower and taller.
std::size_t choose_max_rows(detail::TidyTree& tidy, const detail::ItemForest& forest, const TreeLayoutOptions& o) {
  if (!o.compact || !(o.page_aspect > 0) || std::isinf(o.page_aspect)) return 0;
  std::size_t most = 0;  // the largest leaf set: beyond it, r changes nothing
  for (std::size_t i = 0; i < forest.size(); ++i)
    if (forest.leaf_only[i]) most = std::max<std::size_t>(most, forest.children(static_cast<Index>(i)).size());
  if (most < 2) return 0;
  auto aspect = [&](std::size_t r) {
    tidy.place(r);
    const Rect b = tidy.bounds();
    return b.height > 0 ? b.width / b.height : std::numeric_limits<double>::infinity();
  };
  auto miss = [&](double a) { return std::abs(std::log(a / o.page_aspect)); };
  double a_lo = aspect(1);
  if (a_lo <= o.page_aspect) return 0;
  double a_hi = aspect(most);
  if (a_hi >= o.page_aspect) return most;
  std::size_t lo = 1, hi = most;  // aspect(lo) > page_aspect >= aspect(hi)
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const double a = aspect(mid);
    if (a > o.page_aspect) lo = mid, a_lo = a;
    else hi = mid, a_hi = a;
  }
  return miss(a_lo) <= miss(a_hi) ? (lo < 2 ? 0 : lo) : hi;
}

/// Appends q to an orthogonal polyline, dropping repeated points and merging straight runs. Coordinates that
/// differ from the previous point only by rounding are snapped to it so that every segment stays axis-aligned.
void append(std::vector<Point>& line, Point q) {
  if (!line.empty()) {
    const Point p = line.back();
    const double eps = 1e-9 * (1 + std::abs(p.x) + std::abs(p.y));
    if (std::abs(q.x - p.x) <= eps) q.x = p.x;
    if (std::abs(q.y - p.y) <= eps) q.y = p.y;
    if (q.x == p.x && q.y == p.y) return;
    if (line.size() >= 2) {
      const Point o = line[line.size() - 2];
      if ((o.x == p.x && p.x == q.x) || (o.y == p.y && p.y == q.y)) {
        line.back() = q;
        return;
      }
    }
  }
  line.push_back(q);
}

/// Down from the parent to the bus halfway to its children, along it, then (in a group block) down the
/// block's left margin to a second bus under the caption, and into the child: from above in a row, from
/// the stub left of its column when stacked.
void route(const detail::TidyTree& t, const detail::ItemForest& f, const TreeLayoutOptions& o, Index parent,
           Index child, std::vector<Point>& line) {
  const Size ps = t.size(parent), cs = t.size(child);
  const double px = t.centre_x(parent), cx = t.centre_x(child), bus_y = t.top(parent) + ps.height + o.level_gap / 2;
  line.clear();
  append(line, {px, t.top(parent) + ps.height});
  append(line, {px, bus_y});
  Index holder = f.parent[child];
  double hub_y = bus_y;
  if (f.is_frame(holder)) {
    const double trunk = t.centre_x(holder) - t.size(holder).width / 2 + o.group_padding / 2;
    hub_y = t.top(holder) + t.frame_inset(holder) - o.group_padding / 2;
    append(line, {trunk, bus_y});
    append(line, {trunk, hub_y});
  }
  if (t.stacked(holder)) {
    const double left = cx - cs.width / 2, mid_y = t.top(child) + cs.height / 2, spine = left - o.column_gap / 2;
    append(line, {spine, hub_y});
    append(line, {spine, mid_y});
    append(line, {left, mid_y});
  } else {
    append(line, {cx, hub_y});
    append(line, {cx, t.top(child)});
  }
}

}  // namespace

TreeLayoutResult layout_tree(const TreeLayoutInput& input, const TreeLayoutOptions& options) {
  check_options(options);
  const detail::ItemForest forest = detail::build_item_forest(input, options);
  detail::TidyTree tidy(forest, input.size, options);
  const std::size_t max_rows = choose_max_rows(tidy, forest, options);
  if (tidy.max_rows() != max_rows) tidy.place(max_rows);
  tidy.resolve();

  TreeLayoutResult result;
  const std::size_t n = forest.node_count;
  result.max_rows_per_column = max_rows;
  result.centre.resize(n);
  result.stacked.resize(n);
  for (std::size_t v = 0; v < n; ++v) {
    const auto i = static_cast<Index>(v);
    result.centre[v] = {tidy.centre_x(i), tidy.top(i) + tidy.size(i).height / 2};
    result.stacked[v] = tidy.stacked(i);
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
    const std::size_t p = forest.frame_parent[i - n];
    const auto g = static_cast<std::size_t>(forest.frame_group[i - n]);
    const Size s = tidy.size(frame);
    const Rect rect{tidy.centre_x(frame) - s.width / 2, tidy.top(frame), s.width, s.height};
    const double pad = options.group_padding;
    GroupBox box{p, forest.frame_group[i - n], rect, {}, {}, tidy.stacked(frame)};
    if (p < input.group_label.size() && g < input.group_label[p].size()) box.caption = input.group_label[p][g];
    if (!box.caption.empty()) box.caption_rect = {rect.x + pad, rect.y, s.width - 2 * pad, options.caption_height};
    result.groups.push_back(std::move(box));
  }
  result.bounds = tidy.bounds();
  return result;
}

}  // namespace orgchart

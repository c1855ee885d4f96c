#include "item_forest.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace orgchart::detail {
namespace {

[[noreturn]] void fail(const std::string& what) { throw std::invalid_argument("layout_tree: " + what); }

std::string node_name(std::size_t v) { return "node " + std::to_string(v); }

bool valid_length(double d) { return std::isfinite(d) && d >= 0; }

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void check_shapes(const TreeLayoutInput& in) {
  const std::size_t n = in.size.size();
  auto check_count = [n](std::size_t got, const char* what, bool may_be_empty) {
    if (got != n && !(may_be_empty && got == 0))
      fail(std::string(what) + " has " + std::to_string(got) + " entries for " + std::to_string(n) + " nodes");
  };
  check_count(in.children.size(), "children", false);
  check_count(in.group.size(), "group", true);
  check_count(in.group_label.size(), "group_label", true);
  check_count(in.group_label_width.size(), "group_label_width", true);
  check_count(in.side.size(), "side", true);
  // Frames add at most one item per node, and item indices are 32-bit.
  if (n >= kNoItem / 2) fail("too many nodes (" + std::to_string(n) + ")");
  for (std::size_t v = 0; v < n; ++v) {
    if (!valid_length(in.size[v].width) || !valid_length(in.size[v].height))
      fail(node_name(v) + " has a negative, infinite or NaN size");
    if (!in.group.empty() && in.group[v] < -1) fail(node_name(v) + " has group " + std::to_string(in.group[v]));
  }
}

/// Every node exactly once among the roots and the children lists.
void check_listed_once(const TreeLayoutInput& in) {
  const std::size_t n = in.size.size();
  std::vector<std::uint8_t> seen(n, 0);
  auto mark = [&](std::size_t v) {
    if (v >= n) fail("node index " + std::to_string(v) + " out of range (" + std::to_string(n) + " nodes)");
    if (seen[v]) fail(node_name(v) + " is listed twice (as a root or a child)");
    seen[v] = 1;
  };
  for (std::size_t r : in.roots) mark(r);
  for (const auto& kids : in.children)
    for (std::size_t c : kids) mark(c);
  const auto missing = std::find(seen.begin(), seen.end(), 0);
  if (missing != seen.end()) fail(node_name(static_cast<std::size_t>(missing - seen.begin())) + " is neither a root nor a child");
}

/// Group ids made dense, so that per-parent lookups can use plain arrays.
std::vector<Index> dense_groups(const std::vector<int>& group, std::size_t& count) {
  std::vector<int> values;
  for (int g : group)
    if (g >= 0) values.push_back(g);
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  count = values.size();
  std::vector<Index> dense(group.size(), kNoItem);
  for (std::size_t v = 0; v < group.size(); ++v)
    if (group[v] >= 0)
      dense[v] = static_cast<Index>(std::lower_bound(values.begin(), values.end(), group[v]) - values.begin());
  return dense;
}

double caption_width(const TreeLayoutInput& in, const TreeLayoutOptions& o, std::size_t p, int g,
                     const std::string& caption) {
  const auto gi = static_cast<std::size_t>(g);
  if (p < in.group_label_width.size() && gi < in.group_label_width[p].size()) {
    const double w = in.group_label_width[p][gi];
    if (!valid_length(w)) fail("group_label_width of " + node_name(p) + " is negative, infinite or NaN");
    return w;
  }
  return static_cast<double>(code_points(caption)) * o.caption_char_width;
}

}  // namespace

ItemForest build_item_forest(const TreeLayoutInput& in, const TreeLayoutOptions& o) {
  check_shapes(in);
  check_listed_once(in);
  const std::size_t n = in.size.size();

  ItemForest f;
  f.node_count = n;
  f.parent.assign(n, kNoItem);
  std::vector<Index> count(n, 0);  // children per item, frames appended as they appear
  std::size_t group_count = 0;
  const std::vector<Index> dense = in.group.empty() ? std::vector<Index>() : dense_groups(in.group, group_count);
  std::vector<Index> frame_of(group_count, kNoItem), owner(group_count, kNoItem);  // valid when owner == parent
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t c : in.children[p]) {
      // A side node (an assistant) hangs beside its parent, never in a block.
      const bool side = !in.side.empty() && in.side[c] != 0;
      const Index g = dense.empty() || side ? kNoItem : dense[c];
      if (g == kNoItem) {
        f.parent[c] = static_cast<Index>(p);
        ++count[p];
        continue;
      }
      if (owner[g] != p) {
        owner[g] = static_cast<Index>(p);
        frame_of[g] = static_cast<Index>(f.parent.size());
        f.parent.push_back(static_cast<Index>(p));
        count.push_back(0);
        ++count[p];
        const int group = in.group[c];
        f.frame_parent.push_back(p);
        f.frame_group.push_back(group);
        const auto gi = static_cast<std::size_t>(group);
        static const std::string kNoCaption;
        const std::string& caption =
            p < in.group_label.size() && gi < in.group_label[p].size() ? in.group_label[p][gi] : kNoCaption;
        f.caption_width.push_back(caption_width(in, o, p, group, caption));
        f.has_caption.push_back(caption.empty() ? 0 : 1);
      }
      f.parent[c] = frame_of[g];
      ++count[frame_of[g]];
    }
  }
  for (std::size_t r : in.roots) f.parent[r] = kNoItem;

  const std::size_t items = f.parent.size();
  f.child_begin.assign(items + 1, 0);
  for (std::size_t i = 0; i < items; ++i) f.child_begin[i + 1] = f.child_begin[i] + count[i];
  f.child.resize(f.child_begin[items]);
  std::vector<Index> next(f.child_begin.begin(), f.child_begin.end() - 1);
  for (std::size_t p = 0; p < n; ++p) {
    for (std::size_t c : in.children[p]) {
      const Index holder = f.parent[c];
      // A frame takes its place among the parent's children where its first member appears.
      if (holder != p && next[holder] == f.child_begin[holder]) f.child[next[p]++] = holder;
      f.child[next[holder]++] = static_cast<Index>(c);
    }
  }

  f.roots.assign(in.roots.begin(), in.roots.end());
  f.order.reserve(items);
  std::vector<Index> stack(f.roots.rbegin(), f.roots.rend());
  while (!stack.empty()) {
    const Index v = stack.back();
    stack.pop_back();
    f.order.push_back(v);
    const auto kids = f.children(v);
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  if (f.order.size() != items) {
    // Every node is listed once, so climbing from a node the roots do not reach must come round a cycle.
    std::vector<std::uint8_t> seen(items, 0);
    for (Index i : f.order) seen[i] = 1;
    auto v = static_cast<std::size_t>(std::find(seen.begin(), seen.end(), 0) - seen.begin());
    while (!seen[v]) {
      seen[v] = 1;
      v = f.parent[v];
      if (f.is_frame(static_cast<Index>(v))) v = f.frame_parent[v - n];
    }
    fail(node_name(v) + " is on a cycle");
  }

  f.leaf_only.assign(items, 0);
  f.wrappable.assign(items, 0);
  for (std::size_t i = 0; i < items; ++i) {
    const auto kids = f.children(static_cast<Index>(i));
    f.leaf_only[i] = !kids.empty() && std::all_of(kids.begin(), kids.end(), [&](Index c) {
      return !f.is_frame(c) && f.child_begin[c] == f.child_begin[c + 1];
    });
    f.wrappable[i] = i < n && kids.size() >= 2 &&
                     std::any_of(kids.begin(), kids.end(), [&](Index c) { return f.is_frame(c); });
  }
  return f;
}

}  // namespace orgchart::detail

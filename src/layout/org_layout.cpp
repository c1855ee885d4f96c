#include "orgchart/layout/org_layout.hpp"

#include <cctype>
#include <map>

#include "relation_routes.hpp"

namespace orgchart {

std::optional<PageSize> parse_page(const std::string& text) {
  static const std::map<std::string, PageSize> kPages = {
      {"a4-landscape", {842, 595}}, {"a4", {595, 842}},        {"a3-landscape", {1191, 842}},
      {"a3", {842, 1191}},          {"letter", {612, 792}},    {"letter-landscape", {792, 612}},
  };
  if (auto it = kPages.find(text); it != kPages.end()) return it->second;
  // WxH with an optional unit: pt (default), mm, in.
  double scale = 1;
  std::string body = text;
  auto ends_with = [&](const char* suffix) {
    const std::string s = suffix;
    return body.size() > s.size() && body.compare(body.size() - s.size(), s.size(), s) == 0;
  };
  if (ends_with("mm")) scale = 72 / 25.4, body.resize(body.size() - 2);
  else if (ends_with("in")) scale = 72, body.resize(body.size() - 2);
  else if (ends_with("pt")) body.resize(body.size() - 2);
  const auto x = body.find('x');
  if (x == std::string::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    const double w = std::stod(body.substr(0, x), &used);
    if (used != x) return std::nullopt;
    const std::string hs = body.substr(x + 1);
    const double h = std::stod(hs, &used);
    if (used != hs.size() || !(w > 0) || !(h > 0)) return std::nullopt;
    return PageSize{w * scale, h * scale};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Layout org_layout(const OrgGraph& g, const std::vector<Size>& sizes, const OrgLayoutOptions& options, Size legend) {
  const std::size_t n = boost::num_vertices(g.graph);
  TreeLayoutInput in;
  in.size.resize(n);
  in.children.resize(n);
  in.group.assign(n, -1);
  in.group_label.resize(n);
  in.side.assign(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    // An assistant or staff position stands beside its parent, on a branch of its own.
    if (g.graph[v].type == NodeType::kUnit && g.unit(v).placement == "side") in.side[v] = 1;
    in.size[v] = sizes[v];
    in.children[v] = std::vector<std::size_t>(g.children[v].begin(), g.children[v].end());
    // Groups by first appearance among the children, so block order follows the data.
    std::map<std::string, int> group_of;
    for (Vertex c : g.children[v]) {
      if (g.graph[c].type != NodeType::kUnit) continue;
      const std::string& grp = g.unit(c).group;
      if (grp.empty()) continue;
      auto [it, fresh] = group_of.emplace(grp, static_cast<int>(in.group_label[v].size()));
      if (fresh) in.group_label[v].push_back(grp);
      in.group[c] = it->second;
    }
  }
  in.roots = std::vector<std::size_t>(g.roots.begin(), g.roots.end());
  const bool has_legend = legend.width > 0 && legend.height > 0;
  if (has_legend) {  // one more leaf root, the last
    in.size.push_back(legend);
    in.children.emplace_back();
    in.group.push_back(-1);
    in.group_label.emplace_back();
    in.side.push_back(0);
    in.roots.push_back(n);
  }

  // The page fit must count what is added around the drawing: the margins and the title band.
  TreeLayoutOptions tree = options.tree;
  tree.page_reserve = {2 * options.margin, 2 * options.margin + options.title_height};
  const TreeLayoutResult r = layout_tree(in, tree);

  // Shift by the margin and the title band so that the drawing starts inside the page.
  const double dx = options.margin, dy = options.margin + options.title_height;
  auto shift = [&](Point p) { return Point{p.x + dx, p.y + dy}; };
  Layout out;
  out.centre.resize(n);
  out.size = sizes;
  out.hierarchy_route.resize(n);
  for (std::size_t v = 0; v < n; ++v) out.centre[v] = shift(r.centre[v]);
  if (has_legend) {
    const Point c = shift(r.centre[n]);
    out.legend = Rect{c.x - legend.width / 2, c.y - legend.height / 2, legend.width, legend.height};
  }
  for (const auto& e : r.edges) {
    auto& route = out.hierarchy_route[e.child];
    for (const auto& p : e.points) route.push_back(shift(p));
  }
  for (const auto& grp : r.groups) {
    Rect rect = grp.rect;
    rect.x += dx;
    rect.y += dy;
    Rect caption = grp.caption_rect;
    caption.x += dx;
    caption.y += dy;
    out.groups.push_back({static_cast<Vertex>(grp.parent), grp.caption, rect, caption});
  }
  out.bounds = Rect{0, 0, std::max(r.bounds.width, options.title_width) + 2 * options.margin,
                    r.bounds.height + 2 * options.margin + options.title_height};
  route_relations(g, out);
  return out;
}

}  // namespace orgchart

#include <algorithm>
#include <climits>

#include "orgchart/layout/pages_flow.hpp"
#include "relation_routes.hpp"

namespace orgchart {

Layout flow_layout(const OrgGraph& g, const std::vector<Size>& sizes, const std::vector<int>& column,
                   const FlowLayoutOptions& o) {
  const FlowGeometry& geo = o.geometry;
  const std::size_t n = boost::num_vertices(g.graph);
  Layout out;
  out.centre.resize(n);
  out.size = sizes;
  out.hierarchy_route.resize(n);

  // Preorder, a vertex's side cards first among its children.
  std::vector<Vertex> order, parent(n, Graph::null_vertex()), stack, kids;
  std::vector<int> depth(n, 0);
  order.reserve(n);
  for (auto it = g.roots.rbegin(); it != g.roots.rend(); ++it) stack.push_back(*it);
  auto is_side = [&](Vertex v) { return g.graph[v].type == NodeType::kUnit && g.unit(v).placement == "side"; };
  while (!stack.empty()) {
    const Vertex v = stack.back();
    stack.pop_back();
    order.push_back(v);
    kids.clear();
    for (Vertex c : g.children[v])
      if (is_side(c)) kids.push_back(c);
    for (Vertex c : g.children[v])
      if (!is_side(c)) kids.push_back(c);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) {
      parent[*it] = v;
      depth[*it] = depth[v] + 1;
      stack.push_back(*it);
    }
  }

  auto col_of = [&](Vertex v) { return std::max(0, v < column.size() ? column[v] : 0); };
  int columns = 0;
  for (Vertex v : order) columns = std::max(columns, col_of(v) + 1);
  std::vector<int> base(columns, INT_MAX);
  std::vector<double> maxv(columns, -1e300), x(columns, o.margin), y(columns, 0), bottom(columns, 0);
  for (Vertex v : order) {
    const int k = col_of(v);
    base[k] = std::min(base[k], depth[v]);
    maxv[k] = std::max(maxv[k], depth[v] * geo.indent + sizes[v].width);
  }
  auto width = [&](int k) { return base[k] == INT_MAX ? 0.0 : maxv[k] - base[k] * geo.indent; };
  for (int k = 1; k < columns; ++k) x[k] = x[k - 1] + width(k - 1) + geo.column_gap;
  const double top = o.margin + o.title_height + geo.edge;
  std::fill(y.begin(), y.end(), top);
  std::fill(bottom.begin(), bottom.end(), top);
  for (Vertex v : order) {
    const int k = col_of(v);
    const Size s = sizes[v];
    out.centre[v] = {x[k] + (depth[v] - base[k]) * geo.indent + s.width / 2, y[k] + s.height / 2};
    bottom[k] = y[k] + s.height;
    y[k] += s.height + geo.row_gap;
  }

  // Connectors: down the parent's spine (half an indent in from its left edge, or the gap left of a column whose
  // cards are all deeper), and in to the child's left side; across the foot and top of columns between.
  auto spine = [&](int k, int d) { return x[k] + std::max(d - base[k], -1) * geo.indent + geo.indent / 2; };
  for (Vertex v : order) {
    const Vertex p = parent[v];
    if (p == Graph::null_vertex()) continue;
    auto& route = out.hierarchy_route[v];
    const int kp = col_of(p), kv = std::max(col_of(v), kp), d = depth[p];
    route.push_back({spine(kp, d), out.centre[p].y + sizes[p].height / 2});
    for (int k = kp; k < kv; ++k) {
      const double foot = bottom[k] + geo.edge / 2, head = top - geo.edge / 2, gap = x[k + 1] - geo.column_gap / 2;
      route.push_back({spine(k, d), foot});
      route.push_back({gap, foot});
      route.push_back({gap, head});
      route.push_back({spine(k + 1, d), head});
    }
    const Point c = out.centre[v];
    route.push_back({spine(kv, d), c.y});
    route.push_back({c.x - sizes[v].width / 2, c.y});
  }

  double right = o.margin + o.title_width, low = top;
  for (int k = 0; k < columns; ++k) {
    right = std::max(right, x[k] + width(k));
    low = std::max(low, bottom[k]);
  }
  out.bounds = Rect{0, 0, right + o.margin, low + std::max(geo.foot, geo.edge / 2) + std::max(o.margin - geo.edge / 2, 0.0)};
  route_relations(g, out);
  return out;
}

}  // namespace orgchart

#include "relation_routes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <unordered_set>

namespace orgchart {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxGridPoints = 4e6;  ///< about 270 MB of Dijkstra state at most

Rect box_of(const Layout& l, std::size_t v) {
  return {l.centre[v].x - l.size[v].width / 2, l.centre[v].y - l.size[v].height / 2, l.size[v].width, l.size[v].height};
}

Rect grow(Rect r, double d) { return {r.x - d, r.y - d, r.width + 2 * d, r.height + 2 * d}; }

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool inside(const Rect& outer, const Rect& r) {
  return r.x >= outer.x && r.y >= outer.y && r.x + r.width <= outer.x + outer.width && r.y + r.height <= outer.y + outer.height;
}

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Directions: 0 right, 1 down, 2 left, 3 up.
constexpr int kDx[] = {1, 0, -1, 0};
constexpr int kDy[] = {0, 1, 0, -1};

/// The sparse grid: every obstacle's (widened) edge coordinates and the ports, with what is blocked.
class Grid {
 public:
  Grid(const std::vector<Rect>& obstacles, const std::vector<Point>& extra, const Rect& bounds) {
    for (const Rect& r : obstacles) {
      xs_.push_back(r.x), xs_.push_back(r.x + r.width);
      ys_.push_back(r.y), ys_.push_back(r.y + r.height);
    }
    for (const Point& p : extra) xs_.push_back(p.x), ys_.push_back(p.y);
    xs_.push_back(bounds.x), xs_.push_back(bounds.x + bounds.width);
    ys_.push_back(bounds.y), ys_.push_back(bounds.y + bounds.height);
    auto unique_sorted = [](std::vector<double>& v) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end(), [](double a, double b) { return std::abs(a - b) < 1e-6; }), v.end());
    };
    unique_sorted(xs_);
    unique_sorted(ys_);
    nx_ = xs_.size(), ny_ = ys_.size();
    node_.assign(nx_ * ny_, 0);
    h_.assign(nx_ * ny_, 0);  // step (i, j) -> (i + 1, j)
    v_.assign(nx_ * ny_, 0);  // step (i, j) -> (i, j + 1)
    for (const Rect& r : obstacles) {
      const std::size_t x0 = index(xs_, r.x), x1 = index(xs_, r.x + r.width);
      const std::size_t y0 = index(ys_, r.y), y1 = index(ys_, r.y + r.height);
      // Strictly inside: nodes and steps in the open rectangle; its border stays free.
      for (std::size_t j = y0 + 1; j < y1; ++j)
        for (std::size_t i = x0; i < x1; ++i) {
          h_[at(i, j)] = 1;
          if (i > x0) node_[at(i, j)] = 1;
        }
      for (std::size_t i = x0 + 1; i < x1; ++i)
        for (std::size_t j = y0; j < y1; ++j) v_[at(i, j)] = 1;
    }
  }

  std::size_t index(const std::vector<double>& v, double x) const {
    auto it = std::lower_bound(v.begin(), v.end(), x - 1e-6);
    return static_cast<std::size_t>(it - v.begin());
  }
  std::size_t at(std::size_t i, std::size_t j) const { return j * nx_ + i; }
  std::size_t nx() const { return nx_; }
  std::size_t ny() const { return ny_; }
  Point point(std::size_t n) const { return {xs_[n % nx_], ys_[n / nx_]}; }
  std::size_t node_of(Point p) const { return at(index(xs_, p.x), index(ys_, p.y)); }
  bool blocked(std::size_t n) const { return node_[n] != 0; }
  /// The neighbour of node n in direction d, or npos when the step is blocked or leaves the grid.
  std::size_t step(std::size_t n, int d) const {
    const std::size_t i = n % nx_, j = n / nx_;
    switch (d) {
      case 0: return i + 1 < nx_ && !h_[n] ? n + 1 : npos;
      case 2: return i > 0 && !h_[n - 1] ? n - 1 : npos;
      case 1: return j + 1 < ny_ && !v_[n] ? n + nx_ : npos;
      default: return j > 0 && !v_[n - nx_] ? n - nx_ : npos;
    }
  }
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<double> xs_, ys_;
  std::size_t nx_ = 0, ny_ = 0;
  std::vector<unsigned char> node_, h_, v_;
};

/// A port: where a route leaves or enters a box (on its border) and the grid point just outside.
struct Port {
  Point border, outside;
  int dir;  ///< the direction pointing away from the box
};

std::vector<Port> ports_of(const Rect& r, double c) {
  const double cx = r.x + r.width / 2, cy = r.y + r.height / 2;
  return {{{cx, r.y + r.height}, {cx, r.y + r.height + c}, 1},
          {{cx, r.y}, {cx, r.y - c}, 3},
          {{r.x + r.width, cy}, {r.x + r.width + c, cy}, 0},
          {{r.x, cy}, {r.x - c, cy}, 2}};
}

std::vector<Point> simplify(const std::vector<Point>& pts) {
  std::vector<Point> out;
  for (const Point& p : pts) {
    if (!out.empty() && std::abs(out.back().x - p.x) < 1e-9 && std::abs(out.back().y - p.y) < 1e-9) continue;
    if (out.size() >= 2) {
      const Point& a = out[out.size() - 2];
      const Point& b = out.back();
      const bool collinear = (std::abs(a.x - b.x) < 1e-9 && std::abs(b.x - p.x) < 1e-9) ||
                             (std::abs(a.y - b.y) < 1e-9 && std::abs(b.y - p.y) < 1e-9);
      if (collinear) out.back() = p;
      else out.push_back(p);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

class Router {
 public:
  Router(const Grid& grid, const RelationRouteOptions& o) : grid_(grid), o_(o) {}

  /// The cheapest orthogonal path from one of `from` to one of `to`; empty when none exists.
  std::vector<Point> route(const std::vector<Port>& from, const std::vector<Port>& to) {
    const std::size_t n = grid_.nx() * grid_.ny();
    dist_.assign(n * 4, kInf);
    prev_.assign(n * 4, Grid::npos);
    using Item = std::pair<double, std::size_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
    for (const Port& p : from) {
      const std::size_t s = grid_.node_of(p.outside);
      if (s >= n || grid_.blocked(s)) continue;
      const std::size_t state = s * 4 + static_cast<std::size_t>(p.dir);
      if (dist_[state] > 0) dist_[state] = 0, queue.push({0, state});
    }
    std::vector<std::pair<std::size_t, int>> goals;  // node, the direction arriving into the box
    for (const Port& p : to) {
      const std::size_t t = grid_.node_of(p.outside);
      if (t < n && !grid_.blocked(t)) goals.push_back({t, (p.dir + 2) % 4});
    }
    double best = kInf;
    std::size_t best_state = Grid::npos;
    int best_goal = -1;
    while (!queue.empty()) {
      auto [d, state] = queue.top();
      queue.pop();
      if (d > dist_[state] || d >= best) continue;
      const std::size_t node = state / 4;
      const int dir = static_cast<int>(state % 4);
      for (std::size_t k = 0; k < goals.size(); ++k)
        if (goals[k].first == node) {
          const double total = d + (dir == goals[k].second ? 0 : o_.bend_cost);
          if (total < best) best = total, best_state = state, best_goal = static_cast<int>(k);
        }
      for (int nd = 0; nd < 4; ++nd) {
        if (nd == (dir + 2) % 4) continue;  // no U-turn
        const std::size_t next = grid_.step(node, nd);
        if (next == Grid::npos || grid_.blocked(next)) continue;
        const Point a = grid_.point(node), b = grid_.point(next);
        double cost = std::abs(a.x - b.x) + std::abs(a.y - b.y) + (nd == dir ? 0 : o_.bend_cost);
        if (used_.count(key(node, next))) cost += o_.shared_cost;
        const std::size_t ns = next * 4 + static_cast<std::size_t>(nd);
        if (d + cost < dist_[ns]) {
          dist_[ns] = d + cost;
          prev_[ns] = state;
          queue.push({d + cost, ns});
        }
      }
    }
    if (best_state == Grid::npos) return {};
    std::vector<std::size_t> nodes;
    for (std::size_t s = best_state; s != Grid::npos; s = prev_[s]) nodes.push_back(s / 4);
    std::reverse(nodes.begin(), nodes.end());
    for (std::size_t i = 1; i < nodes.size(); ++i) used_.insert(key(nodes[i - 1], nodes[i]));
    std::vector<Point> pts;
    const std::size_t first = nodes.front();
    for (const Port& p : from)
      if (grid_.node_of(p.outside) == first) {
        pts.push_back(p.border);
        break;
      }
    for (std::size_t nd : nodes) pts.push_back(grid_.point(nd));
    pts.push_back(to_border(to, goals[static_cast<std::size_t>(best_goal)].first));
    return simplify(pts);
  }

 private:
  Point to_border(const std::vector<Port>& to, std::size_t node) const {
    for (const Port& p : to)
      if (grid_.node_of(p.outside) == node) return p.border;
    return grid_.point(node);
  }
  static std::uint64_t key(std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) ^ b;
  }

  const Grid& grid_;
  const RelationRouteOptions& o_;
  std::vector<double> dist_;
  std::vector<std::size_t> prev_;
  std::unordered_set<std::uint64_t> used_;
};

/// Places label boxes: the first candidate clear of every obstacle and every label placed before.
class LabelPlacer {
 public:
  LabelPlacer(std::vector<Rect> obstacles, Rect bounds) : obstacles_(std::move(obstacles)), bounds_(bounds) {}

  /// `end_box`: for a relation drawn on a hierarchy edge, the child's box: the label may stand right of it, at
  /// the connector's end, when the connector itself has no room.
  std::optional<Rect> place(const std::vector<Point>& route, Size size, const std::optional<Rect>& end_box) {
    std::vector<std::pair<Point, Point>> segments;
    for (std::size_t i = 1; i < route.size(); ++i) segments.push_back({route[i - 1], route[i]});
    // Along a hierarchy edge only the part into the child is this relation's own: the bus is shared.
    if (end_box) std::reverse(segments.begin(), segments.end());
    constexpr double kGap = 3;
    constexpr double kTs[] = {0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9, 0.0, 1.0};
    auto try_segment = [&](const Point& a, const Point& b) -> std::optional<Rect> {
      const bool vertical = std::abs(a.x - b.x) < 1e-9;
      for (double t : kTs) {
        const Point m{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t};
        const Rect beside[] = {
            vertical ? Rect{m.x + kGap, m.y - size.height / 2, size.width, size.height}
                     : Rect{m.x - size.width / 2, m.y - kGap - size.height, size.width, size.height},
            vertical ? Rect{m.x - kGap - size.width, m.y - size.height / 2, size.width, size.height}
                     : Rect{m.x - size.width / 2, m.y + kGap, size.width, size.height},
            Rect{m.x - size.width / 2, m.y - size.height / 2, size.width, size.height}};  // on the line
        for (const Rect& r : beside)
          if (free(r)) return take(r);
      }
      return std::nullopt;
    };
    for (std::size_t k = 0; k < segments.size(); ++k) {
      if (auto r = try_segment(segments[k].first, segments[k].second)) return r;
      if (k == 0 && end_box && !route.empty()) {
        const Rect right{end_box->x + end_box->width + kGap, route.back().y - size.height / 2, size.width, size.height};
        if (free(right)) return take(right);
      }
    }
    // Nothing beside the route is free: the nearest free place around its middle, in growing rings.
    const Point mid = route.empty() ? Point{} : end_box ? route.back() : route[route.size() / 2];
    for (int ring = 1; ring <= 40; ++ring) {
      const double d = 8.0 * ring;
      for (int k = 0; k < 8 * ring; ++k) {
        const double angle = 2 * M_PI * k / (8 * ring);
        const Rect r{mid.x + d * std::cos(angle) - size.width / 2, mid.y + d * std::sin(angle) - size.height / 2,
                     size.width, size.height};
        if (free(r)) return take(r);
      }
    }
    return std::nullopt;
  }

 private:
  bool free(const Rect& r) const {
    if (!inside(bounds_, r)) return false;
    for (const Rect& o : obstacles_)
      if (overlap(o, r)) return false;
    return true;
  }
  Rect take(const Rect& r) {
    obstacles_.push_back(r);
    return r;
  }

  std::vector<Rect> obstacles_;
  Rect bounds_;
};

}  // namespace

void route_relations(const OrgGraph& g, Layout& layout, const RelationRouteOptions& o) {
  layout.relations.clear();
  if (layout.empty()) return;
  const std::size_t n = boost::num_vertices(g.graph);
  std::vector<Vertex> drawn_parent(n, Graph::null_vertex());
  for (std::size_t v = 0; v < n && v < g.children.size(); ++v)
    for (Vertex c : g.children[v]) drawn_parent[c] = static_cast<Vertex>(v);

  std::vector<Rect> boxes, hard;  // the boxes; and everything a label must stay clear of
  for (std::size_t v = 0; v < n; ++v) boxes.push_back(box_of(layout, v));
  hard = boxes;
  std::vector<Rect> obstacles;
  for (const Rect& b : boxes) obstacles.push_back(grow(b, o.clearance));
  for (const auto& grp : layout.groups)
    if (grp.caption_rect.width > 0 && grp.caption_rect.height > 0) {
      obstacles.push_back(grow(grp.caption_rect, o.clearance / 2));
      hard.push_back(grp.caption_rect);
    }
  if (layout.legend.width > 0) {
    obstacles.push_back(grow(layout.legend, o.clearance));
    hard.push_back(layout.legend);
  }

  std::vector<Edge> relations;
  for (auto e : boost::make_iterator_range(boost::edges(g.graph)))
    if (g.graph[e].type == EdgeType::kRelation) relations.push_back(e);
  if (relations.empty()) return;

  std::vector<Point> port_points;
  for (Edge e : relations)
    for (Vertex v : {boost::source(e, g.graph), boost::target(e, g.graph)})
      for (const Port& p : ports_of(boxes[v], o.clearance)) port_points.push_back(p.outside);
  const Rect area = grow(layout.bounds, 0);
  // The grid has O(b^2) points: past a few million (thousands of boxes with relations) the relations keep
  // straight lines between the centres; their labels are still placed clear of everything.
  const double side = 2.0 * static_cast<double>(obstacles.size()) + static_cast<double>(port_points.size()) + 2;
  const bool routable = side * side <= kMaxGridPoints;
  const Grid grid(routable ? obstacles : std::vector<Rect>{}, routable ? port_points : std::vector<Point>{}, area);
  Router router(grid, o);
  LabelPlacer labels(hard, area);

  // Relations along hierarchy edges first: their labels have the least room to choose from.
  std::stable_sort(relations.begin(), relations.end(), [&](Edge a, Edge b) {
    auto along = [&](Edge e) {
      const Vertex s = boost::source(e, g.graph), t = boost::target(e, g.graph);
      return drawn_parent[t] == s || drawn_parent[s] == t;
    };
    return along(a) && !along(b);
  });
  for (Edge e : relations) {
    const OrgEdge& oe = g.graph[e];
    LayoutRelation lr;
    lr.relation = oe.index;
    lr.source = boost::source(e, g.graph);
    lr.target = boost::target(e, g.graph);
    if (drawn_parent[lr.target] == lr.source && layout.hierarchy_route[lr.target].size() >= 2) {
      lr.route = layout.hierarchy_route[lr.target];
      lr.on_hierarchy = true;
    } else if (drawn_parent[lr.source] == lr.target && layout.hierarchy_route[lr.source].size() >= 2) {
      lr.route = layout.hierarchy_route[lr.source];
      std::reverse(lr.route.begin(), lr.route.end());
      lr.on_hierarchy = true;
    } else if (routable) {
      lr.route = router.route(ports_of(boxes[lr.source], o.clearance), ports_of(boxes[lr.target], o.clearance));
    }
    if (lr.route.empty()) {
      // No free channel (a box walled in), or too large a chart: the straight line between the centres.
      lr.route = {layout.centre[lr.source], layout.centre[lr.target]};
    }
    // A dotted-line manager carries no label: the legend says what the line is.
    if (!oe.label.empty() && oe.relation != "dotted-line") {
      const Size size{static_cast<double>(code_points(oe.label)) * o.label_char_width + 2 * o.label_padding,
                      o.label_height};
      std::optional<Rect> end_box;
      if (lr.on_hierarchy) end_box = boxes[drawn_parent[lr.target] == lr.source ? lr.target : lr.source];
      lr.label = labels.place(lr.route, size, end_box);
    }
    layout.relations.push_back(std::move(lr));
  }
  std::stable_sort(layout.relations.begin(), layout.relations.end(),
                   [](const LayoutRelation& a, const LayoutRelation& b) { return a.relation < b.relation; });
}

}  // namespace orgchart

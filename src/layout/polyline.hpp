#pragma once
/// Internal to layout_tree(): building the orthogonal connectors.
#include <cmath>
#include <vector>

#include "orgchart/layout/geometry.hpp"

namespace orgchart::detail {

/// Appends q to an orthogonal polyline, dropping repeated points and merging straight runs. Coordinates that
/// differ from the previous point only by rounding are snapped to it so that every segment stays axis-aligned.
inline void append_orthogonal(std::vector<Point>& line, Point q) {
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

}  // namespace orgchart::detail

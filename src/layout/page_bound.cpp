#include "orgchart/layout/page_bound.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace orgchart {

namespace {

constexpr double kEps = 1e-9;
/// Width classes are whole multiples of this many points (rounded down): at most this many classes keep the
/// linear program small whatever the cards.
constexpr std::size_t kMaxClasses = 96;

/// The most value a line across the page can carry: unbounded knapsack over whole-unit widths. `counts` gets the
/// best pattern (how many of each class), when asked for.
double knapsack(const std::vector<long>& width, const std::vector<double>& value, long cap,
                std::vector<int>* counts = nullptr) {
  std::vector<double> best(static_cast<std::size_t>(cap) + 1, 0.0);
  std::vector<int> choice(best.size(), -1);
  for (long x = 1; x <= cap; ++x) {
    best[x] = best[x - 1];
    for (std::size_t i = 0; i < width.size(); ++i)
      if (width[i] <= x && value[i] > 0 && best[x - width[i]] + value[i] > best[x] + 1e-15) {
        best[x] = best[x - width[i]] + value[i];
        choice[x] = static_cast<int>(i);
      }
  }
  if (counts) {
    counts->assign(width.size(), 0);
    for (long x = cap; x > 0;) {
      if (choice[x] < 0) {
        --x;
      } else {
        ++(*counts)[choice[x]];
        x -= width[choice[x]];
      }
    }
  }
  return best[cap];
}

/// Weights per width class for the lines bound: the duals of min sum x_p s.t. sum_p count_pc x_p >= demand_c
/// (x_p: the lines, in pages, that cross the pattern p of grown widths), by the revised simplex with column
/// generation (the entering pattern from the knapsack). Whatever it returns is only used after certification.
std::vector<double> line_weights(const std::vector<long>& width, const std::vector<double>& demand, long cap) {
  const std::size_t m = width.size();
  // Basis: one pattern of each class alone; its inverse kept dense (m is small).
  std::vector<std::vector<double>> inv(m, std::vector<double>(m, 0.0));
  std::vector<double> x(m), cost(m, 1.0), y(m), u(m), column(m);
  for (std::size_t i = 0; i < m; ++i) {
    const double copies = static_cast<double>(cap / width[i]);
    inv[i][i] = 1 / copies;
    x[i] = demand[i] / copies;
  }
  std::vector<int> counts;
  for (std::size_t iteration = 0; iteration < 20 * m + 100; ++iteration) {
    for (std::size_t j = 0; j < m; ++j) {
      double s = 0;
      for (std::size_t i = 0; i < m; ++i) s += cost[i] * inv[i][j];
      y[j] = s;
    }
    double entering_cost = 0;
    const auto negative = std::find_if(y.begin(), y.end(), [](double v) { return v < -kEps; });
    if (negative != y.end()) {
      // A surplus column (-e_c, cost 0) prices out negative.
      std::fill(column.begin(), column.end(), 0.0);
      column[negative - y.begin()] = -1;
    } else {
      if (knapsack(width, y, cap, &counts) <= 1 + kEps) break;  // optimal
      for (std::size_t i = 0; i < m; ++i) column[i] = counts[i];
      entering_cost = 1;
    }
    for (std::size_t i = 0; i < m; ++i) {
      double s = 0;
      for (std::size_t j = 0; j < m; ++j) s += inv[i][j] * column[j];
      u[i] = s;
    }
    std::size_t r = m;
    double theta = 0;
    for (std::size_t i = 0; i < m; ++i)
      if (u[i] > kEps && (r == m || x[i] / u[i] < theta - 1e-12)) {
        r = i;
        theta = x[i] / u[i];
      }
    if (r == m) break;
    for (std::size_t i = 0; i < m; ++i) x[i] -= theta * u[i];
    x[r] = theta;
    const double pivot = u[r];
    for (double& v : inv[r]) v /= pivot;
    for (std::size_t i = 0; i < m; ++i)
      if (i != r && u[i] != 0)
        for (std::size_t j = 0; j < m; ++j) inv[i][j] -= u[i] * inv[r][j];
    cost[r] = entering_cost;
  }
  for (std::size_t j = 0; j < m; ++j) {
    double s = 0;
    for (std::size_t i = 0; i < m; ++i) s += cost[i] * inv[i][j];
    y[j] = std::max(s, 0.0);
  }
  return y;
}

/// The lines bound in one direction: every line across the page (along x when `across`, else along y) crosses grown
/// cards no longer together than the grown room; integrated over the page, each card counts its grown extent the
/// other way. `pages_guess` plans how many headers and stubs there are (any number gives a valid bound).
double lines_bound(const PageBoundInput& in, bool across, double pages_guess) {
  auto along = [&](Size z) { return across ? z.width + in.gap.width : z.height + in.gap.height; };
  auto other = [&](Size z) { return across ? z.height + in.gap.height : z.width + in.gap.width; };
  const Size room{in.room.width, in.room.height};
  const double cap_along = along(room), cap_other = other(room);
  const double roots = static_cast<double>(in.roots);
  // Classes of grown length in whole units of `unit` points, rounded down (a line's pattern of real lengths fits,
  // so does its rounded one); each class's demand the grown extents of its cards the other way, in pages.
  double unit = 1;
  std::map<long, double> classes;
  for (;;) {
    classes.clear();
    for (const Size& c : in.cards) {
      if (along(c) > cap_along) continue;  // longer than a page: it is on no page that fits
      const long k = static_cast<long>(std::floor(along(c) / unit));
      classes[std::max(k, 1L)] += other(c) / cap_other;
    }
    if (classes.size() <= kMaxClasses) break;
    unit *= 2;
  }
  const long cap = static_cast<long>(std::floor(cap_along / unit));
  if (cap < 1 || classes.empty()) return 0;
  std::vector<long> width;
  std::vector<double> demand;
  for (const auto& [k, d] : classes) width.push_back(k), demand.push_back(d);
  // The headers and stubs as one more class (none counted when such a card would not fit a page).
  const bool extras = along(in.extra) <= cap_along;
  width.push_back(std::min(std::max(static_cast<long>(std::floor(along(in.extra) / unit)), 1L), cap));
  demand.push_back(extras ? 2 * std::max(pages_guess - roots, 0.0) * other(in.extra) / cap_other : 0.0);
  const std::vector<double> y = line_weights(width, demand, cap);
  // Certify: K is the most any line can carry with these weights, so k pages carry at most k K; they carry
  // S = sum_c y_c demand_c for the cards, and t for each of the k - r pairs of a header and a stub,
  // t = y_x 2 (extent) / (room's extent): k (K - t) >= S - r t.
  const double most = knapsack(width, y, cap);
  if (!(most > kEps)) return 0;
  double s = 0;
  for (std::size_t i = 0; i + 1 < width.size(); ++i) s += y[i] * demand[i];
  const double t = extras ? y.back() * 2 * other(in.extra) / cap_other : 0.0;
  return most > t + kEps ? std::max(s / most, (s - roots * t) / (most - t)) : s / most;
}

}  // namespace

PageBound page_lower_bound(const PageBoundInput& in) {
  PageBound out;
  const double cap_w = in.room.width + in.gap.width, cap_h = in.room.height + in.gap.height;
  if (!(cap_w > 0) || !(cap_h > 0)) return out;
  const double extra_w = in.extra.width + in.gap.width, extra_h = in.extra.height + in.gap.height;
  const double roots = static_cast<double>(in.roots);

  // Area: k pages hold k (W + gx)(H + gy) >= A + 2 (k - r) e.
  double area = 0;
  for (const Size& c : in.cards) area += (c.width + in.gap.width) * (c.height + in.gap.height);
  const double room = cap_w * cap_h, e = 2 * extra_w * extra_h;
  out.area = room > e ? std::max(area / room, (area - roots * e) / (room - e)) : area / room;
  // Lines across (rows of cards cannot be wider than the page) and down (nor columns taller).
  out.lines = lines_bound(in, true, std::ceil(out.area));
  out.columns = lines_bound(in, false, std::ceil(out.area));
  out.pages = std::max<std::size_t>(
      static_cast<std::size_t>(std::ceil(std::max({out.area, out.lines, out.columns}) - 1e-9)), 1);
  return out;
}

}  // namespace orgchart

// Every tree keeps the page's shape: the efficiency E of the layout on a suite of seeded trees and the two
// real charts, on four pages. E = (scale at which the drawing, with margins and title, fits the page, at most 1)
// / min(1, sqrt(page area / total box area)): 1 is as large as any drawing of the same boxes could be.
// Prints the table the README quotes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/org_layout.hpp"
#include "orgchart/layout/tree_layout.hpp"
#include "orgchart/readers/loader.hpp"
#include "orgchart/writers/render.hpp"
#include "tree_layout_checks.hpp"
#include "tree_layout_inputs.hpp"

namespace orgchart {
namespace {

using namespace layout_test;

struct Page {
  const char* name;
  double width, height;
};
constexpr Page kPages[] = {{"A4 landscape", 842, 595}, {"A4 portrait", 595, 842}, {"A3", 842, 1191},
                           {"1920x1080", 1920, 1080}};
constexpr double kMargin = 18, kTitle = 28;  // what the org adapter adds around the drawing
// Issue 14 asks for 0.65 on average on every page and 0.55 for every tree: both hold on every page.
constexpr double kMeanFloor[] = {0.65, 0.65, 0.65, 0.65}, kTreeFloor = 0.55;

struct Fit {
  double e, scale, aspect;
};

/// E of a drawing W x H (margins and title included) of boxes of total area `box_area` on `page`.
Fit efficiency(double width, double height, double box_area, const Page& page) {
  const double scale = std::min(page.width / width, page.height / height);
  const double ideal = std::min(1.0, std::sqrt(page.width * page.height / box_area));
  return {std::min(scale, 1.0) / ideal, scale, width / height};
}

/// A tree of the suite: its fit on a page, with arrangements chosen (`choose`) or with the tidy tree's
/// chart-wide compaction only (the layout before).
struct Tree {
  std::string name;
  std::function<Fit(const Page&, bool choose)> fit;
  bool assistants = false;  ///< the tidy tree ignores side placement: its fit is not comparable
};

/// A generated tree through layout_tree() with the adapter's margins and a title band; checks every
/// property of the result on the way.
Tree generated(std::string name, TreeLayoutInput in) {
  const bool assistants = !in.side.empty();
  return {name, [in, name](const Page& page, bool choose) {
            TreeLayoutOptions o;
            o.choose_arrangements = choose;
            o.page_aspect = page.width / page.height;
            o.page_reserve = {2 * kMargin, 2 * kMargin + kTitle};
            const TreeLayoutResult r = layout_tree(in, o);
            expect_valid_layout(in, o, r, {.sides = choose});  // the tidy tree ignores side placement
            double area = 0;
            for (const Size& s : in.size) area += s.width * s.height;
            return efficiency(r.bounds.width + o.page_reserve.width, r.bounds.height + o.page_reserve.height, area,
                              page);
          },
          assistants};
}

/// A data file through the whole pipeline: its cards as the renderer measures them, its legend and title.
Tree real(std::string name, std::string path) {
  return {std::move(name), [path](const Page& page, bool choose) {
            ReadResult read = load_org_file(path);
            const OrgGraph g = build_graph(read.model);
            const CardSizes sizes = measure_cards(g);
            OrgLayoutOptions o;
            o.tree.page_aspect = page.width / page.height;
            o.tree.choose_arrangements = choose;
            o.title_height = g.model.title.empty() ? 0 : kTitle;
            const Layout layout = org_layout(g, sizes.cards, o, sizes.legend);
            double area = sizes.legend.width * sizes.legend.height;
            for (const Size& s : sizes.cards) area += s.width * s.height;
            return efficiency(layout.bounds.width, layout.bounds.height, area, page);
          }};
}

TEST(PageFit, EverySuiteTreeKeepsThePagesShape) {
  std::vector<Tree> trees;
  trees.push_back(generated("random org, 100 units", org_tree(100, 1)));
  trees.push_back(generated("random org, 300 units", org_tree(300, 2)));
  trees.push_back(generated("random org, 1,000 units", org_tree(1000, 3)));
  trees.push_back(generated("random org, 3,000 units", org_tree(3000, 4)));
  trees.push_back(generated("flat: 200 children, half with 5", flat_tree(200, 5, 5)));
  trees.push_back(generated("deep narrow: depth 40", deep_tree(40, 6)));
  trees.push_back(generated("HR: chief, 10-20 managers, teams", hr_tree(7, false)));
  trees.push_back(generated("HR with an assistant", hr_tree(8, true)));
  trees.push_back(real("ILD (data/ild.yaml)", "data/ild.yaml"));
  trees.push_back(real("party-state (data/party-state.yaml)", "data/party-state.yaml"));

  // Each cell: E before (the tidy tree's chart-wide compaction only) -> E now.
  std::string table = "| tree (E before -> now) |";
  for (const Page& p : kPages) table += std::string(" ") + p.name + " |";
  table += "\n|---|---|---|---|---|\n";
  std::vector<double> sum(std::size(kPages), 0), sum_before(std::size(kPages), 0);
  std::size_t aspect_misses = 0;
  for (const Tree& t : trees) {
    table += "| " + t.name + " |";
    for (std::size_t i = 0; i < std::size(kPages); ++i) {
      const Page& page = kPages[i];
      SCOPED_TRACE(t.name + " on " + page.name);
      const Fit now = t.fit(page, true), before = t.fit(page, false);
      char cell[64];
      std::snprintf(cell, sizeof cell, " %.2f -> %.2f |", before.e, now.e);
      table += cell;
      sum[i] += now.e;
      sum_before[i] += before.e;
      // The tidy tree's compaction is one of the candidates: choosing arrangements never fits worse.
      if (!t.assistants) {
        EXPECT_GE(now.e, before.e - 1e-9);
      }
      EXPECT_GE(now.e, kTreeFloor);  // no tree falls below 0.55
      // Too large for the page at full size: then the page's shape, within 1.5x (counted, see below).
      const double page_aspect = page.width / page.height;
      if (now.scale < 1 && (now.aspect > 1.5 * page_aspect || now.aspect < page_aspect / 1.5)) {
        ++aspect_misses;
        table.back() = '*', table += " |";
      }
    }
    table += "\n";
  }
  table += "| **mean** |";
  for (std::size_t i = 0; i < std::size(kPages); ++i) {
    const double n = static_cast<double>(trees.size()), mean = sum[i] / n;
    char cell[64];
    std::snprintf(cell, sizeof cell, " **%.2f -> %.3f** |", sum_before[i] / n, mean);
    table += cell;
    EXPECT_GE(mean, kMeanFloor[i]) << kPages[i].name;
    EXPECT_GE(mean, sum_before[i] / n + 0.05) << kPages[i].name << ": no better than before";
  }
  std::printf("%s\n(* = drawing aspect more than 1.5x off the page's)\n", table.c_str());
  // Every tree keeps the page's shape within 1.5x (the depth-40 tree by shrinking below its ideal scale).
  EXPECT_EQ(aspect_misses, 0u);
}

}  // namespace
}  // namespace orgchart

#pragma once
/// `--pages`: a chart cut into pages (layout/pages.hpp), each page a chart of its own: its units, a stub
/// "continued on p. N" where a subtree goes on elsewhere, a header card "from <parent>, p. M" above a subtree
/// continued from elsewhere, and "relation -> target, p. K" cards for relations and roles whose other end is
/// on another page. Each page is laid out like any chart and checked to hold its text at the size asked for.
#include <cstddef>
#include <string>
#include <vector>

#include "orgchart/graph/org_graph.hpp"
#include "orgchart/layout/layout.hpp"
#include "orgchart/layout/org_layout.hpp"

namespace orgchart {

/// A card that refers to another page: clicking it in a PDF goes there.
struct PageLink {
  enum class Kind { kContinued, kFrom, kReference } kind;
  Vertex vertex;     ///< in the page's graph
  std::size_t page;  ///< 1-based
};

struct ChartPage {
  OrgGraph graph;
  Layout layout;
  std::vector<PageLink> links;
  /// Per vertex of `graph`: the vertex of the whole chart it draws (units, people, --depth stubs) or
  /// Graph::null_vertex() for the page's own cards (stubs, headers, references).
  std::vector<Vertex> source;
  /// Per vertex of `graph`: the column it stands in on a flowed page (layout/pages_flow.hpp); -1 on the overview.
  std::vector<int> column;
};

struct PagingSettings {
  PageSize page;               ///< the paper (default A4 landscape)
  double min_text = 9;         ///< smallest effective text size (pt) once a page is fitted to the paper
  double smallest_font = 10;   ///< the smallest font the drawing uses (pt): card details
  int max_rounds = 12;         ///< flows of the chart: again while a page comes out too big once laid out
};

struct PagedChart {
  PageSize page;
  double min_scale = 0;          ///< min_text / smallest_font: no page is drawn smaller
  std::vector<ChartPage> pages;  ///< pages[0] is page 1, the overview
  int rounds = 0;                ///< cutting rounds it took
  std::size_t unfit = 0;         ///< pages still too big after max_rounds (0 unless a single card is too big)
  /// No drawing of the chart in our conventions needs fewer pages: the cards with the smallest gaps any
  /// arrangement leaves between them (sibling_gap across, row_gap down) over a page's usable area at min_scale
  /// (paper less margins and what every page keeps above its cards: page 1 its heading, a flowed page its title
  /// band and the connectors' lane; the larger of the two rooms). See README "How many pages".
  std::size_t lower_bound = 0;
  double area_bound = 0, lines_bound = 0, columns_bound = 0;  ///< its parts, unrounded (layout/page_bound.hpp)
};

/// The scale at which a drawing of `bounds` (margins included) is put on the paper: the largest that fits, at most 1.
double page_scale(const Rect& bounds, const PageSize& page);

/// Cuts `g` into pages: the overview (org_layout) and the flowed pages (layout/pages_flow.hpp), each laid out.
/// Deterministic; O(n h) per round (h: the cards of one page's path).
PagedChart paginate(const OrgGraph& g, const PagingSettings& settings = {});

}  // namespace orgchart
